"""UI: a focus ring drawn around whichever control has the keyboard focus, in every window.

Styles draw focus differently, and a style sheet (``border: none`` on the section headers,
the accent buttons' own borders) can take it away altogether. One ring, drawn by us over the
focused control's window, makes focus visible everywhere in the same way: 2 px wide, just
outside the control, in the palette's focus colour (checked at 3:1 against the window and
the fields it sits on, see ``ui/theme.py``). It follows the control as it moves, scrolls or
resizes, and never takes a click.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from narrative_app.ui.theme import focus_colour

RING_WIDTH = 2
RING_GAP = 1  # between the control's edge and the ring
_WATCHED = {QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide}


class FocusRing(QWidget):
    """The ring itself: transparent, click-through, painted over the focused control."""

    def __init__(self, window: QWidget) -> None:
        # Always a child of the window it is drawn in, never a window of its own: a
        # parentless widget that is later reparented leaves Qt a window to track, and a
        # focus change queued for it after it is gone crashes the offscreen platform.
        super().__init__(window)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None

    def colour(self) -> QColor:
        window = self.parentWidget()
        return focus_colour((window or self).palette())

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        pen = QPen(self.colour(), RING_WIDTH)
        pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
        painter.setPen(pen)
        half = RING_WIDTH // 2
        painter.drawRect(self.rect().adjusted(half, half, -half, -half))
        painter.end()


class FocusRings(QObject):
    """Moves one ``FocusRing`` to the focused control of whichever window is active."""

    def __init__(self, app: QApplication, owner: QObject | None = None) -> None:
        """Follow ``app``'s focus; ``owner`` (the main window, see ``AppContext``) owns it."""
        super().__init__(owner)
        self._ring: FocusRing | None = None
        self._chain: list[QWidget] = []
        # Focus moves while windows are being torn down; touching them then (making a ring
        # inside a dying window) leaves Qt a dangling window. So the ring follows the focus
        # a moment later, from the event loop, reading where the focus is by then.
        self._follow = QTimer(self)
        self._follow.setSingleShot(True)
        self._follow.setInterval(0)
        self._follow.timeout.connect(self._follow_focus)
        app.focusChanged.connect(self._focus_changed)

    @property
    def ring(self) -> FocusRing | None:
        """The ring in use, if any is still alive."""
        if self._ring is not None and not shiboken6.isValid(self._ring):
            self._ring = None
        return self._ring

    def _ring_in(self, window: QWidget) -> FocusRing:
        """The ring for ``window``: the window's own, made the first time it has focus."""
        ring = window.findChild(FocusRing, "focusRing", Qt.FindChildOption.FindDirectChildrenOnly)
        if ring is None:
            ring = FocusRing(window)
        if self.ring is not None and self.ring is not ring:
            self.ring.target = None
            self.ring.hide()
        self._ring = ring
        return ring

    def _hide(self) -> None:
        ring = self.ring
        if ring is not None:
            ring.target = None
            ring.hide()

    # ----------------------------------------------------------------- tracking
    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        self._follow.start()

    def _follow_focus(self) -> None:
        new = QApplication.focusWidget()
        self._watch([])
        if new is None or new.isWindow() or isinstance(new, FocusRing):
            self._hide()
            return
        window = new.window()
        if window.windowType() in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            self._hide()  # menus and drop-down lists show their own current item
            return
        self._ring_in(window).target = new
        _scroll_into_view(new)
        chain: list[QWidget] = []
        widget: QWidget | None = new
        while widget is not None and widget is not window:
            chain.append(widget)
            widget = widget.parentWidget()
        chain.append(window)
        self._watch(chain)
        self.place()

    def _watch(self, chain: list[QWidget]) -> None:
        for widget in self._chain:
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._chain = chain
        for widget in chain:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _WATCHED and self.ring is not None and self.ring.target is not None:
            self.place()
        elif event.type() == QEvent.Type.Destroy:  # pragma: no cover - Qt detail
            self._chain = [w for w in self._chain if w is not watched]
        return False

    def place(self) -> None:
        """Put the ring around the visible part of the focused control (or hide it)."""
        ring = self.ring
        if ring is None:
            return
        target = ring.target
        if target is None or not shiboken6.isValid(target) or not target.isVisible():
            ring.hide()
            return
        window = ring.parentWidget()
        if window is None:
            return
        shown = visible_rect(target, window)
        if shown.isEmpty():
            ring.hide()
            return
        margin = RING_GAP + RING_WIDTH
        ring.setGeometry(shown.adjusted(-margin, -margin, margin, margin)
                         .intersected(window.rect()))
        ring.raise_()
        ring.show()
        ring.update()


def _scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area holding ``widget`` so it shows (WCAG 2.4.11): Qt does so
    only when the focus moves within the area, not when Tab comes in from outside."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        if isinstance(parent, QScrollArea):
            content = parent.widget()
            if content is not None and content.isAncestorOf(widget):
                parent.ensureWidgetVisible(widget, 8, 8)
        parent = parent.parentWidget()


def visible_rect(widget: QWidget, window: QWidget) -> QRect:
    """The part of ``widget`` not scrolled or clipped away by its parents, in ``window``'s
    coordinates (``visibleRegion`` leaves out what children cover, so cannot be used)."""
    area = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        area = area.intersected(QRect(parent.mapTo(window, QPoint(0, 0)), parent.size()))
        parent = parent.parentWidget()
    return area.intersected(window.rect())
