"""Self-test (beside the command line): prove an installed copy or a built bundle works.

``narrative-app --self-test`` opens the main window offscreen on a temporary data folder (so
the database is created and migrated from scratch), opens the sample narrative, exports it to
.docx, Markdown and PDF in the temporary folder, checks those files, and quits. It touches no
user data or settings. On success it prints one line and returns 0; on any failure it prints
one line saying what went wrong and returns 1. packaging/build.sh runs it against the bundle,
which catches missing resources, migrations, Qt plugins and lazily imported modules.

This module stays Qt-free; the windowed half lives in :mod:`narrative_app.ui.self_check`.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from narrative_app import APP_NAME, __version__
from narrative_app.domain import Narrative
from narrative_app.errors import NarrativeAppError

if TYPE_CHECKING:  # the window check imports Qt only when it runs
    from narrative_app.ui.self_check import WindowCheck

EXIT_OK = 0
EXIT_FAILED = 1
TIMEOUT_SECONDS = 120.0
PART_HEADINGS = ("## Story of Self", "## Story of Us", "## Story of Now")


class SelfTestError(Exception):
    """A check failed; str() is the one-line reason shown to the user."""


def run_self_test(*, out: TextIO | None = None, timeout: float = TIMEOUT_SECONDS) -> int:
    """Run every check; print one line; return 0 (passed) or 1 (failed)."""
    out = out or sys.stdout
    started = time.monotonic()
    watchdog = threading.Timer(timeout, _give_up, args=(timeout,))
    watchdog.daemon = True
    watchdog.start()
    try:
        with tempfile.TemporaryDirectory(prefix="narrative-selftest-") as tmp:
            summary = _run_checks(Path(tmp))
    except (SelfTestError, NarrativeAppError) as failure:  # str() is already the message
        print(f"{APP_NAME} self-test failed: {_one_line(str(failure))}", file=out)
        return EXIT_FAILED
    except Exception as error:  # the reason matters more than the traceback here
        reason = _one_line(str(error)) or "no details"
        print(f"{APP_NAME} self-test failed: {type(error).__name__}: {reason}", file=out)
        return EXIT_FAILED
    finally:
        watchdog.cancel()
    elapsed = time.monotonic() - started
    print(f"{APP_NAME} {__version__} self-test passed in {elapsed:.1f} s: {summary}", file=out)
    return EXIT_OK


def _run_checks(tmp: Path) -> str:
    from narrative_app.bundle import read_file
    from narrative_app.paths import resource_path

    expected = read_file(resource_path("sample", "sample.narrative"))
    data_dir = tmp / "data"
    out_dir = tmp / "exports"
    out_dir.mkdir()
    check = _window_check(data_dir, tmp / "settings")
    narrative = check.narrative
    if narrative.title != expected.title:
        raise SelfTestError(
            f"the window opened '{narrative.title}', not the sample '{expected.title}'"
        )
    if narrative.title not in check.window_title:
        raise SelfTestError(f"the window title '{check.window_title}' does not name the sample")
    if not (data_dir / "narratives.db").is_file():
        raise SelfTestError(f"no database was created in {data_dir}")
    _check_docx(narrative, out_dir / "sample.docx")
    _check_markdown(narrative, out_dir / "sample.md")
    _check_pdf(narrative, out_dir / "sample.pdf")
    language = ", ".join(check.translation) or "English"
    return (f"window ({check.platform}), sample '{narrative.title}', "
            f".docx, .md and .pdf exports; language: {language}")


def _window_check(data_dir: Path, settings_dir: Path) -> WindowCheck:
    try:
        from narrative_app.ui import self_check
    except ImportError as error:
        raise SelfTestError(f"the window could not be loaded ({error})") from error
    try:
        return self_check.open_sample_in_window(data_dir, settings_dir)
    except self_check.SelfCheckError as error:
        raise SelfTestError(str(error)) from error


def _export(narrative: Narrative, fmt: str, path: Path) -> bytes:
    from narrative_app.export import write_export

    written = write_export(narrative, fmt, path, author="Self-test")
    if not written.is_file() or written.stat().st_size == 0:
        raise SelfTestError(f"the .{fmt} export wrote no file at {path}")
    return written.read_bytes()


def _check_docx(narrative: Narrative, path: Path) -> None:
    _export(narrative, "docx", path)
    try:
        with zipfile.ZipFile(path) as archive:
            document = archive.read("word/document.xml").decode("utf-8")
    except (zipfile.BadZipFile, KeyError) as error:
        raise SelfTestError(f"the .docx export is not a Word document ({error})") from error
    import docx

    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    if narrative.title not in text or "Self" not in document:
        raise SelfTestError("the .docx export lacks the title or the Story of Self")


def _check_markdown(narrative: Narrative, path: Path) -> None:
    text = _export(narrative, "md", path).decode("utf-8")
    if not text.startswith(f"# {narrative.title}"):
        raise SelfTestError("the Markdown export does not start with the title")
    missing = [heading for heading in PART_HEADINGS if heading not in text]
    if missing:
        raise SelfTestError(f"the Markdown export lacks '{missing[0]}'")
    from narrative_app.export.importers import import_file

    back = import_file(path).narrative
    if back.title != narrative.title:
        raise SelfTestError("the Markdown export does not import back with the same title")


def _check_pdf(narrative: Narrative, path: Path) -> None:
    data = _export(narrative, "pdf", path)
    if not data.startswith(b"%PDF"):
        raise SelfTestError("the PDF export is not a PDF file")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _give_up(timeout: float) -> None:
    """The watchdog: something is stuck (a dialog, a lock); say so and end the process."""
    print(f"{APP_NAME} self-test failed: no result after {timeout:.0f} seconds", flush=True)
    os._exit(EXIT_FAILED)


if __name__ == "__main__":  # pragma: no cover - `python -m narrative_app.selftest`
    raise SystemExit(run_self_test())
