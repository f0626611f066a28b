"""UI: the built-in guide (Help > Guide) and the keyboard shortcuts list (Help > Shortcuts).

The guide is resources/help/guide.md (a copy of docs/user-guide.md made by
scripts/make_help.py), rendered with the ``markdown`` package on first use. Nothing is ever
fetched: images are not loaded and links outside the guide are not followed. The shortcuts
come from resources/help/shortcuts.toml, and the rehearsal ones from the rehearsal actions
themselves (with the user's own keys), so the list, the buttons and the guide stay in step.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QUrl
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from narrative_app.paths import read_resource_text
from narrative_app.ui.shortcut_table import shortcuts_table
from narrative_app.ui.widgets.access import browse_in_order
from narrative_app.ui.widgets.common import make_muted

_HEADING_RE = re.compile(r'<h2 id="([^"]+)">(.*?)</h2>', re.DOTALL)
_TAG_RE = re.compile(r"<[^>]+>")


def guide_markdown() -> str:
    return read_resource_text("help", "guide.md")


def render_guide(text: str) -> tuple[str, list[tuple[str, str]]]:
    """The guide as HTML, and its sections as (anchor, title) pairs for the contents list."""
    import markdown

    body = markdown.markdown(text, extensions=["tables", "toc"], output_format="html")
    sections = [
        (anchor, html.unescape(_TAG_RE.sub("", title)).strip())
        for anchor, title in _HEADING_RE.findall(body)
    ]
    return body, sections


def _style_sheet(palette: QPalette) -> str:
    """Table rules and spacing for the guide, coloured from the palette (dark mode works)."""
    rule = palette.color(QPalette.ColorRole.Mid).name()
    wash = palette.color(QPalette.ColorRole.AlternateBase).name()
    return (
        f"table {{ border-collapse: collapse; margin: 6px 0 14px 0; }}"
        f"th, td {{ border: 1px solid {rule}; padding: 4px 10px; }}"
        f"th {{ background-color: {wash}; }}"
        "h1 { margin-bottom: 10px; } h2 { margin-top: 22px; } h3 { margin-top: 14px; }"
        "p, li { line-height: 140%; }"
    )


class GuideBrowser(QTextBrowser):
    """Shows the guide. Never loads a resource; only jumps to places inside the guide."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.document().setDocumentMargin(18)
        self.setAccessibleName(self.tr("Guide"))
        self.setAccessibleDescription(self.tr("The Narrative Coach guide. Read only."))

    def loadResource(self, _type: int, _name: QUrl | str) -> Any:
        return None  # no images, style sheets or anything else, local or remote

    def _on_anchor_clicked(self, url: QUrl) -> None:
        if not url.scheme() and not url.path() and url.fragment():
            self.scrollToAnchor(url.fragment())


class HelpDialog(QDialog):
    """A non-modal window with the guide and a contents list beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Narrative Coach guide"))
        self.setObjectName("helpDialog")
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        self.browser = GuideBrowser(self)
        self.contents = QListWidget(self)
        self.contents.setAccessibleName(self.tr("Contents"))
        self.contents.setSpacing(3)
        self.contents.setAccessibleDescription(self.tr("Choose a section to jump to it."))
        self.contents.currentItemChanged.connect(self._on_section_chosen)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 640])
        splitter.setChildrenCollapsible(False)
        browse_in_order(splitter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(900, 640)
        self.sections: list[tuple[str, str]] = []
        self.load(guide_markdown())

    def load(self, text: str) -> None:
        self._text = text
        body, self.sections = render_guide(text)
        self.browser.document().setDefaultStyleSheet(_style_sheet(self.palette()))
        self.browser.setHtml(body)
        self.contents.clear()
        for anchor, title in self.sections:
            item = QListWidgetItem(title, self.contents)
            item.setData(Qt.ItemDataRole.UserRole, anchor)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and getattr(self, "_text", None):
            # Table rules are coloured from the palette: redraw them for a new theme.
            position = self.browser.verticalScrollBar().value()
            self.browser.document().setDefaultStyleSheet(_style_sheet(self.palette()))
            self.browser.setHtml(render_guide(self._text)[0])
            self.browser.verticalScrollBar().setValue(position)

    def show_section(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)

    def _on_section_chosen(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.show_section(str(item.data(Qt.ItemDataRole.UserRole)))


@dataclass(frozen=True)
class Shortcut:
    action: str
    keys: str

    @property
    def native_keys(self) -> str:
        """The keys as this platform writes them (Cmd on a Mac); ranges such as 'Ctrl+1 to
        Ctrl+6' are converted piece by piece."""
        def one(keys: str) -> str:
            pieces = []
            for piece in keys.split(" to "):
                native = QKeySequence(piece).toString(QKeySequence.SequenceFormat.NativeText)
                pieces.append(native or piece)
            return QCoreApplication.translate("Shortcut", " to ").join(pieces)

        return QCoreApplication.translate("Shortcut", " or ").join(
            one(keys) for keys in self.keys.split(" or "))


def shortcut_groups() -> list[tuple[str, list[Shortcut]]]:
    """Every documented shortcut, grouped as in the guide."""
    from narrative_app.ui.rehearsal.actions import shortcut_rows
    from narrative_app.ui.rehearsal.prefs import load_prefs

    data = shortcuts_table()
    groups = [
        (group["name"], [Shortcut(row["action"], row["keys"]) for row in group["shortcuts"]])
        for group in data.get("group", [])
    ]
    prefs = load_prefs()
    rows = shortcut_rows(single_keys=prefs.single_keys, remap=prefs.keys)
    groups.append(("Rehearsing", [Shortcut(action, keys) for action, keys in rows]))
    return groups


class ShortcutsDialog(QDialog):
    """Every keyboard shortcut in one list, grouped by where it works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setObjectName("shortcutsDialog")
        intro = make_muted(QLabel(self.tr("Everything in Narrative Coach can be done from the "
                                          "keyboard. A presentation clicker works in rehearsal "
                                          "too."), self), smaller=False)
        intro.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Action"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        for name, shortcuts in shortcut_groups():
            group = QTreeWidgetItem(self.tree, [self.tr(name)])
            font = group.font(0)
            font.setBold(True)
            group.setFont(0, font)
            group.setFirstColumnSpanned(True)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for shortcut in shortcuts:
                item = QTreeWidgetItem(group, [self.tr(shortcut.action), shortcut.native_keys])
                item.setToolTip(0, shortcut.action)
            group.setExpanded(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        self.resize(580, 660)

    def rows(self) -> list[tuple[str, str]]:
        """(action, keys) as shown, for tests and screen readers."""
        shown: list[tuple[str, str]] = []
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            children = (group.child(i) for i in range(group.childCount())) if group else ()
            shown.extend((item.text(0), item.text(1)) for item in children if item is not None)
        return shown
