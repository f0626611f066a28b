"""The coach's cue patterns are tried only where a match can begin; the matches must be
exactly those of scanning the whole alternation (the slower way it used to be done)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from narrative_app.coach.lexicon import _raw_lexicon, cue, required_prefixes
from narrative_app.coach.text import Draft

CORPUS = Path(__file__).resolve().parents[1] / "coach_corpus"
PATTERN_LISTS = sorted(
    name for name, raw in _raw_lexicon().items() if isinstance(raw, dict) and raw.get("patterns")
)


def _whole_scan(name: str, text: str) -> list[tuple[int, int]]:
    entry = cue(name)
    low = text.lower().replace("’", "'")
    assert entry.lower_regex is not None and len(low) == len(text)
    return [(m.start(), m.end()) for m in entry.lower_regex.finditer(low) if m.end() > m.start()]


def _scan(name: str, text: str) -> list[tuple[int, int]]:
    return [(h.start, h.end) for h in Draft(text).pattern_hits(cue(name))]


def _corpus_drafts() -> list[str]:
    drafts = []
    for path in sorted(CORPUS.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        drafts += [p.get("draft") or p.get("text", "") for p in data.get("part", [])]
    return [d for d in drafts if len(d.lower().replace("’", "'")) == len(d)]


def test_every_list_can_be_lowered() -> None:
    assert PATTERN_LISTS
    assert all(cue(name).lower_regex is not None for name in PATTERN_LISTS)


@pytest.mark.parametrize("name", PATTERN_LISTS)
def test_matches_are_the_whole_scans_on_the_corpus(name: str) -> None:
    drafts = _corpus_drafts()
    assert len(drafts) > 500
    for text in drafts:
        assert _scan(name, text) == _whole_scan(name, text)


# Words that begin many patterns, and a few that end them, with punctuation between.
_WORDS = [
    "I", "i", "was", "when", "at", "aged", "in", "the", "a", "few", "years", "later", "now",
    "after", "that", "by", "within", "spring", "2019", "twelve", "9", "am", "felt", "my",
    "hands", "shook", "grew", "up", "said", "told", "me", "to", "wait", "we", "every", "week",
    "since", "night", "day", "she", "is", "home", "decided", "so", "next", "more", "people",
    "don't", "didn’t", "“", "”", '"', "first", "second", "hope", "plan",
]
_GLUE = [" ", " ", " ", ". ", ", ", "\n", "? ", "-", "'"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=40))
def test_matches_are_the_whole_scans_on_any_text(pieces: list[tuple[str, str]]) -> None:
    text = "".join(word + glue for word, glue in pieces)
    for name in PATTERN_LISTS:
        assert _scan(name, text) == _whole_scan(name, text), name


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        (r"\bso\s+i\b", {"so"}),
        (r"\b(?:was|did\s+not) ", {"was", "did"}),
        (r"(?:^|(?<=[.!?]\s)|(?<=\n))after\s+that\b|\bafter\s+that\s*[.!]", {"after"}),
        (r"\b(?:i\s+)?(grew\s+up)\b", {"i", "grew"}),
        (r"\b\d{1,2}\s*pm", set("0123456789")),
        (r"\b(?:one|\d+)\s+more", {"one", *"0123456789"}),
        (r"\b(?:\w+|\d+)\s+years", None),
        (r"[“\"][^”\"]+[”\"]", None),
    ],
)
def test_required_prefixes(pattern: str, starts: set[str] | None) -> None:
    found = required_prefixes(pattern)
    assert (None if found is None else set(found)) == starts
