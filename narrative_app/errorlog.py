"""Error log: record an unexpected error with its traceback, and the one line to show.

Layer: bottom (Qt-free). The command line's catch-all and the window's action guard both call
:func:`report_unexpected`; the user sees one plain line naming the log file, never a
traceback. The log lives in ``<data folder>/logs/narrative-app.log``; when that folder cannot
be written, the system's temporary folder is used instead, so the details are never lost.
"""

from __future__ import annotations

import os
import tempfile
import traceback
from datetime import datetime
from pathlib import Path

from narrative_app import __version__

LOG_DIR_NAME = "logs"
LOG_FILE_NAME = "narrative-app.log"
MAX_LOG_BYTES = 1024 * 1024  # past this, the log starts again (the old one is kept as .1)


def log_path(data_dir: str | os.PathLike[str] | None) -> Path:
    """Where the log is written for this data folder."""
    base = Path(data_dir) if data_dir else Path(tempfile.gettempdir())
    return base / LOG_DIR_NAME / LOG_FILE_NAME


def log_exception(
    error: BaseException, data_dir: str | os.PathLike[str] | None, context: str = ""
) -> Path:
    """Append the error and its traceback to the log; returns the file it went to."""
    entry = _entry(error, context)
    for candidate in (log_path(data_dir), log_path(None)):
        try:
            candidate.parent.mkdir(parents=True, exist_ok=True)
            _rotate(candidate)
            with candidate.open("a", encoding="utf-8", errors="replace") as handle:
                handle.write(entry)
            return candidate
        except OSError:
            continue
    return log_path(data_dir)  # nowhere could be written; still name where it should be


def unexpected_message(error: BaseException, log_file: Path) -> str:
    """The one line a user sees for an error the app did not expect."""
    return (
        f"Something went wrong inside Narrative Coach ({type(error).__name__}); your saved "
        f"work is safe. The details are in {log_file}: please send that file with a report."
    )


def report_unexpected(
    error: BaseException, data_dir: str | os.PathLike[str] | None, context: str = ""
) -> str:
    """Log the error and return the one line to show (the CLI prints it, the UI shows it)."""
    return unexpected_message(error, log_exception(error, data_dir, context))


def _entry(error: BaseException, context: str) -> str:
    stamp = datetime.now().isoformat(timespec="seconds")
    head = f"--- {stamp} Narrative Coach {__version__}" + (f" ({context})" if context else "")
    body = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return f"{head}\n{body}\n"


def _rotate(path: Path) -> None:
    try:
        if path.stat().st_size > MAX_LOG_BYTES:
            os.replace(path, path.with_name(path.name + ".1"))
    except FileNotFoundError:
        pass


__all__ = [
    "LOG_FILE_NAME",
    "log_exception",
    "log_path",
    "report_unexpected",
    "unexpected_message",
]
