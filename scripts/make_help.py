"""Scripts: copy the user guide from docs/ into the app's resources as the in-app help.

docs/user-guide.md is the source. The in-app copy (narrative_app/resources/help/guide.md) is
the same text without Markdown image lines, because the help window never loads images.

Run from the repository root:  python scripts/make_help.py  (add --check to verify only)
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))  # also when loaded from a test

from _generated import write_or_check  # noqa: E402

SOURCE = ROOT / "docs" / "user-guide.md"
OUTPUT = ROOT / "narrative_app" / "resources" / "help" / "guide.md"

IMAGE_LINE_RE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$")


def in_app_guide(text: str) -> str:
    """The guide as the app shows it: image lines (and the blank line after each) removed."""
    lines = text.splitlines()
    kept: list[str] = []
    skip_blank = False
    for line in lines:
        if IMAGE_LINE_RE.match(line):
            skip_blank = True
            continue
        if skip_blank and not line.strip():
            skip_blank = False
            continue
        skip_blank = False
        kept.append(line)
    return "\n".join(kept).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    text = in_app_guide(SOURCE.read_text(encoding="utf-8"))
    return write_or_check(OUTPUT, text, "make_help.py", args, ROOT)


if __name__ == "__main__":
    raise SystemExit(main())
