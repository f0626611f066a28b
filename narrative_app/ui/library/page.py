"""UI: the library (home): every narrative as a card, search, new, import, trash and undo."""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from narrative_app.errors import NarrativeAppError
from narrative_app.ui.library.actions import LibraryActionsMixin
from narrative_app.ui.library.card import (
    EmptyState,
    NarrativeCard,
    NoticeBar,
    muted,
    spoken_summary,
)
from narrative_app.ui.library.transfer import LibraryTransferMixin
from narrative_app.ui.widgets.common import PRIMARY_STYLE

if TYPE_CHECKING:

    from narrative_app.domain import NarrativeSummary
    from narrative_app.ui.background import BackgroundWork
    from narrative_app.ui.controller import NarrativeController

UNDO_BAR_MS = 15000
LIST_STYLE = """
QListWidget { background: transparent; border: none; outline: none; }
QListWidget::item, QListWidget::item:selected, QListWidget::item:hover {
    background: transparent; border: none; padding: 0px; margin: 0px; }
"""


class LibraryPage(LibraryActionsMixin, LibraryTransferMixin, QWidget):
    """Home: find a narrative, start a new one, or tidy up; actions go through the controller."""

    openRequested = Signal(int)
    newRequested = Signal()
    importFinished = Signal(list)  # the ids created by one import (empty if none)

    def __init__(self, controller: NarrativeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.showing_trash = False
        # Every listed narrative has a light list item; its card widget is built only when
        # its row scrolls into view, so a library of thousands opens at once.
        self._summaries: dict[int, NarrativeSummary] = {}
        self._cards: dict[int, NarrativeCard] = {}
        self._row_height = 0  # a built card's height, assumed for rows not built yet
        self._undo_id: int | None = None
        self._stale = True
        self.setAcceptDrops(True)
        self.setObjectName("LibraryPage")

        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.heading.setFont(font)
        self.subheading = muted(QLabel())

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search titles and text"))
        self.search.setAccessibleName(self.tr("Search narratives"))
        self.search.setMinimumWidth(220)
        self.search.textChanged.connect(self._schedule_refresh)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(200)
        self._search_timer.timeout.connect(self.refresh)

        self.import_button = QPushButton(self.tr("Import..."))
        self.import_button.setToolTip(
            self.tr("Import a .narrative, Markdown or Word file (Ctrl+O)"))
        self.import_button.clicked.connect(self.import_with_dialog)
        self.trash_button = QPushButton(self.tr("Trash"))
        self.trash_button.setToolTip(self.tr("Show narratives you have moved to the trash"))
        self.trash_button.clicked.connect(self._toggle_trash)
        self.new_button = QPushButton(self.tr("New narrative"))
        self.new_button.setToolTip(self.tr("Start a new narrative (Ctrl+N)"))
        self.new_button.setStyleSheet(PRIMARY_STYLE)
        self.new_button.clicked.connect(self.newRequested)

        title_box = QVBoxLayout()
        title_box.setSpacing(2)
        title_box.addWidget(self.heading)
        title_box.addWidget(self.subheading)
        top = QHBoxLayout()
        top.addLayout(title_box, 1)
        top.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignBottom)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.import_button)
        tools.addWidget(self.trash_button)

        self.notice = NoticeBar()
        self.notice_label = self.notice.label
        self.undo_button = self.notice.undo_button
        self.undo_button.clicked.connect(self.undo_trash)
        self.notice.close_button.clicked.connect(self.hide_notice)
        self._importer: BackgroundWork | None = None  # built on the first import
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(UNDO_BAR_MS)
        self._notice_timer.timeout.connect(self.hide_notice)

        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Narratives"))
        self.list.setStyleSheet(LIST_STYLE)
        self.list.setSpacing(6)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.itemActivated.connect(self._item_activated)
        self.list.verticalScrollBar().valueChanged.connect(self._build_visible_cards)
        self.list.currentItemChanged.connect(self._current_changed)
        self.list.installEventFilter(self)  # the current card shows when the list has focus
        self._add_list_actions()

        self.empty = EmptyState(PRIMARY_STYLE)
        self.empty_title = self.empty.title
        self.empty_text = self.empty.text
        self.example_button = self.empty.example_button
        self.example_button.clicked.connect(self.add_example)
        self.empty_new_button = self.empty.new_button
        self.empty_new_button.clicked.connect(self.newRequested)
        self.body = QStackedWidget()
        self.body.addWidget(self.list)
        self.body.addWidget(self.empty)

        column = QWidget()
        column.setMaximumWidth(1040)
        box = QVBoxLayout(column)
        box.setContentsMargins(24, 24, 24, 12)
        box.setSpacing(12)
        box.addLayout(top)
        box.addLayout(tools)
        box.addWidget(self.notice)
        box.addWidget(self.body, 1)
        self.hint = muted(QLabel(self.tr(
            "Tip: drop a .narrative, Markdown or Word file here to import it. Press Enter to "
            "open, F2 to rename, Delete to move to the trash.")))
        self.hint.setWordWrap(True)
        box.addWidget(self.hint)
        self._column_box = box
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addStretch(1)
        outer.addWidget(column, 100)
        outer.addStretch(1)

        self.setTabOrder(self.new_button, self.search)
        self.setTabOrder(self.search, self.import_button)
        self.setTabOrder(self.import_button, self.trash_button)
        self.setTabOrder(self.trash_button, self.list)
        controller.libraryChanged.connect(self._library_changed)
        self._update_heading()
        self.refresh()

    def insert_banner(self, widget: QWidget) -> None:
        """Show ``widget`` (the first-run welcome) above the library, in its column, and
        first in Tab order, as it is on screen."""
        self._column_box.insertWidget(0, widget)
        order = [*getattr(widget, "focus_order", list)(), self.new_button, self.search,
                 self.import_button, self.trash_button, self.list]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    # --------------------------------------------------------------- listing
    def _add_list_actions(self) -> None:
        specs = [
            (self.tr("Move to the trash"), QKeySequence(QKeySequence.StandardKey.Delete),
             self._trash_selected),
            (self.tr("Rename..."), QKeySequence("F2"), self._rename_selected),
            (self.tr("Duplicate"), QKeySequence("Ctrl+D"), self._duplicate_selected),
        ]
        for text, key, slot in specs:
            action = QAction(text, self.list)
            action.setShortcut(key)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.list.addAction(action)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _schedule_refresh(self) -> None:
        self._search_timer.start()  # typing in the search box: wait for a pause

    def _library_changed(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True  # refreshed when shown again

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def summaries(self) -> list[NarrativeSummary]:
        query = self.search.text().strip()
        return self.controller.store.list(trashed=self.showing_trash, query=query)

    def refresh(self) -> None:
        """Rebuild the cards from the store, keeping the selection where it was."""
        self._search_timer.stop()
        self._stale = False
        selected = self.selected_id()
        try:
            items = self.summaries()
        except NarrativeAppError as error:
            items = []
            self.show_notice(str(error))
        self.list.clear()
        self._cards.clear()
        self._summaries = {summary.id: summary for summary in items}
        width = max(self.list.viewport().width() - 2 * self.list.spacing(), 100)
        for summary in items:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, summary.id)
            # What a screen reader says for the row (the card itself is not in the tree).
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         spoken_summary(summary, self.showing_trash))
            item.setSizeHint(QSize(width, self._row_height or 110))
            self.list.addItem(item)
        self._build_visible_cards()
        self._fit_cards()
        if items:
            self.select(selected if selected in self._cards else items[0].id)
        self._update_empty(bool(items))
        self._update_trash_button()

    def _build_card(self, item: QListWidgetItem) -> NarrativeCard:
        narrative_id = item.data(Qt.ItemDataRole.UserRole)
        card = NarrativeCard(self._summaries[narrative_id], trashed=self.showing_trash)
        card.openClicked.connect(self.openRequested)
        card.duplicateClicked.connect(self.duplicate)
        card.renameClicked.connect(self.rename)
        card.exportClicked.connect(self.export)
        card.trashClicked.connect(self.trash)
        card.restoreClicked.connect(self.restore)
        card.deleteClicked.connect(self.delete_forever)
        self.list.setItemWidget(item, card)
        self._cards[narrative_id] = card
        self._fit_card(item, card, self._card_width())
        if item is self.list.currentItem():
            card.set_selected(True, self.list.hasFocus())
        return card

    def _build_visible_cards(self) -> None:
        """Build the cards of the rows in view (and one screen below), once each."""
        count = self.list.count()
        if not count:
            return
        viewport = self.list.viewport()
        first = self.list.indexAt(viewport.rect().topLeft() + QPoint(4, 4)).row()
        first = max(first, 0)
        row, bottom = first, viewport.height() * 2
        while row < count:
            item = self.list.item(row)
            if self.list.itemWidget(item) is None:
                self._build_card(item)
            if self.list.visualItemRect(item).top() > bottom:
                break
            row += 1

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_cards()

    def _card_width(self) -> int:
        return self.list.viewport().width() - 2 * self.list.spacing()

    def _fit_cards(self) -> None:
        """Cards wrap their text, so their height depends on the width they are given."""
        width = self._card_width()
        for narrative_id, card in self._cards.items():
            item = self._item(narrative_id)
            if item is not None:
                self._fit_card(item, card, width)
        guess = QSize(max(width, 100), self._row_height or 110)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) not in self._cards:
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
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == narrative_id:
                return item
        return None

    def _update_empty(self, has_items: bool) -> None:
        query = self.search.text().strip()
        self.example_button.setVisible(False)
        self.empty_new_button.setVisible(False)
        if has_items:
            self.body.setCurrentIndex(0)
            return
        self.body.setCurrentIndex(1)
        if query:
            self.empty_title.setText(self.tr("Nothing matches “{query}”").format(query=query))
            self.empty_text.setText(self.tr("Try another word, or clear the search."))
        elif self.showing_trash:
            self.empty_title.setText(self.tr("The trash is empty"))
            self.empty_text.setText(self.tr("Narratives you move to the trash wait here until "
                                            "you restore them or delete them for good."))
        else:
            self.empty_title.setText(self.tr("Your narratives will live here"))
            self.empty_text.setText(self.tr(
                "Start your own, or open the example to see what a finished narrative of "
                "Self, Us and Now looks like. You can also drop a file here to import it."))
            self.example_button.setVisible(True)
            self.empty_new_button.setVisible(True)

    def _update_heading(self) -> None:
        if self.showing_trash:
            self.heading.setText(self.tr("Trash"))
            self.subheading.setText(self.tr("Restore a narrative, or delete it for good."))
        else:
            self.heading.setText(self.tr("Your narratives"))
            self.subheading.setText(self.tr("Write it, time it, tell it."))
        self.new_button.setVisible(not self.showing_trash)
        self.import_button.setVisible(not self.showing_trash)

    def _update_trash_button(self) -> None:
        if self.showing_trash:
            self.trash_button.setText(self.tr("Back to narratives"))
            return
        try:
            count = len(self.controller.store.list(trashed=True))
        except NarrativeAppError:
            count = 0
        text = self.tr("Trash ({n})").format(n=count) if count else self.tr("Trash")
        self.trash_button.setText(text)

    # ------------------------------------------------------------ selection
    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def select(self, narrative_id: int) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == narrative_id:
                self.list.setCurrentRow(row)
                return

    def card(self, narrative_id: int) -> NarrativeCard | None:
        """The narrative's card (built now if its row has not been in view yet)."""
        card = self._cards.get(narrative_id)
        if card is None and narrative_id in self._summaries:
            item = self._item(narrative_id)
            if item is not None:
                card = self._build_card(item)
        return card

    def visible_titles(self) -> list[str]:
        """The titles listed, in order (as the cards show them)."""
        return [self._summaries[self.list.item(row).data(Qt.ItemDataRole.UserRole)].title
                or NarrativeCard.untitled() for row in range(self.list.count())]

    def _current_changed(self, current: QListWidgetItem | None, previous) -> None:
        for item, selected in ((previous, False), (current, True)):
            if item is not None:
                card = self.list.itemWidget(item)
                if isinstance(card, NarrativeCard):
                    card.set_selected(selected, selected and self.list.hasFocus())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            item = self.list.currentItem()
            card = self.list.itemWidget(item) if item is not None else None
            if isinstance(card, NarrativeCard):
                card.set_selected(True, event.type() == QEvent.Type.FocusIn)
        return super().eventFilter(watched, event)

    def _item_activated(self, item: QListWidgetItem) -> None:
        if not self.showing_trash:
            self.openRequested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _trash_selected(self) -> None:
        narrative_id = self.selected_id()
        if narrative_id is not None and not self.showing_trash:
            self.trash(narrative_id)

    def _rename_selected(self) -> None:
        narrative_id = self.selected_id()
        if narrative_id is not None and not self.showing_trash:
            self.rename(narrative_id)

    def _duplicate_selected(self) -> None:
        narrative_id = self.selected_id()
        if narrative_id is not None and not self.showing_trash:
            self.duplicate(narrative_id)

    def _toggle_trash(self) -> None:
        self.show_trash(not self.showing_trash)

    def show_trash(self, show: bool) -> None:
        self.showing_trash = show
        self.search.clear()
        self._update_heading()
        self.refresh()
        self.list.setFocus()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # ---------------------------------------------------------------- notice
    def show_notice(self, text: str, *, undo_id: int | None = None) -> None:
        self._undo_id = undo_id
        self.notice_label.setText(text)
        self.undo_button.setVisible(undo_id is not None)
        self.notice.show()
        self._notice_timer.start()

    def hide_notice(self) -> None:
        self._notice_timer.stop()
        self._undo_id = None
        self.notice.hide()

    def notice_text(self) -> str:
        return self.notice_label.text() if self.notice.isVisible() else ""
