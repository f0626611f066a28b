"""The controller: autosave, save states, failures that keep the text, versions and pace."""

from __future__ import annotations

import sqlite3
from datetime import datetime

import pytest

from narrative_app.domain import Narrative, PartKind, PartSplit, RehearsalRun
from narrative_app.errors import describe_error
from narrative_app.ui.controller import NarrativeController


def _new(controller: NarrativeController, title: str = "Ward 7") -> int:
    narrative_id = controller.create_narrative(Narrative(title=title))
    assert controller.open_narrative(narrative_id)
    return narrative_id


def test_an_edit_reaches_the_database_shortly_after_typing_stops(controller, qtbot):
    narrative_id = _new(controller)
    states: list[tuple[str, str]] = []
    controller.saveStateChanged.connect(lambda s, m: states.append((s, m)))

    controller.set_draft(PartKind.SELF, "It was three in the morning on Ward 7.")
    assert controller.dirty
    assert controller.store.get(narrative_id).parts[PartKind.SELF].draft == ""
    assert states[-1] == ("saving", "Saving...")

    qtbot.waitUntil(lambda: not controller.dirty, timeout=3000)
    stored = controller.store.get(narrative_id)
    assert stored.parts[PartKind.SELF].draft == "It was three in the morning on Ward 7."
    assert states[-1] == ("saved", "Saved")


def test_save_now_writes_at_once_and_every_kind_of_edit_is_kept(controller):
    narrative_id = _new(controller)
    controller.set_field(PartKind.SELF, "choice", "I stayed past my shift.")
    controller.set_cues(PartKind.US, ["The bell at 3 a.m.", "Mrs Khan"])
    controller.set_field(PartKind.NOW, "ask", "Will you join me in the rota?")
    controller.set_meta(title="Why I stayed", audience="New nurses", values=["Care", "Courage"])
    assert controller.save_now()
    stored = controller.store.get(narrative_id)
    assert stored.title == "Why I stayed"
    assert stored.audience == "New nurses"
    assert stored.values == ["Care", "Courage"]
    assert stored.parts[PartKind.SELF].fields["choice"] == "I stayed past my shift."
    assert stored.parts[PartKind.US].cues == ["The bell at 3 a.m.", "Mrs Khan"]
    assert stored.ask == "Will you join me in the rota?"


def test_a_failed_save_keeps_the_text_says_why_and_retries(controller, qtbot, monkeypatch):
    narrative_id = _new(controller)
    real_save = controller.store.save

    def locked(_narrative):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(controller.store, "save", locked)
    controller.set_draft(PartKind.NOW, "We cannot wait another winter.")
    qtbot.waitUntil(lambda: controller.save_state[0] == "failed", timeout=3000)
    assert controller.save_state[1] == "Not saved: database is locked"
    assert controller.current.parts[PartKind.NOW].draft == "We cannot wait another winter."
    assert controller.dirty

    # More typing while it is failing: the failure stays visible, the text stays in memory.
    controller.set_draft(PartKind.NOW, "We cannot wait another winter. Not one.")
    assert controller.save_state[0] == "failed"

    monkeypatch.setattr(controller.store, "save", real_save)
    qtbot.waitUntil(lambda: controller.save_state == ("saved", "Saved"), timeout=3000)
    stored = controller.store.get(narrative_id)
    assert stored.parts[PartKind.NOW].draft == "We cannot wait another winter. Not one."


def test_switching_narrative_saves_the_pending_edit_first(controller):
    first = _new(controller, "First")
    second = controller.create_narrative(Narrative(title="Second"))
    controller.set_draft(PartKind.US, "Typed just before switching")
    assert controller.open_narrative(second)
    assert controller.current.title == "Second"
    assert controller.store.get(first).parts[PartKind.US].draft == "Typed just before switching"


def test_switching_is_refused_while_the_edit_cannot_be_saved(controller, monkeypatch):
    first = _new(controller, "First")
    second = controller.create_narrative(Narrative(title="Second"))
    monkeypatch.setattr(controller.store, "save", _raise_disk_full)
    controller.set_draft(PartKind.SELF, "Precious words")
    assert not controller.open_narrative(second)
    assert controller.current.id == first
    assert controller.current.parts[PartKind.SELF].draft == "Precious words"
    assert controller.save_state[1] == "Not saved: No space left on device"


def _raise_disk_full(_narrative):
    raise OSError(28, "No space left on device")


@pytest.mark.parametrize(
    "text",
    [
        "Emoji 🙂👩🏽‍⚕️ and a heart ❤️",
        "עברית מימין לשמאל and العربية",
        "中文，日本語、한국어",
        "control\x00chars\x07\x1b and a tab\t",
        "x" * (1024 * 1024),
    ],
)
def test_exactly_what_was_typed_is_saved(controller, text):
    narrative_id = _new(controller)
    controller.set_draft(PartKind.SELF, text)
    assert controller.save_now()
    assert controller.store.get(narrative_id).parts[PartKind.SELF].draft == text


def test_a_preset_sets_the_targets_and_a_custom_target_switches_to_custom(controller):
    _new(controller)
    meta: list[int] = []
    controller.metaChanged.connect(meta.append)
    controller.set_meta(preset="linked_3")
    assert [controller.current.parts[k].target_seconds for k in PartKind] == [90, 40, 50]
    controller.set_target(PartKind.SELF, 100)
    assert controller.current.preset == "custom"
    assert controller.current.parts[PartKind.SELF].target_seconds == 100
    assert len(meta) == 2
    with pytest.raises(TypeError):
        controller.set_meta(colour="red")


def test_versions_are_saved_and_restored_through_the_controller(controller):
    narrative_id = _new(controller)
    controller.set_draft(PartKind.SELF, "First telling")
    version = controller.save_version("Before the away day", audience="Team")
    assert version.label == "Before the away day"
    controller.set_draft(PartKind.SELF, "Second telling")
    opened: list[int] = []
    controller.narrativeOpened.connect(opened.append)
    controller.restore_version(version.id)
    assert opened == [narrative_id]
    assert controller.current.parts[PartKind.SELF].draft == "First telling"
    assert controller.store.get(narrative_id).parts[PartKind.SELF].draft == "First telling"
    labels = [v.label for v in controller.store.list_versions(narrative_id)]
    assert "Before the away day" in labels


def test_effective_pace_is_the_measured_pace_once_rehearsed(controller):
    narrative_id = _new(controller)
    controller.set_meta(pace_wpm=140)
    assert controller.effective_pace() == 140
    run = RehearsalRun(
        narrative_id=narrative_id,
        started_at=datetime(2025, 3, 1, 10, 0),
        total_seconds=60.0,
        splits=[PartSplit(PartKind.SELF, 60.0, 120, words=110)],
    )
    runs: list[int] = []
    controller.runsChanged.connect(runs.append)
    controller.add_run(run)
    assert runs == [narrative_id]
    assert controller.effective_pace() == pytest.approx(110.0)


def test_trash_and_restore_go_through_the_controller(controller):
    narrative_id = _new(controller)
    changes: list[bool] = []
    controller.libraryChanged.connect(lambda: changes.append(True))
    controller.set_draft(PartKind.SELF, "Saved before it goes to the trash")
    controller.trash(narrative_id)
    assert controller.current is None
    assert narrative_id in [s.id for s in controller.store.list(trashed=True)]
    controller.restore(narrative_id)
    assert controller.store.get(narrative_id).parts[PartKind.SELF].draft.startswith("Saved")
    assert len(changes) == 2


def test_error_descriptions_are_one_short_line():
    assert describe_error(OSError(28, "No space left on device")) == "No space left on device"
    assert describe_error(RuntimeError("first line\nsecond line")) == "first line"
    assert len(describe_error(RuntimeError("x" * 500))) <= 120
