"""Test helper: change one part of a stored narrative the way the app saves it.

The app never writes a single part: the controller holds the whole narrative and saves it
with ``NarrativeStore.save``. This reads, edits and saves the same way.
"""

from __future__ import annotations

from narrative_app.domain import PartKind
from narrative_app.models import NarrativeStore


def edit_part(store: NarrativeStore, narrative_id: int, kind: PartKind | str, *,
              draft: str | None = None, cues: list[str] | None = None,
              fields: dict[str, str] | None = None, target_seconds: int | None = None) -> None:
    """Change one part of narrative ``narrative_id``; ``fields`` are merged into its fields."""
    narrative = store.get(narrative_id)
    part = narrative.parts[PartKind(kind)]
    if draft is not None:
        part.draft = draft
    if cues is not None:
        part.cues = list(cues)
    if fields is not None:
        part.fields.update(fields)
    if target_seconds is not None:
        part.target_seconds = target_seconds
    store.save(narrative)
