"""The live time budget: green, amber and red as words are added, in words as well as colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette

from narrative_app.domain import Narrative, PartKind
from narrative_app.method.presets import apply_preset
from narrative_app.text.timing import BudgetState
from narrative_app.ui.app_context import AppContext
from narrative_app.ui.editor.story_page import StoryPage
from narrative_app.ui.widgets.common import state_colour
from narrative_app.ui.workspace.budget_view import BudgetView


@pytest.fixture
def opened(controller):
    narrative = Narrative(title="Budget")
    apply_preset(narrative, "linked_5")  # Self 2:00, Us 1:15, Now 1:45 = 5:00
    narrative.pace_wpm = 125
    controller.open_narrative(controller.create_narrative(narrative))
    return controller


def _first_ink(label) -> tuple[int, int]:
    """A pixel of the label's text (the first that differs from its background)."""
    image = label.grab().toImage()
    background = image.pixelColor(0, 0)
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixelColor(x, y) != background:
                return x, y
    raise AssertionError("the label shows no text")


def _words(n: int) -> str:
    return " ".join(["word"] * n)


def test_budget_turns_amber_then_red_as_words_are_typed(opened, qtbot):
    view = BudgetView(opened)
    page = StoryPage(opened, PartKind.SELF, AppContext())
    for widget in (view, page):
        qtbot.addWidget(widget)
        widget.show()
    assert view.texts(PartKind.SELF) == ("0:00 of 2:00", "within time")
    assert view.texts(None) == ("0:00 of 5:00", "within time")

    # 250 words at 125 a minute is exactly the 2:00 target: still green.
    QGuiApplication.clipboard().setText(_words(250))
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.texts(PartKind.SELF)[0] == "2:00 of 2:00", timeout=2000)
    assert view.state(PartKind.SELF) is BudgetState.GREEN
    assert view.texts(PartKind.SELF)[1] == "within time"

    qtbot.keyClicks(page.editor, " " + _words(20))  # 2:10: within 15% over
    qtbot.waitUntil(lambda: view.state(PartKind.SELF) is BudgetState.AMBER, timeout=2000)
    assert view.texts(PartKind.SELF) == ("2:10 of 2:00", "just over, by 0:10")

    qtbot.keyClicks(page.editor, " " + _words(20))  # 2:19: more than 15% over
    qtbot.waitUntil(lambda: view.state(PartKind.SELF) is BudgetState.RED, timeout=2000)
    assert view.texts(PartKind.SELF) == ("2:19 of 2:00", "over by 0:19")
    assert view.state(None) is BudgetState.GREEN  # the whole is still within 5:00
    assert "over by 0:19" in view._rows[PartKind.SELF].bar.accessibleName()
    # The story's own header says it in words, in the same red as the bar.
    page.update_timing()
    assert page.time_state_label.text() == "over by 0:19"
    red = state_colour(page.palette(), BudgetState.RED).name()
    assert page.time_state_label.styleSheet() == f"color: {red};"
    assert page.time_state_label.grab().toImage().pixelColor(
        *_first_ink(page.time_state_label)).name() != page.palette().color(
        QPalette.ColorRole.PlaceholderText).name()


def test_total_adds_up_every_story_and_follows_the_pace(opened, qtbot):
    view = BudgetView(opened)
    qtbot.addWidget(view)
    opened.set_draft(PartKind.SELF, _words(125))
    opened.set_draft(PartKind.US, _words(125))
    opened.set_draft(PartKind.NOW, _words(125) + "\n\n" + _words(125) + " [pause]")
    view.refresh()
    assert view.texts(PartKind.NOW)[0] == "2:02 of 1:45"  # 2:00 + a paragraph break + a pause
    assert view.texts(PartKind.NOW)[1] == "over by 0:17"
    assert view.texts(None) == ("4:02 of 5:00", "within time")
    assert view.pace_label.text() == "At 125 words a minute."
    opened.set_meta(pace_wpm=250)
    view.refresh()
    assert view.texts(None)[0] == "2:02 of 5:00"


def test_no_target_says_so(opened, qtbot):
    view = BudgetView(opened)
    qtbot.addWidget(view)
    opened.set_target(PartKind.US, 0)
    view.refresh()
    assert view.texts(PartKind.US) == ("0:00", "no target")
    assert view.state(PartKind.US) is BudgetState.NONE


def test_without_a_narrative_the_budget_is_empty(controller, qtbot):
    controller.close_narrative()
    view = BudgetView(controller)
    qtbot.addWidget(view)
    assert view.pace_label.text() == "Open a narrative to see its timing."
