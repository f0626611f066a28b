"""Rehearsal for keyboard and screen-reader users: names that say what is seen, buttons that
take focus, single-key shortcuts that can be turned off or changed, F5 from the main window,
and runs that can be deleted from the history."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
)

from narrative_app.domain import Narrative, PartKind, PartSplit, RehearsalRun
from narrative_app.method.presets import apply_preset
from narrative_app.rehearsal.engine import Phase
from narrative_app.ui.dialogs.help import shortcut_groups
from narrative_app.ui.rehearsal import window as window_module
from narrative_app.ui.rehearsal.history import RehearsalHistoryPage
from narrative_app.ui.rehearsal.keys import RehearsalKeysDialog
from narrative_app.ui.rehearsal.stage import TextView
from narrative_app.ui.rehearsal.window import RehearsalWindow
from tests.ui.rehearsal.shown import history_rows


class Clock:
    def __init__(self) -> None:
        self.now = 10.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def narrative(controller) -> Narrative:
    n = Narrative(title="Why I stayed", pace_wpm=120)
    apply_preset(n, "linked_5")
    n.parts[PartKind.SELF].draft = "It was three in the morning on Ward 7. The bell rang."
    narrative_id = controller.create_narrative(n)
    assert controller.open_narrative(narrative_id)
    return controller.current


@pytest.fixture
def no_questions(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Discard)


def open_window(qtbot, controller, narrative, clock=None) -> RehearsalWindow:
    window = RehearsalWindow(controller, narrative, clock=clock or Clock())
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_the_window_is_a_window_and_its_lists_are_named(qtbot, controller, narrative,
                                                       no_questions):
    window = open_window(qtbot, controller, narrative)
    assert QAccessible.queryAccessibleInterface(window).role() == QAccessible.Role.Window
    assert window.accessibleName() == "Rehearse: Why I stayed"
    hud = window.hud
    assert hud.view_box.accessibleName() == "View"
    assert hud.view_caption.text() == "View:" and hud.view_caption.buddy() is hud.view_box
    assert hud.view_box.focusPolicy() != Qt.FocusPolicy.NoFocus
    hud.view_box.showPopup()  # the open list is dark in the dark view, like the box
    popup = hud.view_box.view()
    background = window.palette().color(QPalette.ColorRole.Window)
    assert popup.window().palette().color(QPalette.ColorRole.Window) == background
    assert popup.palette().color(QPalette.ColorRole.Base).lightness() < 60
    assert type(hud.view_box.itemDelegate()) is QStyledItemDelegate  # not drawn as a menu
    hud.view_box.hidePopup()


def test_accessible_names_start_with_the_visible_label(qtbot, controller, narrative,
                                                      no_questions):
    window = open_window(qtbot, controller, narrative)
    buttons = window.hud.controls.buttons
    assert buttons["zoom_out"].text().startswith("A− Smaller")
    assert buttons["zoom_in"].text().startswith("A+ Larger")
    window.on_start()
    window.tick()
    assert buttons["toggle"].text() == "Pause (Space)"
    for key, button in buttons.items():
        assert button.accessibleName().startswith(button.text()), key
    assert window.hud.timer_label.accessibleName() == "Part timer: 2:00 left"
    assert window.hud.progress.accessibleDescription().startswith(
        "Story of Self: 0:00 of 2:00, within time; Story of Us: 0:00 of 1:15")


def test_buttons_take_focus_from_tab_and_space_or_enter_press_them(qtbot, controller,
                                                                  narrative, no_questions):
    window = open_window(qtbot, controller, narrative)
    buttons = window.hud.controls.buttons
    assert window.focusWidget() is window  # a clicker's keys reach the window's shortcuts
    qtbot.keyClick(window, Qt.Key.Key_Tab)
    assert window.focusWidget() is buttons["toggle"]  # Tab reaches the buttons, in row order
    window.setFocus()
    assert all(b.focusPolicy() == Qt.FocusPolicy.TabFocus for b in buttons.values())
    blank = buttons["blank"]
    blank.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(blank.hasFocus)
    qtbot.keyClick(blank, Qt.Key.Key_Space)
    assert window.blanked  # the focused button was pressed ...
    assert window.engine.phase is Phase.READY  # ... and Space did not start the run
    window.toggle_blank()
    nxt = buttons["toggle"]
    nxt.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(nxt.hasFocus)
    qtbot.keyClick(nxt, Qt.Key.Key_Return)
    assert window.engine.phase is Phase.RUNNING  # Enter pressed "Start"
    assert window.mode.value == "telling"  # and did not keep a run


def test_single_key_shortcuts_can_be_turned_off_and_keys_changed(qtbot, controller, narrative,
                                                                 no_questions):
    window = open_window(qtbot, controller, narrative)
    panel = window.finish_panel
    assert (panel.keep_button.text(), panel.discard_button.text()) == ("Keep run (PgDown)",
                                                                       "Don't keep (Del)")
    window.set_keys(True, {"next": ("N",)})
    assert panel.keep_button.text() == "Keep run (N)"  # the finish screen names the new key
    assert window.hud.controls.buttons["next"].text() == "Next (N)"
    window.set_keys(False, {})
    qtbot.keyClick(window, Qt.Key.Key_V)
    assert window.stage.view is TextView.CUES  # V is off
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.blanked  # the clicker keys stay on
    qtbot.keyClick(window, Qt.Key.Key_B)
    assert window.hud.controls.buttons["theme"].text() == "Colours"  # no key to show
    window.set_keys(True, {"blank": ("X",)})
    assert window.hud.controls.buttons["blank"].text() == "Blank (X)"
    qtbot.keyClick(window, Qt.Key.Key_X)
    assert window.blanked
    window.close()
    again = open_window(qtbot, controller, narrative)  # the choice is remembered
    assert again.commands.keys("blank") == ["X"]
    rows = {s.action: s.keys for name, group in shortcut_groups() if name == "Rehearsing"
            for s in group}
    assert rows["Blank the screen"] == "X"  # the shortcuts list follows the user's keys


def test_the_keys_dialog_gives_the_choice(qtbot, controller, narrative, no_questions,
                                          monkeypatch):
    dialog = RehearsalKeysDialog(True, {})
    qtbot.addWidget(dialog)
    dialog.single_keys.setChecked(False)
    dialog.edits["view"].setKeySequence(QKeySequence("W"))
    dialog.edits["mirror"].clear()
    assert dialog.remap() == {"view": ("W",), "mirror": ()}
    dialog.restore_defaults()
    assert dialog.single_keys.isChecked() and dialog.remap() == {}

    def accept(self) -> int:
        self.single_keys.setChecked(False)
        self.edits["view"].setKeySequence(QKeySequence("W"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(window_module.RehearsalKeysDialog, "exec", accept)
    window = open_window(qtbot, controller, narrative)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert window.commands.single_keys is False
    qtbot.keyClick(window, Qt.Key.Key_W)
    assert window.stage.view is TextView.FULL


def test_f5_starts_a_rehearsal_from_the_main_window(main_window, qtbot, no_questions):
    narrative_id = main_window.controller.store.list()[0].id
    assert main_window.open_narrative(narrative_id, "us")
    qtbot.keyClick(main_window, Qt.Key.Key_F5)
    page = main_window.workspace.pages["rehearse"]
    qtbot.waitUntil(lambda: page.window_ref is not None and page.window_ref.isVisible())
    page.window_ref.close()
    # Wait for the closed window to be gone, so no focus change for it is left queued.
    qtbot.waitUntil(lambda: page.window_ref is None)


def _run(narrative_id: int, day: int, seconds: float, words: int) -> RehearsalRun:
    return RehearsalRun(narrative_id=narrative_id, started_at=datetime(2025, 3, day, 9),
                        total_seconds=seconds,
                        splits=[PartSplit(PartKind.SELF, seconds, 120, words)])


def test_a_run_can_be_deleted_with_the_delete_key_or_the_menu(qtbot, controller, narrative,
                                                              monkeypatch):
    fast = controller.add_run(_run(narrative.id, 1, 5, 250))
    controller.add_run(_run(narrative.id, 2, 120, 240))
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    asked: list[str] = []

    def yes(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    assert history_rows(page)[1][6] == "not counted: too fast (3000 a minute)"
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    page.table.selectRow(1)  # the older, too-fast run
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert "This cannot be undone" in asked[0]
    assert fast not in [r.id for r in controller.store.list_runs(narrative.id)]
    assert page.table.rowCount() == 1

    rect = page.table.visualItemRect(page.table.item(0, 0))
    page.table.customContextMenuRequested.emit(rect.center())
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    menu = QApplication.activePopupWidget()
    assert [a.text() for a in menu.actions()] == ["Delete run..."]
    menu.actions()[0].trigger()
    menu.close()
    # Let the window system hand focus back before the page goes: a focus change still
    # queued for a deleted popup crashes Qt's offscreen platform.
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
    qtbot.waitUntil(page.isActiveWindow)
    assert controller.store.list_runs(narrative.id) == []
    assert page.table.rowCount() == 0
    assert controller.effective_pace() == 120


def test_the_purpose_page_shows_the_measured_pace_once_in_use(main_window):
    controller = main_window.controller
    narrative_id = controller.store.list()[0].id
    main_window.open_narrative(narrative_id, "purpose")
    page = main_window.workspace.purpose_page
    assert page.measured_label.isHidden()
    controller.add_run(_run(narrative_id, 1, 120, 300))  # 150 words a minute
    assert not page.measured_label.isHidden()
    assert "your measured pace, 150 words a minute" in page.measured_label.text()
