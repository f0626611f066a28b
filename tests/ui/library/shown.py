"""Test helpers: what the library shows, read from its widgets as the user sees them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from narrative_app.ui.library.page import LibraryPage


def listed_titles(library: LibraryPage) -> list[str]:
    """The titles on the listed cards, in order (building any card not yet in view)."""
    titles = []
    for row in range(library.list.count()):
        narrative_id = library.list.item(row).data(Qt.ItemDataRole.UserRole)
        card = library.card(narrative_id)
        assert card is not None
        titles.append(card.title_label.text())
    return titles


def notice_shown(library: LibraryPage) -> str:
    """The notice bar's text, or "" while it is hidden."""
    return library.notice_label.text() if library.notice.isVisible() else ""
