"""Command line: launches the window, or lists, imports, exports and checks headlessly.

The contract (ARCHITECTURE.md) is relied on by other tools: exit status 0 on success, 2 on bad
usage or bad input with a one-line reason on stderr. Heavy modules are imported inside the
command that needs them so ``--version`` and ``list`` stay quick.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from narrative_app import APP_NAME, __version__
from narrative_app.errors import NarrativeAppError

if TYPE_CHECKING:
    import argparse

    from narrative_app.models.store import NarrativeStore

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_BAD_INPUT = 2

EXPORT_FORMATS = ("docx", "md", "txt", "pdf", "narrative")
LAYOUTS = ("notes", "cards", "briefing")
PAPERS = ("A4", "Letter")


class UsageError(NarrativeAppError):
    """The command line itself is wrong (unknown option, missing argument...)."""


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
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="folder for all data (default: NARRATIVE_APP_DATA_DIR, else the platform's "
        "application-data folder)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the window offscreen on a temporary folder, load and export the sample, quit",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p_list = commands.add_parser("list", help="list narratives (id, title, last updated)")
    p_list.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p_list.add_argument("--trash", action="store_true", help="list the trash instead")

    p_import = commands.add_parser("import", help="import a .md, .docx or .narrative file")
    p_import.add_argument("path", metavar="PATH")

    p_export = commands.add_parser("export", help="export a narrative to a file")
    p_export.add_argument("id", metavar="ID")
    p_export.add_argument("--format", "-f", required=True, choices=EXPORT_FORMATS)
    p_export.add_argument("--layout", choices=LAYOUTS, default="notes")
    p_export.add_argument("--paper", choices=PAPERS, default="A4")
    p_export.add_argument("--no-full-text", action="store_true", help="leave out the full draft")
    p_export.add_argument("--author", default="", help="author name for document properties")
    p_export.add_argument("-o", "--output", required=True, metavar="PATH")

    p_check = commands.add_parser("check", help="print the coach report for a narrative")
    p_check.add_argument("target", metavar="ID|PATH")
    p_check.add_argument("--json", action="store_true")

    p_audio = commands.add_parser("rehearse-audio", help="analyse a spoken rehearsal (WAV)")
    p_audio.add_argument("id", metavar="ID")
    p_audio.add_argument("wav", metavar="FILE.wav")
    p_audio.add_argument("--json", action="store_true")
    p_audio.add_argument("--dry-run", action="store_true", help="print, do not store the run")

    p_runs = commands.add_parser("rehearsals", help="list a narrative's rehearsal runs")
    p_runs.add_argument("id", metavar="ID")
    p_runs.add_argument("--json", action="store_true")
    return parser


def _plain_launch(args: list[str]) -> str | bool | None:
    """The data folder when ``args`` only opens the window (no args, or just --data-dir);
    False otherwise. Launching from a menu then skips building the parser (issue 8)."""
    if not args:
        return None
    if len(args) == 2 and args[0] == "--data-dir" and args[1] and not args[1].startswith("-"):
        return args[1]
    if len(args) == 1 and args[0].startswith("--data-dir=") and len(args[0]) > 11:
        return args[0].removeprefix("--data-dir=")
    return False


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        plain = _plain_launch(args_list)
        if plain is not False:
            from narrative_app.ui.app import run_app

            return run_app(_resolve(plain), [sys.argv[0]])
        args = build_parser().parse_args(args_list)
        if args.self_test:
            from narrative_app.selftest import run_self_test

            return run_self_test()
        if args.command is None:
            return _launch_ui(args)
        handler = _HANDLERS[args.command]
        return handler(args)
    except NarrativeAppError as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


def _fail(message: str) -> None:
    first_line = " ".join(message.split())
    print(f"narrative-app: {first_line}", file=sys.stderr)


def _data_dir(args: argparse.Namespace) -> Path:
    return _resolve(args.data_dir)


def _resolve(cli_value: str | None) -> Path:
    from narrative_app.paths import resolve_data_dir

    return resolve_data_dir(cli_value)


def _open_store(args: argparse.Namespace) -> NarrativeStore:
    from narrative_app.models.store import NarrativeStore

    store = NarrativeStore.open(_data_dir(args))
    report = getattr(store, "open_report", None)
    if report is not None and getattr(report, "recovered", False):
        _fail(report.message)
    return store


def _parse_id(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise UsageError(
            f"'{text}' is not a narrative id. Use 'narrative-app list' to see the ids."
        ) from None
    if value < 1:
        raise UsageError(
            f"'{text}' is not a narrative id. Use 'narrative-app list' to see the ids."
        )
    return value


def _launch_ui(args: argparse.Namespace) -> int:
    from narrative_app.ui.app import run_app

    return run_app(_data_dir(args), [sys.argv[0]])


def _cmd_list(args: argparse.Namespace) -> int:
    store = _open_store(args)
    try:
        rows = store.list(trashed=args.trash)
    finally:
        store.close()
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
        print(json.dumps(payload, ensure_ascii=False, indent=2))
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
    store = _open_store(args)
    try:
        new_id = store.import_narrative(result.narrative)
    finally:
        store.close()
    for message in result.messages:
        _fail(message)
    print(new_id)
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from narrative_app.export import write_export

    narrative_id = _parse_id(args.id)
    store = _open_store(args)
    try:
        narrative = store.get(narrative_id)
    finally:
        store.close()
    path = write_export(
        narrative,
        args.format,
        Path(args.output),
        layout=args.layout,
        paper=args.paper,
        include_full_text=not args.no_full_text,
        author=args.author,
    )
    print(path)
    return EXIT_OK


def _cmd_check(args: argparse.Namespace) -> int:
    from narrative_app.coach.report import build_report, report_to_json, report_to_text

    target = args.target
    pace: float | None = None
    if target.isdigit() and not Path(target).exists():
        store = _open_store(args)
        try:
            narrative = store.get(int(target))
            pace = store.measured_pace(int(target))
        finally:
            store.close()
    else:
        from narrative_app.export.importers import import_file

        narrative = import_file(Path(target)).narrative
    report = build_report(narrative, pace)
    if args.json:
        print(json.dumps(report_to_json(report), ensure_ascii=False, indent=2))
    else:
        print(report_to_text(report))
    return EXIT_OK


def _cmd_rehearsals(args: argparse.Namespace) -> int:
    from narrative_app.rehearsal.report import runs_to_json, runs_to_text

    narrative_id = _parse_id(args.id)
    store = _open_store(args)
    try:
        store.get(narrative_id)  # a clear "no narrative with id" for a wrong id
        runs = store.list_runs(narrative_id)
    finally:
        store.close()
    if args.json:
        print(json.dumps(runs_to_json(runs), ensure_ascii=False, indent=2))
    else:
        print(runs_to_text(runs))
    return EXIT_OK


def _cmd_rehearse_audio(args: argparse.Namespace) -> int:
    from narrative_app.rehearsal.speech import command

    narrative_id = _parse_id(args.id)
    store = _open_store(args)
    try:
        text = command.run(store, narrative_id, Path(args.wav), as_json=args.json,
                           dry_run=args.dry_run)
    finally:
        store.close()
    print(text)
    return EXIT_OK


_HANDLERS = {
    "list": _cmd_list,
    "import": _cmd_import,
    "export": _cmd_export,
    "check": _cmd_check,
    "rehearsals": _cmd_rehearsals,
    "rehearse-audio": _cmd_rehearse_audio,
}


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
