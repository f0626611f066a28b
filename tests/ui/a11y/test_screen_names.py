"""UI accessibility: every screen walked offscreen; every focusable control has a name that
starts with its visible label, and no label's name hides its text (WCAG 1.3.1, 2.5.3, 4.1.2)."""

from __future__ import annotations

import pytest
from a11y_audit import audit
from PySide6.QtWidgets import QApplication, QWidget

from narrative_app.ui.workspace.navigation import PAGE_KEYS


def _settle(qtbot, window: QWidget) -> None:
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()


def _assert_clean(window: QWidget) -> None:
    problems = audit(window)
    assert not problems, "\n".join(problems)


def test_library_and_welcome(main_window, qtbot) -> None:
    assert main_window.welcome is not None  # a first run shows the welcome banner
    _settle(qtbot, main_window)
    _assert_clean(main_window)


def test_empty_library(main_window, qtbot) -> None:
    main_window.dismiss_welcome()
    for narrative in main_window.controller.store.list():
        main_window.controller.store.trash(narrative.id)
    main_window.library.refresh()
    _settle(qtbot, main_window)
    _assert_clean(main_window)


def test_library_cards_with_the_sample(main_window, qtbot) -> None:
    main_window.library.add_example()
    _settle(qtbot, main_window)
    _assert_clean(main_window)


@pytest.mark.parametrize("key", PAGE_KEYS)
def test_each_workspace_page(main_window, qtbot, key: str) -> None:
    main_window.library.add_example()
    narrative_id = main_window.library.selected_id()
    assert main_window.open_narrative(narrative_id, key)
    _settle(qtbot, main_window)
    assert main_window.workspace.current_key() == key
    _assert_clean(main_window)


def _dialogs(main_window):
    from narrative_app.ui.dialogs.about import AboutDialog
    from narrative_app.ui.dialogs.export import ExportDialog
    from narrative_app.ui.dialogs.help import HelpDialog, ShortcutsDialog
    from narrative_app.ui.dialogs.settings import SettingsDialog
    from narrative_app.ui.dialogs.versions import VersionsDialog
    from narrative_app.ui.settings import Settings

    controller = main_window.controller
    return {
        "settings": lambda: SettingsDialog(Settings(), main_window),
        "export": lambda: ExportDialog(controller.current, main_window),
        "versions": lambda: VersionsDialog(controller, main_window),
        "guide": lambda: HelpDialog(main_window),
        "shortcuts": lambda: ShortcutsDialog(main_window),
        "about": lambda: AboutDialog(controller.store.data_dir, main_window),
    }


@pytest.mark.parametrize("name", ["settings", "export", "versions", "guide", "shortcuts",
                                  "about"])
def test_each_dialog(main_window, qtbot, name: str) -> None:
    main_window.library.add_example()
    assert main_window.open_narrative(main_window.library.selected_id(), "self")
    main_window.controller.save_version("First full draft")
    dialog = _dialogs(main_window)[name]()
    qtbot.addWidget(dialog)
    _settle(qtbot, dialog)
    _assert_clean(dialog)
