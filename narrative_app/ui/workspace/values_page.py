"""UI: the optional values card sort: choose up to five values, put the top three first.

The cards come from ``resources/values/values.toml`` (our own wording). A user may add a value
of their own: it is saved with the narrative's chosen values, shown as a card with the others
(marked "Your own"), and removed again with its card's Remove button or by unticking it.
If the list file is missing or damaged the page says so and still shows, and keeps, the
values already chosen.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from narrative_app.domain import MAX_CHOSEN_VALUES
from narrative_app.paths import read_resource_text
from narrative_app.ui.widgets.access import set_status
from narrative_app.ui.widgets.common import make_heading, make_muted
from narrative_app.ui.widgets.reflow import ReflowGrid

if TYPE_CHECKING:
    from narrative_app.ui.controller import NarrativeController

TOP_RANKED = 3
MAX_OWN_LENGTH = 40
COLUMNS = 3


@dataclass(frozen=True)
class ValueCard:
    name: str
    description: str


def load_values() -> tuple[list[ValueCard], str]:
    """The value cards, and a one-line problem message ("" when the list loaded)."""
    try:
        data = tomllib.loads(read_resource_text("values", "values.toml"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return [], "The list of values could not be read; the values you chose are kept."
    cards: list[ValueCard] = []
    seen: set[str] = set()
    for row in data.get("value", []):
        if not isinstance(row, dict):
            continue
        name = str(row.get("name", "")).strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            cards.append(ValueCard(name, str(row.get("description", "")).strip()))
    return cards, "" if cards else "The list of values is empty; the values you chose are kept."


class ValuesPage(QWidget):
    """Choose and rank values; every change is saved with ``controller.set_meta(values=...)``."""

    def __init__(self, controller: NarrativeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self._chosen: list[str] = []
        self.cards, problem = load_values()
        self.setAccessibleName(self.tr("Values"))
        heading = make_heading(QLabel(self.tr("Values"), self), 1.5)
        intro = make_muted(QLabel(self.tr(
            "Optional. Which values does your narrative stand on? Choose up to five, then put "
            "the three that matter most at the top. The Link page shows where they appear in "
            "your stories."), self), smaller=False)
        intro.setWordWrap(True)
        self.problem_label = QLabel(self.tr(problem) if problem else "", self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setVisible(bool(problem))
        self.checks: dict[str, QCheckBox] = {}
        self._frames: dict[str, QFrame] = {}
        self._own: set[str] = set()  # names of the user's own cards on show
        grid_host = ReflowGrid(COLUMNS)  # fewer columns when the text is large
        self._grid = grid_host
        for card in self.cards:
            grid_host.add(self._card(card, grid_host))
        scroll = QScrollArea(self)
        scroll.setWidget(grid_host)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setAccessibleName(self.tr("Value cards"))
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no invisible Tab stop; cards scroll in
        cards_column = QVBoxLayout()
        cards_column.addWidget(scroll, 1)
        cards_column.addLayout(self._build_own_row())
        columns = QHBoxLayout()
        columns.setSpacing(18)
        columns.addLayout(cards_column, 3)
        columns.addWidget(self._ranking_panel(), 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 14, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.problem_label)
        layout.addLayout(columns, 1)
        controller.narrativeOpened.connect(self._on_narrative)
        controller.metaChanged.connect(self._on_narrative)
        self.load()

    def _build_own_row(self) -> QHBoxLayout:
        self.own_edit = QLineEdit(self)
        self.own_edit.setPlaceholderText(self.tr("Your own value, such as “Candour”"))
        hint_width = self.own_edit.fontMetrics().horizontalAdvance(self.own_edit.placeholderText())
        self.own_edit.setMinimumWidth(hint_width + 24)  # the example is never cut off
        self.own_edit.setAccessibleName(self.tr("Your own value"))
        self.own_edit.setMaxLength(MAX_OWN_LENGTH)
        self.own_edit.returnPressed.connect(self.add_own_value)
        self.own_button = QPushButton(self.tr("Add your own value"), self)
        self.own_button.clicked.connect(self.add_own_value)
        self.own_note = make_muted(QLabel(self))
        self.own_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.own_edit, 2)
        row.addWidget(self.own_button)
        row.addWidget(self.own_note, 1)
        return row

    def add_own_value(self) -> bool:
        """Add the typed value as a card of its own, chosen (False, with a note, if not)."""
        name = " ".join(self.own_edit.text().split())
        if not name:
            set_status(self.own_note, self.tr("Type a value first, such as “Candour”."))
            return False
        known = {n.casefold(): n for n in self.checks}
        if known.get(name.casefold()) in self._chosen:
            set_status(self.own_note, self.tr("“{name}” is already chosen.").format(
                name=known[name.casefold()]))
            return False
        if len(self._chosen) >= MAX_CHOSEN_VALUES:
            set_status(self.own_note, self.tr(
                "You have chosen five. Remove one to add your own."))
            return False
        self.own_edit.clear()
        set_status(self.own_note, "")
        self.set_chosen([*self._chosen, known.get(name.casefold(), name)])
        return True

    def _sync_own_cards(self) -> None:
        """A card for each chosen value not in the list; a card whose value went, goes."""
        listed = {card.name for card in self.cards}
        wanted = [v for v in self._chosen if v not in listed]
        for name in [n for n in self._own if n not in wanted]:
            self._own.discard(name)
            self.checks.pop(name, None)
            self._grid.remove(self._frames.pop(name))
        for name in wanted:
            if name not in self._own:
                self._own.add(name)
                frame = self._card(ValueCard(name, self.tr("Your own value.")), self._grid)
                remove = QPushButton(self.tr("Remove"), frame)
                remove.setAccessibleName(self.tr("Remove {name}").format(name=name))
                remove.clicked.connect(partial(self._remove_own, name))
                box = frame.layout()
                if isinstance(box, QVBoxLayout):  # the card's own column, made by _card
                    box.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
                self._grid.add(frame)
                frame.show()  # added after the page was shown

    def _remove_own(self, name: str) -> None:
        self.set_chosen([v for v in self._chosen if v != name])

    def _card(self, card: ValueCard, parent: QWidget) -> QFrame:
        frame = QFrame(parent)
        frame.setObjectName("valueCard")
        frame.setStyleSheet(
            # An edge in the checked border colour (3:1, WCAG 1.4.11); a chosen card's is
            # thicker, in the accent, and the same size overall.
            "#valueCard { background: palette(alternate-base); border-radius: 8px;"
            " border: 1px solid palette(mid); padding: 1px; }"
            '#valueCard[chosen="true"] { border: 2px solid palette(highlight); padding: 0px; }'
        )
        check = QCheckBox(card.name if card.name in self._own else self.tr(card.name), frame)
        font = check.font()
        font.setWeight(font.Weight.DemiBold)
        check.setFont(font)
        check.setAccessibleName(card.name)
        check.setAccessibleDescription(card.description)
        check.toggled.connect(partial(self._on_check, card.name))
        description = make_muted(QLabel(card.description, frame))
        description.setWordWrap(True)
        description.setBuddy(check)
        box = QVBoxLayout(frame)
        box.setContentsMargins(10, 8, 10, 8)
        box.setSpacing(2)
        box.addWidget(check)
        box.addWidget(description)
        box.addStretch(1)
        self.checks[card.name] = check
        self._frames[card.name] = frame
        return frame

    def _ranking_panel(self) -> QWidget:
        panel = QWidget(self)
        title = QLabel(self.tr("Your values"), panel)
        font = title.font()
        font.setWeight(font.Weight.DemiBold)
        title.setFont(font)
        self.count_label = make_muted(QLabel(panel))
        self.count_label.setWordWrap(True)
        self.ranked = QListWidget(panel)
        self.ranked.setAccessibleName(self.tr("Your values, most important first"))
        self.ranked.setAccessibleDescription(
            self.tr("Use Move up and Move down to put your top three first.")
        )
        self.ranked.setSpacing(3)
        self.ranked.currentRowChanged.connect(self._update_buttons)
        self.rank_hint = make_muted(QLabel(
            self.tr("Your top three are in bold. Select a value, then move it up or down."), panel))
        self.rank_hint.setWordWrap(True)
        self.up_button = QPushButton(self.tr("Move up"), panel)
        self.up_button.setToolTip(self.tr("Move the selected value up (Alt+Up)"))
        self.up_button.setShortcut("Alt+Up")
        self.up_button.clicked.connect(self.move_up)
        self.down_button = QPushButton(self.tr("Move down"), panel)
        self.down_button.setToolTip(self.tr("Move the selected value down (Alt+Down)"))
        self.down_button.setShortcut("Alt+Down")
        self.down_button.clicked.connect(self.move_down)
        self.remove_button = QPushButton(self.tr("Remove"), panel)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = ReflowGrid(3, panel)  # one row, or stacked when the text is large
        buttons.grid.setContentsMargins(0, 0, 0, 0)
        for button in (self.up_button, self.down_button, self.remove_button):
            buttons.add(button)
        box = QVBoxLayout(panel)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(title)
        box.addWidget(self.count_label)
        box.addWidget(self.ranked, 1)
        box.addWidget(self.rank_hint)
        box.addWidget(buttons)
        panel.setMinimumWidth(220)
        return panel

    # ---------------------------------------------------------------- model
    def chosen(self) -> list[str]:
        return list(self._chosen)

    def load(self) -> None:
        narrative = self._controller.current
        self.setEnabled(narrative is not None)
        self._chosen = list(narrative.values) if narrative else []
        self._refresh()

    def _on_narrative(self, _narrative_id: int) -> None:
        narrative = self._controller.current
        # Enabled whenever a narrative is open, even one with no values yet (a new one).
        self.setEnabled(narrative is not None)
        if narrative is None or list(narrative.values) != self._chosen:
            self.load()

    def set_chosen(self, values: list[str]) -> None:
        """Choose exactly these values in this order (at most five) and save them."""
        unique: list[str] = []
        for value in values:
            if value not in unique:
                unique.append(value)
        self._chosen = unique[:MAX_CHOSEN_VALUES]
        self._controller.set_meta(values=list(self._chosen))
        self._refresh(spoken=True)

    def _on_check(self, name: str, checked: bool) -> None:
        if checked and name not in self._chosen:
            if len(self._chosen) >= MAX_CHOSEN_VALUES:
                self._refresh()  # untick again: five is the limit
                return
            self.set_chosen([*self._chosen, name])
        elif not checked and name in self._chosen:
            self.set_chosen([v for v in self._chosen if v != name])

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self.ranked.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self._chosen):
            return
        values = list(self._chosen)
        values[row], values[target] = values[target], values[row]
        self.set_chosen(values)
        self.ranked.setCurrentRow(target)

    def remove_selected(self) -> None:
        row = self.ranked.currentRow()
        if 0 <= row < len(self._chosen):
            self.set_chosen([v for i, v in enumerate(self._chosen) if i != row])
            self.ranked.setCurrentRow(min(row, len(self._chosen) - 1))

    # ------------------------------------------------------------------ view
    def _refresh(self, *, spoken: bool = False) -> None:
        """Show the choice; ``spoken`` (a change the user made) also announces the count."""
        self._sync_own_cards()
        full = len(self._chosen) >= MAX_CHOSEN_VALUES
        for name, check in self.checks.items():
            check.blockSignals(True)
            check.setChecked(name in self._chosen)
            check.blockSignals(False)
            check.setEnabled(name in self._chosen or not full)
            check.setToolTip(self.tr("You have chosen five. Remove one to choose another.")
                             if full and name not in self._chosen else "")
            frame = self._frames[name]
            if frame.property("chosen") != (name in self._chosen):
                frame.setProperty("chosen", name in self._chosen)
                frame.style().unpolish(frame)
                frame.style().polish(frame)
        row = self.ranked.currentRow()
        self.ranked.clear()
        for index, name in enumerate(self._chosen):
            item = QListWidgetItem(f"{index + 1}.  {name}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            if index < TOP_RANKED:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.ranked.addItem(item)
        if 0 <= row < self.ranked.count():
            self.ranked.setCurrentRow(row)
        count = len(self._chosen)
        if count == 0:
            words = self.tr("None chosen yet. Tick up to five cards.")
        elif full:
            words = self.tr("Five chosen, the most you can pick.")
        else:
            words = self.tr("{n} of 5 chosen.").format(n=count)
        if spoken:
            set_status(self.count_label, words)
        else:
            self.count_label.setText(words)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        row = self.ranked.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.ranked.count() - 1)
        self.remove_button.setEnabled(row >= 0)
