"""Text: the word diff behind the Versions dialog's comparison.

Layer: text (standard library only). ``difflib`` over words and the spaces between them, so a
change shows as whole words added or removed.
"""

from __future__ import annotations

import difflib
import re

_TOKENS = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(kind, text) runs, kind in "same", "added", "removed", compared word by word."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("same", "".join(a[i1:i2])))
            continue
        if tag in ("delete", "replace"):
            runs.append(("removed", "".join(a[i1:i2])))
        if tag in ("insert", "replace"):
            runs.append(("added", "".join(b[j1:j2])))
    return runs
