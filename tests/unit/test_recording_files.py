"""Recordings of listened runs on disk: new ones compressed (Ogg Vorbis), old WAV ones still
found, read per part and deleted; WAV where soundfile cannot be loaded."""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

import pytest

from narrative_app.rehearsal.speech import recordings
from narrative_app.rehearsal.speech.audio import SAMPLE_RATE
from narrative_app.rehearsal.speech.recordings import RecordingShelf

WAV_BYTES_PER_SECOND = SAMPLE_RATE * 2


def _voice_like(seconds: float) -> bytes:
    """A second of gliding, beating tones (closer to speech than a steady tone), repeated."""
    second = array.array("h", (
        int(6000 * math.sin(2 * math.pi * (180 + 60 * math.sin(i / 2500)) * i / SAMPLE_RATE)
            * (0.6 + 0.4 * math.sin(2 * math.pi * 4 * i / SAMPLE_RATE)))
        for i in range(SAMPLE_RATE)))
    whole, rest = divmod(seconds, 1)
    return (second * int(whole) + second[: int(rest * SAMPLE_RATE)]).tobytes()


def _rms(pcm: bytes) -> float:
    samples = array.array("h", pcm)
    return math.sqrt(sum(s * s for s in samples) / max(len(samples), 1))


def _old_wav(folder: Path, run_id: int, pcm: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"run-{run_id}.wav"
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(pcm)
    return path


def test_a_three_minute_recording_is_kept_as_ogg_vorbis_a_seventh_of_the_wav(tmp_path):
    shelf = RecordingShelf(tmp_path)
    pcm = _voice_like(180)
    path = shelf.save(1, pcm)
    assert path == tmp_path / "recordings" / "run-1.ogg"
    head = path.read_bytes()[:64]
    assert head.startswith(b"OggS") and b"\x01vorbis" in head
    assert path.stat().st_size < len(pcm) / 7  # WAV would be 5.76 MB
    assert shelf.total_bytes() == path.stat().st_size
    assert not list(path.parent.glob(".*partial"))
    assert len(shelf.read(1)) == len(pcm)  # every sample comes back
    assert len(shelf.read(1, 100.0, 105.0)) == 5 * WAV_BYTES_PER_SECOND


def test_a_part_read_back_is_the_part_that_was_said(tmp_path):
    silence = bytes(2 * WAV_BYTES_PER_SECOND)
    shelf = RecordingShelf(tmp_path)
    shelf.save(2, silence + _voice_like(1.5) + silence)
    spoken, quiet = shelf.read(2, 2.0, 3.5), shelf.read(2, 0.0, 1.8)
    assert len(spoken) == int(1.5 * SAMPLE_RATE) * 2
    assert _rms(spoken) > 0.7 * _rms(_voice_like(1.5))
    assert _rms(quiet) < 50
    assert shelf.read(2, 10.0, 12.0) == b""  # past the end: nothing, not an error


def test_a_wav_kept_by_an_earlier_version_is_still_read_counted_and_deleted(tmp_path):
    shelf = RecordingShelf(tmp_path)
    pcm = _voice_like(3)
    old = _old_wav(shelf.folder, 3, pcm)
    assert shelf.has(3) and shelf.path(3) == old
    assert shelf.read(3, 1.0, 2.0) == pcm[WAV_BYTES_PER_SECOND : 2 * WAV_BYTES_PER_SECOND]
    shelf.save(4, pcm)
    assert shelf.total_bytes() == old.stat().st_size + shelf.path(4).stat().st_size
    assert shelf.delete(3) and not shelf.has(3) and shelf.has(4)
    _old_wav(shelf.folder, 3, pcm)
    assert shelf.delete_all() == 2
    assert list(shelf.folder.iterdir()) == []


def test_a_new_recording_of_a_run_replaces_its_old_wav(tmp_path):
    shelf = RecordingShelf(tmp_path)
    _old_wav(shelf.folder, 5, _voice_like(1))
    shelf.save(5, _voice_like(2))
    assert [p.name for p in shelf.folder.iterdir()] == ["run-5.ogg"]
    assert len(shelf.read(5)) == 2 * WAV_BYTES_PER_SECOND


def test_without_soundfile_recordings_are_kept_as_wav_and_ogg_ones_say_why(tmp_path,
                                                                          monkeypatch):
    shelf = RecordingShelf(tmp_path)
    shelf.save(6, _voice_like(1))
    monkeypatch.setattr(recordings, "soundfile_module", lambda: None)
    pcm = _voice_like(2)
    path = shelf.save(7, pcm)
    assert path.name == "run-7.wav"
    assert shelf.read(7) == pcm
    with pytest.raises(OSError, match="cannot decode Ogg Vorbis"):
        shelf.read(6)


def test_a_damaged_recording_raises_a_plain_error(tmp_path):
    shelf = RecordingShelf(tmp_path)
    shelf.folder.mkdir(parents=True)
    (shelf.folder / "run-8.ogg").write_bytes(b"OggS not really" * 20)
    (shelf.folder / "run-9.wav").write_bytes(b"RIFF not really" * 20)
    for run_id, name in ((8, "run-8.ogg"), (9, "run-9.wav")):
        with pytest.raises(OSError, match=f"'{name}' is damaged and cannot be played"):
            shelf.read(run_id)
