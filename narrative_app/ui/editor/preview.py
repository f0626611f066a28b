"""UI: a safe, read-only preview of a Markdown draft.

Rendering uses the ``markdown`` package, imported on first use so start-up stays quick. The
draft is the user's own words, so raw HTML is shown as text (``<script>`` typed by a user
appears as ``<script>``), images become their description, no resource (remote or local) is
ever loaded and links are never followed.
"""

from __future__ import annotations

import html
import re
from typing import Any

from PySide6.QtCore import QEvent, QUrl
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from narrative_app.ui.widgets.common import is_dark

_PAUSE = re.compile(r"\[\s*pause\s*\]", re.IGNORECASE)
_renderer: Any = None


def _make_renderer() -> Any:
    # Imported here, not at the top: only the preview needs them, so start-up stays quick.
    from xml.etree import ElementTree

    import markdown
    from markdown.extensions import Extension
    from markdown.treeprocessors import Treeprocessor

    class _ImagesAsText(Treeprocessor):
        """Replace every image with its description, so nothing is ever fetched."""

        def run(self, root: Any) -> None:
            for parent in root.iter():
                for index, child in enumerate(list(parent)):
                    if child.tag != "img":
                        continue
                    alt = child.get("alt") or ""
                    span = ElementTree.Element("em")
                    span.text = f"[{alt}]" if alt else "[image]"
                    span.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, span)

    class _SafeText(Extension):
        def extendMarkdown(self, md: Any) -> None:
            # Without these, raw HTML blocks and inline tags are escaped and shown as text.
            md.preprocessors.deregister("html_block")
            md.inlinePatterns.deregister("html")
            md.treeprocessors.register(_ImagesAsText(md), "images_as_text", 0)

    return markdown.Markdown(extensions=[_SafeText()], output_format="html")


def render_html(text: str) -> str:
    """The draft as HTML body content, safe to show: user HTML escaped, images as text."""
    global _renderer  # noqa: PLW0603 - one renderer per process, built on first use
    if _renderer is None:
        _renderer = _make_renderer()
    _renderer.reset()
    body = _renderer.convert(text)
    return _PAUSE.sub('<span class="pause">[pause]</span>', body)


class MarkdownPreview(QTextBrowser):
    """Shows rendered Markdown. Never loads a resource and never follows a link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)  # side margins look like the page
        self.document().setDocumentMargin(18)
        self.setAccessibleName(self.tr("Draft preview"))
        self.setAccessibleDescription(self.tr("How the draft reads once formatted. Read only."))
        self._source = ""

    def resizeEvent(self, event: QResizeEvent) -> None:
        # The same comfortable measure as the editor: about 78 characters a line.
        measure = self.fontMetrics().averageCharWidth() * 78
        margin = max(0, (self.width() - measure - 2 * self.document().documentMargin() - 24) // 2)
        if margin != self.viewportMargins().left():
            self.setViewportMargins(margin, 0, margin, 0)
        super().resizeEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.resizeEvent(QResizeEvent(self.size(), self.size()))

    def loadResource(self, _type: int, _name: QUrl) -> Any:
        return None  # images, style sheets and remote files are never loaded

    def setSource(self, _url: QUrl, _type: Any = None) -> None:
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
