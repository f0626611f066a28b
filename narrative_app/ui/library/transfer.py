"""UI: the library's ways in and out: import (dialog or drag and drop), export, the example.

A mixin for :class:`narrative_app.ui.library.page.LibraryPage`; other modules are imported
lazily, so a missing importer or export dialog degrades to a plain notice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog

from narrative_app.errors import NarrativeAppError
from narrative_app.ui.message_boxes import warn

if TYPE_CHECKING:
    from narrative_app.ui.library.page import LibraryPage

IMPORT_SUFFIXES = (".narrative", ".md", ".markdown", ".txt", ".text", ".docx")


@dataclass
class _ImportBatch:
    """The files of one import (a dialog choice or a drop), gathered as each is read."""

    left: int
    created: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


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

    def import_paths(self: LibraryPage, paths: list[Path]) -> None:
        """Import files one by one, read off the GUI thread (the window keeps answering);
        each failure is said plainly and creates nothing. The store is written here, on
        the GUI thread, when a file has been read."""
        try:
            from narrative_app.export.importers import import_file
        except ImportError:
            self.show_notice(self.tr("Importing files is coming soon."))
            return
        if not paths:
            return
        if self._importer is None:
            from narrative_app.ui.background import BackgroundWork

            self._importer = BackgroundWork(self, "narrative-import")
        batch = _ImportBatch(len(paths))
        self.import_button.setEnabled(False)
        self.setCursor(Qt.CursorShape.BusyCursor)
        self.show_notice(self.tr("Importing {name}…").format(name=paths[0].name)
                         if len(paths) == 1 else
                         self.tr("Importing {n} files…").format(n=len(paths)))
        self._notice_timer.stop()  # the busy notice stays until the import is done
        for path in paths:
            self._importer.submit(import_file, path,
                                  done=partial(self._file_read, path, batch))

    def _file_read(self: LibraryPage, path: Path, batch: _ImportBatch, result: object,
                   error: BaseException | None) -> None:
        if error is None:
            try:
                narrative = getattr(result, "narrative", result)
                batch.created.append(self.controller.import_narrative(narrative))
                batch.notes.extend(getattr(result, "messages", []))
            except (NarrativeAppError, OSError, ValueError) as failure:
                error = failure
        if error is not None:
            reason = str(error) if isinstance(error, NarrativeAppError | OSError | ValueError) \
                else self.tr("it could not be read ({kind})").format(kind=type(error).__name__)
            batch.problems.append(reason if path.name in reason else f"{path.name}: {reason}")
        batch.left -= 1
        if batch.left == 0:
            self._import_finished(batch)

    def _import_finished(self: LibraryPage, batch: _ImportBatch) -> None:
        self.import_button.setEnabled(True)
        self.unsetCursor()
        self.hide_notice()
        if batch.problems:
            warn(self, self.tr("Could not import"), "\n".join(batch.problems))
        if batch.created:
            if self.showing_trash:
                self.show_trash(False)
            self.refresh()
            self.select(batch.created[-1])
            if len(batch.created) == 1:
                text = self.tr("Imported “{title}”.").format(title=self._title(batch.created[0]))
            else:
                text = self.tr("Imported {n} narratives.").format(n=len(batch.created))
            self.show_notice(" ".join([text, *batch.notes]))
        self.importFinished.emit(list(batch.created))

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
