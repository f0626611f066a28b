"""Benchmark: exporting the sample narrative to .docx in the process (target under 300 ms).

The first call pays for importing python-docx and lxml; it is measured separately, since a
user's first export in a session pays for it too. ``python benchmarks/bench_export.py``
prints the medians.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import time_calls
from narrative_app.bundle import read_file
from narrative_app.export import render_export
from narrative_app.paths import resource_path

LIMIT_SECONDS = 0.300


def run(repeats: int = 10) -> list[dict]:
    narrative = read_file(resource_path("sample", "sample.narrative"))
    first_call_loaded = "docx" in sys.modules
    start = time.perf_counter()
    render_export(narrative, "docx")
    first = time.perf_counter() - start
    rows = [
        {
            "figure": "Export sample to .docx, first in process"
            + (" (python-docx already loaded)" if first_call_loaded else ""),
            "target": "< 300 ms",
            "samples": [first],
            "limit": LIMIT_SECONDS,
            "stat": "median",
        }
    ]
    for layout in ("notes", "cards", "briefing"):
        samples = time_calls(
            lambda lay=layout: render_export(narrative, "docx", layout=lay), repeats
        )
        rows.append(
            {
                "figure": f"Export sample to .docx ({layout})",
                "target": "< 300 ms",
                "samples": samples,
                "limit": LIMIT_SECONDS,
                "stat": "median",
            }
        )
    return rows


if __name__ == "__main__":
    for row in run():
        print(f"{row['figure']}: median {statistics.median(row['samples']) * 1000:.1f} ms")
