"""Importing runs off the GUI thread with a busy notice; a paste over the size limit is
refused with a message that gives the limit, and nothing is half-pasted."""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QMimeData

from narrative_app.domain import Narrative, PartKind
from narrative_app.limits import MAX_PART_CHARS
from narrative_app.ui.app_context import AppContext
from narrative_app.ui.editor.story_page import StoryPage
from tests.ui.library.shown import listed_titles, notice_shown


def test_an_import_is_read_off_the_gui_thread_with_a_busy_notice(main_window, tmp_path,
                                                                  messages, qtbot,
                                                                  monkeypatch) -> None:
    from narrative_app.export import importers

    real = importers.import_file
    release = threading.Event()
    reader_threads: list[str] = []

    def slow_import(path: Path):
        reader_threads.append(threading.current_thread().name)
        release.wait(10)  # a huge file: the window must keep answering meanwhile
        return real(path)

    monkeypatch.setattr(importers, "import_file", slow_import)
    path = tmp_path / "ward7.md"
    path.write_text("# Ward 7\n\n## Story of Self\n\nThe bell rang at three.\n", "utf-8")
    library = main_window.library
    library.import_paths([path])
    # Back on the GUI thread at once: the busy notice is up and the window answers.
    assert notice_shown(library) == "Importing ward7.md…"
    assert not library.import_button.isEnabled()
    qtbot.keyClicks(library.search, "ward")
    assert library.search.text() == "ward"
    library.search.clear()
    with qtbot.waitSignal(library.importFinished, timeout=10_000) as done:
        release.set()
    assert reader_threads and reader_threads[0] != threading.main_thread().name
    assert len(done.args[0]) == 1
    assert "Ward 7" in listed_titles(library)
    assert notice_shown(library).startswith("Imported “Ward 7”.")
    assert library.import_button.isEnabled()
    assert messages == []


def test_a_paste_over_the_limit_is_refused_with_the_limit(controller, qtbot) -> None:
    narrative_id = controller.create_narrative(Narrative(title="Long"))
    controller.open_narrative(narrative_id)
    page = StoryPage(controller, PartKind.SELF, AppContext())
    qtbot.addWidget(page)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    qtbot.keyClicks(page.editor, "Mine. ")
    huge = QMimeData()
    huge.setText("word " * (MAX_PART_CHARS // 5 + 1))
    page.editor.insertFromMimeData(huge)
    assert page.editor.text() == "Mine. "  # nothing half-pasted
    assert controller.current.parts[PartKind.SELF].draft == "Mine. "
    assert page.paste_note.isVisible()
    assert page.paste_note.text() == (
        "Not pasted: that would make this part longer than 200,000 characters "
        "(about 33,333 words). Paste a shorter piece.")
    small = QMimeData()
    small.setText("The bell rang.")
    page.editor.insertFromMimeData(small)
    assert page.editor.text() == "Mine. The bell rang."
    assert not page.paste_note.isVisible()
