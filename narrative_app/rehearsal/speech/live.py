"""Rehearsal speech: listening live, following the speaker and reporting at the end.

Layer: rehearsal (pure, Qt-free). ``listen_live`` runs on a worker (the UI owns the executor):
it decodes an audio source chunk by chunk, feeds the recogniser's growing hypothesis to the
voice follower, and hands events to ``emit`` (a thread-safe queue's ``put`` in the app): the
input level, each move of the place in the draft, and at the end the speech report with the
recorded audio. ``PacedSource`` plays a WAV no faster than real time (or a set multiple of
it) under an injected clock, so tests can stand in for a microphone.
"""

from __future__ import annotations

import array
import contextlib
import math
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from narrative_app.domain import Narrative
from narrative_app.errors import NarrativeAppError
from narrative_app.rehearsal.speech.alignment import align
from narrative_app.rehearsal.speech.audio import SAMPLE_RATE, AudioSource
from narrative_app.rehearsal.speech.draft import DraftScript, build_script
from narrative_app.rehearsal.speech.follower import Place, VoiceFollower
from narrative_app.rehearsal.speech.recogniser import Recogniser, knows
from narrative_app.rehearsal.speech.report import SpeechReport, build_report


class PacedSource:
    """Another source's chunks, each delivered no sooner than it would be spoken.

    ``speed`` 1.0 is real time, 4.0 four times as fast, 0 as fast as it can be read.
    """

    def __init__(self, inner: AudioSource, *, speed: float = 1.0,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.inner = inner
        self.speed = speed
        self._clock = clock
        self._sleep = sleep

    def chunks(self) -> Iterator[bytes]:
        start = self._clock()
        samples = 0
        for chunk in self.inner.chunks():
            if self.speed > 0:
                wait = start + samples / SAMPLE_RATE / self.speed - self._clock()
                if wait > 0:
                    self._sleep(wait)
            samples += len(chunk) // 2
            yield chunk


def level(chunk: bytes) -> float:
    """The loudness of a chunk from 0 (silence) to 1 (full scale), on a decibel scale."""
    samples = array.array("h")
    samples.frombytes(chunk[: len(chunk) - len(chunk) % 2])
    if sys.byteorder == "big":
        samples.byteswap()
    if not samples:
        return 0.0
    rms = math.sqrt(sum(s * s for s in samples[::4]) / len(samples[::4]))
    if rms < 1:
        return 0.0
    return max(0.0, min(1.0, (20 * math.log10(rms / 32768) + 60) / 60))  # -60 dB .. 0 dB


@dataclass(frozen=True)
class LiveEvent:
    """What the worker reports: ``level``, ``place``, ``done`` or ``failed``."""

    kind: str
    level: float = 0.0
    place: Place | None = None
    report: SpeechReport | None = None
    pcm: bytes = b""
    message: str = ""
    seconds: float = 0.0  # audio heard so far when the event was made


@dataclass
class _Recording:
    source: AudioSource
    stop: threading.Event
    emit: Callable[[LiveEvent], None]
    pcm: bytearray = field(default_factory=bytearray)

    def chunks(self) -> Iterator[bytes]:
        for chunk in self.source.chunks():
            if self.stop.is_set():
                return
            self.pcm.extend(chunk)
            self.emit(LiveEvent("level", level=level(chunk), seconds=self.seconds))
            yield chunk

    @property
    def seconds(self) -> float:
        return len(self.pcm) / 2 / SAMPLE_RATE


def listen_live(narrative: Narrative, source: AudioSource, emit: Callable[[LiveEvent], None],
                stop: threading.Event, *, script: DraftScript | None = None) -> None:
    """Listen to ``source`` until it ends or ``stop`` is set; report through ``emit``."""
    try:
        script = script or build_script(narrative, knows)
        follower = VoiceFollower(script)
        recording = _Recording(source, stop, emit)
        with Recogniser(script.lines()) as recogniser:
            with contextlib.closing(recogniser.partials(recording)) as partials:
                for _seconds, words in partials:
                    place = follower.feed(words)
                    if place.moved:
                        emit(LiveEvent("place", place=place, seconds=recording.seconds))
            heard = recogniser.final_words()
        report = build_report(script, align(script, heard), recording.seconds)
        emit(LiveEvent("done", report=report, pcm=bytes(recording.pcm)))
    except NarrativeAppError as error:
        emit(LiveEvent("failed", message=str(error)))
    except Exception as error:  # a broken device or decoder must not take the rehearsal down
        emit(LiveEvent("failed", message=f"Listening stopped: {error}"))
