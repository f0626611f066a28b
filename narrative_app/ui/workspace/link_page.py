"""UI: the Link page: the three stories side by side, chosen values highlighted where they occur.

What is highlighted and counted comes from the coach's own link measure
(``narrative_app.coach.links``): each value through its family of related words and images
("Reliability" in "turned up every week"), and the images that come back in every story. The
coach's "Linked stories" check reads the same measure, so the two never disagree.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from narrative_app.coach.links import Mark, find_values, measure_links
from narrative_app.domain import PART_ORDER, PartKind
from narrative_app.ui.widgets.common import make_heading, make_muted, tint

if TYPE_CHECKING:
    from narrative_app.ui.controller import NarrativeController


def highlighted_html(
    text: str, values: list[str], mark_style: str, images: list[Mark] | None = None
) -> str:
    """Escaped text as HTML paragraphs with every value (through its family) and every
    recurring image marked."""
    out: list[str] = []
    position = 0
    marks = find_values(text, values)
    taken = [(m.start, m.end) for m in marks]
    marks += [m for m in images or [] if all(m.end <= a or m.start >= b for a, b in taken)]
    for mark in sorted(marks, key=lambda m: m.start):
        start, end = mark.start, mark.end
        out.append(html.escape(text[position:start]))
        title = html.escape(mark.value or "image", quote=True)
        out.append(f'<span style="{mark_style}" title="{title}">'
                   f"{html.escape(text[start:end])}</span>")
        position = end
    out.append(html.escape(text[position:]))
    body = "".join(out)
    paragraphs = [p.replace("\n", "<br>") for p in re.split(r"\n\s*\n", body) if p.strip()]
    return "".join(f"<p>{p}</p>" for p in paragraphs)


class LinkPage(QWidget):
    """Self, Us and Now side by side (read only), chosen values highlighted."""

    def __init__(self, controller: NarrativeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._stale = False
        self.setAccessibleName(self.tr("Link"))
        heading = make_heading(QLabel(self.tr("Link your stories"), self), 1.5)
        self.intro = make_muted(QLabel(self), smaller=False)
        self.intro.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.views: dict[PartKind, QTextEdit] = {}
        self.counts: dict[PartKind, dict[str, int]] = {}
        columns = QGridLayout()
        columns.setHorizontalSpacing(12)
        for column, kind in enumerate(PART_ORDER):
            title = QLabel(kind.title, self)
            font = title.font()
            font.setWeight(font.Weight.DemiBold)
            title.setFont(font)
            view = QTextEdit(self)
            view.setReadOnly(True)
            view.setAccessibleName(self.tr("{title}, read only").format(title=kind.title))
            view.setAccessibleDescription(self.tr("Your chosen values are highlighted."))
            view.document().setDocumentMargin(12)
            view.document().setDefaultStyleSheet("p { line-height: 135%; }")
            self.views[kind] = view
            columns.addWidget(title, 0, column)
            columns.addWidget(view, 1, column)
            columns.setColumnStretch(column, 1)
        columns.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addLayout(columns, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        controller.narrativeOpened.connect(self._schedule)
        controller.narrativeChanged.connect(self._schedule)
        controller.metaChanged.connect(self._schedule)
        self.refresh()

    def _schedule(self, *_args: object) -> None:
        if self.isVisible():
            self._timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        self._timer.stop()
        narrative = self._controller.current
        values = list(narrative.values) if narrative else []
        palette = self.palette()
        mark = tint(palette, palette.color(QPalette.ColorRole.Highlight), 0.35).name()
        style = f"background-color: {mark}; font-weight: 600; text-decoration: underline;"
        if not values:
            self.intro.setText(self.tr(
                "Choose your values on the Values page and they will be highlighted here, "
                "so you can see whether they run through all three stories."))
        else:
            self.intro.setText(self.tr(
                "Your values are highlighted wherever they appear. A value heard in Self, Us "
                "and Now ties the narrative together."))
        texts = {kind: narrative.parts[kind].draft if narrative else "" for kind in PART_ORDER}
        self.measure = measure_links(texts, values)
        for kind, view in self.views.items():
            text = texts[kind]
            self.counts[kind] = {value: self.measure.count(kind, value) for value in values}
            if text.strip():
                images = self.measure.image_marks.get(kind, [])
                view.setHtml(highlighted_html(text, values, style, images))
            else:
                view.setHtml(f"<p><i>{html.escape(self.tr('Nothing written yet.'))}</i></p>")
        self.summary.setText(self._summary(values))
        self.summary.setVisible(bool(values))

    def _summary(self, values: list[str]) -> str:
        lines = []
        for value in values:
            parts = [f"{kind.title.replace('Story of ', '')} {self.counts[kind][value]}"
                     for kind in PART_ORDER]
            lines.append(f"<b>{html.escape(value)}</b>: {', '.join(parts)}")
        if self.measure.images:
            words = ", ".join(html.escape(w) for w in self.measure.images)
            lines.append(self.tr("In every story: {words}").format(words=words))
        return "&nbsp;&nbsp;&nbsp; ".join(lines)
