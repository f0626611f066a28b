"""Rehearsal: recorded runs as JSON or a plain-text table (``narrative-app rehearsals``).

Takes domain ``RehearsalRun`` objects; knows nothing of the store or of Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from narrative_app.domain import PART_ORDER, PartKind, RehearsalRun
from narrative_app.method.presets import format_seconds


def run_to_dict(run: RehearsalRun) -> dict[str, Any]:
    return {
        "id": run.id,
        "narrative_id": run.narrative_id,
        "started_at": run.started_at.isoformat(timespec="seconds"),
        "total_seconds": round(run.total_seconds, 1),
        "target_seconds": sum(s.target_seconds for s in run.splits),
        "view": run.view,
        "parts": [
            {
                "part": s.part.value,
                "seconds": round(s.seconds, 1),
                "target_seconds": s.target_seconds,
                "words": s.words,
            }
            for s in run.splits
        ],
        "notes": run.notes,
        "feedback": dict(run.feedback),
        "speech": dict(run.speech),
    }


def runs_to_json(runs: Sequence[RehearsalRun]) -> dict[str, Any]:
    """JSON-ready data, ``{"runs": [...]}``, oldest first, each with its per-part seconds.

    Like the coach report, this returns plain data; the caller serialises it
    (``json.dumps(runs_to_json(runs), ensure_ascii=False, indent=2)``).
    """
    return {"runs": [run_to_dict(r) for r in runs]}


def _part_cell(run: RehearsalRun, kind: PartKind) -> str:
    split = next((s for s in run.splits if s.part is kind), None)
    return format_seconds(split.seconds) if split else "-"


def runs_to_text(runs: Sequence[RehearsalRun]) -> str:
    """A table a person can read in a terminal, one run a line, with the targets on top."""
    if not runs:
        return "No rehearsals recorded yet."
    names = [k.title.removeprefix("Story of ") for k in PART_ORDER]
    header = ["Run", "Date", *names, "Total", "View"]
    rows: list[list[str]] = []
    latest = runs[-1]
    targets = {s.part: s.target_seconds for s in latest.splits}
    rows.append(
        [
            "",
            "target",
            *(format_seconds(targets[k]) if targets.get(k) else "-" for k in PART_ORDER),
            format_seconds(sum(targets.values())),
            "",
        ]
    )
    for number, run in enumerate(runs, start=1):
        rows.append(
            [
                str(run.id if run.id is not None else number),
                run.started_at.strftime("%Y-%m-%d %H:%M"),
                *(_part_cell(run, k) for k in PART_ORDER),
                format_seconds(run.total_seconds),
                run.view,
            ]
        )
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
             for row in [header, *rows]]
    return "\n".join(lines)
