"""UI tests: every setting, changed in the Settings dialog and saved, takes effect where the
user looks: new narratives' pace, export defaults, theme, the draft editor's font, spelling
and the backups (folder and how many are kept)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QTextCharFormat
from PySide6.QtWidgets import QFileDialog, QMessageBox

from narrative_app.domain import PartKind
from narrative_app.models import backups
from narrative_app.ui.dialogs.settings import SettingsDialog
from narrative_app.ui.settings import EditorFont, Settings, Theme

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline




@pytest.fixture
def keep_palette(qapp):
    from narrative_app.ui.settings import apply_theme

    original = qapp.palette()
    yield
    apply_theme(Theme.SYSTEM)  # also lets go of a forced colour scheme
    qapp.setPalette(original)


def change_settings(window, monkeypatch, edit: Callable[[SettingsDialog], None]) -> list[str]:
    """Open Settings from the Edit menu, let ``edit`` change the form, press Save.

    Returns the dialog's message, if it showed one (the dialog then stays open).
    """
    said: list[str] = []

    def run(dialog: SettingsDialog) -> int:
        assert dialog.isModal() or dialog.parent() is window
        edit(dialog)
        dialog.save_button.click()
        if dialog.message.isVisibleTo(dialog):
            said.append(dialog.message.text())
        return dialog.result()

    monkeypatch.setattr(SettingsDialog, "exec", run)
    window.actions_by_name["settings"].trigger()
    return said


def open_sample(window, page: str = "self") -> int:
    narrative_id = window.controller.store.list()[0].id
    assert window.open_narrative(narrative_id, page)
    return narrative_id


def underlined(document) -> list[str]:
    found: list[str] = []
    block = document.firstBlock()
    while block.isValid():
        text = block.text()
        for item in block.layout().formats():
            if item.format.underlineStyle() == WAVY:
                found.append(text[item.start:item.start + item.length])
        block = block.next()
    return found


def test_a_new_narrative_starts_at_the_chosen_pace(main_window, monkeypatch) -> None:
    def slower(dialog: SettingsDialog) -> None:
        dialog.pace.setValue(112)

    change_settings(main_window, monkeypatch, slower)
    main_window.new_narrative()
    assert main_window.controller.current.pace_wpm == 112
    assert main_window.workspace.purpose_page.pace_spin.value() == 112


def test_exports_default_to_the_chosen_paper_and_author(main_window, monkeypatch, qtbot,
                                                        tmp_path: Path) -> None:
    import docx

    from narrative_app.ui.dialogs.export import ExportDialog

    def letter_and_author(dialog: SettingsDialog) -> None:
        dialog.paper.setCurrentIndex(dialog.paper.findText("Letter"))
        qtbot.keyClicks(dialog.author, "Dev Patel, Ward Manager")

    change_settings(main_window, monkeypatch, letter_and_author)
    open_sample(main_window)
    export = ExportDialog(main_window.controller.current, main_window)
    qtbot.addWidget(export)
    assert export.paper_combo.currentText() == "US Letter"
    export.format_combo.setCurrentIndex(export.format_combo.findData("docx"))
    target = tmp_path / "speech.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Close)
    export.export_button.click()
    written = docx.Document(str(target))
    assert written.core_properties.author == "Dev Patel, Ward Manager"
    assert round(written.sections[0].page_width.inches, 1) == 8.5  # US Letter, not A4


def test_the_dark_theme_applies_at_once(main_window, monkeypatch, qtbot, keep_palette) -> None:
    def dark(dialog: SettingsDialog) -> None:
        dialog.theme.setCurrentIndex(dialog.theme.findText("Dark"))

    change_settings(main_window, monkeypatch, dark)
    assert Settings().theme is Theme.DARK
    qtbot.waitUntil(lambda: main_window.palette().base().color().lightness() < 100)


def test_the_draft_editor_uses_the_chosen_font_and_size_at_once(main_window, monkeypatch,
                                                                qtbot) -> None:
    open_sample(main_window)
    editor = main_window.workspace.story_page(PartKind.SELF).editor
    chosen_family = ""

    def bigger_serif(dialog: SettingsDialog) -> None:
        nonlocal chosen_family
        current = dialog.font_family.currentText()
        names = [dialog.font_family.itemText(i) for i in range(dialog.font_family.count())]
        chosen_family = next((n for n in names if "Serif" in n and n != current),
                             next(n for n in names if n != current))
        dialog.font_family.setCurrentText(chosen_family)
        dialog.font_size.setValue(18)

    change_settings(main_window, monkeypatch, bigger_serif)
    assert editor.point_size() == pytest.approx(18)
    assert editor.font().family() == chosen_family
    assert editor.document().defaultFont().pointSizeF() == pytest.approx(18)

    main_window.zoom(1)  # the shared zoom still adds to the chosen size
    qtbot.waitUntil(lambda: editor.point_size() == pytest.approx(19))

    # A narrative's editor built afterwards starts with the chosen font too.
    other = main_window.workspace.story_page(PartKind.NOW).editor
    assert other.font().family() == chosen_family


def test_the_editor_size_is_remembered_for_the_next_launch(main_window, monkeypatch) -> None:
    def small(dialog: SettingsDialog) -> None:
        dialog.font_size.setValue(10)

    change_settings(main_window, monkeypatch, small)
    from narrative_app.ui.editor.markdown_editor import MarkdownEditor

    fresh = MarkdownEditor(font=EditorFont())  # as in a fresh app: read from the settings
    try:
        assert fresh.point_size() == pytest.approx(10)
    finally:
        fresh.deleteLater()


def test_turning_spell_check_off_removes_the_underlines(main_window, monkeypatch,
                                                       qtbot) -> None:
    open_sample(main_window)
    editor = main_window.workspace.story_page(PartKind.SELF).editor
    service = main_window.context.spell
    assert service.wait_until_loaded(10)
    editor.selectAll()
    qtbot.keyClicks(editor, "We recieve every letter.")
    qtbot.waitUntil(lambda: underlined(editor.document()) == ["recieve"])

    def spelling_off(dialog: SettingsDialog) -> None:
        assert dialog.spell_check.isChecked()
        dialog.spell_check.click()
        assert not dialog.spell_language.isEnabled()

    change_settings(main_window, monkeypatch, spelling_off)
    qtbot.waitUntil(lambda: underlined(editor.document()) == [])
    assert Settings().load().spell_check is False

    def spelling_on(dialog: SettingsDialog) -> None:
        dialog.spell_check.click()

    change_settings(main_window, monkeypatch, spelling_on)
    qtbot.waitUntil(lambda: underlined(editor.document()) == ["recieve"])


def test_another_installed_language_can_be_chosen(main_window, monkeypatch, qtbot) -> None:
    open_sample(main_window)
    editor = main_window.workspace.story_page(PartKind.SELF).editor
    editor.selectAll()
    qtbot.keyClicks(editor, "The color of the organisation.")
    service = main_window.context.spell
    assert service.wait_until_loaded(10)
    qtbot.waitUntil(lambda: underlined(editor.document()) == ["color"])

    def american(dialog: SettingsDialog) -> None:
        names = [dialog.spell_language.itemText(i) for i in range(dialog.spell_language.count())]
        assert names[:2] == ["English (UK)", "English (US)"]
        assert dialog.spell_language.currentText() == "English (UK)"
        dialog.spell_language.setCurrentIndex(dialog.spell_language.findText("English (US)"))

    change_settings(main_window, monkeypatch, american)
    assert main_window.context.spell.language == "en_US"
    assert main_window.context.spell.wait_until_loaded(10)
    qtbot.waitUntil(lambda: underlined(editor.document()) == ["organisation"])
    assert Settings().load().spell_language == "en_US"


def test_backups_go_to_the_chosen_folder_and_only_the_chosen_number_is_kept(
        main_window, monkeypatch, tmp_path: Path) -> None:
    chosen = tmp_path / "usb-stick" / "narrative backups"
    chosen.mkdir(parents=True)
    for day in ("20261101", "20261102", "20261103"):
        (chosen / f"narratives-{day}-090000.db").write_bytes(b"old")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(chosen))

    def elsewhere(dialog: SettingsDialog) -> None:
        dialog.choose_backups.click()
        dialog.backups_keep.setValue(2)

    assert change_settings(main_window, monkeypatch, elsewhere) == []
    store = main_window.controller.store
    assert store.backups_folder == chosen
    kept = backups.list_backups(chosen)
    assert len(kept) == 2  # today's copy and the newest old one
    assert backups.quick_check(kept[0].path)
    assert kept[1].path.name == "narratives-20261103-090000.db"
    assert not (store.data_dir / "backups").exists()


def test_a_backups_folder_that_cannot_be_written_is_refused(main_window, monkeypatch,
                                                            tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        lambda *a, **k: str(blocker / "backups"))

    def impossible(dialog: SettingsDialog) -> None:
        dialog.choose_backups.click()

    said = change_settings(main_window, monkeypatch, impossible)
    assert len(said) == 1 and said[0].startswith("Backups cannot be written to ")
    assert "\n" not in said[0]
    assert Settings().load().backups_dir == ""  # nothing saved
    assert main_window.controller.store.backups_folder == main_window.controller.store.data_dir \
        / "backups"


def test_the_app_opens_its_store_with_the_saved_backups_settings(qtbot, messages,
                                                                 fresh_data_dir: Path,
                                                                 tmp_path: Path) -> None:
    from narrative_app.ui.app import start

    chosen = tmp_path / "elsewhere"
    settings = Settings()
    assert settings.save(settings.load().with_changes(backups_keep=3, backups_dir=str(chosen)))
    first = start(fresh_data_dir)  # a brand-new store: nothing to back up yet
    assert first is not None
    qtbot.addWidget(first.window)
    first.window._quitting_anyway = True
    first.window.close()
    first.close()

    second = start(fresh_data_dir)
    assert second is not None
    qtbot.addWidget(second.window)
    try:
        store = second.store
        assert store.backups_folder == chosen
        assert store.wait_for_backup(10) is not None
        assert [b.path.parent for b in backups.list_backups(chosen)] == [chosen]
    finally:
        second.window._quitting_anyway = True
        second.window.close()
        second.close()
