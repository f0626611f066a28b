"""UI: the first-run welcome page: Self, Us and Now in three plain sentences, and two ways in.

The page only emits ``exampleRequested`` or ``startRequested``; the main window decides what
to open and records (``Settings.mark_welcome_seen``) that the welcome need not come back.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from narrative_app.ui.widgets.common import PRIMARY_STYLE, make_heading, make_muted

CONTENT_WIDTH = 720


def _enlarge(label: QLabel, scale: float) -> None:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)


class _StoryCard(QFrame):
    """One of the three stories: its name, the question it answers and one plain sentence."""

    def __init__(self, title: str, question: str, sentence: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.title_label = make_heading(QLabel(title, self), 1.12)
        self.question_label = make_muted(QLabel(question, self))
        self.text_label = QLabel(sentence, self)
        self.text_label.setWordWrap(True)
        _enlarge(self.text_label, 1.08)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(title)
        self.setAccessibleDescription(sentence)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 14)
        layout.setSpacing(4)
        heading = QHBoxLayout()
        heading.addWidget(self.title_label)
        heading.addStretch(1)
        heading.addWidget(self.question_label)
        layout.addLayout(heading)
        layout.addWidget(self.text_label)

    @property
    def sentence(self) -> str:
        return self.text_label.text()


class WelcomePage(QWidget):
    """Shown on first launch: what a public narrative is, then the example or a fresh start."""

    exampleRequested = Signal()
    startRequested = Signal()

    dismissRequested = Signal()

    def __init__(self, parent: QWidget | None = None, *, compact: bool = False) -> None:
        """``compact`` lays the three stories side by side, for the top of the library."""
        super().__init__(parent)
        self.compact = compact
        self.setObjectName("welcomePage")
        self.setAccessibleName(self.tr("Welcome"))
        self._build_text(compact)
        self._build_buttons(compact)
        content = self._build_content(compact)
        outer = QVBoxLayout(self)
        if compact:
            outer.setContentsMargins(0, 0, 0, 8)
            outer.addWidget(content)
        else:
            outer.addStretch(1)
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(content, 100)
            row.addStretch(1)
            outer.addLayout(row)
            outer.addStretch(2)
        self._order_and_style()

    def _build_text(self, compact: bool) -> None:
        """The heading, the introduction, the three story cards and the privacy note."""
        self.heading = make_heading(
            QLabel(self.tr("Welcome to Narrative Coach"), self), 1.4 if compact else 1.8
        )
        self.heading.setAccessibleName(self.heading.text())
        self.intro = QLabel(
            self.tr("A public narrative is a short story you tell out loud to move people to act "
                    "with you. It has three parts, and this app helps you write, time and "
                    "rehearse each one."),
            self,
        )
        self.intro.setWordWrap(True)
        _enlarge(self.intro, 1.0 if compact else 1.12)
        self.cards = [
            _StoryCard(
                self.tr("Story of Self"), self.tr("Why me?"),
                self.tr("Tell one moment from your own life that shows why you care, and the "
                        "choice you made."),
                self,
            ),
            _StoryCard(
                self.tr("Story of Us"), self.tr("Why us?"),
                self.tr("Bring back a moment your listeners lived through together, so they "
                        "see what they already share."),
                self,
            ),
            _StoryCard(
                self.tr("Story of Now"), self.tr("Why now?"),
                self.tr("Say what is at stake today and what could be, then ask for one clear "
                        "thing that people can do together."),
                self,
            ),
        ]
        self.privacy = make_muted(QLabel(
            self.tr("Everything you write stays on this computer and is saved as you type."), self
        ))
        self.privacy.setWordWrap(True)

    def _build_buttons(self, compact: bool) -> None:
        self.example_button = QPushButton(self.tr("Look at the e&xample"), self)
        self.example_button.setAccessibleName(self.tr("Look at the example"))
        self.example_button.setAccessibleDescription(
            self.tr("Open a finished sample narrative to see what all three stories look like.")
        )
        self.example_button.clicked.connect(self.exampleRequested)
        self.start_button = QPushButton(self.tr("&Start my own"), self)
        self.start_button.setAccessibleName(self.tr("Start my own"))
        self.start_button.setAccessibleDescription(self.tr("Begin a new narrative of your own."))
        self.start_button.setDefault(True)
        self.start_button.setAutoDefault(True)
        self.start_button.clicked.connect(self.startRequested)
        # Mnemonics avoid the menu bar's own (Alt+F, E, V, H), which would otherwise win.
        # A real button (raised, in the palette's button colours, with the focus ring), not
        # flat text that does not look as if it can be pressed.
        self.dismiss_button = QPushButton(self.tr("Hi&de this welcome"), self)
        self.dismiss_button.setToolTip(
            self.tr("Hide the welcome. Help > Show the welcome brings it back.")
        )
        self.dismiss_button.setAccessibleDescription(self.dismiss_button.toolTip())
        self.dismiss_button.clicked.connect(self.dismissRequested)
        self.dismiss_button.setVisible(compact)
        for button in (self.example_button, self.start_button):
            button.setMinimumHeight(button.sizeHint().height() + (4 if compact else 10))
            button.setMinimumWidth(180)

    def _build_content(self, compact: bool) -> QWidget:
        content = QWidget(self)
        content.setMaximumWidth(CONTENT_WIDTH if not compact else 16777215)
        content.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        column = QVBoxLayout(content)
        column.setSpacing(8 if compact else 12)
        column.addWidget(self.heading)
        column.addWidget(self.intro)
        column.addSpacing(6)
        card_box = QHBoxLayout() if compact else QVBoxLayout()
        card_box.setSpacing(12)
        for card in self.cards:
            card_box.addWidget(card, 1)
        column.addLayout(card_box)
        column.addSpacing(6)
        buttons = QHBoxLayout()
        # The note has a line of its own, so with large text it wraps instead of being
        # squeezed beside the buttons.
        column.addWidget(self.privacy)
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.example_button)
        buttons.addWidget(self.start_button)
        column.addLayout(buttons)
        return content

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Never shorter than the wrapped text needs at this width (large text reflows
        into more lines; the library below moves down rather than cutting it off)."""
        super().resizeEvent(event)
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            needed = layout.totalHeightForWidth(self.width())
            if needed != self.minimumHeight():
                self.setMinimumHeight(needed)

    def _order_and_style(self) -> None:
        """Tab follows the buttons left to right; "Start my own" in the accent style."""
        order = self.focus_order()
        for first, second in pairwise(order):
            self.setTabOrder(first, second)
        self.start_button.setStyleSheet(PRIMARY_STYLE)

    def focus_order(self) -> list[QWidget]:
        """The welcome's controls in the order they are seen (and tabbed through)."""
        shown = [self.dismiss_button] if not self.dismiss_button.isHidden() else []
        return [*shown, self.example_button, self.start_button]

    def sentences(self) -> list[str]:
        """The three plain sentences, Self, Us and Now, as the user sees them."""
        return [card.sentence for card in self.cards]
