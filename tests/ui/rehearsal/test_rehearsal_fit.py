"""The rehearsal view at 1366x768: nothing a speaker or listener reads is cut off."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from narrative_app.rehearsal.display import Mode
from narrative_app.ui.rehearsal.window import RehearsalWindow


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(autouse=True)
def no_questions(monkeypatch):
    """Closing the window mid-run asks whether to keep it: answer "Discard", never block."""
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(QMessageBox, "exec", lambda *_a, **_k: QMessageBox.StandardButton.Discard)


def _window(qtbot, controller, **kwargs) -> tuple[RehearsalWindow, Clock]:
    controller.open_narrative(controller.store.list()[0].id)  # the sample
    clock = Clock()
    window = RehearsalWindow(controller, controller.current, clock=clock, countdown=False,
                             **kwargs)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    return window, clock


def test_every_feedback_hint_is_seen_whole(qtbot, controller):
    window, clock = _window(qtbot, controller, peer=True)
    window.on_start()
    clock.now += 120
    window.tick()
    window.on_escape()  # Esc
    window.tick()
    assert window.mode is Mode.FEEDBACK
    for field in window.feedback_card.fields.values():
        hint = field.placeholderText()
        qtbot.waitUntil(lambda f=field: f.isVisible())
        assert field.width() >= field.fontMetrics().horizontalAdvance(hint) + 8, hint
