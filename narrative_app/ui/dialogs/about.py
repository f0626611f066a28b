"""UI: the About box: version, licence, credits for the method, and where the data lives.

"Open data folder" asks the desktop to open the folder through ``QDesktopServices``; if that
cannot be done, the dialog says so and the path stays on screen to copy.
"""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from narrative_app import APP_NAME, __version__
from narrative_app.ui.widgets.common import make_heading, make_muted


class AboutDialog(QDialog):
    """About Narrative Coach, with the data folder and a button that opens it."""

    def __init__(self, data_dir: Path | str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.setWindowTitle(self.tr("About Narrative Coach"))
        self.setObjectName("aboutDialog")
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        self._build_summary(layout)
        self._build_credits(layout)
        self._build_folder(layout)
        self._build_footer(layout)
        self.setMinimumWidth(520)
        self.resize(600, self.sizeHint().height())

    def _build_summary(self, layout: QVBoxLayout) -> None:
        self.name_label = make_heading(QLabel(APP_NAME, self), 1.6)
        self.version_label = QLabel(self.tr("Version %1").replace("%1", __version__), self)
        self.version_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        summary = QLabel(
            self.tr("Write, rehearse and share your public narrative: the Story of Self, the "
                    "Story of Us and the Story of Now."),
            self,
        )
        summary.setWordWrap(True)
        layout.addWidget(self.name_label)
        layout.addWidget(self.version_label)
        layout.addWidget(summary)
        layout.addSpacing(6)

    def _build_credits(self, layout: QVBoxLayout) -> None:
        method_title = make_heading(QLabel(self.tr("The method"), self), 1.1)
        self.credits_label = QLabel(
            self.tr("The public narrative framework was developed by Marshall Ganz and is "
                    "taught by him and by the Leading Change Network and its partners around "
                    "the world. We are grateful for their work. Narrative Coach is an "
                    "independent tool, not made or endorsed by them, and all of its prompts, "
                    "hints and examples are written in its own words."),
            self,
        )
        self.credits_label.setWordWrap(True)
        licence_title = make_heading(QLabel(self.tr("Licence"), self), 1.1)
        self.licence_label = QLabel(
            self.tr("Free software under the MIT licence: you may use, copy, change and share "
                    "it. It comes with no warranty. Copyright 2026 Narrative Coach developers."),
            self,
        )
        self.licence_label.setWordWrap(True)
        layout.addWidget(method_title)
        layout.addWidget(self.credits_label)
        layout.addSpacing(6)
        layout.addWidget(licence_title)
        layout.addWidget(self.licence_label)
        layout.addSpacing(6)

    def _build_folder(self, layout: QVBoxLayout) -> None:
        folder_title = make_heading(QLabel(self.tr("Your data folder"), self), 1.1)
        folder_note = make_muted(QLabel(
            self.tr("Your narratives, versions, rehearsals and daily backups are kept here, on "
                    "this computer only."),
            self,
        ))
        folder_note.setWordWrap(True)
        self.path_field = QLineEdit(str(self.data_dir), self)
        self.path_field.setReadOnly(True)
        self.path_field.setAccessibleName(self.tr("Data folder location"))
        self.path_field.setCursorPosition(0)
        self.open_button = QPushButton(self.tr("&Open data folder"), self)
        self.open_button.setAccessibleDescription(
            self.tr("Show the data folder in your file manager.")
        )
        self.open_button.clicked.connect(self.open_data_folder)
        self.copy_button = QPushButton(self.tr("&Copy location"), self)
        self.copy_button.clicked.connect(self.copy_location)
        self.message = make_muted(QLabel(self), smaller=False)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(folder_title)
        layout.addWidget(folder_note)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.path_field, 1)
        folder_row.addWidget(self.copy_button)
        folder_row.addWidget(self.open_button)
        layout.addLayout(folder_row)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def _build_footer(self, layout: QVBoxLayout) -> None:
        self.tech_label = make_muted(QLabel(
            self.tr("Python %1, Qt for Python %2")
            .replace("%1", platform.python_version())
            .replace("%2", pyside_version),
            self,
        ))
        self.tech_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.tech_label)
        layout.addWidget(buttons)

    def data_folder_url(self) -> QUrl:
        return QUrl.fromLocalFile(str(self.data_dir))

    def open_data_folder(self) -> bool:
        """Open the folder in the file manager; say so plainly when that is not possible."""
        if not self.data_dir.is_dir():
            self._say(self.tr("The data folder does not exist yet. It is created when the app "
                              "first saves a narrative."))
            return False
        if not QDesktopServices.openUrl(self.data_folder_url()):
            self._say(self.tr("The folder could not be opened from here. Copy its location "
                              "above and open it in your file manager."))
            return False
        self.message.hide()
        return True

    def copy_location(self) -> None:
        QGuiApplication.clipboard().setText(str(self.data_dir))
        self._say(self.tr("Location copied."))

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
