"""UI: the library's ways in and out: import (dialog or drag and drop), export, the example.

Layer: ui. :class:`LibraryTransfer` is owned by the library page; it receives the controller
and the widget its dialogs belong to, reads files off the GUI thread and tells the page what
happened through signals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QFileDialog, QWidget

from narrative_app.errors import NarrativeAppError
from narrative_app.ui.message_boxes import warn

if TYPE_CHECKING:
    from narrative_app.export.importers import ImportResult
    from narrative_app.ui.background import BackgroundWork
    from narrative_app.ui.controller import NarrativeController

IMPORT_SUFFIXES = (".narrative", ".md", ".markdown", ".txt", ".text", ".docx")


@dataclass
class _ImportBatch:
    """The files of one import (a dialog choice or a drop), gathered as each is read."""

    left: int
    created: list[int] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def dropped_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The importable local files carried by a drag."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(IMPORT_SUFFIXES)]


class LibraryTransfer(QObject):
    """Import, export and the example narrative, for the library page."""

    noticeRequested = Signal(str)
    busyChanged = Signal(bool)  # True while files are being read
    selectRequested = Signal(int)  # a narrative just created: list and select it
    importFinished = Signal(list)  # the ids created by one import (empty if none)

    def __init__(self, controller: NarrativeController, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._controller = controller
        self._dialog_parent = dialog_parent
        self._importer: BackgroundWork | None = None  # built on the first import

    def export(self, narrative_id: int) -> None:
        from narrative_app.ui.dialogs.export import export_with_dialog

        try:
            narrative = self._controller.narrative(narrative_id)
        except NarrativeAppError as error:
            self.noticeRequested.emit(str(error))
            return
        export_with_dialog(self._dialog_parent, narrative, data_dir=self._controller.data_dir,
                           remember_people=partial(self._controller.remember_people,
                                                   narrative_id))

    def add_example(self) -> None:
        from narrative_app.bundle import read_file
        from narrative_app.paths import resource_path

        try:
            narrative = read_file(resource_path("sample", "sample.narrative"))
            new_id = self._controller.create_narrative(narrative)
        except NarrativeAppError as error:
            self.noticeRequested.emit(str(error))
            return
        self.selectRequested.emit(new_id)

    def sample_id(self) -> int | None:
        """The library's copy of the example narrative, found by its title."""
        from narrative_app.bundle import read_file
        from narrative_app.paths import resource_path

        try:
            title = read_file(resource_path("sample", "sample.narrative")).title
        except NarrativeAppError:
            return None
        matches = [s.id for s in self._controller.narratives() if s.title == title]
        return min(matches) if matches else None

    def import_with_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._dialog_parent, self.tr("Import a narrative"), "",
            self.tr("Narratives (*.narrative *.md *.markdown *.txt *.docx);;All files (*)"))
        if path:
            self.import_paths([Path(path)])

    def import_paths(self, paths: list[Path]) -> None:
        """Import files one by one, read off the GUI thread (the window keeps answering);
        each failure is said plainly and creates nothing. The store is written here, on
        the GUI thread, when a file has been read."""
        from narrative_app.export.importers import import_file

        if not paths:
            return
        if self._importer is None:
            from narrative_app.ui.background import BackgroundWork

            self._importer = BackgroundWork(self, "narrative-import")
        batch = _ImportBatch(len(paths))
        self.busyChanged.emit(True)
        self.noticeRequested.emit(self.tr("Importing {name}…").format(name=paths[0].name)
                                  if len(paths) == 1 else
                                  self.tr("Importing {n} files…").format(n=len(paths)))
        for path in paths:
            self._importer.submit(import_file, path,
                                  done=partial(self._file_read, path, batch))

    def _file_read(self, path: Path, batch: _ImportBatch, result: ImportResult | None,
                   error: BaseException | None) -> None:
        if error is None and result is not None:
            try:
                new_id, note = self._controller.import_named(result.narrative)
                batch.created.append(new_id)
                batch.notes.extend([*result.messages, *([note] if note else [])])
            except (NarrativeAppError, OSError, ValueError) as failure:
                error = failure
        if error is not None:
            reason = str(error) if isinstance(error, NarrativeAppError | OSError | ValueError) \
                else self.tr("it could not be read ({kind})").format(kind=type(error).__name__)
            batch.problems.append(reason if path.name in reason else f"{path.name}: {reason}")
        batch.left -= 1
        if batch.left == 0:
            self._import_finished(batch)

    def _import_finished(self, batch: _ImportBatch) -> None:
        self.busyChanged.emit(False)
        if batch.problems:
            warn(self._dialog_parent, self.tr("Could not import"), "\n".join(batch.problems))
        if batch.created:
            self.selectRequested.emit(batch.created[-1])
            if len(batch.created) == 1:
                title = self._controller.narrative(batch.created[0]).title
                text = self.tr("Imported “{title}”.").format(title=title)
            else:
                text = self.tr("Imported {n} narratives.").format(n=len(batch.created))
            self.noticeRequested.emit(" ".join([text, *batch.notes]))
        self.importFinished.emit(list(batch.created))
