"""Spell (core, Qt-free): spelling suggestions by edit distance, ranked by how likely they are.

Norvig's approach: every string one edit away (delete, swap, replace, insert), then two edits
away when one gives too few, kept if the dictionary knows it. Ranking favours the usual slips:
a swapped pair ("recieve" -> "receive"), a doubled or undoubled letter ("occured"), a vowel
for a vowel; then common words (SCOWL size tier) before rare ones; then the same first letter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

LETTERS = "abcdefghijklmnopqrstuvwxyz"
VOWELS = frozenset("aeiouy")
MAX_SECOND_EDIT_LENGTH = 14  # two-edit search is quadratic; long words rarely need it
TIER_WEIGHT = 0.35

Known = Callable[[Iterable[str]], dict[str, str]]  # lower-case candidates -> dictionary forms
TierOf = Callable[[str], int]


def edits1(word: str) -> dict[str, float]:
    """Strings one edit from ``word`` with a cost: likely slips cost less than 1."""
    out: dict[str, float] = {}
    n = len(word)

    def put(candidate: str, cost: float) -> None:
        if cost < out.get(candidate, 9.0):
            out[candidate] = cost

    for i in range(n):
        doubled = (i > 0 and word[i] == word[i - 1]) or (i + 1 < n and word[i] == word[i + 1])
        put(word[:i] + word[i + 1:], 0.5 if doubled else 1.0)
    for i in range(n - 1):
        if word[i] != word[i + 1]:
            put(word[:i] + word[i + 1] + word[i] + word[i + 2:], 0.4)
    for i in range(n):
        head, tail, old = word[:i], word[i + 1:], word[i]
        for ch in LETTERS:
            if ch != old:
                put(head + ch + tail, 0.7 if ch in VOWELS and old in VOWELS else 1.0)
    for i in range(n + 1):
        head, tail = word[:i], word[i:]
        for ch in (*LETTERS, "'"):
            doubled = (i > 0 and word[i - 1] == ch) or (i < n and word[i] == ch)
            # A missing apostrophe ("dont") or doubled letter ("ocured") is a likely slip.
            put(head + ch + tail, 0.3 if ch == "'" else 0.5 if doubled else 1.0)
    out.pop(word, None)
    return out


def _plain_edits(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    swaps = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in LETTERS]
    inserts = [a + c + b for a, b in splits for c in LETTERS]
    return set(deletes + swaps + replaces + inserts)


def match_case(model: str, candidate: str) -> str:
    """Give ``candidate`` the capitals of the misspelt ``model`` ("Recieve" -> "Receive")."""
    if candidate != candidate.lower():
        return candidate  # the dictionary's own capitals win ("London")
    if len(model) > 1 and model.isupper():
        return candidate.upper()
    if model[:1].isupper():
        return candidate[:1].upper() + candidate[1:]
    return candidate


def suggest(word: str, known: Known, tier_of: TierOf, limit: int = 6) -> list[str]:
    """Up to ``limit`` dictionary words close to ``word``, best first.

    ``known(candidates)`` maps the lower-case candidates the dictionary holds to their
    dictionary form (set operations in C keep this fast); ``tier_of(form)`` ranks them.
    """
    lower = word.lower()
    if not lower or limit <= 0:
        return []
    scores: dict[str, float] = {}

    def consider(costs: dict[str, float]) -> None:
        for candidate, form in known(costs.keys()).items():
            if form == word:
                continue
            score = (costs[candidate] + TIER_WEIGHT * tier_of(form)
                     + (0.0 if form[:1].lower() == lower[:1] else 0.2))
            if score < scores.get(form, 99.0):
                scores[form] = score

    first = edits1(lower)
    first.update({c: cost for c, cost in _regional(lower).items() if cost < first.get(c, 9.0)})
    consider(first)
    _consider_splits(lower, known, tier_of, scores)
    if len(scores) < 3 and len(lower) <= MAX_SECOND_EDIT_LENGTH:
        # Two edits: first from the likely slips only (about 40 seeds, fast), and from every
        # one-edit string only when that finds nothing (rare: true gibberish).
        likely = [c for c, cost in first.items() if cost < 1.0 or len(c) < len(lower)]
        for seeds in (likely, [c for c in first if c not in likely]):
            second: dict[str, float] = {}
            for seed in seeds:
                base = first[seed] + 1.0
                for candidate in _plain_edits(seed):
                    if base < second.get(candidate, 9.0):
                        second[candidate] = base
            for candidate in first:
                second.pop(candidate, None)
            consider(second)
            if scores:
                break
    ranked = sorted(scores.items(), key=lambda item: (item[1], item[0]))
    result: list[str] = []
    for form, _score in ranked:
        cased = match_case(word, form)
        if cased not in result and cased != word:
            result.append(cased)
        if len(result) == limit:
            break
    return result


# American spellings and their British forms: one rewrite is a likely "slip", not two edits.
_REGIONAL = (("or", "our"), ("iz", "is"), ("yz", "ys"), ("er", "re"), ("ense", "ence"),
             ("og", "ogue"), ("e", "ae"), ("e", "oe"), ("am", "amme"))
_SHORT_WORDS = frozenset(("a", "i", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in",
                          "is", "it", "me", "my", "no", "of", "on", "or", "so", "to", "up", "us",
                          "we"))


def _regional(lower: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for old, new in _REGIONAL:
        start = lower.find(old)
        while start != -1:
            out[lower[:start] + new + lower[start + len(old):]] = 0.3
            start = lower.find(old, start + 1)
    return out


def _consider_splits(lower: str, known: Known, tier_of: TierOf,
                     scores: dict[str, float]) -> None:
    """"alot" -> "a lot": two common lower-case words run together."""
    for i in range(1, len(lower)):
        left, right = lower[:i], lower[i:]
        if not (_word_part(left) and _word_part(right)):
            continue
        forms = known({left, right})
        if (forms.get(left) == left and forms.get(right) == right
                and tier_of(left) == 0 and tier_of(right) == 0):
            scores.setdefault(f"{left} {right}", 1.05)


def _word_part(part: str) -> bool:
    return len(part) > 2 or part in _SHORT_WORDS
