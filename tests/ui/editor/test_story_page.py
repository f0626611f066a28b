"""Story page flows, as a user: type into fields, draft and cues; suggest cues; comforts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from narrative_app.domain import PART_FIELDS, PART_ORDER, Narrative, PartKind
from narrative_app.method.framework import part_guide
from narrative_app.method.presets import apply_preset
from narrative_app.ui.app_context import AppContext
from narrative_app.ui.editor.story_page import StoryPage


def _open_new(controller, **parts_drafts) -> int:
    narrative = Narrative(title="Ward 7")
    apply_preset(narrative, "linked_5")
    for kind, draft in parts_drafts.items():
        narrative.parts[PartKind(kind)].draft = draft
    narrative_id = controller.create_narrative(narrative)
    controller.open_narrative(narrative_id)
    return narrative_id


@pytest.fixture
def page_for(controller, qtbot, app_context):
    def make(kind: PartKind) -> StoryPage:
        page = StoryPage(controller, kind, app_context)
        qtbot.addWidget(page)
        page.resize(900, 700)
        page.show()
        qtbot.waitExposed(page)
        return page

    return make


def _paste(widget, text: str, qtbot) -> None:
    QGuiApplication.clipboard().setText(text)
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("kind", PART_ORDER)
def test_typing_into_every_field_and_the_draft_reaches_the_controller_and_the_disk(
    controller, page_for, qtbot, kind
):
    narrative_id = _open_new(controller)
    page = page_for(kind)
    typed = {}
    for key in PART_FIELDS[kind]:
        editor = page.field_editors[key]
        editor.setFocus()
        text = f"About {key}: it's hard, 3 a.m."
        qtbot.keyClicks(editor, text)
        typed[key] = text
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, "At three in the morning *the bell* rang. [pause]")

    part = controller.current.parts[kind]
    assert part.fields == typed
    assert part.draft == "At three in the morning *the bell* rang. [pause]"
    qtbot.waitUntil(lambda: not controller.dirty, timeout=3000)
    saved = controller.store.get(narrative_id).parts[kind]
    assert saved.fields == typed
    assert saved.draft == part.draft


def test_fields_have_labels_hints_and_accessible_text(controller, page_for):
    _open_new(controller)
    page = page_for(PartKind.NOW)
    ask = page.field_editors["ask"]
    guide = part_guide(PartKind.NOW).field("ask")
    assert ask.accessibleName() == guide.label
    assert ask.accessibleDescription() == guide.hint
    assert ask.placeholderText() == guide.placeholder
    assert page.editor.accessibleName() == "Story of Now draft"
    assert page.title_label.text() == "Story of Now"


def test_cues_one_per_line_and_bullets_are_not_part_of_the_cue(controller, page_for, qtbot):
    _open_new(controller)
    page = page_for(PartKind.SELF)
    page.cues_editor.setFocus()
    qtbot.keyClicks(page.cues_editor, "- Ward 7, 3 a.m.")
    qtbot.keyClick(page.cues_editor, Qt.Key.Key_Return)
    qtbot.keyClick(page.cues_editor, Qt.Key.Key_Return)
    qtbot.keyClicks(page.cues_editor, "I stayed")
    assert controller.current.parts[PartKind.SELF].cues == ["Ward 7, 3 a.m.", "I stayed"]


def test_suggest_cues_gives_one_cue_per_paragraph_and_can_be_undone(controller, page_for, qtbot):
    draft = (
        "# Ward 7\n\n"
        "At three in the morning the call bell would not stop, and I was alone.\n\n"
        "Mrs Khan had not slept for days and nobody had noticed that she was frightened of "
        "the dark\n\n"
        "I stayed. [pause] She slept for the first time in days."
    )
    _open_new(controller, self=draft)
    page = page_for(PartKind.SELF)
    page.cues_editor.setFocus()
    qtbot.keyClicks(page.cues_editor, "my old cue")
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)

    cues = controller.current.parts[PartKind.SELF].cues
    assert cues == [
        "At three in the morning the call bell would not stop",  # first clause
        "Mrs Khan had not slept for days and\u2026",  # no short clause: first eight words
        "I stayed",
    ]
    assert page.cues_editor.cues() == cues
    assert "Suggested 3 cues" in page.cues_note.text()
    assert not page.cues_note.isHidden()
    page.cues_editor.setFocus()
    qtbot.keyClick(page.cues_editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert controller.current.parts[PartKind.SELF].cues == ["my old cue"]
    assert page.cues_note.isHidden()  # the note went with the cues it described


def test_one_suggested_cue_is_said_in_the_singular(controller, page_for, qtbot):
    _open_new(controller, self="Kerry said “you'll be gone by Easter” and shut the door.")
    page = page_for(PartKind.SELF)
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    assert controller.current.parts[PartKind.SELF].cues == ["“you'll be gone by Easter”"]
    assert page.cues_note.text().startswith("Suggested 1 cue from your draft.")
    page.cues_editor.setFocus()
    qtbot.keyClicks(page.cues_editor, "!")
    assert page.cues_note.isHidden()


def test_suggest_cues_on_an_empty_draft_says_what_to_do(controller, page_for, qtbot):
    _open_new(controller)
    page = page_for(PartKind.US)
    qtbot.mouseClick(page.suggest_button, Qt.MouseButton.LeftButton)
    assert controller.current.parts[PartKind.US].cues == []
    assert "Write a few paragraphs first" in page.cues_note.text()


def test_header_shows_time_against_target(controller, page_for, qtbot):
    _open_new(controller)
    page = page_for(PartKind.SELF)
    assert page.time_label.text() == "0:00 of 2:00"
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, " ".join(["word"] * 125))
    qtbot.waitUntil(lambda: page.time_label.text() == "1:00 of 2:00", timeout=2000)
    assert page.time_state_label.text() == "within time"
    assert page.words_label.text() == "125 words"


def test_focus_mode_hides_everything_but_the_draft(controller, page_for):
    _open_new(controller)
    page = page_for(PartKind.SELF)
    assert page.fields_section.isVisible()
    page.set_focus_mode(True)
    assert not page.header.isVisible() and not page.draft_bar.isVisible()
    assert not page.fields_section.isVisible()
    assert not page.guide_area.isVisible()
    assert not page.cues_section.isVisible()
    assert not page.header.isVisible()
    assert page.editor.isVisible()
    page.set_focus_mode(False)
    assert page.fields_section.isVisible()
    assert page.cues_section.isVisible()


def test_zoom_changes_the_editor_font_and_resets(controller, page_for, app_context):
    _open_new(controller)
    page = page_for(PartKind.SELF)
    start = page.editor.point_size()
    assert 12 <= start <= 13
    zoom = app_context.zoom  # one zoom for every page (the View menu's Zoom in and out)
    zoom.set_steps(zoom.steps + 2)
    assert page.editor.point_size() == pytest.approx(start + 2)
    other = StoryPage(controller, PartKind.US, app_context)  # pages share one zoom
    assert other.editor.point_size() == pytest.approx(start + 2)
    other.deleteLater()
    zoom.set_steps(zoom.steps - 1)
    assert page.editor.point_size() == pytest.approx(start + 1)
    zoom.set_steps(0)
    assert page.editor.point_size() == pytest.approx(start)


def test_pasting_a_long_awkward_text_keeps_exactly_that_text(controller, page_for, qtbot):
    """150,000 characters (within the part limit; larger pastes are refused, see
    test_import_and_paste_limits.py)."""
    _open_new(controller)
    page = page_for(PartKind.SELF)
    chunk = (
        "Plain words, emoji \U0001f600\U0001f469\u200d\u2695\ufe0f, Arabic \u0645\u0631\u062d"
        "\u0628\u0627, Hebrew \u05e9\u05dc\u05d5\u05dd, CJK \u4e2d\u6587\u65e5\u672c, "
        "non-breaking\u00a0space, tab\there, control \x01\x07\x1b chars.\n\n"
    )
    big = (chunk * (150_000 // len(chunk) + 1))[:150_000]
    _paste(page.editor, big, qtbot)
    assert controller.current.parts[PartKind.SELF].draft == big
    qtbot.keyClicks(page.editor, "!")  # still responsive, still exact
    assert controller.current.parts[PartKind.SELF].draft == big + "!"
    qtbot.waitUntil(lambda: not controller.dirty, timeout=5000)
    assert controller.store.get(controller.current.id).parts[PartKind.SELF].draft == big + "!"


def test_opening_another_narrative_cannot_be_undone_into_the_old_text(controller, page_for, qtbot):
    _open_new(controller, self="First narrative's story.")
    page = page_for(PartKind.SELF)
    page.editor.setFocus()
    qtbot.keyClicks(page.editor, " More.")
    page.field_editors["choice"].setFocus()
    qtbot.keyClicks(page.field_editors["choice"], "I stayed")
    second = _open_new(controller, self="Second narrative.")
    assert page.editor.text() == "Second narrative."
    assert page.field_editors["choice"].value() == ""
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    page.field_editors["choice"].undo()
    assert page.editor.text() == "Second narrative."
    assert controller.current.id == second
    assert controller.current.parts[PartKind.SELF].draft == "Second narrative."
    assert controller.current.parts[PartKind.SELF].fields["choice"] == ""


def test_undo_and_redo_work_per_field(controller, page_for, qtbot):
    _open_new(controller)
    page = page_for(PartKind.SELF)
    challenge, choice = page.field_editors["challenge"], page.field_editors["choice"]
    challenge.setFocus()
    qtbot.keyClicks(challenge, "alone")
    choice.setFocus()
    qtbot.keyClicks(choice, "stayed")
    challenge.setFocus()
    qtbot.keyClick(challenge, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    fields = controller.current.parts[PartKind.SELF].fields
    assert fields["challenge"] == ""
    assert fields["choice"] == "stayed"
    challenge.redo()
    assert controller.current.parts[PartKind.SELF].fields["challenge"] == "alone"


def test_find_bar_finds_next_and_escape_closes(controller, page_for, qtbot):
    _open_new(controller, self="The bell rang. Then the bell rang again.")
    page = page_for(PartKind.SELF)
    page.show_find()
    assert page.find_bar.isVisible()
    qtbot.keyClicks(page.find_bar.field, "bell")
    qtbot.keyClick(page.find_bar.field, Qt.Key.Key_Return)
    first = page.editor.textCursor().selectionStart()
    qtbot.keyClick(page.find_bar.field, Qt.Key.Key_Return)
    assert page.editor.textCursor().selectedText() == "bell"
    assert page.editor.textCursor().selectionStart() > first
    page.find_bar.field.setText("missing words")
    assert not page.find_bar.find_next()
    assert page.find_bar.status.text() == "Not found"
    qtbot.keyClick(page.find_bar.field, Qt.Key.Key_Escape)
    assert not page.find_bar.isVisible()


def test_highlight_span_selects_text_after_emoji(controller, page_for):
    draft = "I smiled \U0001f600 and then I chose to stay."
    _open_new(controller, self=draft)
    page = page_for(PartKind.SELF)
    start = draft.index("chose")
    page.highlight_span(start, start + len("chose to stay"))
    assert page.editor.textCursor().selectedText() == "chose to stay"


def test_changes_made_elsewhere_show_up_on_the_page(controller, page_for):
    _open_new(controller)
    page = page_for(PartKind.NOW)
    controller.set_field(PartKind.NOW, "ask", "Will you join me on Tuesday?")
    assert page.field_editors["ask"].value() == "Will you join me on Tuesday?"


def test_page_without_a_narrative_is_disabled(controller, qtbot):
    controller.close_narrative()
    page = StoryPage(controller, PartKind.SELF, AppContext())
    qtbot.addWidget(page)
    assert not page.isEnabled()
    QApplication.processEvents()


def test_reopening_the_same_narrative_keeps_undo_history(controller, page_for, qtbot):
    narrative_id = _open_new(controller, self="Start.")
    page = page_for(PartKind.SELF)
    page.editor.setFocus()
    page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(page.editor, " More")
    controller.open_narrative(narrative_id)  # e.g. the navigator coming back to this page
    assert page.editor.document().isUndoAvailable()
    page.editor.undo()
    assert controller.current.parts[PartKind.SELF].draft == "Start."


def test_tab_moves_from_the_draft_to_the_cues_in_page_order(controller, page_for):
    _open_new(controller)
    page = page_for(PartKind.SELF)
    order = []
    widget = page.editor.nextInFocusChain()
    while widget is not page.editor and len(order) < 6:
        tabbable = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if tabbable and widget.isVisible() and widget.isEnabled():
            order.append(widget)
        widget = widget.nextInFocusChain()
    assert order[:3] == [page.cues_section.button, page.suggest_button, page.cues_editor]
