"""Benchmark: start-up against a bare PySide6 window, in the same run, alternating runs.

Figures (issue 8): process start to the main window's first paint, and to the library being
listed with the event loop idle ("ready"), each as a ratio to a bare script that shows an
empty QMainWindow at the same size (``bare_window.py``). Each pair of runs (bare, then app)
gives one ratio; the table shows the median ratio. The data folder is prepared once before
timing, so the steady state is measured (the sample narrative already exists); the first
run on a brand-new folder (database creation, migrations, sample) is shown as information.
See ``probe.py`` for how the moments are taken. ``python -m benchmarks startup``.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.probe import app_command, bare_command, child_env, prepare, spawn


def run(repeats: int = 10) -> list[dict]:
    prepare()
    with tempfile.TemporaryDirectory() as tmp:
        env = child_env(Path(tmp) / "config")
        data_dir = Path(tmp) / "data"
        first_run = spawn(app_command(data_dir), env)  # creates the database and the sample
        spawn(app_command(data_dir), env)  # warm the file cache as the timed runs will find it
        spawn(bare_command(), env)
        bare_paint, bare_ready, app_paint, app_ready = [], [], [], []
        for _ in range(max(1, repeats)):
            bare = spawn(bare_command(), env)
            app = spawn(app_command(data_dir), env)
            bare_paint.append(bare.moments["first-paint"])
            bare_ready.append(bare.moments["ready"])
            app_paint.append(app.moments["first-paint"])
            app_ready.append(app.moments["ready"])
    paint_ratio = [a / b for a, b in zip(app_paint, bare_paint, strict=True)]
    ready_ratio = [a / b for a, b in zip(app_ready, bare_ready, strict=True)]
    return [
        {"figure": "start-up, first paint: app / bare QMainWindow", "target": "<= 1.5x",
         "samples": paint_ratio, "unit": "x", "limit": 1.5, "stat": "median"},
        {"figure": "start-up, ready (library listed): app / bare QMainWindow",
         "target": "<= 2.5x", "samples": ready_ratio, "unit": "x", "limit": 2.5,
         "stat": "median"},
        {"figure": "start-up: bare QMainWindow first paint (baseline)", "target": "(info)",
         "samples": bare_paint, "stat": "median"},
        {"figure": "start-up: app first paint", "target": "(info)", "samples": app_paint,
         "stat": "median"},
        {"figure": "start-up: app ready", "target": "(info)", "samples": app_ready,
         "stat": "median"},
        {"figure": "start-up: first run on a new data folder (creates the sample), ready",
         "target": "(info)", "samples": [first_run.moments["ready"]], "stat": "median"},
    ]


if __name__ == "__main__":
    from benchmarks.common import fmt, summarise

    for row in run():
        s = summarise(row)
        print(f"{s['figure']}: {s['stat']} {fmt(s['value'], s['unit'])}"
              f" (median of {len(row['samples'])}: {statistics.median(row['samples']):.3f})")
