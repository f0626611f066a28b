"""UI: the Versions dialog: save a labelled version, list them, compare any two, restore one.

Comparison is word by word (``text.diff.word_diff``). Added words are underlined and
removed words struck through, each in its own palette-derived colour, so the marks never rely
on colour alone. Restoring first saves the current text as a version (the store does this).
"""

from __future__ import annotations

import html
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from narrative_app.domain import PART_ORDER, Narrative, VersionInfo
from narrative_app.errors import NarrativeAppError
from narrative_app.text.diff import word_diff
from narrative_app.text.timing import BudgetState
from narrative_app.ui.message_boxes import ask
from narrative_app.ui.widgets.access import set_status
from narrative_app.ui.widgets.common import make_muted, state_colour

if TYPE_CHECKING:
    from narrative_app.ui.controller import NarrativeController

CURRENT = -1  # the compare boxes' id for "the text as it is now"
LEFT_MIN_WIDTH = 300  # the save form and the list of versions


def diff_html(old: str, new: str, added_colour: str, removed_colour: str) -> str:
    styles = {
        "added": f"color: {added_colour}; text-decoration: underline; font-weight: 600;",
        "removed": f"color: {removed_colour}; text-decoration: line-through;",
    }
    out = []
    previous = "same"
    for kind, text in word_diff(old, new):
        escaped = html.escape(text).replace("\n", "<br>")
        if previous == "removed" and kind == "added":
            out.append(" ")  # keep the old and the new words apart on screen
        out.append(escaped if kind == "same" else f'<span style="{styles[kind]}">{escaped}</span>')
        previous = kind
    return "".join(out)


def when(moment: datetime) -> str:
    return f"{moment.day} {moment:%b %Y, %H:%M}"


class VersionsDialog(QDialog):
    """Save, list, compare and restore versions of the open narrative."""

    def __init__(self, controller: NarrativeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.setWindowTitle(self.tr("Versions"))
        self.resize(960, 640)
        form, save_row = self._build_save_form(controller.current)
        self._build_list()
        compare_row = self._build_compare()
        legend = make_muted(QLabel(self.tr(
            "Added words are underlined; removed words are struck through."), self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_columns(form, save_row, compare_row, legend), 1)
        layout.addWidget(buttons)
        controller.versionsChanged.connect(self.refresh)
        self.refresh()
        self.label_edit.setFocus()

    def _build_save_form(self, narrative: Narrative | None) -> tuple[QFormLayout, QHBoxLayout]:
        """Label, audience and occasion for a new version, and its Save button."""
        self.label_edit = self._line(self.tr("Label"), self.tr("For example: Before the away day"))
        self.audience_edit = self._line(self.tr("Audience"), self.tr("Who it was for"))
        self.occasion_edit = self._line(self.tr("Occasion"), self.tr("Where it was told"))
        if narrative is not None:
            for edit, text in ((self.audience_edit, narrative.audience),
                               (self.occasion_edit, narrative.occasion)):
                edit.setText(text)
                edit.setCursorPosition(0)  # a long audience shows its start, not its end
        self.save_button = QPushButton(self.tr("Save version"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save_version)
        self.message = make_muted(QLabel(self), smaller=False)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # carries version labels
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Label"), self.label_edit)
        form.addRow(self.tr("&Audience"), self.audience_edit)
        form.addRow(self.tr("&Occasion"), self.occasion_edit)
        save_row = QHBoxLayout()
        save_row.addWidget(self.message, 1)
        save_row.addWidget(self.save_button)
        return form, save_row

    def _build_list(self) -> None:
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Saved versions, newest first"))
        self.list.setWordWrap(False)  # two short lines per version; the rest in its tooltip
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setSpacing(2)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentRowChanged.connect(self._on_selected)
        self.restore_button = QPushButton(self.tr("Restore this version..."), self)
        self.restore_button.setToolTip(
            self.tr("Bring back this version. Your current text is kept as a version first.")
        )
        self.restore_button.clicked.connect(self.restore_selected)

    def _build_compare(self) -> QGridLayout:
        """The two versions to compare (buddied to their labels) and the differences."""
        self.old_box = self._version_box()
        self.old_box.setAccessibleName(self.tr("Compare from"))
        self.new_box = self._version_box()
        self.new_box.setAccessibleName(self.tr("Compare with"))
        self.new_box.setAccessibleDescription(self.tr("The later text: a version, or the "
                                                      "current text"))
        self.old_box.currentIndexChanged.connect(self.compare)
        self.new_box.currentIndexChanged.connect(self.compare)
        compare_row = QGridLayout()  # one row each: a version's label and date are seen whole
        # The visible words are the lists' labels (buddies), so a screen reader says which
        # list it is, not only the version showing in it.
        self.old_label = QLabel(self.tr("Compare"), self)
        self.old_label.setBuddy(self.old_box)
        self.new_label = QLabel(self.tr("with"), self)
        self.new_label.setBuddy(self.new_box)
        compare_row.addWidget(self.old_label, 0, 0)
        compare_row.addWidget(self.old_box, 0, 1)
        compare_row.addWidget(self.new_label, 1, 0)
        compare_row.addWidget(self.new_box, 1, 1)
        compare_row.setColumnStretch(1, 1)
        self.diff_view = QTextBrowser(self)
        self.diff_view.setOpenLinks(False)
        self.diff_view.setAccessibleName(self.tr("Differences"))
        return compare_row

    def _build_columns(self, form: QFormLayout, save_row: QHBoxLayout,
                       compare_row: QGridLayout, legend: QLabel) -> QHBoxLayout:
        left = QVBoxLayout()
        left.addWidget(self._bold(self.tr("Save a version")))
        left.addLayout(form)
        left.addLayout(save_row)
        left.addSpacing(8)
        left.addWidget(self._bold(self.tr("Saved versions")))
        left.addWidget(self.list, 1)
        left.addWidget(self.restore_button)
        right = QVBoxLayout()
        right.addLayout(compare_row)
        right.addWidget(self.diff_view, 1)
        right.addWidget(legend)
        left_column = QWidget(self)
        left_column.setLayout(left)
        left.setContentsMargins(0, 0, 0, 0)
        left_column.setMinimumWidth(LEFT_MIN_WIDTH)  # never squeezed by long version labels
        columns = QHBoxLayout()
        columns.setSpacing(16)
        columns.addWidget(left_column, 2)
        columns.addLayout(right, 3)
        return columns

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _version_box(self) -> QComboBox:
        """A version picker sized by a short label, not by the longest one it holds."""
        box = QComboBox(self)
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(18)
        return box

    def _bold(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setWeight(font.Weight.DemiBold)
        label.setFont(font)
        return label

    # -------------------------------------------------------------- versions
    def versions(self) -> list[VersionInfo]:
        return list(self._versions)

    def refresh(self, *_args: object) -> None:
        narrative = self._controller.current
        self._versions: list[VersionInfo] = []
        if narrative is not None and narrative.id is not None:
            self._versions = self._controller.list_versions(narrative.id)
        self.list.blockSignals(True)
        self.list.clear()
        for info in self._versions:
            extra = [x for x in (info.audience, info.occasion) if x]
            if info.automatic:
                extra.append(self.tr("saved automatically"))
            text = f"{info.label}\n{when(info.created_at)}"
            if extra:
                text += " \u00b7 " + " \u00b7 ".join(extra)
            item = QListWidgetItem(text)
            item.setToolTip(text)
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        for box in (self.old_box, self.new_box):
            box.blockSignals(True)
            box.clear()
            box.addItem(self.tr("Current text"), CURRENT)
            for info in self._versions:
                box.addItem(f"{info.label} ({when(info.created_at)})", info.id)
            box.blockSignals(False)
        has = bool(self._versions)
        self.restore_button.setEnabled(False)
        if has:
            self.list.setCurrentRow(0)  # compares the newest version with the current text
        else:
            empty = self.tr("No versions yet. Save one before you change a story a lot, or "
                            "before telling it to a new audience.")
            self.diff_view.setHtml(f"<p>{html.escape(empty)}</p>")

    def save_version(self) -> VersionInfo | None:
        label = self.label_edit.text().strip()
        if not label:
            set_status(self.message, self.tr("Give the version a short label, such as 'Away day'."))
            self.label_edit.setFocus()
            return None
        try:
            info = self._controller.save_version(
                label, self.audience_edit.text().strip(), self.occasion_edit.text().strip()
            )
        except NarrativeAppError as error:
            set_status(self.message, str(error))
            return None
        self.label_edit.clear()
        set_status(self.message, self.tr("Saved \u201c{label}\u201d.").format(label=label))
        self.refresh()
        return info

    def restore_selected(self) -> bool:
        row = self.list.currentRow()
        if not 0 <= row < len(self._versions):
            return False
        info = self._versions[row]
        answer = ask(
            self, self.tr("Restore version"),
            self.tr("Restore \u201c{label}\u201d? Your current text is saved as a version "
                    "first, so you can come back to it.").format(label=info.label),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self._controller.restore_version(info.id)
        except NarrativeAppError as error:
            set_status(self.message, str(error))
            return False
        set_status(self.message, self.tr("Restored \u201c{label}\u201d.").format(label=info.label))
        self.refresh()
        return True

    # --------------------------------------------------------------- compare
    def _on_selected(self, row: int) -> None:
        self.restore_button.setEnabled(0 <= row < len(self._versions))
        if 0 <= row < len(self._versions):
            self.set_compare(self._versions[row].id, CURRENT)

    def set_compare(self, old_id: int, new_id: int) -> None:
        for box, wanted in ((self.old_box, old_id), (self.new_box, new_id)):
            box.blockSignals(True)
            box.setCurrentIndex(max(0, box.findData(wanted)))
            box.blockSignals(False)
        self.compare()

    def _narrative(self, version_id: int) -> Narrative | None:
        if version_id == CURRENT:
            return self._controller.current
        return self._controller.version_narrative(version_id)

    def compare(self, *_args: object) -> str:
        """Show the word-level differences between the two chosen texts; returns the HTML."""
        try:
            old = self._narrative(self.old_box.currentData())
            new = self._narrative(self.new_box.currentData())
        except NarrativeAppError as error:
            self.diff_view.setPlainText(str(error))
            return ""
        if old is None or new is None:
            return ""
        palette = self.palette()
        added = state_colour(palette, BudgetState.GREEN).name()
        removed = state_colour(palette, BudgetState.RED).name()
        sections = []
        for kind in PART_ORDER:
            a, b = old.parts[kind], new.parts[kind]
            body = diff_html(a.draft, b.draft, added, removed) if a.draft != b.draft else ""
            fields = [
                f"<p><i>{html.escape(key.replace('_', ' ').capitalize())}:</i> "
                f"{diff_html(a.fields[key], b.fields[key], added, removed)}</p>"
                for key in a.fields if a.fields[key] != b.fields.get(key, "")
            ]
            if a.cues != b.cues:
                fields.append("<p><i>" + html.escape(self.tr("Cues")) + ":</i> "
                              + diff_html("\n".join(a.cues), "\n".join(b.cues), added, removed)
                              + "</p>")
            if body or fields:
                sections.append(f"<h3>{html.escape(kind.title)}</h3><p>{body}</p>"
                                + "".join(fields))
        if old.title != new.title or old.values != new.values:
            sections.insert(0, "<p>" + diff_html(
                f"{old.title} \u2014 {', '.join(old.values)}",
                f"{new.title} \u2014 {', '.join(new.values)}", added, removed) + "</p>")
        if not sections:
            sections.append("<p>" + html.escape(self.tr("These two are the same.")) + "</p>")
        result = "".join(sections)
        self.diff_view.setHtml(result)
        return result
