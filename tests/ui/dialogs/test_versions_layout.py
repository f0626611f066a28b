"""The Versions dialog keeps its left column readable and lists each version compactly,
even with long audiences, occasions and labels (as after a relaunch with real versions)."""

from __future__ import annotations

import pytest

from narrative_app.domain import PartKind
from narrative_app.ui.dialogs.versions import VersionsDialog

LONG_AUDIENCE = "Northfield children's social work and family support team (about 40 people)"
LONG_OCCASION = "Team away day: launching the named back-up worker pilot"


@pytest.fixture
def versions_dialog(controller, qtbot):
    sample_id = controller.store.list()[0].id
    controller.open_narrative(sample_id)
    controller.set_meta(audience=LONG_AUDIENCE, occasion=LONG_OCCASION)
    first = controller.save_version("First full draft", LONG_AUDIENCE, LONG_OCCASION)
    controller.set_draft(PartKind.SELF, "A different telling.")
    controller.save_now()
    controller.restore_version(first.id)
    controller.save_version("For the board", "Trust board", LONG_OCCASION)
    dialog = VersionsDialog(controller, None)
    qtbot.addWidget(dialog)
    dialog.resize(700, 500)  # smaller than its default: the left column must still read
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_label_placeholder_is_not_squeezed(versions_dialog):
    edit = versions_dialog.label_edit
    placeholder = edit.placeholderText()
    assert placeholder == "For example: Before the away day"
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(placeholder) + 8


def test_each_version_takes_two_lines_and_its_tooltip_says_it_all(versions_dialog):
    view = versions_dialog.list
    assert view.count() == 3
    line = view.fontMetrics().lineSpacing()
    for row in range(view.count()):
        item = view.item(row)
        assert view.visualItemRect(item).height() <= 2 * line + 8, item.text()
    assert LONG_AUDIENCE in view.item(1).toolTip()
    assert view.item(1).text().startswith("Before restoring ‘First full draft’\n")


def test_a_long_audience_shows_its_start_and_the_compare_lists_show_a_whole_version(
    controller, qtbot
):
    sample_id = controller.store.list()[0].id
    controller.open_narrative(sample_id)
    controller.set_meta(audience=LONG_AUDIENCE, occasion=LONG_OCCASION)
    controller.save_version("First full draft")
    dialog = VersionsDialog(controller, None)
    qtbot.addWidget(dialog)
    dialog.show()  # at its own size, 960x640
    qtbot.waitExposed(dialog)
    for edit in (dialog.audience_edit, dialog.occasion_edit):
        assert edit.cursorPosition() == 0  # "Northfield children's ...", not "...40 people)"
    box = dialog.old_box
    assert box.currentText().startswith("First full draft (")
    assert box.width() >= box.fontMetrics().horizontalAdvance(box.currentText()) + 24
