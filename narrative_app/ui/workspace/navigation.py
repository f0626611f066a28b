"""UI: the workspace navigator's entries (keys and translatable labels), kept apart from the
workspace itself so the main window and its menus can name pages without building them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# (key, navigator label); None marks the quiet divider before Rehearse and Export. The labels
# are marked for translation here and translated (context "Workspace") when shown; str()
# because the stubs type the marker's result as object (it is the text itself).
NAV_ITEMS: tuple[tuple[str, str] | None, ...] = (
    ("purpose", str(QT_TRANSLATE_NOOP("Workspace", "Purpose"))),
    ("values", str(QT_TRANSLATE_NOOP("Workspace", "Values"))),
    ("self", str(QT_TRANSLATE_NOOP("Workspace", "Self"))),
    ("us", str(QT_TRANSLATE_NOOP("Workspace", "Us"))),
    ("now", str(QT_TRANSLATE_NOOP("Workspace", "Now"))),
    ("link", str(QT_TRANSLATE_NOOP("Workspace", "Link"))),
    None,
    ("rehearse", str(QT_TRANSLATE_NOOP("Workspace", "Rehearse"))),
    ("export", str(QT_TRANSLATE_NOOP("Workspace", "Export"))),
)
PAGE_KEYS = tuple(item[0] for item in NAV_ITEMS if item)
