"""Rehearsal speech: the recordings of listened runs, one compressed file a run in the data folder.

Layer: rehearsal (pure, Qt-free). New recordings are Ogg Vorbis, mono at 16 kHz and about
34 kbit/s (a 3-minute run: about 0.76 MB, against 5.8 MB as WAV), written and read through
``soundfile`` (libsndfile, which its wheels carry). Where soundfile or its library cannot be
loaded, a recording is kept as 16-bit WAV, as earlier versions kept every recording; both kinds
are found, played and deleted alike. They live in ``<data folder>/recordings/`` and are never
copied into a backup, an export or a ``.narrative`` file. ``play`` sends audio to the default
output device through sounddevice, and says plainly when there is none.
"""

from __future__ import annotations

import contextlib
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any

from narrative_app.rehearsal.speech.audio import (
    SAMPLE_RATE,
    MicrophoneUnavailableError,
    sounddevice_module,
)

FOLDER = "recordings"
COMPRESSED = ".ogg"
PLAIN = ".wav"
SUFFIXES = (COMPRESSED, PLAIN)  # a run has one or the other; a compressed one wins
# libsndfile's Vorbis quality, 0 (best) to 1 (smallest); 0.7 is about 34 kbit/s at 16 kHz mono,
# plenty for speech (measured: 0.9 is 26 kbit/s, 0.0 is 68 kbit/s).
VORBIS_LEVEL = 0.7
# Audio goes to the encoder a block at a time: libsndfile's Vorbis writer crashed the process
# when handed three minutes in one call (measured with soundfile 0.14, libsndfile 1.2.2).
WRITE_FRAMES = 16384


def soundfile_module() -> Any | None:
    """soundfile, or None where it (or the libsndfile it loads) is missing."""
    try:
        import soundfile
    except (ImportError, OSError):
        return None
    return soundfile


class RecordingShelf:
    """The recordings of one data folder, named by run id (``run-7.ogg``, or ``run-7.wav``)."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = Path(data_dir) / FOLDER

    def _paths(self, run_id: int) -> list[Path]:
        return [self.folder / f"run-{run_id}{suffix}" for suffix in SUFFIXES]

    def path(self, run_id: int) -> Path:
        """The run's recording, or where a new compressed one would go."""
        return next((p for p in self._paths(run_id) if p.is_file()), self._paths(run_id)[0])

    def has(self, run_id: int) -> bool:
        return self.path(run_id).is_file()

    def save(self, run_id: int, pcm: bytes) -> Path:
        """Write the run's audio (16-bit mono at 16 kHz): compressed where soundfile can,
        else as WAV; written to a partial file first, then renamed."""
        self.folder.mkdir(parents=True, exist_ok=True)
        pcm = pcm[: len(pcm) - len(pcm) % 2]
        compressed, plain = self._paths(run_id)
        target = compressed if _write_vorbis(compressed, pcm) else _write_wav(plain, pcm)
        for other in (compressed, plain):  # one recording a run
            if other != target:
                other.unlink(missing_ok=True)
        return target

    def read(self, run_id: int, start: float = 0.0, end: float | None = None) -> bytes:
        """The run's audio from ``start`` to ``end`` seconds (to the end when None), as
        16-bit mono PCM. Raises ``OSError`` with a plain reason when it cannot be read."""
        path = self.path(run_id)
        if path.suffix == PLAIN:
            return _read_wav(path, start, end)
        sf = soundfile_module()
        if sf is None:
            raise OSError("this computer cannot decode Ogg Vorbis (the soundfile library is "
                          "missing); reinstall Narrative Coach to play it.")
        try:
            with sf.SoundFile(str(path)) as audio:
                rate = audio.samplerate
                audio.seek(min(audio.frames, max(0, int(start * rate))))
                frames = -1 if end is None else max(0, int((end - start) * rate))
                return bytes(audio.buffer_read(frames, dtype="int16")) if frames else b""
        except (RuntimeError, ValueError):  # libsndfile's errors are RuntimeErrors
            raise OSError(f"'{path.name}' is damaged and cannot be played.") from None

    def delete(self, run_id: int) -> bool:
        found = [p for p in self._paths(run_id) if p.is_file()]
        for path in found:
            path.unlink()
        return bool(found)

    def _all(self) -> list[Path]:
        if not self.folder.is_dir():
            return []
        return [p for suffix in SUFFIXES for p in self.folder.glob(f"run-*{suffix}")]

    def delete_all(self) -> int:
        doomed = self._all()
        for path in doomed:
            path.unlink()
        return len({p.stem for p in doomed})

    def total_bytes(self) -> int:
        return sum(p.stat().st_size for p in self._all())


def _partial(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial")


def _write_vorbis(target: Path, pcm: bytes) -> bool:
    """Write Ogg Vorbis; False (and nothing left behind) when soundfile cannot."""
    sf = soundfile_module()
    if sf is None:
        return False
    partial = _partial(target)
    try:
        with sf.SoundFile(str(partial), "w", samplerate=SAMPLE_RATE, channels=1, format="OGG",
                          subtype="VORBIS", compression_level=VORBIS_LEVEL) as out:
            step = WRITE_FRAMES * 2
            for start in range(0, len(pcm), step):
                out.buffer_write(pcm[start : start + step], dtype="int16")
    except (RuntimeError, ValueError, TypeError):
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        return False
    partial.replace(target)
    return True


def _write_wav(target: Path, pcm: bytes) -> Path:
    partial = _partial(target)
    with wave.open(str(partial), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(pcm)
    partial.replace(target)
    return target


def _read_wav(path: Path, start: float, end: float | None) -> bytes:
    try:
        with wave.open(str(path), "rb") as wav:
            rate = wav.getframerate()
            wav.setpos(min(wav.getnframes(), max(0, int(start * rate))))
            frames = wav.getnframes() - wav.tell() if end is None else int((end - start) * rate)
            return wav.readframes(max(0, frames))
    except (wave.Error, EOFError):
        raise OSError(f"'{path.name}' is damaged and cannot be played.") from None


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
