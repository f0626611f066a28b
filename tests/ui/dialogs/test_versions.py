"""Versions against the real store: save, list, compare word by word, restore."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from narrative_app.domain import Narrative, PartKind
from narrative_app.method.presets import apply_preset
from narrative_app.text.diff import word_diff
from narrative_app.ui.app_context import AppContext
from narrative_app.ui.dialogs.versions import CURRENT, VersionsDialog
from narrative_app.ui.editor.story_page import StoryPage

FIRST = "At three in the morning I was alone on the ward."
SECOND = "At three in the morning I was on my own on Ward 7."


@pytest.fixture
def opened(controller):
    narrative = Narrative(title="Ward 7", audience="Ward managers")
    apply_preset(narrative, "linked_5")
    narrative.parts[PartKind.SELF].draft = FIRST
    controller.open_narrative(controller.create_narrative(narrative))
    return controller


@pytest.fixture
def dialog(opened, qtbot) -> VersionsDialog:
    widget = VersionsDialog(opened, None)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _save(dialog: VersionsDialog, label: str, qtbot) -> None:
    dialog.label_edit.setFocus()
    qtbot.keyClicks(dialog.label_edit, label)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_word_diff_marks_additions_and_deletions():
    runs = word_diff("I was alone on the ward.", "I was on my own on the ward.")
    removed = "".join(text for kind, text in runs if kind == "removed")
    added = "".join(text for kind, text in runs if kind == "added")
    assert "alone" in removed
    assert "my own" in added
    assert "".join(t for k, t in runs if k != "removed") == "I was on my own on the ward."
    assert "".join(t for k, t in runs if k != "added") == "I was alone on the ward."


def test_save_compare_and_restore_versions(opened, dialog, qtbot, monkeypatch):
    page = StoryPage(opened, PartKind.SELF, AppContext())
    qtbot.addWidget(page)

    _save(dialog, "Before the away day", qtbot)
    assert dialog.list.count() == 1
    assert dialog.list.item(0).text().startswith("Before the away day\n")
    assert "Ward managers" in dialog.list.item(0).text()
    assert dialog.label_edit.text() == ""

    opened.set_draft(PartKind.SELF, SECOND)
    _save(dialog, "After feedback", qtbot)
    versions = dialog.versions()
    assert [v.label for v in versions] == ["After feedback", "Before the away day"]

    dialog.set_compare(versions[1].id, versions[0].id)
    html = dialog.diff_view.toHtml()
    text = dialog.diff_view.toPlainText()
    assert "alone" in text and "my own" in text
    assert "line-through" in html  # deletions struck through, not colour alone
    assert "underline" in html  # additions underlined

    dialog.set_compare(versions[0].id, CURRENT)
    assert "These two are the same." in dialog.diff_view.toPlainText()

    monkeypatch.setattr(QMessageBox, "exec",
                        lambda _box: QMessageBox.StandardButton.Yes.value)
    dialog.list.setCurrentRow(1)  # "Before the away day"
    assert dialog.restore_selected()
    assert opened.current.parts[PartKind.SELF].draft == FIRST
    assert page.editor.text() == FIRST  # the open page shows the restored text
    assert opened.store.get(opened.current.id).parts[PartKind.SELF].draft == FIRST
    labels = [v.label for v in dialog.versions()]
    assert len(labels) == 3  # the text before restoring was kept as a version
    kept = next(v for v in dialog.versions() if v.automatic)
    assert opened.store.version_narrative(kept.id).parts[PartKind.SELF].draft == SECOND


def test_restore_can_be_cancelled(opened, dialog, qtbot, monkeypatch):
    _save(dialog, "One", qtbot)
    opened.set_draft(PartKind.SELF, SECOND)
    monkeypatch.setattr(QMessageBox, "exec",
                        lambda _box: QMessageBox.StandardButton.No.value)
    dialog.list.setCurrentRow(0)
    assert not dialog.restore_selected()
    assert opened.current.parts[PartKind.SELF].draft == SECOND


def test_a_version_needs_a_label(opened, dialog, qtbot):
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 0
    assert "Give the version a short label" in dialog.message.text()
    assert dialog.diff_view.toPlainText().startswith("No versions yet.")
