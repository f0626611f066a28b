"""Models (persistence layer): the versions and rehearsal runs of a store's narratives.

``History`` is a small object the ``NarrativeStore`` owns: it is given the store's
transactions and clock and nothing else, and the store hands its version and run calls on
to it. A version keeps a narrative as a `.narrative` bundle (``bundle.dumps``). Automatic
versions are made at the first change of each editing day and before every restore, and
thinned over time (see ``versions.py``); named ones are kept for ever.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, selectinload

from narrative_app import bundle
from narrative_app.domain import PACE_RUNS, Narrative, RehearsalRun, VersionInfo
from narrative_app.errors import NotFoundError
from narrative_app.models import mapping, queries, recovery, versions
from narrative_app.models.schema import NarrativeRow, RunRow, VersionRow

Transaction = Callable[[], AbstractContextManager[Session]]


class History:
    """Versions and rehearsal runs; every call is one transaction of the owning store."""

    def __init__(self, tx: Transaction, clock: Callable[[], datetime]) -> None:
        self._tx = tx
        self._clock = clock

    # ----------------------------------------------------------------- versions
    def create_version(
        self,
        narrative_id: int,
        label: str,
        *,
        audience: str | None = None,
        occasion: str | None = None,
        automatic: bool = False,
    ) -> VersionInfo:
        """Keep the narrative as saved now under ``label`` (with audience and occasion)."""
        now = self._clock()
        label = " ".join(str(label or "").split()) or f"Saved on {recovery.describe_time(now)}"
        with self._tx() as s:
            row = mapping.narrative_row(s, narrative_id)
            version = VersionRow(
                narrative_id=row.id,
                label=label,
                audience=row.audience if audience is None else audience,
                occasion=row.occasion if occasion is None else occasion,
                created_at=now,
                automatic=automatic,
                bundle=bundle.dumps(mapping.load_narrative(s, row)),
            )
            s.add(version)
            s.flush()
            return mapping.version_info(version)

    def list_versions(self, narrative_id: int) -> list[VersionInfo]:
        """Versions of a narrative, newest first (their content is not loaded)."""
        stmt = (
            select(VersionRow)
            .options(defer(VersionRow.bundle))
            .where(VersionRow.narrative_id == narrative_id)
            .order_by(VersionRow.created_at.desc(), VersionRow.id.desc())
        )
        with self._tx() as s:
            mapping.narrative_row(s, narrative_id)
            return [mapping.version_info(v) for v in s.scalars(stmt)]

    def version_narrative(self, version_id: int) -> Narrative:
        """The content of a version (``id`` is None: it is not a stored narrative)."""
        with self._tx() as s:
            return bundle.loads(_version(s, version_id).bundle)

    def restore_version(self, version_id: int) -> Narrative:
        """Make a version the current content, keeping the current state as an automatic version."""
        now = self._clock()
        with self._tx() as s:
            version = _version(s, version_id)
            restored = bundle.loads(version.bundle)
            row = mapping.narrative_row(s, version.narrative_id)
            current = mapping.load_narrative(s, row)
            s.add(_automatic_version(current, versions.restore_label(version.label), now))
            mapping.write_narrative(row, restored)
            mapping.write_values(s, row.id, restored.values)
            row.updated_at = now
            return mapping.load_narrative(s, row)

    def keep_day_version(self, s: Session, row: NarrativeRow, now: datetime) -> None:
        """At the first change of a day, keep the state before it as an automatic version
        (inside the store's transaction that makes the change)."""
        if row.updated_at.date() >= now.date():
            return
        current = mapping.load_narrative(s, row)
        if _has_content(current):
            s.add(_automatic_version(current, versions.day_label(now), now))

    def thin_versions(self) -> None:
        """Drop the automatic versions the thinning rule no longer keeps."""
        with self._tx() as s:
            queries.thin_versions(s, self._clock())

    # ----------------------------------------------------------------- rehearsal runs
    def add_run(self, run: RehearsalRun) -> int:
        with self._tx() as s:
            mapping.narrative_row(s, run.narrative_id)
            row = mapping.run_to_row(run)
            s.add(row)
            s.flush()
            run.id = row.id
            return row.id

    def list_runs(self, narrative_id: int) -> list[RehearsalRun]:
        """Runs of a narrative, oldest first, with their splits."""
        stmt = (
            select(RunRow)
            .options(selectinload(RunRow.splits))
            .where(RunRow.narrative_id == narrative_id)
            .order_by(RunRow.started_at, RunRow.id)
        )
        with self._tx() as s:
            mapping.narrative_row(s, narrative_id)
            return [mapping.read_run(r) for r in s.scalars(stmt)]

    def delete_run(self, run_id: int) -> None:
        """Remove one rehearsal run and its splits; an unknown id is a NotFoundError."""
        with self._tx() as s:
            row = s.get(RunRow, run_id)
            if row is None:
                raise NotFoundError(f"There is no rehearsal run with id {run_id}.")
            s.delete(row)

    def measured_pace(self, narrative_id: int) -> float | None:
        """Words per minute over the latest runs with spoken words, or None without any."""
        with self._tx() as s:
            words, seconds = s.execute(queries.spoken_totals(narrative_id, PACE_RUNS)).one()
        if not words or not seconds or seconds < 1:
            return None
        return round(words * 60.0 / seconds, 1)


def _version(s: Session, version_id: int) -> VersionRow:
    version = s.get(VersionRow, version_id)
    if version is None:
        raise NotFoundError(f"There is no saved version with id {version_id}.")
    return version


def _automatic_version(current: Narrative, label: str, now: datetime) -> VersionRow:
    if current.id is None:  # read from a row, so never; a clear error if that ever changes
        raise NotFoundError("A narrative that is not stored has no versions.")
    return VersionRow(
        narrative_id=current.id,
        label=label,
        audience=current.audience,
        occasion=current.occasion,
        created_at=now,
        automatic=True,
        bundle=bundle.dumps(current),
    )


def _has_content(narrative: Narrative) -> bool:
    return any(
        part.draft.strip() or part.cues or any(v.strip() for v in part.fields.values())
        for part in narrative.parts.values()
    )
