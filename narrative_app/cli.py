"""Command line: launches the window, or lists, imports, exports and checks headlessly.

The contract (ARCHITECTURE.md) is relied on by other tools: exit status 0 on success, 2 on bad
usage or bad input with a one-line reason on stderr. Heavy modules are imported inside the
command that needs them so ``--version`` and ``list`` stay quick.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from narrative_app import APP_NAME, __version__
from narrative_app.cli_arguments import (
    add_check_args,
    add_export_args,
    add_import_args,
    add_list_args,
    add_rehearsals_args,
    add_rehearse_audio_args,
)
from narrative_app.errors import NarrativeAppError, NotFoundError

if TYPE_CHECKING:
    import argparse

    from narrative_app.domain import Narrative
    from narrative_app.export import ExportFormat, Layout
    from narrative_app.models.store import NarrativeStore

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2


def _json(data: object) -> str:
    """``data`` as indented UTF-8 JSON (json is imported here: the window does not need it)."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=2)


class UsageError(NarrativeAppError):
    """The command line itself is wrong (unknown option, missing argument...)."""


@dataclass(frozen=True)
class Command:
    """One subcommand: name, help line, how to add its arguments, and what runs it. To add
    one, write ``add_x_args`` (in cli_arguments.py) and ``_cmd_x`` and append an entry to
    ``COMMANDS``; global options (``--data-dir``) are added to every command, so they work
    before or after its name."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


def _add_global_options(parser: argparse.ArgumentParser, *, top: bool) -> None:
    import argparse

    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        # Below the command, a missing option must not hide one given before the command.
        default=None if top else argparse.SUPPRESS,
        help="folder for all data (default: NARRATIVE_APP_DATA_DIR, else the platform's "
        "application-data folder)",
    )


def build_parser() -> argparse.ArgumentParser:
    import argparse

    class _Parser(argparse.ArgumentParser):
        """An argparse parser whose errors are one line on stderr and exit status 2."""

        def error(self, message: str) -> NoReturn:
            raise UsageError(f"{message} (see '{self.prog} --help')")

    parser = _Parser(
        prog="narrative-app",
        description=f"{APP_NAME}: write, rehearse and share a public narrative. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    _add_global_options(parser, top=True)
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window offscreen on a temporary folder, load and export the sample, quit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for command in COMMANDS:
        sub = commands.add_parser(command.name, help=command.help)
        _add_global_options(sub, top=False)
        command.add_arguments(sub)
    return parser


def _plain_launch(args: list[str]) -> tuple[bool, str | None]:
    """(True, the data folder or None) when ``args`` only opens the window (no args, or just
    --data-dir); (False, None) otherwise. Launching from a menu then skips building the
    parser (issue 8)."""
    if not args:
        return True, None
    if len(args) == 2 and args[0] == "--data-dir" and args[1] and not args[1].startswith("-"):
        return True, args[1]
    if len(args) == 1 and args[0].startswith("--data-dir=") and len(args[0]) > 11:
        return True, args[0].removeprefix("--data-dir=")
    return False, None


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args_list)
    except NarrativeAppError as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # the catch-all: logged with its traceback, one line shown
        from narrative_app.errorlog import report_unexpected

        _fail(report_unexpected(exc, _data_dir_for_log(args_list), "command line"))
        return EXIT_FAILED


def _run(args_list: list[str]) -> int:
    plain, data_dir = _plain_launch(args_list)
    if plain:
        from narrative_app.ui.app import run_app

        return run_app(_resolve(data_dir), [sys.argv[0]])
    args = build_parser().parse_args(args_list)
    if args.self_test:
        from narrative_app.selftest import run_self_test

        return run_self_test()
    if args.command is None:
        return _launch_ui(args)
    return _COMMANDS_BY_NAME[args.command].run(args)


def _data_dir_for_log(args_list: list[str]) -> Path | None:
    """The data folder the failed command was using, as far as can be told."""
    given: str | None = None
    for i, arg in enumerate(args_list):
        if arg == "--data-dir" and i + 1 < len(args_list):
            given = args_list[i + 1]
        elif arg.startswith("--data-dir="):
            given = arg.removeprefix("--data-dir=")
    try:
        return _resolve(given)
    except Exception:  # the log helper falls back to the temporary folder
        return None


def _fail(message: str) -> None:
    first_line = " ".join(message.split())
    sys.stdout.flush()
    print(f"narrative-app: {first_line}", file=sys.stderr)


def _data_dir(args: argparse.Namespace) -> Path:
    return _resolve(args.data_dir)


def _resolve(cli_value: str | None) -> Path:
    from narrative_app.paths import resolve_data_dir

    return resolve_data_dir(cli_value)


@contextmanager
def _open_store(args: argparse.Namespace) -> Iterator[NarrativeStore]:
    """The store of ``--data-dir``, closed again however the command ends."""
    from narrative_app.models.store import NarrativeStore

    store = NarrativeStore.open(_data_dir(args))
    try:
        report = getattr(store, "open_report", None)
        if report is not None and getattr(report, "recovered", False):
            _fail(report.message)
        yield store
    finally:
        store.close()


_ID_RE = re.compile(r"[0-9]+", re.ASCII)
MAX_ID_DIGITS = 18  # SQLite ids are 64-bit; longer numbers cannot name a narrative


def _is_file(text: str) -> bool:
    try:
        return Path(text).exists()
    except (OSError, ValueError):  # a name too long for the system is no file
        return False


def _parse_id(text: str) -> int:
    shown = text if len(text) <= 24 else f"{text[:20]}…"
    if _ID_RE.fullmatch(text) and len(text.lstrip("0")) > MAX_ID_DIGITS:
        raise NotFoundError(f"There is no narrative with id {shown}. Use 'narrative-app list' "
                            "to see the ids.")
    if not _ID_RE.fullmatch(text) or int(text) < 1:
        raise UsageError(f"'{shown}' is not a narrative id. Use 'narrative-app list' to see "
                         "the ids.")
    return int(text)


def _launch_ui(args: argparse.Namespace) -> int:
    from narrative_app.ui.app import run_app

    return run_app(_data_dir(args), [sys.argv[0]])


def _cmd_list(args: argparse.Namespace) -> int:
    with _open_store(args) as store:
        rows = store.list(trashed=args.trash)
    if args.json:
        payload = [
            {
                "id": row.id,
                "title": row.title,
                "updated": row.updated_at.isoformat(timespec="seconds"),
                "audience": row.audience,
                "words": row.words,
            }
            for row in rows
        ]
        print(_json(payload))
        return EXIT_OK
    if not rows:
        print("The trash is empty." if args.trash else "No narratives yet.")
        return EXIT_OK
    width = max(len(str(row.id)) for row in rows)
    for row in rows:
        updated = row.updated_at.strftime("%Y-%m-%d %H:%M")
        print(f"{row.id:>{width}}  {updated}  {row.title}")
    return EXIT_OK


def _cmd_import(args: argparse.Namespace) -> int:
    from narrative_app.export.importers import import_file

    result = import_file(Path(args.path))
    with _open_store(args) as store:
        notes = _name_the_copy(store, result.narrative)
        new_id = store.import_narrative(result.narrative)
    for message in [*result.messages, *notes]:
        _fail(message)
    print(new_id)
    return EXIT_OK


def _name_the_copy(store: NarrativeStore, narrative: Narrative) -> list[str]:
    """Give an import whose title is taken the next free 'Title (N)'; say why."""
    from narrative_app.export.names import name_import

    rows = [(row.id, row.title) for row in (*store.list(), *store.list(trashed=True))]
    note = name_import(narrative, rows, store.get)
    return [note] if note else []


def _cmd_export(args: argparse.Namespace) -> int:
    from narrative_app.export import check_export_target, parse_format, render_export, write_export
    from narrative_app.export.notes import parse_layout

    fmt = parse_format(args.format)
    layout = parse_layout(args.layout or "notes")
    if not fmt.renders(layout):
        raise UsageError(
            f"--format {fmt.value} has no {args.layout} layout (it carries the whole "
            f"narrative). Leave out --layout, or choose --format txt, docx or pdf."
        )
    to_stdout = args.output == "-"
    if to_stdout and not fmt.can_stream:
        raise UsageError(
            f"-o - (standard output) works for md and txt only; a {fmt.value} file needs a "
            "file name, for example -o notes." + fmt.value
        )
    narrative_id = _parse_id(args.id)
    data_dir = _data_dir(args)
    if not to_stdout:
        check_export_target(args.output, [data_dir])  # before anything is opened or written
    with _open_store(args) as store:
        narrative = store.get(narrative_id)
    _note_unchosen_names(narrative, fmt, layout)
    options = {
        "layout": layout,
        "paper": args.paper,
        "include_full_text": not args.no_full_text,
        "author": args.author,
    }
    if to_stdout:
        data = render_export(narrative, fmt, **options)
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return EXIT_OK
    path = write_export(narrative, fmt, Path(args.output), data_dirs=[data_dir], **options)
    print(path)
    return EXIT_OK


def _note_unchosen_names(narrative: Narrative, fmt: ExportFormat, layout: Layout) -> None:
    """One line on stderr naming the people found with no choice yet; the export goes on."""
    from narrative_app.export import SHARED_LAYOUTS
    from narrative_app.export.people import unchosen_note

    note = unchosen_note(narrative) if fmt.has_layouts and layout in SHARED_LAYOUTS else ""
    if note:
        print(note, file=sys.stderr)


def _cmd_check(args: argparse.Namespace) -> int:
    from narrative_app.coach.report import build_report, report_to_json, report_to_text

    target = args.target
    pace: float | None = None
    if target.isnumeric() and not _is_file(target):  # '¹' and '٣' are ids gone wrong
        narrative_id = _parse_id(target)
        with _open_store(args) as store:
            narrative = store.get(narrative_id)
            pace = store.measured_pace(narrative_id)
    else:
        from narrative_app.export.importers import import_file

        result = import_file(Path(target))
        if result.encoding != "utf-8":  # the one note that changes what the report read
            _fail(result.messages[0])
        narrative = result.narrative
    report = build_report(narrative, pace)
    if args.json:
        print(_json(report_to_json(report)))
    else:
        print(report_to_text(report))
    return EXIT_OK


def _cmd_rehearsals(args: argparse.Namespace) -> int:
    from narrative_app.rehearsal.report import runs_to_json, runs_to_text

    narrative_id = _parse_id(args.id)
    with _open_store(args) as store:
        store.get(narrative_id)  # a clear "no narrative with id" for a wrong id
        runs = store.list_runs(narrative_id)
    if args.json:
        print(_json(runs_to_json(runs)))
    else:
        print(runs_to_text(runs))
    return EXIT_OK


def _cmd_rehearse_audio(args: argparse.Namespace) -> int:
    from narrative_app.rehearsal.speech import command

    narrative_id = _parse_id(args.id)
    with _open_store(args) as store:
        text = command.run(store, narrative_id, Path(args.wav), as_json=args.json,
                           dry_run=args.dry_run)
    print(text)
    return EXIT_OK


COMMANDS: tuple[Command, ...] = (
    Command("list", "list narratives (id, title, last updated)", add_list_args, _cmd_list),
    Command("import", "import a .md, .docx or .narrative file", add_import_args, _cmd_import),
    Command("export", "export a narrative to a file", add_export_args, _cmd_export),
    Command("check", "print the coach report for a narrative", add_check_args, _cmd_check),
    Command(
        "rehearsals", "list a narrative's rehearsal runs", add_rehearsals_args, _cmd_rehearsals
    ),
    Command(
        "rehearse-audio", "analyse a spoken rehearsal (WAV)", add_rehearse_audio_args,
        _cmd_rehearse_audio,
    ),
)
_COMMANDS_BY_NAME = {command.name: command for command in COMMANDS}


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
