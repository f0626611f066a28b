"""Test helper: saves edits to a store in an endless loop until the parent kills it.

Usage: python crash_child.py DATA_DIR

Each edit writes "edit N" at the start of the Story of Self's draft (every other save
changes the Story of Us too); only AFTER the save returned (committed) it prints N and
flushes, so the parent knows N is on disk.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from narrative_app.domain import Narrative, PartKind  # noqa: E402
from narrative_app.models import NarrativeStore  # noqa: E402

FILLER = "and the words kept coming " * 800  # about 20 kB: each save spans several pages


def main() -> None:
    store = NarrativeStore.open(Path(sys.argv[1]), create_sample=False)
    summaries = store.list()
    if summaries:
        narrative = store.get(summaries[0].id)
    else:
        narrative = Narrative(title="Crash test")
        store.create(narrative)
    match = re.match(r"edit (\d+)", narrative.parts[PartKind.SELF].draft)
    counter = int(match.group(1)) if match else 0
    while True:
        counter += 1
        draft = f"edit {counter}\n{FILLER}"
        narrative.parts[PartKind.SELF].draft = draft
        if not counter % 2:  # every other save changes two parts
            narrative.parts[PartKind.US].draft = f"us {counter} {FILLER}"
        store.save(narrative)
        print(counter, flush=True)


if __name__ == "__main__":
    main()
