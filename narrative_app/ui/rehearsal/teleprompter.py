"""UI: the teleprompter, a smooth scroll of the part's text at a pace in words per minute.

The speed is set in words per minute and turned into pixels per second from the height the
words take up, so zooming the text never changes how long the part takes to scroll. A reading
line marks where to read; mirror mode flips the picture for prompter glass. The text is
painted (so it can be mirrored and moved by fractions of a pixel); screen readers get it
through the accessible description.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen, QResizeEvent, QTextDocument
from PySide6.QtWidgets import QSizePolicy, QWidget

from narrative_app.domain import DEFAULT_PACE_WPM
from narrative_app.rehearsal.views import scroll_speed
from narrative_app.text.timing import count_words
from narrative_app.ui.rehearsal.theme import accent

MIN_WPM = 60
MAX_WPM = 250
WPM_STEP = 5
READING_LINE = 1 / 3  # of the height, from the top


class Teleprompter(QWidget):
    """Scrolls a text past a reading line at a set number of words per minute."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(self.tr("Teleprompter"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the window handles every key
        self._doc = QTextDocument(self)
        self._doc.setDocumentMargin(0)
        self._text = ""
        self._words = 0
        self._offset = 0.0  # pixels scrolled past the reading line
        self.wpm = float(DEFAULT_PACE_WPM)
        self.mirrored = False

    # -- content ----------------------------------------------------------------------------
    def set_text(self, text: str) -> None:
        """Plain text, paragraphs separated by blank lines; scrolling restarts at the top."""
        self._text = text
        self._words = count_words(text)
        self._fill()
        self._offset = 0.0
        self.setAccessibleDescription(text)
        self._layout()
        self.update()

    def text(self) -> str:
        return self._text

    def _fill(self) -> None:
        """The text as paragraphs in the palette's text colour."""
        colour = self.palette().color(QPalette.ColorRole.WindowText).name()
        paragraphs = "".join(
            f'<p style="margin-top:0; margin-bottom:0.5em;">{html.escape(p)}</p>'
            for p in self._text.split("\n\n")
        )
        self._doc.setHtml(f'<body style="color:{colour};">{paragraphs}</body>')
        self._layout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._fill()
        super().changeEvent(event)

    def set_text_font(self, font: QFont) -> None:
        """Change the type size, keeping the same place in the text."""
        fraction = self.progress()
        self._doc.setDefaultFont(font)
        self._layout()
        self._offset = fraction * self.content_height()
        self.update()

    def set_wpm(self, wpm: float) -> None:
        self.wpm = float(max(MIN_WPM, min(MAX_WPM, round(wpm))))

    def faster(self) -> float:
        self.set_wpm(self.wpm + WPM_STEP)
        return self.wpm

    def slower(self) -> float:
        self.set_wpm(self.wpm - WPM_STEP)
        return self.wpm

    def set_mirrored(self, mirrored: bool) -> None:
        self.mirrored = mirrored
        self.update()

    # -- scrolling --------------------------------------------------------------------------
    def content_height(self) -> float:
        return float(self._doc.size().height())

    def pixels_per_second(self) -> float:
        return scroll_speed(self.wpm, self.content_height(), self._words)

    def advance(self, seconds: float) -> None:
        """Scroll on by ``seconds`` of speaking at the current pace."""
        if seconds <= 0:
            return
        self._offset = min(self.content_height(), self._offset + self.pixels_per_second() * seconds)
        self.update()

    def follow(self, share: float) -> None:
        """Put the reading line ``share`` (0-1) of the way through the text (the voice
        follower heard that far); never backwards, so the words said stay above the line."""
        target = max(0.0, min(1.0, share)) * self.content_height()
        if target > self._offset:
            self._offset = target
            self.update()

    def progress(self) -> float:
        """How far through the text the reading line is, from 0 to 1."""
        height = self.content_height()
        return self._offset / height if height > 0 else 0.0

    def rewind(self) -> None:
        self._offset = 0.0
        self.update()

    # -- painting ---------------------------------------------------------------------------
    def _margin(self) -> float:
        return max(24.0, self.width() * 0.08)

    def _layout(self) -> None:
        self._doc.setTextWidth(max(100.0, self.width() - 2 * self._margin()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        fraction = self.progress()
        self._layout()
        self._offset = fraction * self.content_height()
        super().resizeEvent(event)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        palette = self.palette()
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Window))
        line_y = self.height() * READING_LINE
        painter.save()
        if self.mirrored:
            painter.translate(self.width(), 0)
            painter.scale(-1, 1)
        painter.translate(QPointF(self._margin(), line_y - self._offset))
        self._doc.drawContents(
            painter, QRectF(0, self._offset - line_y, self._doc.textWidth(), self.height()))
        painter.restore()
        pen = QPen(accent(palette))
        pen.setWidthF(max(2.0, self.height() / 300))
        painter.setPen(pen)
        painter.drawLine(QPointF(0, line_y), QPointF(self._margin() * 0.6, line_y))
        painter.drawLine(QPointF(self.width() - self._margin() * 0.6, line_y),
                         QPointF(self.width(), line_y))
        painter.end()
