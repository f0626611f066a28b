"""Models (persistence layer): daily backups through SQLite's online backup API.

A backup is a single self-contained SQLite file named ``narratives-YYYYmmdd-HHMMSS.db``, in
``backups/`` beside the database or in a folder the user chose in Settings. Each copy is
written under a temporary name with ``synchronous=FULL``, checked with ``PRAGMA quick_check``
and only then given its final name; a copy that fails the check is discarded. The newest
``keep`` backups are kept, and so is the newest backup holding each narrative the live database
lacks (see ``prune``). Recovery looks in the chosen folder and in the usual one.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from narrative_app.models.database import open_readonly, readonly_uri

BACKUP_DIR_NAME = "backups"
DEFAULT_KEEP = 10
_NAME_RE = re.compile(r"^narratives-(\d{8}-\d{6})\.db$")
_PARTIAL_RE = re.compile(r"^\.narratives-\d{8}-\d{6}\.db\.partial$")
_STAMP = "%Y%m%d-%H%M%S"
# A narrative deleted for good leaves a row keyed "forgotten:<id>:<created_at>" in ``meta``,
# so that old backups holding it are no longer kept on its account (see ``prune``).
FORGOTTEN_PREFIX = "forgotten:"
# Files of the data folder kept beside each backup, as "<backup name>.<file name>": the
# spell checker's personal dictionary travels with the narratives it was built for.
COMPANION_FILES = ("personal-dictionary.txt",)


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: datetime


def chosen_dir(value: Path | str | None) -> Path | None:
    """A backups folder chosen in Settings, or None for the usual place (empty or unset)."""
    text = str(value or "").strip()
    return Path(text).expanduser() if text else None


def backup_dir(db_path: Path, configured: Path | str | None = None) -> Path:
    """Where backups are written: the chosen folder, else ``backups/`` beside the database."""
    return chosen_dir(configured) or db_path.parent / BACKUP_DIR_NAME


def backup_folders(db_path: Path, configured: Path | str | None = None) -> list[Path]:
    """Every folder recovery looks in: the chosen one first, then the usual one."""
    folders = [backup_dir(db_path, configured)]
    usual = backup_dir(db_path)
    if usual not in folders:
        folders.append(usual)
    return folders


def list_all_backups(folders: list[Path]) -> list[Backup]:
    """Backups in any of ``folders``, newest first."""
    found = [backup for folder in folders for backup in list_backups(folder)]
    found.sort(key=lambda b: b.made_at, reverse=True)
    return found


def list_backups(folder: Path) -> list[Backup]:
    """Backups in ``folder``, newest first (other files are ignored)."""
    found: list[Backup] = []
    with suppress(OSError):
        for entry in folder.iterdir():
            match = _NAME_RE.match(entry.name)
            if match and entry.is_file():
                found.append(Backup(entry, datetime.strptime(match.group(1), _STAMP)))
    found.sort(key=lambda b: b.made_at, reverse=True)
    return found


def quick_check(path: Path) -> bool:
    """True when ``path`` is a readable SQLite database passing ``PRAGMA quick_check``."""
    try:
        with open_readonly(path) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except (sqlite3.Error, OSError):
        return False
    return rows == [("ok",)]


def backed_up_today(folder: Path, now: datetime) -> bool:
    backups = list_backups(folder)
    return bool(backups) and backups[0].made_at.date() == now.date()


def make_backup(
    db_path: Path, folder: Path, now: datetime, keep: int = DEFAULT_KEEP
) -> Path | None:
    """Copy ``db_path`` into ``folder``; returns the checked copy, or None if it was bad.

    Raises OSError / sqlite3.Error when the copy cannot be written at all.
    """
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"narratives-{now.strftime(_STAMP)}.db"
    partial = folder / f".{final.name}.partial"
    _remove(partial)
    try:
        with closing(sqlite3.connect(db_path)) as source, closing(sqlite3.connect(partial)) as copy:
            copy.execute("PRAGMA synchronous=FULL")
            source.backup(copy)
            # A rollback-journal copy is one self-contained file (no -wal beside it).
            copy.execute("PRAGMA journal_mode=DELETE")
            copy.commit()
        _fsync(partial)
        if not quick_check(partial):
            _remove(partial)
            return None
        os.replace(partial, final)
        _copy_companions(db_path.parent, folder, final.name)
        _fsync_dir(folder)
    finally:
        _remove(partial)
    prune(folder, keep, live_db=db_path)
    return final


def companion(backup: Path, name: str) -> Path:
    """Where the copy of the data folder's file ``name`` made with ``backup`` is kept."""
    return backup.with_name(f"{backup.name}.{name}")


def _copy_companions(data_dir: Path, folder: Path, backup_name: str) -> None:
    for name in COMPANION_FILES:
        source = data_dir / name
        if not source.is_file():
            continue
        target = companion(folder / backup_name, name)
        partial = target.with_name(f".{target.name}.partial")
        try:
            shutil.copyfile(source, partial)
            os.replace(partial, target)
        except OSError:
            _remove(partial)  # a missing companion never spoils the database backup


def restore_companions(backup: Path, data_dir: Path) -> list[str]:
    """Bring back companion files that are missing from ``data_dir``; never overwrite one."""
    restored = []
    for name in COMPANION_FILES:
        saved, live = companion(backup, name), data_dir / name
        if saved.is_file() and not live.exists():
            with suppress(OSError):
                shutil.copyfile(saved, live)
                restored.append(name)
    return restored


def prune(folder: Path, keep: int = DEFAULT_KEEP, live_db: Path | None = None) -> None:
    """Delete all but the newest ``keep`` backups, and copies left half-made by a crash.

    With ``live_db``, an older backup is also kept when it is the newest one holding some
    narrative that neither the live database nor a kept backup holds (a narrative is known by
    its id and creation time, so a new narrative that reuses an old id does not count as the
    old one). So a library that went missing can always be found again, however many days
    pass; a narrative deleted for good (``forgotten``) stops keeping old backups. If the live
    database cannot be read, nothing is pruned. Only files named like our backups are touched.
    """
    found = list_backups(folder)
    kept, older = found[: max(1, keep)], found[max(1, keep) :]
    covered: set[str] | None = None
    if live_db is not None and older:
        covered = narrative_keys(live_db, with_forgotten=True)
        if covered is None:
            older = []  # cannot tell what the live store lacks: keep everything this time
        else:
            for backup in kept:
                covered |= narrative_keys(backup.path) or set()
    for old in older:
        if covered is not None:
            held = narrative_keys(old.path) or set()
            if held - covered:
                covered |= held  # the newest backup still holding a narrative we lack
                continue
        _remove(old.path)
        for name in COMPANION_FILES:
            _remove(companion(old.path, name))
    with suppress(OSError):
        for entry in folder.iterdir():
            if _PARTIAL_RE.match(entry.name):
                _remove(entry)


def narrative_keys(path: Path, *, with_forgotten: bool = False) -> set[str] | None:
    """The narratives ``path`` holds, as "<id>:<created_at>"; None when it cannot be read.

    ``with_forgotten`` adds the narratives deleted for good from it (see FORGOTTEN_PREFIX).
    """
    try:
        with open_readonly(path) as conn:
            keys = {f"{row[0]}:{row[1]}" for row in
                    conn.execute("SELECT id, created_at FROM narratives")}
            if with_forgotten:
                rows = conn.execute("SELECT key FROM meta WHERE substr(key, 1, ?) = ?",
                                    (len(FORGOTTEN_PREFIX), FORGOTTEN_PREFIX))
                keys |= {row[0][len(FORGOTTEN_PREFIX) :] for row in rows}
    except (sqlite3.Error, OSError):
        return None
    return keys


def holds_narratives(path: Path) -> bool:
    """True when ``path`` is a good backup holding at least one narrative."""
    return quick_check(path) and bool(narrative_keys(path))


def restore_backup(backup: Path, db_path: Path) -> None:
    """Put a copy of ``backup`` in place of ``db_path`` (atomically, via a temporary file)."""
    partial = db_path.with_name(db_path.name + ".restoring")
    _remove(partial)
    try:
        source_uri = readonly_uri(backup)
        with (
            closing(sqlite3.connect(source_uri, uri=True)) as src,
            closing(sqlite3.connect(partial)) as dest,
        ):
            dest.execute("PRAGMA synchronous=FULL")
            src.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
            dest.commit()
        _fsync(partial)
        for suffix in ("-wal", "-shm"):
            _remove(db_path.with_name(db_path.name + suffix))
        os.replace(partial, db_path)
        _fsync_dir(db_path.parent)
    finally:
        _remove(partial)


def _remove(path: Path) -> None:
    with suppress(FileNotFoundError):
        path.unlink()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
