"""UI: small shared helpers for the workspace pages (palette colours, the accent button's
style, folding sections, find bar). Screen-reader helpers are in ``access``, large-text
helpers in ``reflow``.

Nothing here knows about narratives; the pages compose these pieces.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from narrative_app.text.timing import BudgetState
from narrative_app.ui.settings import Settings

# The main action's look ("New narrative", "Start my own"): accent background, its checked
# text colour; the focus ring (widgets/focus_ring.py) shows focus around it.
PRIMARY_STYLE = """
QPushButton { background: palette(highlight); color: palette(highlighted-text);
              border: 2px solid palette(highlight); border-radius: 6px; padding: 6px 18px;
              font-weight: bold; }
QPushButton:focus { border: 2px solid palette(text); }
QPushButton:pressed { background: palette(dark); }
"""

# Hues for the budget and the diff; lightness and saturation come from the palette so the
# same states read well on light, dark and high-contrast themes.
_HUES = {BudgetState.GREEN: 135, BudgetState.AMBER: 36, BudgetState.RED: 3}


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def state_colour(palette: QPalette, state: BudgetState) -> QColor:
    """A green/amber/red readable on the palette's backgrounds (the accent when no target)."""
    from narrative_app.ui.theme import TEXT_BACKGROUNDS, TEXT_RATIO, ensure_contrast

    dark = is_dark(palette)
    grounds = [palette.color(role) for role in TEXT_BACKGROUNDS
               if (palette.color(role).lightness() < 128) == dark]  # the page's own side
    if state is BudgetState.NONE:
        colour = palette.color(QPalette.ColorRole.Highlight)
    else:
        lightness = 165 if dark else 88
        if state is BudgetState.AMBER:
            lightness += 10 if dark else 4
        colour = QColor.fromHsl(_HUES[state], 170 if dark else 200, lightness)
    # Used for words ("over by 0:20") as well as bars: held to the text ratio, 4.5:1.
    return ensure_contrast(colour, grounds, TEXT_RATIO)


def tint(palette: QPalette, colour: QColor, amount: float = 0.22) -> QColor:
    """``colour`` mixed into the palette's base colour: a soft background wash."""
    base = palette.color(QPalette.ColorRole.Base)
    mix = max(0.0, min(1.0, amount))

    def channel(a: int, b: int) -> int:
        return round(a * (1 - mix) + b * mix)

    return QColor(
        channel(base.red(), colour.red()),
        channel(base.green(), colour.green()),
        channel(base.blue(), colour.blue()),
    )


def muted_colour(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.PlaceholderText)


def make_muted(label: QLabel, *, smaller: bool = True) -> QLabel:
    """Quiet secondary text: the palette's placeholder colour and a slightly smaller font."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    if smaller:
        font = label.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.92))
        label.setFont(font)
    return label


def make_heading(label: QLabel, scale: float = 1.35) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    return label


def plain_text(editor: QPlainTextEdit | QTextEdit) -> str:
    """The editor's text exactly as typed: non-breaking spaces kept, blocks joined by newlines.

    ``toPlainText()`` turns non-breaking spaces into plain ones; the raw text does not.
    """
    return editor.document().toRawText().replace("\u2029", "\n")


def utf16_offset(text: str, index: int) -> int:
    """A Python string index as a Qt (UTF-16) position: emoji count twice in Qt."""
    index = max(0, min(index, len(text)))
    return len(text[:index].encode("utf-16-le")) // 2


class ZoomState(QObject):
    """The shared text zoom of every story page, kept in the settings between launches."""

    changed = Signal(int)
    MIN_STEPS = -4
    MAX_STEPS = 14

    def __init__(self) -> None:
        """Read from the settings; one is shared by a window's pages (see ``AppContext``)."""
        super().__init__()
        self._steps = Settings().zoom_steps(self.MIN_STEPS, self.MAX_STEPS)

    @property
    def steps(self) -> int:
        return self._steps

    def set_steps(self, steps: int) -> None:
        steps = max(self.MIN_STEPS, min(self.MAX_STEPS, int(steps)))
        if steps == self._steps:
            return
        self._steps = steps
        Settings().set_zoom_steps(steps)
        self.changed.emit(steps)


class CollapsibleSection(QWidget):
    """A titled section whose body folds away behind a disclosure arrow.

    With a ``settings_key`` the folded state is remembered between pages and launches.
    """

    toggled = Signal(bool)

    def __init__(self, title: str, body: QWidget, *, expanded: bool = True,
                 settings_key: str = "", trailing: QWidget | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.body = body
        self._settings_key = settings_key
        if settings_key:
            expanded = Settings().expanded(settings_key, expanded)
        self.button = QToolButton(self)
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setChecked(expanded)
        self.button.setAutoRaise(True)
        self.button.setStyleSheet("QToolButton { border: none; padding: 2px 2px; }")
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        font = self.button.font()
        font.setWeight(QFont.Weight.DemiBold)
        self.button.setFont(font)
        self.button.setAccessibleName(title)
        self.button.toggled.connect(self._on_toggled)
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.button)
        header.addStretch(1)
        if trailing is not None:
            header.addWidget(trailing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(header)
        layout.addWidget(body)
        self._on_toggled(expanded, emit=False)

    def is_expanded(self) -> bool:
        return self.button.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        self.button.setChecked(expanded)

    def _on_toggled(self, expanded: bool, emit: bool = True) -> None:
        arrow = Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        self.button.setArrowType(arrow)
        self.body.setVisible(expanded)
        if expanded:
            description = self.tr("Expanded; press to fold away")
        else:
            description = self.tr("Folded; press to show")
        self.button.setAccessibleDescription(description)
        if emit and self._settings_key:
            Settings().set_expanded(self._settings_key, expanded)
        if emit:
            self.toggled.emit(expanded)


class FindBar(QWidget):
    """Find in one text editor: Enter or F3 finds the next match, Shift+Enter the previous."""

    closed = Signal()

    def __init__(self, editor: QTextEdit | QPlainTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in draft"))
        self.field.setAccessibleName(self.tr("Find"))
        self.field.setAccessibleDescription(
            self.tr("Text to find in the draft. Enter finds the next, Shift+Enter the previous.")
        )
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self._on_text_changed)
        self.previous_button = self._tool(self.tr("Previous"), self.tr("Find previous (Shift+F3)"))
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = self._tool(self.tr("Next"), self.tr("Find next (F3)"))
        self.next_button.clicked.connect(self.find_next)
        self.status = make_muted(QLabel(self))
        self.close_button = self._tool(self.tr("Close"), self.tr("Close the find bar (Esc)"))
        self.close_button.clicked.connect(self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.status)
        layout.addWidget(self.close_button)
        self.field.installEventFilter(self)
        # F3 / Shift+F3 also work from the editor while the bar is open.
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence(QKeySequence.StandardKey.FindNext), self.find_next),
            (QKeySequence(QKeySequence.StandardKey.FindPrevious), self.find_previous),
        ):
            shortcut = QShortcut(keys, editor)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and isinstance(event, QKeyEvent):
            key, shift = event.key(), event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
                self.find_previous() if shift else self.find_next()
                return True
        return super().eventFilter(watched, event)

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        return button

    def open_bar(self) -> None:
        cursor = self._editor.textCursor()
        if cursor.hasSelection() and "\u2029" not in cursor.selectedText():
            self.field.setText(cursor.selectedText())
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.status.clear()
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)
        self.closed.emit()

    def find_next(self) -> bool:
        return self._find(backward=False)

    def find_previous(self) -> bool:
        return self._find(backward=True)

    def _on_text_changed(self, _text: str) -> None:
        self.status.clear()

    def _find(self, *, backward: bool) -> bool:
        needle = self.field.text()
        if not needle:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if self._editor.find(needle, flags):
            self.status.clear()
            return True
        # Wrap around once, from the other end of the draft.
        cursor = self._editor.textCursor()
        saved = self._editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End if backward else cursor.MoveOperation.Start)
        self._editor.setTextCursor(cursor)
        if self._editor.find(needle, flags):
            self.status.setText(self.tr("Wrapped around"))
            return True
        self._editor.setTextCursor(saved)
        self.status.setText(self.tr("Not found"))
        return False


class PromptCard(QFrame):
    """One prompt at a time on a soft card, with the part's hint and previous/next buttons."""

    def __init__(self, hint: str, prompts: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("promptCard")
        self.setStyleSheet(
            "#promptCard { background: palette(alternate-base); border-radius: 8px; }"
        )
        self._prompts = prompts or ("",)
        self._index = 0
        self.hint = make_muted(QLabel(hint, self), smaller=False)
        self.hint.setWordWrap(True)
        self.prompt = QLabel(self)
        self.prompt.setWordWrap(True)
        self.prompt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.prompt.font()
        font.setPointSizeF(font.pointSizeF() * 1.08)
        self.prompt.setFont(font)
        self.counter = make_muted(QLabel(self))
        self.previous_button = QToolButton(self)
        self.previous_button.setText(self.tr("Previous prompt"))
        self.previous_button.setAutoRaise(True)
        self.previous_button.clicked.connect(self.show_previous)
        self.next_button = QToolButton(self)
        self.next_button.setText(self.tr("Another prompt"))
        self.next_button.setAutoRaise(True)
        self.next_button.clicked.connect(self.show_next)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.counter)
        buttons.addStretch(1)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 8)
        layout.setSpacing(6)
        layout.addWidget(self.hint)
        layout.addWidget(self.prompt)
        layout.addLayout(buttons)
        self._show()

    def current_prompt(self) -> str:
        return self._prompts[self._index]

    def show_next(self) -> None:
        self._index = (self._index + 1) % len(self._prompts)
        self._show()

    def show_previous(self) -> None:
        self._index = (self._index - 1) % len(self._prompts)
        self._show()

    def _show(self) -> None:
        self.prompt.setText(self._prompts[self._index])
        self.prompt.setAccessibleName(self.tr("Prompt: {text}").format(text=self.current_prompt()))
        self.counter.setText(
            self.tr("Prompt {n} of {total}").format(n=self._index + 1, total=len(self._prompts))
        )
