"""Run every benchmark and print one table: ``python -m benchmarks [--repeats N] [names...]``."""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
from pathlib import Path

from benchmarks.common import fmt, summarise

BENCHES = ("bench_startup", "bench_keystroke", "bench_coach", "bench_autosave", "bench_export",
           "bench_scale", "bench_spell", "bench_speech", "bench_typing_at_risk",
           "bench_hostile_imports")


def describe_machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from PySide6 import __version__ as pyside_version

    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, PySide6 {pyside_version}")


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--repeats", type=int, default=None, help="override repeats per figure")
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    names = [n if n.startswith("bench_") else f"bench_{n}" for n in args.names] or list(BENCHES)
    print(f"Machine: {describe_machine()}")
    print()
    print("| figure | target | result | spread (min-max) | runs | met |")
    print("|---|---|---|---|---|---|")
    failed = False
    for name in names:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            print(f"| {name} | | not available ({exc.name}) | | | |")
            continue
        kwargs = {} if args.repeats is None else {"repeats": args.repeats}
        for row in module.run(**kwargs):
            s = summarise(row)
            met = {True: "yes", False: "NO", None: ""}[s["ok"]]
            failed |= s["ok"] is False
            label = f"{s['stat']} {fmt(s['value'], s['unit'])}"
            spread = f"{fmt(s['low'], s['unit'])} - {fmt(s['high'], s['unit'])}"
            print(f"| {s['figure']} | {s['target']} | {label} | {spread} | {s['n']} | {met} |")
            sys.stdout.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
