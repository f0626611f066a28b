"""Scripts: write a generated file, or with --check only say whether it is up to date."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(output: Path, text: str, script: str, args: list[str], root: Path) -> int:
    """Write ``text`` to ``output`` (status 0), or with ``--check`` compare it (1 if stale)."""
    if "--check" in args:
        current = output.read_text(encoding="utf-8") if output.exists() else ""
        if current != text:
            print(f"{output} is out of date: run python scripts/{script}", file=sys.stderr)
            return 1
        return 0
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"Wrote {output.relative_to(root)}")
    return 0
