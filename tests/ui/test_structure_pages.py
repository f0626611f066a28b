"""Every workspace page and every dialog of the main window is its real class (issue 14: a
broken page fails here, it is never hidden behind a placeholder)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from narrative_app.ui.workspace.navigation import PAGE_KEYS

PAGE_CLASSES = {
    "purpose": "PurposePage", "values": "ValuesPage", "self": "StoryPage", "us": "StoryPage",
    "now": "StoryPage", "link": "LinkPage", "rehearse": "RehearsePage", "export": "ExportPage",
}


def test_every_workspace_page_is_its_real_class(main_window) -> None:
    main_window.open_narrative(main_window.controller.narratives()[0].id)
    pages = main_window.workspace.pages
    assert set(pages) == set(PAGE_KEYS)
    assert {key: type(page).__name__ for key, page in pages.items()} == PAGE_CLASSES
    assert type(main_window.workspace.coach_panel).__name__ == "CoachPanel"
    assert type(main_window.workspace.budget_view).__name__ == "BudgetView"


@pytest.mark.parametrize(("method", "dialog"), [
    ("show_guide", "HelpDialog"), ("show_settings", "SettingsDialog"),
    ("show_shortcuts", "ShortcutsDialog"), ("show_about", "AboutDialog"),
    ("show_versions", "VersionsDialog"),
])
def test_every_dialog_is_its_real_class(main_window, monkeypatch, method: str,
                                        dialog: str) -> None:
    shown: list[str] = []

    def fake_exec(self: QDialog) -> int:
        shown.append(type(self).__name__)
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    main_window.open_narrative(main_window.controller.narratives()[0].id)
    getattr(main_window, method)()
    assert shown == [dialog]
