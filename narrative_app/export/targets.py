"""Export: where a file may be written: never onto the data folder's own files.

Layer: export (Qt-free). The command line and the export dialog both call
:func:`check_export_target` before writing, and :func:`narrative_app.export.write_atomic`
calls it again, so no export can land on the live database, its ``-wal``/``-shm``/journal,
the instance lock, or anything under ``backups/``. Paths are compared after resolving
symlinks and ignoring case (the same file on Windows and macOS), and an existing target is
also compared by identity (a hard link to the database is still the database).

A folder is recognised as a data folder when it is one the caller names (``data_dirs``) or
when it holds a ``narratives.db``, so the check works even where the caller does not know
which data folder is in use.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from narrative_app.errors import BadInputError, ProtectedPathError

# These names must match models/store.py (DB_NAME), models/backups.py (BACKUP_DIR_NAME) and
# ui/instance_lock.py (LOCK_NAME); a test keeps them in step without importing those layers here.
DB_NAME = "narratives.db"
BACKUP_DIR_NAME = "backups"
LOCK_NAME = "narrative-coach.lock"
PROTECTED_NAMES = (
    DB_NAME,
    f"{DB_NAME}-wal",
    f"{DB_NAME}-shm",
    f"{DB_NAME}-journal",
    LOCK_NAME,
)

PathLike = str | os.PathLike[str]


def _key(path: Path) -> str:
    return os.path.normcase(str(path)).casefold()


def _real(path: PathLike) -> Path:
    return Path(os.path.realpath(Path(path).expanduser()))


def _looks_like_data_folder(folder: Path) -> bool:
    try:
        return (folder / DB_NAME).exists()
    except OSError:
        return False


def _candidate_folders(target: Path, data_dirs: Iterable[PathLike | None]) -> list[Path]:
    folders = [_real(d) for d in data_dirs if d]
    for ancestor in target.parents:
        if _looks_like_data_folder(ancestor):
            folders.append(ancestor)
    return folders


def protected_reason(path: PathLike, data_dirs: Iterable[PathLike | None] = ()) -> str:
    """Why ``path`` must not be written (one line), or "" when it may be."""
    target = _real(path)
    name = _key(Path(target.name))
    for folder in _candidate_folders(target, data_dirs):
        folder_key = _key(folder)
        if _key(target.parent) == folder_key and name in {n.casefold() for n in PROTECTED_NAMES}:
            return (
                f"{Path(path).name} is Narrative Coach's own data file, so nothing was "
                "written. Choose another name or folder for the export."
            )
        backups = _key(folder / BACKUP_DIR_NAME)
        if _key(target) == backups or _key(target).startswith(backups + os.sep):
            return (
                f"{Path(path).name} would go into Narrative Coach's backups folder, so nothing "
                "was written. Choose another folder for the export."
            )
        if _same_file_as_protected(target, folder):
            return (
                f"{Path(path).name} is another name for Narrative Coach's own data file, so "
                "nothing was written. Choose another name or folder for the export."
            )
    return ""


def _same_file_as_protected(target: Path, folder: Path) -> bool:
    try:
        if not target.exists():
            return False
        for name in PROTECTED_NAMES:
            protected = folder / name
            if protected.exists() and os.path.samefile(target, protected):
                return True
    except OSError:
        return False
    return False


def check_export_target(path: PathLike, data_dirs: Iterable[PathLike | None] = ()) -> None:
    """Raise ProtectedPathError when ``path`` is the data folder's database, lock or backups;
    BadInputError when it is an existing file that is read-only (it is never replaced)."""
    reason = protected_reason(path, data_dirs)
    if reason:
        raise ProtectedPathError(reason)
    target = Path(path).expanduser()
    try:
        mode = target.stat().st_mode
    except OSError:
        return  # a new file: the folder is checked when it is written
    if stat.S_ISREG(mode) and not (mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)):
        raise BadInputError(
            f"{target.name} is read-only, so it was not replaced. Choose another name, or "
            "make the file writable first."
        )
    if stat.S_ISREG(mode) and not os.access(target, os.W_OK):
        raise BadInputError(
            f"{target.name} cannot be written (you do not have permission), so it was not "
            "replaced. Choose another name or folder."
        )


__all__ = [
    "BACKUP_DIR_NAME",
    "DB_NAME",
    "LOCK_NAME",
    "PROTECTED_NAMES",
    "check_export_target",
    "protected_reason",
]
