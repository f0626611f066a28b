"""UI: the recordings of listened runs in the history: play a part back, delete one or all.

``RecordingMenu`` owns the actions and one playback worker (a one-thread executor whose
result is polled on the GUI thread by a QTimer, stopped and joined by ``shutdown``). Playing
needs sound output through sounddevice (PortAudio); without it the user is told plainly and
nothing else changes. Recordings come from and go through the controller.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from functools import partial

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from narrative_app.domain import PART_ORDER, RehearsalRun
from narrative_app.errors import NarrativeAppError
from narrative_app.rehearsal.speech.recordings import play
from narrative_app.ui.controller import NarrativeController
from narrative_app.ui.widgets.timers import repeating_timer

POLL_MS = 100


class RecordingMenu(QObject):
    """Play, stop and delete the recordings of runs; ``message`` says what happened."""

    message = Signal(str)

    def __init__(self, controller: NarrativeController, parent: QWidget) -> None:
        super().__init__(parent)
        self.controller = controller
        self._parent = parent
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="playback")
        self._future: Future[None] | None = None
        self._stop = threading.Event()
        self._timer = repeating_timer(self, POLL_MS, self._poll)
        self.stop_action = QAction(self.tr("Stop playing"), self)
        self.stop_action.triggered.connect(self.stop)
        self.delete_all_action = QAction(self.tr("Delete all recordings..."), self)
        self.delete_all_action.triggered.connect(self.delete_all)
        app = QCoreApplication.instance()
        if app is not None:  # playing never holds up quitting
            app.aboutToQuit.connect(self.shutdown)

    def has(self, run: RehearsalRun) -> bool:
        return run.id is not None and self.controller.recordings().has(run.id)

    def add_to(self, menu: QMenu, run: RehearsalRun) -> None:
        """The run's playback entries (one per part heard, and the whole run)."""
        if not self.has(run):
            if self.controller.recordings().total_bytes():
                menu.addSeparator()
                menu.addAction(self.delete_all_action)
            return
        menu.addSeparator()
        parts = {p.get("part"): p for p in run.speech.get("parts", [])
                 if isinstance(p, dict)}
        for kind in PART_ORDER:
            part = parts.get(kind.value)
            if part and part.get("words"):
                action = menu.addAction(self.tr("Play {part}").format(part=kind.title))
                action.triggered.connect(partial(self.play, run, float(part.get("start", 0)),
                                                 float(part.get("end", 0)) or None))
        whole = menu.addAction(self.tr("Play the whole recording"))
        whole.triggered.connect(partial(self.play, run, 0.0, None))
        menu.addAction(self.stop_action)
        delete = menu.addAction(self.tr("Delete this recording..."))
        delete.triggered.connect(partial(self.delete, run))
        menu.addAction(self.delete_all_action)

    def play(self, run: RehearsalRun, start: float, end: float | None) -> None:
        assert run.id is not None
        self.stop()
        try:
            pcm = self.controller.recordings().read(run.id, start, end)
        except (OSError, EOFError) as error:
            self.message.emit(self.tr("The recording could not be read: {reason}").format(
                reason=str(error)))
            return
        self._stop = threading.Event()
        self._future = self._executor.submit(play, pcm, self._stop.is_set)
        self._timer.start()
        self.message.emit(self.tr("Playing the recording..."))

    def _poll(self) -> None:
        future = self._future
        if future is None or not future.done():
            return
        self._timer.stop()
        self._future = None
        error = future.exception()
        if isinstance(error, NarrativeAppError):
            self.message.emit(str(error))
        elif error is not None:
            self.message.emit(self.tr("The recording could not be played: {reason}").format(
                reason=str(error)))
        else:
            self.message.emit(self.tr("Finished playing."))

    def stop(self) -> None:
        self._stop.set()

    def _ask(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(
            self._parent, title, text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes

    def delete(self, run: RehearsalRun) -> None:
        if run.id is None or not self._ask(
                self.tr("Delete recording?"),
                self.tr("Delete the recording of this run? Its report stays in the history.")):
            return
        self.stop()
        self.controller.delete_recordings(run.id)
        self.message.emit(self.tr("Recording deleted."))

    def delete_all(self) -> None:
        if not self._ask(self.tr("Delete all recordings?"), self.tr(
                "Delete every recording of every narrative? The runs and their reports "
                "stay in the history. This cannot be undone.")):
            return
        self.stop()
        count = self.controller.delete_recordings(None)
        self.message.emit(self.tr("{n} recordings deleted.").format(n=count))

    def shutdown(self) -> None:
        self._stop.set()
        self._timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)
