"""UI: what the library does to a narrative: trash with undo, restore, delete for good,
duplicate and rename. A mixin for :class:`narrative_app.ui.library.page.LibraryPage`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from narrative_app.errors import NarrativeAppError
from narrative_app.ui.message_boxes import plain_box

if TYPE_CHECKING:
    from collections.abc import Callable

    from narrative_app.ui.library.page import LibraryPage


class LibraryActionsMixin:
    """Store actions behind the library's buttons, menus and keys."""

    def _title(self: LibraryPage, narrative_id: int) -> str:
        summary = self._summaries.get(narrative_id)
        return summary.title if summary else ""

    def _run(self: LibraryPage, action: Callable[..., Any], *args: Any) -> tuple[bool, Any]:
        """Run a store action; a failure becomes a plain message in the notice bar."""
        try:
            return True, action(*args)
        except NarrativeAppError as error:
            self.show_notice(str(error))
        return False, None

    def trash(self: LibraryPage, narrative_id: int) -> None:
        title = self._title(narrative_id)
        ok, _ = self._run(self.controller.trash, narrative_id)
        if not ok:
            return
        self.show_notice(self.tr("“{title}” moved to the trash.").format(title=title),
                         undo_id=narrative_id)
        self.undo_button.setFocus()

    def undo_trash(self: LibraryPage) -> None:
        narrative_id = self._undo_id
        self.hide_notice()
        if narrative_id is not None:
            self._run(self.controller.restore, narrative_id)
            self.refresh()
            self.select(narrative_id)
            self.list.setFocus()

    def restore(self: LibraryPage, narrative_id: int) -> None:
        title = self._title(narrative_id)
        ok, _ = self._run(self.controller.restore, narrative_id)
        if ok:
            self.show_notice(self.tr("“{title}” is back in your narratives.").format(title=title))

    def delete_forever(self: LibraryPage, narrative_id: int) -> None:
        title = self._title(narrative_id)
        box = plain_box(self, QMessageBox.Icon.Warning, self.tr("Delete for good?"),
                        self.tr("Delete “{title}” for good? This cannot be undone.")
                        .format(title=title), buttons=QMessageBox.StandardButton.Cancel)
        delete = box.addButton(self.tr("Delete for good"), QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not delete:
            return
        ok, _ = self._run(self.controller.delete_forever, narrative_id)
        if ok:
            self.show_notice(self.tr("“{title}” was deleted for good.").format(title=title))

    def duplicate(self: LibraryPage, narrative_id: int) -> None:
        ok, new_id = self._run(self.controller.duplicate, narrative_id)
        if ok:
            self.refresh()
            self.select(new_id)

    def rename(self: LibraryPage, narrative_id: int) -> None:
        old = self._title(narrative_id)
        title, ok = QInputDialog.getText(self, self.tr("Rename narrative"), self.tr("Title:"),
                                         QLineEdit.EchoMode.Normal, old)
        title = title.strip()
        if ok and title and title != old:
            self._run(self.controller.rename, narrative_id, title)
