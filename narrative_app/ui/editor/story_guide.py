"""UI: the guide area of a story page: a prompt card and the story's structured fields.

Both sections fold away (remembered between pages and launches). The area is the page's one
scroll for prompts and notes: each field grows to show all its text (no scroll inside the
scroll), and the story page's splitter decides how much height the area gets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from narrative_app.method.framework import FieldGuide, PartGuide
from narrative_app.ui.editor.field_editors import FieldLine, FieldText
from narrative_app.ui.widgets.common import CollapsibleSection, PromptCard, make_muted
from narrative_app.ui.widgets.reflow import WrappedLabel

if TYPE_CHECKING:
    from narrative_app.ui.editor.spell_highlighter import SpellCheckService

SINGLE_LINE_FIELDS = frozenset({"shared_value"})  # the ask wraps: a long ask is seen whole
LABEL_WIDTH = 190


class StoryGuide(QScrollArea):
    """Prompts and fields of one story; ``field_editors`` maps field keys to their editors."""

    def __init__(self, guide: PartGuide, parent: QWidget | None = None, *,
                 spell: SpellCheckService | None = None) -> None:
        super().__init__(parent)
        self._spell = spell
        content = QWidget()
        self.prompt_card = PromptCard(guide.hint, guide.prompts, content)
        self.prompts_section = CollapsibleSection(
            self.tr("Prompts"), self.prompt_card, settings_key="story_page/prompts_open"
        )
        fields = QWidget()
        grid = QGridLayout(fields)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(8)
        self.field_editors: dict[str, FieldText | FieldLine] = {}
        for row, field in enumerate(guide.fields):
            grid.addWidget(self._label(field, fields), row, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(self._editor(field, fields), row, 1)
        grid.setColumnStretch(1, 1)
        self.fields_section = CollapsibleSection(
            self.tr("Notes for this story"), fields, settings_key="story_page/notes_open"
        )
        box = QVBoxLayout(content)
        box.setContentsMargins(0, 0, 6, 0)
        box.setSpacing(8)
        box.addWidget(self.prompts_section)
        box.addWidget(self.fields_section)
        box.addStretch(1)
        self.setWidget(content)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop; fields scroll in
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def _label(self, field: FieldGuide, parent: QWidget) -> QWidget:
        box = QWidget(parent)
        box.setFixedWidth(LABEL_WIDTH)
        label = QLabel(field.label, box)
        font = label.font()
        font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
        hint = make_muted(WrappedLabel(field.hint, box))  # grows with large text
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(label)
        layout.addWidget(hint)
        return box

    def _editor(self, field: FieldGuide, parent: QWidget) -> QWidget:
        single = field.key in SINGLE_LINE_FIELDS
        editor: FieldText | FieldLine = (
            FieldLine(parent, spell=self._spell) if single
            else FieldText(parent, max_lines=FieldText.ALL_LINES, spell=self._spell)
        )
        editor.setObjectName(f"field_{field.key}")
        editor.setPlaceholderText(field.placeholder)
        editor.setAccessibleName(field.label)
        editor.setAccessibleDescription(field.hint)
        editor.setToolTip(field.hint)
        self.field_editors[field.key] = editor
        return editor
