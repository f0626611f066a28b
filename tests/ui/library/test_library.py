"""The library as a user meets it: the sample, search, trash and undo, restore, import."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QInputDialog, QMessageBox

from narrative_app.domain import Narrative, PartKind
from narrative_app.ui.library.page import LibraryPage
from tests.ui.library.shown import listed_titles, notice_shown

SAMPLE_TITLE = "Someone who comes back"


@pytest.fixture
def library(controller, qtbot) -> LibraryPage:
    page = LibraryPage(controller)
    qtbot.addWidget(page)
    page.resize(1000, 700)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _add(controller, title: str, draft: str = "") -> int:
    narrative = Narrative(title=title)
    narrative.parts[PartKind.SELF].draft = draft
    return controller.create_narrative(narrative)


def test_a_new_data_folder_shows_the_sample_with_its_details(library):
    assert listed_titles(library) == [SAMPLE_TITLE]
    card = next(iter(library._cards.values()))
    assert "Linked, 5:00" in card.facts_label.text()
    assert "About 4:" in card.facts_label.text()
    assert "Not rehearsed yet" in card.facts_label.text()
    assert "For Northfield" in card.purpose_label.text()


def test_search_filters_by_title_and_by_text(library, controller, qtbot):
    _add(controller, "Ward 7", draft="The call bell rang at three in the morning.")
    _add(controller, "Budget day")
    qtbot.waitUntil(lambda: len(listed_titles(library)) == 3)
    qtbot.keyClicks(library.search, "ward")
    qtbot.waitUntil(lambda: listed_titles(library) == ["Ward 7"])
    library.search.clear()
    qtbot.keyClicks(library.search, "call bell")
    qtbot.waitUntil(lambda: listed_titles(library) == ["Ward 7"])
    library.search.clear()
    qtbot.keyClicks(library.search, "zzzz")
    qtbot.waitUntil(lambda: listed_titles(library) == [])
    assert library.empty_title.text() == "Nothing matches “zzzz”"


def test_delete_moves_to_the_trash_and_undo_brings_it_back(library, controller, qtbot):
    library.list.setFocus()
    library.select(next(iter(library._cards)))
    qtbot.keyClick(library.list, Qt.Key.Key_Delete)
    assert listed_titles(library) == []
    assert notice_shown(library) == f"“{SAMPLE_TITLE}” moved to the trash."
    assert library.undo_button.isVisible()
    qtbot.mouseClick(library.undo_button, Qt.MouseButton.LeftButton)
    assert listed_titles(library) == [SAMPLE_TITLE]
    assert controller.store.list(trashed=True) == []
    assert not library.notice.isVisible()


def test_trash_view_restores_and_deletes_for_good(library, controller, qtbot, monkeypatch):
    keep = _add(controller, "Keep me")
    gone = _add(controller, "Delete me")
    library.refresh()
    library.card(keep).trashClicked.emit(keep)
    library.card(gone).trashClicked.emit(gone)
    assert library.trash_button.text() == "Trash (2)"

    qtbot.mouseClick(library.trash_button, Qt.MouseButton.LeftButton)
    assert library.heading.text() == "Trash"
    assert sorted(listed_titles(library)) == ["Delete me", "Keep me"]

    qtbot.mouseClick(library.card(keep).restore_button, Qt.MouseButton.LeftButton)
    assert listed_titles(library) == ["Delete me"]

    asked: list[str] = []

    def confirm(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == "Delete for good").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", confirm)
    qtbot.mouseClick(library.card(gone).delete_button, Qt.MouseButton.LeftButton)
    assert asked == ["Delete “Delete me” for good? This cannot be undone."]
    assert listed_titles(library) == []
    assert library.empty_title.text() == "The trash is empty"

    qtbot.mouseClick(library.trash_button, Qt.MouseButton.LeftButton)
    assert sorted(listed_titles(library)) == ["Keep me", SAMPLE_TITLE]


def test_cancelling_delete_for_good_keeps_it(library, controller, qtbot, monkeypatch):
    narrative_id = _add(controller, "Still here")
    controller.trash(narrative_id)
    library.show_trash(True)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    qtbot.mouseClick(library.card(narrative_id).delete_button, Qt.MouseButton.LeftButton)
    assert listed_titles(library) == ["Still here"]


def test_rename_and_duplicate(library, controller, qtbot, monkeypatch):
    (sample_id,) = library._cards
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("  Ward 7  ", True))
    library.list.setFocus()
    qtbot.keyClick(library.list, Qt.Key.Key_F2)
    assert listed_titles(library) == ["Ward 7"]
    assert controller.store.get(sample_id).title == "Ward 7"

    qtbot.keyClick(library.list, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(listed_titles(library)) == 2


def test_empty_library_invites_the_example_or_a_new_narrative(library, controller, qtbot):
    (sample_id,) = library._cards
    controller.trash(sample_id)
    library.refresh()
    assert library.empty_title.text() == "Your narratives will live here"
    assert library.example_button.isVisible()
    assert library.empty_new_button.isVisible()
    with qtbot.waitSignal(library.newRequested):
        qtbot.mouseClick(library.empty_new_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(library.example_button, Qt.MouseButton.LeftButton)
    assert listed_titles(library) == [SAMPLE_TITLE]


def test_opening_a_card_asks_for_that_narrative(library, qtbot):
    (sample_id,) = library._cards
    with qtbot.waitSignal(library.openRequested) as signal:
        qtbot.mouseClick(library.card(sample_id).open_button, Qt.MouseButton.LeftButton)
    assert signal.args == [sample_id]
    library.list.setFocus()
    with qtbot.waitSignal(library.openRequested) as signal:
        qtbot.keyClick(library.list, Qt.Key.Key_Return)
    assert signal.args == [sample_id]


def _drop(widget, paths: list[Path]) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(QPoint(20, 20)), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    # QApplication refuses synthetic drops outside a real drag, so deliver it directly.
    widget.dropEvent(event)
    assert event.isAccepted()


def test_dropping_a_markdown_file_imports_it(library, tmp_path, messages, qtbot):
    path = tmp_path / "ward7.md"
    path.write_text("# Ward 7\n\n## Story of Self\n\nThe bell rang at three.\n", encoding="utf-8")
    with qtbot.waitSignal(library.importFinished, timeout=10_000):
        _drop(library, [path])
    assert "Ward 7" in listed_titles(library)
    assert notice_shown(library).startswith("Imported “Ward 7”.")
    assert messages == []


def test_dropping_a_bad_file_says_why_and_creates_nothing(library, controller, tmp_path,
                                                          messages, qtbot):
    path = tmp_path / "broken.narrative"
    path.write_bytes(b"\x00\x01 not json")
    with qtbot.waitSignal(library.importFinished, timeout=10_000):
        _drop(library, [path])
    assert len(messages) == 1 and "broken.narrative" in messages[0]
    assert listed_titles(library) == [SAMPLE_TITLE]
    assert len(controller.store.list()) == 1


def test_the_current_card_shows_the_accent_border_only_while_the_list_has_focus(library, qtbot):
    card = next(iter(library._cards.values()))
    library.search.setFocus()
    qtbot.waitUntil(library.search.hasFocus)
    assert card.property("selected") and not card.property("focused")
    quiet = card.grab().toImage().pixelColor(1, card.height() // 2)
    library.list.setFocus()  # Tab into the list: the user must see where the keyboard is
    qtbot.waitUntil(lambda: bool(card.property("focused")))
    accent = library.palette().color(library.palette().ColorRole.Highlight)
    assert card.grab().toImage().pixelColor(1, card.height() // 2) == accent != quiet
    library.search.setFocus()
    qtbot.waitUntil(lambda: not card.property("focused"))


def test_importing_the_same_file_twice_names_the_copy_and_says_why(library, tmp_path,
                                                                   messages, qtbot):
    path = tmp_path / "ward7.md"
    path.write_text("# Ward 7\n\n## Story of Self\n\nThe bell rang at three.\n", encoding="utf-8")
    for _ in range(2):
        with qtbot.waitSignal(library.importFinished, timeout=10_000):
            library.import_paths([path])
    assert sorted(listed_titles(library)) == sorted([SAMPLE_TITLE, "Ward 7", "Ward 7 (2)"])
    notice = notice_shown(library)
    assert notice.startswith("Imported “Ward 7 (2)”.")
    assert "imported before (as ‘Ward 7’)" in notice
    assert messages == []


def test_export_from_a_card_offers_the_data_folder_to_the_dialog(library, controller,
                                                                 monkeypatch):
    import narrative_app.ui.dialogs.export as export_dialog

    seen: dict[str, object] = {}

    def fake_export(parent, narrative, author="", *, data_dir=None, **_others):
        seen.update(title=narrative.title, data_dir=data_dir)

    monkeypatch.setattr(export_dialog, "export_with_dialog", fake_export)
    narrative_id = library.selected_id()
    assert narrative_id is not None
    library.export(narrative_id)
    assert seen == {"title": SAMPLE_TITLE, "data_dir": controller.data_dir}
