"""The listening set-up: off by default and remembered, a microphone chooser, a level meter
fed here by a WAV, and a plain message when there is no microphone."""

from __future__ import annotations

import array

from PySide6.QtCore import QSettings

from narrative_app.rehearsal.speech.audio import SAMPLE_RATE
from narrative_app.ui.rehearsal.microphone import MicrophoneDialog
from narrative_app.ui.rehearsal.prefs import RehearsalPrefs, load_prefs, save_prefs


class LoudSource:
    def chunks(self):
        loud = array.array("h", [((i // 8) % 2) * 12000 - 6000 for i in range(4096)]).tobytes()
        for _ in range(int(SAMPLE_RATE / 4096 * 2)):
            yield loud


def _devices() -> list[tuple[int, str]]:
    return [(3, "USB headset"), (5, "Laptop microphone")]


def test_listening_is_off_by_default_and_remembered(qt_settings):
    assert load_prefs(QSettings()).listen is False
    save_prefs(RehearsalPrefs(listen=True, microphone="USB headset"), QSettings())
    prefs = load_prefs(QSettings())
    assert prefs.listen is True and prefs.microphone == "USB headset"


def test_the_dialog_lists_microphones_and_its_meter_moves(qtbot):
    chosen: list[int | None] = []

    def factory_for(device: int | None):
        chosen.append(device)
        return LoudSource

    dialog = MicrophoneDialog(False, "USB headset", devices=_devices,
                              available=lambda: (True, ""), meter_source=factory_for)
    qtbot.addWidget(dialog)
    assert not dialog.switch.isChecked()
    assert [dialog.chooser.itemText(i) for i in range(dialog.chooser.count())] == [
        "System default", "USB headset", "Laptop microphone"]
    assert dialog.microphone == "USB headset"
    dialog.check_button.click()
    qtbot.waitUntil(lambda: dialog.meter.value() > 50, timeout=5000)
    assert chosen == [3]
    dialog.switch.setChecked(True)
    dialog.accept()
    assert dialog.level_meter is None  # the meter's worker was stopped and joined


def test_without_a_microphone_the_dialog_says_so(qtbot):
    reason = ("No microphone support on this computer (the PortAudio library is missing). "
              "You can still rehearse without listening.")
    dialog = MicrophoneDialog(True, "", devices=list, available=lambda: (False, reason))
    qtbot.addWidget(dialog)
    assert dialog.status.text() == reason
    assert not dialog.switch.isChecked() and not dialog.switch.isEnabled()
    assert not dialog.check_button.isEnabled()
