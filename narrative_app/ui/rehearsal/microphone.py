"""UI: the rehearsal's listening set-up: the switch, the microphone chooser and a level meter.

"Listen while I rehearse" is off until the user turns it on (and then remembered). The
chooser lists the input devices PortAudio finds; the level meter reads the chosen one on a
worker (``LevelMeter``) so the user can check it before starting. No PortAudio, no device or
a refused permission is said plainly, and the rehearsal works as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from narrative_app.rehearsal.speech.audio import MicrophoneSource
from narrative_app.ui.rehearsal.listening import LevelMeter, SourceFactory, microphone_factory

Devices = Callable[[], list[tuple[int, str]]]
Availability = Callable[[], tuple[bool, str]]


def device_index(name: str, devices: list[tuple[int, str]]) -> int | None:
    return next((i for i, n in devices if n == name), None)


class MicrophoneDialog(QDialog):
    """Listening on or off, which microphone, and a live level to check it."""

    def __init__(self, listen: bool, microphone: str, parent: QWidget | None = None, *,
                 devices: Devices = MicrophoneSource.devices,
                 available: Availability = MicrophoneSource.available,
                 meter_source: Callable[[int | None], SourceFactory] = microphone_factory,
                 ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Listening"))
        self._meter_source = meter_source
        self.devices = devices()
        ok, reason = available()
        self.switch = QCheckBox(self.tr("Listen while I rehearse"), self)
        self.switch.setChecked(listen and ok)
        self.switch.setEnabled(ok)
        self.about = QLabel(self.tr(
            "The app listens on this computer only: nothing is sent anywhere. After each run "
            "it shows your real pace, pauses, fillers and what you skipped, and the "
            "teleprompter follows your voice. The recording is kept with the run until you "
            "delete it."), self)
        self.about.setWordWrap(True)
        self.chooser = QComboBox(self)
        self.chooser.setAccessibleName(self.tr("Microphone"))
        self.chooser.addItem(self.tr("System default"), "")
        for _index, name in self.devices:
            self.chooser.addItem(name, name)
        found = self.chooser.findData(microphone)
        self.chooser.setCurrentIndex(max(0, found))
        self.chooser.setEnabled(ok)
        self.chooser_caption = QLabel(self.tr("&Microphone"), self)
        self.chooser_caption.setBuddy(self.chooser)  # read with the list, not as its value
        self.meter = QProgressBar(self)
        self.meter.setRange(0, 100)
        self.meter.setValue(0)
        self.meter.setFormat(self.tr("Level %p%"))
        self.meter.setAccessibleName(self.tr("Microphone level"))
        self.check_button = QPushButton(self.tr("Check the microphone"), self)
        self.check_button.setEnabled(ok)
        self.check_button.clicked.connect(self.check)
        self.status = QLabel(reason if not ok else self.tr(
            "Speak a few words: the bar should move."), self)
        self.status.setWordWrap(True)
        self.level_meter: LevelMeter | None = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.switch, self.about, self.chooser_caption,
                       self.chooser, self.check_button, self.meter, self.status, buttons):
            layout.addWidget(widget)
        self.resize(480, self.sizeHint().height())

    @property
    def microphone(self) -> str:
        return str(self.chooser.currentData() or "")

    def check(self) -> None:
        """Read the chosen microphone and show its level until the dialog closes."""
        self.stop_meter()
        device = device_index(self.microphone, self.devices)
        self.level_meter = LevelMeter(self._meter_source(device), self)
        self.level_meter.levelChanged.connect(self._on_level)
        self.level_meter.failed.connect(self.status.setText)
        self.level_meter.start()

    def _on_level(self, value: float) -> None:
        self.meter.setValue(round(value * 100))

    def stop_meter(self) -> None:
        if self.level_meter is not None:
            self.level_meter.shutdown()
            self.level_meter = None

    def done(self, result: int) -> None:
        self.stop_meter()
        super().done(result)
