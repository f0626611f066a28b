"""UI: the small workspace pages around other features: Rehearse and Export.

Each wraps a feature written elsewhere (rehearsal window and history, the export dialog),
imported when the page is built so the first paint does not wait for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from narrative_app.ui.library.card import muted
from narrative_app.ui.library.page import PRIMARY_STYLE
from narrative_app.ui.message_boxes import inform

if TYPE_CHECKING:
    from narrative_app.ui.controller import NarrativeController


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    return label


class _FeaturePage(QWidget):
    def __init__(self, controller: NarrativeController, heading: str, intro: str,
                 button: str, tip: str) -> None:
        super().__init__()
        self.controller = controller
        self.heading = _heading(heading)
        self.intro = muted(QLabel(intro))
        self.intro.setWordWrap(True)
        self.button = QPushButton(button)
        self.button.setStyleSheet(PRIMARY_STYLE)
        self.button.setToolTip(tip)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(32, 28, 32, 16)
        self.box.setSpacing(14)
        self.box.addWidget(self.heading)
        self.box.addWidget(self.intro)
        self.box.addLayout(row)

    def _warn(self, text: str) -> None:
        inform(self, self.tr("Narrative Coach"), text)


class RehearsePage(QWidget):
    """The rehearsal history of the open narrative, and the way into a timed rehearsal."""

    def __init__(self, controller: NarrativeController) -> None:
        super().__init__()
        self.controller = controller
        self.window_ref: QWidget | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(24, 20, 24, 12)
        from narrative_app.ui.rehearsal.history import RehearsalHistoryPage

        self.history = RehearsalHistoryPage(controller)
        self.history.rehearseRequested.connect(self.start_rehearsal)
        box.addWidget(self.history)

    def start_rehearsal(self) -> None:
        narrative = self.controller.current
        if narrative is None:
            return
        from narrative_app.ui.rehearsal.window import RehearsalWindow

        self.controller.save_now()
        if self.window_ref is not None and self.window_ref.isVisible():
            self.window_ref.raise_()
            self.window_ref.activateWindow()
            return
        self.window_ref = RehearsalWindow(self.controller, narrative)
        self.window_ref.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.window_ref.destroyed.connect(self._rehearsal_closed)
        self.window_ref.show_on(self.screen())

    def _rehearsal_closed(self) -> None:
        self.window_ref = None


class ExportPage(_FeaturePage):
    """Save the narrative as speaking notes, cue cards or a briefing, or share the file."""

    def __init__(self, controller: NarrativeController) -> None:
        super().__init__(
            controller,
            self.tr("Export"),
            self.tr("Save your narrative as speaking notes, cue cards or a one-page briefing "
                    "(Word, PDF, Markdown or plain text), or as a .narrative file that "
                    "someone else can import into Narrative Coach."),
            self.tr("Export..."),
            self.tr("Choose a format and where to save it (Ctrl+E)"),
        )
        self.button.clicked.connect(self.export)
        self.box.addStretch(1)

    def export(self) -> None:
        narrative = self.controller.current
        if narrative is None:
            return
        from narrative_app.ui.dialogs.export import export_with_dialog

        self.controller.save_now()
        export_with_dialog(self.window(), narrative, data_dir=self.controller.data_dir,
                           remember_people=self._remember_people)

    def _remember_people(self, people: dict[str, str]) -> None:
        self.controller.set_meta(people=people)
