"""Rehearsal speech: ``narrative-app rehearse-audio ID FILE.wav [--json] [--dry-run]``.

Layer: rehearsal (pure, Qt-free); the command line calls ``run`` with a store it opened. The
recording is analysed against the narrative's drafts, printed per part, and kept as a
rehearsal run (view ``"audio"``: seconds and words heard per part, so the measured pace in
every time estimate is the real one) unless ``dry_run``.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from narrative_app.domain import Narrative, PartKind, PartSplit, RehearsalRun
from narrative_app.rehearsal.speech import SpeechReport, WavFileSource, analyse

if TYPE_CHECKING:
    from narrative_app.models.store import NarrativeStore

RUN_VIEW = "audio"


def run(
    store: NarrativeStore,
    narrative_id: int,
    wav: Path,
    *,
    as_json: bool = False,
    dry_run: bool = False,
    now: datetime | None = None,
) -> str:
    """Analyse ``wav``, store the run unless ``dry_run``, and return the text to print."""
    narrative = store.get(narrative_id)
    source = WavFileSource(wav)  # BadAudioError (exit 2) before any work is done
    report = analyse(narrative, source)
    run_id = None
    if not dry_run:
        run_id = store.add_run(to_run(narrative, report, now or datetime.now()))
    if as_json:
        payload = report.to_json()
        payload["run_id"] = run_id
        return json.dumps(payload, ensure_ascii=False, indent=2)
    return to_text(report, run_id)


def to_run(narrative: Narrative, report: SpeechReport, started_at: datetime) -> RehearsalRun:
    assert narrative.id is not None
    splits = [
        PartSplit(
            PartKind(p.part), p.seconds, narrative.parts[PartKind(p.part)].target_seconds, p.words
        )
        for p in report.parts
    ]
    return RehearsalRun(
        narrative.id, started_at, report.overall.seconds, splits, view=RUN_VIEW,
        notes=summary_note(report), speech=report.to_json(),
    )


def summary_note(report: SpeechReport) -> str:
    o = report.overall
    ask = f"the ask {ask_verdict(report)}" if report.ask else "no ask"
    return (
        f"Spoken: {o.wpm:.0f} wpm, {o.fillers} fillers, {o.pauses} pauses, "
        f"{o.coverage:.0%} of the draft said, {len(o.skipped)} sentences skipped, {ask}."
    )


def ask_verdict(report: SpeechReport) -> str:
    if report.ask_as_written:
        return "said as written"
    return "said, but not as written" if report.ask_said else "not said"


def to_text(report: SpeechReport, run_id: int | None) -> str:
    header = f"{'Part':<8}{'Seconds':>8}{'Words':>7}{'WPM':>7}{'Fillers':>9}{'Pauses':>8}"
    header += f"{'Longest':>9}{'Covered':>9}{'Added':>7}"
    lines = [header]
    for m in [*report.parts, report.overall]:
        name = PartKind(m.part).title.removeprefix("Story of ") if m.part != "all" else "Overall"
        lines.append(
            f"{name:<8}{m.seconds:>8.1f}{m.words:>7}{m.wpm:>7.0f}{m.fillers:>9}{m.pauses:>8}"
            f"{m.longest_pause:>8.1f}s{m.coverage:>9.0%}{m.added:>7}"
        )
    for m in report.parts:
        if m.skipped and not m.words:
            lines.append(f"Not heard: the whole {PartKind(m.part).title}.")
        elif m.skipped:
            lines.append(f"Skipped in {PartKind(m.part).title}:")
            lines.extend(f"  - {s}" for s in m.skipped)
    if report.ask:
        lines.append(f"The ask: {ask_verdict(report)}.")
    lines.append(f"Stored as rehearsal run {run_id}." if run_id else "Not stored (dry run).")
    return "\n".join(lines)

