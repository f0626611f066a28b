"""Unit: a cue list compiled with the word boundary after its first letter finds the very
same matches as the patterns as written (it is only faster)."""

from __future__ import annotations

import re

from narrative_app.coach.lexicon import _raw_lexicon, cue, late_boundary

TEXTS = [
    "I had a choice. I could stay or go. In the end I stayed anyway, and I said I'd come back.",
    "Hi, it's Iris. Since that day the ward has changed; weeks later she went home.",
    "The ii and iiI i\nI went. Three months later, I stopped thinking I knew best.",
]


def test_late_boundary_moves_only_a_leading_boundary() -> None:
    assert late_boundary(r"\bi\s+had") == r"i(?<=\bi)\s+had"
    assert late_boundary(r"\b(?:i|you)\s") == r"\b(?:i|you)\s"
    assert late_boundary(r"[\"“]i") == r"[\"“]i"


def test_lists_with_a_late_boundary_match_as_written() -> None:
    flagged = [name for name, raw in _raw_lexicon().items() if raw.get("late_boundary")]
    assert flagged
    for name in flagged:
        patterns = [p.replace("’", "'").lower() for p in _raw_lexicon()[name]["patterns"]]
        plain = re.compile("|".join(f"(?:{p})" for p in patterns))
        for text in TEXTS:
            low = text.lower()
            want = [m.span() for m in plain.finditer(low)]
            assert [m.span() for m in cue(name).lower_regex.finditer(low)] == want
