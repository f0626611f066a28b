"""UI: the Settings dialog (pace, paper size, author name, theme, editor font, spelling, backups).

The dialog edits an ``AppSettings`` value from ``narrative_app.ui.settings``; pressing Save
writes it and emits ``settingsApplied(AppSettings)`` so the window can apply the changes
(``settings.apply_settings``). A backups folder that cannot be written is refused with a
one-line message before anything is saved.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from narrative_app.ui.settings import (
    DEFAULTS,
    MAX_BACKUPS,
    MAX_FONT_SIZE,
    MAX_PACE_WPM,
    MIN_BACKUPS,
    MIN_FONT_SIZE,
    MIN_PACE_WPM,
    AppSettings,
    PaperSize,
    Settings,
    Theme,
)
from narrative_app.ui.widgets.access import tab_to_every_button
from narrative_app.ui.widgets.common import make_muted
from narrative_app.ui.widgets.reflow import fit_to_screen, scroll_when_small

_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")  # en, en_GB: not README or LICENSE


class SettingsDialog(QDialog):
    """Edit the app's preferences. Narratives themselves are never stored in settings."""

    settingsApplied = Signal(object)  # AppSettings

    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 data_dir: Path | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self._saved_language = ""
        self._labels: list[QLabel] = []
        self.setWindowTitle(self.tr("Settings"))
        self.setObjectName("settingsDialog")
        self._build_speaking()
        self._build_appearance()
        self._build_spelling(data_dir)
        self._build_backups()
        self.message = make_muted(QLabel(self), smaller=False)
        self.message.setWordWrap(True)
        self.message.hide()
        buttons = self._build_buttons()
        form_page = self._build_groups()
        outer = QVBoxLayout(self)
        outer.addWidget(scroll_when_small(form_page, self), 1)
        outer.addWidget(self.message)
        outer.addWidget(buttons)
        fit_to_screen(self, QSize(560, form_page.sizeHint().height() + 90), QSize(560, 240))
        # One label column for every group, so the fields line up from group to group.
        label_width = max(label.sizeHint().width() for label in self._labels)
        for label in self._labels:
            label.setMinimumWidth(label_width)
        self.show_settings(settings.load())
        if settings.is_damaged():
            self._say(self.tr("Your settings file could not be read, so the usual settings are "
                              "shown. Press Save to replace it."))

    def _build_speaking(self) -> None:
        self.pace = QSpinBox(self)
        self.pace.setRange(MIN_PACE_WPM, MAX_PACE_WPM)
        self.pace.setSuffix(self.tr(" words per minute"))
        self.pace.setAccessibleName(self.tr("Starting pace"))
        self.pace.setAccessibleDescription(
            self.tr("Used for time estimates until you have rehearsed. Most people speak at "
                    "110 to 140 words per minute.")
        )
        self.paper = QComboBox(self)
        self.paper.addItem(self.tr("A4"), PaperSize.A4.value)
        self.paper.addItem(self.tr("Letter"), PaperSize.LETTER.value)
        self.paper.setAccessibleName(self.tr("Paper size for exports"))
        self.author = QLineEdit(self)
        self.author.setPlaceholderText(self.tr("For example, Sam Okafor, Head of Service"))
        self.author.setAccessibleName(self.tr("Author name for exports"))
        self.author.setMaxLength(200)

    def _build_appearance(self) -> None:
        self.theme = QComboBox(self)
        self.theme.addItem(self.tr("Follow my computer"), Theme.SYSTEM.value)
        self.theme.addItem(self.tr("Light"), Theme.LIGHT.value)
        self.theme.addItem(self.tr("Dark"), Theme.DARK.value)
        self.theme.addItem(self.tr("High contrast"), Theme.HIGH_CONTRAST.value)
        self.theme.setAccessibleName(self.tr("Theme"))
        self.font_family = QFontComboBox(self)
        self.font_family.setAccessibleName(self.tr("Editor font"))
        line_edit = self.font_family.lineEdit()
        if line_edit is not None:  # the editable part screen readers meet
            line_edit.setAccessibleName(self.tr("Editor font"))
        self.font_family.currentFontChanged.connect(self._on_font_chosen)
        self.font_size = QSpinBox(self)
        self.font_size.setRange(MIN_FONT_SIZE, MAX_FONT_SIZE)
        self.font_size.setSuffix(self.tr(" pt"))
        self.font_size.setAccessibleName(self.tr("Editor font size"))

    def _build_spelling(self, data_dir: Path | None) -> None:
        self.spell_check = QCheckBox(self.tr("&Underline misspelt words"), self)
        self.spell_check.setAccessibleName(self.tr("Underline misspelt words"))
        self.spell_check.setAccessibleDescription(self.tr("Spell check the drafts"))
        self.spell_check.toggled.connect(self._on_spell_toggled)
        self.spell_language = QComboBox(self)
        self.spell_language.setAccessibleName(self.tr("Spelling language"))
        self._fill_languages(data_dir)

    def _build_backups(self) -> None:
        self.backups_keep = QSpinBox(self)
        self.backups_keep.setRange(MIN_BACKUPS, MAX_BACKUPS)
        self.backups_keep.setSuffix(self.tr(" daily copies"))
        self.backups_keep.setAccessibleName(self.tr("Number of daily backups to keep"))
        self.backups_dir = QLineEdit(self)
        self.backups_dir.setReadOnly(True)
        self.backups_dir.setPlaceholderText(self.tr("Inside your data folder"))
        self.backups_dir.setAccessibleName(self.tr("Backups folder"))
        self.choose_backups = QPushButton(self.tr("Choose..."), self)
        self.choose_backups.setAccessibleName(self.tr("Choose a backups folder"))
        self.choose_backups.clicked.connect(self._choose_backups_dir)
        self.default_backups = QPushButton(self.tr("Use the usual place"), self)
        self.default_backups.setAccessibleName(self.tr("Use the usual place for backups"))
        self.default_backups.clicked.connect(self._clear_backups_dir)

    def _build_buttons(self) -> QDialogButtonBox:
        buttons = QDialogButtonBox(self)
        self.save_button = buttons.addButton(
            self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.defaults_button = buttons.addButton(
            self.tr("Restore defaults"), QDialogButtonBox.ButtonRole.ResetRole
        )
        self.defaults_button.clicked.connect(self.restore_defaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        tab_to_every_button(buttons)
        return buttons

    def _build_groups(self) -> QWidget:
        """The settings in their groups, on a page that scrolls when the screen is short
        (200% text on a laptop); the message and Save / Cancel stay below, always on screen."""
        form_page = QWidget(self)
        layout = QVBoxLayout(form_page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._group(self.tr("Speaking and exports"), [
            (self.tr("Starting &pace:"), self.pace),
            (self.tr("Paper si&ze:"), self.paper),
            (self.tr("&Author name:"), self.author),
        ]))
        layout.addWidget(self._group(self.tr("Appearance"), [
            (self.tr("&Theme:"), self.theme),
            (self.tr("Editor &font:"), self.font_family),
            (self.tr("Font si&ze:"), self.font_size),
        ]))
        layout.addWidget(self._group(self.tr("Spelling"), [
            ("", self.spell_check),
            (self.tr("&Language:"), self.spell_language),
        ]))
        folder_row = QWidget(self)
        row = QHBoxLayout(folder_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.backups_dir, 1)
        row.addWidget(self.choose_backups)
        row.addWidget(self.default_backups)
        layout.addWidget(self._group(self.tr("Backups"), [
            (self.tr("&Keep:"), self.backups_keep),
            (self.tr("Fol&der:"), folder_row),
        ], note=self.tr("A checked copy of your narratives is made once a day when the app "
                        "opens. Older copies beyond this number are removed.")))
        layout.addStretch(1)
        return form_page

    def _group(self, title: str, rows: list[tuple[str, QWidget]], note: str = "") -> QGroupBox:
        box = QGroupBox(title, self)
        form = QFormLayout(box)
        for text, widget in rows:
            if not text:  # a check box carries its own label
                form.addRow(widget)
                continue
            label = QLabel(text, box)
            label.setBuddy(widget)
            form.addRow(label, widget)
            self._labels.append(label)
        if note:
            hint = make_muted(QLabel(note, box))
            hint.setWordWrap(True)
            form.addRow(hint)
        return box

    def show_settings(self, settings: AppSettings) -> None:
        """Put ``settings`` into the form (used on open and by Restore defaults)."""
        self.pace.setValue(settings.pace_wpm)
        self.paper.setCurrentIndex(max(0, self.paper.findData(settings.paper_size.value)))
        self.author.setText(settings.author_name)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme.value)))
        # An empty family means "the system font"; it stays empty unless the user picks one.
        self._family = settings.editor_font_family
        self.font_family.blockSignals(True)
        self.font_family.setCurrentFont(QFont(self._family or QGuiApplication.font().family()))
        self.font_family.blockSignals(False)
        self.font_size.setValue(settings.editor_font_size)
        self.backups_keep.setValue(settings.backups_keep)
        self.backups_dir.setText(settings.backups_dir)
        self.spell_check.setChecked(settings.spell_check)
        self._on_spell_toggled(settings.spell_check)
        self._saved_language = settings.spell_language
        index = self.spell_language.findData(settings.spell_language)
        if index < 0:  # that dictionary is no longer installed: offer UK English
            index = self.spell_language.findData(DEFAULTS.spell_language)
        self.spell_language.setCurrentIndex(max(0, index))

    def current_settings(self) -> AppSettings:
        """What the form holds now, as an ``AppSettings`` value."""
        return AppSettings(
            pace_wpm=self.pace.value(),
            paper_size=PaperSize(self.paper.currentData()),
            author_name=self.author.text().strip(),
            theme=Theme(self.theme.currentData()),
            backups_keep=self.backups_keep.value(),
            backups_dir=self.backups_dir.text().strip(),
            editor_font_family=self._family,
            editor_font_size=self.font_size.value(),
            spell_check=self.spell_check.isChecked(),
            spell_language=str(self.spell_language.currentData() or self._saved_language
                               or DEFAULTS.spell_language),
        )

    def restore_defaults(self) -> None:
        self.show_settings(DEFAULTS)
        self._say(self.tr("The usual settings are shown. Press Save to keep them."))

    def accept(self) -> None:
        chosen = self.current_settings()
        problem = self._backups_problem(chosen.backups_dir)
        if problem:
            self._say(problem)
            return
        if not self._settings.save(chosen):
            # Still apply them for this session; say plainly that they will not last.
            self._say(self.tr("Your settings could not be saved to disk, so they will only last "
                              "until you close the app. Check that your home folder is writable."))
            self.settingsApplied.emit(chosen)
            return
        self.settingsApplied.emit(chosen)
        super().accept()

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _fill_languages(self, data_dir: Path | None) -> None:
        """Every installed dictionary (the app's own and any in the data folder)."""
        from narrative_app.spell import available_languages, language_name

        if data_dir is None:  # the usual folder (the app names its own, see show_settings)
            from narrative_app.paths import resolve_data_dir

            data_dir = resolve_data_dir(None)
        try:
            codes = sorted(c for c in available_languages(data_dir) if _LANGUAGE_CODE.match(c))
        except OSError:
            codes = []
        for code in codes:
            self.spell_language.addItem(language_name(code), code)

    def _on_spell_toggled(self, on: bool) -> None:
        self.spell_language.setEnabled(on and self.spell_language.count() > 0)

    def _backups_problem(self, folder: str) -> str:
        """A one-line reason the chosen backups folder cannot be used, or ""."""
        if not folder:
            return ""
        path = Path(folder).expanduser()
        probe = path / f".narrative-coach-write-test-{os.getpid()}"
        try:
            path.mkdir(parents=True, exist_ok=True)
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as error:
            return self.tr("Backups cannot be written to {folder} ({reason}). Choose another "
                           "folder, or use the usual place.").format(
                               folder=path, reason=error.strerror or error)
        return ""

    def _on_font_chosen(self, font: QFont) -> None:
        self._family = font.family()

    def _choose_backups_dir(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Choose a folder for backups"), self.backups_dir.text()
        )
        if folder:
            self.backups_dir.setText(folder)

    def _clear_backups_dir(self) -> None:
        self.backups_dir.clear()
