"""UI: the export dialog: format, layout, paper and full text, with a live preview.

It renders the same speaking-notes document as the writers (as HTML in the widget palette's
colours, so dark mode works), remembers the last folder in QSettings (``export/last_dir``)
and offers to open the file once it is saved.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from narrative_app.domain import Narrative
from narrative_app.errors import NarrativeAppError
from narrative_app.export import (
    SHARED_LAYOUTS,
    ExportFormat,
    check_export_target,
    render_export,
    write_export,
)
from narrative_app.export.html import HtmlColours, esc, notes_to_html
from narrative_app.export.names import suggested_file_name
from narrative_app.export.notes import Layout, Paper, build_notes
from narrative_app.export.people import apply_people, find_people, unchosen
from narrative_app.ui.settings import Settings
from narrative_app.ui.widgets.access import tab_to_every_button

PREVIEW_SCALE = 0.75  # the preview is a sketch of the page, not the page at full size
LAST_DIR_KEY = "export/last_dir"
LAST_FORMAT_KEY = "export/format"
LAST_LAYOUT_KEY = "export/layout"
_FORMAT_ORDER = (
    ExportFormat.DOCX,
    ExportFormat.PDF,
    ExportFormat.MARKDOWN,
    ExportFormat.TEXT,
    ExportFormat.NARRATIVE,
)


class ExportDialog(QDialog):
    """Choose how to export a narrative, see a preview, and save it."""

    def __init__(
        self,
        narrative: Narrative,
        parent: QWidget | None = None,
        *,
        author: str = "",
        data_dir: Path | None = None,
        remember_people: Callable[[dict[str, str]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.narrative = narrative
        self.saved_path: Path | None = None
        # Stores the name choices with the narrative (the drafts are never changed).
        self._remember_people = remember_people
        self.people = find_people(narrative)
        # The data folder whose database, lock and backups an export must never replace
        # (any folder holding a narratives.db is refused too, named or not).
        self._data_dirs = tuple(d for d in (data_dir, _default_data_dir()) if d)
        self._settings = Settings().qsettings
        defaults = _app_defaults()
        self._author = author or defaults[1]
        self.setWindowTitle(self.tr("Export narrative"))
        self.setObjectName("exportDialog")
        body = QHBoxLayout()
        body.addLayout(self._build_options(defaults[0]), 0)
        body.addLayout(self._build_preview(), 1)
        self._build_buttons()
        root = QVBoxLayout(self)
        root.addLayout(body, 1)
        root.addWidget(self.buttons)
        self.format_combo.currentIndexChanged.connect(self._refresh)
        self.layout_combo.currentIndexChanged.connect(self._refresh)
        self.paper_combo.currentIndexChanged.connect(self._refresh)
        self.full_text_check.toggled.connect(self._refresh)
        self._refresh()
        self.resize(860, 560)

    def _build_options(self, paper: str) -> QVBoxLayout:
        """Format, layout, paper size, full text and the names, with the last choices."""
        self.format_combo = QComboBox()
        labels = {
            ExportFormat.DOCX: self.tr("Word document (.docx)"),
            ExportFormat.PDF: self.tr("PDF (.pdf)"),
            ExportFormat.MARKDOWN: self.tr("Markdown (.md)"),
            ExportFormat.TEXT: self.tr("Plain text (.txt)"),
            ExportFormat.NARRATIVE: self.tr("Narrative file to share or move (.narrative)"),
        }
        for fmt in _FORMAT_ORDER:
            self.format_combo.addItem(labels[fmt], fmt.value)
        self.layout_combo = QComboBox()
        layout_labels = {
            Layout.NOTES: self.tr("Speaking notes"),
            Layout.CARDS: self.tr("Cue cards (large print)"),
            Layout.BRIEFING: self.tr("Team briefing (one page)"),
        }
        for layout in Layout:
            self.layout_combo.addItem(layout_labels[layout], layout.value)
        self.paper_combo = QComboBox()
        self.paper_combo.addItem(self.tr("A4"), Paper.A4.value)
        self.paper_combo.addItem(self.tr("US Letter"), Paper.LETTER.value)
        self.full_text_check = QCheckBox(self.tr("Include the full text"))
        self.full_text_check.setChecked(True)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.people_label = QLabel()
        self.people_label.setWordWrap(True)
        self.people_button = QPushButton(self.tr("&Names…"))
        self.people_button.setToolTip(self.tr(
            "Choose how people's names are printed: keep, initials or a description"))
        self.people_button.clicked.connect(self.choose_names)

        self._select(self.format_combo, self._settings.value(LAST_FORMAT_KEY, "docx"))
        self._select(self.layout_combo, self._settings.value(LAST_LAYOUT_KEY, "notes"))
        self._select(self.paper_combo, paper)

        form = QFormLayout()
        form.addRow(self.tr("&Format:"), self.format_combo)
        form.addRow(self.tr("&Layout:"), self.layout_combo)
        form.addRow(self.tr("&Paper size:"), self.paper_combo)
        form.addRow("", self.full_text_check)
        self._form = form
        options = QVBoxLayout()
        options.addLayout(form)
        options.addWidget(self.hint_label)
        options.addWidget(self.people_label)
        options.addWidget(self.people_button)
        options.addStretch(1)
        return options

    def _build_preview(self) -> QVBoxLayout:
        self.preview = QTextBrowser()
        self.preview.setObjectName("exportPreview")
        self.preview.setOpenLinks(False)
        self.preview.setMinimumSize(420, 360)
        self.preview.setAccessibleName(self.tr("Preview of the export"))
        preview_box = QVBoxLayout()
        preview_box.addWidget(QLabel(self.tr("Preview")))
        preview_box.addWidget(self.preview, 1)
        return preview_box

    def _build_buttons(self) -> None:
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        tab_to_every_button(self.buttons)  # Cancel too, not only the default button

    # --- state -----------------------------------------------------------------------------

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        index = combo.findData(str(value))
        if index >= 0:
            combo.setCurrentIndex(index)

    @property
    def chosen_format(self) -> ExportFormat:
        return ExportFormat(self.format_combo.currentData())

    @property
    def chosen_layout(self) -> Layout:
        return Layout(self.layout_combo.currentData())

    @property
    def chosen_paper(self) -> Paper:
        return Paper(self.paper_combo.currentData())

    def _refresh(self) -> None:
        fmt, layout = self.chosen_format, self.chosen_layout
        printed = fmt in (ExportFormat.DOCX, ExportFormat.PDF)
        self.layout_combo.setEnabled(fmt.has_layouts)
        self.paper_combo.setEnabled(printed)
        usable = fmt is ExportFormat.MARKDOWN or (fmt.has_layouts and layout is Layout.NOTES)
        self.full_text_check.setEnabled(usable)
        self._form.setRowVisible(self.full_text_check, usable)  # no ticked box that does nothing
        hints = {
            ExportFormat.DOCX: self.tr("Opens in Word and LibreOffice. Restyle it with the "
                                       "Heading and Cue styles."),
            ExportFormat.PDF: self.tr("Ready to print or send; it cannot be edited."),
            ExportFormat.MARKDOWN: self.tr("Plain text with headings; it can be imported "
                                           "again."),
            ExportFormat.TEXT: self.tr("Plain text for any editor or email."),
            ExportFormat.NARRATIVE: self.tr("The whole narrative, to move to another "
                                            "computer or give to a coach. Import it from "
                                            "the File menu."),
        }
        hint = hints[fmt]
        if fmt.has_layouts and layout is Layout.BRIEFING:
            hint += " " + self.tr(
                "The briefing is made from: the Occasion (what this is about), the Story of "
                "Now's draft (why now: the urgency, the hope and the plan), the Story of Us's "
                "draft (what we share), the last paragraph of the Story of Self, the ask, “How "
                "to say yes” on the Purpose page (who to tell, and what happens next) and your "
                "values. Timings and the structured fields stay out: they are your own notes.")
        self.hint_label.setText(hint)
        self._show_people()
        self.preview.setHtml(self.preview_html())

    def _names_matter(self) -> bool:
        """True when the chosen layout goes to other people and so prints names as chosen."""
        return self.chosen_format.has_layouts and self.chosen_layout in SHARED_LAYOUTS

    def _show_people(self) -> None:
        shown = self._names_matter() and bool(self.people)
        self.people_label.setVisible(shown)
        self.people_button.setVisible(shown)
        if not shown:
            return
        names = ", ".join(p.name for p in self.people)
        waiting = len(unchosen(self.people, self.narrative.people))
        text = self.tr("Names found: {names}.").format(names=names)
        if waiting:
            text += " " + (
                self.tr("1 has no choice yet; you will be asked before exporting.")
                if waiting == 1 else
                self.tr("{n} have no choice yet; you will be asked before exporting.").format(
                    n=waiting))
        self.people_label.setText(text)

    def choose_names(self) -> bool:
        """Ask how each name is printed; True when the user confirmed."""
        from narrative_app.ui.dialogs.people import PeopleDialog

        dialog = PeopleDialog(self.people, self.narrative.people, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            chosen = {**self.narrative.people, **dialog.choices()}
        finally:
            dialog.deleteLater()
        if self._remember_people is not None:
            self._remember_people(chosen)
        if self.narrative.people != chosen:
            self.narrative.people = chosen
        self._refresh()
        return True

    def preview_html(self) -> str:
        """What the preview shows: the chosen layout, in the palette's colours."""
        fmt = self.chosen_format
        if fmt in (ExportFormat.MARKDOWN, ExportFormat.TEXT):
            # The very bytes the command line writes: one dispatcher for both.
            data = render_export(
                self.narrative,
                fmt,
                layout=self.chosen_layout if fmt.has_layouts else "notes",
                include_full_text=self.full_text_check.isChecked(),
                author=self._author,
            )
            return f"<pre>{esc(data.decode('utf-8'))}</pre>"
        notes = build_notes(
            apply_people(self.narrative) if self._names_matter() else self.narrative,
            include_full_text=self.full_text_check.isChecked(),
            author=self._author,
        )
        if fmt is ExportFormat.NARRATIVE:
            return (
                f"<h3>{esc(notes.title)}</h3><p>"
                + esc(self.tr("Everything in this narrative: the purpose, values, the three "
                              "stories with their fields, drafts, cues and target times."))
                + "</p>"
            )
        palette = self.preview.palette()
        colours = HtmlColours(
            ink=palette.color(QPalette.ColorRole.Text).name(),
            accent=palette.color(QPalette.ColorRole.Highlight).name(),
            muted=palette.color(QPalette.ColorRole.PlaceholderText).name(),
            fill=palette.color(QPalette.ColorRole.AlternateBase).name(),
            rule=palette.color(QPalette.ColorRole.Mid).name(),
        )
        return notes_to_html(notes, self.chosen_layout, colours, scale=PREVIEW_SCALE)

    # --- saving ----------------------------------------------------------------------------

    def _start_folder(self) -> Path:
        remembered = str(self._settings.value(LAST_DIR_KEY, "") or "")
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()

    def export(self) -> None:
        """Ask where to save, write the file, then offer to open it."""
        fmt, layout = self.chosen_format, self.chosen_layout
        if (
            self._names_matter()
            and unchosen(self.people, self.narrative.people)
            and not self.choose_names()
        ):
            return  # the names are the user's call: no choice, no export
        start = self._start_folder() / suggested_file_name(self.narrative, fmt, layout)
        filters = self.tr("%1 (*%2)").replace("%1", fmt.label).replace("%2", fmt.suffix)
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export narrative"), str(start), filters
        )
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != fmt.suffix:
            path = path.with_name(path.name + fmt.suffix)
        try:
            check_export_target(path, self._data_dirs)
            written = write_export(
                self.narrative,
                fmt,
                path,
                layout=layout,
                paper=self.chosen_paper,
                include_full_text=self.full_text_check.isChecked(),
                author=self._author,
                data_dirs=self._data_dirs,
            )
        except NarrativeAppError as error:
            QMessageBox.warning(self, self.tr("Export failed"), str(error))
            return
        self._settings.setValue(LAST_DIR_KEY, str(written.parent))
        self._settings.setValue(LAST_FORMAT_KEY, fmt.value)
        self._settings.setValue(LAST_LAYOUT_KEY, layout.value)
        self.saved_path = written
        answer = QMessageBox.question(
            self,
            self.tr("Export finished"),
            self.tr("Saved “%1”. Open it now?").replace("%1", written.name),
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Close,
            QMessageBox.StandardButton.Open,
        )
        if answer == QMessageBox.StandardButton.Open:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
        self.accept()


def _app_defaults() -> tuple[str, str]:
    """(paper size, author name) from the app's settings; A4 and no author if unavailable."""
    try:
        loaded = Settings().load()
        return str(loaded.paper_size.value), loaded.author_name
    except Exception:  # settings are a convenience here; export still works without them
        return Paper.A4.value, ""


def _default_data_dir() -> Path | None:
    """The data folder from NARRATIVE_APP_DATA_DIR or the platform default."""
    try:
        from narrative_app.paths import resolve_data_dir

        return resolve_data_dir()
    except Exception:  # an odd environment must not stop an export; names are still checked
        return None


def export_with_dialog(
    parent: QWidget | None,
    narrative: Narrative,
    author: str = "",
    *,
    data_dir: Path | None = None,
    remember_people: Callable[[dict[str, str]], None] | None = None,
) -> Path | None:
    """Show the export dialog; the saved file's path, or None when cancelled."""
    dialog = ExportDialog(
        narrative, parent, author=author, data_dir=data_dir, remember_people=remember_people
    )
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.saved_path
        return None
    finally:
        dialog.deleteLater()
