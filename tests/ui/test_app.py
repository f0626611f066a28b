"""Launching the app: the sample on first launch, one instance per folder, clear refusals,
and a narrative written through the set-up that is still there after closing and reopening."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from narrative_app.domain import PartKind
from narrative_app.errors import NewerDatabaseError
from narrative_app.ui import app as app_module
from narrative_app.ui.app import acquire_lock, run_app, start
from narrative_app.ui.widgets.focus_ring import visible_rect
from tests.ui.a11y.shown_ring import ring_geometry
from tests.ui.library.shown import listed_titles

SAMPLE_TITLE = "Someone who comes back"


@pytest.fixture
def launch(qtbot, messages):
    """Start the app like ``narrative-app`` does, without entering the event loop."""
    sessions = []

    def _launch(data_dir: Path):
        session = start(data_dir)
        if session is not None:
            qtbot.addWidget(session.window)
            session.window.activateWindow()
            qtbot.waitUntil(session.window.isActiveWindow)
            # The library (or last narrative) comes just after the first paint.
            qtbot.waitUntil(lambda: session.window.stack.currentWidget() is not None)
            sessions.append(session)
        return session

    yield _launch
    for session in sessions:
        session.window._quitting_anyway = True
        session.window.close()
        session.close()


def test_first_launch_on_an_empty_folder_shows_the_sample(launch, fresh_data_dir, messages):
    session = launch(fresh_data_dir)
    window = session.window
    assert window.stack.currentWidget() is window.library
    assert listed_titles(window.library) == [SAMPLE_TITLE]
    assert window.windowTitle() == "Narrative Coach"
    assert messages == []


def test_the_launched_window_shows_the_focus_ring(launch, fresh_data_dir, qtbot):
    """Focus rings start just after the first paint, with the library."""
    window = launch(fresh_data_dir).window
    window.library.new_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: ring_geometry(window) is not None)
    assert ring_geometry(window).contains(visible_rect(window.library.new_button, window))


def test_a_second_launch_on_the_same_folder_is_refused_plainly(launch, fresh_data_dir,
                                                               messages):
    first = launch(fresh_data_dir)
    assert run_app(fresh_data_dir, []) == 1
    assert len(messages) == 1
    assert messages[0].startswith("Narrative Coach is already open with this data folder")
    assert str(fresh_data_dir) in messages[0]
    first.close()
    lock, problem = acquire_lock(fresh_data_dir)
    assert lock is not None and problem == ""
    lock.unlock()


def test_a_newer_database_is_refused_with_its_message(fresh_data_dir, messages, monkeypatch):
    from narrative_app.models import store as store_module

    def newer(*_args, **_kwargs):
        raise NewerDatabaseError("This data was written by a newer version of Narrative Coach.")

    monkeypatch.setattr(store_module.NarrativeStore, "open", newer)
    assert start(fresh_data_dir) is None
    assert messages == ["This data was written by a newer version of Narrative Coach."]
    lock, _ = acquire_lock(fresh_data_dir)  # refused launches leave no lock behind
    assert lock is not None
    lock.unlock()


def test_an_unusable_data_folder_is_a_message_not_a_traceback(tmp_path, messages):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("I am a file", encoding="utf-8")
    assert start(not_a_folder / "data") is None
    assert len(messages) == 1
    assert messages[0].startswith("Narrative Coach cannot use the data folder")


def test_a_recovered_database_is_explained_after_the_window_opens(launch, fresh_data_dir,
                                                                  messages, monkeypatch,
                                                                  qtbot):
    from narrative_app.models.store import NarrativeStore

    real_open = NarrativeStore.open

    def recovered(*args, **kwargs):
        store = real_open(*args, **kwargs)
        store.open_report = replace(store.open_report, recovered=True,
                                    message="Your data was restored from this morning's backup.")
        return store

    monkeypatch.setattr(NarrativeStore, "open", recovered)
    session = launch(fresh_data_dir)
    assert session is not None
    qtbot.waitUntil(lambda: messages == ["Your data was restored from this morning's backup."])


def test_write_through_the_set_up_close_and_find_it_again(launch, fresh_data_dir, qtbot):
    session = launch(fresh_data_dir)
    window = session.window
    qtbot.mouseClick(window.library.new_button, Qt.MouseButton.LeftButton)
    purpose = window.workspace.purpose_page
    assert window.stack.currentWidget() is window.workspace
    assert purpose.heading.text() == "Set up your narrative"
    purpose.title_edit.selectAll()
    qtbot.keyClicks(purpose.title_edit, "Why I stayed")
    qtbot.keyClicks(purpose.audience_edit, "New nurses")
    qtbot.keyClicks(purpose.ask_edit, "Will you join me in mentoring one new nurse?")
    purpose.slot_combo.setCurrentIndex(purpose.slot_combo.findData("linked_3"))
    assert window.windowTitle() == "Narrative Coach - Why I stayed"
    qtbot.mouseClick(purpose.start_button, Qt.MouseButton.LeftButton)
    assert window.workspace.current_key() == "self"

    page = window.workspace.story_page(PartKind.SELF)
    qtbot.keyClicks(page.editor, "It was three in the morning on Ward 7.")
    controller = session.controller
    qtbot.waitUntil(lambda: controller.save_state == ("saved", "Saved") and not controller.dirty,
                    timeout=3000)
    assert window.save_indicator.text() == "Saved"
    narrative_id = controller.current.id
    window.resize(1000, 700)  # the offscreen screen is small: the height shows the restore
    window.close()
    session.close()

    again = launch(fresh_data_dir)
    window = again.window
    assert window.stack.currentWidget() is window.workspace
    assert window.workspace.current_key() == "self"
    assert window.size().height() == 700
    current = again.controller.current
    assert current.id == narrative_id
    assert current.title == "Why I stayed"
    assert current.audience == "New nurses"
    assert current.ask == "Will you join me in mentoring one new nurse?"
    assert current.preset == "linked_3"
    assert current.parts[PartKind.SELF].draft == "It was three in the morning on Ward 7."
    assert window.workspace.story_page(PartKind.SELF).editor.toPlainText() == \
        "It was three in the morning on Ward 7."
    assert window.windowTitle() == "Narrative Coach - Why I stayed"


def test_skipping_the_set_up_goes_straight_to_writing(launch, fresh_data_dir, qtbot):
    window = launch(fresh_data_dir).window
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.workspace)
    qtbot.mouseClick(window.workspace.purpose_page.skip_button, Qt.MouseButton.LeftButton)
    assert window.workspace.current_key() == "self"
    assert window.workspace.purpose_page.heading.text() == "Purpose"
    assert window.windowTitle() == "Narrative Coach - Untitled narrative"


def test_run_app_reports_refusal_as_exit_status_one(fresh_data_dir, messages, monkeypatch):
    monkeypatch.setattr(app_module, "start", lambda _dir: None)
    assert run_app(fresh_data_dir, []) == 1
