"""UI: the peer-practice feedback card, filled in by a listener after a telling.

The questions come from ``resources/rehearsal/feedback.toml``; the answers are saved with the
run as ``run.feedback`` (question id to answer; empty answers are left out).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from narrative_app.rehearsal.peer import feedback_questions
from narrative_app.ui.widgets.reflow import scroll_when_small


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeedbackCard", text)


class FeedbackCard(QWidget):
    """One line of answer per question, in large type."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields: dict[str, QLineEdit] = {}
        self.intro = QLabel(self.tr(
            "Listener: note what you heard, then talk it through together. "
            "Only what you write here is kept with the run."), self)
        self.intro.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.labels: list[QLabel] = []
        for question in feedback_questions():
            field = QLineEdit(self)
            field.setPlaceholderText(_tr(question.hint))
            field.setAccessibleName(_tr(question.prompt))
            field.setAccessibleDescription(_tr(question.hint))
            label = QLabel(_tr(question.prompt), self)
            label.setBuddy(field)
            self.labels.append(label)
            form.addRow(label, field)
            self.fields[question.id] = field
        content = QWidget(self)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll_when_small(content, self))  # large text: scrolls, never cut
        layout = QVBoxLayout(content)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addStretch(1)

    def answers(self) -> dict[str, str]:
        return {key: field.text().strip() for key, field in self.fields.items()
                if field.text().strip()}

    def clear(self) -> None:
        for field in self.fields.values():
            field.clear()

    def set_pixel_size(self, size: int) -> None:
        font = self.font()
        font.setPixelSize(max(12, size))
        self.setFont(font)
