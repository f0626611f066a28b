"""Coach: a draft prepared for the rubric checks (words, cue matches, negation).

Layer: coach (pure, Qt-free). Every position is a character offset into the draft exactly as
written (Markdown included), so the editor can highlight it. Nothing here lower-cases the text
before matching: case-folding can change a string's length and shift offsets.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from operator import attrgetter

from narrative_app.coach.lexicon import (
    PREFIX_KEY,
    TOKEN_RE,
    Cue,
    Entry,
    TokenIndex,
    cue,
    lower_subset,
    normalise,
    part_regexes,
    token_index,
    word_set,
)
from narrative_app.text.sentences import Sentence, split_sentences
from narrative_app.text.timing import PAUSE_RE, WORD_RE

# Text before a cue, back to the last clause break: where a negation would sit.
_CLAUSE_BREAK_RE = re.compile(r"[,;:()—–\-]\s|[.!?][\"'”’)]*\s|\n")
_NEGATION_WINDOW = 3
# Drafts kept prepared: the three stories of a few narratives (see ``prepared``).
DRAFT_CACHE_SIZE = 24
WORD_CACHE_SIZE = 20000  # distinct words whose word-list entries are remembered


@dataclass(frozen=True)
class Hit:
    """One cue found in the text: where it is and the words it matched."""

    start: int
    end: int
    text: str

    @property
    def key(self) -> str:
        return " ".join(self.text.lower().replace("’", "'").split())


@dataclass
class Draft:
    """A story's draft prepared once for all checks (sentences and cue hits are cached)."""

    text: str
    _hits: dict[str, list[Hit]] = field(default_factory=dict, repr=False)
    # Results that more than one rule needs (the ask sentences, the moment), worked out once.
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    _pattern_cache: dict[str, list[Hit]] = field(default_factory=dict, repr=False, compare=False)
    _places: dict[str, list[int]] = field(default_factory=dict, repr=False, compare=False)

    @cached_property
    def words(self) -> int:
        return len(WORD_RE.findall(PAUSE_RE.sub(" ", self.text)))

    @property
    def is_empty(self) -> bool:
        return self.words == 0

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.text)

    @cached_property
    def english(self) -> bool:
        return looks_english(self.text)

    @cached_property
    def lowered(self) -> str | None:
        """The text lower-cased with ’ folded to ', when that keeps every offset (else None)."""
        low = self.text.lower().replace("’", "'")
        return low if len(low) == len(self.text) else None

    @cached_property
    def tokens(self) -> list[tuple[int, int, str]]:
        """Every word as (start, end, normalised text); hyphens separate words here."""
        low = self.lowered
        if low is not None:
            return [(m.start(), m.end(), m.group(0)) for m in TOKEN_RE.finditer(low)]
        return [(m.start(), m.end(), normalise(m.group(0))) for m in TOKEN_RE.finditer(self.text)]

    def pattern_hits(self, entry: Cue) -> list[Hit]:
        """Matches of the list's regex patterns (scanned once per list and draft)."""
        found = self._pattern_cache.get(entry.name)
        if found is None:
            found = self._pattern_cache[entry.name] = self._scan_patterns(entry)
        return found

    def _scan_patterns(self, entry: Cue) -> list[Hit]:
        low = self.lowered
        if entry.lower_regex is not None and low is not None:
            found = self._scan_parts(entry, low)
            if found is not None:
                return found
            matches = entry.lower_regex.finditer(low)
        elif entry.regex is not None:
            matches = entry.regex.finditer(self.text)
        else:
            return []
        text = self.text
        return [
            Hit(m.start(), m.end(), text[m.start() : m.end()])
            for m in matches
            if m.end() > m.start()
        ]

    def _scan_parts(self, entry: Cue, low: str) -> list[Hit] | None:
        """The matches of the list's alternation, tried only where a match can begin (None:
        scan the whole text instead).

        Scanning one alternation of many patterns tries every pattern at every character.
        A match can only begin where one of its pattern's literal starts is (``lower_parts``)
        or, for a pattern without known starts, where a search for that pattern alone finds
        it. The alternation is tried at those places only, left to right, going on from the
        end of each match: the matches finditer would give. Patterns whose starts are nowhere
        in the text are left out of the alternation. An empty match (which finditer treats
        specially) sends the list back to the whole scan.
        """
        parts = entry.lower_parts
        places: set[int] = set()
        kept: list[int] = []
        regexes = part_regexes(entry.name)
        for i, ((starts, _), regex) in enumerate(zip(parts, regexes, strict=True)):
            if starts is None:
                pos, found = 0, False
                while (m := regex.search(low, pos)) is not None:
                    places.add(m.start())
                    pos, found = m.start() + 1, True
                if found:
                    kept.append(i)
                continue
            found = False
            for literal in starts:
                at = self._places.get(literal)
                if at is None:
                    at = self._places[literal] = _find_all(low, literal)
                if at:
                    places.update(at)
                    found = True
            if found:
                kept.append(i)
        if not kept:
            return []
        alternation = entry.lower_regex
        if alternation is None or len(kept) < len(parts):
            alternation = lower_subset(entry.name, tuple(kept))
        match = alternation.match
        text = self.text
        out: list[Hit] = []
        covered = 0
        for start in sorted(places):
            if start < covered:
                continue
            m = match(low, start)
            if m is None:
                continue
            end = m.end()
            if end == start:
                return None
            out.append(Hit(start, end, text[start:end]))
            covered = end
        return out

    @cached_property
    def _word_hits(self) -> dict[str, list[Hit]]:
        """One pass over the tokens finds the matches of every word list at once.

        Each distinct word is looked up once (``_word_entries``); the pass then visits only
        the words that can start an entry.
        """
        index = token_index()
        tokens = self.tokens
        text = self.text
        count = len(tokens)
        words = [t[2] for t in tokens]
        info = {word: _word_entries(index, word) for word in set(words)}
        gaps: dict[int, bool] = {}

        def joined(i: int) -> bool:
            """Token i follows token i-1 with only spaces or a hyphen between them."""
            if i not in gaps:
                gaps[i] = _is_gap(text, tokens[i - 1][1], tokens[i][0])
            return gaps[i]

        found: dict[str, dict[int, int]] = {}
        for i in [i for i, word in enumerate(words) if info[word] is not None]:
            singles, longer, paired = info[words[i]]  # type: ignore[misc]
            for name in singles:
                best = found.get(name)
                if best is None:
                    found[name] = {i: 1}
                elif i not in best:
                    best[i] = 1
            candidates = longer
            if paired and i + 1 < count:
                pairs = index.pair.get((words[i], words[i + 1]))
                if pairs and joined(i + 1):
                    candidates = candidates + pairs
            for entry in candidates:
                size = len(entry.tokens)
                if i + size > count or not all(
                    entry.matches(words[i + j], j) and joined(i + j) for j in range(1, size)
                ):
                    continue
                best = found.setdefault(entry.cue, {})
                best[i] = max(best.get(i, 0), size)
        out: dict[str, list[Hit]] = {}
        for name, starts in found.items():
            hits, covered = [], -1
            for i in sorted(starts):
                if i <= covered:
                    continue
                last = i + starts[i] - 1
                covered = last
                start, end = tokens[i][0], tokens[last][1]
                hits.append(Hit(start, end, text[start:end]))
            out[name] = hits
        return out

    def hits(self, name: str, *, strong: bool = False) -> list[Hit]:
        """Matches of the lexicon list ``name`` (its strong list when asked), in text order.

        Matches a negation cancels ("I never chose") are left out for negatable lists.
        """
        key = f"{name}:strong" if strong else name
        if key not in self._hits:
            entry = cue(name)
            words = self._word_hits.get(key, _NONE)
            patterns = _NONE if strong else self.pattern_hits(entry)
            # Each list is in text order already (its matches do not overlap); only a mix
            # needs sorting, by start and then longest first, in two stable C-level passes.
            found = list(patterns) if not words else words + patterns
            if words and patterns:
                found.sort(key=_END, reverse=True)
                found.sort(key=_START)
            if entry.negatable:
                found = [h for h in found if not is_negated(self.text, h.start)]
            self._hits[key] = found
        return self._hits[key]

    def negated_hits(self, name: str) -> list[Hit]:
        """Matches of ``name`` that a negation cancels ("I never chose")."""
        entry = cue(name)
        found = self._word_hits.get(name, _NONE) + self.pattern_hits(entry)
        return [h for h in found if is_negated(self.text, h.start)]

    def words_between(self, start: int, end: int) -> int:
        """How many words start in ``[start, end)``."""
        starts = self._token_starts
        return bisect.bisect_left(starts, end) - bisect.bisect_left(starts, start)

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t[0] for t in self.tokens]

    def sentence_at(self, offset: int) -> Sentence | None:
        sentences = self.sentences
        index = bisect.bisect_right(self._sentence_starts, offset) - 1
        if index >= 0 and sentences[index].start <= offset < sentences[index].end:
            return sentences[index]
        return None

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]


@lru_cache(maxsize=DRAFT_CACHE_SIZE)
def prepared(text: str) -> Draft:
    """The prepared ``Draft`` of ``text``, shared by every report on the same text.

    Everything a Draft works out depends on its text alone, so the stories the user is not
    typing in (and a report rebuilt on unchanged text) reuse their sentences, words and cue
    matches instead of scanning again.
    """
    return Draft(text)


_GAP_RE = re.compile(r"[\s\-]+")
_NONE: list = []
_START = attrgetter("start")
_END = attrgetter("end")


def _find_all(text: str, literal: str) -> list[int]:
    out = []
    at = text.find(literal)
    while at >= 0:
        out.append(at)
        at = text.find(literal, at + 1)
    return out


def _entries_starting(index: TokenIndex, token: str) -> list[Entry]:
    """Entries whose first word matches ``token`` (phrases keyed by two words excepted)."""
    entries = list(index.single.get(token, _NONE))
    for k in range(1, min(PREFIX_KEY, len(token)) + 1):
        entries += [e for e in index.prefix.get(token[:k], _NONE) if e.matches(token, 0)]
    return entries


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _word_entries(
    index: TokenIndex, token: str
) -> tuple[tuple[str, ...], list[Entry], bool] | None:
    """What can start at ``token``: the lists a one-word entry puts it in, the longer
    entries to try, and whether phrases keyed by two words start with it (None: nothing).
    Kept across drafts: the word lists do not change while the program runs."""
    entries = _entries_starting(index, token)
    paired = token in index.pair_firsts
    if not entries and not paired:
        return None
    singles = tuple(e.cue for e in entries if len(e.tokens) == 1)
    longer = [e for e in entries if len(e.tokens) > 1]
    return singles, longer, paired


def _is_gap(text: str, end: int, start: int) -> bool:
    return _GAP_RE.fullmatch(text, end, start) is not None


def is_negated(text: str, offset: int) -> bool:
    """True when one of the few words just before ``offset`` (same clause) is a negation."""
    window_start = max(0, offset - 60)
    before = text[window_start:offset]
    breaks = list(_CLAUSE_BREAK_RE.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    words = [w.lower().replace("’", "'") for w in WORD_RE.findall(before)]
    negations = word_set("negation")
    return any(w in negations or w.endswith("n't") for w in words[-_NEGATION_WINDOW:])


def looks_english(text: str) -> bool:
    """False when a text of some length has almost none of English's most common words."""
    head = text[:20000]
    if head.isascii():  # lower-casing ASCII cannot change what counts as a word
        words = WORD_RE.findall(head.lower())
    else:
        words = [w.lower() for w in WORD_RE.findall(head)]
    if len(words) < 12:
        return True
    common = word_set("english")
    # One-letter words ("a", "I") do not count: broken-up text is full of single letters.
    share = sum(1 for w in words if len(w) > 1 and w in common) / len(words)
    return share >= 0.12


def distinct(hits: list[Hit]) -> int:
    return len({h.key for h in hits})


def content_words(text: str) -> set[str]:
    """Distinctive lower-case word stems (4+ letters, not in the common-word list)."""
    common = word_set("common")
    stems = set()
    for lowered in set(WORD_RE.findall(text.lower().replace("’", "'"))):
        if len(lowered) < 4 or lowered in common or not lowered.isalpha():
            continue
        stems.add(stem(lowered))
    return stems - {stem(w) for w in common}


@lru_cache(maxsize=8192)
def stem(word: str) -> str:
    """A light English stemmer: enough to match volunteer/volunteers/volunteered."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, replacement in (
        ("ities", "ity"),
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", "e"),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: -len(suffix)] + replacement
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]
    return w
