"""UI: the library's ways in and out: import (dialog or drag and drop), export, the example.

A mixin for :class:`narrative_app.ui.library.page.LibraryPage`; other modules are imported
lazily, so a missing importer or export dialog degrades to a plain notice.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox

from narrative_app.errors import NarrativeAppError

if TYPE_CHECKING:
    from narrative_app.ui.library.page import LibraryPage

IMPORT_SUFFIXES = (".narrative", ".md", ".markdown", ".txt", ".text", ".docx")


class LibraryTransferMixin:
    """Import, export and the example narrative, for the library page."""

    def export(self: LibraryPage, narrative_id: int) -> None:
        try:
            from narrative_app.ui.dialogs.export import export_with_dialog
        except ImportError:
            self.show_notice(self.tr("Export is coming soon."))
            return
        ok, narrative = self._run(self.controller.store.get, narrative_id)
        if ok:
            export_with_dialog(
                self, narrative, remember_people=partial(self._remember_people, narrative_id)
            )

    def _remember_people(self: LibraryPage, narrative_id: int, people: dict[str, str]) -> None:
        current = self.controller.current
        if current is not None and current.id == narrative_id:
            self.controller.set_meta(people=people)  # the open narrative saves it
        else:
            self._run(partial(self.controller.store.update, narrative_id, people=people))

    def add_example(self: LibraryPage) -> None:
        from narrative_app.bundle import read_file
        from narrative_app.paths import resource_path

        try:
            narrative = read_file(resource_path("sample", "sample.narrative"))
            new_id = self.controller.create_narrative(narrative)
        except NarrativeAppError as error:
            self.show_notice(str(error))
            return
        self.refresh()
        self.select(new_id)

    def import_with_dialog(self: LibraryPage) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import a narrative"), "",
            self.tr("Narratives (*.narrative *.md *.markdown *.txt *.docx);;All files (*)"))
        if path:
            self.import_paths([Path(path)])

    def import_paths(self: LibraryPage, paths: list[Path]) -> list[int]:
        """Import files one by one; each failure is said plainly and creates nothing."""
        try:
            from narrative_app.export.importers import import_file
        except ImportError:
            self.show_notice(self.tr("Importing files is coming soon."))
            return []
        created: list[int] = []
        problems: list[str] = []
        notes: list[str] = []
        for path in paths:
            try:
                result = import_file(path)
                narrative = getattr(result, "narrative", result)
                created.append(self.controller.import_narrative(narrative))
                notes.extend(getattr(result, "messages", []))
            except (NarrativeAppError, OSError, ValueError) as error:
                reason = str(error)
                problems.append(reason if path.name in reason else f"{path.name}: {reason}")
        if problems:
            QMessageBox.warning(self, self.tr("Could not import"), "\n".join(problems))
        if created:
            if self.showing_trash:
                self.show_trash(False)
            self.refresh()
            self.select(created[-1])
            if len(created) == 1:
                text = self.tr("Imported “{title}”.").format(title=self._title(created[0]))
            else:
                text = self.tr("Imported {n} narratives.").format(n=len(created))
            self.show_notice(" ".join([text, *notes]))
        return created

    def dragEnterEvent(self: LibraryPage, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self: LibraryPage, event: QDragMoveEvent) -> None:
        event.acceptProposedAction()

    def dropEvent(self: LibraryPage, event: QDropEvent) -> None:
        paths = self._dropped_paths(event)
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    @staticmethod
    def _dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls()
                if url.isLocalFile() and url.toLocalFile().lower().endswith(IMPORT_SUFFIXES)]
