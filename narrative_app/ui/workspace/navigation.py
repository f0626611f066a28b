"""UI: the workspace navigator's entries (keys and translatable labels), kept apart from the
workspace itself so the main window and its menus can name pages without building them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# (key, navigator label); None marks the quiet divider before Rehearse and Export. The labels
# are marked for translation here and translated (context "Workspace") when shown.
NAV_ITEMS: tuple[tuple[str, str] | None, ...] = (
    ("purpose", QT_TRANSLATE_NOOP("Workspace", "Purpose")),
    ("values", QT_TRANSLATE_NOOP("Workspace", "Values")),
    ("self", QT_TRANSLATE_NOOP("Workspace", "Self")),
    ("us", QT_TRANSLATE_NOOP("Workspace", "Us")),
    ("now", QT_TRANSLATE_NOOP("Workspace", "Now")),
    ("link", QT_TRANSLATE_NOOP("Workspace", "Link")),
    None,
    ("rehearse", QT_TRANSLATE_NOOP("Workspace", "Rehearse")),
    ("export", QT_TRANSLATE_NOOP("Workspace", "Export")),
)
PAGE_KEYS = tuple(item[0] for item in NAV_ITEMS if item)
