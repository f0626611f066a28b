"""Users can add their own value card to the sort: saved with the narrative's values, shown
with the other cards, and removable."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from narrative_app.domain import Narrative, PartKind
from narrative_app.method.presets import apply_preset
from narrative_app.ui.workspace.values_page import ValuesPage


@pytest.fixture
def opened(controller):
    narrative = Narrative(title="Values")
    apply_preset(narrative, "linked_5")
    narrative.parts[PartKind.SELF].draft = "Candour came first."
    narrative_id = controller.create_narrative(narrative)
    controller.open_narrative(narrative_id)
    return controller, narrative_id


def _page(controller, qtbot) -> ValuesPage:
    widget = ValuesPage(controller)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _add(page: ValuesPage, name: str, qtbot) -> None:
    page.own_edit.setFocus()
    qtbot.keyClicks(page.own_edit, name)
    qtbot.keyClick(page.own_edit, Qt.Key.Key_Return)


def test_an_own_value_is_a_chosen_card_saved_with_the_values(opened, qtbot):
    controller, narrative_id = opened
    page = _page(controller, qtbot)
    assert page.own_button.text() == "Add your own value"
    _add(page, "Candour", qtbot)
    assert page.checks["Candour"].isVisible() and page.checks["Candour"].isChecked()
    assert page.ranked.item(0).text() == "1.  Candour"
    assert controller.save_now()
    assert controller.store.get(narrative_id).values == ["Candour"]
    again = _page(controller, qtbot)  # as after a relaunch: the card is there, ticked
    assert again.checks["Candour"].isChecked()
    assert len(again.checks) == len(again.cards) + 1


def test_an_own_card_is_removed_by_its_remove_button(opened, qtbot):
    controller, narrative_id = opened
    page = _page(controller, qtbot)
    _add(page, "Candour", qtbot)
    frame = page.checks["Candour"].parentWidget()
    remove = next(b for b in frame.findChildren(type(page.own_button)) if b.text() == "Remove")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    assert "Candour" not in page.checks
    assert page.ranked.count() == 0
    assert controller.save_now()
    assert controller.store.get(narrative_id).values == []


def test_a_value_already_on_a_card_is_ticked_not_duplicated_and_five_is_the_limit(opened,
                                                                                    qtbot):
    controller, _ = opened
    page = _page(controller, qtbot)
    listed = page.cards[0].name
    _add(page, listed.upper(), qtbot)
    assert page.checks[listed].isChecked()
    assert len(page.checks) == len(page.cards)
    for name in ("One", "Two", "Three", "Four"):
        _add(page, name, qtbot)
    _add(page, "Six", qtbot)
    assert "Six" not in page.checks
    assert page.own_note.text() == "You have chosen five. Remove one to add your own."
    assert page.own_edit.text() == "Six"  # kept, so nothing typed is lost
    _add(page, "", qtbot)


def test_the_own_value_example_is_seen_whole_in_a_narrow_page(opened, qtbot):
    controller, _narrative_id = opened
    page = _page(controller, qtbot)
    page.resize(740, 700)  # the values page's width in a 1280-wide window beside the coach
    edit = page.own_edit
    qtbot.waitUntil(lambda: edit.width() < 500)
    assert edit.placeholderText() == "Your own value, such as “Candour”"
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.placeholderText()) + 8
