"""UI: the row of rehearsal buttons that mirrors the actions, wrapping on a narrow screen.

Keys are window shortcuts, so a clicker works whatever has focus. The buttons take focus
from Tab (never from a click, so Space after a click still starts and pauses the run) and,
once focused, Space and Enter press them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLayout, QLayoutItem, QPushButton, QWidget

_PRESS_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)


class FocusButton(QPushButton):
    """A button reached by Tab (not by a click) that Space and Enter press once focused,
    ahead of the window's own Space and Enter shortcuts."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.key() in _PRESS_KEYS and not event.modifiers()):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.click()
            return
        super().keyPressEvent(event)


class ActionButton(FocusButton):
    """A push button that triggers an action and follows its tip, state and checked mark.

    Its label (words and key) is set by the layout; the accessible name is the label, so a
    screen reader says what is seen ("Pause (Space)").
    """

    def __init__(self, action: QAction, parent: QWidget | None = None, *,
                 label: str | None = None) -> None:
        super().__init__("", parent)
        self._action = action
        self._label = label or action.text()
        self.setCheckable(action.isCheckable())
        self.clicked.connect(self._on_clicked)
        action.changed.connect(self._sync)
        self._sync()

    def set_label(self, label: str) -> None:
        if label != self._label:
            self._label = label
            self._sync()

    def _on_clicked(self) -> None:
        self._action.trigger()

    def _sync(self) -> None:
        if self.text() != self._label:
            self.setText(self._label)
            self.setAccessibleName(self._label)
        shortcut = self._action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        tip = self._action.toolTip()
        self.setToolTip(f"{tip} ({shortcut})" if shortcut and shortcut not in tip else tip)
        self.setEnabled(self._action.isEnabled())
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
