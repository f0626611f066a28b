"""Export from the workspace: the names chosen are remembered with the narrative (saved with
it, so a later briefing and the command line apply them) and the drafts stay as written."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from narrative_app.domain import PartKind
from narrative_app.ui.dialogs.export import ExportDialog
from narrative_app.ui.dialogs.people import PeopleDialog


def test_names_chosen_while_exporting_are_saved_with_the_narrative(main_window, monkeypatch):
    narrative_id = main_window.controller.store.list()[0].id
    assert main_window.open_narrative(narrative_id, "self")

    def name_jayden(dialog: PeopleDialog) -> QDialog.DialogCode:
        row = dialog.rows["Jayden"]
        row.combo.setCurrentIndex(row.combo.findData("describe"))
        row.description.setText("a seven-year-old boy")
        return QDialog.DialogCode.Accepted

    def choose_then_close(dialog: ExportDialog) -> QDialog.DialogCode:
        assert dialog.choose_names()
        return QDialog.DialogCode.Rejected  # closed without exporting

    monkeypatch.setattr(PeopleDialog, "exec", name_jayden)
    monkeypatch.setattr(ExportDialog, "exec", choose_then_close)
    main_window.workspace.pages["export"].export()  # the window's own Export page
    assert main_window.controller.save_now()
    stored = main_window.controller.store.get(narrative_id)
    assert stored.people["Jayden"] == "a seven-year-old boy"
    assert stored.people["Kerry"] == "Kerry"  # kept as written
    assert "Jayden" in stored.parts[PartKind.SELF].draft
