"""UI: the main window's menus (File, Edit, View, Help), each action with its shortcut.

Shortcuts are shown in the menus and in every action's tooltip, so they can be learnt.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence

from narrative_app.ui.workspace.navigation import NAV_ITEMS, PAGE_KEYS

if TYPE_CHECKING:
    from collections.abc import Callable

    from PySide6.QtWidgets import QMenu

    from narrative_app.ui.main_window import MainWindow

Key = QKeySequence.StandardKey


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainMenus", text)


def _keys(*keys: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    sequences: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, str):
            sequences.append(QKeySequence(key))
        else:
            sequences.extend(QKeySequence.keyBindings(key))
    return [s for s in sequences if not s.isEmpty()]


def _table_keys(action_id: str, *more: QKeySequence.StandardKey | str) -> list[QKeySequence]:
    """The action's keys from the shortcuts table (the one the guide and the shortcuts list
    show), then the platform's own bindings in ``more``, without repeats."""
    from narrative_app.ui.shortcut_table import action_keys

    unique: list[QKeySequence] = []
    for sequence in _keys(*action_keys(action_id), *more):
        if sequence not in unique:
            unique.append(sequence)
    return unique


_PLAIN_TIP = "plainTip"
# Actions whose keys come from the shortcuts table: set just after the first frame (the
# table's TOML reader is ~5 ms of imports, and no menu can be open before then).
TABLE_KEYS: dict[str, tuple[QKeySequence.StandardKey, ...]] = {
    "zoom_in": (Key.ZoomIn,), "zoom_out": (Key.ZoomOut,), "zoom_reset": (),
}


def _show_keys(action: QAction) -> None:
    """The tooltip and status tip: the action's plain text and its first key, to learn it."""
    plain = str(action.property(_PLAIN_TIP) or "")
    keys = action.shortcuts()
    if keys:
        plain += f" ({keys[0].toString(QKeySequence.SequenceFormat.NativeText)})"
    action.setToolTip(plain)
    action.setStatusTip(plain)


def add_table_keys(actions: dict[str, QAction]) -> None:
    """Give the zoom actions their keys from the shortcuts table (after the first frame)."""
    for name, more in TABLE_KEYS.items():
        action = actions.get(name)
        if action is not None and not action.shortcuts():
            action.setShortcuts(_table_keys(name, *more))
            _show_keys(action)


def build_menus(window: MainWindow) -> dict[str, QAction]:
    """Create the menu bar of ``window``; returns its actions by name (for tests and state)."""
    actions: dict[str, QAction] = {}

    def add(menu: QMenu, name: str, text: str, slot: Callable[..., object],
            keys: list[QKeySequence] | None = None, *, checkable: bool = False,
            checked: bool = False, tip: str = "") -> QAction:
        action = QAction(text, window)
        action.setObjectName(f"action_{name}")
        if keys:
            action.setShortcuts(keys)
        action.setCheckable(checkable)
        if checkable:
            action.setChecked(checked)
            action.toggled.connect(slot)
        else:
            action.triggered.connect(slot)
        action.setProperty(_PLAIN_TIP, (tip or text).replace("&", "").rstrip("."))
        _show_keys(action)
        menu.addAction(action)
        window.addAction(action)  # shortcuts work even while the menu bar is hidden
        actions[name] = action
        return action

    bar = window.menuBar()
    bar.lower()  # the first child: a screen reader browses the menus before the page
    file_menu = bar.addMenu(_tr("&File"))
    add(file_menu, "new", _tr("&New narrative"), window.new_narrative, _keys(Key.New))
    add(file_menu, "import", _tr("&Import..."), window.import_file, _keys(Key.Open),
        tip=_tr("Import a .narrative, Markdown or Word file"))
    add(file_menu, "export", _tr("&Export..."), window.export, _keys("Ctrl+E"),
        tip=_tr("Export as speaking notes, cue cards or a briefing"))
    file_menu.addSeparator()
    add(file_menu, "save", _tr("&Save"), window.save, _keys(Key.Save),
        tip=_tr("Save now (saving also happens as you type)"))
    add(file_menu, "save_version", _tr("Save &version..."), window.show_versions,
        _keys("Ctrl+Shift+S"), tip=_tr("Keep a named version of this narrative"))
    add(file_menu, "versions", _tr("Versi&ons..."), window.show_versions,
        _keys("Ctrl+Shift+H"), tip=_tr("Compare and restore saved versions"))
    file_menu.addSeparator()
    add(file_menu, "rehearse", _tr("&Rehearse"), window.rehearse, _keys("Ctrl+R", "F5"),
        tip=_tr("Start a timed rehearsal"))
    file_menu.addSeparator()
    add(file_menu, "quit", _tr("&Quit"), window.close, _keys("Ctrl+Q"))

    edit_menu = bar.addMenu(_tr("&Edit"))
    add(edit_menu, "undo", _tr("&Undo"), partial(window.edit_action, "undo"), _keys(Key.Undo))
    add(edit_menu, "redo", _tr("&Redo"), partial(window.edit_action, "redo"), _keys(Key.Redo))
    edit_menu.addSeparator()
    add(edit_menu, "cut", _tr("Cu&t"), partial(window.edit_action, "cut"), _keys(Key.Cut))
    add(edit_menu, "copy", _tr("&Copy"), partial(window.edit_action, "copy"), _keys(Key.Copy))
    add(edit_menu, "paste", _tr("&Paste"), partial(window.edit_action, "paste"),
        _keys(Key.Paste))
    add(edit_menu, "select_all", _tr("Select &all"), partial(window.edit_action, "select_all"),
        _keys(Key.SelectAll))
    edit_menu.addSeparator()
    add(edit_menu, "find", _tr("&Find..."), window.find_text, _keys(Key.Find),
        tip=_tr("Find in the draft"))
    edit_menu.addSeparator()
    add(edit_menu, "settings", _tr("Se&ttings..."), window.show_settings, _keys("Ctrl+,"),
        tip=_tr("Pace, theme, paper size, backups and editor font"))

    view_menu = bar.addMenu(_tr("&View"))
    add(view_menu, "library", _tr("&Library"), window.show_library, _keys("Ctrl+L"),
        tip=_tr("Go to the library of all your narratives"))
    pages = view_menu.addMenu(_tr("&Go to"))
    labels = dict(item for item in NAV_ITEMS if item)
    for number, key in enumerate(PAGE_KEYS, start=1):
        add(pages, f"page_{key}",
            QCoreApplication.translate("Workspace", labels[key]),
            partial(window.go_to_page, key),
            _keys(f"Ctrl+{number}"))
    view_menu.addSeparator()
    # Their keys (TABLE_KEYS) follow the first frame: add_table_keys.
    add(view_menu, "zoom_in", _tr("Zoom &in"), partial(window.zoom, 1),
        tip=_tr("Larger text in the editors"))
    add(view_menu, "zoom_out", _tr("Zoom &out"), partial(window.zoom, -1),
        tip=_tr("Smaller text in the editors"))
    add(view_menu, "zoom_reset", _tr("&Actual size"), partial(window.zoom, 0))
    view_menu.addSeparator()
    add(view_menu, "focus_mode", _tr("&Focus mode"), window.set_focus_mode, _keys("F11"),
        checkable=True, tip=_tr("Hide everything but the draft (Esc to leave)"))
    add(view_menu, "side_column", _tr("&Coach and time"), window.set_side_column,
        _keys("Ctrl+Shift+C"), checkable=True, checked=True,
        tip=_tr("Show the coach and the time budget beside the page"))

    help_menu = bar.addMenu(_tr("&Help"))
    add(help_menu, "guide", _tr("&Guide"), window.show_guide, _keys("F1"),
        tip=_tr("How to write, time and rehearse a public narrative"))
    add(help_menu, "shortcuts", _tr("&Keyboard shortcuts"), window.show_shortcuts,
        _keys("Ctrl+/"))
    add(help_menu, "show_welcome", _tr("Show the &welcome"), window.show_welcome,
        tip=_tr("Show the welcome above the library again"))
    add(help_menu, "about", _tr("&About Narrative Coach"), window.show_about)
    return actions
