"""UI: the speech report in words, for the finish screen and the history (translated).

Per part: spoken time, words heard, words a minute against the user's own pace and the
usual band for personal speech (``USUAL_BAND``), pauses, fillers a minute, how much of the
draft was said, the sentences skipped and the words added; then whether the ask was said,
and said as written. Long sentences are shortened so the finish screen fits a laptop.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from narrative_app.domain import PartKind
from narrative_app.method.presets import format_seconds
from narrative_app.rehearsal.speech.report import SpeechMetrics, SpeechReport

USUAL_BAND = (100, 165)
SHOWN_SKIPS = 2
SHORT = 60


def _tr(text: str) -> str:
    return QCoreApplication.translate("SpeechText", text)


def band_words(wpm: float) -> str:
    low, high = USUAL_BAND
    if wpm < low:
        return _tr("slower than the usual {low}-{high}").format(low=low, high=high)
    if wpm > high:
        return _tr("faster than the usual {low}-{high}").format(low=low, high=high)
    return _tr("within the usual {low}-{high}").format(low=low, high=high)


def report_table(report: SpeechReport, target_wpm: float) -> str:
    """The report as a compact HTML table (one row a part) for the finish screen."""
    low, high = USUAL_BAND
    head = [_tr("Heard"), _tr("Spoken"), _tr("Words"), _tr("A minute"), _tr("Pauses"),
            _tr("Fillers a minute"), _tr("Draft said"), _tr("Added")]
    rows = ["".join(f"<th align='left'>{html.escape(h)}&nbsp;&nbsp;</th>" for h in head)]
    skipped: list[str] = []
    for m in [*report.parts, report.overall]:
        name = _tr("Overall") if m.part == "all" else PartKind(m.part).title
        minutes = m.seconds / 60 if m.seconds else 0
        cells = [name, format_seconds(m.seconds), str(m.words),
                 _tr("{wpm} ({band})").format(wpm=round(m.wpm), band=_band_short(m.wpm)),
                 _tr("{n}, longest {s} s").format(n=m.pauses, s=f"{m.longest_pause:.1f}"),
                 f"{(m.fillers / minutes if minutes else 0.0):.1f}",
                 f"{round(m.coverage * 100)}%", str(m.added)]
        if not m.words:
            cells[1:] = [_tr("nothing heard"), "", "", "", "", "", ""]
        rows.append("".join(f"<td>{html.escape(c)}&nbsp;&nbsp;</td>" for c in cells))
        if m.part != "all" and m.skipped and m.words:
            shown = "; ".join(f"“{_short(t)}”" for t in m.skipped[:SHOWN_SKIPS])
            more = len(m.skipped) - SHOWN_SKIPS
            line = _tr("Skipped in {part}: {sentences}").format(part=name, sentences=shown)
            skipped.append(line + (" " + _tr("and {n} more.").format(n=more) if more > 0 else ""))
    table = "<table cellspacing='0'>" + "".join(f"<tr>{r}</tr>" for r in rows) + "</table>"
    pace = _tr("Your pace: {target} a minute; the usual band: {low}-{high}.").format(
        target=round(target_wpm), low=low, high=high)
    notes = [*skipped, f"{ask_line(report)} {pace}"]
    return table + "".join(f"<div>{html.escape(n)}</div>" for n in notes)


def _band_short(wpm: float) -> str:
    low, high = USUAL_BAND
    if wpm < low:
        return _tr("slow")
    return _tr("fast") if wpm > high else _tr("in band")


def _short(sentence: str) -> str:
    return sentence if len(sentence) <= SHORT else sentence[: SHORT - 1].rstrip() + "…"


def part_line(m: SpeechMetrics, target_wpm: float) -> str:
    name = _tr("Overall") if m.part == "all" else PartKind(m.part).title
    if not m.words:
        return _tr("{part}: nothing heard.").format(part=name)
    minutes = m.seconds / 60 if m.seconds else 0
    fillers = m.fillers / minutes if minutes else 0.0
    text = _tr(
        "{part}: {time} spoken, {words} words, {wpm} a minute (your pace {target}; {band}). "
        "pauses {pauses} (longest {longest} s), {fillers} fillers a minute, {coverage}% of "
        "the draft said, {added} words added.").format(
        part=name, time=format_seconds(m.seconds), words=m.words, wpm=round(m.wpm),
        target=round(target_wpm), band=band_words(m.wpm), pauses=m.pauses,
        longest=f"{m.longest_pause:.1f}", fillers=f"{fillers:.1f}",
        coverage=round(m.coverage * 100), added=m.added)
    if m.part != "all" and m.skipped:
        shown = "; ".join(f"“{_short(s)}”" for s in m.skipped[:SHOWN_SKIPS])
        more = len(m.skipped) - SHOWN_SKIPS
        text += " " + _tr("Skipped: {sentences}").format(sentences=shown)
        if more > 0:
            text += " " + _tr("and {n} more.").format(n=more)
    return text


def ask_line(report: SpeechReport) -> str:
    if not report.ask:
        return _tr("The ask: none written yet.")
    if report.ask_as_written:
        return _tr("The ask: said as written.")
    if report.ask_said:
        return _tr("The ask: said, but not as written.")
    return _tr("The ask: not heard.")


def report_lines(report: SpeechReport, target_wpm: float) -> list[str]:
    """Every line of the report, the overall line first."""
    lines = [part_line(report.overall, target_wpm)]
    lines += [part_line(m, target_wpm) for m in report.parts]
    lines.append(ask_line(report))
    return lines


def heard_pace(speech: dict[str, object]) -> str:
    """A run's heard pace for the history ('132 a minute'), or '' for a run not listened to."""
    overall = speech.get("overall") if speech else None
    if not isinstance(overall, dict) or not overall.get("words"):
        return ""
    return _tr("{wpm} a minute").format(wpm=round(float(overall.get("wpm", 0))))
