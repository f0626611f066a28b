"""Spell check in the real story page: the draft, the fields and the cues all underline."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from narrative_app.domain import PartKind
from tests.ui.editor.test_spell_ui import underlined


def test_draft_underlines_a_misspelling_and_not_british_spelling(main_window, store, qtbot):
    service = main_window.context.spell
    assert main_window.open_narrative(store.list()[0].id, "self")
    from narrative_app.ui.editor.markdown_editor import MarkdownEditor

    drafts = [e for e in main_window.workspace.findChildren(MarkdownEditor) if e.isVisible()]
    assert drafts, "the Self page shows its draft editor"
    draft = drafts[0]
    draft.set_text("")
    draft.setFocus()
    qtbot.keyClicks(draft, "I organised the programme for paediatric carers. We recieve")
    qtbot.waitUntil(lambda: service.active, timeout=10_000)
    qtbot.waitUntil(lambda: underlined(draft.document()) == ["recieve"], timeout=10_000)
    assert service.suggestions("recieve")[0] == "receive"
    assert main_window.controller.current.parts[PartKind.SELF].draft.endswith("We recieve")


def test_field_editors_underline_too(main_window, store, qtbot):
    service = main_window.context.spell
    assert main_window.open_narrative(store.list()[0].id, "self")
    from narrative_app.ui.editor.field_editors import FieldText

    fields = [f for f in main_window.workspace.findChildren(FieldText) if f.isVisible()]
    assert fields
    field = fields[0]
    field.setPlainText("")
    field.setFocus()
    field.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(field, "A neighbour's colour and a definately wrong word")
    qtbot.waitUntil(lambda: service.active, timeout=10_000)
    qtbot.waitUntil(lambda: underlined(field.document()) == ["definately"], timeout=10_000)
