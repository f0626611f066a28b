"""Test helpers: what the rehearsal views show, read from their widgets as the user sees them."""

from __future__ import annotations

from narrative_app.ui.rehearsal.finish import FinishPanel
from narrative_app.ui.rehearsal.history import RehearsalHistoryPage
from narrative_app.ui.rehearsal.stage import RehearsalStage, TextView


def stage_text(stage: RehearsalStage) -> str:
    """What the speaker sees on the stage now, as plain text."""
    if stage.view is TextView.TELEPROMPTER:
        return stage.teleprompter.text()
    return stage.text_view.toPlainText()


def history_rows(page: RehearsalHistoryPage) -> list[list[str]]:
    """The runs table, row by row, each cell's text as shown ("" for an empty cell)."""
    table = page.table
    items = [[table.item(r, c) for c in range(table.columnCount())]
             for r in range(table.rowCount())]
    return [[item.text() if item is not None else "" for item in row] for row in items]


def finish_lines(panel: FinishPanel) -> str:
    """The finish panel's lines, one per part."""
    return "\n".join(label.text() for label in panel.part_lines)
