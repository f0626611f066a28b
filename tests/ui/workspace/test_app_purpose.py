"""The Purpose page: time slots, custom per-part times, pace and the ask, all saved as typed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from narrative_app.domain import PartKind


def _purpose(main_window):
    narrative_id = main_window.controller.store.list()[0].id
    main_window.open_narrative(narrative_id, "purpose")
    return main_window.workspace.purpose_page, narrative_id


def test_choosing_a_preset_sets_every_part_and_the_total(main_window):
    page, _ = _purpose(main_window)
    page.slot_combo.setCurrentIndex(page.slot_combo.findData("self_2"))
    assert [page.part_edits[k].text() for k in PartKind] == ["2:00", "", ""]
    assert page.total_label.text() == "Total 2:00"
    current = main_window.controller.current
    assert current.preset == "self_2"
    assert current.parts[PartKind.SELF].target_seconds == 120


def test_a_custom_time_per_part_switches_to_custom(main_window, qtbot):
    page, narrative_id = _purpose(main_window)
    edit = page.part_edits[PartKind.US]
    edit.selectAll()
    qtbot.keyClicks(edit, "1:30")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.slot_combo.currentData() == "custom"
    assert page.total_label.text() == "Total 5:15"
    assert main_window.controller.save_now()
    stored = main_window.controller.store.get(narrative_id)
    assert stored.preset == "custom"
    assert stored.parts[PartKind.US].target_seconds == 90


def test_a_time_that_is_not_a_time_is_explained_and_not_applied(main_window, qtbot):
    page, _ = _purpose(main_window)
    assert page.slot_hint.isHidden()  # nothing to say: no empty line under the times
    edit = page.part_edits[PartKind.NOW]
    edit.selectAll()
    qtbot.keyClicks(edit, "soon")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.slot_hint.text() == "Story of Now: use minutes and seconds, such as 1:30."
    assert not page.slot_hint.isHidden()
    assert main_window.controller.current.parts[PartKind.NOW].target_seconds == 105
    edit.selectAll()
    qtbot.keyClicks(edit, "1:40")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert page.slot_hint.isHidden() and page.slot_hint.text() == ""


def test_the_ask_and_pace_are_saved_and_the_ask_shows_on_the_now_page(main_window, qtbot):
    page, narrative_id = _purpose(main_window)
    page.ask_edit.clear()
    qtbot.keyClicks(page.ask_edit, "Will you join me in the rota?")
    page.pace_spin.setValue(140)
    assert main_window.controller.save_now()
    stored = main_window.controller.store.get(narrative_id)
    assert stored.ask == "Will you join me in the rota?"
    assert stored.pace_wpm == 140
    now_page = main_window.workspace.story_page(PartKind.NOW)
    assert now_page.field_editors["ask"].value() == "Will you join me in the rota?"


def test_clearing_the_title_keeps_a_sensible_name(main_window, qtbot):
    page, _ = _purpose(main_window)
    page.title_edit.clear()
    qtbot.keyClicks(page.title_edit, " ")
    assert page.title_edit.text() == " "  # what was typed stays while typing
    assert main_window.controller.current.title == "Untitled narrative"
    assert main_window.windowTitle() == "Narrative Coach - Untitled narrative"


def test_set_up_by_keyboard_ends_with_the_cursor_in_the_self_draft(main_window, qtbot):
    main_window.new_narrative()
    page = main_window.workspace.purpose_page
    assert page.setup_mode and page.title_edit.hasFocus()
    qtbot.keyClicks(page.ask_edit, "Will you join me on Thursday?")
    qtbot.keyClick(page.ask_edit, Qt.Key.Key_Return)  # Return after the ask: start writing
    assert main_window.workspace.current_key() == "self"
    editor = main_window.workspace.story_page(PartKind.SELF).editor
    qtbot.waitUntil(editor.hasFocus, timeout=1000)
    qtbot.keyClicks(main_window.focusWidget(), "Ward 7")
    assert editor.toPlainText() == "Ward 7"


def test_return_on_a_focused_set_up_button_presses_it(main_window, qtbot):
    main_window.new_narrative()
    page = main_window.workspace.purpose_page
    page.skip_button.setFocus()
    qtbot.keyClick(page.skip_button, Qt.Key.Key_Return)
    assert main_window.workspace.current_key() == "self"


def test_what_happens_next_wraps_is_saved_and_feeds_the_briefing(main_window, qtbot):
    from narrative_app.export import render_export

    page, narrative_id = _purpose(main_window)
    assert page.next_edit.value().startswith("Sam pairs each name")  # the sample's own
    assert page.next_edit.lineWrapMode() == page.next_edit.LineWrapMode.WidgetWidth
    page.next_edit.setFocus()
    page.next_edit.selectAll()
    qtbot.keyClicks(page.next_edit, "Names to Priya by Friday.")
    assert main_window.controller.save_now()
    stored = main_window.controller.store.get(narrative_id)
    assert stored.next_step == "Names to Priya by Friday."
    text = render_export(stored, "txt", layout="briefing").decode("utf-8")
    assert "WHAT HAPPENS NEXT" in text and "Names to Priya by Friday." in text
