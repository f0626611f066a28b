"""UI tests: the typed settings wrapper (defaults, round trip, damaged files) and its dialog."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from narrative_app.ui.dialogs.settings import SettingsDialog
from narrative_app.ui.settings import DEFAULTS, AppSettings, PaperSize, Settings, Theme


@pytest.fixture
def ini(tmp_path: Path) -> Path:
    return tmp_path / "settings" / "narrative-coach.ini"


def _settings(path: Path) -> Settings:
    return Settings(QSettings(str(path), QSettings.Format.IniFormat))


CHOSEN = AppSettings(
    pace_wpm=138,
    paper_size=PaperSize.LETTER,
    author_name="Sam Okafor, Head of Service",
    theme=Theme.DARK,
    backups_keep=25,
    backups_dir="/srv/backups/narratives",
    editor_font_family="DejaVu Serif",
    editor_font_size=16,
    spell_check=False,
    spell_language="en_US",
)


def test_a_new_user_gets_the_defaults(ini: Path) -> None:
    loaded = _settings(ini).load()
    assert loaded == DEFAULTS
    assert (loaded.pace_wpm, loaded.paper_size, loaded.theme) == (125, PaperSize.A4, Theme.SYSTEM)
    assert loaded.backups_keep == 10


def test_every_setting_survives_a_restart(ini: Path) -> None:
    assert _settings(ini).save(CHOSEN)
    assert _settings(ini).load() == CHOSEN  # a fresh QSettings reads the file from disk


def test_a_damaged_settings_file_falls_back_to_defaults(qapp: object, ini: Path) -> None:
    ini.parent.mkdir(parents=True)
    junk = b"\x00\xff\xfe[preferences\npace_wpm=@Variant(\x00\x7fjunk)\n"
    ini.write_bytes(junk + bytes(range(256)))
    settings = _settings(ini)
    assert settings.load() == DEFAULTS
    assert settings.welcome_seen is False


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("pace_wpm", "fast"),
        ("pace_wpm", "9000"),
        ("pace_wpm", "1e400"),
        ("paper_size", "A3"),
        ("theme", "purple"),
        ("backups_keep", "0"),
        ("editor_font_size", "-4"),
        ("spell_check", "maybe"),
        ("spell_language", ""),
    ],
)
def test_a_wrong_value_uses_that_setting_default(ini: Path, key: str, raw: str) -> None:
    ini.parent.mkdir(parents=True)
    ini.write_text(f"[preferences]\n{key}={raw}\nauthor_name=Priya\n", encoding="utf-8")
    loaded = _settings(ini).load()
    assert getattr(loaded, key) == getattr(DEFAULTS, key)
    assert loaded.author_name == "Priya"  # the good values around it are kept


def test_odd_types_in_the_file_do_not_crash(ini: Path) -> None:
    ini.parent.mkdir(parents=True)
    ini.write_text(
        "[preferences]\nauthor_name=@Rect(1 2 3 4)\ntheme=@Size(1 2)\n"
        "editor_font_family=@ByteArray(\\xff)\npace_wpm=true\n",
        encoding="utf-8",
    )
    assert _settings(ini).load() == DEFAULTS


def test_the_welcome_is_remembered_once_dismissed(ini: Path) -> None:
    assert _settings(ini).welcome_seen is False
    _settings(ini).mark_welcome_seen()
    assert _settings(ini).welcome_seen is True


def test_dialog_shows_saved_settings_and_saves_changes(qtbot, ini: Path) -> None:
    _settings(ini).save(CHOSEN)
    dialog = SettingsDialog(_settings(ini))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.pace.value() == 138
    assert dialog.paper.currentText() == "Letter"
    assert dialog.author.text() == "Sam Okafor, Head of Service"
    assert dialog.theme.currentText() == "Dark"
    assert dialog.backups_keep.value() == 25
    assert dialog.font_size.value() == 16
    assert not dialog.spell_check.isChecked()
    assert not dialog.spell_language.isEnabled()
    assert dialog.spell_language.currentText() == "English (US)"

    dialog.pace.setValue(118)
    dialog.theme.setCurrentIndex(dialog.theme.findText("Follow my computer"))
    dialog.author.setText("  Dev Patel  ")
    with qtbot.waitSignal(dialog.settingsApplied) as applied:
        dialog.save_button.click()
    chosen = applied.args[0]
    assert (chosen.pace_wpm, chosen.theme, chosen.author_name) == (118, Theme.SYSTEM, "Dev Patel")
    assert not dialog.isVisible()
    assert _settings(ini).load() == chosen


def test_cancel_changes_nothing(qtbot, ini: Path) -> None:
    dialog = SettingsDialog(_settings(ini))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.pace.setValue(150)
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Cancel).click()
    assert _settings(ini).load().pace_wpm == 125


def test_restore_defaults_fills_the_form_with_defaults(qtbot, ini: Path) -> None:
    _settings(ini).save(CHOSEN)
    dialog = SettingsDialog(_settings(ini))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.defaults_button.click()
    assert dialog.current_settings() == DEFAULTS
    assert "usual settings" in dialog.message.text()
    assert _settings(ini).load() == CHOSEN  # nothing saved until Save


def test_choosing_a_backups_folder(qtbot, ini: Path, monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    dialog = SettingsDialog(_settings(ini))
    qtbot.addWidget(dialog)
    dialog.choose_backups.click()
    assert dialog.current_settings().backups_dir == str(tmp_path)
    dialog.default_backups.click()
    assert dialog.current_settings().backups_dir == ""


def test_a_failed_save_says_so_and_keeps_the_dialog_open(qtbot, ini: Path, monkeypatch) -> None:
    settings = _settings(ini)
    monkeypatch.setattr(settings, "save", lambda _s: False)
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.settingsApplied):
        dialog.save_button.click()
    assert dialog.isVisible()
    assert "could not be saved" in dialog.message.text()
    assert dialog.message.isVisibleTo(dialog)


def test_the_system_font_is_kept_unless_a_font_is_chosen(qtbot, ini: Path) -> None:
    dialog = SettingsDialog(_settings(ini))
    qtbot.addWidget(dialog)
    assert dialog.current_settings().editor_font_family == ""
    families = [dialog.font_family.itemText(i) for i in range(dialog.font_family.count())]
    other = next(f for f in families if f != dialog.font_family.currentText())
    dialog.font_family.setCurrentText(other)
    assert dialog.current_settings().editor_font_family == other


def test_theme_can_be_forced_dark_or_light_and_back(qapp) -> None:
    from narrative_app.ui.settings import apply_theme

    original = qapp.palette()

    def base_lightness() -> int:
        return qapp.palette().base().color().lightness()

    try:
        apply_theme(Theme.DARK)
        assert base_lightness() < 100
        text = qapp.palette().text().color().lightness()
        assert text - base_lightness() > 120  # readable contrast
        apply_theme(Theme.LIGHT)
        assert base_lightness() > 180
        apply_theme(Theme.SYSTEM)
        assert qapp.palette().base().color() == original.base().color()
    finally:
        qapp.setPalette(original)


def test_spelling_choices_are_what_the_spell_checker_reads_at_start_up(qtbot) -> None:
    from narrative_app.ui.editor.spell_highlighter import SpellCheckService

    settings = Settings()  # the app's own QSettings, as at start-up
    assert settings.load().spell_check is True
    assert settings.load().spell_language == "en_GB"
    assert settings.save(settings.load().with_changes(spell_check=False,
                                                      spell_language="en_US"))
    service = SpellCheckService.from_settings()
    assert (service.enabled, service.language) == (False, "en_US")


def test_only_installed_dictionaries_are_offered(qtbot, ini: Path, fresh_data_dir: Path) -> None:
    extra = fresh_data_dir / "dictionaries"
    extra.mkdir(parents=True)
    (extra / "cy_GB.txt").write_text("bore\nda\n", encoding="utf-8")
    (extra / "README.txt").write_text("not a dictionary\n", encoding="utf-8")
    dialog = SettingsDialog(_settings(ini), data_dir=fresh_data_dir)
    qtbot.addWidget(dialog)
    codes = [dialog.spell_language.itemData(i) for i in range(dialog.spell_language.count())]
    assert codes == ["cy_GB", "en_GB", "en_US"]
    assert dialog.spell_language.currentData() == "en_GB"
