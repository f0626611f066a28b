"""UI: the daily backup while the app stays open, and a failed backup told once in the window.

The store backs up at start-up; an app left open for days asks the controller every hour
whether a backup is due. A failure is shown once in the status bar (non-modal, plain
English) and not repeated hourly; after a backup succeeds a later failure is told again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from narrative_app.ui.controller import NarrativeController

CHECK_MS = 60 * 60 * 1000  # every hour


class BackupTimer(QObject):
    """Checks hourly for a due backup; tells the user once when one fails."""

    def __init__(self, controller: NarrativeController, window: QMainWindow,
                 interval_ms: int = CHECK_MS) -> None:
        super().__init__(window)
        self._controller = controller
        self._window = window
        self._told = False
        self.last_message = ""
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def check(self) -> str:
        """Back up if due now; returns the outcome (made, not due or failed)."""
        outcome, reason = self._controller.backup_if_due()
        if outcome == "made":
            self._told = False
        elif outcome == "failed" and not self._told:
            self._told = True
            # The store's line says where, why, and what to do; the narratives are safe.
            self.last_message = reason or self.tr(
                "Today's backup could not be made. Your narratives are still saved; check "
                "the backups folder in Settings.")
            self._window.statusBar().showMessage(self.last_message)
        return outcome
