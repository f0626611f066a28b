"""UI: the names dialog: how each person's name is printed in a team briefing or cue cards.

Before a layout that goes to other people is exported, the speaker sees the names found in
the text (``export.people.find_people``) and chooses per name: keep it, use initials, or a
description they type ("a nine-year-old boy"). The choices are returned as name -> printed
text, to be remembered with the narrative; the drafts are never changed.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from narrative_app.export.people import Choice, Person, choice_of, initials


class _NameRow(QWidget):
    """One name: a choice of keep / initials / description, and the description's text."""

    def __init__(self, person: Person, printed: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = person
        self.combo = QComboBox()
        self.combo.addItem(self.tr("Keep the name"), Choice.KEEP.value)
        self.combo.addItem(self.tr("Use initials ({initials})").format(
            initials=initials(person.name)), Choice.INITIALS.value)
        self.combo.addItem(self.tr("Describe instead…"), Choice.DESCRIBE.value)
        self.combo.setAccessibleName(self.tr("How to print {name}").format(name=person.name))
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("such as “a nine-year-old boy”"))
        self.description.setAccessibleName(
            self.tr("Description instead of {name}").format(name=person.name))
        chosen = choice_of(person.name, printed)
        if chosen is Choice.DESCRIBE and printed:
            self.description.setText(printed)
        self.combo.setCurrentIndex(self.combo.findData((chosen or Choice.KEEP).value))
        self.combo.currentIndexChanged.connect(self._update)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.combo)
        row.addWidget(self.description, 1)
        self._update()

    def _update(self, *_args: object) -> None:
        describing = self.combo.currentData() == Choice.DESCRIBE.value
        self.description.setEnabled(describing)
        if describing:
            self.description.setFocus()

    def printed(self) -> str:
        choice = Choice(self.combo.currentData())
        if choice is Choice.INITIALS:
            return initials(self.person.name)
        if choice is Choice.DESCRIBE and self.description.text().strip():
            return " ".join(self.description.text().split())
        return self.person.name


class PeopleDialog(QDialog):
    """Per name found in the text: keep it, use initials, or a description."""

    def __init__(
        self,
        people: Sequence[Person],
        chosen: Mapping[str, str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Names in this narrative"))
        self.setObjectName("peopleDialog")
        intro = QLabel(self.tr(
            "A briefing or cue cards may be passed on. These look like people's names; "
            "choose how each is printed. Your drafts stay as they are."))
        intro.setWordWrap(True)
        form = QFormLayout()
        self.rows: dict[str, _NameRow] = {}
        for person in people:
            row = _NameRow(person, chosen.get(person.name))
            label = QLabel(f"<b>{html.escape(person.name)}</b>")
            label.setToolTip(person.example)
            label.setBuddy(row.combo)
            form.addRow(label, row)
            self.rows[person.name] = row
        holder = QWidget()
        holder.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        root = QVBoxLayout(self)
        root.addWidget(intro)
        root.addWidget(scroll, 1)
        root.addWidget(buttons)
        self.resize(560, min(520, 180 + 44 * len(self.rows)))

    def choices(self) -> dict[str, str]:
        """Name -> printed text, for every name shown."""
        return {name: row.printed() for name, row in self.rows.items()}
