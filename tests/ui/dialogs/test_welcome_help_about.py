"""UI tests: the welcome page, the in-app guide, the shortcuts list and the About box."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from narrative_app import __version__
from narrative_app.paths import read_resource_text
from narrative_app.ui.dialogs.about import AboutDialog
from narrative_app.ui.dialogs.help import HelpDialog, ShortcutsDialog, shortcut_groups
from narrative_app.ui.library.welcome import WelcomePage
from tests.conftest import ROOT

AMERICAN = re.compile(r"\b(color|colors|organiz\w*|center|favorite|behavior|honor|analyze)\b", re.I)


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Welcome ------------------------------------------------------------------------------------


def test_welcome_explains_self_us_and_now_in_three_sentences(qtbot) -> None:
    page = WelcomePage()
    qtbot.addWidget(page)
    page.show()
    titles = [card.title_label.text() for card in page.cards]
    assert titles == ["Story of Self", "Story of Us", "Story of Now"]
    sentences = page.sentences()
    assert len(sentences) == 3
    for sentence in sentences:
        assert sentence.endswith(".") and sentence.count(". ") == 0  # one sentence each
        assert len(sentence.split()) <= 25  # plain and short
    assert "your own life" in sentences[0]
    assert "together" in sentences[1]
    assert "one clear" in sentences[2]
    assert page.example_button.text().replace("&", "") == "Look at the example"
    assert page.start_button.text().replace("&", "") == "Start my own"


def test_welcome_buttons_emit_their_signals(qtbot) -> None:
    page = WelcomePage()
    qtbot.addWidget(page)
    page.show()
    with qtbot.waitSignal(page.exampleRequested, timeout=1000):
        qtbot.mouseClick(page.example_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.startRequested, timeout=1000):
        qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(page.exampleRequested):
        page.start_button.click()


# Guide --------------------------------------------------------------------------------------


def test_in_app_guide_is_the_user_guide() -> None:
    assert _script("make_help").main(["--check"]) == 0
    docs = (ROOT / "docs" / "user-guide.md").read_text(encoding="utf-8")
    assert read_resource_text("help", "guide.md") == _script("make_help").in_app_guide(docs)


def test_in_app_copy_drops_images_only() -> None:
    text = "# Guide\n\n![The library](screenshots/library.png)\n\nWords stay.\n"
    assert _script("make_help").in_app_guide(text) == "# Guide\n\nWords stay.\n"


def test_guide_credits_the_method_and_uses_uk_english() -> None:
    guide = read_resource_text("help", "guide.md")
    assert "Marshall Ganz" in guide and "Leading Change Network" in guide
    for heading in ("Story of Self", "Story of Us", "Story of Now", "Keyboard shortcuts"):
        assert heading in guide
    assert not AMERICAN.findall(guide)


def test_guide_lists_every_shortcut() -> None:
    guide = read_resource_text("help", "guide.md")
    for _group, shortcuts in shortcut_groups():
        for shortcut in shortcuts:
            assert f"| {shortcut.action} | {shortcut.keys} |" in guide, shortcut


def test_help_dialog_renders_the_guide_with_contents(qtbot) -> None:
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    text = dialog.browser.toPlainText()
    assert "Narrative Coach: a short guide" in text
    assert "Marshall Ganz" in text
    assert "## The method" not in text and "**public narrative**" not in text  # rendered
    titles = [dialog.contents.item(i).text() for i in range(dialog.contents.count())]
    assert titles[0] == "The method in brief"
    assert "Keyboard shortcuts" in titles and titles[-1] == "Credits"
    bar = dialog.browser.verticalScrollBar()
    assert bar.value() == 0
    dialog.contents.setCurrentRow(titles.index("Keyboard shortcuts"))
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=1000)


def test_help_dialog_never_follows_links_or_loads_images(qtbot, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.load("# Test\n\n[away](https://example.com/) ![pic](file:///etc/passwd)\n\n## Part\n")
    before = dialog.browser.toPlainText()
    dialog.browser.anchorClicked.emit(QUrl("https://example.com/"))
    dialog.browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert opened == []
    assert dialog.browser.toPlainText() == before
    assert dialog.browser.source().isEmpty()
    assert dialog.browser.loadResource(2, QUrl("file:///etc/passwd")) is None


def test_shortcuts_dialog_lists_every_shortcut(qtbot) -> None:
    dialog = ShortcutsDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    rows = dialog.rows()
    expected = [s for _g, shortcuts in shortcut_groups() for s in shortcuts]
    assert len(rows) == len(expected) >= 15
    assert ("Save now", "Ctrl+S") in rows
    assert ("Rehearse", "Ctrl+R") in rows
    assert any(keys == "Ctrl+1 to Ctrl+8" for _action, keys in rows)
    assert ("Blank the screen", "B") in rows
    groups = [dialog.tree.topLevelItem(i).text(0) for i in range(dialog.tree.topLevelItemCount())]
    assert groups == ["Everywhere", "Library", "Writing", "Rehearsing"]


# About --------------------------------------------------------------------------------------


def test_about_shows_version_licence_credits_and_data_folder(qtbot, tmp_path: Path) -> None:
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.version_label.text() == f"Version {__version__}"
    assert "MIT" in dialog.licence_label.text()
    credits = dialog.credits_label.text()
    assert "Marshall Ganz" in credits and "Leading Change Network" in credits
    assert dialog.path_field.text() == str(tmp_path)
    assert dialog.path_field.isReadOnly()
    assert not AMERICAN.findall(credits + dialog.licence_label.text())


def test_open_data_folder_opens_it_in_the_file_manager(qtbot, tmp_path, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    assert opened[0].isLocalFile() and Path(opened[0].toLocalFile()) == tmp_path
    assert not dialog.message.isVisibleTo(dialog)


@pytest.mark.parametrize("exists", [True, False])
def test_open_data_folder_explains_when_it_cannot(qtbot, tmp_path, monkeypatch, exists) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or False)
    folder = tmp_path if exists else tmp_path / "not-yet"
    dialog = AboutDialog(folder)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.open_data_folder() is False
    assert dialog.message.isVisibleTo(dialog)
    if exists:
        assert len(opened) == 1
        assert "Copy its location" in dialog.message.text()
    else:
        assert opened == []
        assert "does not exist yet" in dialog.message.text()


def test_copy_location_puts_the_path_on_the_clipboard(qtbot, tmp_path: Path) -> None:
    from PySide6.QtGui import QGuiApplication

    dialog = AboutDialog(tmp_path)
    qtbot.addWidget(dialog)
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == str(tmp_path)


def test_help_follows_a_theme_change(qtbot, qapp) -> None:
    from narrative_app.ui.settings import dark_palette

    dialog = HelpDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    original = qapp.palette()
    try:
        qapp.setPalette(dark_palette())
        wash = dark_palette().color(dark_palette().ColorRole.AlternateBase).name()
        qtbot.waitUntil(lambda: wash in dialog.browser.document().defaultStyleSheet(), timeout=1000)
        assert "Marshall Ganz" in dialog.browser.toPlainText()
    finally:
        qapp.setPalette(original)
