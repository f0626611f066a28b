"""Rehearsal speech: the recordings of listened runs, one WAV file per run in the data folder.

Layer: rehearsal (pure, Qt-free). Recordings are kept as 16-bit mono WAV at 16 kHz (about
1.9 MB a minute): no compressed format (FLAC, Opus) can be written with the standard library
or the app's dependencies, and a WAV plays back and re-analyses anywhere. They live in
``<data folder>/recordings/`` and are never copied into a backup, an export or a
``.narrative`` file. ``play`` sends audio to the default output device through sounddevice,
and says plainly when there is none.
"""

from __future__ import annotations

import wave
from collections.abc import Callable
from pathlib import Path

from narrative_app.rehearsal.speech.audio import (
    SAMPLE_RATE,
    MicrophoneUnavailableError,
    sounddevice_module,
)

FOLDER = "recordings"


class RecordingShelf:
    """The recordings of one data folder, named by run id."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / FOLDER

    def path(self, run_id: int) -> Path:
        return self.folder / f"run-{run_id}.wav"

    def has(self, run_id: int) -> bool:
        return self.path(run_id).is_file()

    def save(self, run_id: int, pcm: bytes) -> Path:
        """Write the run's audio (written to a partial file first, then renamed)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        target = self.path(run_id)
        partial = target.with_name(f".{target.name}.partial")
        with wave.open(str(partial), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(SAMPLE_RATE)
            wav.writeframes(pcm)
        partial.replace(target)
        return target

    def read(self, run_id: int, start: float = 0.0, end: float | None = None) -> bytes:
        """The run's audio from ``start`` to ``end`` seconds (to the end when None)."""
        with wave.open(str(self.path(run_id)), "rb") as wav:
            rate = wav.getframerate()
            wav.setpos(min(wav.getnframes(), max(0, int(start * rate))))
            frames = wav.getnframes() - wav.tell() if end is None else int((end - start) * rate)
            return wav.readframes(max(0, frames))

    def delete(self, run_id: int) -> bool:
        path = self.path(run_id)
        if not path.is_file():
            return False
        path.unlink()
        return True

    def delete_all(self) -> int:
        if not self.folder.is_dir():
            return 0
        doomed = list(self.folder.glob("run-*.wav"))
        for path in doomed:
            path.unlink()
        return len(doomed)

    def total_bytes(self) -> int:
        if not self.folder.is_dir():
            return 0
        return sum(p.stat().st_size for p in self.folder.glob("run-*.wav"))


def play(pcm: bytes, stopped: Callable[[], bool] = lambda: False) -> None:
    """Play 16 kHz mono audio on the default output, until it ends or ``stopped()``.

    Raises ``MicrophoneUnavailableError`` (with a plain reason) when nothing can play.
    """
    sd = sounddevice_module()
    try:
        stream = sd.RawOutputStream(samplerate=SAMPLE_RATE, channels=1, dtype="int16")
    except Exception as exc:
        raise MicrophoneUnavailableError(
            f"The recording cannot be played here: no sound output could be opened ({exc})."
        ) from None
    step = 4096 * 2
    with stream:
        for start in range(0, len(pcm), step):
            if stopped():
                break
            stream.write(pcm[start : start + step])
