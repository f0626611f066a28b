"""Export: the PDF writer, printing the speaking notes' HTML with Qt's PDF writer.

QtGui is imported inside the function only, so the export layer stays Qt-free for everything
else. Without a running application a headless (offscreen) QGuiApplication is created, so the
command line can export PDF on a machine without a display.
"""

from __future__ import annotations

import os
from typing import Any

from narrative_app.errors import NarrativeAppError
from narrative_app.export.html import notes_to_html
from narrative_app.export.notes import Layout, Paper, SpeakingNotes

_APP: list[Any] = []  # keeps a QGuiApplication we had to create alive for the process



def _ensure_gui_app() -> None:
    from PySide6.QtGui import QGuiApplication

    instance = QGuiApplication.instance()
    if instance is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP.append(QGuiApplication(["narrative-app"]))
    elif not isinstance(instance, QGuiApplication):
        raise NarrativeAppError(
            "PDF export is not available in this mode. Export as a Word document instead."
        )


def notes_to_pdf(
    notes: SpeakingNotes, layout: Layout = Layout.NOTES, paper: Paper = Paper.A4
) -> bytes:
    """The notes as PDF bytes, in the given layout and paper size."""
    try:
        _ensure_gui_app()
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
        from PySide6.QtGui import (
            QFont,
            QPageLayout,
            QPageSize,
            QPdfWriter,
            QTextDocument,
        )
    except ImportError as exc:
        raise NarrativeAppError(
            f"PDF export is not available ({exc}). Export as a Word document instead."
        ) from None
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    size_id = QPageSize.PageSizeId.A4 if paper is Paper.A4 else QPageSize.PageSizeId.Letter
    writer.setPageSize(QPageSize(size_id))
    # QTextDocument.print_ adds its own 2 cm margins and the page numbers inside them.
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setResolution(300)
    writer.setTitle(notes.title)
    writer.setCreator("Narrative Coach")
    if notes.author and hasattr(writer, "setAuthor"):  # Qt 6.8 and later
        writer.setAuthor(notes.author)
    document = QTextDocument()
    document.setDocumentMargin(0)
    font = QFont()
    font.setFamilies(["Calibri", "Carlito", "Liberation Sans", "DejaVu Sans", "Arial"])
    font.setPointSizeF(11)
    document.setDefaultFont(font)
    document.setHtml(notes_to_html(notes, layout))
    document.print_(writer)  # paginates and adds page numbers
    buffer.close()
    result = bytes(data.data())
    if not result.startswith(b"%PDF"):
        raise NarrativeAppError("The PDF could not be made. Export as a Word document instead.")
    return result
