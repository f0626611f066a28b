"""The workspace's Export page hands the open narrative and the data folder to the dialog."""

from __future__ import annotations

from narrative_app.ui.workspace.feature_pages import ExportPage


def test_export_page_passes_the_data_folder_to_the_dialog(qtbot, controller, monkeypatch):
    import narrative_app.ui.dialogs.export as export_dialog

    seen: dict[str, object] = {}

    def fake_export(parent, narrative, author="", *, data_dir=None, **_others):
        seen.update(title=narrative.title, data_dir=data_dir)

    monkeypatch.setattr(export_dialog, "export_with_dialog", fake_export)
    narrative_id = controller.narratives()[0].id
    controller.open_narrative(narrative_id)
    page = ExportPage(controller)
    qtbot.addWidget(page)
    page.button.click()
    assert seen == {"title": controller.current.title, "data_dir": controller.data_dir}
