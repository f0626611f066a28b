"""UI accessibility: the rehearsal window walked offscreen as a screen reader meets it: the
set-up, the live view in each view mode, peer feedback, the finish screen (with and without
a listening report), the listening set-up and indicator, and the history. Every focusable
control has a name that starts with its visible label; no label's name hides its text
(WCAG 1.3.1, 2.5.3, 4.1.2)."""

from __future__ import annotations

from datetime import datetime

import pytest
from a11y_audit import audit
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from narrative_app import bundle
from narrative_app.domain import Narrative, PartKind, PartSplit, RehearsalRun
from narrative_app.paths import resource_path
from narrative_app.ui.rehearsal.keys import RehearsalKeysDialog
from narrative_app.ui.rehearsal.microphone import MicrophoneDialog
from narrative_app.ui.rehearsal.stage import TextView
from narrative_app.ui.rehearsal.window import RehearsalWindow


class Clock:
    def __init__(self) -> None:
        self.now = 10.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def sample(controller) -> Narrative:
    narrative = bundle.read_file(resource_path("sample", "sample.narrative"))
    narrative_id = controller.create_narrative(narrative)
    assert controller.open_narrative(narrative_id)
    return controller.current


@pytest.fixture(autouse=True)
def no_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Discard)


def _settle(qtbot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()


def _assert_clean(window: QWidget) -> None:
    problems = audit(window)
    assert not problems, "\n".join(problems)


def _window(qtbot, controller, sample, **kwargs) -> tuple[RehearsalWindow, Clock]:
    clock = Clock()
    window = RehearsalWindow(controller, sample, clock=clock, countdown=False, **kwargs)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    _settle(qtbot, window)
    return window, clock


def test_the_set_up(qtbot, controller, sample) -> None:
    window, _clock = _window(qtbot, controller, sample)
    assert window.hud.controls.buttons["listen"].isVisible()  # the set-up row is shown
    _assert_clean(window)


@pytest.mark.parametrize("view", list(TextView))
def test_the_live_view(qtbot, controller, sample, view: TextView) -> None:
    window, clock = _window(qtbot, controller, sample, view=view)
    window.on_start()
    clock.now += 30
    window.tick()
    QApplication.processEvents()
    assert window.stage.view is view
    _assert_clean(window)


def test_peer_feedback(qtbot, controller, sample) -> None:
    window, clock = _window(qtbot, controller, sample, peer=True)
    window.on_start()
    clock.now += 30
    window.on_escape()
    QApplication.processEvents()
    assert window.body.currentWidget() is window.feedback_card
    _assert_clean(window)


def test_the_finish_screen(qtbot, controller, sample) -> None:
    window, clock = _window(qtbot, controller, sample)
    window.on_start()
    clock.now += 30
    window.on_escape()
    QApplication.processEvents()
    assert window.finish_panel.keep_button.isVisible()
    _assert_clean(window)
    window.keep_run()
    QApplication.processEvents()
    assert window.finish_panel.again_button.isVisible()
    _assert_clean(window)


def test_the_finish_screen_with_a_listening_report(qtbot, controller, sample) -> None:
    window, clock = _window(qtbot, controller, sample)
    window.on_start()
    clock.now += 30
    window.on_escape()
    window.finish_panel.show_speech(
        "<table><tr><td>Overall</td><td>118 a minute</td></tr></table>",
        ["Overall: 118 a minute."])
    QApplication.processEvents()
    speech = window.finish_panel.speech
    assert speech.isVisible()
    assert speech.accessibleName() == "Overall: 118 a minute."  # the table said in words
    problems = audit(window, alternatives=(speech,))
    assert not problems, "\n".join(problems)


def test_the_blanked_screen(qtbot, controller, sample) -> None:
    window, _clock = _window(qtbot, controller, sample)
    window.on_start()
    window.toggle_blank()
    QApplication.processEvents()
    assert window.pages.currentWidget() is window.blank_page
    _assert_clean(window)


def test_the_keys_set_up(qtbot) -> None:
    dialog = RehearsalKeysDialog(True, {})
    qtbot.addWidget(dialog)
    _settle(qtbot, dialog)
    _assert_clean(dialog)


def test_the_listening_indicator(qtbot, controller, sample) -> None:
    window, _clock = _window(qtbot, controller, sample)
    window.voice.badge.show_state("● Listening: the microphone is on.")
    QApplication.processEvents()
    assert window.voice.badge.isVisible()
    _assert_clean(window)


def test_the_listening_set_up(qtbot) -> None:
    dialog = MicrophoneDialog(True, "", devices=lambda: [(3, "USB headset")],
                              available=lambda: (True, ""))
    qtbot.addWidget(dialog)
    _settle(qtbot, dialog)
    assert dialog.switch.isEnabled() and dialog.chooser.isEnabled()
    _assert_clean(dialog)


def test_the_history_with_runs(main_window, qtbot) -> None:
    main_window.library.add_example()
    narrative_id = main_window.library.selected_id()
    controller = main_window.controller
    for day, seconds in ((1, 100.0), (2, 160.0)):
        controller.add_run(RehearsalRun(
            narrative_id=narrative_id, started_at=datetime(2025, 3, day, 9),
            total_seconds=seconds, notes="Slower in the Now",
            splits=[PartSplit(PartKind.SELF, seconds, 120, 240)]))
    assert main_window.open_narrative(narrative_id, "rehearse")
    _settle(qtbot, main_window)
    assert main_window.workspace.pages["rehearse"].history.table.rowCount() == 2
    _assert_clean(main_window)
