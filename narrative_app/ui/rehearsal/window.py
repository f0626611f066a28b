"""UI: the rehearsal window, a timed speaker-notes view driven by keyboard or clicker.

It shows the current part's name and text in very large type, the part timer against its
target, the total against the total target, progress by part and whether the speaker is
ahead or behind. The timing lives in the Qt-free ``RehearsalEngine``; the window reads the
same injected clock, so tests move time without sleeping. Runs are stored through
``controller.add_run``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QScreen
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QVBoxLayout, QWidget

from narrative_app.domain import Narrative
from narrative_app.errors import NarrativeAppError
from narrative_app.rehearsal.engine import COUNTDOWN_SECONDS, Phase, RehearsalEngine, plan_for
from narrative_app.rehearsal.peer import PEER_FEEDBACK_SECONDS, Countdown, peer_plan
from narrative_app.rehearsal.views import LadderStep
from narrative_app.ui.rehearsal.controls import make_actions
from narrative_app.ui.rehearsal.feedback import FeedbackCard
from narrative_app.ui.rehearsal.finish import FinishPanel, ask_keep_on_close
from narrative_app.ui.rehearsal.layout import Mode, RehearsalLayout
from narrative_app.ui.rehearsal.prefs import RehearsalPrefs, load_prefs, save_prefs
from narrative_app.ui.rehearsal.stage import RehearsalStage, TextView
from narrative_app.ui.rehearsal.theme import RehearsalTheme, rehearsal_palette

TICK_MS = 40
IDLE_TICK_MS = 200
FLASH_SECONDS = 3.0


class RehearsalWindow(QWidget):
    """Rehearse one narrative; every run can be kept in the store's history."""

    runSaved = Signal(int)

    def __init__(self, controller: object, narrative: Narrative, parent: QWidget | None = None,
                 *, clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], datetime] = datetime.now,
                 theme: RehearsalTheme | None = None, peer: bool = False,
                 countdown: bool | None = None, view: TextView | None = None) -> None:
        """``theme``, ``countdown`` and ``view`` default to the choices of the last rehearsal."""
        super().__init__(parent, Qt.WindowType.Window)
        prefs = load_prefs()
        self.controller = controller
        self.narrative = narrative
        self._clock = clock
        self._now = now
        self.peer = peer
        self.countdown = prefs.countdown if countdown is None else countdown
        self.theme = RehearsalTheme(theme or prefs.theme)
        self.mode = Mode.TELLING
        self.blanked = False
        self.saved_run_id: int | None = None
        self.feedback_timer: Countdown | None = None
        self._flash = ("", 0.0)
        self._last_tick = clock()
        self.setWindowTitle(self.tr("Rehearse: {title}").format(title=narrative.title))
        self.setAutoFillBackground(True)

        self.stage = RehearsalStage(self)
        self.stage.view = TextView(view or prefs.view)
        self.stage.zoom = prefs.zoom
        self.stage.teleprompter.mirrored = prefs.mirror
        self.feedback_card = FeedbackCard(self)
        self.finish_panel = FinishPanel(self)
        self.body = QStackedWidget(self)
        for page in (self.stage, self.feedback_card, self.finish_panel):
            self.body.addWidget(page)
        self.ui = RehearsalLayout(self, self.body)
        self.blank_page = QWidget(self)
        self.blank_page.setAccessibleName(self.tr("Screen blanked. Press B to show the notes."))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.ui)
        self.pages.addWidget(self.blank_page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)

        make_actions(self)
        self.act_mirror.setChecked(prefs.mirror)
        self.ui.build_controls(self)
        self.finish_panel.keepRequested.connect(self.keep_run)
        self.finish_panel.discardRequested.connect(self.discard_run)
        self.finish_panel.againRequested.connect(self.new_run)
        self.finish_panel.closeRequested.connect(self.close)
        self.resize(1280, 760)
        self.new_run()
        self.apply_theme(self.theme)
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()

    # -- runs ---------------------------------------------------------------------------------
    def _pace(self) -> float:
        effective = getattr(self.controller, "effective_pace", None)
        try:
            return float(effective()) if callable(effective) else float(self.narrative.pace_wpm)
        except (NarrativeAppError, TypeError, ValueError):
            return float(self.narrative.pace_wpm)

    def new_run(self) -> None:
        """A fresh run, ready to start (after the last one was kept or not)."""
        pace = self._pace()
        plan = peer_plan(self.narrative, pace_wpm=pace) if self.peer else plan_for(self.narrative,
                                                                                     pace)
        self.engine = RehearsalEngine(
            plan, self._clock, countdown_seconds=COUNTDOWN_SECONDS if self.countdown else 0.0,
            now=self._now)
        self.mode = Mode.TELLING
        self.feedback_timer = None
        self.saved_run_id = None
        self.feedback_card.clear()
        self.stage.teleprompter.set_wpm(self.narrative.pace_wpm)
        self.body.setCurrentWidget(self.stage)
        self._show_part()
        self.refresh()

    def _show_part(self) -> None:
        part = self.engine.current
        self.stage.show_part(self.narrative.parts[part.kind], part.title)

    def _after_telling(self) -> None:
        """The telling ended: feedback in peer practice, else the keep-or-not question."""
        if self.peer and self.mode is Mode.TELLING and self.engine.total_elapsed() > 0:
            self.mode = Mode.FEEDBACK
            self.feedback_timer = Countdown(PEER_FEEDBACK_SECONDS, self._clock)
            self.feedback_timer.start()
            self.body.setCurrentWidget(self.feedback_card)
        else:
            self._show_finish()
        self.refresh()

    def _show_finish(self) -> None:
        if self.feedback_timer:
            self.feedback_timer.pause()
        self.mode = Mode.FINISHED
        self.finish_panel.show_result(*self.ui.finish_texts(self.engine))
        self.body.setCurrentWidget(self.finish_panel)
        self.setFocus()

    def keep_run(self) -> bool:
        if self.mode is not Mode.FINISHED or self.finish_panel.decided:
            return False
        run = self.engine.to_run(
            self.narrative.id or 0, view="peer" if self.peer else self.stage.view.value,
            notes=self.finish_panel.notes.text().strip(), feedback=self.feedback_card.answers(),
            with_words=not self.peer)  # a 2:00 peer telling is not the draft: no pace from it
        try:
            self.saved_run_id = self.controller.add_run(run)
        except NarrativeAppError as error:
            self.finish_panel.question.setText(
                self.tr("This run could not be kept: {reason}").format(reason=str(error)))
            return False
        self.finish_panel.set_decided(self.tr("Run kept. You will find it in the history."))
        self.runSaved.emit(self.saved_run_id)
        self.refresh()
        return True

    def discard_run(self) -> None:
        if self.mode is Mode.FINISHED and not self.finish_panel.decided:
            self.finish_panel.set_decided(self.tr("Run not kept."))
            self.refresh()

    def needs_decision(self) -> bool:
        """True while there is a telling with time on it that has been neither kept nor not."""
        if self.mode is Mode.FINISHED:
            return not self.finish_panel.decided
        return self.engine.phase is not Phase.READY and self.engine.total_elapsed() > 0

    # -- key handlers -------------------------------------------------------------------------
    def _unblank(self) -> bool:
        if self.blanked:
            self.toggle_blank()
            return True
        return False

    def flash(self, message: str) -> None:
        self._flash = (message, self._clock() + FLASH_SECONDS)
        self.refresh()

    def on_space(self) -> None:
        if self.mode is Mode.TELLING:
            self.engine.toggle()
        elif self.mode is Mode.FEEDBACK and self.feedback_timer:
            self.feedback_timer.toggle()
        self.refresh()

    def on_start(self) -> None:
        self._unblank()
        if self.mode is Mode.TELLING:
            self.engine.start()
        elif self.mode is Mode.FINISHED:
            if self.finish_panel.decided:
                self.new_run()
            else:
                self.flash(self.tr("Keep this run or not first (Page Down keeps it)."))
        self.refresh()

    def on_next(self) -> None:
        if self._unblank():
            return
        if self.mode is Mode.FEEDBACK:
            self._show_finish()
        elif self.mode is Mode.FINISHED:
            if not self.finish_panel.decided:
                self.keep_run()
        elif self.engine.phase is Phase.READY:
            self.engine.start()
        elif self.engine.next_part():
            if self.engine.phase is Phase.FINISHED:
                self._after_telling()
                return
            self._show_part()
        self.refresh()

    def on_previous(self) -> None:
        if self._unblank() or self.mode is not Mode.TELLING:
            return
        if self.engine.previous_part():
            self._show_part()
        elif self.engine.phase in (Phase.RUNNING, Phase.PAUSED):
            self.flash(self.tr("This is the first part."))
        self.refresh()

    def on_down(self) -> None:
        if self.stage.view is TextView.TELEPROMPTER and self.mode is Mode.TELLING:
            self.slower()
        else:
            self.on_next()

    def on_up(self) -> None:
        if self.stage.view is TextView.TELEPROMPTER and self.mode is Mode.TELLING:
            self.faster()
        else:
            self.on_previous()

    def on_escape(self) -> None:
        if self._unblank():
            return
        if self.mode is Mode.FEEDBACK:
            self._show_finish()
        elif self.mode is Mode.TELLING and self.engine.phase is not Phase.READY:
            self.engine.finish()
            self._after_telling()
        else:
            self.close()
        self.refresh()

    def on_enter(self) -> None:
        if self.mode is Mode.FINISHED and not self.finish_panel.decided:
            self.keep_run()

    # -- display toggles ----------------------------------------------------------------------
    def toggle_blank(self) -> None:
        self.blanked = not self.blanked
        self.pages.setCurrentWidget(self.blank_page if self.blanked else self.ui)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def show_on(self, screen: QScreen | None = None, *, full_screen: bool = True) -> None:
        """Show on a chosen screen (the current one by default), full screen or in a window."""
        screen = screen or self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setScreen(screen)
            self.setGeometry(screen.availableGeometry())
        if full_screen:
            self.showFullScreen()
        else:
            self.show()

    def toggle_mirror(self) -> None:
        mirrored = not self.stage.teleprompter.mirrored
        self.stage.teleprompter.set_mirrored(mirrored)
        self.act_mirror.setChecked(mirrored)
        if self.stage.view is not TextView.TELEPROMPTER:
            self.flash(self.tr("Mirror mode applies to the teleprompter view."))

    def _can_change_setup(self, action: QAction, current: bool) -> bool:
        if self.mode is Mode.TELLING and self.engine.phase is Phase.READY:
            return True
        action.setChecked(current)
        self.flash(self.tr("Change this before the run starts."))
        return False

    def toggle_countdown(self) -> None:
        if self._can_change_setup(self.act_countdown, self.countdown):
            self.countdown = not self.countdown
            self.act_countdown.setChecked(self.countdown)
            self.new_run()

    def toggle_peer(self) -> None:
        if self._can_change_setup(self.act_peer, self.peer):
            self.peer = not self.peer
            self.act_peer.setChecked(self.peer)
            self.new_run()

    def set_view(self, view: TextView) -> None:
        self.stage.set_view(view)
        self.refresh()

    def cycle_view(self) -> None:
        views = list(TextView)
        self.set_view(views[(views.index(self.stage.view) + 1) % len(views)])

    def ladder_down(self) -> None:
        if self.stage.view is not TextView.MEMORISE:
            self.stage.set_view(TextView.MEMORISE)
        else:
            self.stage.set_ladder_step(LadderStep(min(int(self.stage.ladder_step) + 1, 3)))
        self.refresh()

    def ladder_up(self) -> None:
        self.stage.set_ladder_step(LadderStep(max(int(self.stage.ladder_step) - 1, 0)))
        self.refresh()

    def slower(self) -> None:
        self.stage.teleprompter.slower()
        self.stage.render()
        self.refresh()

    def faster(self) -> None:
        self.stage.teleprompter.faster()
        self.stage.render()
        self.refresh()

    def cycle_theme(self) -> None:
        themes = list(RehearsalTheme)
        self.apply_theme(themes[(themes.index(self.theme) + 1) % len(themes)])

    def apply_theme(self, theme: RehearsalTheme) -> None:
        self.theme = RehearsalTheme(theme)
        self.setPalette(rehearsal_palette(self.theme))
        self.stage.render()
        self.ui.apply_sizes()
        self.refresh()

    # -- time ---------------------------------------------------------------------------------
    def tick(self) -> None:
        """Called on a timer (and by tests after moving the fake clock)."""
        now = self._clock()
        elapsed, self._last_tick = now - self._last_tick, now
        scrolling = (self.mode is Mode.TELLING and self.stage.view is TextView.TELEPROMPTER
                     and self.engine.phase is Phase.RUNNING)
        if scrolling:
            self.stage.teleprompter.advance(elapsed)
        interval = TICK_MS if scrolling else IDLE_TICK_MS  # smooth scroll only when scrolling
        if self._timer.interval() != interval:
            self._timer.setInterval(interval)
        self.refresh()

    def flash_text(self) -> str:
        message, until = self._flash
        return message if message and self._clock() < until else ""

    def refresh(self) -> None:
        self.ui.refresh(self)

    def resizeEvent(self, event: object) -> None:
        super().resizeEvent(event)
        self.ui.apply_sizes()

    # -- closing ------------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.needs_decision():
            was_running = self.engine.phase is Phase.RUNNING
            self.engine.pause()
            answer = ask_keep_on_close(self, self.engine.total_elapsed(), self.engine.is_short)
            if answer == QMessageBox.StandardButton.Cancel:
                if was_running:
                    self.engine.resume()
                event.ignore()
                return
            if answer == QMessageBox.StandardButton.Save:
                self.engine.finish()
                if self.mode is not Mode.FINISHED:
                    self._show_finish()
                if not self.keep_run():
                    event.ignore()
                    return
        self._timer.stop()
        save_prefs(RehearsalPrefs(theme=self.theme, view=self.stage.view, zoom=self.stage.zoom,
                                  countdown=self.countdown,
                                  mirror=self.stage.teleprompter.mirrored))
        event.accept()
