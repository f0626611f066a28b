"""UI: the rehearsal window's actions (keys) and the row of buttons that mirrors them.

Every action has a key a presentation clicker or keyboard can send, and a visible button.
Keys are window shortcuts, so they work whatever has focus; the buttons never take focus,
so Space always starts and pauses rather than pressing the last button clicked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLayout, QLayoutItem, QPushButton, QWidget

if TYPE_CHECKING:
    from narrative_app.ui.rehearsal.window import RehearsalWindow

Keys = Sequence[QKeySequence | QKeySequence.StandardKey | str]


def make_action(owner: QWidget, text: str, tip: str, keys: Keys,
                slot: Callable[[], None]) -> QAction:
    action = QAction(text, owner)
    action.setToolTip(tip)
    action.setShortcuts([QKeySequence(k) for k in keys])
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    action.triggered.connect(slot)
    owner.addAction(action)
    return action


class ActionButton(QPushButton):
    """A push button that triggers an action and follows its text, tip and enabled state."""

    def __init__(self, action: QAction, parent: QWidget | None = None, *,
                 label: str | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self._label = label
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCheckable(action.isCheckable())
        self.clicked.connect(self._on_clicked)
        action.changed.connect(self._sync)
        self._sync()

    def _on_clicked(self) -> None:
        self._action.trigger()

    def _sync(self) -> None:
        self.setText(self._label or self._action.text())
        shortcut = self._action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = self._action.toolTip()
        self.setToolTip(f"{tip} ({shortcut})" if shortcut and shortcut not in tip else tip)
        self.setAccessibleName(self._action.text())
        self.setEnabled(self._action.isEnabled())
        self.setVisible(self._action.isVisible())
        if self._action.isCheckable():
            self.setChecked(self._action.isChecked())


class FlowLayout(QLayout):
    """Lays widgets left to right and wraps to a new row when the width runs out.

    So every button stays visible on a narrow laptop screen without forcing the window wider.
    """

    def __init__(self, parent: QWidget | None = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        x, y, row_height = rect.x(), rect.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            if x > rect.x() and x + hint.width() > rect.right() + 1:
                x, y, row_height = rect.x(), y + row_height + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y()


class ControlBar(QWidget):
    """The row (wrapping when needed) of action buttons and the view and screen choosers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = FlowLayout(self)
        self.buttons: dict[str, ActionButton] = {}

    def add(self, key: str, action: QAction, label: str | None = None) -> ActionButton:
        button = ActionButton(action, self, label=label)
        self.buttons[key] = button
        self.row.addWidget(button)
        return button

    def add_widget(self, widget: QWidget) -> None:
        self.row.addWidget(widget)


def make_actions(w: RehearsalWindow) -> None:
    """Create the window's actions as ``w.act_*``, each with its keys and a slot on the window."""
    tr = w.tr
    zoom_in, zoom_out = QKeySequence.StandardKey.ZoomIn, QKeySequence.StandardKey.ZoomOut
    table: list[tuple[str, str, str, Keys, Callable[[], None]]] = [
        ("toggle", tr("Start"), tr("Start or pause the timer"), ["Space"], w.on_space),
        ("start", tr("Start"), tr("Start the run"), ["F5"], w.on_start),
        ("next", tr("Next"), tr("Next part"), ["PgDown", "Right"], w.on_next),
        ("down", tr("Next"), tr("Next part, or slower in the teleprompter"), ["Down"],
         w.on_down),
        ("prev", tr("Back"), tr("Previous part"), ["PgUp", "Left"], w.on_previous),
        ("up", tr("Back"), tr("Previous part, or faster in the teleprompter"), ["Up"], w.on_up),
        ("blank", tr("Blank"), tr("Blank the screen"), ["B", "."], w.toggle_blank),
        ("full", tr("Full screen"), tr("Full screen on or off"), ["F"], w.toggle_full_screen),
        ("mirror", tr("Mirror"), tr("Mirror the teleprompter for prompter glass"), ["M"],
         w.toggle_mirror),
        ("end", tr("End"), tr("End the run"), ["Esc"], w.on_escape),
        ("keep", tr("Keep run"), tr("Keep this run"), ["Return", "Enter"], w.on_enter),
        ("discard", tr("Don't keep"), tr("Forget this run"), ["Del"], w.discard_run),
        ("zoom_in", tr("Larger"), tr("Larger text"), [zoom_in, "Ctrl+="], w.stage.zoom_in),
        ("zoom_out", tr("Smaller"), tr("Smaller text"), [zoom_out], w.stage.zoom_out),
        ("view", tr("View"), tr("Next view: cues, full text, memorise, teleprompter"), ["V"],
         w.cycle_view),
        ("less", tr("Fewer words"), tr("Next step of the memorise ladder"), ["L"],
         w.ladder_down),
        ("more", tr("More words"), tr("Previous step of the memorise ladder"), ["Shift+L"],
         w.ladder_up),
        ("slower", tr("Slower"), tr("Slower teleprompter"), ["-"], w.slower),
        ("faster", tr("Faster"), tr("Faster teleprompter"), ["+", "="], w.faster),
        ("theme", tr("Colours"), tr("Dark, light or system colours"), ["T"], w.cycle_theme),
        ("countdown", tr("Countdown"), tr("A 3-second countdown before the run"), ["C"],
         w.toggle_countdown),
        ("peer", tr("Peer practice"), tr("Tell for 2:00, then 3:00 of feedback"), ["P"],
         w.toggle_peer),
    ]
    for name, text, tip, keys, slot in table:
        setattr(w, f"act_{name}", make_action(w, text, tip, keys, slot))
    for name, checked in (("mirror", False), ("countdown", w.countdown), ("peer", w.peer)):
        action: QAction = getattr(w, f"act_{name}")
        action.setCheckable(True)
        action.setChecked(checked)
