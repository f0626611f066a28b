"""Rehearsal speech: audio sources (a WAV file, or the microphone) behind one small interface.

Layer: rehearsal (pure, Qt-free). A source yields 16-bit mono PCM at 16 kHz, the rate the
recogniser's acoustic model was trained on, in chunks. Tests and the command line feed WAV
files; the live microphone source uses ``sounddevice`` (PortAudio), imported only when a
microphone is opened, so a machine without PortAudio still analyses files and is told plainly
that there is no microphone.
"""

from __future__ import annotations

import array
import sys
import wave
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from narrative_app.errors import BadInputError, NarrativeAppError

SAMPLE_RATE = 16000  # what the US-English acoustic model expects
CHUNK_SAMPLES = 4096
SILENT_PEAK = 200  # peak below this (of 32767) is no speech at all
MIN_RATE = 8000


class BadAudioError(BadInputError):
    """A recording that cannot be analysed (not WAV, empty, silent, an unusable format)."""


class MicrophoneUnavailableError(NarrativeAppError):
    """No microphone can be opened here (no PortAudio, no device, or permission refused)."""


class AudioSource(Protocol):
    """Where speech comes from: 16-bit mono PCM at ``SAMPLE_RATE``, in chunks."""

    def chunks(self) -> Iterator[bytes]: ...


class WavFileSource:
    """A WAV file read whole, checked, mixed to mono and resampled to 16 kHz."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.pcm = _read_wav(self.path)

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / SAMPLE_RATE

    def chunks(self) -> Iterator[bytes]:
        step = CHUNK_SAMPLES * 2
        for start in range(0, len(self.pcm), step):
            yield self.pcm[start : start + step]


def _read_wav(path: Path) -> bytes:
    name = path.name
    if not path.is_file():
        raise BadAudioError(f"No recording at '{path}'. Check the path and try again.")
    try:
        with wave.open(str(path), "rb") as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            frames = wav.readframes(wav.getnframes())
    except (wave.Error, EOFError, OSError):
        raise BadAudioError(
            f"'{name}' is not a WAV recording we can read. Save it as a 16-bit PCM WAV file."
        ) from None
    if width != 2 or channels not in (1, 2) or rate < MIN_RATE:
        raise BadAudioError(
            f"'{name}' is {width * 8}-bit, {channels} channel(s) at {rate} Hz; "
            "save it as 16-bit mono or stereo PCM WAV at 8000 Hz or more."
        )
    samples = array.array("h")
    samples.frombytes(frames[: len(frames) - len(frames) % (2 * channels)])
    if sys.byteorder == "big":
        samples.byteswap()
    if channels == 2:
        samples = _to_mono(samples)
    if not samples:
        raise BadAudioError(f"'{name}' is empty: it holds no sound. Record the rehearsal again.")
    if max(samples) < SILENT_PEAK and -min(samples) < SILENT_PEAK:
        raise BadAudioError(
            f"'{name}' is silent: no speech was heard. Check the microphone and record again."
        )
    if rate != SAMPLE_RATE:
        samples = resample(samples, rate, SAMPLE_RATE)
    if sys.byteorder == "big":
        samples.byteswap()
    return samples.tobytes()


def _to_mono(samples: array.array) -> array.array:
    left, right = samples[0::2], samples[1::2]
    return array.array("h", ((a + b) // 2 for a, b in zip(left, right, strict=True)))


def resample(samples: array.array, rate_in: int, rate_out: int) -> array.array:
    """Linear-interpolation resampling of 16-bit samples (after a crude low-pass when shrinking).

    ``audioop.ratecv`` does this in C where Python still has it (3.11, 3.12); elsewhere a pure
    Python loop does the same job more slowly.
    """
    try:
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            import audioop  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return _resample_python(samples, rate_in, rate_out)
    converted, _ = audioop.ratecv(samples.tobytes(), 2, 1, rate_in, rate_out, None)
    out = array.array("h")
    out.frombytes(converted)
    return out


def _resample_python(samples: array.array, rate_in: int, rate_out: int) -> array.array:
    count = int(len(samples) * rate_out / rate_in)
    step = rate_in / rate_out
    last = len(samples) - 1
    out = array.array("h", bytes(2 * count))
    for i in range(count):
        pos = i * step
        j = int(pos)
        frac = pos - j
        nxt = samples[j + 1] if j < last else samples[j]
        out[i] = int(samples[j] + (nxt - samples[j]) * frac)
    return out


class MicrophoneSource:
    """The default (or a chosen) input device, read in chunks until ``stop()`` is called."""

    def __init__(self, device: int | str | None = None) -> None:
        self.device = device
        self._stopped = False

    @staticmethod
    def available() -> tuple[bool, str]:
        """(True, "") when a microphone can be opened, else (False, a plain reason)."""
        try:
            sd = sounddevice_module()
            if not any(d.get("max_input_channels", 0) > 0 for d in sd.query_devices()):
                return False, "No microphone was found. You can still rehearse without listening."
        except MicrophoneUnavailableError as exc:
            return False, str(exc)
        except Exception:
            return False, "No microphone was found. You can still rehearse without listening."
        return True, ""

    @staticmethod
    def devices() -> list[tuple[int, str]]:
        """(index, name) of every input device; empty when there is none or no PortAudio."""
        try:
            found = sounddevice_module().query_devices()
        except Exception:
            return []
        return [(i, str(d.get("name", i))) for i, d in enumerate(found)
                if d.get("max_input_channels", 0) > 0]

    def stop(self) -> None:
        self._stopped = True

    def chunks(self) -> Iterator[bytes]:
        sd = sounddevice_module()
        try:
            stream = sd.RawInputStream(
                samplerate=SAMPLE_RATE, channels=1, dtype="int16", device=self.device,
                blocksize=CHUNK_SAMPLES,
            )
        except Exception as exc:
            raise MicrophoneUnavailableError(
                f"The microphone could not be opened ({exc}). Rehearse without listening, "
                "or choose another microphone."
            ) from None
        with stream:
            while not self._stopped:
                data, _overflowed = stream.read(CHUNK_SAMPLES)
                yield bytes(data)


def sounddevice_module() -> Any:
    try:
        import sounddevice
    except (ImportError, OSError):
        raise MicrophoneUnavailableError(
            "No microphone support on this computer (the PortAudio library is missing). "
            "You can still rehearse without listening."
        ) from None
    return sounddevice
