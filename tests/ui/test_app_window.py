"""The main window: menus and shortcuts, the quiet save status, focus mode and layout."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QSettings, Qt

from narrative_app.domain import PartKind


def _open_sample(window) -> int:
    narrative_id = window.controller.store.list()[0].id
    assert window.open_narrative(narrative_id, "us")
    return narrative_id


def test_menus_show_standard_shortcuts_in_text_and_tooltips(main_window):
    actions = main_window.actions_by_name
    expected = {"new": "Ctrl+N", "save": "Ctrl+S", "quit": "Ctrl+Q", "find": "Ctrl+F",
                "zoom_in": "Ctrl++", "zoom_out": "Ctrl+-", "focus_mode": "F11",
                "undo": "Ctrl+Z", "library": "Ctrl+L", "page_self": "Ctrl+3",
                "versions": "Ctrl+Shift+H"}
    for name, keys in expected.items():
        action = actions[name]
        assert action.shortcut().toString() == keys, name
        assert f"({keys})" in action.toolTip(), name
    menus = [a.text() for a in main_window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    assert actions["import"].text() == "&Import..."
    assert actions["save_version"].text() == "Save &version..."


def test_ctrl_s_saves_at_once(main_window, qtbot):
    narrative_id = _open_sample(main_window)
    page = main_window.workspace.story_page(PartKind.US)
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "We all remember the flood.")
    store = main_window.controller.store
    assert store.get(narrative_id).parts[PartKind.US].draft != "We all remember the flood."
    qtbot.keyClick(page.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert store.get(narrative_id).parts[PartKind.US].draft == "We all remember the flood."
    assert main_window.save_indicator.text() == "Saved"


def test_a_failing_save_is_shown_the_text_kept_and_saved_on_retry(main_window, qtbot,
                                                                  monkeypatch):
    narrative_id = _open_sample(main_window)
    store = main_window.controller.store
    real_save = store.save

    def locked(_narrative):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(store, "save", locked)
    page = main_window.workspace.story_page(PartKind.US)
    page.editor.selectAll()
    qtbot.keyClicks(page.editor, "Kept safe")
    qtbot.waitUntil(lambda: main_window.save_indicator.text().startswith("Not saved"),
                    timeout=3000)
    assert main_window.save_indicator.text() == "Not saved: database is locked"
    assert main_window.save_indicator.font().bold()
    assert page.editor.toPlainText() == "Kept safe"

    monkeypatch.setattr(store, "save", real_save)
    qtbot.waitUntil(lambda: main_window.save_indicator.text() == "Saved", timeout=3000)
    assert store.get(narrative_id).parts[PartKind.US].draft == "Kept safe"


def test_quitting_with_an_unsaved_edit_asks_first(main_window, qtbot, monkeypatch, messages):
    _open_sample(main_window)
    monkeypatch.setattr(main_window.controller.store, "save", _disk_full)
    main_window.controller.set_draft(PartKind.US, "Not yet saved")
    main_window.close()
    assert main_window.isVisible()  # the user did not choose to lose their words
    assert len(messages) == 1
    assert messages[0] == ("Not saved: No space left on device. If you quit now, your latest "
                           "changes will be lost.")


def _disk_full(_narrative):
    raise OSError(28, "No space left on device")


def test_undo_goes_to_the_focused_field(main_window, qtbot):
    _open_sample(main_window)
    main_window.workspace.show_page("purpose")
    field = main_window.workspace.purpose_page.audience_edit
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    original = field.text()
    qtbot.keyClicks(field, " and guests")
    assert field.text() == original + " and guests"
    main_window.actions_by_name["undo"].trigger()
    assert field.text() == original
    assert main_window.controller.current.audience == original


def test_focus_mode_hides_all_but_the_draft_and_escape_leaves(main_window, qtbot):
    _open_sample(main_window)
    workspace = main_window.workspace
    assert workspace.side.isVisible()
    main_window.actions_by_name["focus_mode"].trigger()
    assert not workspace.nav_panel.isVisible()
    assert not workspace.side.isVisible()
    page = workspace.story_page()
    assert not page.header.isVisible() and not page.draft_bar.isVisible()
    qtbot.keyClick(workspace, Qt.Key.Key_Escape)
    assert workspace.nav_panel.isVisible()
    assert not main_window.actions_by_name["focus_mode"].isChecked()


def test_the_coach_column_folds_away_first_at_small_widths(main_window, qtbot):
    _open_sample(main_window)
    side = main_window.workspace.side
    assert side.isVisible()
    main_window.resize(1000, 700)
    qtbot.waitUntil(lambda: not side.isVisible())
    main_window.resize(1366, 768)
    qtbot.waitUntil(side.isVisible)


def test_navigation_by_keyboard_and_back_to_the_library(main_window, qtbot):
    _open_sample(main_window)
    qtbot.keyClick(main_window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert main_window.workspace.current_key() == "now"
    main_window.actions_by_name["library"].trigger()
    assert main_window.stack.currentWidget() is main_window.library
    assert main_window.windowTitle() == "Narrative Coach"


def test_opening_or_going_to_a_story_puts_the_cursor_in_its_draft(main_window, qtbot):
    _open_sample(main_window)
    us = main_window.workspace.story_page(PartKind.US).editor
    qtbot.waitUntil(us.hasFocus, timeout=1000)  # not on "Library", where Space goes back
    qtbot.keyClick(main_window.focusWidget(), Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    now = main_window.workspace.story_page(PartKind.NOW).editor
    qtbot.waitUntil(now.hasFocus, timeout=1000)
    before = now.toPlainText()
    qtbot.keyClicks(main_window.focusWidget(), "X")
    assert now.toPlainText() != before and main_window.in_workspace()
    qtbot.keyClick(now, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(main_window.workspace.purpose_page.title_edit.hasFocus, timeout=1000)


def test_session_restores_the_library_when_that_was_last_open(main_window, qtbot):
    narrative_id = _open_sample(main_window)
    main_window.save_session()
    assert int(QSettings().value("session/narrative")) == narrative_id
    main_window.show_library()
    main_window.save_session()
    assert int(QSettings().value("session/narrative")) == 0


def test_a_trashed_narrative_is_not_reopened(main_window, qtbot):
    from narrative_app.ui.main_window import MainWindow

    narrative_id = _open_sample(main_window)
    main_window.save_session()
    main_window.controller.trash(narrative_id)
    other = MainWindow(main_window.controller)
    qtbot.addWidget(other)
    other.restore_session()
    assert other.stack.currentWidget() is other.library


def test_zoom_shortcut_changes_the_draft_text_size(main_window, qtbot):
    _open_sample(main_window)
    editor = main_window.workspace.story_page(PartKind.US).editor
    before = editor.font().pointSizeF()
    main_window.actions_by_name["zoom_in"].trigger()
    assert editor.font().pointSizeF() > before
    main_window.actions_by_name["zoom_reset"].trigger()
    assert editor.font().pointSizeF() == before


def test_the_coach_gets_a_fresh_report_and_its_spans_lead_to_the_text(controller, qtbot,
                                                                       monkeypatch):
    import sys
    import types

    from PySide6.QtCore import Signal
    from PySide6.QtWidgets import QWidget

    from narrative_app.ui.main_window import MainWindow

    class FakeCoachPanel(QWidget):
        spanActivated = Signal(str, int, int)

        def __init__(self) -> None:
            super().__init__()
            self.reports: list[tuple[object, object]] = []

        def set_report(self, report, part) -> None:
            self.reports.append((report, part))

    module = types.ModuleType("narrative_app.ui.workspace.coach_panel")
    module.CoachPanel = FakeCoachPanel
    monkeypatch.setitem(sys.modules, "narrative_app.ui.workspace.coach_panel", module)
    window = MainWindow(controller)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    panel = window.workspace.coach_panel
    assert isinstance(panel, FakeCoachPanel)

    narrative_id = controller.store.list()[0].id
    window.open_narrative(narrative_id, "self")
    qtbot.waitUntil(lambda: bool(panel.reports), timeout=3000)
    report, part = panel.reports[-1]
    assert part == PartKind.SELF
    assert report.parts[PartKind.SELF].words > 0

    panel.reports.clear()
    controller.set_draft(PartKind.SELF, "One short line now.")
    qtbot.waitUntil(lambda: bool(panel.reports), timeout=3000)
    assert panel.reports[-1][0].parts[PartKind.SELF].words == 4

    panel.spanActivated.emit("now", 0, 3)
    assert window.workspace.current_key() == "now"
    window._quitting_anyway = True


def test_tab_never_stops_on_an_invisible_scroll_area(main_window, qtbot):
    from PySide6.QtWidgets import QApplication, QScrollArea

    narrative_id = main_window.controller.store.list()[0].id
    for page in ("purpose", "values", "self"):
        assert main_window.open_narrative(narrative_id, page)
        main_window.workspace.nav.setFocus()
        stops = []
        for _ in range(25):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            stops.append(QApplication.focusWidget())
        assert len({id(w) for w in stops}) > 5
        assert not [w for w in stops if type(w) is QScrollArea or type(w).__name__ == "StoryGuide"]


def test_switching_to_dark_recolours_the_library_cards_and_accent_button(main_window, qtbot):
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from narrative_app.ui.settings import dark_palette

    card = next(iter(main_window.library._cards.values()))
    before = QApplication.palette()
    dark = dark_palette()
    try:
        QApplication.setPalette(dark)
        qtbot.waitUntil(lambda: card.grab().toImage().pixelColor(
            card.width() // 2, card.height() - 4) == dark.color(QPalette.ColorRole.Base),
            timeout=1000)
        button = main_window.library.new_button
        centre = button.grab().toImage().pixelColor(4, button.height() // 2)
        assert centre == dark.color(QPalette.ColorRole.Highlight)
    finally:
        QApplication.setPalette(before)
