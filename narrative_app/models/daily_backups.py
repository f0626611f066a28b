"""Models (persistence layer): the daily backup, made at open and whenever it is asked for.

``DailyBackups`` belongs to one store. ``backup_if_due`` makes today's backup unless one exists
(so a timer may call it as often as it likes) and returns a ``BackupResult`` saying what
happened, in plain English when something went wrong. Work beside the app runs on one
``ThreadPoolExecutor`` owned here: ``start`` hands back a ``Future`` whose result the caller
collects on its own thread, and ``close`` cancels what has not started and joins the rest.
"""

from __future__ import annotations

import enum
import logging
import threading
from collections.abc import Callable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from narrative_app.models import backups
from narrative_app.models.recovery import reason

log = logging.getLogger(__name__)

THREAD_NAME = "narrative-backup"


class BackupOutcome(enum.Enum):
    MADE = "made"
    NOT_DUE = "not due"  # today's backup already exists
    FAILED = "failed"


@dataclass(frozen=True)
class BackupResult:
    """What one request for the daily backup did.

    ``problem`` is one plain-English line whenever something went wrong: always for FAILED,
    and for MADE when the chosen folder could not be used and the usual one was used instead.
    """

    outcome: BackupOutcome
    path: Path | None = None
    problem: str = ""

    @property
    def made(self) -> bool:
        return self.outcome is BackupOutcome.MADE


class DailyBackups:
    """The daily backups of the database at ``db_path`` (thread-safe; see the module)."""

    def __init__(self, db_path: Path, clock: Callable[[], datetime]) -> None:
        self.db_path = db_path
        self.clock = clock
        self.keep = backups.DEFAULT_KEEP
        self.chosen: Path | None = None  # the folder chosen in Settings, if any
        self._lock = threading.Lock()  # one backup at a time, whichever thread asks
        self._executor_lock = threading.Lock()  # never held while a backup runs
        self._executor: ThreadPoolExecutor | None = None
        self._at_open: Future[BackupResult] | None = None
        self._fell_back_on: date | None = None  # the day the chosen folder failed us
        self._closed = False

    @property
    def folder(self) -> Path:
        """Where backups are written: the chosen folder, else ``backups/`` beside the database."""
        return backups.backup_dir(self.db_path, self.chosen)

    def configure(self, *, keep: int, chosen: Path | None) -> None:
        """New Settings; a backup already under way finishes with the old ones."""
        if chosen != self.chosen:
            self._fell_back_on = None  # a new folder gets its own copy today
        self.keep, self.chosen = keep, chosen

    # ------------------------------------------------------------------ asking for one
    def due(self, now: datetime) -> bool:
        """True when no backup was made today (in the folder it belongs in)."""
        if backups.backed_up_today(self.folder, now):
            return False
        usual = backups.backup_dir(self.db_path)
        return not (self._fell_back_on == now.date() and backups.backed_up_today(usual, now))

    def backup_if_due(self, now: datetime | None = None) -> BackupResult:
        """Make today's backup unless there is one; never raises."""
        with self._lock:
            if self._closed:
                return BackupResult(BackupOutcome.FAILED,
                                    problem="The narrative store is closed, so no backup was made.")
            now = now or self.clock()
            if not self.due(now):
                return BackupResult(BackupOutcome.NOT_DUE)
            return self._make(now)

    def backup_now(self, now: datetime | None = None) -> BackupResult:
        """Make a backup whether or not one was made today (before a migration, say)."""
        with self._lock:
            return self._make(now or self.clock())

    def start(self, now: datetime | None = None) -> Future[BackupResult]:
        """``backup_if_due`` on the owned executor; collect the result with ``done``/``result``."""
        with self._executor_lock:
            if not self._closed and self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=1,
                                                    thread_name_prefix=THREAD_NAME)
            executor = self._executor
        if executor is not None and not self._closed:
            with suppress(RuntimeError):  # shut down meanwhile: answered below
                return executor.submit(self.backup_if_due, now)
        done: Future[BackupResult] = Future()
        done.set_result(self.backup_if_due(now))  # FAILED: the store is closed
        return done

    def start_at_open(self) -> None:
        """The day's backup at open, beside the app (WAL readers never block writers)."""
        self._at_open = self.start()

    @property
    def at_open(self) -> Future[BackupResult] | None:
        """The backup started at open (None if none was due)."""
        return self._at_open

    def wait_for_opening(self, timeout: float | None = None) -> Path | None:
        """Wait for the backup started at open; its path, or None if none was made."""
        future = self._at_open
        if future is None:
            return None
        try:
            return future.result(timeout).path
        except CancelledError:  # closed before it started
            return None

    def close(self) -> None:
        """Cancel backups not yet started and wait for the one running, if any."""
        with self._executor_lock:
            self._closed = True
            executor = self._executor
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        with self._lock:  # and for one being made on another thread, if any
            pass

    # ------------------------------------------------------------------ making one
    def _make(self, now: datetime) -> BackupResult:
        target = self.folder
        try:
            made = backups.make_backup(self.db_path, target, now, self.keep)
        except Exception as exc:  # a failed backup must never stop the app
            log.warning("Backup of %s failed: %s", self.db_path, exc)
            problem = (
                f"Today's backup could not be made in {target} ({reason(exc)}). Your narratives "
                "are safe in the database; Narrative Coach will try again later. Check that "
                "the folder can be written to and the disk has room, or choose another "
                "backups folder in Settings."
            )
            if self.chosen is None:
                return BackupResult(BackupOutcome.FAILED, problem=problem)
            return self._fall_back(now, target, exc)
        if made is None:
            return BackupResult(BackupOutcome.FAILED, problem=(
                f"Today's backup in {target} failed its check after copying, so it was "
                "discarded. Your narratives are still in the database; Narrative Coach will "
                "try again later."
            ))
        return BackupResult(BackupOutcome.MADE, made)

    def _fall_back(self, now: datetime, chosen: Path, error: Exception) -> BackupResult:
        """The chosen folder is unusable (a removed drive?): keep the usual copy instead."""
        usual = backups.backup_dir(self.db_path)
        try:
            made = backups.make_backup(self.db_path, usual, now, self.keep)
        except Exception as exc:
            log.warning("Backup of %s failed: %s", self.db_path, exc)
            return BackupResult(BackupOutcome.FAILED, problem=(
                f"Today's backup could not be made in {chosen} ({reason(error)}) nor in "
                f"{usual} ({reason(exc)}). Your narratives are safe in the database; Narrative "
                "Coach will try again later. Check that the folders can be written to and the "
                "disk has room."
            ))
        if made is None:
            return BackupResult(BackupOutcome.FAILED, problem=(
                "Today's backup failed its check after copying, so it was discarded. Your "
                "narratives are still in the database; Narrative Coach will try again later."
            ))
        self._fell_back_on = now.date()
        return BackupResult(BackupOutcome.MADE, made, problem=(
            f"The backups folder you chose, {chosen}, could not be used ({reason(error)}), so "
            f"today's backup was made in {usual} instead. Check the folder, or choose another "
            "in Settings."
        ))
