"""Benchmarks: shared helpers to time things and describe a result row.

A bench module exposes ``run(repeats) -> list[dict]``. Each dict has ``figure``, ``target``
(as shown), ``samples`` (seconds unless ``unit`` says otherwise), and optionally ``unit``
("s", "x" for a ratio, "MB"), ``limit`` (in the unit of the samples) and ``stat``
("median" or "p99") saying which statistic is held against the limit.
"""

from __future__ import annotations

import gc
import statistics
import time
from collections.abc import Callable
from typing import Any


def time_calls(func: Callable[[], Any], repeats: int, warmup: int = 1) -> list[float]:
    """Seconds for each of ``repeats`` calls of ``func`` after ``warmup`` untimed calls."""
    for _ in range(warmup):
        func()
    samples = []
    gc_was_enabled = gc.isenabled()
    for _ in range(repeats):
        start = time.perf_counter()
        func()
        samples.append(time.perf_counter() - start)
    if gc_was_enabled:
        gc.enable()
    return samples


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def summarise(row: dict[str, Any]) -> dict[str, Any]:
    samples = row["samples"]
    unit = row.get("unit", "s")
    stat = row.get("stat", "median")
    value = percentile(samples, 0.99) if stat == "p99" else statistics.median(samples)
    limit = row.get("limit")
    return {
        **row,
        "value": value,
        "stat": stat,
        "low": min(samples),
        "high": max(samples),
        "n": len(samples),
        "unit": unit,
        "ok": None if limit is None else value <= limit,
    }


def fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value * 1000:.2f} ms" if value < 1 else f"{value:.2f} s"
    if unit == "x":
        return f"{value:.2f}x"
    return f"{value:.1f} {unit}"
