"""Benchmarks: the coach of several checkouts timed side by side, in turn, on one machine.

On a shared machine the speed of a run drifts by half from one minute to the next, so two
figures taken minutes apart cannot be compared. This starts one worker process per checkout
(each imports its own ``narrative_app``), then asks them in turn, report by report, for a
cold report on the benchmark narrative of 1,000 and 10,000 words, and prints each one's
minimum and median CPU time.

    python benchmarks/coach_side_by_side.py CHECKOUT [CHECKOUT ...] [--runs 40]

A checkout is a source tree with ``narrative_app`` and ``benchmarks`` in it, such as one made
with ``git worktree add ../old 4809489``.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

SIZES = (1000, 10000)


def worker(root: str) -> None:
    sys.path.insert(0, root)
    from benchmarks.bench_coach import _forget, narrative_of
    from narrative_app.coach.report import build_report

    narratives = {words: narrative_of(words) for words in SIZES}
    for narrative in narratives.values():
        build_report(narrative)  # word lists load once per process
    print("ready", flush=True)
    for line in sys.stdin:
        _forget()
        start = time.process_time()
        build_report(narratives[int(line)])
        print(time.process_time() - start, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkouts", nargs="+")
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker)
        return 0
    roots = [str(Path(c).resolve()) for c in args.checkouts]
    procs = {
        root: subprocess.Popen(
            [sys.executable, __file__, "--worker", root, root],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd="/",
        )
        for root in roots
    }
    for proc in procs.values():
        if proc.stdout is None or proc.stdout.readline().strip() != "ready":
            print("A checkout's coach did not start.", file=sys.stderr)
            return 1
    times: dict[tuple[str, int], list[float]] = {(r, w): [] for r in roots for w in SIZES}
    for run in range(args.runs):
        for words in SIZES:
            for root in roots if run % 2 == 0 else roots[::-1]:
                proc = procs[root]
                assert proc.stdin is not None and proc.stdout is not None
                proc.stdin.write(f"{words}\n")
                proc.stdin.flush()
                times[(root, words)].append(float(proc.stdout.readline()))
    for proc in procs.values():
        assert proc.stdin is not None
        proc.stdin.close()
        proc.wait()
    print("| checkout | words | min | median |\n|---|---|---|---|")
    for (root, words), samples in times.items():
        print(f"| {root} | {words:,} | {min(samples) * 1000:.1f} ms "
              f"| {statistics.median(samples) * 1000:.1f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
