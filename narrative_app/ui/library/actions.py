"""UI: what the library does to a narrative: trash with undo, restore, delete for good,
duplicate and rename.

Layer: ui. :class:`LibraryActions` is owned by the library page; it receives the controller,
the widget its dialogs belong to and a way to read a listed title, and tells the page what to
show through signals (a notice, a narrative to select).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from narrative_app.errors import NarrativeAppError
from narrative_app.ui.message_boxes import plain_box

if TYPE_CHECKING:
    from collections.abc import Callable

    from narrative_app.ui.controller import NarrativeController

NO_UNDO = -1  # the notice has no undo button


class LibraryActions(QObject):
    """Store actions behind the library's buttons, menus and keys."""

    noticeRequested = Signal(str, int)  # text, the id an undo would restore (or NO_UNDO)
    selectRequested = Signal(int)  # a narrative to list and select (after a refresh)

    def __init__(self, controller: NarrativeController, dialog_parent: QWidget,
                 title_of: Callable[[int], str]) -> None:
        super().__init__(dialog_parent)
        self._controller = controller
        self._dialog_parent = dialog_parent
        self._title_of = title_of

    def _notice(self, text: str, undo_id: int = NO_UNDO) -> None:
        self.noticeRequested.emit(text, undo_id)

    def _run(self, action: Callable[..., Any], *args: Any) -> tuple[bool, Any]:
        """Run a controller action; a failure becomes a plain message in the notice bar."""
        try:
            return True, action(*args)
        except NarrativeAppError as error:
            self._notice(str(error))
        return False, None

    def trash(self, narrative_id: int) -> bool:
        title = self._title_of(narrative_id)
        ok, _ = self._run(self._controller.trash, narrative_id)
        if ok:
            self._notice(self.tr("“{title}” moved to the trash.").format(title=title),
                         narrative_id)
        return ok

    def undo_trash(self, narrative_id: int) -> None:
        ok, _ = self._run(self._controller.restore, narrative_id)
        if ok:
            self.selectRequested.emit(narrative_id)

    def restore(self, narrative_id: int) -> None:
        title = self._title_of(narrative_id)
        ok, _ = self._run(self._controller.restore, narrative_id)
        if ok:
            self._notice(self.tr("“{title}” is back in your narratives.").format(title=title))

    def delete_forever(self, narrative_id: int) -> None:
        title = self._title_of(narrative_id)
        box = plain_box(self._dialog_parent, QMessageBox.Icon.Warning,
                        self.tr("Delete for good?"),
                        self.tr("Delete “{title}” for good? This cannot be undone.")
                        .format(title=title), buttons=QMessageBox.StandardButton.Cancel)
        delete = box.addButton(self.tr("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not delete:
            return
        ok, _ = self._run(self._controller.delete_forever, narrative_id)
        if ok:
            self._notice(self.tr("“{title}” was deleted for good.").format(title=title))

    def duplicate(self, narrative_id: int) -> None:
        ok, new_id = self._run(self._controller.duplicate, narrative_id)
        if ok:
            self.selectRequested.emit(new_id)

    def rename(self, narrative_id: int) -> None:
        old = self._title_of(narrative_id)
        title, ok = QInputDialog.getText(self._dialog_parent, self.tr("Rename narrative"),
                                         self.tr("Title:"), QLineEdit.EchoMode.Normal, old)
        title = title.strip()
        if ok and title and title != old:
            self._run(self._controller.rename, narrative_id, title)
