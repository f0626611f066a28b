"""UI: the story page's splitter: the guide (prompts and notes), the draft and the cues.

The draft is the hero: by default the guide takes what it needs up to about a third of the
height, the cues up to about a fifth, and the draft the rest. The user can move either
handle; the heights are remembered (through the typed ``Settings``) for every story page.
A folded section gives its room back to the draft.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from narrative_app.ui.settings import Settings
from narrative_app.ui.widgets.access import browse_in_order
from narrative_app.ui.widgets.common import CollapsibleSection

GUIDE_SHARE = 0.32  # the guide's default share of the height, at most
CUES_SHARE = 0.2  # the cues' default share of the height, at most
DRAFT_SHARE = 0.45  # the draft's default share of the height, at least
DRAFT_MIN = 160


class StorySplit(QSplitter):
    """A vertical splitter over (guide, draft, cues) that remembers where the user left it."""

    def __init__(self, guide: QWidget, draft: QWidget, cues: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.setObjectName("story_split")
        self.setChildrenCollapsible(False)
        self.setHandleWidth(8)
        for index, widget in enumerate((guide, draft, cues)):
            self.addWidget(widget)
            self.setStretchFactor(index, 1 if widget is draft else 0)
        browse_in_order(self)  # a screen reader reads guide, draft, cues: as seen
        self._guide, self._draft, self._cues = guide, draft, cues
        self._placed = False
        self.splitterMoved.connect(self._remember)

    def _wanted(self, widget: QWidget) -> int:
        inner = getattr(widget, "widget", None)  # a scroll area: its content's height
        content = inner() if callable(inner) else None
        hint = content.sizeHint() if isinstance(content, QWidget) else widget.sizeHint()
        return hint.height() + 6

    def default_sizes(self) -> list[int]:
        total = max(1, self.height() - 2 * self.handleWidth())
        guide = min(self._wanted(self._guide), int(total * GUIDE_SHARE))
        cues = min(self._wanted(self._cues), int(total * CUES_SHARE))
        guide = max(0, min(guide, total - cues - max(DRAFT_MIN, int(total * DRAFT_SHARE))))
        return [guide, total - guide - cues, cues]

    def place(self) -> None:
        """Apply the remembered heights, else the defaults (once the page has a height)."""
        if self.height() <= 0:
            return
        saved = Settings().story_split()
        self.setSizes(saved if saved else self.default_sizes())
        self.fit_folded()
        self._placed = True

    def ensure_placed(self) -> None:
        if not self._placed:
            self.place()

    def fit_folded(self, *_args: object) -> None:
        """Give the draft the room of a section that is folded (or smaller than its pane)."""
        sizes = self.sizes()
        if len(sizes) != 3:
            return
        guide, draft, cues = sizes
        guide_wanted, cues_wanted = self._wanted(self._guide), self._wanted(self._cues)
        folded_cues = not getattr(self._cues, "is_expanded", lambda: True)()
        if folded_cues or cues > cues_wanted:
            draft, cues = draft + cues - min(cues, cues_wanted), min(cues, cues_wanted)
        if guide > guide_wanted:
            draft, guide = draft + guide - guide_wanted, guide_wanted
        self.setSizes([guide, draft, cues])

    def unfold(self, *_args: object) -> None:
        """A section opened again: give it back its default room from the draft."""
        default = self.default_sizes()
        guide, draft, cues = self.sizes()
        new_guide, new_cues = max(guide, default[0]), max(cues, default[2])
        draft -= (new_guide - guide) + (new_cues - cues)
        self.setSizes([new_guide, max(DRAFT_MIN, draft), new_cues])

    def follow_folding(self, *sections: CollapsibleSection) -> None:
        for section in sections:
            section.toggled.connect(self._on_folded)

    def _on_folded(self, expanded: bool) -> None:
        if expanded:
            self.unfold()
        else:
            self.fit_folded()

    def _remember(self, *_args: object) -> None:
        Settings().set_story_split(self.sizes())
