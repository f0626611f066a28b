"""The Markdown draft editor: highlighting, plain-text paste, loading without undo, bad input."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPalette, QTextCharFormat
from PySide6.QtWidgets import QApplication

from narrative_app.ui.editor.markdown_editor import (
    LINE_HEIGHT_PERCENT,
    MarkdownEditor,
    MarkdownHighlighter,
)


@pytest.fixture
def editor(qtbot) -> MarkdownEditor:
    widget = MarkdownEditor()
    qtbot.addWidget(widget)
    widget.resize(700, 400)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _format_at(editor: MarkdownEditor, block_number: int, word: str):
    """The highlighter's char format at the first character of ``word`` (None: plain)."""
    block = editor.document().findBlockByNumber(block_number)
    index = block.text().index(word)
    ranges = block.layout().formats()
    for fmt_range in ranges:
        if fmt_range.start <= index < fmt_range.start + fmt_range.length:
            return QTextCharFormat(fmt_range.format)  # a copy outlives the range list
    return None


def _formats(editor: MarkdownEditor, block_number: int) -> list[tuple[str, object]]:
    block = editor.document().findBlockByNumber(block_number)
    text = block.text()
    ranges = block.layout().formats()
    return [(text[r.start:r.start + r.length], QTextCharFormat(r.format)) for r in ranges]


def test_headings_emphasis_strong_and_pauses_are_highlighted(editor):
    editor.set_text("# Ward 7\n\nI was *alone* and **afraid**. [pause] Then I stayed.")
    QApplication.processEvents()
    assert _format_at(editor, 0, "Ward").fontWeight() == QFont.Weight.Bold
    assert _format_at(editor, 2, "alone").fontItalic()
    assert _format_at(editor, 2, "afraid").fontWeight() == QFont.Weight.Bold
    pause = _format_at(editor, 2, "[pause]")
    assert pause is not None
    assert pause.foreground().color() != editor.palette().color(QPalette.ColorRole.Text)
    assert _format_at(editor, 2, "Then") is None  # plain words stay plain
    assert _format_at(editor, 2, "I was") is None


def test_highlight_colours_come_from_the_palette(editor):
    palette = QPalette(editor.palette())
    palette.setColor(QPalette.ColorRole.PlaceholderText, Qt.GlobalColor.darkMagenta)
    editor.setPalette(palette)
    editor.set_text("**strong**")
    QApplication.processEvents()
    markers = [fmt for text, fmt in _formats(editor, 0) if text == "**"]
    assert markers
    assert markers[0].foreground().color() == palette.color(QPalette.ColorRole.PlaceholderText)


def test_loading_text_is_not_an_edit_and_cannot_be_undone(editor, qtbot):
    edits: list[str] = []
    editor.edited.connect(edits.append)
    editor.set_text("Loaded story")
    assert edits == []
    assert not editor.document().isUndoAvailable()
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor, "!")
    assert edits[-1] == "Loaded story!"
    editor.undo()
    editor.undo()
    assert editor.text() == "Loaded story"


def test_paste_is_always_plain_text(editor):
    mime = QMimeData()
    mime.setHtml("<b>bold</b> <img src='http://example.com/x.png'>")
    mime.setText("bold")
    editor.insertFromMimeData(mime)
    assert editor.text() == "bold"
    assert "img" not in editor.toHtml().lower().split("<body")[1]


def test_new_paragraphs_keep_the_comfortable_line_height(editor, qtbot):
    editor.set_text("One")
    editor.setFocus()
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "Two")
    block = editor.document().lastBlock()
    assert block.text() == "Two"
    assert block.blockFormat().lineHeight() == LINE_HEIGHT_PERCENT


def test_awkward_text_round_trips_exactly(editor, qtbot):
    text = (
        "\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd \u4e2d\u6587 \U0001f600 "
        "a\u00a0b \x00\x01\x1b\t*x* [pause]\n\n# \U0001f469\u200d\u2695\ufe0f"
    )
    QGuiApplication.clipboard().setText(text)
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == text
    editor.set_text(text)
    assert editor.text() == text


def test_a_huge_single_line_block_is_highlighted_without_trouble(editor):
    line = "**" + "*a* _b_ [pause] " * 70_000  # about 1 MB, one block, an unclosed marker
    editor.set_text(line)
    QApplication.processEvents()
    assert editor.text() == line
    assert editor.document().blockCount() == 1


def test_highlighter_handles_text_before_wide_characters(qapp):
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    highlighter = MarkdownHighlighter(document, qapp.palette())
    document.setPlainText("\U0001f600\U0001f600 *em*")
    highlighter.rehighlight()
    block = document.firstBlock()
    ranges = [(r.start, r.length) for r in block.layout().formats() if r.format.fontItalic()]
    # Two emoji are four UTF-16 units, then a space and "*": "em" starts at 6 (not 4).
    assert ranges == [(6, 2)]


def test_zoom_steps_change_the_point_size(editor):
    base = editor.point_size()
    editor.set_zoom_steps(3)
    assert editor.point_size() == pytest.approx(base + 3)
    editor.set_zoom_steps(0)
    assert editor.point_size() == pytest.approx(base)


def _lowest_ink_row(editor: MarkdownEditor) -> int:
    image = editor.viewport().grab().toImage()
    base = editor.palette().color(QPalette.ColorRole.Base).rgb()
    rows = [y for y in range(image.height())
            if any(image.pixel(x, y) != base for x in range(0, image.width(), 2))]
    return max(rows, default=-1)


def test_a_long_placeholder_wraps_and_is_not_cut_off(editor: MarkdownEditor, qtbot) -> None:
    editor.resize(420, 300)
    editor.set_text("")
    editor.setPlaceholderText("Write the story as you would tell it. Blank lines separate "
                              "paragraphs; type [pause] where you want to stop for a breath.")
    assert editor.placeholderText().startswith("Write the story")
    qtbot.wait(20)
    line = editor.fontMetrics().lineSpacing()
    margin = editor.document().documentMargin()
    assert _lowest_ink_row(editor) > margin + 2.5 * line  # three lines at this width, all shown
    qtbot.keyClicks(editor, "Ward 7")
    qtbot.wait(20)
    assert _lowest_ink_row(editor) < margin + 2 * line  # typing hides it completely


def _line_heights(editor: MarkdownEditor) -> list[float]:
    block, heights = editor.document().begin(), []
    while block.isValid():
        heights.append(block.blockFormat().lineHeight())
        block = block.next()
    return heights


def test_two_enters_make_a_blank_line_and_every_paragraph_keeps_its_spacing(
    editor: MarkdownEditor, qtbot
) -> None:
    editor.set_text("It was three in the morning.")
    qtbot.keyClick(editor, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.keyClicks(editor, "I stayed.")
    assert editor.text() == "It was three in the morning.\n\nI stayed."
    assert _line_heights(editor) == [LINE_HEIGHT_PERCENT] * 3
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, "Ward 7")  # typing over everything keeps the spacing too
    assert editor.text() == "Ward 7"
    assert _line_heights(editor) == [LINE_HEIGHT_PERCENT]
    qtbot.keyClick(editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == "It was three in the morning.\n\nI stayed."
