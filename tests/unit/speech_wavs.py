"""Test helper: speak text to WAV with espeak-ng, for the spoken-rehearsal tests and benchmarks.

Drafts are turned into SSML: ``[pause]`` becomes a 1.5 s break, Markdown emphasis and quote
marks are dropped (espeak would read some of them aloud).
"""

from __future__ import annotations

import array
import itertools
import re
import shutil
import subprocess
import wave
from pathlib import Path

from narrative_app.text.timing import PAUSE_RE, WORD_RE

PAUSE_MS = 1500
VOICE = "en-us"  # the recogniser's model is US English


def espeak() -> str | None:
    return shutil.which("espeak-ng")


def ssml(text: str) -> str:
    plain = text.replace("*", "").replace('"', "").replace("“", "").replace("”", "")
    plain = plain.replace("&", " and ").replace("<", " ").replace(">", " ")
    return "<speak>" + PAUSE_RE.sub(f'<break time="{PAUSE_MS}ms"/>', plain) + "</speak>"


def spoken_words(text: str) -> int:
    return len(WORD_RE.findall(PAUSE_RE.sub(" ", text)))


def speak(text: str, rate: int, path: Path) -> Path:
    """Speak ``text`` (draft Markdown with [pause] markers) at ``rate`` words a minute."""
    exe = espeak()
    assert exe, "espeak-ng is needed"
    subprocess.run(
        [exe, "-m", "-v", VOICE, "-s", str(rate), "-w", str(path), ssml(text)],
        check=True, capture_output=True,
    )
    return path


def speech_span(path: Path, threshold: int = 300) -> float:
    """Seconds from the first to the last sample louder than ``threshold``."""
    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    loud = [i for i in range(0, len(samples), 16) if abs(samples[i]) > threshold]
    return (loud[-1] - loud[0]) / rate if loud else 0.0


def silent_gaps(path: Path, min_seconds: float = 1.0, threshold: int = 300) -> list[float]:
    """Silences of at least ``min_seconds`` inside the speech, in seconds."""
    with wave.open(str(path), "rb") as wav:
        rate = wav.getframerate()
        samples = array.array("h", wav.readframes(wav.getnframes()))
    step = 16
    loud = [i for i in range(0, len(samples), step) if abs(samples[i]) > threshold]
    gaps = [(b - a) / rate for a, b in itertools.pairwise(loud)]
    return [g for g in gaps if g >= min_seconds]


def join_parts(*texts: str) -> str:
    return "\n\n".join(t for t in texts if t)


def paragraphs(text: str) -> list[str]:
    return [p for p in re.split(r"\n\s*\n", text) if p.strip()]
