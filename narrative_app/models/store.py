"""Models (persistence layer): NarrativeStore, the one API the UI and command line use.

Every method is one transaction. Opening the store prepares the data folder, checks the
database (recovering a damaged one, or a missing or empty one beside backups of narratives,
from the newest good backup), migrates an older schema, starts the daily backup beside the
app, thins automatic versions and, in a brand-new store, adds the sample narrative. The daily
backup can also be asked for at any time (``backup_if_due``). SQLAlchemy stays inside this
package: callers get domain objects.
"""

from __future__ import annotations

import builtins
import logging
import sqlite3
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager, suppress
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from narrative_app import bundle
from narrative_app.domain import Narrative, NarrativeSummary, RehearsalRun, VersionInfo
from narrative_app.errors import (
    BadInputError,
    NarrativeAppError,
    StoreError,
)
from narrative_app.models import backups, database, mapping, queries, recovery
from narrative_app.models.daily_backups import BackupResult, DailyBackups
from narrative_app.models.history import History
from narrative_app.models.recovery import DbState, OpenReport
from narrative_app.models.schema import (
    MetaRow,
    NarrativeRow,
)
from narrative_app.paths import resource_path

log = logging.getLogger(__name__)

DB_NAME = "narratives.db"
SAMPLE_KEY = "sample_created_at"
EDITABLE = (
    "title", "audience", "occasion", "preset", "pace_wpm", "values", "next_step", "people",
)


def sample_path() -> Path:
    return resource_path("sample", "sample.narrative")


class NarrativeStore:
    """The narratives of one data folder, in ``<data_dir>/narratives.db``; versions and runs
    are kept by ``self.history``, to which the store hands those calls on."""

    def __init__(self, data_dir: Path, db_path: Path, clock: Callable[[], datetime]) -> None:
        self.data_dir = data_dir
        self.db_path = db_path
        self.clock = clock  # naive local time; tests replace it to move through days
        self.open_report = OpenReport()
        self._engine = database.make_engine(db_path)
        self._sessions = sessionmaker(self._engine, expire_on_commit=False)
        self._closed = False
        self._daily = DailyBackups(db_path, clock)
        self.history = History(self._tx, self._now)

    # ----------------------------------------------------------------- opening and closing
    @classmethod
    def open(
        cls,
        data_dir: Path | str,
        *,
        create_sample: bool = True,
        keep_backups: int = backups.DEFAULT_KEEP,
        backups_dir: Path | str | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> NarrativeStore:
        """Open (creating, recovering or migrating as needed) the store in ``data_dir``.

        Backups go to ``backups_dir`` (default: ``data_dir/backups``); ``keep_backups`` are kept.

        Raises NewerDatabaseError (file left untouched) and DataFolderError.
        """
        clock = clock or datetime.now
        data_dir = Path(data_dir)
        recovery.prepare_folder(data_dir)
        db_path = data_dir / DB_NAME
        chosen = backups.chosen_dir(backups_dir)
        report = OpenReport()
        for attempt in (1, 2):
            store: NarrativeStore | None = None
            try:
                inspection = recovery.inspect(db_path)
                cause = recovery.Cause.DAMAGED if inspection.state is DbState.DAMAGED else None
                if inspection.state is DbState.NEW and not report.recovered:
                    cause = recovery.lost_library(db_path, chosen)  # damage, not a first run
                if cause is not None:
                    report = recovery.recover(db_path, clock(), chosen, cause)
                    inspection = recovery.inspect(db_path)
                store = cls(data_dir, db_path, clock)
                store._daily.configure(keep=keep_backups, chosen=chosen)
                store._start(inspection, report, create_sample=create_sample)
            except NarrativeAppError:
                if store is not None:
                    store.close()
                raise
            except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
                if store is not None:
                    store.close()
                if attempt == 1 and recovery.is_damage(exc) and db_path.exists():
                    # Damage the check at open missed: set the file aside and restore, once.
                    report = recovery.recover(db_path, clock(), chosen)
                    continue
                advice = recovery.failure_advice(exc, outcome="it could not be opened")
                raise StoreError(
                    f"{advice} The file is {db_path}; you can also choose another data folder "
                    "with --data-dir."
                ) from exc
            return store
        raise AssertionError("unreachable")  # pragma: no cover

    def _start(
        self, inspection: recovery.Inspection, report: OpenReport, *, create_sample: bool
    ) -> None:
        is_new = inspection.state is DbState.NEW
        if database.needs_upgrade(inspection.revision):
            if not is_new:
                self._daily.backup_now()  # keep the old schema's data safe before migrating
            database.upgrade(self._engine)
        self.history.thin_versions()  # first: damage met here is recovered before any backup
        if not is_new and self._daily.due(self.clock()):
            # Beside the app (WAL readers never block writers), so opening a large library
            # stays fast; close() waits for it.
            self._daily.start_at_open()
        sample = create_sample and not report.recovered and self._create_sample_once()
        self.open_report = replace(report, sample_created=sample)

    # ----------------------------------------------------------------- daily backups
    def backup_if_due(self, now: datetime | None = None) -> BackupResult:
        """Make today's backup unless one exists; safe to call at any time, from any thread.

        Returns MADE (with the path), NOT_DUE, or FAILED with a plain-English ``problem``;
        never raises. ``now`` defaults to the store's clock.
        """
        return self._daily.backup_if_due(now)

    def backup_in_background(self, now: datetime | None = None) -> Future[BackupResult]:
        """``backup_if_due`` on the store's own backup thread; poll ``done()``, read ``result()``.

        The store owns the executor and joins it on ``close()``.
        """
        return self._daily.start(now)

    @property
    def backup_at_open(self) -> Future[BackupResult] | None:
        """The daily backup started while opening (None if none was due): poll it like
        ``backup_in_background``'s future to tell the user if it failed."""
        return self._daily.at_open

    def wait_for_backup(self, timeout: float | None = None) -> Path | None:
        """Wait for the backup started at open; returns its path (None if none was made)."""
        return self._daily.wait_for_opening(timeout)

    def daily_backup(self) -> Path | None:
        """Make today's backup if there is none yet; its path, or None (see backup_if_due)."""
        return self.backup_if_due().path

    def configure_backups(self, *, keep: int, backups_dir: Path | str | None = None) -> None:
        """Use new Settings from now on: how many backups to keep, and where (None: the usual)."""
        self._daily.configure(keep=keep, chosen=backups.chosen_dir(backups_dir))

    @property
    def backups_folder(self) -> Path:
        """Where the daily backups are written."""
        return self._daily.folder

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._daily.close()
        with suppress(SQLAlchemyError), self._engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        self._engine.dispose()

    def __enter__(self) -> NarrativeStore:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        if self._closed:
            raise StoreError("The narrative store is closed; restart Narrative Coach.")
        try:
            with self._sessions.begin() as session:
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(recovery.failure_advice(exc)) from exc

    # ----------------------------------------------------------------- narratives
    def create(self, narrative: Narrative) -> int:
        """Add a new narrative; sets ``narrative.id``, ``created_at`` and ``updated_at``."""
        now = self.clock()
        with self._tx() as s:
            row = self._insert(s, narrative, now)
        narrative.id, narrative.created_at = row.id, row.created_at
        narrative.updated_at, narrative.trashed_at = now, None
        return row.id

    def import_narrative(self, narrative: Narrative) -> int:
        """Add an imported narrative as a new one (never replaces an existing narrative)."""
        narrative.id = None
        return self.create(narrative)

    def list(self, *, trashed: bool = False, query: str = "") -> list[NarrativeSummary]:
        """Live narratives (or only the trash), newest first; ``query`` matches any text."""
        stmt = queries.summaries(trashed=trashed, needle=database.fold(query.strip()))
        with self._tx() as s:
            return [NarrativeSummary(*row) for row in s.execute(stmt)]

    def get(self, narrative_id: int) -> Narrative:
        with self._tx() as s:
            return mapping.load_narrative(s, mapping.narrative_row(s, narrative_id))

    def save(self, narrative: Narrative) -> datetime:
        """Write the whole narrative in one transaction; returns (and sets) ``updated_at``."""
        if narrative.id is None:
            raise StoreError("This narrative has not been created yet, so it cannot be saved.")
        now = self.clock()
        with self._tx() as s:
            row = mapping.narrative_row(s, narrative.id)
            self.history.keep_day_version(s, row, now)
            mapping.write_narrative(row, narrative)
            mapping.write_values(s, row.id, narrative.values)
            row.updated_at = now
        narrative.updated_at = now
        return now

    def update(self, narrative_id: int, **changes: Any) -> None:
        """Change any of title, audience, occasion, preset, pace_wpm, values, next_step and
        people (the name choices, a dict)."""
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise TypeError(f"update() cannot change {', '.join(sorted(unknown))}")
        if "title" in changes:
            changes["title"] = _clean_title(changes["title"])
        now = self.clock()
        with self._tx() as s:
            row = mapping.narrative_row(s, narrative_id)
            self.history.keep_day_version(s, row, now)
            for key, value in changes.items():
                if key == "values":
                    mapping.write_values(s, row.id, value)
                elif key == "people":
                    row.people = mapping.dump_json(dict(value))
                else:
                    setattr(row, key, int(value) if key == "pace_wpm" else str(value))
            row.updated_at = now

    def rename(self, narrative_id: int, title: str) -> None:
        self.update(narrative_id, title=title)

    def duplicate(self, narrative_id: int) -> int:
        """A new narrative with the same content, titled '… (copy)'; versions and runs stay."""
        copy = self.get(narrative_id)
        copy.title = f"{copy.title} (copy)"
        copy.id = copy.created_at = copy.updated_at = copy.trashed_at = None
        return self.create(copy)

    def trash(self, narrative_id: int) -> None:
        with self._tx() as s:
            row = mapping.narrative_row(s, narrative_id)
            if row.trashed_at is None:
                row.trashed_at = self.clock()

    def restore(self, narrative_id: int) -> None:
        with self._tx() as s:
            mapping.narrative_row(s, narrative_id).trashed_at = None

    def delete_forever(self, narrative_id: int) -> None:
        """Delete a narrative, its versions and runs; only allowed from the trash."""
        with self._tx() as s:
            row = mapping.narrative_row(s, narrative_id)
            if row.trashed_at is None:
                raise StoreError(
                    f"‘{row.title}’ is not in the trash. Move it to the trash before deleting "
                    "it for good."
                )
            # Remembered, so old backups are no longer kept for it (see backups.prune).
            s.execute(
                text("INSERT OR REPLACE INTO meta (key, value) SELECT :prefix || id || ':' || "
                     "created_at, :now FROM narratives WHERE id = :id"),
                {"prefix": backups.FORGOTTEN_PREFIX, "now": self.clock().isoformat(), "id": row.id},
            )
            s.execute(delete(NarrativeRow).where(NarrativeRow.id == narrative_id))

    # ----------------------------------------------------------------- versions and runs
    def create_version(self, narrative_id: int, label: str, *, audience: str | None = None,
                       occasion: str | None = None, automatic: bool = False) -> VersionInfo:
        """Keep the narrative as saved now under ``label`` (with audience and occasion)."""
        return self.history.create_version(narrative_id, label, audience=audience,
                                           occasion=occasion, automatic=automatic)

    def list_versions(self, narrative_id: int) -> builtins.list[VersionInfo]:
        return self.history.list_versions(narrative_id)

    def version_narrative(self, version_id: int) -> Narrative:
        return self.history.version_narrative(version_id)

    def restore_version(self, version_id: int) -> Narrative:
        return self.history.restore_version(version_id)

    def add_run(self, run: RehearsalRun) -> int:
        return self.history.add_run(run)

    def list_runs(self, narrative_id: int) -> builtins.list[RehearsalRun]:
        return self.history.list_runs(narrative_id)

    def delete_run(self, run_id: int) -> None:
        self.history.delete_run(run_id)

    def measured_pace(self, narrative_id: int) -> float | None:
        return self.history.measured_pace(narrative_id)

    # ----------------------------------------------------------------- internals
    def _now(self) -> datetime:
        return self.clock()  # read at each call: tests move the clock through days

    def _insert(self, s: Session, narrative: Narrative, now: datetime) -> NarrativeRow:
        row = NarrativeRow(created_at=narrative.created_at or now, updated_at=now, trashed_at=None)
        mapping.write_narrative(row, narrative)
        if not row.title.strip():
            row.title = "Untitled narrative"
        s.add(row)
        s.flush()
        mapping.write_values(s, row.id, narrative.values)
        return row

    def _create_sample_once(self) -> bool:
        """Add the sample narrative to a brand-new store, once per data folder."""
        with self._tx() as s:
            if s.get(MetaRow, SAMPLE_KEY) is not None:
                return False
            if s.scalar(select(func.count()).select_from(NarrativeRow)):
                return False
            try:
                sample = bundle.read_file(sample_path())
            except NarrativeAppError as exc:
                log.warning("The sample narrative could not be read: %s", exc)
                return False
            now = self.clock()
            sample.created_at = now
            self._insert(s, sample, now)
            s.add(MetaRow(key=SAMPLE_KEY, value=now.isoformat(timespec="seconds")))
            return True


def _clean_title(title: Any) -> str:
    cleaned = str(title or "").strip()
    if not cleaned:
        raise BadInputError("A narrative needs a title: type at least one letter.")
    return cleaned
