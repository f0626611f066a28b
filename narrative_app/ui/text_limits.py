"""Qt-free size limits for what the window accepts into one part's draft.

A narrative is a few thousand words; a part far past this is not a story to tell in a few
minutes, and keeping the window responsive (coach, spell check, preview) is promised up to
it. Seam: the import helper is adding ``narrative_app/limits.py`` with the app-wide limits;
until it lands the window uses this one, to be replaced by an import from there.
"""

from __future__ import annotations

MAX_PART_CHARS = 200_000  # about 35,000 words in one part: far beyond any spoken story


def paste_fits(current_chars: int, replaced_chars: int, pasted_chars: int) -> bool:
    """Whether a paste keeps the part within the limit."""
    return current_chars - replaced_chars + pasted_chars <= MAX_PART_CHARS
