"""UI: the rehearsal's listening side: the recording badge, the voice follower's moves, the report.

``VoiceCoach`` is owned by the rehearsal window. It wraps a ``Listener`` (the one worker),
shows an unmistakable badge while the microphone is on (a filled circle and words, in the
palette's highlight colours, never colour alone) and turns the follower's places into two
requests: ``followed(part, fraction)`` to move the text, and ``partHeard(part)`` when the
speaker starts the next part's opening. The window stays in charge: it decides what to do.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from narrative_app.domain import Narrative, PartKind, PartSplit, RehearsalRun
from narrative_app.rehearsal.speech.audio import AudioSource, MicrophoneSource
from narrative_app.rehearsal.speech.draft import DraftScript, build_script
from narrative_app.rehearsal.speech.follower import Place
from narrative_app.rehearsal.speech.recogniser import knows
from narrative_app.rehearsal.speech.report import SpeechReport
from narrative_app.ui.rehearsal.listening import Listener, SourceFactory
from narrative_app.ui.rehearsal.microphone import MicrophoneDialog, device_index
from narrative_app.ui.rehearsal.speech_text import report_lines, report_table


class ListeningBadge(QLabel):
    """'● Listening: the microphone is on', framed, in the palette's highlight colours."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)  # large text on a narrow screen: two lines, never cut
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Highlight)
        self.setForegroundRole(QPalette.ColorRole.HighlightedText)
        self.setMargin(6)
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.setFont(font)
        self.setVisible(False)

    def show_state(self, text: str) -> None:
        self.setText(text)
        self.setAccessibleName(text)
        self.setVisible(bool(text))


class VoiceCoach(QObject):
    """Listening for one rehearsal window: on or off, started with the run, stopped at its end."""

    enabledChanged = Signal(bool)
    followed = Signal(object, float)  # PartKind, share of the part's words said (0-1)
    partHeard = Signal(object)  # PartKind whose opening was just heard
    reportReady = Signal(object, bytes)  # SpeechReport, recorded audio
    reportText = Signal(str, list)  # the report as a table and in words, for the finish screen
    keepNow = Signal()  # the run the user chose to keep can now be kept with its report
    message = Signal(str)

    def __init__(self, audio: SourceFactory | None, microphone: str,
                 parent: QWidget | None = None) -> None:
        """``audio`` makes the sound source (tests: a WAV); None means the chosen microphone."""
        super().__init__(parent)
        self._parent = parent
        self._audio = audio
        self.microphone = microphone
        self.badge = ListeningBadge(parent)
        self.enabled = False
        self.listener: Listener | None = Listener(self._source, self)
        self.started = False
        self.waiting = False  # the run ended; the last words are being decoded
        self.report: SpeechReport | None = None
        self.pcm = b""
        self._script: DraftScript | None = None
        self._ranges: dict[PartKind, tuple[int, int]] = {}
        self._part: PartKind | None = None
        self._pace = 0.0
        self._keep = False
        if self.listener is not None:
            self.listener.placeChanged.connect(self._on_place)
            self.listener.finished.connect(self._on_finished)
            self.listener.failed.connect(self._on_failed)

    def _source(self) -> AudioSource:
        if self._audio is not None:
            return self._audio()
        return MicrophoneSource(device_index(self.microphone, MicrophoneSource.devices()))

    def set_enabled(self, on: bool, *, quiet: bool = False) -> None:
        """Listening on or off; with no microphone here it stays off and says why."""
        if on and self._audio is None:
            ok, reason = MicrophoneSource.available()
            if not ok:
                on = False
                if not quiet:
                    self.message.emit(reason)
        self.enabled = on
        self.enabledChanged.emit(on)

    def choose(self) -> None:
        """The set-up: listening on or off, the microphone, and its level."""
        dialog = MicrophoneDialog(self.enabled, self.microphone, self._parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.microphone = dialog.microphone
            self.set_enabled(dialog.switch.isChecked())

    def begin(self, narrative: Narrative) -> None:
        """Start listening (the run started); the badge says so."""
        if not self.enabled or self.started or self.listener is None:
            return
        self.started, self.report, self.pcm = True, None, b""
        self._script = build_script(narrative, knows)
        self._ranges = {}
        for index, word in enumerate(self._script.words):
            first, _last = self._ranges.get(word.part, (index, index))
            self._ranges[word.part] = (first, index + 1)
        self._part = None
        self.listener.start(narrative)
        self.badge.show_state(self.tr("● Listening: the microphone is on. Nothing leaves "
                                      "this computer."))

    def under_badge(self, page: QWidget) -> QWidget:
        """``page`` with the listening badge above it (the window's central widget)."""
        box = QWidget(self._parent)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.badge)
        column.addWidget(page, 1)
        return box

    def pending(self) -> tuple[str, list[str]]:
        """What the finish screen says of the listening as the run ends (table, words)."""
        if self.report is not None:
            return self._texts(self.report)
        text = self.tr("Working out what the app heard...") if self.waiting else ""
        return text, [text] if text else []

    def _texts(self, report: SpeechReport) -> tuple[str, list[str]]:
        return report_table(report, self._pace), report_lines(report, self._pace)

    def defer_keep(self, say: Callable[[str], None]) -> bool:
        """True (and ``keepNow`` later) when keeping must wait for the report."""
        if not self.waiting:
            return False
        self._keep = True
        say(self.tr("Keeping the run once the app has worked out what it heard..."))
        return True

    def attach(self, run: RehearsalRun) -> None:
        """Put the speech report on ``run``. Each part heard takes its spoken time and words
        (as ``rehearse-audio`` stores them), so the measured pace of a listened run is the
        real one; a part not heard keeps its clock time and no words (it never counts)."""
        report = self.report
        if report is None:
            return
        run.speech = report.to_json()
        splits = []
        for split in run.splits:
            heard = report.part(split.part)
            seconds = heard.seconds if heard.words else split.seconds
            splits.append(PartSplit(split.part, seconds, split.target_seconds, heard.words))
        run.splits = splits

    def end(self, pace_wpm: float) -> None:
        """The run ended: stop listening; ``reportReady`` follows."""
        self._pace = pace_wpm
        if self.started and self.listener is not None and self.report is None:
            self.waiting = True
            self.listener.stop()
            self.badge.show_state(self.tr("■ Microphone off: working out what was heard..."))

    def reset(self) -> None:
        if self.listener is not None:
            self.listener.stop()
        self.started = self.waiting = self._keep = False
        self.report, self.pcm = None, b""
        self.badge.show_state("")

    def _on_place(self, place: Place) -> None:
        first, stop = self._ranges.get(place.part, (0, 0))
        if stop > first:
            share = min(1.0, max(0.0, (place.word - first) / (stop - first)))
            self.followed.emit(place.part, share)
        if self._part is not None and place.part is not self._part:
            self.partHeard.emit(place.part)
        self._part = place.part

    def _on_finished(self, report: SpeechReport, pcm: bytes) -> None:
        self.report, self.pcm, self.waiting = report, pcm, False
        self.badge.show_state("")
        self.reportReady.emit(report, pcm)
        self.reportText.emit(*self._texts(report))
        if self._keep:
            self._keep = False
            self.keepNow.emit()

    def _on_failed(self, reason: str) -> None:
        self.waiting, self.started = False, False
        self.set_enabled(False)  # off until the user turns it on again: no retrying each tick
        self.badge.show_state("")
        self.reportText.emit("", [])
        if self._keep:
            self._keep = False
            self.keepNow.emit()
        self.message.emit(self.tr("Not listening: {reason} The rehearsal carries on as "
                                  "usual.").format(reason=reason))

    def shutdown(self) -> None:
        if self.listener is not None:
            self.listener.shutdown()
