"""UI: the export dialog (format, layout, paper, full text, preview, last folder, open after)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from narrative_app.domain import PartKind
from narrative_app.export import ExportFormat, render_export
from narrative_app.export.names import suggested_file_name
from narrative_app.export.notes import Layout
from narrative_app.ui.dialogs import export as export_dialog
from narrative_app.ui.dialogs.export import (
    LAST_DIR_KEY,
    ExportDialog,
    export_with_dialog,
)
from narrative_app.ui.dialogs.people import PeopleDialog
from tests.unit.export_fixtures import sample


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    """Modal dialogs replaced: records what was asked, answers as the test says."""
    record: dict = {"save_to": tmp_path / "out", "answer": QMessageBox.StandardButton.Close}
    record["save_to"].mkdir()

    def fake_save(parent, title, start, filters):
        record["start"] = start
        record["filters"] = filters
        return str(record["save_to"] / Path(start).name), filters

    def fake_question(*args, **kwargs):
        record["question"] = args[2]
        return record["answer"]

    def fake_warning(parent, title, text):
        record["warning"] = text

    def fake_open(url):
        record["opened"] = url.toLocalFile()
        return True

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(fake_question))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(fake_warning))
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(fake_open))

    def fake_names(dialog):  # the names dialog: the test sets its rows, then "OK"
        record["names_asked"] = [*dialog.rows]
        for name, text in record.get("describe", {}).items():
            row = dialog.rows[name]
            row.combo.setCurrentIndex(row.combo.findData(text[0]))
            row.description.setText(text[1])
        return record.get("names_answer", QDialog.DialogCode.Accepted)

    monkeypatch.setattr(PeopleDialog, "exec", fake_names)
    return record


def _choose(dialog: ExportDialog, fmt: str, layout: str = "notes") -> None:
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(fmt))
    dialog.layout_combo.setCurrentIndex(dialog.layout_combo.findData(layout))


def test_preview_follows_the_chosen_layout(qtbot):
    dialog = ExportDialog(sample(), author="Alex")
    qtbot.addWidget(dialog)
    _choose(dialog, "docx", "notes")
    assert "Full text" in dialog.preview.toPlainText()
    assert "Before you leave today" in dialog.preview.toPlainText()
    _choose(dialog, "docx", "cards")
    assert "CARD 1 OF 3" in dialog.preview.toPlainText()
    assert not dialog.full_text_check.isEnabled()
    assert dialog.full_text_check.isHidden()  # no ticked box beside cards that leave it out
    _choose(dialog, "docx", "briefing")
    assert "WHY NOW" in dialog.preview.toPlainText()
    _choose(dialog, "md")
    assert dialog.preview.toPlainText().startswith("# Someone who comes back")
    assert not dialog.layout_combo.isEnabled()
    assert not dialog.paper_combo.isEnabled()
    _choose(dialog, "docx", "notes")
    assert not dialog.full_text_check.isHidden()
    dialog.full_text_check.setChecked(False)
    assert "Full text" not in dialog.preview.toPlainText()


@pytest.mark.parametrize("layout", ["notes", "cards", "briefing"])
def test_text_preview_is_what_the_command_line_writes(qtbot, layout):
    narrative = sample()
    dialog = ExportDialog(narrative, author="Alex")
    qtbot.addWidget(dialog)
    _choose(dialog, "txt", layout)
    written = render_export(narrative, "txt", layout=layout, author="Alex").decode("utf-8")
    assert dialog.preview.toPlainText().split() == written.split()


def test_export_saves_remembers_the_folder_and_offers_to_open(qtbot, dialogs):
    dialogs["answer"] = QMessageBox.StandardButton.Open
    dialog = ExportDialog(sample(), author="Alex")
    qtbot.addWidget(dialog)
    _choose(dialog, "docx", "cards")
    dialog.paper_combo.setCurrentIndex(dialog.paper_combo.findData("Letter"))
    with qtbot.waitSignal(dialog.accepted):
        dialog.export_button.click()
    path = dialogs["save_to"] / "Someone who comes back - cue cards.docx"
    assert dialog.saved_path == path
    document = docx.Document(io.BytesIO(path.read_bytes()))
    assert document.core_properties.author == "Alex"
    assert round(document.sections[0].page_width.inches, 1) == 8.5
    assert "Open it now?" in dialogs["question"]
    assert dialogs["opened"] == str(path)
    assert QSettings().value(LAST_DIR_KEY) == str(dialogs["save_to"])
    again = ExportDialog(sample())
    qtbot.addWidget(again)
    assert again.chosen_format is ExportFormat.DOCX
    assert again.chosen_layout is Layout.CARDS
    assert Path(again._start_folder()) == dialogs["save_to"]


def test_export_with_dialog_returns_the_path_or_none(qtbot, dialogs, monkeypatch):
    def run_and_export(self):
        _choose(self, "md")
        self.export()
        return self.result()

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", run_and_export)
    path = export_with_dialog(None, sample())
    assert path is not None and path.suffix == ".md"
    assert path.read_text(encoding="utf-8").startswith("# Someone who comes back\n")
    assert "opened" not in dialogs

    monkeypatch.setattr(export_dialog.ExportDialog, "exec", lambda self: 0)
    assert export_with_dialog(None, sample()) is None


def test_a_failed_export_says_why_and_keeps_the_dialog_open(qtbot, dialogs):
    dialogs["save_to"] = dialogs["save_to"] / "missing-folder"
    dialog = ExportDialog(sample())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.export()
    assert "does not exist" in dialogs["warning"]
    assert dialog.saved_path is None
    assert dialog.isVisible()


def test_cancelling_the_file_dialog_writes_nothing(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    dialog = ExportDialog(sample())
    qtbot.addWidget(dialog)
    dialog.export()
    assert dialog.saved_path is None


def test_suggested_names_are_safe_everywhere():
    n = sample()
    n.title = 'Why: "we" act / now?'
    assert suggested_file_name(n, ExportFormat.PDF, Layout.BRIEFING) == (
        "Why we act now - team briefing.pdf"
    )
    name = suggested_file_name(n, ExportFormat.NARRATIVE, Layout.NOTES)
    assert name == "Why we act now.narrative"


@pytest.mark.parametrize("fmt", ["docx", "narrative", "md"])
def test_exporting_into_the_data_folders_backups_is_refused(qtbot, dialogs, fresh_data_dir, fmt):
    from narrative_app.models.store import NarrativeStore

    NarrativeStore.open(fresh_data_dir).close()  # the env's data folder, with its database
    backups = fresh_data_dir / "backups"
    backups.mkdir(exist_ok=True)
    before = sorted(p.name for p in backups.iterdir())
    dialogs["save_to"] = backups
    dialog = ExportDialog(sample())
    qtbot.addWidget(dialog)
    dialog.show()
    _choose(dialog, fmt)
    dialog.export()
    assert "backups folder" in dialogs["warning"]
    assert "nothing was written" in dialogs["warning"]
    assert dialog.saved_path is None
    assert sorted(p.name for p in backups.iterdir()) == before


def test_the_dialog_refuses_the_data_folder_it_is_given(qtbot, dialogs, tmp_path):
    folder = tmp_path / "elsewhere"
    (folder / "backups").mkdir(parents=True)  # no database yet: only the name tells
    dialogs["save_to"] = folder / "backups"
    dialog = ExportDialog(sample(), data_dir=folder)
    qtbot.addWidget(dialog)
    dialog.export()
    assert "backups folder" in dialogs["warning"]
    assert list((folder / "backups").iterdir()) == []


def test_briefing_asks_about_names_first_remembers_them_and_never_changes_the_draft(
    qtbot, dialogs
):
    narrative = sample()
    draft = narrative.parts[PartKind.SELF].draft
    remembered: list[dict[str, str]] = []
    dialog = ExportDialog(narrative, author="Alex", remember_people=remembered.append)
    qtbot.addWidget(dialog)
    _choose(dialog, "docx", "briefing")
    assert "The briefing is made from: the Occasion" in dialog.hint_label.text()
    assert "Jayden" in dialog.people_label.text() and not dialog.people_button.isHidden()
    dialogs["describe"] = {"Jayden": ("describe", "a seven-year-old boy"),
                           "Kerry": ("initials", "")}
    with qtbot.waitSignal(dialog.accepted):
        dialog.export_button.click()
    assert {"Jayden", "Kerry", "Priya"} <= set(dialogs["names_asked"])
    assert remembered[-1]["Jayden"] == "a seven-year-old boy"
    assert remembered[-1]["Kerry"] == "K."
    assert remembered[-1]["Priya"] == "Priya"  # left as "Keep the name"
    assert narrative.parts[PartKind.SELF].draft == draft  # the draft is never changed
    path = dialogs["save_to"] / "Someone who comes back - team briefing.docx"
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(path.read_bytes())).paragraphs)
    assert "Kerry" not in text and "Jayden" not in text


def test_cancelling_the_names_dialog_exports_nothing(qtbot, dialogs):
    dialog = ExportDialog(sample(), author="Alex")
    qtbot.addWidget(dialog)
    _choose(dialog, "pdf", "cards")
    dialogs["names_answer"] = QDialog.DialogCode.Rejected
    dialog.export_button.click()
    assert "start" not in dialogs  # the save dialog never opened
    assert dialog.saved_path is None
    assert list(dialogs["save_to"].iterdir()) == []


def test_speaking_notes_do_not_ask_about_names(qtbot, dialogs):
    dialog = ExportDialog(sample(), author="Alex")
    qtbot.addWidget(dialog)
    _choose(dialog, "docx", "notes")
    assert dialog.people_button.isHidden()
    with qtbot.waitSignal(dialog.accepted):
        dialog.export_button.click()
    assert "names_asked" not in dialogs
