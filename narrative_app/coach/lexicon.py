"""Coach: the word lists, phrase patterns and hints, loaded once from resources/coach/.

Layer: coach (pure, Qt-free). Word lists live in ``resources/coach/lexicon.toml`` and the
coach's wording in ``resources/coach/hints.toml``; both are read once per process and
indexed for a single pass over a draft's words (``functools.cache``).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache

from narrative_app.paths import read_resource_text


def _pattern_to_regex(pattern: str) -> str:
    """Either apostrophe in a lexicon pattern matches either apostrophe in the text."""
    return re.sub("['’]", "['’]", pattern)


def compile_patterns(patterns: list[str]) -> re.Pattern[str] | None:
    """The lexicon's regular expressions as one case-insensitive alternation."""
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{_pattern_to_regex(p)})" for p in patterns), re.IGNORECASE)


_UPPER_ESCAPE_RE = re.compile(r"\\[A-Z]")


def compile_lower(patterns: list[str]) -> re.Pattern[str] | None:
    """The same alternation for text already lower-cased with ’ folded to ' (about twice as
    fast to scan as a case-insensitive one), or None when a pattern cannot be lowered."""
    if not patterns or any(_UPPER_ESCAPE_RE.search(p) for p in patterns):
        return None
    body = "|".join(f"(?:{p.replace('’', chr(39))})" for p in patterns)
    return re.compile(body.lower())


MAX_PREFIXES = 64
# A pattern's opening: word boundaries, then plain letters, or a group of alternatives.
_LEAD_BOUNDARY_RE = re.compile(r"^(?:\\b|\^)+")
_PLAIN_RE = re.compile(r"[a-z'’ ,\-]+")
_GROUP_RE = re.compile(r"\((?:\?:)?([^()]+)\)(\?|\*|\{)?")


def _plain_start(text: str) -> str | None:
    """The literal letters a pattern fragment starts with ("did" for "did\\s+not"), or None
    when it starts with anything else; a letter a quantifier makes optional is left out."""
    rest = _LEAD_BOUNDARY_RE.sub("", text)
    plain = _PLAIN_RE.match(rest)
    if plain is None:
        return None
    letters = plain.group(0)
    if rest[plain.end() : plain.end() + 1] in {"?", "*", "{"}:
        letters = letters[:-1]
    return letters if letters.strip() else None


def _top_level_split(pattern: str) -> list[str]:
    """``pattern`` cut at the bars of its top level ("a|b(c|d)" gives "a" and "b(c|d)")."""
    depth, escaped, in_class, cut, out = 0, False, False, 0, []
    for i, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(pattern[cut:i])
            cut = i + 1
    return [*out, pattern[cut:]]


_DIGITS = frozenset("0123456789")
# A sentence start, written the lexicon's one way; it matches no characters.
_SENTENCE_START = "(?:^|(?<=[.!?]\\s)|(?<=\\n))"


def _option_starts(option: str) -> frozenset[str] | None:
    if option.startswith("\\d"):
        return _DIGITS
    start = _plain_start(option)
    return frozenset({start}) if start else None


def required_prefixes(pattern: str) -> frozenset[str] | None:
    """Literal strings one of which starts every match of ``pattern`` (None when that cannot
    be read off its opening): a match can begin only where one of them does.

    The openings read, after any ``\\b``, ``^`` or sentence start (which match no
    characters): plain letters ("so i "), a digit (``\\d``), a group of alternatives each
    opening so ("(?:was|did\\s+not) "), and such a group made optional, whose starts are
    joined by those of what follows it. A pattern of alternatives at its top level has the
    starts of all of them. A pattern opening any other way gives None.
    """
    branches = _top_level_split(pattern)
    if len(branches) > 1:
        found: set[str] = set()
        for branch in branches:
            starts = required_prefixes(branch)
            if starts is None:
                return None
            found |= starts
        return frozenset(found)
    rest = _LEAD_BOUNDARY_RE.sub("", pattern)
    while rest.startswith(_SENTENCE_START):
        rest = _LEAD_BOUNDARY_RE.sub("", rest[len(_SENTENCE_START) :])
    if not rest.startswith("("):
        return _option_starts(rest)
    group = _GROUP_RE.match(rest)
    if group is None or group.group(2) not in (None, "?"):
        return None
    options = [_option_starts(option) for option in group.group(1).split("|")]
    if not options or any(o is None for o in options):
        return None
    starts = frozenset().union(*options)  # type: ignore[arg-type]
    if group.group(2) == "?":  # optional: a match may start with what follows instead
        after = required_prefixes(rest[group.end() :])
        if after is None:
            return None
        starts |= after
    return starts if len(starts) <= MAX_PREFIXES else None


@cache
def lower_subset(name: str, kept: tuple[int, ...]) -> re.Pattern[str]:
    """The lower-case alternation of the list ``name`` with only its patterns ``kept``
    (in their original order, so the matches are those of the full alternation)."""
    parts = cue(name).lower_parts
    return re.compile("|".join(f"(?:{parts[i][1]})" for i in kept))


@cache
def part_regexes(name: str) -> tuple[re.Pattern[str], ...]:
    """Each lower-case pattern of the list ``name`` compiled on its own (see ``lower_parts``)."""
    return tuple(re.compile(pattern) for _, pattern in cue(name).lower_parts)


@dataclass(frozen=True)
class Cue:
    """A cue list: its extra regex patterns (words are matched by ``token_index``), whether
    a negation before a match cancels it, and its words as a set."""

    name: str
    regex: re.Pattern[str] | None
    lower_regex: re.Pattern[str] | None
    negatable: bool
    words: frozenset[str]
    # Each lower-case pattern with the literal starts one of which its matches begin with:
    # a pattern none of whose starts is in the text is left out of the scan.
    lower_parts: tuple[tuple[frozenset[str] | None, str], ...] = ()


@cache
def _raw_lexicon() -> dict:
    return tomllib.loads(read_resource_text("coach", "lexicon.toml"))


@cache
def cue(name: str) -> Cue:
    """The compiled cue list called ``name`` in lexicon.toml (KeyError if there is none)."""
    raw = _raw_lexicon()[name]
    words = list(raw.get("words", []))
    patterns = raw.get("patterns", [])
    late = bool(raw.get("late_boundary", False))
    lowered = compile_lower(patterns)
    if lowered is not None and late:
        lowered = compile_lower([late_boundary(p) for p in patterns])
    return Cue(
        name=name,
        regex=compile_patterns(patterns),
        lower_regex=lowered,
        negatable=bool(raw.get("negatable", False)),
        words=frozenset(w.lower().replace("’", "'") for w in words),
        lower_parts=_lower_parts(patterns, late=late),
    )


_LEAD_LETTER_RE = re.compile(r"^\\b([A-Za-z])")


def late_boundary(pattern: str) -> str:
    """``\\bx...`` written as ``x(?<=\\bx)...``: the same matches, but the regular
    expression engine can pass over every place not starting with the letter x at once,
    which makes a list of costly patterns (``late_boundary = true``) several times faster."""
    lead = _LEAD_LETTER_RE.match(pattern)
    if lead is None:
        return pattern
    letter = lead.group(1)
    return f"{letter}(?<=\\b{letter}){pattern[lead.end() :]}"


def _lower_parts(
    patterns: list[str], *, late: bool = False
) -> tuple[tuple[frozenset[str] | None, str], ...]:
    if compile_lower(patterns) is None:
        return ()
    lowered = [p.replace("’", chr(39)).lower() for p in patterns]
    return tuple((required_prefixes(p), late_boundary(p) if late else p) for p in lowered)


TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def normalise(token: str) -> str:
    return token.lower().replace("’", "'")


@dataclass(frozen=True)
class Entry:
    """One word-list entry as tokens; a token ending in * matches any word it starts."""

    cue: str
    tokens: tuple[str, ...]

    def matches(self, token: str, index: int) -> bool:
        want = self.tokens[index]
        return token.startswith(want[:-1]) if want.endswith("*") else token == want


PREFIX_KEY = 3


@dataclass(frozen=True, eq=False)
class TokenIndex:
    """Every word-list entry, keyed for fast look-up while walking a draft's words.

    ``single``: by first word; ``pair``: phrases by their first two words; ``prefix``:
    entries whose first word ends in * by their first letters (up to ``PREFIX_KEY``).
    """

    single: dict[str, list[Entry]]
    pair: dict[tuple[str, str], list[Entry]]
    prefix: dict[str, list[Entry]]
    pair_firsts: set[str]


@cache
def token_index() -> TokenIndex:
    """The index over all lists, built once. One pass over a draft's words then finds the
    matches of every list with a few dict look-ups per word, far faster than one regular
    expression per list."""
    index = TokenIndex({}, {}, {}, set())
    for name, raw in _raw_lexicon().items():
        if raw.get("lookup_only"):
            continue
        for key, suffix in (("words", ""), ("strong", ":strong")):
            for word in raw.get(key, []):
                tokens = tuple(normalise(t) for t in re.split(r"[\s\-]+", word.strip()) if t)
                if not tokens:
                    continue
                entry = Entry(name + suffix, tokens)
                first = tokens[0]
                if first.endswith("*"):
                    index.prefix.setdefault(first[:-1][:PREFIX_KEY], []).append(entry)
                elif len(tokens) > 1 and not tokens[1].endswith("*"):
                    index.pair.setdefault((first, tokens[1]), []).append(entry)
                    index.pair_firsts.add(first)
                else:
                    index.single.setdefault(first, []).append(entry)
    return index


@cache
def word_set(name: str) -> frozenset[str]:
    """A lexicon list as a set of lower-case words (for membership tests, not matching)."""
    return cue(name).words


@cache
def _hints() -> dict:
    return tomllib.loads(read_resource_text("coach", "hints.toml"))


def hint(check: str, key: str, part: str | None = None, **values: object) -> str:
    """The wording for ``check`` (``key`` is "ok", "suggest" or a variant), per story.

    Placeholders are filled from ``values``; a missing placeholder never raises.
    """
    table = _hints()["checks"][check]
    text = None
    if part and isinstance(table.get(part), dict):
        text = table[part].get(key)
    if text is None:
        text = table.get(key) or table["suggest"]
    return text.format_map(_Defaulting(values))


def reason(check: str, key: str, **values: object) -> str:
    """A plain-English reason for a verdict of ``check`` (``key``: a variant in the
    check's ``[checks.ID.reason]`` table); empty when there is none."""
    table = _hints()["checks"][check].get("reason", {})
    text = table.get(key, "")
    return text.format_map(_Defaulting(values)) if text else ""


def label(check: str) -> str:
    return _hints()["checks"][check]["label"]


def general(key: str) -> str:
    return _hints()["general"][key]


class _Defaulting(dict):
    def __missing__(self, key: str) -> str:
        return "…"
