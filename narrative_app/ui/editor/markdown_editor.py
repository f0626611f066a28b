"""UI: the Markdown draft editor, a calm plain-text writing surface with light highlighting.

A ``QTextEdit`` in plain-text mode rather than a ``QPlainTextEdit``: only ``QTextEdit`` honours a
proportional line height, and comfortable 1.4 line spacing matters more here than the last
millisecond on a huge paste (a 1 MB paste still takes well under a second). Rich text is never
accepted: pasting always inserts plain text. Highlighting is per block and capped, so 1 MB
pastes, emoji, right-to-left, CJK and control characters stay cheap and never freeze typing.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
    QSyntaxHighlighter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QLabel, QTextEdit, QWidget

from narrative_app.limits import MAX_PART_CHARS, paste_fits
from narrative_app.ui.editor.spell_highlighter import SpellCheckService
from narrative_app.ui.editor.spell_menu import install_spell_menu
from narrative_app.ui.editor.spell_underline import SpellUnderliner
from narrative_app.ui.settings import EditorFont
from narrative_app.ui.widgets.common import is_dark, plain_text, tint, utf16_offset

LINE_HEIGHT_PERCENT = 140
READABLE_CHARS = 78  # a comfortable measure: about 70-90 characters a line
HIGHLIGHT_LIMIT = 20_000  # characters per block worth highlighting; beyond is plain

_HEADING = re.compile(r"^(#{1,6})(\s+)(.*)$")
_STRONG = re.compile(r"(\*\*|__)(?=\S)([^*_\n]+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*\w])([*_])(?=[^\s*_])([^*_\n]+?)(?<=[^\s*_])\1(?![*\w])")
_PAUSE = re.compile(r"\[\s*pause\s*\]", re.IGNORECASE)


class MarkdownHighlighter(QSyntaxHighlighter):
    """Headings, *emphasis*, **strong** and [pause] markers, coloured from the palette only,
    and misspelt words underlined (see spell_highlighter)."""

    def __init__(self, document: QTextDocument, palette: QPalette,
                 spell: SpellCheckService | None = None) -> None:
        super().__init__(document)
        self._formats: dict[str, QTextCharFormat] = {}
        self.spell: SpellUnderliner | None = None
        self.set_palette(palette, rehighlight=False)
        self.spell = SpellUnderliner(self, spell, palette)

    def set_palette(self, palette: QPalette, *, rehighlight: bool = True) -> None:
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        accent = palette.color(QPalette.ColorRole.Highlight)
        heading_colour = palette.color(QPalette.ColorRole.Text)
        names = ("marker", "heading", "strong", "em", "pause")
        formats = {name: QTextCharFormat() for name in names}
        formats["marker"].setForeground(muted)
        formats["heading"].setForeground(heading_colour)
        formats["heading"].setFontWeight(QFont.Weight.Bold)
        formats["strong"].setFontWeight(QFont.Weight.Bold)
        formats["em"].setFontItalic(True)
        pause_colour = accent.lighter(150) if is_dark(palette) else accent.darker(115)
        formats["pause"].setForeground(pause_colour)
        formats["pause"].setBackground(tint(palette, accent, 0.16))
        self._formats = formats
        if self.spell is not None:
            self.spell.set_palette(palette)
        if rehighlight:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if not text:
            return
        # Qt hands over the block as a str; positions we set are UTF-16, so map when needed.
        limited = text[:HIGHLIGHT_LIMIT]
        wide = len(limited.encode("utf-16-le")) // 2 != len(limited)

        def pos(index: int) -> int:
            return utf16_offset(limited, index) if wide else index

        def fmt(start: int, end: int, name: str) -> None:
            begin = pos(start)
            self.setFormat(begin, pos(end) - begin, self._formats[name])

        heading = _HEADING.match(limited)
        if heading:
            fmt(0, len(limited), "heading")
            fmt(0, heading.end(1), "marker")
        for match in _STRONG.finditer(limited):
            fmt(match.start(), match.end(), "strong")
            fmt(match.start(), match.start(2), "marker")
            fmt(match.end(2), match.end(), "marker")
        for match in _EMPHASIS.finditer(limited):
            fmt(match.start(), match.end(), "em")
            fmt(match.start(), match.start(2), "marker")
            fmt(match.end(2), match.end(), "marker")
        for match in _PAUSE.finditer(limited):
            fmt(match.start(), match.end(), "pause")
        if self.spell is not None:
            self.spell.underline_block(limited)


class MarkdownEditor(QTextEdit):
    """The draft editor. ``edited`` fires for the user's edits only, never for loading."""

    edited = Signal(str)
    zoomChanged = Signal(int)
    pasteRefused = Signal(str)  # a paste over the size limit: the one-line reason

    def __init__(self, parent: QWidget | None = None, *, font: EditorFont | None = None,
                 spell: SpellCheckService | None = None) -> None:
        """``font``: the editors' shared font (the window's); its own from Settings if None.
        ``spell``: the window's spell check (none without it)."""
        super().__init__(parent)
        self._font = font or EditorFont()
        self._loading = False
        self._zoom_steps = 0
        self._margin = -1
        self._placeholder = ""
        self._was_empty = True
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)  # keyboard users can always leave the editor with Tab
        self.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
        self.setFrameShape(QTextEdit.Shape.StyledPanel)  # a 3:1 edge, WCAG 1.4.11
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # the side margins look like the page
        self.document().setDocumentMargin(18)
        self.highlighter = MarkdownHighlighter(self.document(), self.palette(), spell)
        install_spell_menu(self, spell)
        self._apply_font()
        self._font.changed.connect(self._apply_font)  # Settings: family and size
        self.textChanged.connect(self._on_text_changed)

    # ------------------------------------------------------------------ text
    def text(self) -> str:
        return plain_text(self)

    def set_text(self, text: str) -> None:
        """Load text without signalling an edit and without undo history (a fresh start)."""
        self._loading = True
        document = self.document()
        try:
            document.setUndoRedoEnabled(False)  # also clears the stacks: no undo into the past
            self.setPlainText(text)
            self._apply_line_height()
            self._margin = -1
            self._update_measure()
            self.moveCursor(QTextCursor.MoveOperation.Start)
        finally:
            document.setUndoRedoEnabled(True)
            self._loading = False

    def select_span(self, start: int, end: int) -> None:
        """Select characters ``start:end`` of ``text()`` (Python indices) and scroll to them."""
        text = self.text()
        begin, finish = utf16_offset(text, start), utf16_offset(text, max(start, end))
        cursor = self.textCursor()
        cursor.setPosition(begin)
        cursor.setPosition(finish, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def _on_text_changed(self) -> None:
        empty = self.document().isEmpty()
        if empty != self._was_empty:  # the placeholder comes or goes: repaint all of it
            self._was_empty = empty
            self.viewport().update()
        if not self._loading:
            self.edited.emit(self.text())

    # ----------------------------------------------------------- placeholder
    def setPlaceholderText(self, text: str) -> None:
        """Kept and painted here: Qt clips a long placeholder to the empty first line."""
        self._placeholder = text
        super().setPlaceholderText("")
        self.viewport().update()

    def placeholderText(self) -> str:
        return self._placeholder

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._placeholder or not self.document().isEmpty():
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        painter.setFont(self.document().defaultFont())
        margin = int(self.document().documentMargin())
        area = self.viewport().rect().adjusted(margin, margin, -margin, -margin)
        flags = Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        painter.drawText(area, int(flags), self._placeholder)
        painter.end()

    def refusal_note(self, parent: QWidget) -> QLabel:
        """A hidden label that shows why a paste was refused, until the next edit."""
        note = QLabel(parent)
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        note.hide()
        self.pasteRefused.connect(note.setText)
        self.pasteRefused.connect(note.show)
        self.edited.connect(note.hide)
        return note

    # ----------------------------------------------------------------- paste
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        return source.hasText()

    def insertFromMimeData(self, source: QMimeData) -> None:
        """Always paste plain text, in the current paragraph style (keeps the line height).

        A paste that would take the draft past ``MAX_PART_CHARS`` is refused whole (nothing
        is half-pasted) and ``pasteRefused`` says why, with the limit."""
        if source.hasText():
            text = source.text()
            cursor = self.textCursor()
            selected = cursor.selectionEnd() - cursor.selectionStart()
            if not paste_fits(self.document().characterCount() - 1, selected, len(text)):
                self.pasteRefused.emit(self.tr(
                    "Not pasted: that would make this part longer than {limit:,} characters "
                    "(about {words:,} words). Paste a shorter piece.").format(
                        limit=MAX_PART_CHARS, words=MAX_PART_CHARS // 6))
                return
            cursor.insertText(text)
            self._keep_line_height(whole=True)
            self.ensureCursorVisible()

    # ------------------------------------------------------------------ look
    def zoom_steps(self) -> int:
        return self._zoom_steps

    def set_zoom_steps(self, steps: int) -> None:
        if steps != self._zoom_steps:
            self._zoom_steps = steps
            self._apply_font()
            self.zoomChanged.emit(steps)

    def point_size(self) -> float:
        return self.font().pointSizeF()

    def _apply_font(self) -> None:
        """The font chosen in Settings (else the system's), plus the shared zoom steps."""
        font = self._font.font(self._zoom_steps)
        self.setFont(font)
        self.document().setDefaultFont(font)
        self._margin = -1
        self._update_measure()

    def _apply_line_height(self) -> None:
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(LINE_HEIGHT_PERCENT, 1)  # 1 = proportional height
        cursor.mergeBlockFormat(block)

    def _update_measure(self, *, relayout: bool = True) -> None:
        """Side margins that keep lines to a readable length on wide windows."""
        measure = self.fontMetrics().averageCharWidth() * READABLE_CHARS
        spare = self.width() - measure - 2 * self.document().documentMargin() - 24
        margin = max(0, int(spare) // 2)
        if abs(margin - self._margin) < 4:
            return
        self._margin = margin
        # Viewport margins, not frame margins: a frame format change would be undoable.
        self.setViewportMargins(margin, 0, margin, 0)
        if relayout:  # wrap the text to the new viewport width now
            super().resizeEvent(QResizeEvent(self.size(), self.size()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        # Margins first, so the text is laid out once, for the final viewport width.
        self._update_measure(relayout=False)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "highlighter"):
            self.highlighter.set_palette(self.palette())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter keeps the paragraph style; an empty document may have lost it (select all, cut).
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and self.document().isEmpty():
            self._apply_line_height_silently()
        cursor = self.textCursor()
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier(0)
        if enter and plain and not self.isReadOnly() and not cursor.hasSelection() \
                and not cursor.block().text():
            # Qt 6 spends Enter in an empty paragraph on resetting its format (meant for
            # lists), so the blank line between paragraphs would need a third press.
            cursor.insertBlock()
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
            event.accept()
            return
        super().keyPressEvent(event)
        # Qt resets the format of an empty paragraph on Enter (the blank line between
        # paragraphs) and of text typed over a whole selection: keep 1.4 lines everywhere.
        self._keep_line_height()

    def _keep_line_height(self, *, whole: bool = False) -> None:
        """Give the cursor's paragraph (or every paragraph) the line height again, as part
        of the edit that lost it, so one Ctrl+Z still undoes that edit and nothing else."""
        document = self.document()
        blocks = []
        block = document.begin() if whole else self.textCursor().block()
        while block.isValid():
            fmt = block.blockFormat()
            if fmt.lineHeight() != LINE_HEIGHT_PERCENT or fmt.lineHeightType() != 1:
                blocks.append(block)
            if not whole:
                break
            block = block.next()
        if not blocks:
            return
        line = QTextBlockFormat()
        line.setLineHeight(LINE_HEIGHT_PERCENT, 1)  # 1 = proportional height
        was = self._loading
        self._loading = True  # a format change is not an edit of the words
        try:
            cursor = QTextCursor(document)
            cursor.joinPreviousEditBlock()
            for target in blocks:
                cursor.setPosition(target.position())
                cursor.mergeBlockFormat(line)
            cursor.endEditBlock()
        finally:
            self._loading = was

    def _apply_line_height_silently(self) -> None:
        was = self._loading
        self._loading = True
        try:
            self._apply_line_height()
        finally:
            self._loading = was
