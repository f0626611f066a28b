"""Rehearsal speech: the three drafts as words to listen for, with their sentences and parts.

Layer: rehearsal (pure, Qt-free). Sentences come from the coach's one sentence splitter, words
from its one word pattern, so "what was skipped" names the same sentences the coach sees.
A word is *sayable* when the pronouncing dictionary knows it, or knows its parts (a hyphenated
word, or a compound such as "windowsill" = "window" + "sill"). Other words (names the
dictionary lacks, numbers written as digits) are left out of the language model and out of
coverage: the recogniser cannot hear them, so missing them is not the speaker's fault.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field

from narrative_app.coach.text import split_sentences
from narrative_app.domain import PART_ORDER, Narrative, PartKind
from narrative_app.text.timing import PAUSE_RE, WORD_RE

ASK_MATCH = 0.6  # a Now sentence this close to the ask field (difflib ratio) is the ask


@dataclass(frozen=True)
class DraftWord:
    text: str  # lower case, as the recogniser spells it ('' when unsayable)
    written: str
    part: PartKind
    sentence: int  # index into DraftScript.sentences

    @property
    def sayable(self) -> bool:
        return bool(self.text)


@dataclass(frozen=True)
class DraftSentence:
    part: PartKind
    text: str
    words: tuple[int, ...]  # indexes into DraftScript.words (sayable ones only)


@dataclass
class DraftScript:
    words: list[DraftWord] = field(default_factory=list)
    sentences: list[DraftSentence] = field(default_factory=list)
    ask_sentence: int | None = None  # index of the ask among ``sentences``
    ask_words: tuple[str, ...] = ()  # the ask field's words when no draft sentence carries it

    @property
    def vocabulary(self) -> set[str]:
        out: set[str] = set()
        for word in self.words:
            out.update(word.text.split())
        out.update(self.ask_words)
        return out

    def lines(self) -> list[str]:
        """The draft as recogniser text: one sentence a line (for the language model)."""
        out = []
        for sentence in self.sentences:
            line = " ".join(self.words[i].text for i in sentence.words)
            if line:
                out.append(line)
        if self.ask_words:
            out.append(" ".join(self.ask_words))
        return out


def spoken_form(word: str, knows: Callable[[str], bool]) -> str:
    """The dictionary spelling of a written word (space-separated parts), or '' if unsayable."""
    low = word.lower().replace("’", "'")
    if knows(low):
        return low
    parts = [p for p in low.split("-") if p]
    if len(parts) > 1 and all(knows(p) for p in parts):
        return " ".join(parts)
    if len(parts) == 1 and low.isalpha():
        for cut in range(3, len(low) - 2):
            if knows(low[:cut]) and knows(low[cut:]):
                return f"{low[:cut]} {low[cut:]}"
    return ""


def build_script(narrative: Narrative, knows: Callable[[str], bool]) -> DraftScript:
    script = DraftScript()
    for kind in PART_ORDER:
        draft = narrative.parts[kind].draft
        for sentence in split_sentences(draft):
            text = draft[sentence.start : sentence.end]
            indexes = []
            for match in WORD_RE.finditer(PAUSE_RE.sub(" ", text)):
                spoken = spoken_form(match.group(0), knows)
                script.words.append(
                    DraftWord(spoken, match.group(0), kind, len(script.sentences))
                )
                if spoken:
                    indexes.append(len(script.words) - 1)
            clean = " ".join(PAUSE_RE.sub(" ", text).replace("*", "").split())
            script.sentences.append(DraftSentence(kind, clean, tuple(indexes)))
    _find_ask(script, narrative.ask, knows)
    return script


def _find_ask(script: DraftScript, ask: str, knows: Callable[[str], bool]) -> None:
    ask_words = [spoken_form(w, knows) for w in WORD_RE.findall(ask)]
    ask_words = [w for w in ask_words if w]
    if not ask_words:
        return
    best, best_ratio = None, 0.0
    for index, sentence in enumerate(script.sentences):
        if sentence.part is not PartKind.NOW:
            continue
        words = [script.words[i].text for i in sentence.words]
        ratio = difflib.SequenceMatcher(None, ask_words, words, autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = index, ratio
    if best is not None and best_ratio >= ASK_MATCH:
        script.ask_sentence = best
    else:
        script.ask_words = tuple(" ".join(ask_words).split())
