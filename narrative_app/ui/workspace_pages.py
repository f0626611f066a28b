"""UI: the small workspace pages around other modules: Rehearse, Export and placeholders.

Each wraps a feature written elsewhere (rehearsal window and history, the export dialog),
imported lazily so a missing or broken feature degrades to a plain sentence.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from narrative_app.ui.library import PRIMARY_STYLE
from narrative_app.ui.library_card import muted
from narrative_app.ui.message_boxes import inform

if TYPE_CHECKING:
    from narrative_app.ui.controller import NarrativeController


def placeholder(text: str) -> QWidget:
    """A calm stand-in for a page that is not available."""
    page = QWidget()
    label = muted(QLabel(text))
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setObjectName("placeholder")
    box = QVBoxLayout(page)
    box.addWidget(label)
    return page


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.6)
    font.setBold(True)
    label.setFont(font)
    return label


def _load(module: str, name: str) -> Any:
    """A class from another UI module, or None when it is not there (yet)."""
    try:
        return getattr(importlib.import_module(f"narrative_app.ui.{module}"), name)
    except (ImportError, AttributeError):
        return None


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
        history = _load("rehearsal_history", "RehearsalHistoryPage")
        self.history: QWidget | None = None
        if history is not None:
            try:
                self.history = history(controller)
            except Exception as error:  # degrade, never crash the workspace
                box.addWidget(placeholder(str(error)))
        if self.history is not None:
            self.history.rehearseRequested.connect(self.start_rehearsal)
            box.addWidget(self.history)
        else:
            fallback = _FeaturePage(
                controller,
                self.tr("Rehearse"),
                self.tr("Tell your narrative out loud against the clock, part by part."),
                self.tr("Start rehearsal"),
                self.tr("Open the full-screen rehearsal view (Ctrl+R)"),
            )
            fallback.button.clicked.connect(self.start_rehearsal)
            fallback.box.addStretch(1)
            box.addWidget(fallback)

    def start_rehearsal(self) -> None:
        narrative = self.controller.current
        if narrative is None:
            return
        window_class = _load("rehearsal_window", "RehearsalWindow")
        if window_class is None:
            inform(self, self.tr("Narrative Coach"), self.tr("Rehearsal is coming soon."))
            return
        self.controller.save_now()
        if self.window_ref is not None and self.window_ref.isVisible():
            self.window_ref.raise_()
            self.window_ref.activateWindow()
            return
        self.window_ref = window_class(self.controller, narrative)
        self.window_ref.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.window_ref.destroyed.connect(self._rehearsal_closed)
        if hasattr(self.window_ref, "show_on"):
            self.window_ref.show_on(self.screen())
        else:
            self.window_ref.show()

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
        export = _load("export_dialog", "export_with_dialog")
        if export is None:
            self._warn(self.tr("Export is coming soon."))
            return
        self.controller.save_now()
        export(self.window(), narrative)
