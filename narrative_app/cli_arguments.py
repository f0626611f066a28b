"""Command line: the arguments of each subcommand (``cli.py`` wires them to what runs).

Layer: cli. Only argparse; nothing heavy is imported here, so ``--help`` stays quick.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse

EXPORT_FORMATS = ("docx", "md", "txt", "pdf", "narrative")
LAYOUTS = ("notes", "cards", "briefing")
PAPERS = ("A4", "Letter")


def add_list_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--trash", action="store_true", help="list the trash instead")


def add_import_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("path", metavar="PATH")


def add_export_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID")
    p.add_argument("--format", "-f", required=True, choices=EXPORT_FORMATS)
    p.add_argument(
        "--layout", choices=LAYOUTS, default=None,
        help="notes (default), cards or briefing; txt, docx and pdf only",
    )
    p.add_argument("--paper", choices=PAPERS, default="A4")
    p.add_argument("--no-full-text", action="store_true", help="leave out the full draft")
    p.add_argument("--author", default="", help="author name for document properties")
    p.add_argument(
        "-o", "--output", required=True, metavar="PATH",
        help="the file to write; '-' writes md or txt to standard output",
    )


def add_check_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", metavar="ID|PATH")
    p.add_argument("--json", action="store_true")


def add_rehearsals_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true")


def add_rehearse_audio_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", metavar="ID")
    p.add_argument("wav", metavar="FILE.wav")
    p.add_argument("--json", action="store_true")
    p.add_argument("--dry-run", action="store_true", help="print, do not store the run")
