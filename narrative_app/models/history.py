"""Models (persistence layer): the versions and rehearsal-run half of NarrativeStore.

A version keeps a narrative as a `.narrative` bundle (``bundle.dumps``). Automatic versions are
made at the first change of each editing day and before every restore, and thinned over time
(see ``versions.py``); named ones are kept for ever.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, selectinload

from narrative_app import bundle
from narrative_app.domain import PACE_RUNS, Narrative, RehearsalRun, VersionInfo
from narrative_app.errors import NotFoundError
from narrative_app.models import mapping, queries, recovery, versions
from narrative_app.models.schema import NarrativeRow, RunRow, VersionRow


class HistoryMixin:
    """Versions and rehearsal runs; mixed into NarrativeStore, which provides the session."""

    clock: Callable[[], datetime]

    if TYPE_CHECKING:

        def _tx(self) -> AbstractContextManager[Session]: ...
        def _row(self, s: Session, narrative_id: int) -> NarrativeRow: ...
        def _read(self, s: Session, row: NarrativeRow) -> Narrative: ...

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
        now = self.clock()
        label = " ".join(str(label or "").split()) or f"Saved on {recovery.describe_time(now)}"
        with self._tx() as s:
            row = self._row(s, narrative_id)
            version = VersionRow(
                narrative_id=row.id,
                label=label,
                audience=row.audience if audience is None else audience,
                occasion=row.occasion if occasion is None else occasion,
                created_at=now,
                automatic=automatic,
                bundle=bundle.dumps(self._read(s, row)),
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
            self._row(s, narrative_id)
            return [mapping.version_info(v) for v in s.scalars(stmt)]

    def version_narrative(self, version_id: int) -> Narrative:
        """The content of a version (``id`` is None: it is not a stored narrative)."""
        with self._tx() as s:
            return bundle.loads(self._version(s, version_id).bundle)

    def restore_version(self, version_id: int) -> Narrative:
        """Make a version the current content, keeping the current state as an automatic version."""
        now = self.clock()
        with self._tx() as s:
            version = self._version(s, version_id)
            restored = bundle.loads(version.bundle)
            row = self._row(s, version.narrative_id)
            current = self._read(s, row)
            s.add(self._automatic_version(current, versions.restore_label(version.label), now))
            mapping.write_narrative(row, restored)
            mapping.write_values(s, row.id, restored.values)
            row.updated_at = now
            return self._read(s, row)

    # ----------------------------------------------------------------- rehearsal runs
    def add_run(self, run: RehearsalRun) -> int:
        with self._tx() as s:
            self._row(s, run.narrative_id)
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
            self._row(s, narrative_id)
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

    # ----------------------------------------------------------------- internals
    def _version(self, s: Session, version_id: int) -> VersionRow:
        version = s.get(VersionRow, version_id)
        if version is None:
            raise NotFoundError(f"There is no saved version with id {version_id}.")
        return version

    @staticmethod
    def _automatic_version(current: Narrative, label: str, now: datetime) -> VersionRow:
        assert current.id is not None
        return VersionRow(
            narrative_id=current.id,
            label=label,
            audience=current.audience,
            occasion=current.occasion,
            created_at=now,
            automatic=True,
            bundle=bundle.dumps(current),
        )

    def _day_version(self, s: Session, row: NarrativeRow, now: datetime) -> None:
        """At the first change of a day, keep the state before it as an automatic version."""
        if row.updated_at.date() >= now.date():
            return
        current = self._read(s, row)
        if _has_content(current):
            s.add(self._automatic_version(current, versions.day_label(now), now))

    def _thin_versions(self) -> None:
        with self._tx() as s:
            queries.thin_versions(s, self.clock())


def _has_content(narrative: Narrative) -> bool:
    return any(
        part.draft.strip() or part.cues or any(v.strip() for v in part.fields.values())
        for part in narrative.parts.values()
    )
