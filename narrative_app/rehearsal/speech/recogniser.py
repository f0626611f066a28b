"""Rehearsal speech: offline recognition with a language model built from the user's own draft.

Layer: rehearsal (pure, Qt-free). PocketSphinx (its US-English acoustic model ships inside the
wheel) decodes with a small trigram model made from the draft's sentences plus the filler
words, and a dictionary cut down to those words, so loading takes a few hundredths of a second
instead of seconds and read speech that follows the draft is heard almost word for word.
Nothing leaves the machine. ``general=True`` decodes with the wheel's general model instead
(used to measure plain recognition accuracy).
"""

from __future__ import annotations

import tempfile
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from narrative_app.rehearsal.speech.audio import SAMPLE_RATE, AudioSource

FRAMES_PER_SECOND = 100
FILLERS: dict[str, str] = {"um": "AH M", "uh": "AH", "er": "ER", "erm": "ER M"}
# Each filler is added this many times as a one-word line, so the model expects it anywhere.
FILLER_WEIGHT = 3
# A small discount keeps the draft's own word order strong (measured: 0.5 lets more
# out-of-order draft words in on synthetic speech than 0.1 does).
DISCOUNT = 0.1


@dataclass(frozen=True)
class HeardWord:
    """One recognised word with its timing (seconds from the start of the recording)."""

    word: str
    start: float
    end: float

    @property
    def is_filler(self) -> bool:
        return self.word in FILLERS


def model_dir() -> Path:
    from pocketsphinx import get_model_path

    return Path(get_model_path()) / "en-us"


@cache
def pronunciations() -> dict[str, list[str]]:
    """The wheel's pronouncing dictionary (word -> pronunciations), read once per process."""
    out: dict[str, list[str]] = {}
    with (model_dir() / "cmudict-en-us.dict").open(encoding="utf-8") as handle:
        for line in handle:
            word, _, phones = line.partition(" ")
            paren = word.find("(")
            if paren > 0:
                word = word[:paren]
            out.setdefault(word, []).append(phones.strip())
    for word, phones in FILLERS.items():
        out.setdefault(word, [phones])
    return out


def knows(word: str) -> bool:
    return word in pronunciations()


class Recogniser:
    """Decodes an audio source with a model of ``lines`` (one sentence a line)."""

    def __init__(self, lines: Iterable[str] = (), *, general: bool = False) -> None:
        from pocketsphinx import Config, Decoder

        self._tmp = tempfile.TemporaryDirectory(prefix="narrative-speech-")
        config = Config(hmm=str(model_dir() / "en-us"), samprate=SAMPLE_RATE, loglevel="FATAL")
        # One forward pass only: the flat-lexicon and best-path passes cost 35% more time and,
        # measured on the sample read aloud, did not raise coverage.
        config["fwdflat"] = False
        config["bestpath"] = False
        if general:
            config["lm"] = str(model_dir() / "en-us.lm.bin")
            config["dict"] = str(model_dir() / "cmudict-en-us.dict")
        else:
            # No phone-loop lookahead: it scores every context-free phone on every frame to
            # prune word starts, which a draft's small model hardly needs (the general one
            # does). Measured: the same words heard (synthetic readings and LibriVox clips),
            # 3-7% less time with a draft-sized model, 30% less with a small one.
            config["pl_window"] = 0
            lm_path, dict_path = self._write_models(list(lines))
            config["lm"] = str(lm_path)
            config["dict"] = str(dict_path)
        self._decoder = Decoder(config)

    def _write_models(self, lines: list[str]) -> tuple[Path, Path]:
        from pocketsphinx import lm

        filler_lines = [w for w in FILLERS for _ in range(FILLER_WEIGHT)]
        corpus = "\n".join([*lines, *filler_lines])
        builder = lm.ArpaBoLM(text=corpus, add_start=True, discount_mass=DISCOUNT)
        builder.compute()
        root = Path(self._tmp.name)
        lm_path, dict_path = root / "draft.arpa", root / "draft.dict"
        with lm_path.open("w", encoding="utf-8") as handle:
            builder.write(handle)
        words = sorted({w for line in corpus.splitlines() for w in line.split()})
        table = pronunciations()
        with dict_path.open("w", encoding="utf-8") as handle:
            for word in words:
                for n, phones in enumerate(table.get(word, [])):
                    suffix = f"({n + 1})" if n else ""
                    handle.write(f"{word}{suffix} {phones}\n")
        return lm_path, dict_path

    def close(self) -> None:
        self._tmp.cleanup()

    def __enter__(self) -> Recogniser:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def partials(self, source: AudioSource) -> Generator[tuple[float, list[str]], None, None]:
        """After each chunk of audio: (seconds of audio so far, the words heard so far).

        The words are the decoder's partial hypothesis (fillers included), for following the
        speaker live; call ``decode`` for the final words and their timings.
        """
        decoder = self._decoder
        samples = 0
        decoder.start_utt()
        try:
            for chunk in source.chunks():
                decoder.process_raw(chunk, no_search=False, full_utt=False)
                samples += len(chunk) // 2
                hyp = decoder.hyp()
                yield samples / SAMPLE_RATE, hyp.hypstr.split() if hyp is not None else []
        finally:
            decoder.end_utt()

    def decode(self, source: AudioSource) -> list[HeardWord]:
        """Every word heard (fillers included, silences and noises left out), in order."""
        decoder = self._decoder
        decoder.start_utt()
        for chunk in source.chunks():
            decoder.process_raw(chunk, no_search=False, full_utt=False)
        decoder.end_utt()
        return self.final_words()

    def final_words(self) -> list[HeardWord]:
        """The words of the last finished utterance (after ``decode`` or ``partials``)."""
        heard = []
        for seg in self._decoder.seg():
            word = seg.word
            if word.startswith(("<", "[", "+")):
                continue
            paren = word.find("(")
            if paren > 0:
                word = word[:paren]
            heard.append(
                HeardWord(
                    word,
                    seg.start_frame / FRAMES_PER_SECOND,
                    (seg.end_frame + 1) / FRAMES_PER_SECOND,
                )
            )
        return heard

