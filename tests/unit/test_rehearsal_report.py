"""Rehearsal report: runs as JSON and as a terminal table (`narrative-app rehearsals`)."""

from __future__ import annotations

import json
from datetime import datetime

from narrative_app.domain import PartKind, PartSplit, RehearsalRun
from narrative_app.rehearsal.report import runs_to_json, runs_to_text


def run(run_id: int, seconds: tuple[float, float, float], day: int) -> RehearsalRun:
    targets = (120, 75, 105)
    kinds = (PartKind.SELF, PartKind.US, PartKind.NOW)
    return RehearsalRun(
        narrative_id=3,
        started_at=datetime(2025, 3, day, 9, 30, 5),
        total_seconds=sum(seconds),
        splits=[PartSplit(k, s, t, 100) for k, s, t in zip(kinds, seconds, targets, strict=True)],
        view="cues",
        feedback={"what_worked": "the bell"} if run_id == 2 else {},
        id=run_id,
    )


def test_runs_to_json_lists_per_part_seconds() -> None:
    data = runs_to_json([run(1, (130.4, 80, 100), 1), run(2, (118, 70.26, 99), 2)])
    assert json.loads(json.dumps(data)) == data  # plain JSON-ready data
    first, second = data["runs"]
    assert first["id"] == 1
    assert first["started_at"] == "2025-03-01T09:30:05"
    assert first["total_seconds"] == 310.4
    assert first["target_seconds"] == 300
    assert first["parts"][0] == {
        "part": "self",
        "seconds": 130.4,
        "target_seconds": 120,
        "words": 100,
    }
    assert second["parts"][1]["seconds"] == 70.3
    assert second["feedback"] == {"what_worked": "the bell"}


def test_runs_to_text_is_a_readable_table() -> None:
    text = runs_to_text([run(1, (130.4, 80, 100), 1), run(2, (118, 70, 99), 2)])
    lines = text.splitlines()
    assert lines[0].split() == ["Run", "Date", "Self", "Us", "Now", "Total", "View"]
    assert lines[1].split() == ["target", "2:00", "1:15", "1:45", "5:00"]
    assert lines[2].split() == ["1", "2025-03-01", "09:30", "2:10", "1:20", "1:40", "5:10", "cues"]
    assert lines[3].split()[3:6] == ["1:58", "1:10", "1:39"]


def test_no_runs() -> None:
    assert runs_to_text([]) == "No rehearsals recorded yet."
    assert runs_to_json([]) == {"runs": []}
