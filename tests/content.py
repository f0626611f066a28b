"""Test helper: whether two narratives hold the same writing and settings."""

from __future__ import annotations

from narrative_app.domain import Narrative

CONTENT_KEYS = ("title", "audience", "occasion", "preset", "pace_wpm", "values", "parts",
                "next_step", "people")


def same_content(first: Narrative, second: Narrative) -> bool:
    """True when the writing and settings match, ignoring id and timestamps."""
    return all(getattr(first, key) == getattr(second, key) for key in CONTENT_KEYS)
