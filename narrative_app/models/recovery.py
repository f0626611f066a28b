"""Models (persistence layer): checking the database at open and recovering a damaged one.

``inspect`` looks at the file with a read-only ``sqlite3`` connection, so a database written by
a newer app is refused before anything touches it. ``recover`` moves a damaged file (and its
``-wal``/``-shm``) aside, never deleting it, restores the newest good backup and describes
what happened in plain English for the user. A missing or empty database beside backups that
hold narratives (``lost_library``) is damage too, not a first run. ``failure_advice`` turns an
error met while using the database into one honest line.
"""

from __future__ import annotations

import enum
import errno
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from narrative_app.errors import DataFolderError, NewerDatabaseError
from narrative_app.models import backups
from narrative_app.models.database import is_known, read_revision
from narrative_app.models.versions import uk_date

_DAMAGE_WORDS = ("not a database", "malformed", "corrupt", "encrypted", "disk i/o")


class Cause(enum.Enum):
    """Why the database had to be recovered (each says so differently)."""

    DAMAGED = "damaged"  # unreadable or failing its check
    EMPTY = "empty"  # zero bytes, or no tables, although backups hold narratives
    MISSING = "missing"  # no file at all, although backups hold narratives


class DbState(enum.Enum):
    NEW = "new"  # no file, or an empty one: goes straight to the newest schema
    OK = "ok"
    DAMAGED = "damaged"


@dataclass(frozen=True)
class Inspection:
    state: DbState
    revision: str | None = None
    detail: str = ""


@dataclass(frozen=True)
class OpenReport:
    """What happened while opening the store, for the UI and the command line to show."""

    recovered: bool = False
    message: str = ""
    moved_aside: Path | None = None
    restored_backup: Path | None = None
    backup_time: datetime | None = None
    sample_created: bool = False


def describe_time(moment: datetime) -> str:
    """'25 November 2026 at 09:14' (UK order, independent of the locale)."""
    return f"{uk_date(moment)} at {moment:%H:%M}"


def inspect(db_path: Path) -> Inspection:
    """Classify the database file without writing to it.

    Raises NewerDatabaseError for a schema revision this app does not know, and
    DataFolderError when the file exists but cannot be read or written.
    """
    try:
        if not db_path.exists() or db_path.stat().st_size == 0:
            return Inspection(DbState.NEW)
    except OSError as exc:
        raise _folder_error(db_path, exc) from None
    if not os.access(db_path, os.R_OK | os.W_OK):
        raise DataFolderError(
            f"Narrative Coach cannot read and write {db_path}. Fix the file's permissions, "
            "or choose another folder with --data-dir."
        )
    try:
        revision, has_tables = read_revision(db_path)
    except sqlite3.DatabaseError as exc:
        if _is_damage(exc):
            return Inspection(DbState.DAMAGED, detail=str(exc))
        raise _folder_error(db_path, exc) from None
    if revision is not None and not is_known(revision):
        raise NewerDatabaseError(
            f"The narratives in {db_path.parent} were saved by a newer version of Narrative "
            f"Coach (schema {revision}). Update the app to open them; the file has been left "
            "untouched."
        )
    if revision is None:
        if has_tables:
            return Inspection(DbState.DAMAGED, detail="not a Narrative Coach database")
        return Inspection(DbState.NEW)
    if not backups.quick_check(db_path):
        return Inspection(DbState.DAMAGED, revision, detail="failed its integrity check")
    return Inspection(DbState.OK, revision)


def recover(
    db_path: Path, now: datetime, backups_dir: Path | None = None, cause: Cause = Cause.DAMAGED
) -> OpenReport:
    """Move the database aside (if there is one) and restore the newest good backup.

    Backups are looked for in ``backups_dir`` (the folder chosen in Settings) and in the usual
    ``backups/`` beside the database.
    """
    aside = move_aside(db_path, now)
    kept = f" The {_WHAT[cause]} file was kept as {aside.name} in {aside.parent}." if aside else ""
    for backup in backups.list_all_backups(backups.backup_folders(db_path, backups_dir)):
        if not backups.quick_check(backup.path) or not _readable_revision(backup.path):
            continue
        backups.restore_backup(backup.path, db_path)
        backups.restore_companions(backup.path, db_path.parent)
        message = (
            f"{_OPENING[cause]} Your narratives were restored from the backup made on "
            f"{describe_time(backup.made_at)}; changes made after that are not in it.{kept}"
        )
        return OpenReport(
            recovered=True,
            message=message,
            moved_aside=aside,
            restored_backup=backup.path,
            backup_time=backup.made_at,
        )
    message = (
        "The narratives database could not be read and there was no good backup, so a new, "
        f"empty one was started.{kept}"
    )
    return OpenReport(recovered=True, message=message, moved_aside=aside)


_OPENING = {
    Cause.DAMAGED: "The narratives database could not be read.",
    Cause.EMPTY: "The narratives database was empty, but the backups hold narratives.",
    Cause.MISSING: "The narratives database was missing, but the backups hold narratives.",
}
_WHAT = {Cause.DAMAGED: "damaged", Cause.EMPTY: "empty", Cause.MISSING: "missing"}


def lost_library(db_path: Path, backups_dir: Path | None = None) -> Cause | None:
    """For a database that looks new: EMPTY or MISSING when good backups hold narratives.

    A brand-new folder (no backups, or backups of an empty library) gives None: a first run.
    """
    try:
        cause = Cause.EMPTY if db_path.exists() else Cause.MISSING
    except OSError:
        return None
    for backup in backups.list_all_backups(backups.backup_folders(db_path, backups_dir)):
        if backups.holds_narratives(backup.path) and _readable_revision(backup.path):
            return cause
    return None


def move_aside(db_path: Path, now: datetime) -> Path | None:
    """Rename the database (and its -wal and -shm) to ``<name>.damaged-YYYYmmdd-HHMMSS``.

    Returns the new name of the database file, or None when there was none (a -wal or -shm
    left without it is still moved aside).
    """
    base = f"{db_path.name}.damaged-{now:%Y%m%d-%H%M%S}"
    aside = db_path.with_name(base)
    counter = 2
    while any(aside.with_name(aside.name + s).exists() for s in ("", "-wal", "-shm")):
        aside = db_path.with_name(f"{base}-{counter}")
        counter += 1
    had_database = db_path.exists()
    try:
        for suffix in ("", "-wal", "-shm"):
            companion = db_path.with_name(db_path.name + suffix)
            if companion.exists():
                os.replace(companion, aside.with_name(aside.name + suffix))
    except OSError as exc:
        raise _folder_error(db_path, exc) from None
    return aside if had_database else None


def _readable_revision(path: Path) -> bool:
    try:
        revision, _ = read_revision(path)
    except sqlite3.Error:
        return False
    return revision is not None and is_known(revision)


def _is_damage(exc: sqlite3.DatabaseError) -> bool:
    text = str(exc).lower()
    return any(word in text for word in _DAMAGE_WORDS)


def prepare_folder(data_dir: Path) -> None:
    """Create the data folder and prove it is writable, or raise DataFolderError."""
    try:
        if data_dir.exists() and not data_dir.is_dir():
            raise NotADirectoryError(0, "it is a file, not a folder")
        data_dir.mkdir(parents=True, exist_ok=True)
        probe = data_dir / f".write-test-{os.getpid()}"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DataFolderError(
            f"Narrative Coach cannot create or write to its data folder {data_dir} "
            f"({reason(exc)}). Choose another folder with --data-dir DIR, or fix the "
            "folder's permissions."
        ) from None


def reason(exc: BaseException) -> str:
    """The short cause of an OS, sqlite3 or SQLAlchemy error, for a user message."""
    orig = getattr(exc, "orig", None)
    if orig is not None:
        return str(orig)
    return getattr(exc, "strerror", None) or str(exc)


def is_damage(exc: BaseException) -> bool:
    """True when an sqlite3 or SQLAlchemy error says the database file itself is damaged."""
    orig = getattr(exc, "orig", exc)
    return isinstance(orig, sqlite3.DatabaseError) and _is_damage(orig)


def failure_advice(exc: BaseException, *, outcome: str = "this change was not saved") -> str:
    """One plain line saying what really went wrong using the database, and what to do.

    ``outcome`` says what it meant for the user's work ("this change was not saved").
    """
    cause = reason(exc)
    text = cause.lower()
    if is_damage(exc):
        return (
            f"The narratives database is damaged ({cause}), so {outcome}. "
            "Quit and reopen Narrative Coach: it will keep the damaged file and restore your "
            "narratives from the newest good backup."
        )
    if "full" in text or getattr(exc, "errno", None) == errno.ENOSPC:
        return (
            f"The disk is full ({cause}), so {outcome}. Free some space, then try again."
        )
    if "readonly" in text or "read-only" in text or "permission" in text:
        return (
            f"The narratives database is read-only ({cause}), so {outcome}. "
            "Check the data folder's permissions, then try again."
        )
    if "locked" in text or "busy" in text:
        return (
            f"The narratives database is in use by another program ({cause}), so {outcome}. "
            "Close the other program, then try again."
        )
    return (
        f"The narratives database could not be used ({cause}), so {outcome}. "
        "Try again; if it keeps happening, restart Narrative Coach."
    )


def _folder_error(db_path: Path, exc: Exception) -> DataFolderError:
    return DataFolderError(
        f"Narrative Coach cannot use its data folder {db_path.parent} ({reason(exc)}). Choose "
        "another folder with --data-dir, or check the folder's permissions and free space."
    )
