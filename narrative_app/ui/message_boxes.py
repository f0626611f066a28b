"""UI: message boxes that show a user's text as plain text, never as HTML.

Qt's static ``QMessageBox`` helpers guess whether a message is rich text, so a title such as
``<b>Bold</b><img src=x>`` would be rendered (and could load an image). Every box in the app
that can carry a user's words (a title, a label, a file name) goes through these.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def plain_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, *,
              buttons: Button = Button.Ok, default: Button = Button.NoButton) -> QMessageBox:
    """A message box whose text (and title) are shown exactly as written."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def inform(parent: QWidget | None, title: str, text: str) -> None:
    plain_box(parent, QMessageBox.Icon.Information, title, text).exec()


def warn(parent: QWidget | None, title: str, text: str) -> None:
    plain_box(parent, QMessageBox.Icon.Warning, title, text).exec()


def ask(parent: QWidget | None, title: str, text: str,
        buttons: Button = Button.Yes | Button.No, default: Button = Button.NoButton) -> Button:
    """Ask a question; returns the button chosen (as ``QMessageBox.question`` does)."""
    result = plain_box(parent, QMessageBox.Icon.Question, title, text, buttons=buttons,
                       default=default).exec()
    try:
        return Button(result)
    except ValueError:
        return Button.NoButton
