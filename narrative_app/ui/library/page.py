"""UI: the library (home): every narrative as a card, search, new, import, trash and undo."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from narrative_app.errors import NarrativeAppError
from narrative_app.ui.library.actions import NO_UNDO, LibraryActions
from narrative_app.ui.library.card import (
    EmptyState,
    NarrativeCard,
    NoticeBar,
    muted,
)
from narrative_app.ui.library.card_list import NarrativeList
from narrative_app.ui.library.transfer import LibraryTransfer, dropped_paths
from narrative_app.ui.widgets.common import PRIMARY_STYLE

if TYPE_CHECKING:

    from narrative_app.domain import NarrativeSummary
    from narrative_app.ui.controller import NarrativeController

UNDO_BAR_MS = 15000


class LibraryPage(QWidget):
    """Home: find a narrative, start a new one, or tidy up; actions go through the controller.

    It owns two helpers that talk back through signals: :class:`LibraryActions` (trash,
    restore, delete, duplicate, rename) and :class:`LibraryTransfer` (import, export, the
    example).
    """

    openRequested = Signal(int)
    newRequested = Signal()
    importFinished = Signal(list)  # the ids created by one import (empty if none)

    def __init__(self, controller: NarrativeController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.showing_trash = False
        self._undo_id: int | None = None
        self._stale = True
        self.setAcceptDrops(True)
        self.setObjectName("LibraryPage")
        self.narrative_actions = LibraryActions(controller, self, self._title)
        self.narrative_actions.noticeRequested.connect(self._action_notice)
        self.narrative_actions.selectRequested.connect(self._refresh_and_select)
        self.transfer = LibraryTransfer(controller, self)
        self.transfer.noticeRequested.connect(self.show_notice)
        self.transfer.busyChanged.connect(self._set_busy)
        self.transfer.selectRequested.connect(self._show_created)
        self.transfer.importFinished.connect(self.importFinished)

        top, tools = self._build_header()
        self._build_notice()
        self._build_body()
        self._build_column(top, tools)
        self.setTabOrder(self.new_button, self.search)
        self.setTabOrder(self.search, self.import_button)
        self.setTabOrder(self.import_button, self.trash_button)
        self.setTabOrder(self.trash_button, self.list)
        controller.libraryChanged.connect(self._library_changed)
        self._update_heading()
        self.refresh()

    def _build_header(self) -> tuple[QHBoxLayout, QHBoxLayout]:
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
        return top, tools

    def _build_notice(self) -> None:
        self.notice = NoticeBar()
        self.notice_label = self.notice.label
        self.undo_button = self.notice.undo_button
        self.undo_button.clicked.connect(self.undo_trash)
        self.notice.close_button.clicked.connect(self.hide_notice)
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(UNDO_BAR_MS)
        self._notice_timer.timeout.connect(self.hide_notice)

    def _build_body(self) -> None:
        self.list = NarrativeList()
        self._cards = self.list.cards  # the same dict, cleared (never replaced) on refresh
        self.list.openRequested.connect(self.openRequested)
        self.list.duplicateRequested.connect(self.duplicate)
        self.list.renameRequested.connect(self.rename)
        self.list.exportRequested.connect(self.export)
        self.list.trashRequested.connect(self.trash)
        self.list.restoreRequested.connect(self.restore)
        self.list.deleteRequested.connect(self.delete_forever)

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

    def _build_column(self, top: QHBoxLayout, tools: QHBoxLayout) -> None:
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

    def insert_banner(self, widget: QWidget) -> None:
        """Show ``widget`` (the first-run welcome) above the library, in its column, and
        first in Tab order and in a screen reader's browse order, as it is on screen."""
        self._column_box.insertWidget(0, widget)
        widget.lower()  # first child too: screen readers browse children in that order
        order = [*getattr(widget, "focus_order", list)(), self.new_button, self.search,
                 self.import_button, self.trash_button, self.list]
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    # --------------------------------------------------------------- listing
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
        return self.controller.narratives(trashed=self.showing_trash, query=query)

    def refresh(self) -> None:
        """Rebuild the cards from the store, keeping the selection where it was."""
        self._search_timer.stop()
        self._stale = False
        try:
            items = self.summaries()
        except NarrativeAppError as error:
            items = []
            self.show_notice(str(error))
        self.list.show_summaries(items, trashed=self.showing_trash)
        self._update_empty(bool(items))
        self._update_trash_button()

    def _update_empty(self, has_items: bool) -> None:
        self.body.setCurrentIndex(0 if has_items else 1)
        if not has_items:
            self.empty.show_for(self.search.text().strip(), trashed=self.showing_trash)

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
            count = len(self.controller.narratives(trashed=True))
        except NarrativeAppError:
            count = 0
        text = self.tr("Trash ({n})").format(n=count) if count else self.tr("Trash")
        self.trash_button.setText(text)

    # ------------------------------------------------------------ selection
    def selected_id(self) -> int | None:
        return self.list.selected_id()

    def select(self, narrative_id: int) -> None:
        self.list.select(narrative_id)

    def card(self, narrative_id: int) -> NarrativeCard | None:
        """The narrative's card (built now if its row has not been in view yet)."""
        return self.list.card(narrative_id)

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

    # ------------------------------------------------------- what the helpers say
    def _title(self, narrative_id: int) -> str:
        summary = self.list.summaries.get(narrative_id)
        return summary.title if summary else ""

    def _action_notice(self, text: str, undo_id: int) -> None:
        self.show_notice(text, undo_id=None if undo_id == NO_UNDO else undo_id)
        if undo_id != NO_UNDO:
            self.undo_button.setFocus()

    def _refresh_and_select(self, narrative_id: int) -> None:
        self.refresh()
        self.select(narrative_id)

    def _show_created(self, narrative_id: int) -> None:
        if self.showing_trash:
            self.show_trash(False)
        self._refresh_and_select(narrative_id)

    def _set_busy(self, busy: bool) -> None:
        self.import_button.setEnabled(not busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()
            self.hide_notice()

    # ------------------------------------------------------------- actions
    def trash(self, narrative_id: int) -> None:
        self.narrative_actions.trash(narrative_id)

    def undo_trash(self) -> None:
        narrative_id = self._undo_id
        self.hide_notice()
        if narrative_id is not None:
            self.narrative_actions.undo_trash(narrative_id)
            self.list.setFocus()

    def restore(self, narrative_id: int) -> None:
        self.narrative_actions.restore(narrative_id)

    def delete_forever(self, narrative_id: int) -> None:
        self.narrative_actions.delete_forever(narrative_id)

    def duplicate(self, narrative_id: int) -> None:
        self.narrative_actions.duplicate(narrative_id)

    def rename(self, narrative_id: int) -> None:
        self.narrative_actions.rename(narrative_id)

    def export(self, narrative_id: int) -> None:
        self.transfer.export(narrative_id)

    def add_example(self) -> None:
        self.transfer.add_example()

    def import_with_dialog(self) -> None:
        self.transfer.import_with_dialog()

    def import_paths(self, paths: list[Path]) -> None:
        self.transfer.import_paths(paths)
        if paths:
            self._notice_timer.stop()  # the busy notice stays until the import is done

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)
