"""Coach: the one measure of how the three stories link (values through their families, and
concrete images that recur).

Layer: coach (pure, Qt-free). The coach's "Linked stories" check and the Link page both call
``measure_links``, so the two never disagree. A chosen value is shown in a story when the
value's name or a word of its family (``resources/values/values.toml``, ``family``) is
there: "Reliability" is heard in "she turned up every week" as well as in "reliable". An
image is a distinctive word (four letters or more, not a common word, not a value's own
word) that comes back in every written story: "the kettle", "the stairwell".

The stories are linked (``LinkMeasure.linked``) when every written story (at least two)
shows one of the same chosen values and an image recurs or a second value echoes; or when an
image recurs in every story and at least one chosen value is heard: the image carries it.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache

from narrative_app.coach.lexicon import word_set
from narrative_app.coach.text import content_words, stem
from narrative_app.domain import PART_ORDER, PartKind
from narrative_app.paths import read_resource_text
from narrative_app.text.timing import PAUSE_RE

MAX_IMAGES = 3
MARKS_PER_STORY = 6

_SUFFIXES = "s|es|ed|d|ing|ful|fully|ly|ness|er|ers|ous|ously"
_E_STEM_SUFFIXES = "ing|ed|er|ers|ation"  # care -> caring, cared, carer
_Y_STEM_SUFFIXES = "ies|ied|ier|iest|ily|iness"  # dignity -> dignities
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


@dataclass(frozen=True)
class Mark:
    """Where a value (or an image, ``value == ""``) shows in one story's draft."""

    start: int
    end: int
    value: str
    word: str


@dataclass
class LinkMeasure:
    values: list[str]
    written: list[PartKind]
    # Non-overlapping marks to highlight (earlier values win a word both families share).
    marks: dict[PartKind, list[Mark]] = field(default_factory=dict)
    # How often each value's family shows in each story, counted for each value alone.
    counts: dict[PartKind, dict[str, int]] = field(default_factory=dict)
    images: list[str] = field(default_factory=list)
    image_marks: dict[PartKind, list[Mark]] = field(default_factory=dict)

    def count(self, kind: PartKind, value: str) -> int:
        return self.counts.get(kind, {}).get(value, 0)

    @property
    def shared_values(self) -> list[str]:
        """Chosen values shown in every written story, in the user's order."""
        if len(self.written) < 2:
            return []
        return [v for v in self.values if all(self.count(k, v) for k in self.written)]

    @property
    def heard_values(self) -> list[str]:
        """Chosen values shown in at least one written story."""
        return [v for v in self.values if any(self.count(k, v) for k in self.written)]

    @property
    def linked(self) -> bool:
        """A chosen value in every story, with an image that recurs or a second chosen value
        heard in at least two stories; or an image that recurs in every story and carries
        the values, at least one of which is heard somewhere. A recurring word with none of
        the chosen values anywhere ("worker") links nothing."""
        if len(self.written) < 2:
            return False
        shared = self.shared_values
        if shared:
            others = [v for v in self.values if v != shared[0]]
            echoed = any(sum(1 for k in self.written if self.count(k, v)) >= 2 for v in others)
            return bool(self.images) or echoed
        return bool(self.images) and bool(self.heard_values)


def _word_pattern(word: str) -> str:
    """A family entry as a regex: whole words, common endings; a trailing * is any ending."""
    if word.endswith("*"):
        return re.escape(word[:-1]) + r"[\w’'\-]*"
    words = word.split()
    head = "".join(rf"{re.escape(w)}\s+" for w in words[:-1])
    last = words[-1]
    options = [rf"{head}{re.escape(last)}(?:{_SUFFIXES})?"]
    if len(last) > 3 and last[-1] in "eE":
        options.append(rf"{head}{re.escape(last[:-1])}(?:{_E_STEM_SUFFIXES})")
    if len(last) > 3 and last[-1] in "yY":
        options.append(rf"{head}{re.escape(last[:-1])}(?:{_Y_STEM_SUFFIXES})")
    return "|".join(options)


@cache
def _families() -> dict[str, tuple[str, ...]]:
    try:
        data = tomllib.loads(read_resource_text("values", "values.toml"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}
    out: dict[str, tuple[str, ...]] = {}
    for row in data.get("value", []):
        if isinstance(row, dict) and row.get("name"):
            family = [str(w) for w in row.get("family", []) if str(w).strip()]
            out[str(row["name"]).casefold()] = tuple(family)
    return out


def family(value: str) -> tuple[str, ...]:
    """The value's own name and its family of words and images (empty for none)."""
    name = value.strip()
    if not name:
        return ()
    return (name, *_families().get(name.casefold(), ()))


@cache
def value_regex(value: str) -> re.Pattern[str] | None:
    words = family(value)
    if not words:
        return None
    # Longer entries first, so "held her hand" wins over "hand".
    ordered = sorted({w.strip() for w in words}, key=len, reverse=True)
    body = "|".join(_word_pattern(w) for w in ordered)
    return re.compile(rf"(?<![\w’'])(?:{body})(?![\w’'])", re.IGNORECASE)


def find_values(text: str, values: list[str]) -> list[Mark]:
    """Non-overlapping marks of each value's family in text order; earlier values win."""
    return _scan(text, values)[0]


def _scan(text: str, values: list[str]) -> tuple[list[Mark], dict[str, int]]:
    """The marks to highlight, and each value's own count (overlaps counted for each)."""
    marks: list[Mark] = []
    counts: dict[str, int] = {}
    taken: list[tuple[int, int]] = []
    for value in values:
        pattern = value_regex(value)
        counts[value] = 0
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            counts[value] += 1
            start, end = match.span()
            if all(end <= a or start >= b for a, b in taken):
                marks.append(Mark(start, end, value, match.group(0)))
                taken.append((start, end))
    return sorted(marks, key=lambda m: m.start), counts


@cache
def _value_stems(values: tuple[str, ...]) -> frozenset[str]:
    stems: set[str] = set()
    for value in values:
        for word in family(value):
            stems |= {stem(w) for w in _WORD_RE.findall(word.rstrip("*"))}
    return frozenset(stems)


def recurring_images(texts: list[str], values: list[str]) -> list[str]:
    """Distinctive words found in every text (as first written), in the first text's order."""
    if len(texts) < 2:
        return []
    texts = [PAUSE_RE.sub(" ", t) for t in texts]
    shared = set.intersection(*(_image_words(t) for t in texts)) - _value_stems(tuple(values))
    order: list[str] = []
    words: list[str] = []
    for match in _WORD_RE.finditer(texts[0]):
        key = stem(match.group(0))
        if key in shared and key not in order:
            order.append(key)
            words.append(match.group(0).lower())
    return words[:MAX_IMAGES]


def _image_words(text: str) -> set[str]:
    """The stems that may be an image: distinctive words, and short concrete nouns ("the
    bus", "the key", "the urn") that the four-letter rule of distinctive words leaves out."""
    short = word_set("short_images")
    found = {stem(w) for w in _WORD_RE.findall(text.lower()) if len(w) == 3 and w in short}
    return content_words(text) | found


def _image_marks(text: str, images: list[str]) -> list[Mark]:
    if not images:
        return []
    wanted = {stem(w) for w in images}
    marks = []
    for match in _WORD_RE.finditer(text):
        if stem(match.group(0)) in wanted:
            marks.append(Mark(match.start(), match.end(), "", match.group(0)))
            if len(marks) == MARKS_PER_STORY:
                break
    return marks


def measure_links(texts: dict[PartKind, str], values: list[str]) -> LinkMeasure:
    """How the chosen ``values`` and recurring images run through the stories ``texts``."""
    chosen = [v.strip() for v in values if v.strip()]
    written = [k for k in PART_ORDER if _WORD_RE.search(texts.get(k, "") or "")]
    measure = LinkMeasure(values=chosen, written=written)
    for kind in PART_ORDER:
        text = texts.get(kind, "") or ""
        measure.marks[kind], measure.counts[kind] = _scan(text, chosen)
    measure.images = recurring_images([texts[k] for k in written], chosen)
    for kind in written:
        measure.image_marks[kind] = _image_marks(texts[kind], measure.images)
    return measure
