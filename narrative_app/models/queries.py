"""Models (persistence layer): the SQL behind listing, searching, pace and version thinning.

Listing reads only the summary columns kept up to date at save time, never drafts or
version bundles, so a library of a thousand narratives opens at once. Search folds case in
any script with the ``nc_fold`` SQL function registered by ``database.py``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Select, String, bindparam, delete, exists, func, or_, select, text
from sqlalchemy.orm import Session

from narrative_app.domain import SPOKEN_WPM
from narrative_app.models.schema import NarrativeRow, RunRow, SplitRow, VersionRow
from narrative_app.models.versions import versions_to_thin

_IN_PARTS = text(
    "EXISTS (SELECT 1 FROM parts p WHERE p.narrative_id = narratives.id AND ("
    " instr(nc_fold(p.draft), :needle) > 0"
    " OR EXISTS (SELECT 1 FROM json_each(p.fields) f WHERE instr(nc_fold(f.value), :needle) > 0)"
    " OR EXISTS (SELECT 1 FROM json_each(p.cues) c WHERE instr(nc_fold(c.value), :needle) > 0)"
    "))"
)
_IN_VALUES = text(
    "EXISTS (SELECT 1 FROM chosen_values v WHERE v.narrative_id = narratives.id"
    " AND instr(nc_fold(v.value), :needle) > 0)"
)


def summaries(*, trashed: bool, needle: str = "") -> Select[*tuple[Any, ...]]:
    """Rows in NarrativeSummary field order, newest first; ``needle`` must be folded already."""
    n = NarrativeRow
    last_run = (
        select(func.max(RunRow.started_at)).where(RunRow.narrative_id == n.id)
    ).scalar_subquery()
    stmt = select(
        n.id,
        n.title,
        n.audience,
        n.occasion,
        n.preset,
        n.target_seconds,
        n.words,
        n.paragraphs,
        n.pace_wpm,
        n.updated_at,
        last_run,
        n.trashed_at,
        n.gaps,
    ).where(n.trashed_at.is_not(None) if trashed else n.trashed_at.is_(None))
    if needle:
        stmt = stmt.where(_matches()).params(needle=needle)
    return stmt.order_by(n.updated_at.desc(), n.id.desc())


def _matches() -> Any:
    """Title, audience, occasion, any part's draft, field or cue, or a chosen value."""
    needle = bindparam("needle", type_=String)

    def has(column: Any) -> Any:
        return func.instr(func.nc_fold(column), needle) > 0

    n = NarrativeRow
    return or_(has(n.title), has(n.audience), has(n.occasion), _IN_PARTS, _IN_VALUES)




def spoken_totals(narrative_id: int, runs: int) -> Select[int, float]:
    """(words, seconds) spoken over the latest ``runs`` runs that have words in their splits,
    counting only parts told at a believable pace (``SPOKEN_WPM``)."""
    slowest, fastest = SPOKEN_WPM
    spoken = (
        (SplitRow.words > 0)
        & (SplitRow.seconds > 0)
        & (SplitRow.words * 60 <= SplitRow.seconds * fastest)
        & (SplitRow.words * 60 >= SplitRow.seconds * slowest)
    )
    # Once the app has listened to a run, only listened runs count: their pace is heard,
    # not guessed from key presses (the same rule as ``rehearsal.pace.pace_verdicts``).
    listened = exists().where(RunRow.narrative_id == narrative_id, RunRow.speech != "{}")
    recent = (
        select(RunRow.id)
        .where(RunRow.narrative_id == narrative_id)
        .where(exists().where(SplitRow.run_id == RunRow.id, spoken))
        .where(~listened | (RunRow.speech != "{}"))
        .order_by(RunRow.started_at.desc(), RunRow.id.desc())
        .limit(runs)
    )
    return select(func.sum(SplitRow.words), func.sum(SplitRow.seconds)).where(
        SplitRow.run_id.in_(recent), spoken
    )


def thin_versions(s: Session, now: datetime) -> int:
    """Delete the automatic versions the thinning rules drop; returns how many."""
    stmt = select(VersionRow.id, VersionRow.narrative_id, VersionRow.created_at).where(
        VersionRow.automatic.is_(True)
    )
    doomed = versions_to_thin(((r[0], r[1], r[2]) for r in s.execute(stmt)), now)
    for start in range(0, len(doomed), 500):
        s.execute(delete(VersionRow).where(VersionRow.id.in_(doomed[start : start + 500])))
    return len(doomed)
