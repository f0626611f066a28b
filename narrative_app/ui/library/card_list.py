"""UI: the library's list of narrative cards, built lazily as rows scroll into view.

Layer: ui. :class:`NarrativeList` holds the listed summaries and their cards and passes on
what the user asks of a card (or of the selected row, by key) as signals; the library page
decides what to do.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import QAction, QFocusEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from narrative_app.ui.library.card import NarrativeCard, spoken_summary

if TYPE_CHECKING:
    from narrative_app.domain import NarrativeSummary

LIST_STYLE = """
QListWidget { background: transparent; border: none; outline: none; }
QListWidget::item, QListWidget::item:selected, QListWidget::item:hover {
    background: transparent; border: none; padding: 0px; margin: 0px; }
"""


class NarrativeList(QListWidget):
    """Every listed narrative has a light list item; its card widget is built only when its
    row scrolls into view, so a library of thousands opens at once."""

    openRequested = Signal(int)
    duplicateRequested = Signal(int)
    renameRequested = Signal(int)
    exportRequested = Signal(int)
    trashRequested = Signal(int)
    restoreRequested = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summaries: dict[int, NarrativeSummary] = {}
        self.cards: dict[int, NarrativeCard] = {}
        self.trashed = False
        self._row_height = 0  # a built card's height, assumed for rows not built yet
        self.setAccessibleName(self.tr("Narratives"))
        self.setStyleSheet(LIST_STYLE)
        self.setSpacing(6)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.itemActivated.connect(self._item_activated)
        self.verticalScrollBar().valueChanged.connect(self._build_visible_cards)
        self.currentItemChanged.connect(self._current_changed)
        self._add_key_actions()

    def _add_key_actions(self) -> None:
        specs = [
            (self.tr("Move to the trash"), QKeySequence(QKeySequence.StandardKey.Delete),
             self.trashRequested),
            (self.tr("Rename..."), QKeySequence("F2"), self.renameRequested),
            (self.tr("Duplicate"), QKeySequence("Ctrl+D"), self.duplicateRequested),
        ]
        for text, key, signal in specs:
            action = QAction(text, self)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(partial(self._on_selected, signal))
            self.addAction(action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _on_selected(self, signal: SignalInstance, _checked: bool = False) -> None:
        narrative_id = self.selected_id()
        if narrative_id is not None and not self.trashed:
            signal.emit(narrative_id)

    def show_summaries(self, items: list[NarrativeSummary], *, trashed: bool) -> None:
        """List ``items``, keeping the selection where it was."""
        selected = self.selected_id()
        self.clear()
        self.cards.clear()
        self.trashed = trashed
        self.summaries = {summary.id: summary for summary in items}
        width = max(self._card_width(), 100)
        for summary in items:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            # What a screen reader says for the row (the card itself is not in the tree).
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken_summary(summary, trashed))
            item.setSizeHint(QSize(width, self._row_height or 110))
            self.addItem(item)
        self._build_visible_cards()
        self._fit_cards()
        if items:
            self.select(selected if selected in self.summaries else items[0].id)

    def _build_card(self, item: QListWidgetItem) -> NarrativeCard:
        narrative_id = item.data(Qt.ItemDataRole.UserRole)
        card = NarrativeCard(self.summaries[narrative_id], trashed=self.trashed)
        card.openClicked.connect(self.openRequested)
        card.duplicateClicked.connect(self.duplicateRequested)
        card.renameClicked.connect(self.renameRequested)
        card.exportClicked.connect(self.exportRequested)
        card.trashClicked.connect(self.trashRequested)
        card.restoreClicked.connect(self.restoreRequested)
        card.deleteClicked.connect(self.deleteRequested)
        self.setItemWidget(item, card)
        self.cards[narrative_id] = card
        self._fit_card(item, card, self._card_width())
        if item is self.currentItem():
            card.set_selected(True, self.hasFocus())
        return card

    def _build_visible_cards(self) -> None:
        """Build the cards of the rows in view (and one screen below), once each."""
        count = self.count()
        if not count:
            return
        viewport = self.viewport()
        first = max(self.indexAt(viewport.rect().topLeft() + QPoint(4, 4)).row(), 0)
        row, bottom = first, viewport.height() * 2
        while row < count:
            item = self.item(row)
            if self.itemWidget(item) is None:
                self._build_card(item)
            if self.visualItemRect(item).top() > bottom:
                break
            row += 1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_cards()

    def _card_width(self) -> int:
        return self.viewport().width() - 2 * self.spacing()

    def _fit_cards(self) -> None:
        """Cards wrap their text, so their height depends on the width they are given."""
        width = self._card_width()
        for narrative_id, card in self.cards.items():
            item = self._item(narrative_id)
            if item is not None:
                self._fit_card(item, card, width)
        guess = QSize(max(width, 100), self._row_height or 110)
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) not in self.cards:
                item.setSizeHint(guess)
        self._build_visible_cards()

    def _fit_card(self, item: QListWidgetItem, card: NarrativeCard, width: int) -> None:
        if card.hasHeightForWidth():
            height = card.heightForWidth(width)
        else:
            height = card.sizeHint().height()
        self._row_height = max(self._row_height, height)
        item.setSizeHint(QSize(max(width, 100), height))

    def _item(self, narrative_id: int) -> QListWidgetItem | None:
        for row in range(self.count()):
            item = self.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == narrative_id:
                return item
        return None

    # ------------------------------------------------------------ selection
    def selected_id(self) -> int | None:
        item = self.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def select(self, narrative_id: int) -> None:
        item = self._item(narrative_id)
        if item is not None:
            self.setCurrentItem(item)

    def card(self, narrative_id: int) -> NarrativeCard | None:
        """The narrative's card (built now if its row has not been in view yet)."""
        card = self.cards.get(narrative_id)
        if card is None and narrative_id in self.summaries:
            item = self._item(narrative_id)
            if item is not None:
                card = self._build_card(item)
        return card

    def _current_changed(self, current: QListWidgetItem | None,
                         previous: QListWidgetItem | None) -> None:
        for item, selected in ((previous, False), (current, True)):
            if item is not None:
                card = self.itemWidget(item)
                if isinstance(card, NarrativeCard):
                    card.set_selected(selected, selected and self.hasFocus())

    def _show_focus(self, focused: bool) -> None:
        item = self.currentItem()
        card = self.itemWidget(item) if item is not None else None
        if isinstance(card, NarrativeCard):
            card.set_selected(True, focused)  # the current card shows when the list has focus

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show_focus(True)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._show_focus(False)

    def _item_activated(self, item: QListWidgetItem) -> None:
        if not self.trashed:
            self.openRequested.emit(item.data(Qt.ItemDataRole.UserRole))
