"""The ask on the Purpose page wraps, so a long ask is seen whole, and stays one paragraph."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

LONG_ASK = ("Will you put your name on the board by the door before Friday, so that every "
            "family we visit from January has a named back-up worker who knows them?")


def _purpose(main_window, qtbot):
    narrative_id = main_window.controller.store.list()[0].id
    main_window.open_narrative(narrative_id, "purpose")
    page = main_window.workspace.purpose_page
    qtbot.waitUntil(page.ask_edit.isVisible)
    return page, narrative_id


def test_a_long_ask_wraps_and_every_word_is_in_view(main_window, qtbot):
    page, narrative_id = _purpose(main_window, qtbot)
    page.ask_edit.setFocus()
    page.ask_edit.selectAll()
    qtbot.keyClicks(page.ask_edit, LONG_ASK)
    edit = page.ask_edit
    line = edit.fontMetrics().lineSpacing()
    qtbot.waitUntil(lambda: edit.height() >= 2 * line)
    assert edit.fontMetrics().horizontalAdvance(LONG_ASK) > edit.viewport().width()  # wraps
    assert edit.verticalScrollBar().maximum() == 0  # no hidden line
    assert edit.document().documentLayout().documentSize().height() * line <= (
        edit.viewport().height() + 2)
    assert main_window.controller.save_now()
    assert main_window.controller.store.get(narrative_id).ask == LONG_ASK


def test_return_goes_on_and_a_pasted_line_break_becomes_a_space(main_window, qtbot):
    page, _ = _purpose(main_window, qtbot)
    edit = page.ask_edit
    edit.setFocus()
    edit.selectAll()
    QGuiApplication.clipboard().setText("Will you join me\nin the rota?")
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(edit.returnPressed):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "Will you join me in the rota?"
    assert main_window.controller.current.ask == "Will you join me in the rota?"
