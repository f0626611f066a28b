"""UI: one instance per data folder (``QLockFile``), with a holder that is really this app.

A lock left by a crash whose PID now belongs to another program (a browser, a shell) must
not be taken for a running Narrative Coach. Where the platform lets us read the holder's
command line (Linux ``/proc``) we check it is this app; if not, the stale lock is removed
and taken. Where it cannot be known (another computer, no ``/proc``) the caller offers
"Open anyway" with a plain warning.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile, QSysInfo

LOCK_NAME = "narrative-coach.lock"
OUR_COMMAND = re.compile(r"narrative[-_ ]?(app|coach)", re.IGNORECASE)

LIVE = "live"  # held by a running Narrative Coach
STALE = "stale"  # held by a process that is not this app: safe to take
UNKNOWN = "unknown"  # cannot be told from here: ask the user


def _tr(text: str) -> str:
    return QCoreApplication.translate("App", text)


@dataclass
class LockResult:
    """``lock`` when taken; otherwise the reason to show and whether "Open anyway" fits."""

    lock: QLockFile | None
    problem: str = ""
    uncertain: bool = False
    path: Path | None = None


def holder_kind(pid: int, hostname: str, proc: Path = Path("/proc")) -> str:
    """Whether the lock's holder is this app (LIVE), another program (STALE) or unknown."""
    if pid <= 0:
        return STALE
    # The name QLockFile itself writes (and cheaper than importing socket at start-up).
    if hostname and hostname != QSysInfo.machineHostName():
        return UNKNOWN  # held on another computer (a shared folder): we cannot look
    if pid == os.getpid():
        return LIVE  # this very process holds it (a second window in one process)
    if not proc.is_dir():
        return UNKNOWN
    try:
        raw = (proc / str(pid) / "cmdline").read_bytes()
    except FileNotFoundError:
        return STALE  # no such process any more
    except OSError:
        return UNKNOWN  # hidden from us (another user's process): cannot tell
    command = raw.replace(b"\0", b" ").decode("utf-8", "replace")
    return LIVE if OUR_COMMAND.search(command) else STALE


def acquire_lock(data_dir: Path, proc: Path = Path("/proc")) -> LockResult:
    """Lock the data folder for this instance, telling a live holder from a stale lock."""
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        return LockResult(None, _tr("Narrative Coach cannot use the data folder {path} "
                                    "({reason}). Choose another with --data-dir.").format(
                                        path=data_dir, reason=error.strerror or error))
    path = data_dir / LOCK_NAME
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # held for the whole session; a crashed holder is detected by pid
    if lock.tryLock(100):
        return LockResult(lock)
    if lock.error() != QLockFile.LockError.LockFailedError:
        return LockResult(None, _tr(
            "Narrative Coach cannot write to the data folder {path}. Check its permissions, "
            "or choose another with --data-dir.").format(path=data_dir))
    try:
        pid, hostname, _appname = lock.getLockInfo()
    except (TypeError, ValueError):
        pid, hostname = 0, ""
    kind = holder_kind(int(pid or 0), str(hostname or ""), proc)
    if kind == STALE and lock.removeStaleLockFile() and lock.tryLock(100):
        return LockResult(lock)
    if kind == UNKNOWN:
        return LockResult(None, _tr(
            "Another copy of Narrative Coach may be using this data folder ({path}), but "
            "this computer cannot check. If no other copy is open, you can open it anyway; "
            "if one is, opening both may lose changes.").format(path=data_dir),
            uncertain=True, path=path)
    return LockResult(None, _tr(
        "Narrative Coach is already open with this data folder ({path}). Switch to the "
        "open window, or start it with --data-dir to use another folder.").format(
            path=data_dir))


def take_anyway(path: Path) -> QLockFile | None:
    """After the user chose "Open anyway": remove the old lock and take it (None if not)."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        return None
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(100) else None
