"""Rehearsal: what the rehearsal view shows at a moment, computed from the engine (Qt-free).

``hud_state`` reads a ``RehearsalEngine`` (and the peer-feedback ``Countdown``) over its
injected clock and returns a frozen ``HudState``: the part's name, the part timer, ahead or
behind, the total, the next part and the progress segments, each time with its
``TimeStatus``. ``finish_summary`` gives the end-of-run screen in the same words.

One language for time: ``time_status`` (within, close, over) is the drafting budget's rule
(``text.timing.budget_state``: within up to the target, close a little over it, over beyond)
and is used for the timers, the finish screen and the history chart; ``status_words`` gives
the state in words, so colour is never the only signal. Text goes through an injected
``tr`` (the UI passes Qt's translator), so this module needs no Qt.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass

from narrative_app.method.presets import format_seconds
from narrative_app.rehearsal.engine import SHORT_RUN_SECONDS, Phase, RehearsalEngine
from narrative_app.rehearsal.peer import Countdown
from narrative_app.text.timing import BudgetState, budget_state

Translate = Callable[[str], str]


def _same(text: str) -> str:
    return text


class Mode(enum.StrEnum):
    """Where the window is in a run: telling, peer feedback, or finished."""

    TELLING = "telling"
    FEEDBACK = "feedback"
    FINISHED = "finished"


class TimeStatus(enum.StrEnum):
    """A time against its target: no target, within it, a little over (close), or over."""

    NONE = "none"
    WITHIN = "within"
    CLOSE = "close"
    OVER = "over"


_FROM_BUDGET = {
    BudgetState.NONE: TimeStatus.NONE,
    BudgetState.GREEN: TimeStatus.WITHIN,
    BudgetState.AMBER: TimeStatus.CLOSE,
    BudgetState.RED: TimeStatus.OVER,
}


def time_status(seconds: float, target: float) -> TimeStatus:
    """Within up to the target, close when a little over it, over beyond (the budget's rule).

    Seconds are rounded as they are shown, so "0:00 left" is always within.
    """
    return _FROM_BUDGET[budget_state(round(seconds), target)]


def lead_status(ahead: float, total_target: float) -> TimeStatus:
    """Ahead or behind the cumulative targets: behind by x is judged like x over the total."""
    if total_target <= 0:
        return TimeStatus.NONE
    return time_status(total_target - ahead, total_target)


def status_words(status: TimeStatus, seconds: float, target: float,
                 tr: Translate = _same) -> str:
    """The state in words: "within time", "just over, by 0:05", "over by 0:40"."""
    over = format_seconds(max(0.0, seconds - target))
    if status is TimeStatus.WITHIN:
        return tr("within time")
    if status is TimeStatus.CLOSE:
        return tr("just over, by {over}").format(over=over)
    if status is TimeStatus.OVER:
        return tr("over by {over}").format(over=over)
    return tr("no target")


def timer_text(elapsed: float, target: float, tr: Translate = _same) -> str:
    """A running timer: time left while within, then how far over, in words."""
    status = time_status(elapsed, target)
    if status is TimeStatus.NONE:
        return format_seconds(elapsed)
    if status is TimeStatus.WITHIN:
        return tr("{time} left").format(time=format_seconds(max(0.0, target - elapsed)))
    return status_words(status, elapsed, target, tr)


def lead_text(ahead: float, tr: Translate = _same) -> str:
    if abs(ahead) < 1:
        return tr("on time")
    if ahead > 0:
        return tr("{time} ahead").format(time=format_seconds(ahead))
    return tr("{time} behind").format(time=format_seconds(-ahead))


def result_text(elapsed: float, target: float, tr: Translate = _same) -> str:
    """A finished telling against its target: "within time, 0:40 under" or how far over."""
    status = time_status(elapsed, target)
    if status is TimeStatus.WITHIN:
        under = round(target - elapsed)
        if under < 1:
            return tr("within time, right on it")
        return tr("within time, {time} under").format(time=format_seconds(under))
    return status_words(status, elapsed, target, tr)


@dataclass(frozen=True)
class Segment:
    """One part in the progress row."""

    title: str
    elapsed: float
    target: int
    status: TimeStatus
    current: bool
    done: bool


@dataclass(frozen=True)
class HudState:
    """Everything the rehearsal view's labels say at one moment."""

    mode: Mode
    phase: Phase
    part_name: str
    timer_text: str
    timer_status: TimeStatus
    lead_text: str
    lead_status: TimeStatus
    total_text: str
    total_status: TimeStatus
    next_text: str
    status_note: str
    segments: tuple[Segment, ...]
    feedback_running: bool = False

    @property
    def telling(self) -> bool:
        return self.mode is Mode.TELLING

    @property
    def ready(self) -> bool:
        return self.mode is Mode.TELLING and self.phase is Phase.READY


def _countdown_text(engine: RehearsalEngine, tr: Translate) -> str:
    return tr("Starting in {n}").format(n=max(1, int(engine.countdown_left() + 0.999)))


def _part_timer(engine: RehearsalEngine, mode: Mode, phase: Phase,
                tr: Translate) -> tuple[str, TimeStatus]:
    part = engine.current
    if mode is Mode.FINISHED:
        total, target = engine.total_elapsed(), engine.total_target
        return format_seconds(total), time_status(total, target)
    if phase is Phase.COUNTDOWN:
        return _countdown_text(engine, tr), TimeStatus.NONE
    if phase is Phase.READY:
        return (format_seconds(part.target_seconds) if part.target_seconds else "0:00",
                TimeStatus.NONE)
    elapsed = engine.part_elapsed()
    return timer_text(elapsed, part.target_seconds, tr), time_status(elapsed, part.target_seconds)


def _lead(engine: RehearsalEngine, mode: Mode, phase: Phase,
          tr: Translate) -> tuple[str, TimeStatus]:
    target = engine.total_target
    if target <= 0 or (mode is Mode.TELLING and phase in (Phase.READY, Phase.COUNTDOWN)):
        return "", TimeStatus.NONE  # no targets set, or not started: nothing to be ahead of
    if mode is not Mode.TELLING:  # the whole telling against the whole target
        total = engine.total_elapsed()
        return result_text(total, target, tr), time_status(total, target)
    ahead = engine.ahead_seconds()
    return lead_text(ahead, tr), lead_status(ahead, target)


def _totals(engine: RehearsalEngine, mode: Mode, phase: Phase,
            tr: Translate) -> tuple[str, TimeStatus]:
    total, target = engine.total_elapsed(), engine.total_target
    status = time_status(total, target)
    if target:
        text = tr("Total {elapsed} of {target}").format(
            elapsed=format_seconds(total), target=format_seconds(target))
        if status in (TimeStatus.CLOSE, TimeStatus.OVER):
            text += tr(", {state}").format(state=status_words(status, total, target, tr))
    else:
        text = tr("Total {elapsed}").format(elapsed=format_seconds(total))
    if mode is Mode.TELLING and phase in (Phase.RUNNING, Phase.PAUSED):
        text += tr(" · about {time} to go").format(
            time=format_seconds(engine.estimate_remaining()))
    return text, status


def _next_text(engine: RehearsalEngine, mode: Mode, tr: Translate) -> str:
    if mode is Mode.FINISHED:
        return ""
    if mode is Mode.FEEDBACK:
        return tr("Page Down when the feedback is done")
    nxt = engine.next
    if nxt is not None:
        return tr("Next: {part}").format(part=nxt.title)
    return tr("Last part: Page Down ends the run")


def _note(mode: Mode, phase: Phase, feedback: Countdown | None, tr: Translate) -> str:
    if mode is Mode.FEEDBACK:
        running = feedback is not None and feedback.running
        return "" if running else tr("Feedback timer paused: Space carries on.")
    if mode is Mode.FINISHED:
        return ""
    return {
        Phase.READY: tr("Press Space or F5 to start. Page Down and Page Up move between "
                        "parts; Esc ends."),
        Phase.PAUSED: tr("Paused: press Space to carry on."),
        Phase.COUNTDOWN: tr("Get ready…"),
    }.get(phase, "")


def segments(engine: RehearsalEngine, mode: Mode) -> tuple[Segment, ...]:
    return tuple(
        Segment(title=part.title, elapsed=engine.part_elapsed(i), target=part.target_seconds,
                status=time_status(engine.part_elapsed(i), part.target_seconds),
                current=i == engine.index and mode is Mode.TELLING,
                done=i < engine.index or mode is not Mode.TELLING)
        for i, part in enumerate(engine.plan))


def hud_state(engine: RehearsalEngine, mode: Mode = Mode.TELLING,
              feedback: Countdown | None = None, tr: Translate = _same) -> HudState:
    """The rehearsal view's labels now, from the engine (and the feedback countdown)."""
    phase = engine.phase
    part_name = tr("Finished") if mode is Mode.FINISHED else engine.current.title
    timer, timer_state = _part_timer(engine, mode, phase, tr)
    if mode is Mode.FEEDBACK and feedback is not None:
        part_name = tr("Feedback")
        timer = timer_text(feedback.elapsed(), feedback.seconds, tr)
        timer_state = time_status(feedback.elapsed(), feedback.seconds)
    lead, lead_state = _lead(engine, mode, phase, tr)
    if mode is Mode.FEEDBACK and feedback is not None:
        # The line under the feedback timer is about the feedback; how the telling went is
        # the total line's (one colour for one clock, not a red telling beside a green timer).
        lead = tr("of {time} for feedback").format(time=format_seconds(feedback.seconds))
        lead_state = TimeStatus.NONE
    total, total_state = _totals(engine, mode, phase, tr)
    return HudState(
        mode=mode, phase=phase, part_name=part_name, timer_text=timer,
        timer_status=timer_state, lead_text=lead, lead_status=lead_state, total_text=total,
        total_status=total_state, next_text=_next_text(engine, mode, tr),
        status_note=_note(mode, phase, feedback, tr), segments=segments(engine, mode),
        feedback_running=feedback is not None and feedback.running)


# -- the end of a run ----------------------------------------------------------------------------
@dataclass(frozen=True)
class FinishLine:
    text: str
    status: TimeStatus


@dataclass(frozen=True)
class FinishSummary:
    heading: str
    status: TimeStatus
    parts: tuple[FinishLine, ...]
    question: str
    short: bool
    rule: str


def short_run_rule(tr: Translate = _same) -> str:
    """The one rule for short runs, as the finish screen states it."""
    return tr("Runs shorter than {time} are usually false starts, so you are asked before one "
              "is kept; longer runs are kept when you say so.").format(
        time=format_seconds(SHORT_RUN_SECONDS))


def finish_summary(engine: RehearsalEngine, tr: Translate = _same) -> FinishSummary:
    """The finish screen: the whole against its target, each part, and the keep question."""
    total, target = engine.total_elapsed(), engine.total_target
    status = time_status(total, target)
    if target:
        heading = tr("Run finished: {elapsed} of {target}, {result}").format(
            elapsed=format_seconds(total), target=format_seconds(target),
            result=result_text(total, target, tr))
    else:
        heading = tr("Run finished: {elapsed}").format(elapsed=format_seconds(total))
    lines = []
    for i, part in enumerate(engine.plan):
        spent = engine.part_elapsed(i)
        elapsed = format_seconds(spent)
        if part.target_seconds:
            text = tr("{part}: {elapsed} of {target}, {state}").format(
                part=part.title, elapsed=elapsed, target=format_seconds(part.target_seconds),
                state=status_words(time_status(spent, part.target_seconds), spent,
                                   part.target_seconds, tr))
        else:
            text = tr("{part}: {elapsed}").format(part=part.title, elapsed=elapsed)
        lines.append(FinishLine(text, time_status(spent, part.target_seconds)))
    if engine.is_short:
        question = tr("That run lasted only {time}, under {limit}. Keep it anyway?").format(
            time=format_seconds(total), limit=format_seconds(SHORT_RUN_SECONDS))
    else:
        question = tr("Keep this run in your history?")
    return FinishSummary(heading=heading, status=status, parts=tuple(lines), question=question,
                         short=engine.is_short, rule=short_run_rule(tr))
