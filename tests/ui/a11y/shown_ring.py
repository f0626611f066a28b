"""Test helper: where the focus ring is drawn in a window, as the user would see it."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from narrative_app.ui.widgets.focus_ring import FocusRing


def ring_geometry(window: QWidget) -> QRect | None:
    """The ring's rectangle in ``window`` (None when none is shown there).

    The ring follows the focus from the event loop, so pending events are handled first."""
    QApplication.processEvents()
    ring = window.findChild(FocusRing, "focusRing", Qt.FindChildOption.FindDirectChildrenOnly)
    if ring is None or not ring.isVisible():
        return None
    return ring.geometry()
