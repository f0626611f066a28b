"""Translations: the catalogue for the user's language is loaded; anything else stays English."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from narrative_app.ui.translations import (
    available_catalogues,
    install_translator,
    installed_languages,
    remove_translators,
)

ROOT = Path(__file__).resolve().parents[2]
FRENCH = QLocale(QLocale.Language.French, QLocale.Country.France)
TS_TEMPLATE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
<context>
    <name>MainWindow</name>
    <message>
        <source>Untitled narrative</source>
        <translation>Récit sans titre</translation>
    </message>
</context>
</TS>
"""


def _scripts_module():
    path = ROOT / "scripts" / "translations.py"
    spec = importlib.util.spec_from_file_location("translations_script", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look the module up while creating classes
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def app(qapp):
    remove_translators(qapp)
    yield qapp
    remove_translators(qapp)  # never leave another test in French


@pytest.fixture
def french_catalogue(tmp_path: Path) -> Path:
    lrelease = _scripts_module().find_tool("lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease is not available to build a test catalogue")
    ts_file = tmp_path / "narrative_app_fr.ts"
    ts_file.write_text(TS_TEMPLATE, encoding="utf-8")
    subprocess.run([str(lrelease), "-silent", str(ts_file)], check=True)
    assert (tmp_path / "narrative_app_fr.qm").is_file()
    return tmp_path


def _untitled() -> str:
    return QCoreApplication.translate("MainWindow", "Untitled narrative")


def test_a_present_catalogue_is_loaded_for_the_locale(app, french_catalogue: Path):
    assert install_translator(app, FRENCH, directory=french_catalogue) is True
    assert _untitled() == "Récit sans titre"
    assert installed_languages() == ["fr_FR"]
    assert available_catalogues(french_catalogue) == ["fr"]


def test_a_missing_catalogue_falls_back_to_english(app, french_catalogue: Path):
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    assert install_translator(app, german, directory=french_catalogue) is False
    assert _untitled() == "Untitled narrative"
    assert installed_languages() == []


def test_an_empty_or_missing_folder_falls_back_to_english(app, tmp_path: Path):
    assert install_translator(app, FRENCH, directory=tmp_path / "nowhere") is False
    assert install_translator(app, FRENCH, directory=tmp_path) is False
    assert _untitled() == "Untitled narrative"


def test_a_damaged_catalogue_falls_back_to_english(app, tmp_path: Path):
    (tmp_path / "narrative_app_fr.qm").write_bytes(b"\x00not a catalogue\xff" * 20)
    assert install_translator(app, FRENCH, directory=tmp_path) is False
    assert _untitled() == "Untitled narrative"


def test_switching_back_removes_the_previous_catalogue(app, french_catalogue: Path):
    install_translator(app, FRENCH, directory=french_catalogue)
    assert _untitled() == "Récit sans titre"
    install_translator(app, QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
                       directory=french_catalogue)
    assert _untitled() == "Untitled narrative"


def test_the_shipped_catalogues_load_without_error(app):
    # English (UK) is the source: the template is never compiled, so English loads nothing.
    uk = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert install_translator(app, uk) is False
    assert "en_GB" not in available_catalogues()


def test_extraction_finds_strings_behind_translate_helpers(tmp_path: Path):
    script = _scripts_module()
    module = tmp_path / "sample_ui.py"
    module.write_text(
        "from PySide6.QtCore import QCoreApplication\n"
        "def _tr(text):\n"
        "    return QCoreApplication.translate('SampleCard', text)\n"
        "LABEL = _tr('Open the example')\n"
        "def build(w: 'RehearsalWindow', p: 'QWidget'):\n"
        "    tr = w.tr\n"
        "    other = p.tr\n"
        "    return tr('Start'), other('Keep?'), _tr(f'{w}')\n",
        encoding="utf-8",
    )
    script.ROOT = tmp_path  # locations are reported relative to the repository root
    found, warnings = script.scan_module(module)
    pairs = {(f.context, f.text) for f in found}
    assert pairs == {("SampleCard", "Open the example"), ("RehearsalWindow", "Start")}
    assert any("has no known context" in w for w in warnings)
    assert any("f-string" in w for w in warnings)


def test_mixin_strings_are_filed_under_the_class_that_uses_them(tmp_path: Path):
    script = _scripts_module()
    module = tmp_path / "page.py"
    module.write_text(
        "from PySide6.QtWidgets import QWidget\n"
        "class ActionsMixin:\n"
        "    def rename(self):\n"
        "        return self.tr('Rename')\n"
        "class LibraryPage(ActionsMixin, QWidget):\n"
        "    pass\n",
        encoding="utf-8",
    )
    script.ROOT = tmp_path
    found, drop, _warnings = script.scan_mixins([module])
    assert [(f.context, f.text) for f in found] == [("LibraryPage", "Rename")]
    assert drop == {"ActionsMixin"}
    ts = "<context>\n  <name>ActionsMixin</name>\n</context>\n<context><name>Keep</name></context>"
    assert script.drop_contexts(ts, drop) == "<context><name>Keep</name></context>"
