"""UI: a safe, read-only preview of a Markdown draft.

The HTML is made from the blocks of the one Markdown reader (``text.markdown``), the reading
rehearsal and every export use, so a bullet, a quote or a link looks the same everywhere. The
draft is the user's own words, so raw HTML is shown as text (``<script>`` typed by a user
appears as ``<script>``), images become their description, links their text, no resource
(remote or local) is ever loaded and nothing is ever followed.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from narrative_app.text.markdown import Block, BlockType, read_blocks
from narrative_app.ui.widgets.common import is_dark

_TAGS = {BlockType.PARAGRAPH: "p", BlockType.QUOTE: "blockquote"}


def _inline(block: Block) -> str:
    out = []
    for span in block.spans:
        text = html.escape(span.text, quote=False)
        if span.pause:
            out.append(f'<span class="pause">{text}</span>')
            continue
        if span.italic:
            text = f"<em>{text}</em>"
        if span.bold:
            text = f"<strong>{text}</strong>"
        out.append(text)
    return "".join(out)


def render_html(text: str) -> str:
    """The draft as HTML body content, from the one Markdown reader's blocks, so the preview
    shows the same bullets, quotes and link texts as rehearsal and every export. Everything
    the user typed is escaped text: raw HTML shows as typed, images as their description."""
    out: list[str] = []
    lists: list[str] = []  # the tags of the open lists, outermost first
    for block in read_blocks(text):
        depth = block.level if block.is_item else 0
        while len(lists) > depth or (lists and block.is_item and len(lists) == depth
                                     and lists[-1] != _list_tag(block)):
            out.append(f"</{lists.pop()}>")
        while block.is_item and len(lists) < depth:
            tag = _list_tag(block)
            start = f' start="{block.number}"' if tag == "ol" and block.number != 1 else ""
            out.append(f"<{tag}{start}>")
            lists.append(tag)
        inner = _inline(block)
        if block.type is BlockType.HEADING:
            out.append(f"<h{block.level}>{inner}</h{block.level}>")
        elif block.is_item:
            out.append(f"<li>{inner}</li>")
        else:
            tag = _TAGS[block.type]
            out.append(f"<{tag}>{inner}</{tag}>")
    out += [f"</{tag}>" for tag in reversed(lists)]
    return "\n".join(out)


def _list_tag(block: Block) -> str:
    return "ol" if block.type is BlockType.NUMBERED else "ul"


class MarkdownPreview(QTextBrowser):
    """Shows rendered Markdown. Never loads a resource and never follows a link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QTextBrowser.Shape.StyledPanel)  # the same edge as the editor
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # side margins look like the page
        self.document().setDocumentMargin(18)
        self.setAccessibleName(self.tr("Draft preview"))
        self.setAccessibleDescription(self.tr("How the draft reads once formatted. Read only."))
        self._source = ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The same comfortable measure as the editor: about 78 characters a line.
        measure = self.fontMetrics().averageCharWidth() * 78
        margin = max(0, int(self.width() - measure - 2 * self.document().documentMargin() - 24)
                     // 2)
        if margin != self.viewportMargins().left():
            self.setViewportMargins(margin, 0, margin, 0)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.resizeEvent(QResizeEvent(self.size(), self.size()))

    def loadResource(self, _type: int, _name: QUrl | str) -> Any:
        return None  # images, style sheets and remote files are never loaded

    def setSource(self, _url: QUrl | str, _type: Any = None) -> None:
        return  # links are never followed, even if something asks

    def set_markdown(self, text: str) -> None:
        self._source = text
        self.document().setDefaultStyleSheet(self._style_sheet())
        self.setHtml(f"<div>{render_html(text)}</div>" if text.strip() else self._empty())

    def _empty(self) -> str:
        message = html.escape(
            self.tr("Nothing to preview yet. Switch to Write and start your draft.")
        )
        return f'<p class="empty">{message}</p>'

    def _style_sheet(self) -> str:
        palette = self.palette()
        muted = palette.color(QPalette.ColorRole.PlaceholderText).name()
        accent = palette.color(QPalette.ColorRole.Highlight)
        accent_text = (accent.lighter(150) if is_dark(palette) else accent.darker(115)).name()
        link = palette.color(QPalette.ColorRole.Link).name()
        return (
            "p, li { line-height: 140%; }"
            f".pause {{ color: {accent_text}; }}"
            f".empty {{ color: {muted}; }}"
            f"a {{ color: {link}; }}"
            f"blockquote {{ color: {muted}; }}"
        )
