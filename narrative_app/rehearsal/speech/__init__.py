"""Rehearsal speech: analyse a spoken rehearsal against the narrative's own drafts.

Layer: rehearsal (pure, Qt-free). ``analyse`` takes a narrative and an audio source (a WAV file
in tests and on the command line, the microphone in the app) and returns a ``SpeechReport``:
pace, pauses, fillers and how closely each part followed its draft. Recognition runs on this
machine with PocketSphinx; nothing is sent anywhere.
"""

from __future__ import annotations

from narrative_app.domain import Narrative
from narrative_app.rehearsal.speech.alignment import align
from narrative_app.rehearsal.speech.audio import (
    AudioSource,
    BadAudioError,
    MicrophoneSource,
    MicrophoneUnavailableError,
    WavFileSource,
)
from narrative_app.rehearsal.speech.draft import DraftScript, build_script
from narrative_app.rehearsal.speech.recogniser import HeardWord, Recogniser, knows
from narrative_app.rehearsal.speech.report import SpeechMetrics, SpeechReport, build_report

__all__ = [
    "AudioSource",
    "BadAudioError",
    "DraftScript",
    "HeardWord",
    "MicrophoneSource",
    "MicrophoneUnavailableError",
    "SpeechMetrics",
    "SpeechReport",
    "WavFileSource",
    "analyse",
    "listen",
]


def listen(narrative: Narrative, source: AudioSource) -> tuple[DraftScript, list[HeardWord]]:
    """The draft as the recogniser knows it, and every word heard in ``source``."""
    script = build_script(narrative, knows)
    with Recogniser(script.lines()) as recogniser:
        return script, recogniser.decode(source)


def analyse(narrative: Narrative, source: AudioSource) -> SpeechReport:
    """The spoken-rehearsal report of ``source`` told from ``narrative``'s drafts."""
    script, heard = listen(narrative, source)
    seconds = source.seconds if isinstance(source, WavFileSource) else 0.0
    return build_report(script, align(script, heard), seconds)
