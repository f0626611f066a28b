"""UI: leaving cleanly however the app is asked to: SIGTERM, SIGHUP, SIGINT or the session.

Python runs its signal handlers only when the interpreter gets control, which it does not
while Qt's event loop waits in C++. So the handlers only note the signal, and
``signal.set_wakeup_fd`` writes each signal's number to one end of a socket pair whose other
end a ``QSocketNotifier`` watches: Qt wakes, Python runs, and the app saves and quits
through Qt (the window closes, the store closes and the lock is let go as on any quit).
The session manager's ``commitDataRequest`` (log out, shut down) saves at once too.
"""

from __future__ import annotations

import contextlib
import signal
import socket
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtGui import QGuiApplication

QUIT_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT")
                     if hasattr(signal, name))


class QuitOnSignals(QObject):
    """Turn SIGTERM, SIGHUP and SIGINT into ``on_quit()`` on the GUI thread."""

    def __init__(self, on_quit: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._on_quit = on_quit
        self.received: list[int] = []
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {sig: signal.signal(sig, self._note) for sig in QUIT_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)

    def _note(self, signum: int, _frame: object) -> None:
        pass  # the work happens in _wake, on the GUI thread, once Qt has woken

    def _wake(self, *_args: object) -> None:
        try:
            data = self._reader.recv(64)
        except OSError:
            return
        numbers = [n for n in data if n in QUIT_SIGNALS]
        if numbers and not self.received:
            self.received.extend(numbers)
            self._on_quit()

    def restore(self) -> None:
        """Put the previous handlers back and close the socket pair."""
        self._notifier.setEnabled(False)
        for sig, handler in self._previous.items():
            with contextlib.suppress(ValueError, TypeError):
                signal.signal(sig, handler)
        with contextlib.suppress(ValueError):
            signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


def save_on_session_end(app: QGuiApplication, save: Callable[[], object]) -> None:
    """Save when the session manager asks (log out, shut down) and when the app quits."""
    app.commitDataRequest.connect(lambda _manager: save())
    app.aboutToQuit.connect(save)
