"""Benchmark: autosave after an edit to one part (``NarrativeStore.save``, as the controller
does: the whole narrative in one transaction), target < 20 ms."""

from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.common import time_calls
from narrative_app.domain import Narrative, PartKind
from narrative_app.models import NarrativeStore


def run(repeats: int = 50) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        store = NarrativeStore.open(Path(tmp), create_sample=False)
        try:
            narrative = Narrative(title="Benchmark")
            for kind in PartKind:
                narrative.parts[kind].draft = "A sentence of about eight words here. " * 220
            store.create(narrative)
            base = narrative.parts[PartKind.SELF].draft
            counter = iter(range(10**9))

            def save_one_part() -> None:
                narrative.parts[PartKind.SELF].draft = base + f" edit {next(counter)}"
                store.save(narrative)

            samples = time_calls(save_one_part, repeats, warmup=3)
        finally:
            store.close()
    return [{"figure": "autosave: one part saved (1,600-word part)", "target": "< 20 ms",
             "samples": samples, "limit": 0.020, "stat": "median"}]


if __name__ == "__main__":
    from benchmarks.common import summarise

    for row in run():
        s = summarise(row)
        print(f"{s['figure']}: median {s['value'] * 1000:.2f} ms")
