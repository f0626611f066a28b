"""One source for shortcut text: the menus, the shortcuts list and the guide say the same
keys (the menus take them from the shortcuts table the other two show)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from PySide6.QtGui import QKeySequence

from narrative_app.paths import read_resource_text
from narrative_app.ui.dialogs.help import ShortcutsDialog

ROOT = Path(__file__).resolve().parents[3]
NATIVE = QKeySequence.SequenceFormat.NativeText


def _table_rows() -> list[dict]:
    data = tomllib.loads(read_resource_text("help", "shortcuts.toml"))
    return [row for group in data["group"] for row in group["shortcuts"]]


def test_zoom_reads_the_same_in_the_menu_the_shortcuts_list_and_the_guide(main_window, qtbot):
    menu_keys = main_window.actions_by_name["zoom_in"].shortcut().toString(NATIVE)
    assert menu_keys == "Ctrl++"
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    assert ("Larger text", menu_keys) in dialog.rows()
    guide = read_resource_text("help", "guide.md")
    assert f"| Larger text | {menu_keys} |" in guide
    assert "Ctrl+=" not in main_window.actions_by_name["zoom_in"].toolTip()


def test_every_menu_shortcut_in_the_table_is_the_one_the_menu_shows(main_window, qtbot):
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    listed: dict[str, str] = {}
    for action_text, keys in dialog.rows():  # the main window's rows come before rehearsal's
        listed.setdefault(action_text, keys)
    checked = 0
    for row in _table_rows():
        if "id" not in row:
            continue
        action = main_window.actions_by_name[row["id"]]
        shown = [s.toString(NATIVE) for s in action.shortcuts()]
        wanted = [QKeySequence(k).toString(NATIVE) for k in row["keys"].split(" or ")]
        assert shown[: len(wanted)] == wanted, row["id"]
        assert listed[row["action"]] == " or ".join(wanted), row["id"]
        checked += 1
    assert checked >= 15


def test_ctrl_equals_still_zooms_in(main_window):
    keys = [s.toString() for s in main_window.actions_by_name["zoom_in"].shortcuts()]
    assert "Ctrl+=" in keys[1:]  # works without Shift, but the menu shows Ctrl++
