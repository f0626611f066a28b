"""The example narrative's own names (Jayden, Priya, Dev...) are not underlined as
misspellings; a real misspelling beside them still is."""

from __future__ import annotations

from narrative_app.bundle import read_file
from narrative_app.domain import PartKind
from narrative_app.paths import resource_path
from narrative_app.spell.checker import SpellChecker
from tests.ui.editor.test_spell_ui import underlined


def _sample_texts() -> list[str]:
    sample = read_file(resource_path("sample", "sample.narrative"))
    texts = [sample.title, sample.audience, sample.occasion, sample.ask]
    for part in sample.parts.values():
        texts += [part.draft, *part.fields.values(), *part.cues]
    return texts


def test_nothing_in_the_sample_is_flagged_but_a_misspelling_is(tmp_path):
    checker = SpellChecker(data_dir=tmp_path)
    assert checker.load()
    flagged = {word for text in _sample_texts() for _s, _e, word in checker.misspelt(text)}
    assert flagged == set()
    assert [w for _s, _e, w in checker.misspelt("Jayden and Priya recieve it")] == ["recieve"]


def test_the_sample_story_pages_underline_none_of_its_names(main_window, store, qtbot):
    service = main_window.context.spell
    assert main_window.open_narrative(store.list()[0].id, "self")
    qtbot.waitUntil(lambda: service.active, timeout=10_000)
    for kind, names in ((PartKind.SELF, "Jayden"), (PartKind.US, "Priya")):
        main_window.workspace.show_page(kind.value)
        page = main_window.workspace.story_page(kind)
        assert names in page.editor.text()
        page.editor.moveCursor(page.editor.textCursor().MoveOperation.End)
        page.editor.setFocus()
        qtbot.keyClicks(page.editor, " Dev recieve")
        qtbot.waitUntil(lambda page=page: underlined(page.editor.document()) == ["recieve"],
                        timeout=10_000)
