"""UI: small shared helpers for the workspace pages (palette colours, folding sections, find bar,
announcements for screen readers, the accent button's style).

Nothing here knows about narratives; the pages compose these pieces.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QSize, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QColor,
    QFont,
    QGuiApplication,
    QKeySequence,
    QPalette,
    QShortcut,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from narrative_app.coach.timing import BudgetState

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


def announce(widget: QWidget, text: str, *, assertive: bool = False) -> None:
    """Tell screen readers about a change they would otherwise miss (WCAG 4.1.3), without
    moving the focus. Call it for outcomes ("Saved 'Away day'", "4 of 5 chosen", an error),
    never on every keystroke."""
    text = " ".join(text.split())
    if not text:
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if assertive else politeness.Polite)
    QAccessible.updateAccessibility(event)


def set_status(label: QLabel, text: str, *, assertive: bool = False) -> None:
    """Show ``text`` in a status label and announce it when it changed (and is not empty)."""
    if label.text() == text:
        return
    label.setText(text)
    announce(label, text, assertive=assertive)


def available_size(widget: QWidget) -> QSize:
    """The usable size of the screen ``widget`` is on (or the primary screen), in logical
    pixels: at 200% (``QT_SCALE_FACTOR=2``) a 1366x768 laptop offers 683x384."""
    screen = widget.screen() if widget.screen() is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 768)
    return screen.availableGeometry().size()


def scroll_when_small(content: QWidget, parent: QWidget | None = None) -> QScrollArea:
    """``content`` in a frameless scroll area that only scrolls when the window is smaller
    than the content can shrink to (large text on a small screen, WCAG 1.4.4): nothing is
    cut off, and at ordinary sizes nothing changes."""
    area = QScrollArea(parent)
    area.setObjectName("fitScroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class WrappedLabel(QLabel):
    """A word-wrapped label that asks its layout for the height its text needs at the width
    it was given, so large text in a narrow column grows the row instead of being cut."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setWordWrap(True)
        self._needed = -1

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        if self.width() > 1:
            return QSize(hint.width(), max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        needed = self.heightForWidth(self.width())
        if needed != self._needed:
            self._needed = needed
            self.updateGeometry()


class ReflowGrid(QWidget):
    """Cards in as many columns as fit (at most ``max_columns``), re-flowed as the width or
    the text size changes, so large text wraps into fewer columns instead of being cut off."""

    def __init__(self, max_columns: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_columns = max_columns
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 8, 0)
        self.grid.setSpacing(8)
        self._items: list[QWidget] = []
        self._columns = 0

    def add(self, widget: QWidget) -> None:
        widget.setParent(self)
        self._items.append(widget)
        self._columns = 0
        self._reflow()

    def columns_for(self, width: int) -> int:
        widest = max((w.minimumSizeHint().width() for w in self._items), default=1)
        cell = max(1, widest + self.grid.spacing())
        return max(1, min(self.max_columns, (width - 8) // cell))

    def _reflow(self) -> None:
        columns = self.columns_for(self.width())
        if columns == self._columns:
            return
        self._columns = columns
        for widget in self._items:
            self.grid.removeWidget(widget)
        for index, widget in enumerate(self._items):
            self.grid.addWidget(widget, index // columns, index % columns)
        for column in range(self.max_columns):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)
        self.grid.setRowStretch(len(self._items) // columns + 1, 1)

    def minimumSizeHint(self) -> QSize:
        widest = max((w.minimumSizeHint().width() for w in self._items), default=0)
        return QSize(widest + 8, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reflow()


def fit_to_screen(window: QWidget, wanted: QSize, minimum: QSize | None = None) -> None:
    """Size ``window`` as ``wanted`` (and at least ``minimum``) but never beyond its screen,
    so its buttons stay on screen with large text (room is kept for the title bar)."""
    room = available_size(window) - QSize(16, 48)
    if minimum is not None:
        window.setMinimumSize(min(minimum.width(), room.width()),
                              min(minimum.height(), room.height()))
    window.resize(min(wanted.width(), room.width()), min(wanted.height(), room.height()))


def tab_to_every_button(box: QWidget) -> None:
    """Let Tab reach every button of a dialog's button box (WCAG 2.1.1, 2.4.3).

    Qt makes the box's default button its focus proxy, and Tab then jumps straight to that
    button, past every other (the Export dialog's Cancel was never reached)."""
    box.setFocusProxy(None)


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
    KEY = "workspace/zoom_steps"
    _instance: ZoomState | None = None

    def __init__(self) -> None:
        super().__init__()
        try:
            self._steps = int(QSettings().value(self.KEY, 0))
        except (TypeError, ValueError):
            self._steps = 0

    @classmethod
    def instance(cls) -> ZoomState:
        if cls._instance is None:
            cls._instance = ZoomState()
        return cls._instance

    @property
    def steps(self) -> int:
        return self._steps

    def set_steps(self, steps: int) -> None:
        steps = max(self.MIN_STEPS, min(self.MAX_STEPS, int(steps)))
        if steps == self._steps:
            return
        self._steps = steps
        QSettings().setValue(self.KEY, steps)
        self.changed.emit(steps)


UI_ZOOM_STEP = 0.1  # each Ctrl++ makes the workspace's text 10% larger; ten steps, 200%
_BASE_FONT = "baseFontPointSize"


def apply_ui_zoom(root: QWidget, steps: int) -> None:
    """Scale the text of ``root`` and everything in it by the shared zoom (WCAG 1.4.4).

    Each widget keeps the size it was built with (headings stay larger than body text);
    widgets marked ``zoomsItself`` (the draft editors, which zoom in their own steps) are
    left alone."""
    factor = max(0.5, 1.0 + steps * UI_ZOOM_STEP)
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:  # first every base size, before any parent's change reaches it
        if widget.property(_BASE_FONT) is None:
            widget.setProperty(_BASE_FONT, widget.font().pointSizeF())
    for widget in widgets:
        if widget.property("zoomsItself"):
            continue
        base = float(widget.property(_BASE_FONT))
        if base <= 0:
            continue
        font = widget.font()
        if abs(font.pointSizeF() - base * factor) > 0.01:
            font.setPointSizeF(base * factor)
            widget.setFont(font)


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
            stored = QSettings().value(settings_key, expanded)
            expanded = stored if isinstance(stored, bool) else str(stored).lower() == "true"
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
            QSettings().setValue(self._settings_key, expanded)
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
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
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
