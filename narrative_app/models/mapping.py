"""Models (persistence layer): turning rows into domain objects and back.

Only this module and ``store.py`` know both the SQLAlchemy rows and the domain dataclasses.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from narrative_app.domain import (
    PART_ORDER,
    Narrative,
    PartKind,
    PartSplit,
    RehearsalRun,
    StoryPart,
    VersionInfo,
)
from narrative_app.errors import BadInputError, NotFoundError
from narrative_app.models.schema import (
    NarrativeRow,
    PartRow,
    RunRow,
    SplitRow,
    ValueRow,
    VersionRow,
)
from narrative_app.text.timing import text_stats


def dump_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def load_json(text: str | None, default: Any) -> Any:
    try:
        value = json.loads(text or "")
    except ValueError:
        return default
    return value if isinstance(value, type(default)) else default


def write_part(row: PartRow, part: StoryPart) -> None:
    """Copy a StoryPart into its row, with fresh word and paragraph counts."""
    row.kind = part.kind.value
    set_draft(row, part.draft)
    row.cues = dump_json([str(c) for c in part.cues])
    row.fields = dump_json(dict(part.fields))
    row.target_seconds = int(part.target_seconds or 0)


def set_draft(row: PartRow, draft: str) -> None:
    if draft == row.draft and row.words is not None and row.gaps is not None:
        return  # unchanged: skip recounting (a whole-narrative save with a huge part stays fast)
    stats = text_stats(draft)
    row.draft = draft
    row.words = stats.words
    row.paragraphs = stats.paragraphs
    row.gaps = stats.gaps


def read_part(row: PartRow) -> StoryPart:
    fields = load_json(row.fields, {})
    return StoryPart(
        kind=PartKind(row.kind),
        fields={str(k): str(v) for k, v in fields.items()},
        draft=row.draft or "",
        cues=[str(c) for c in load_json(row.cues, [])],
        target_seconds=row.target_seconds or 0,
    )


def read_people(text: str | None) -> dict[str, str]:
    """The stored name choices (name -> printed text), {} when none or unreadable."""
    data = load_json(text or "{}", {})
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if str(k).strip()}


def refresh_totals(row: NarrativeRow) -> None:
    """Recompute the narrative's word, paragraph and target totals from its parts."""
    row.words = sum(p.words for p in row.parts)
    row.paragraphs = sum(p.paragraphs for p in row.parts)
    row.gaps = sum(p.gaps or 0 for p in row.parts)
    row.target_seconds = sum(p.target_seconds for p in row.parts)


def write_narrative(row: NarrativeRow, narrative: Narrative) -> None:
    """Copy title, settings and all three parts into ``row`` (values are written separately)."""
    row.title = narrative.title
    row.audience = narrative.audience
    row.occasion = narrative.occasion
    row.preset = narrative.preset
    row.pace_wpm = int(narrative.pace_wpm)
    row.next_step = narrative.next_step
    row.people = dump_json(dict(narrative.people))
    by_kind = {p.kind: p for p in row.parts}
    for kind in PART_ORDER:
        part_row = by_kind.get(kind.value)
        if part_row is None:
            part_row = PartRow(kind=kind.value)
            row.parts.append(part_row)
        write_part(part_row, narrative.parts[kind])
    refresh_totals(row)


def read_narrative(row: NarrativeRow, values: Iterable[str]) -> Narrative:
    parts = {PartKind(p.kind): read_part(p) for p in row.parts if p.kind in _KINDS}
    return Narrative(
        title=row.title,
        audience=row.audience,
        occasion=row.occasion,
        preset=row.preset,
        pace_wpm=row.pace_wpm,
        values=list(values),
        parts=parts,
        next_step=row.next_step or "",
        people=read_people(row.people),
        id=row.id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        trashed_at=row.trashed_at,
    )


def version_info(row: VersionRow) -> VersionInfo:
    return VersionInfo(
        id=row.id,
        narrative_id=row.narrative_id,
        label=row.label,
        audience=row.audience,
        occasion=row.occasion,
        created_at=row.created_at,
        automatic=bool(row.automatic),
    )


def run_to_row(run: RehearsalRun) -> RunRow:
    return RunRow(
        narrative_id=run.narrative_id,
        started_at=run.started_at,
        total_seconds=float(run.total_seconds),
        view=run.view,
        notes=run.notes,
        feedback=dump_json(dict(run.feedback)),
        speech=dump_json(dict(run.speech)),
        splits=[
            SplitRow(
                position=index,
                part=PartKind(split.part).value,
                seconds=float(split.seconds),
                target_seconds=int(split.target_seconds),
                words=int(split.words),
            )
            for index, split in enumerate(run.splits)
        ],
    )


def read_run(row: RunRow) -> RehearsalRun:
    feedback = load_json(row.feedback, {})
    return RehearsalRun(
        narrative_id=row.narrative_id,
        started_at=row.started_at,
        total_seconds=row.total_seconds,
        splits=[
            PartSplit(
                part=PartKind(s.part),
                seconds=s.seconds,
                target_seconds=s.target_seconds,
                words=s.words,
            )
            for s in row.splits
        ],
        view=row.view,
        notes=row.notes,
        feedback={str(k): str(v) for k, v in feedback.items()},
        speech=load_json(row.speech, {}),
        id=row.id,
    )


_KINDS = {k.value for k in PART_ORDER}


def write_values(s: Session, narrative_id: int, values: Any) -> None:
    if isinstance(values, str) or not all(isinstance(v, str) for v in values):
        raise BadInputError("Chosen values must be a list of words or phrases.")
    s.execute(delete(ValueRow).where(ValueRow.narrative_id == narrative_id))
    cleaned = [v.strip() for v in values if v.strip()]
    s.add_all(
        ValueRow(narrative_id=narrative_id, position=i, value=v) for i, v in enumerate(cleaned)
    )


def narrative_row(s: Session, narrative_id: int) -> NarrativeRow:
    """The stored row of a narrative; an unknown id is a NotFoundError."""
    row = s.get(NarrativeRow, narrative_id)
    if row is None:
        raise NotFoundError(
            f"There is no narrative with id {narrative_id}; it may have been deleted."
        )
    return row


def load_narrative(s: Session, row: NarrativeRow) -> Narrative:
    """A stored narrative with its chosen values, in their order."""
    values = s.scalars(
        select(ValueRow.value).where(ValueRow.narrative_id == row.id).order_by(ValueRow.position)
    )
    return read_narrative(row, values)
