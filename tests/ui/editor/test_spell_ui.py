"""UI tests: spell-check underlines, the background re-check, the context menu, the fallback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit

from narrative_app.spell import personal_dictionary_path
from narrative_app.ui.app_context import AppContext
from narrative_app.ui.editor.spell_highlighter import SpellCheckService, spell_error_colour
from narrative_app.ui.editor.spell_menu import SpellContextMenu, install_spell_menu
from narrative_app.ui.editor.spell_underline import SpellUnderliner, attach_spell_check

WAVY = QTextCharFormat.UnderlineStyle.SpellCheckUnderline


def underlined(document: QTextDocument) -> list[str]:
    """The text of every spell-check underline, in document order."""
    found: list[str] = []
    block = document.firstBlock()
    while block.isValid():
        wide = block.text().encode("utf-16-le")  # Qt positions count UTF-16 code units
        for item in block.layout().formats():
            if item.format.underlineStyle() == WAVY:
                piece = wide[2 * item.start:2 * (item.start + item.length)]
                found.append(piece.decode("utf-16-le"))
        block = block.next()
    return found


@pytest.fixture
def service(fresh_data_dir: Path) -> SpellCheckService:
    spell = SpellCheckService(fresh_data_dir)
    yield spell
    spell.wait_until_loaded(10)
    spell.shutdown()


@pytest.fixture
def editor(qtbot, service: SpellCheckService) -> QPlainTextEdit:
    widget = QPlainTextEdit()
    qtbot.addWidget(widget)
    widget.resize(600, 300)
    widget.show()
    highlighter = attach_spell_check(widget, service)
    widget.spell_highlighter = highlighter  # keep it alive with the widget
    qtbot.waitUntil(lambda: service.active and not highlighter.spell.checking)
    return widget


def test_done_when_typing_british_english_shows_no_underline(qtbot, editor) -> None:
    qtbot.keyClicks(editor, "I organised the programme for paediatric carers")
    assert underlined(editor.document()) == []


def test_misspelt_and_american_words_are_underlined_in_the_error_colour(qtbot, editor) -> None:
    qtbot.keyClicks(editor, "We recieve the color ")
    assert underlined(editor.document()) == ["recieve", "color"]
    block = editor.document().firstBlock()
    colours = {item.format.underlineColor().name() for item in block.layout().formats()}
    assert colours == {spell_error_colour(editor.palette()).name()}


def test_underline_colour_follows_light_and_dark_palettes() -> None:
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Base, "#ffffff")
    dark.setColor(QPalette.ColorRole.Base, "#1e1e1e")
    for palette in (light, dark):
        colour = spell_error_colour(palette)
        assert colour.hslHue() < 15 or colour.hslHue() > 345  # a red
        base = palette.color(QPalette.ColorRole.Base)
        assert abs(colour.lightness() - base.lightness()) > 60  # readable on the page


def test_names_added_to_the_dictionary_lose_their_underline(qtbot, editor, service,
                                                            fresh_data_dir: Path) -> None:
    qtbot.keyClicks(editor, "Amara and Joaquim")
    assert underlined(editor.document()) == ["Amara", "Joaquim"]
    menu = SpellContextMenu(editor, service).build_menu(word_position(editor, "Amara"))
    action_named(menu, "Add “Amara” to dictionary").trigger()
    qtbot.waitUntil(lambda: underlined(editor.document()) == ["Joaquim"])
    saved = personal_dictionary_path(fresh_data_dir).read_text(encoding="utf-8").splitlines()
    assert saved[-1] == "Amara"


def test_ignore_clears_the_word_for_this_session(qtbot, editor, service) -> None:
    qtbot.keyClicks(editor, "Joaquim and recieve")
    menu = SpellContextMenu(editor, service).build_menu(word_position(editor, "Joaquim"))
    action_named(menu, "Ignore “Joaquim”").trigger()
    qtbot.waitUntil(lambda: underlined(editor.document()) == ["recieve"])
    assert "Joaquim" not in personal_dictionary_path(service.data_dir).read_text(encoding="utf-8")


def test_context_menu_offers_receive_first_and_replaces_undoably(qtbot, editor, service) -> None:
    qtbot.keyClicks(editor, "We recieve letters")
    menu = SpellContextMenu(editor, service).build_menu(word_position(editor, "recieve"))
    texts = [action.text() for action in menu.actions()]
    assert texts[0] == "receive"
    assert "Add “recieve” to dictionary" in texts and "Ignore “recieve”" in texts
    assert any("Copy" in text for text in texts)  # the standard actions are still there
    assert menu.actions()[0].font().bold()
    menu.actions()[0].trigger()
    assert editor.toPlainText() == "We receive letters"
    assert underlined(editor.document()) == []
    editor.undo()
    assert editor.toPlainText() == "We recieve letters"


def test_no_spelling_actions_on_a_correct_word(qtbot, editor, service) -> None:
    qtbot.keyClicks(editor, "We receive letters")
    menu = SpellContextMenu(editor, service).build_menu(word_position(editor, "receive"))
    assert not any("dictionary" in action.text() for action in menu.actions())


def test_line_edit_menu_replaces_the_word(qtbot, service) -> None:
    line = QLineEdit()
    qtbot.addWidget(line)
    line.resize(400, 30)
    line.show()
    handler = install_spell_menu(line, service)
    service.ensure_loading()
    qtbot.waitUntil(lambda: service.active)
    line.setText("Our programe")
    x = line.cursorRect().right() - 10
    menu = handler.build_menu(QPoint(x, line.height() // 2))
    assert menu.actions()[0].text() == "programme"
    menu.actions()[0].trigger()
    assert line.text() == "Our programme"


DRAFT_PARAGRAPH = ("I organised the programme and we recieve letters from paediatric carers "
                   "who travelled to the centre. ") * 6
DRAFT = "\n\n".join([DRAFT_PARAGRAPH] * 60)  # about 5,400 words


@pytest.mark.parametrize("loaded_first", [True, False])
def test_whole_draft_is_checked_in_the_background_in_chunks(qtbot, service,
                                                            loaded_first: bool) -> None:
    editor = QTextEdit()
    qtbot.addWidget(editor)
    highlighter = attach_spell_check(editor, service)  # as editors do, before any text
    if loaded_first:
        qtbot.waitUntil(lambda: service.active and not highlighter.spell.checking)
    edits: list[int] = []
    editor.textChanged.connect(lambda: edits.append(1))
    editor.setPlainText(DRAFT)
    assert edits == [1]  # the load itself
    # Opening never waits for spelling: at most the first blocks are checked at once.
    assert len(underlined(editor.document())) < 6 * 60
    assert not loaded_first or highlighter.spell.checking
    qtbot.waitUntil(lambda: service.active and not highlighter.spell.checking, timeout=10_000)
    assert underlined(editor.document()) == ["recieve"] * 6 * 60
    assert edits == [1]  # checking never counts as an edit (no autosave churn)
    assert editor.toPlainText() == DRAFT


class SlowClock:
    """A stand-in for ``time`` in the highlighter: every reading is 2 ms later, as on a
    loaded machine (the flake this test once showed: a keystroke's paragraph deferred)."""

    def __init__(self) -> None:
        self.now = 0.0

    def perf_counter(self) -> float:
        self.now += 0.002
        return self.now


def test_typing_in_a_long_draft_rechecks_only_that_paragraph(qtbot, service,
                                                             monkeypatch) -> None:
    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    highlighter = attach_spell_check(editor, service)
    editor.setPlainText(DRAFT)
    qtbot.waitUntil(lambda: service.active and not highlighter.spell.checking, timeout=10_000)
    import narrative_app.ui.editor.spell_underline as module

    monkeypatch.setattr(module, "time", SlowClock())
    checked: list[str] = []
    original = service.misspelt

    def counting(text: str):
        checked.append(text)
        return original(text)

    service.misspelt = counting  # instance attribute: this test only
    cursor = editor.textCursor()
    cursor.setPosition(len(DRAFT_PARAGRAPH) + 2)  # the start of the second paragraph
    editor.setTextCursor(cursor)
    qtbot.keyClicks(editor, "Teh ")
    assert len(checked) == len("Teh ")  # one paragraph per keystroke, not the draft
    assert underlined(editor.document()).count("Teh") == 1


def test_underlines_keep_the_highlighters_own_formats(qtbot, service) -> None:
    class BoldHighlighter(QSyntaxHighlighter):
        def __init__(self, document: QTextDocument) -> None:
            super().__init__(document)
            self.spell = SpellUnderliner(self, service)

        def highlightBlock(self, text: str) -> None:
            bold = QTextCharFormat()
            bold.setFontWeight(QFont.Weight.Bold)
            self.setFormat(0, len(text.encode("utf-16-le")) // 2, bold)
            self.spell.underline_block(text)

    editor = QPlainTextEdit()
    qtbot.addWidget(editor)
    highlighter = BoldHighlighter(editor.document())
    qtbot.waitUntil(lambda: service.active and not highlighter.spell.checking)
    qtbot.keyClicks(editor, "recieve ")
    editor.insertPlainText("😀")  # QTest cannot type characters outside the BMP
    qtbot.keyClicks(editor, " teh")
    assert underlined(editor.document()) == ["recieve", "teh"]  # UTF-16 positions after emoji
    for item in editor.document().firstBlock().layout().formats():
        assert item.format.fontWeight() == QFont.Weight.Bold


def test_missing_dictionary_turns_off_says_so_once_and_editing_goes_on(
        qtbot, fresh_data_dir: Path) -> None:
    service = SpellCheckService(fresh_data_dir, language="xx_YY")
    told: list[str] = []
    service.unavailable.connect(told.append)
    first, second = QPlainTextEdit(), QPlainTextEdit()
    for widget in (first, second):
        qtbot.addWidget(widget)
    with qtbot.waitSignal(service.unavailable, timeout=5000):
        first_highlighter = attach_spell_check(first, service)
    second_highlighter = attach_spell_check(second, service)
    qtbot.keyClicks(first, "recieve teh")
    qtbot.keyClicks(second, "recieve teh")
    assert first.toPlainText() == second.toPlainText() == "recieve teh"
    assert underlined(first.document()) == underlined(second.document()) == []
    assert len(told) == 1
    assert told[0].startswith("Spell check is off:") and "\n" not in told[0]
    assert service.checker.disabled and not service.active
    assert first_highlighter and second_highlighter


def test_turning_spell_check_off_removes_underlines(qtbot, editor, service) -> None:
    qtbot.keyClicks(editor, "recieve")
    assert underlined(editor.document()) == ["recieve"]
    service.configure(enabled=False)
    qtbot.waitUntil(lambda: underlined(editor.document()) == [])
    service.configure(enabled=True)
    qtbot.waitUntil(lambda: underlined(editor.document()) == ["recieve"])


def test_settings_pick_the_language(qtbot, qt_settings, fresh_data_dir: Path) -> None:
    qt_settings.setValue("preferences/spell_language", "en_US")
    qt_settings.setValue("preferences/spell_check", "true")
    context = AppContext()
    try:
        service = context.use_data_folder(fresh_data_dir)
        assert context.spell is service
        assert service.language == "en_US" and service.enabled
    finally:
        context.shutdown()


# --------------------------------------------------------------------------- helpers
def word_position(editor: QPlainTextEdit, word: str) -> QPoint:
    """A viewport point in the middle of ``word`` (first occurrence)."""
    cursor = editor.textCursor()
    cursor.setPosition(editor.toPlainText().index(word) + len(word) // 2)
    return editor.cursorRect(cursor).center()


def action_named(menu: QMenu, text: str):
    for action in menu.actions():
        if action.text() == text:
            return action
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")


def test_the_dictionary_loader_is_owned_and_joined_at_quit(qtbot, service) -> None:
    service.ensure_loading()
    workers = list(service._executor._threads)  # this service's own loader
    assert workers
    service.shutdown()  # as the app does on quit
    assert not [t for t in workers if t.is_alive()]
