"""UI: helpers for large text (WCAG 1.4.4): the whole workspace's zoom, windows that fit
their screen, scrolling only when the screen is too small, and layouts that reflow.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QScrollArea, QWidget


def available_size(widget: QWidget) -> QSize:
    """The usable size of the screen ``widget`` is on (or the primary screen), in logical
    pixels: at 200% (``QT_SCALE_FACTOR=2``) a 1366x768 laptop offers 683x384."""
    screen = widget.screen() if widget.screen() is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return QSize(1366, 768)
    return screen.availableGeometry().size()


def scroll_when_small(content: QWidget, parent: QWidget | None = None, *,
                      leave_tab_order: bool = True) -> QScrollArea:
    """``content`` in a frameless scroll area that only scrolls when the window is smaller
    than the content can shrink to (large text on a small screen, WCAG 1.4.4): nothing is
    cut off, and at ordinary sizes nothing changes.

    The area itself is no tab stop. The main window passes ``leave_tab_order=False`` and
    calls ``not_a_tab_stop`` after its first frame: the focus policy is a ``Qt`` enum, and
    the Qt namespace costs about 15 ms that the first paint does not wait for."""
    area = QScrollArea(parent)
    area.setObjectName("fitScroll")
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidgetResizable(True)
    area.setWidget(content)
    if leave_tab_order:
        not_a_tab_stop(area)
    return area


def not_a_tab_stop(widget: QWidget) -> None:
    """Keep ``widget`` itself out of the Tab order (its children stay in it)."""
    from PySide6.QtCore import Qt

    widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)


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

    def resizeEvent(self, event: QResizeEvent) -> None:
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

    def remove(self, widget: QWidget) -> None:
        if widget in self._items:
            self._items.remove(widget)
            self.grid.removeWidget(widget)
            widget.deleteLater()
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

    def resizeEvent(self, event: QResizeEvent) -> None:
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
