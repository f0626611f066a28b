"""UI: the rehearsal window, a timed speaker-notes view driven by keyboard or clicker.

Timing lives in the Qt-free ``RehearsalEngine``, labels in ``hud_state``, over an injected
clock. The window owns parts that talk through signals: ``RehearsalActions`` (keys),
``RehearsalHud``, the stage, the feedback card, the finish panel, and ``VoiceCoach`` (listening
on one owned worker: follows the voice, may move on a part, reports at the end). Runs are
stored through ``controller.add_run``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime
from functools import partial

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QCloseEvent, QScreen
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QStackedWidget, QWidget

from narrative_app.domain import Narrative, PartKind
from narrative_app.errors import NarrativeAppError
from narrative_app.rehearsal.display import Mode, finish_summary, hud_state
from narrative_app.rehearsal.engine import COUNTDOWN_SECONDS, Phase, RehearsalEngine, plan_for
from narrative_app.rehearsal.peer import PEER_FEEDBACK_SECONDS, Countdown, peer_plan
from narrative_app.ui.controller import NarrativeController
from narrative_app.ui.rehearsal.actions import RehearsalActions
from narrative_app.ui.rehearsal.feedback import FeedbackCard
from narrative_app.ui.rehearsal.finish import FinishPanel, ask_keep_on_close
from narrative_app.ui.rehearsal.hud import RehearsalHud
from narrative_app.ui.rehearsal.keys import RehearsalKeysDialog
from narrative_app.ui.rehearsal.listening import SourceFactory
from narrative_app.ui.rehearsal.prefs import RehearsalPrefs, load_prefs, save_prefs
from narrative_app.ui.rehearsal.screens import show_on, show_on_number, toggle_full_screen
from narrative_app.ui.rehearsal.stage import RehearsalStage, TextView
from narrative_app.ui.rehearsal.theme import RehearsalTheme, rehearsal_palette
from narrative_app.ui.rehearsal.voice import VoiceCoach
from narrative_app.ui.widgets.timers import repeating_timer

TICK_MS = 40
IDLE_TICK_MS = 200
FLASH_SECONDS = 3.0


class RehearsalWindow(QMainWindow):
    """Rehearse one narrative; every run can be kept in the store's history."""

    runSaved = Signal(int)

    def __init__(self, controller: NarrativeController, narrative: Narrative,
                 parent: QWidget | None = None, *, clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], datetime] = datetime.now,
                 theme: RehearsalTheme | None = None, peer: bool = False,
                 countdown: bool | None = None, view: TextView | None = None,
                 listen: bool | None = None, audio: SourceFactory | None = None) -> None:
        """``theme``, ``countdown``, ``view`` and ``listen`` default to the last rehearsal's
        choices; ``audio`` makes the sound source (the chosen microphone when None)."""
        super().__init__(parent)
        prefs = load_prefs()
        self.controller, self.narrative = controller, narrative
        self._clock, self._now = clock, now
        self.peer = peer
        self.countdown = prefs.countdown if countdown is None else countdown
        self.theme = RehearsalTheme(theme or prefs.theme)
        self.mode, self.blanked = Mode.TELLING, False
        self.saved_run_id: int | None = None
        self.feedback_timer: Countdown | None = None
        self._flash, self._last_tick = ("", 0.0), clock()
        self._tr = partial(QCoreApplication.translate, "RehearsalDisplay")
        self.setWindowTitle(self.tr("Rehearse: {title}").format(title=narrative.title))
        self.setAccessibleName(self.windowTitle())
        self.setAutoFillBackground(True)
        self.commands = RehearsalActions(self, single_keys=prefs.single_keys, remap=prefs.keys)
        self.commands.requested.connect(self._on_request)

        self.stage = RehearsalStage(self)
        self.stage.view = TextView(view or prefs.view)
        self.stage.zoom = prefs.zoom
        self.stage.teleprompter.mirrored = prefs.mirror
        self.feedback_card = FeedbackCard(self)
        self.finish_panel = FinishPanel(self)
        self.voice = VoiceCoach(audio, prefs.microphone, self)
        self.voice.enabledChanged.connect(partial(self.commands.set_checked, "listen"))
        self.voice.followed.connect(self.stage.follow_voice)
        self.voice.partHeard.connect(self._on_part_heard)
        self.voice.reportText.connect(self.finish_panel.show_speech)
        self.voice.keepNow.connect(self.keep_run)
        self.voice.message.connect(self.flash)
        self.body = QStackedWidget(self)
        for page in (self.stage, self.feedback_card, self.finish_panel):
            self.body.addWidget(page)
        self.hud = RehearsalHud(self.commands, self.body,
                                [(v, self.stage.view_name(v)) for v in TextView], self)
        self.hud.viewChosen.connect(self.set_view)
        self.hud.screenChosen.connect(partial(show_on_number, self))
        self.hud.textSizeChanged.connect(self.feedback_card.set_pixel_size)
        self.hud.textSizeChanged.connect(self.finish_panel.set_pixel_size)
        self.blank_page = QWidget(self)
        self.blank_page.setAccessibleName(self.tr("Screen blanked. Press B to show the notes."))
        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.hud)
        self.pages.addWidget(self.blank_page)
        self.setCentralWidget(self.voice.under_badge(self.pages))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # keys go to the window, not a button
        for name, checked in (("mirror", prefs.mirror), ("countdown", self.countdown),
                              ("peer", self.peer)):
            self.commands.set_checked(name, checked)
        self.voice.set_enabled(prefs.listen if listen is None else listen, quiet=True)
        self.finish_panel.follow_keys(self.commands)
        self.finish_panel.keepRequested.connect(self.keep_run)
        self.finish_panel.discardRequested.connect(self.discard_run)
        self.finish_panel.againRequested.connect(self.new_run)
        self.finish_panel.closeRequested.connect(self.close)
        self.resize(1280, 760)
        self.new_run()
        self.apply_theme(self.theme)
        self._timer = repeating_timer(self, TICK_MS, self.tick)
        self._timer.start()

    def _on_request(self, name: str) -> None:
        """An action was triggered (by its key or its button)."""
        stage = self.stage
        handlers: dict[str, Callable[[], object]] = {
            "toggle": self.on_space, "start": self.on_start, "next": self.on_next,
            "prev": self.on_previous, "down": self.on_down, "up": partial(self.on_down, up=True),
            "blank": self.toggle_blank, "full": partial(toggle_full_screen, self),
            "mirror": self.toggle_mirror, "end": self.on_escape, "keep": self.keep_run,
            "discard": self.discard_run, "theme": self.cycle_theme, "keys": self.edit_keys,
            "microphone": self.voice.choose,
        }
        for setup in ("countdown", "peer", "listen"):
            handlers[setup] = partial(self._toggle_setup, setup)
        for key, change in (("zoom_in", stage.zoom_in), ("zoom_out", stage.zoom_out),
                            ("view", stage.cycle_view), ("less", stage.ladder_down),
                            ("more", stage.ladder_up), ("slower", stage.slower),
                            ("faster", stage.faster)):
            handlers[key] = partial(self._on_stage, change)
        handlers[name]()

    def edit_keys(self) -> None:
        """The key settings: single-key shortcuts on or off, and each action's keys."""
        dialog = RehearsalKeysDialog(self.commands.single_keys, self.commands.remap, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_keys(dialog.single_keys.isChecked(), dialog.remap())
    def set_keys(self, single_keys: bool, remap: dict[str, tuple[str, ...]]) -> None:
        self.commands.apply_keys(single_keys=single_keys, remap=remap)  # labels follow
        self.refresh()

    def _pace(self) -> float:
        try:  # the measured pace once the user has rehearsed, else the narrative's own
            return float(self.controller.effective_pace())
        except NarrativeAppError:
            return float(self.narrative.pace_wpm)

    def new_run(self) -> None:
        """A fresh run, ready to start (after the last one was kept or not)."""
        pace = self._pace()
        plan = (peer_plan if self.peer else plan_for)(self.narrative, pace_wpm=pace)
        self.engine = RehearsalEngine(
            plan, self._clock, countdown_seconds=COUNTDOWN_SECONDS if self.countdown else 0.0,
            now=self._now)
        self.mode, self.feedback_timer, self.saved_run_id = Mode.TELLING, None, None
        self.voice.reset()
        self.feedback_card.clear()
        self.stage.teleprompter.set_wpm(self.narrative.pace_wpm)
        self.body.setCurrentWidget(self.stage)
        self._show_part()
        self.setFocus()  # keys go to the window (and its shortcuts), not the first button
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
        self.finish_panel.show_result(finish_summary(self.engine, self._tr))
        self.voice.end(self.narrative.pace_wpm)
        self.finish_panel.show_speech(*self.voice.pending())
        self.body.setCurrentWidget(self.finish_panel)
        self.setFocus()

    def keep_run(self) -> bool:
        if self.mode is not Mode.FINISHED or self.finish_panel.decided:
            return False
        if self.voice.defer_keep(self.finish_panel.question.setText):
            return True  # kept (keepNow) with its speech report once that is ready
        run = self.engine.to_run(
            self.narrative.id or 0, view="peer" if self.peer else self.stage.view.value,
            notes=self.finish_panel.notes.text().strip(), feedback=self.feedback_card.answers(),
            with_words=not self.peer)  # a 2:00 peer telling is not the draft: no pace from it
        self.voice.attach(run)  # the speech report; the pace of a listened run is the heard one
        try:
            self.saved_run_id = self.controller.add_run(run, self.voice.pcm)
        except NarrativeAppError as error:
            self.finish_panel.question.setText(
                self.tr("This run could not be kept: {reason}").format(reason=str(error)))
            return False
        self.finish_panel.set_decided(self.tr("Run kept. You will find it in the history."))
        self.runSaved.emit(self.saved_run_id)
        self.refresh()
        return True

    def _on_part_heard(self, kind: PartKind) -> None:
        """The speaker started the next part's opening: move on, as Page Down would."""
        upcoming = self.engine.next if self.mode is Mode.TELLING else None
        if upcoming is not None and upcoming.kind is kind and self.engine.phase is Phase.RUNNING:
            self.on_next()

    def discard_run(self) -> None:
        if self.mode is Mode.FINISHED and not self.finish_panel.decided:
            self.finish_panel.set_decided(self.tr("Run not kept."))
            self.refresh()

    def needs_decision(self) -> bool:
        """True while there is a telling with time on it that has been neither kept nor not."""
        if self.mode is Mode.FINISHED:
            return not self.finish_panel.decided
        return self.engine.phase is not Phase.READY and self.engine.total_elapsed() > 0

    def _unblank(self) -> bool:
        """Any key first brings a blanked screen back; True when it did."""
        if was_blank := self.blanked:
            self.toggle_blank()
        return was_blank

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
            self.keep_run()  # once decided, this does nothing
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

    def on_down(self, *, up: bool = False) -> None:
        """Down (Up): slower (faster) in the teleprompter, else the next (previous) part."""
        if self.stage.view is TextView.TELEPROMPTER and self.mode is Mode.TELLING:
            self._on_stage(self.stage.faster if up else self.stage.slower)
        else:
            (self.on_previous if up else self.on_next)()

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

    def toggle_blank(self) -> None:
        self.blanked = not self.blanked
        self.pages.setCurrentWidget(self.blank_page if self.blanked else self.hud)

    def show_on(self, screen: QScreen | None = None, *, full_screen: bool = True) -> None:
        show_on(self, screen, full_screen=full_screen)

    def toggle_mirror(self) -> None:
        self.stage.teleprompter.set_mirrored(not self.stage.teleprompter.mirrored)
        self.commands.set_checked("mirror", self.stage.teleprompter.mirrored)
        if self.stage.view is not TextView.TELEPROMPTER:
            self.flash(self.tr("Mirror mode applies to the teleprompter view."))

    def _toggle_setup(self, name: str) -> None:
        """Countdown, peer practice or listening on or off, only before the run starts."""
        current = {"peer": self.peer, "listen": self.voice.enabled}.get(name, self.countdown)
        if self.mode is Mode.TELLING and self.engine.phase is Phase.READY:
            if name == "listen":
                self.voice.set_enabled(not current)  # it says so when there is no microphone
            else:
                self.peer, self.countdown = ((not current, self.countdown) if name == "peer"
                                             else (self.peer, not current))
                self.commands.set_checked(name, not current)
                self.new_run()
        else:
            self.commands.set_checked(name, current)
            self.flash(self.tr("Change this before the run starts."))

    def set_view(self, view: TextView | str) -> None:
        self.stage.set_view(TextView(view))
        self.refresh()

    def _on_stage(self, change: Callable[[], object]) -> None:
        """A change of view, ladder step, pace or zoom: the stage does it, the labels follow."""
        change()
        self.refresh()

    def cycle_theme(self) -> None:
        themes = list(RehearsalTheme)
        self.apply_theme(themes[(themes.index(self.theme) + 1) % len(themes)])

    def apply_theme(self, theme: RehearsalTheme) -> None:
        self.theme = RehearsalTheme(theme)
        self.setPalette(rehearsal_palette(self.theme))
        self.stage.redraw()
        self.hud.apply_sizes()
        self.refresh()

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

    def refresh(self) -> None:
        if self.voice.enabled and self.mode is Mode.TELLING and self.engine.phase is Phase.RUNNING:
            self.voice.begin(self.narrative)  # once per run
        state = hud_state(self.engine, self.mode, self.feedback_timer, self._tr)
        notes = [self._flash[0] if self._clock() < self._flash[1] else ""]
        if self.mode is Mode.TELLING:
            notes.append(self.stage.note)
        self.hud.show_state(state, self.stage.view, notes)

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
        self.voice.shutdown()
        save_prefs(RehearsalPrefs(
            self.theme, self.stage.view, self.stage.zoom, self.countdown,
            self.stage.teleprompter.mirrored, self.commands.single_keys, self.commands.remap,
            listen=self.voice.enabled, microphone=self.voice.microphone))
        event.accept()
