"""UI: message boxes that show a user's text as plain text, never as HTML.

Qt's static ``QMessageBox`` helpers guess whether a message is rich text, so a title such as
``<b>Bold</b><img src=x>`` would be rendered (and could load an image). Every box in the app
that can carry a user's words (a title, a label, a file name) goes through these.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from narrative_app import APP_NAME

Button = QMessageBox.StandardButton


def plain_box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, *,
              buttons: Button = Button.Ok, default: Button = Button.NoButton) -> QMessageBox:
    """A message box whose text (and title) are shown exactly as written."""
    from PySide6.QtCore import Qt  # imported here: the Qt namespace is off the start-up path

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


def quit_losing_changes(parent: QWidget, status: str) -> bool:
    """The latest changes could not be saved (``status`` says why): True to quit anyway.
    "Keep the app open" is the default, and closing the box keeps it open too."""
    def tr(text: str) -> str:
        return QCoreApplication.translate("MainWindow", text)

    box = plain_box(parent, QMessageBox.Icon.Warning, APP_NAME, tr(
        "{status}. If you quit now, your latest changes will be lost.").format(
            status=status.rstrip(".")), buttons=Button.NoButton)
    keep = box.addButton(tr("Keep the app open"), QMessageBox.ButtonRole.RejectRole)
    box.addButton(tr("Quit and lose them"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.exec()
    return box.clickedButton() not in (keep, None)
