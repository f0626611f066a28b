"""UI: the rehearsal window's layout and what its labels say at each moment.

Top: the part's name, its timer and ahead/behind; a line of status; the text; then the next
part, the total against the target and progress by part; then a row of buttons. Type sizes
follow the window's height so the view reads from a distance at any resolution.
"""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from narrative_app.method.presets import format_seconds
from narrative_app.rehearsal.engine import Phase, RehearsalEngine, TimerState
from narrative_app.text.timing import Lead, lead_of
from narrative_app.ui.rehearsal.controls import ControlBar
from narrative_app.ui.rehearsal.progress import PartProgress, SegmentState
from narrative_app.ui.rehearsal.stage import TextView
from narrative_app.ui.rehearsal.theme import accent, good_colour, timer_colour

if TYPE_CHECKING:
    from narrative_app.ui.rehearsal.window import RehearsalWindow


class Mode(enum.StrEnum):
    """Where the window is in a run: telling, peer feedback, or finished."""

    TELLING = "telling"
    FEEDBACK = "feedback"
    FINISHED = "finished"


def tr(text: str) -> str:
    return QCoreApplication.translate("RehearsalWindow", text)


def _label(parent: QWidget, name: str, *, bold: bool = False) -> QLabel:
    label = QLabel(parent)
    label.setAccessibleName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    if bold:
        font = label.font()
        font.setWeight(QFont.Weight.Bold)
        label.setFont(font)
    return label


# The window refreshes several times a second: each setter below only calls Qt when the value
# changes, which keeps a long rehearsal cheap.
def _colour(label: QLabel, colour: QColor) -> None:
    palette = label.palette()
    if palette.color(QPalette.ColorRole.WindowText) != colour:
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)


def _text(widget: QLabel | QPushButton, text: str) -> None:
    if widget.text() != text:
        widget.setText(text)


def _visible(widget: QWidget, visible: bool) -> None:
    if widget.isVisibleTo(widget.parentWidget()) != visible:
        widget.setVisible(visible)


def ahead_text(seconds: float) -> str:
    lead, by = lead_of(seconds)
    if lead is Lead.ON_TIME:
        return tr("on time")
    if lead is Lead.AHEAD:
        return tr("{time} ahead").format(time=format_seconds(by))
    return tr("{time} behind").format(time=format_seconds(by))


def target_text(under: float) -> str:
    """A finished telling against its target: under, over or on time."""
    lead, by = lead_of(under)
    if lead is Lead.ON_TIME:
        return tr("on time")
    if lead is Lead.AHEAD:
        return tr("{time} under time").format(time=format_seconds(by))
    return tr("{time} over time").format(time=format_seconds(by))


def part_timer_text(engine: RehearsalEngine) -> str:
    part = engine.current
    elapsed = engine.part_elapsed()
    if part.target_seconds <= 0:
        return format_seconds(elapsed)
    remaining = part.target_seconds - elapsed
    if remaining < 0:
        return tr("+{time} over").format(time=format_seconds(-remaining))
    return tr("{time} left").format(time=format_seconds(remaining))


class RehearsalLayout(QWidget):
    """Holds and updates every label of the window; the window owns the logic."""

    def __init__(self, window: RehearsalWindow, body: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self.part_label = _label(self, tr("Current part"), bold=True)
        self.timer_label = _label(self, tr("Part timer"), bold=True)
        self.timer_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.ahead_label = _label(self, tr("Ahead or behind"))
        self.ahead_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note_label = _label(self, tr("Status"))
        self.note_label.setWordWrap(True)
        self.next_label = _label(self, tr("Next part"))
        self.total_label = _label(self, tr("Total time"))
        self.total_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.progress = PartProgress(self)
        self.controls = ControlBar(self)
        self.view_box = QComboBox(self)
        self.view_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view_box.setAccessibleName(tr("View"))
        self.view_box.setToolTip(tr("How the text is shown (V)"))
        self.screen_box = QComboBox(self)
        self.screen_box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.screen_box.setAccessibleName(tr("Screen"))
        self.screen_box.setToolTip(tr("The screen to rehearse on"))
        self.screen_box.setVisible(False)  # shown only when there is more than one screen
        self.body = body
        top = QGridLayout()
        top.addWidget(self.part_label, 0, 0)
        top.addWidget(self.timer_label, 0, 1)
        top.addWidget(self.note_label, 1, 0)
        top.addWidget(self.ahead_label, 1, 1)
        top.setColumnStretch(0, 1)
        bottom = QGridLayout()
        bottom.addWidget(self.next_label, 0, 0)
        bottom.addWidget(self.total_label, 0, 1)
        bottom.addWidget(self.progress, 1, 0, 1, 2)
        bottom.setColumnStretch(0, 1)
        self.outer = QVBoxLayout(self)
        self.outer.addLayout(top)
        self.outer.addWidget(body, 1)
        self.outer.addLayout(bottom)
        self.outer.addWidget(self.controls)

    # -- construction -------------------------------------------------------------------------
    def build_controls(self, w: RehearsalWindow) -> None:
        c = self.controls
        c.add("toggle", w.act_toggle, tr("Start (Space)"))
        c.add("previous", w.act_prev, tr("◀ Back (PgUp)"))
        c.add("next", w.act_next, tr("Next (PgDn) ▶"))
        for view in TextView:
            self.view_box.addItem(w.stage.view_name(view), view.value)
        self.view_box.setCurrentIndex(list(TextView).index(w.stage.view))
        self.view_box.activated.connect(self._on_view_chosen)
        c.add_widget(self.view_box)
        c.add("less", w.act_less, tr("Fewer words (L)"))
        c.add("more", w.act_more, tr("More words (⇧L)"))
        c.add("slower", w.act_slower, tr("Slower (↓)"))
        c.add("faster", w.act_faster, tr("Faster (↑)"))
        c.add("mirror", w.act_mirror, tr("Mirror (M)"))
        c.add("zoom_out", w.act_zoom_out, tr("A− (Ctrl −)"))
        c.add("zoom_in", w.act_zoom_in, tr("A+ (Ctrl +)"))
        c.add("blank", w.act_blank, tr("Blank (B)"))
        c.add("full", w.act_full, tr("Full screen (F)"))
        c.add("theme", w.act_theme, tr("Colours (T)"))
        c.add("countdown", w.act_countdown, tr("Countdown (C)"))
        c.add("peer", w.act_peer, tr("Peer practice (P)"))
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            for screen in screens:
                self.screen_box.addItem(screen.name())
            self.screen_box.activated.connect(self._on_screen_chosen)
            c.add_widget(self.screen_box)
            self.screen_box.setVisible(True)
        c.add("end", w.act_end, tr("End (Esc)"))

    def _on_view_chosen(self, index: int) -> None:
        self._window.set_view(TextView(self.view_box.itemData(index)))

    def _on_screen_chosen(self, index: int) -> None:
        screens = QGuiApplication.screens()
        if 0 <= index < len(screens):
            self._window.show_on(screens[index], full_screen=self._window.isFullScreen())

    # -- sizes --------------------------------------------------------------------------------
    def apply_sizes(self) -> None:
        height = max(400, self.height())
        sizes = {
            self.part_label: height / 15,
            self.timer_label: height / 12,
            self.ahead_label: height / 26,
            self.note_label: height / 34,
            self.next_label: height / 26,
            self.total_label: height / 26,
        }
        for label, size in sizes.items():
            font = label.font()
            font.setPixelSize(max(14, round(size)))
            label.setFont(font)
        small = max(13, round(height / 58))
        font = self.controls.font()
        font.setPixelSize(small)
        self.controls.setFont(font)
        self.view_box.setFont(font)
        self.screen_box.setFont(font)
        self.progress.setFixedHeight(max(12, round(height / 60)))
        margin = max(12, round(height / 40))
        self.outer.setContentsMargins(margin * 2, margin, margin * 2, margin)
        self._window.feedback_card.set_pixel_size(round(height / 30))
        self._window.finish_panel.set_pixel_size(round(height / 30))

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
        self.apply_sizes()

    # -- state --------------------------------------------------------------------------------
    def refresh(self, w: RehearsalWindow) -> None:
        engine = w.engine
        palette = self.palette()
        phase = engine.phase
        telling = w.mode is Mode.TELLING
        ready = telling and phase is Phase.READY
        view = w.stage.view
        for key, visible in (
            ("less", view is TextView.MEMORISE), ("more", view is TextView.MEMORISE),
            ("slower", view is TextView.TELEPROMPTER), ("faster", view is TextView.TELEPROMPTER),
            ("mirror", view is TextView.TELEPROMPTER),
            ("toggle", w.mode is not Mode.FINISHED),
            ("previous", telling), ("next", w.mode is not Mode.FINISHED),
            ("countdown", ready), ("peer", ready),
        ):
            _visible(self.controls.buttons[key], visible)
        if self.view_box.currentIndex() != list(TextView).index(view):
            self.view_box.setCurrentIndex(list(TextView).index(view))
        toggle = self.controls.buttons["toggle"]
        if telling:
            _text(toggle, {Phase.RUNNING: tr("Pause (Space)"),
                            Phase.PAUSED: tr("Carry on (Space)")}.get(phase, tr("Start (Space)")))
        else:
            _text(toggle, tr("Pause feedback (Space)"))
        _text(self.controls.buttons["next"],
            tr("Feedback done (PgDn) ▶") if w.mode is Mode.FEEDBACK else tr("Next (PgDn) ▶"))

        if w.mode is Mode.FEEDBACK and w.feedback_timer:
            self._show_feedback(w)
        else:
            self._show_telling(w, engine, phase)
        self._show_totals(w, engine, palette)
        _colour(self.part_label, accent(palette))

    def _show_telling(self, w: RehearsalWindow, engine: RehearsalEngine, phase: Phase) -> None:
        part = engine.current
        finished = w.mode is Mode.FINISHED
        _text(self.part_label, tr("Finished") if finished else part.title)
        if phase is Phase.COUNTDOWN:
            _text(self.timer_label, tr("Starting in {n}").format(
                n=max(1, int(engine.countdown_left() + 0.999))))
            state = TimerState.NORMAL
        elif finished:
            _text(self.timer_label, format_seconds(engine.total_elapsed()))
            state = engine.total_state()
        elif phase is Phase.READY:
            _text(self.timer_label, format_seconds(part.target_seconds)
                                     if part.target_seconds else "0:00")
            state = TimerState.NORMAL
        else:
            _text(self.timer_label, part_timer_text(engine))
            state = engine.part_state()
        _colour(self.timer_label, timer_colour(self.palette(), state))
        notes = [w.flash_text()]
        if not finished:
            notes.append({
                Phase.READY: tr("Press Space or F5 to start. Page Down and Page Up move between "
                                "parts; Esc ends."),
                Phase.PAUSED: tr("Paused: press Space to carry on."),
                Phase.COUNTDOWN: tr("Get ready…"),
            }.get(phase, ""))
            notes.append(w.stage.note)
        _text(self.note_label, "  ".join(n for n in notes if n))
        nxt = engine.next
        if finished:
            _text(self.next_label, "")
        elif nxt is not None:
            _text(self.next_label, tr("Next: {part}").format(part=nxt.title))
        else:
            _text(self.next_label, tr("Last part: Page Down ends the run"))

    def _show_feedback(self, w: RehearsalWindow) -> None:
        timer = w.feedback_timer
        assert timer is not None
        _text(self.part_label, tr("Feedback"))
        remaining = timer.remaining()
        text = (tr("+{time} over").format(time=format_seconds(-remaining)) if remaining < 0
                else tr("{time} left").format(time=format_seconds(remaining)))
        _text(self.timer_label, text)
        _colour(self.timer_label, timer_colour(self.palette(), timer.state()))
        paused = "" if timer.running else tr("Feedback timer paused: Space carries on.")
        _text(self.note_label, "  ".join(n for n in (w.flash_text(), paused) if n))
        _text(self.next_label, tr("Page Down when the feedback is done"))

    def _show_totals(self, w: RehearsalWindow, engine: RehearsalEngine, palette: QPalette) -> None:
        total = engine.total_elapsed()
        target = engine.total_target
        text = (tr("Total {elapsed} of {target}").format(
            elapsed=format_seconds(total), target=format_seconds(target)) if target
            else tr("Total {elapsed}").format(elapsed=format_seconds(total)))
        if w.mode is Mode.TELLING and engine.phase in (Phase.RUNNING, Phase.PAUSED):
            text += tr(" · about {time} to go").format(
                time=format_seconds(engine.estimate_remaining()))
        _text(self.total_label, text)
        _colour(self.total_label, timer_colour(palette, engine.total_state()))
        ahead = engine.ahead_seconds()
        if target <= 0 or (w.mode is Mode.TELLING
                           and engine.phase in (Phase.READY, Phase.COUNTDOWN)):
            _text(self.ahead_label, "")  # no targets set: nothing to be ahead of
        elif w.mode is not Mode.TELLING:  # the whole telling against the whole target
            ahead = target - total
            _text(self.ahead_label, target_text(ahead))
        else:
            _text(self.ahead_label, ahead_text(ahead))
        _colour(self.ahead_label, good_colour(palette) if ahead >= 1 else timer_colour(
            palette, TimerState.WARNING if ahead <= -1 else TimerState.NORMAL))
        segments = []
        for i, part in enumerate(engine.plan):
            segments.append(SegmentState(
                title=part.title, elapsed=engine.part_elapsed(i), target=part.target_seconds,
                state=engine.part_state(i), current=i == engine.index and w.mode is Mode.TELLING,
                done=i < engine.index or w.mode is not Mode.TELLING))
        self.progress.set_segments(segments)

    # -- the end of a run ---------------------------------------------------------------------
    def finish_texts(self, engine: RehearsalEngine) -> tuple[str, str, str]:
        total = engine.total_elapsed()
        target = engine.total_target
        if target:
            heading = tr("Run finished: {elapsed} of {target}, {ahead}").format(
                elapsed=format_seconds(total), target=format_seconds(target),
                ahead=target_text(target - total))
        else:
            heading = tr("Run finished: {elapsed}").format(elapsed=format_seconds(total))
        lines = []
        for i, part in enumerate(engine.plan):
            elapsed = format_seconds(engine.part_elapsed(i))
            lines.append(tr("{part}: {elapsed} of {target}").format(
                part=part.title, elapsed=elapsed, target=format_seconds(part.target_seconds))
                if part.target_seconds else
                tr("{part}: {elapsed}").format(part=part.title, elapsed=elapsed))
        if engine.is_short:
            question = tr("That run lasted only {time}. Keep it anyway?").format(
                time=format_seconds(total))
        else:
            question = tr("Keep this run in your history?")
        return heading, "\n".join(lines), question
