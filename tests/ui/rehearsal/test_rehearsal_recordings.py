"""Recordings of listened runs: in the data folder, one Ogg Vorbis file per run (older ones WAV),
played per part from the history (or a plain message without sound output), deleted one or
all, never backed up."""

from __future__ import annotations

import array
import wave
from datetime import datetime

from PySide6.QtWidgets import QMenu, QMessageBox

from narrative_app.domain import Narrative, PartKind, PartSplit, RehearsalRun
from narrative_app.models import backups
from narrative_app.rehearsal.speech.audio import SAMPLE_RATE, MicrophoneUnavailableError
from narrative_app.rehearsal.speech.recordings import RecordingShelf
from narrative_app.ui.rehearsal import playback
from narrative_app.ui.rehearsal.history import RehearsalHistoryPage
from tests.ui.rehearsal.shown import history_rows


def _tone(seconds: float) -> bytes:
    return array.array("h", [((i // 20) % 2) * 8000 for i in range(int(seconds * SAMPLE_RATE))]
                       ).tobytes()


def _listened(controller) -> RehearsalRun:
    narrative_id = controller.create_narrative(Narrative(title="Heard", pace_wpm=130))
    assert controller.open_narrative(narrative_id)
    parts = [{"part": k.value, "words": 40, "wpm": 120.0, "start": i * 2.0,
              "end": i * 2.0 + 1.5} for i, k in enumerate((PartKind.SELF, PartKind.US,
                                                             PartKind.NOW))]
    run = RehearsalRun(narrative_id, datetime(2026, 1, 5, 10, 0), 60.0,
                       [PartSplit(PartKind.SELF, 20.0, 120, 40)],
                       speech={"parts": parts, "overall": {"words": 120, "wpm": 128.4}})
    controller.add_run(run, _tone(6.0))
    return run


def test_a_kept_recording_is_one_ogg_file_per_run_in_the_data_folder(controller, store):
    run = _listened(controller)
    shelf = controller.recordings()
    assert shelf.path(run.id) == store.data_dir / "recordings" / f"run-{run.id}.ogg"
    assert shelf.has(run.id)
    assert len(shelf.read(run.id, 2.0, 3.5)) == int(1.5 * SAMPLE_RATE) * 2


def test_backups_never_copy_recordings(controller, store, tmp_path):
    _listened(controller)
    folder = tmp_path / "backup-here"
    copy = backups.make_backup(store.db_path, folder, datetime(2026, 1, 6, 9, 0))
    assert copy is not None
    assert controller.recordings().total_bytes() > 0
    assert not [p for p in folder.rglob("*") if p.suffix in (".wav", ".ogg")]
    assert not [p for p in folder.rglob("*") if "recordings" in p.parts]


def test_the_history_shows_the_heard_pace_and_plays_each_part(qtbot, controller, monkeypatch):
    run = _listened(controller)
    played: list[int] = []

    def fake_play(pcm: bytes, _stopped) -> None:
        played.append(len(pcm))

    monkeypatch.setattr(playback, "play", fake_play)
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    assert history_rows(page)[0][-1] == "128 a minute"
    assert "Heard pace, oldest first: 128 a minute." in page.summary_label.text()
    page.table.selectRow(0)
    menu = QMenu()
    page.recordings.add_to(menu, page.selected_run())
    names = [a.text() for a in menu.actions()]
    assert names[1:5] == ["Play Story of Self", "Play Story of Us", "Play Story of Now",
                         "Play the whole recording"]
    menu.actions()[2].trigger()  # after the separator: Play Story of Us
    qtbot.waitUntil(lambda: page.summary_label.text() == "Finished playing.")
    assert played == [int(1.5 * SAMPLE_RATE) * 2]
    assert run.id is not None


def test_playing_without_sound_output_says_so(qtbot, controller, monkeypatch):
    _listened(controller)

    def no_sound(_pcm: bytes, _stopped) -> None:
        raise MicrophoneUnavailableError("No microphone support on this computer (the "
                                         "PortAudio library is missing).")

    monkeypatch.setattr(playback, "play", no_sound)
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    page.table.selectRow(0)
    page.recordings.play(page.selected_run(), 0.0, None)
    qtbot.waitUntil(lambda: "PortAudio library is missing" in page.summary_label.text())


def test_deleting_one_recording_or_all_keeps_the_runs(qtbot, controller, monkeypatch):
    first = _listened(controller)
    second = _listened(controller)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    shelf = controller.recordings()
    page.recordings.delete(first)
    assert not shelf.has(first.id) and shelf.has(second.id)
    assert page.summary_label.text() == "Recording deleted."
    page.recordings.delete_all()
    assert not shelf.has(second.id)
    assert controller.store.list_runs(second.narrative_id)  # the run stays


def test_deleting_a_run_deletes_its_recording(controller):
    run = _listened(controller)
    controller.delete_run(run.id)
    assert not RecordingShelf(controller.store.data_dir).has(run.id)


def _play_us(qtbot, page: RehearsalHistoryPage) -> None:
    page.table.selectRow(0)
    menu = QMenu()
    page.recordings.add_to(menu, page.selected_run())
    next(a for a in menu.actions() if a.text() == "Play Story of Us").trigger()


def test_a_wav_kept_by_an_earlier_version_still_plays_each_part(qtbot, controller, monkeypatch):
    run = _listened(controller)
    shelf = controller.recordings()
    shelf.delete(run.id)
    old = shelf.folder / f"run-{run.id}.wav"
    with wave.open(str(old), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(_tone(6.0))
    played: list[bytes] = []
    monkeypatch.setattr(playback, "play", lambda pcm, _stopped: played.append(pcm))
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    _play_us(qtbot, page)
    qtbot.waitUntil(lambda: page.summary_label.text() == "Finished playing.")
    assert played == [_tone(6.0)[2 * SAMPLE_RATE * 2 : int(3.5 * SAMPLE_RATE) * 2]]


def test_a_damaged_recording_says_so_and_plays_nothing(qtbot, controller, monkeypatch):
    run = _listened(controller)
    controller.recordings().path(run.id).write_bytes(b"OggS damaged" * 30)
    played: list[bytes] = []
    monkeypatch.setattr(playback, "play", lambda pcm, _stopped: played.append(pcm))
    page = RehearsalHistoryPage(controller)
    qtbot.addWidget(page)
    _play_us(qtbot, page)
    assert page.summary_label.text() == (
        f"The recording could not be read: 'run-{run.id}.ogg' is damaged and cannot be played.")
    assert played == []
