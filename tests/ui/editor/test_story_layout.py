"""The story page at 1366x768, as a user sees it: the draft is the hero, nothing is clipped,
the page scrolls once, and the splitter between guide, draft and cues is remembered."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea

from narrative_app.domain import PartKind
from narrative_app.ui.app_context import AppContext
from narrative_app.ui.editor.field_editors import FieldText
from narrative_app.ui.editor.story_page import StoryPage
from narrative_app.ui.settings import Settings


def _story_page(main_window, qtbot, key: str):
    sample_id = main_window.controller.store.list()[0].id  # the sample
    main_window.open_narrative(sample_id, key)
    page = main_window.workspace.story_page(PartKind(key))
    qtbot.waitUntil(page.isVisible)
    qtbot.waitUntil(lambda: page.split.sizes()[1] > 0)
    return page


def _shown_whole(editor: QAbstractScrollArea) -> bool:
    """Every line of the editor's text fits its viewport (no hidden lines, no inner scroll)."""
    lines = editor.document().documentLayout().documentSize().height()  # in lines
    needed = lines * editor.fontMetrics().lineSpacing()
    return editor.verticalScrollBar().maximum() == 0 and needed <= editor.viewport().height() + 2


@pytest.mark.parametrize("key", ["self", "us", "now"])
def test_the_draft_is_the_largest_pane_and_the_cues_show_whole(main_window, qtbot, key):
    page = _story_page(main_window, qtbot, key)
    guide, draft, cues = page.split.sizes()
    assert draft > guide and draft > cues
    assert draft >= 0.45 * sum(page.split.sizes())
    assert len(page.cues_editor.cues()) >= 4
    assert _shown_whole(page.cues_editor)  # all the sample's cues, not three lines


@pytest.mark.parametrize("key", ["self", "us", "now"])
def test_the_page_scrolls_once_and_every_note_shows_all_its_text(main_window, qtbot, key):
    page = _story_page(main_window, qtbot, key)
    scrolls = [area for area in page.findChildren(QScrollArea) if area.isVisible()]
    assert scrolls == [page.guide_area]  # one scroll area, nothing scrolling inside it
    notes = [e for e in page.field_editors.values() if isinstance(e, FieldText)]
    assert notes
    for editor in notes:
        qtbot.waitUntil(lambda editor=editor: _shown_whole(editor))
    page.guide_area.verticalScrollBar().setValue(page.guide_area.verticalScrollBar().maximum())
    last = notes[-1]
    qtbot.waitUntil(lambda: last.visibleRegion().boundingRect().height() >= last.height() - 1)


def test_a_long_ask_is_seen_whole_on_the_now_page(main_window, qtbot):
    page = _story_page(main_window, qtbot, "now")
    ask = page.field_editors["ask"]
    assert isinstance(ask, FieldText)  # a field that wraps, not one line
    long_ask = "Will you " + "join me on the rota every other Tuesday, " * 5 + "from January?"
    ask.set_value(long_ask)
    qtbot.waitUntil(lambda: _shown_whole(ask))
    assert ask.value() == long_ask
    assert ask.height() > 3 * ask.fontMetrics().lineSpacing()


def test_moving_the_splitter_is_remembered_for_the_next_story_page(main_window, qtbot):
    page = _story_page(main_window, qtbot, "self")
    guide = page.split.sizes()[0]
    page.split.moveSplitter(guide + 60, 1)  # the user drags the guide's handle down
    moved = page.split.sizes()
    assert moved[0] == guide + 60
    assert Settings().story_split() == moved
    again = StoryPage(main_window.controller, PartKind.SELF, AppContext())  # as after a relaunch
    qtbot.addWidget(again)
    again.resize(page.size())
    again.show()
    qtbot.waitUntil(lambda: again.split.sizes() == moved)


def test_folding_the_cues_gives_their_room_to_the_draft(main_window, qtbot):
    page = _story_page(main_window, qtbot, "self")
    before = page.split.sizes()
    page.cues_section.set_expanded(False)
    after = page.split.sizes()
    assert after[2] < before[2] and after[1] > before[1]
    page.cues_section.set_expanded(True)
    assert page.split.sizes()[2] > after[2]
