"""Coach: "is this offset inside one of these spans?", answered by bisection.

Layer: coach (pure, Qt-free). Rules often ask whether a cue lies inside any of a list of
sentences or hits (the asking sentences, the denied ones). Asked of every cue against every
span, that grows with the square of the draft; ``covering`` merges the spans once and then
answers each offset in a few steps, with exactly the same answers.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from typing import Protocol


class _Spanned(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def covering(spans: Iterable[_Spanned]) -> Callable[[int], bool]:
    """A test true for an offset with ``span.start <= offset < span.end`` for some span."""
    merged: list[list[int]] = []
    for start, end in sorted((s.start, s.end) for s in spans if s.end > s.start):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    if not merged:
        return lambda offset: False
    starts = [m[0] for m in merged]
    ends = [m[1] for m in merged]

    def inside(offset: int) -> bool:
        i = bisect_right(starts, offset) - 1
        return i >= 0 and offset < ends[i]

    return inside
