"""Benchmarks: rehearse aloud (issue 16), analysing a spoken rehearsal on this machine.

Figures: the voice follower's lag (median over the words of the 3-minute recording), and
analysing a 3-minute recording (the sample narrative spoken by espeak-ng at 150 wpm,
cut to 180 s; WAV read, model built, decoded, aligned, reported), in wall-clock time and in
processor time (which other work on the machine does not inflate), and the extra memory that
takes (peak resident memory of a fresh process minus its memory just before, the modules
already imported). Shown for information: the pace error and coverage on synthetic speech,
and the word accuracy of the wheel's *general* US-English model on Debian's
pocketsphinx-testdata LibriVox clips (used where installed, never copied into the repo).
Needs espeak-ng. Run: ``python -m benchmarks.bench_speech``.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import wave
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

ROOT = Path(__file__).resolve().parent.parent
LIBRIVOX = Path("/usr/share/pocketsphinx/test/data/librivox")
SECONDS = 180

_CHILD = """
import json, sys, time
from pathlib import Path
from narrative_app import bundle
from narrative_app.paths import resource_path
from narrative_app.rehearsal.speech import WavFileSource, analyse
import pocketsphinx

def mb(key):
    for line in Path('/proc/self/status').read_text().splitlines():
        if line.startswith(key):
            return int(line.split()[1]) / 1024
    return 0.0

narrative = bundle.read_file(resource_path('sample', 'sample.narrative'))
before = mb('VmRSS:')
start, cpu = time.perf_counter(), time.process_time()
report = analyse(narrative, WavFileSource(sys.argv[1]))
elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
print(json.dumps({'seconds': elapsed, 'cpu': cpu, 'extra_mb': mb('VmHWM:') - before,
                  'coverage': report.overall.coverage}))
"""


def _sample():
    from narrative_app import bundle
    from narrative_app.paths import resource_path

    return bundle.read_file(resource_path("sample", "sample.narrative"))


def _recording(folder: Path) -> Path:
    from tests.unit import speech_wavs as sw

    drafts = [p.draft for p in _sample().parts.values()]
    full = sw.speak(sw.join_parts(*drafts), 150, folder / "full.wav")
    cut = folder / "three-minutes.wav"
    with wave.open(str(full), "rb") as src, wave.open(str(cut), "wb") as dst:
        dst.setparams(src.getparams())
        dst.writeframes(src.readframes(src.getframerate() * SECONDS))
    return cut


def _child(wav: Path) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(wav)], cwd=ROOT, capture_output=True, text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def word_errors(reference: list[str], hypothesis: list[str]) -> int:
    """Word-level edit distance (substitutions, insertions, deletions)."""
    previous = list(range(len(hypothesis) + 1))
    for i, ref in enumerate(reference, 1):
        current = [i]
        for j, hyp in enumerate(hypothesis, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1,
                               previous[j - 1] + (ref != hyp)))
        previous = current
    return previous[-1]


def librivox_accuracy() -> float | None:
    """1 - WER of the general model over the LibriVox clips, or None if they are absent."""
    transcript = LIBRIVOX / "transcription"
    if not transcript.is_file():
        return None
    from narrative_app.rehearsal.speech import WavFileSource
    from narrative_app.rehearsal.speech.recogniser import Recogniser

    errors = words = 0
    with Recogniser(general=True) as recogniser:
        for line in transcript.read_text().splitlines():
            text, _, name = line.rpartition("(")
            reference = [w for w in text.split() if not w.startswith("<")]
            wav = LIBRIVOX / f"{name.rstrip(')').strip()}.wav"
            heard = [h.word for h in recogniser.decode(WavFileSource(wav))]
            errors += word_errors(reference, heard)
            words += len(reference)
    return 1 - errors / words


def synthetic_figures(folder: Path) -> dict[str, float]:
    from narrative_app.rehearsal.speech import WavFileSource, analyse
    from tests.unit import speech_wavs as sw

    narrative = _sample()
    drafts = [p.draft for p in narrative.parts.values()]
    out: dict[str, float] = {}
    for rate in (110, 150):
        text = sw.join_parts(*drafts) if rate == 150 else drafts[0]
        wav = sw.speak(text, rate, folder / f"r{rate}.wav")
        truth = sw.spoken_words(text) / (sw.speech_span(wav) / 60)
        report = analyse(narrative, WavFileSource(wav))
        out[f"wpm_error_{rate}"] = abs(report.overall.wpm - truth) / truth
        if rate == 150:
            out["coverage_full"] = report.overall.coverage
            out["ask"] = float(report.ask_as_written)
    return out


def follower_lags(wav: Path) -> tuple[list[float], float]:
    """Seconds from each draft word's end to the follower moving past it (0.1 s chunks, plus
    the time that chunk took to decode and follow), and the real-time factor of streaming."""
    from narrative_app.rehearsal.speech import WavFileSource, audio, listen
    from narrative_app.rehearsal.speech.alignment import align
    from narrative_app.rehearsal.speech.draft import build_script
    from narrative_app.rehearsal.speech.follower import VoiceFollower
    from narrative_app.rehearsal.speech.recogniser import Recogniser, knows

    narrative = _sample()
    chunk, audio.CHUNK_SAMPLES = audio.CHUNK_SAMPLES, 1600
    try:
        source = WavFileSource(wav)
        script = build_script(narrative, knows)
        follower = VoiceFollower(script)
        reached: dict[int, float] = {}
        start = last = time.perf_counter()
        with Recogniser(script.lines()) as recogniser:
            for seconds, words in recogniser.partials(source):
                place = follower.feed(words)
                now = time.perf_counter()
                reached.setdefault(place.word, seconds + (now - last))
                last = now
        factor = (time.perf_counter() - start) / source.seconds
    finally:
        audio.CHUNK_SAMPLES = chunk
    final_script, heard = listen(narrative, source)
    lags = []
    for k, index in enumerate(align(final_script, heard).draft_index):
        if index is not None:
            moved = [s for w, s in reached.items() if w > index]
            if moved:
                lags.append(min(moved) - heard[k].end)
    return lags, factor


def run(repeats: int = 3) -> list[dict[str, Any]]:
    from tests.unit import speech_wavs as sw

    if sw.espeak() is None:
        return [{"figure": "rehearse aloud: espeak-ng missing, not measured", "target": "",
                 "samples": [0.0]}]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        wav = _recording(folder)
        runs = [_child(wav) for _ in range(repeats)]
        figures = synthetic_figures(folder)
        lags, factor = follower_lags(wav)
    rows: list[dict[str, Any]] = [
        {"figure": "rehearse aloud: analyse a 3-minute recording (fresh process)",
         "target": "< 10 s", "samples": [r["seconds"] for r in runs], "limit": 10.0},
        # The same analyses in processor time: what the work costs, whatever else is running.
        {"figure": "rehearse aloud: analyse a 3-minute recording, processor time",
         "target": "(info)", "samples": [r["cpu"] for r in runs], "unit": "s"},
        {"figure": "rehearse aloud: extra memory while analysing 3 minutes",
         "target": "< 150 MB", "samples": [r["extra_mb"] for r in runs], "unit": "MB",
         "limit": 150.0},
        {"figure": "rehearse aloud: coverage of a full synthetic reading", "target": "(info)",
         "samples": [figures["coverage_full"] * 100], "unit": "%"},
        {"figure": "rehearse aloud: ask said as written (full synthetic reading, 1 = yes)",
         "target": "(info)", "samples": [figures["ask"]], "unit": "(0/1)"},
    ]
    rows.append({"figure": "rehearse aloud: voice-following lag, word said to text moved "
                 f"(0.1 s chunks; streaming at {factor:.2f}x real time)", "target": "< 0.7 s",
                 "samples": lags, "limit": 0.7})
    for rate in (110, 150):
        rows.append({"figure": f"rehearse aloud: pace error at {rate} wpm (espeak-ng)",
                     "target": "< 10%", "samples": [figures[f"wpm_error_{rate}"] * 100],
                     "unit": "%", "limit": 10.0})
    start = time.perf_counter()
    accuracy = librivox_accuracy()
    if accuracy is not None:
        rows.append({"figure": "speech: general-model word accuracy, LibriVox test clips "
                     f"(load and decode {time.perf_counter() - start:.1f} s)",
                     "target": "(info)", "samples": [accuracy * 100], "unit": "%"})
    return rows


if __name__ == "__main__":
    from benchmarks.common import fmt, summarise

    for row in run():
        s = summarise(row)
        print(f"{s['figure']}: {s['stat']} {fmt(s['value'], s['unit'])} (target {s['target']})")
