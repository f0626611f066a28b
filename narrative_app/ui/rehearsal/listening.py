"""UI: listening while the user rehearses, on one owned worker, results polled on the GUI thread.

``Listener`` owns a one-worker ``ThreadPoolExecutor`` and a ``QTimer``: the worker runs the
Qt-free ``listen_live`` (decoding, the voice follower, the report) and puts its events on a
queue; the timer takes them off on the GUI thread and emits signals. Nothing on the worker
touches a QObject. ``shutdown`` stops the worker and joins it (the window calls it on close).
The audio source comes from an injected factory, so tests play a WAV instead of a microphone.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from narrative_app.domain import Narrative
from narrative_app.rehearsal.speech.audio import AudioSource, MicrophoneSource
from narrative_app.rehearsal.speech.live import LiveEvent, level, listen_live
from narrative_app.ui.widgets.timers import repeating_timer

POLL_MS = 40

SourceFactory = Callable[[], AudioSource]


def microphone_factory(device: int | None = None) -> SourceFactory:
    def make() -> AudioSource:
        return MicrophoneSource(device)

    return make


class Listener(QObject):
    """One listening session at a time: start, stop (the report follows), shut down."""

    placeChanged = Signal(object)  # a follower Place
    levelChanged = Signal(float)
    finished = Signal(object, bytes)  # the SpeechReport, the recorded audio
    failed = Signal(str)

    def __init__(self, factory: SourceFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.factory = factory
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="listen")
        self._events: queue.Queue[LiveEvent] = queue.Queue()
        self._stop = threading.Event()
        self._future: Future[None] | None = None
        self._timer = repeating_timer(self, POLL_MS, self.poll)
        self.level = 0.0
        self.heard_seconds = 0.0
        self._closed = False

    @property
    def active(self) -> bool:
        return self._future is not None and not self._future.done()

    def start(self, narrative: Narrative) -> None:
        if self._closed:
            return
        if self._future is not None and not self._future.done():
            self._stop.set()  # the last run's listening, still finishing: wait for it
            self._future.result()
        self._stop = threading.Event()
        self._events = queue.Queue()
        self.heard_seconds = 0.0
        try:
            source = self.factory()
        except Exception as error:  # a factory that cannot open the device
            self.failed.emit(str(error))
            return
        self._future = self._executor.submit(
            listen_live, narrative, source, self._events.put, self._stop)
        self._timer.start()

    def stop(self) -> None:
        """Stop listening; ``finished`` follows once the last words are decoded."""
        self._stop.set()

    def poll(self) -> None:
        """Take the worker's events off the queue (on the GUI thread) and emit them."""
        while True:
            try:
                event = self._events.get_nowait()
            except queue.Empty:
                break
            self.heard_seconds = max(self.heard_seconds, event.seconds)
            if event.kind == "level":
                self.level = event.level
                self.levelChanged.emit(event.level)
            elif event.kind == "place":
                self.placeChanged.emit(event.place)
            elif event.kind == "done":
                self._timer.stop()
                self.finished.emit(event.report, event.pcm)
            elif event.kind == "failed":
                self._timer.stop()
                self.failed.emit(event.message)
        if self._future is not None and self._future.done() and self._events.empty():
            self._timer.stop()

    def shutdown(self) -> None:
        """Stop and join the worker; nothing starts after this."""
        self._closed = True
        self._stop.set()
        self._timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self.poll()  # a report finished while joining is still delivered (a kept run waits)
        self._timer.stop()


class LevelMeter(QObject):
    """Reads the chosen microphone on one worker for the set-up's level check."""

    levelChanged = Signal(float)
    failed = Signal(str)

    def __init__(self, factory: SourceFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.factory = factory
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="level")
        self._stop = threading.Event()
        self._levels: queue.Queue[tuple[str, float | str]] = queue.Queue()
        self._timer = repeating_timer(self, POLL_MS, self.poll)

    def start(self) -> None:
        self.stop()
        self._stop = threading.Event()
        self._executor.submit(self._read, self.factory, self._stop, self._levels)
        self._timer.start()

    @staticmethod
    def _read(factory: SourceFactory, stop: threading.Event,
              out: queue.Queue[tuple[str, float | str]]) -> None:
        try:
            for chunk in factory().chunks():
                if stop.is_set():
                    return
                out.put(("level", level(chunk)))
        except Exception as error:
            out.put(("failed", str(error)))

    def poll(self) -> None:
        while True:
            try:
                kind, value = self._levels.get_nowait()
            except queue.Empty:
                return
            if kind == "level":
                self.levelChanged.emit(float(value))
            else:
                self._timer.stop()
                self.failed.emit(str(value))

    def stop(self) -> None:
        self._stop.set()

    def shutdown(self) -> None:
        self._stop.set()
        self._timer.stop()
        self._executor.shutdown(wait=True, cancel_futures=True)
