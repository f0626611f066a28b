"""UI: helpers for assistive technology: announcements of status changes (WCAG 4.1.3),
Tab reaching every button of a dialog (2.1.1, 2.4.3), and splitter panes read in the order
they are seen (1.3.2).
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QSplitter, QWidget


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


def tab_to_every_button(box: QWidget) -> None:
    """Let Tab reach every button of a dialog's button box (WCAG 2.1.1, 2.4.3).

    Qt makes the box's default button its focus proxy, and Tab then jumps straight to that
    button, past every other (the Export dialog's Cancel was never reached)."""
    box.setFocusProxy(None)  # type: ignore[arg-type]  # Qt takes nullptr; stubs miss it


def browse_in_order(splitter: QSplitter) -> None:
    """Put the panes (and their handles) in ``splitter``'s own order among its children,
    which is the order a screen reader browses them (WCAG 1.3.2). QSplitter puts each pane
    added before the last, so without this the right-hand (or bottom) pane is read first.
    Call it once the panes are added."""
    for index in range(splitter.count()):
        splitter.handle(index).raise_()
        pane = splitter.widget(index)
        if pane is not None:
            pane.raise_()
