"""Export: people's names found in a narrative, and how a briefing or cue cards print them.

Layer: export (Qt-free). Before a team briefing or cue cards go to other people, the speaker
decides per name whether to keep it, use initials or a description ("a nine-year-old boy"),
because a story may name a child or a family. ``find_people`` offers the candidates: a
capitalised word that is a proper noun (not a common word in the spell dictionary), not an
acronym, not a month, day, place or method word (``resources/method/not_names.txt``); at a
sentence start only when the dictionary does not know it at all, or it is also written
mid-sentence. ``apply_people`` returns a copy of the narrative with the choices applied: the
draft itself is never changed.
"""

from __future__ import annotations

import copy
import enum
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from narrative_app.domain import Narrative
from narrative_app.paths import read_resource_text
from narrative_app.text.markdown import BlockType, read_blocks
from narrative_app.text.sentences import sentences

_WORD_RE = re.compile(r"[^\W\d_][\w’'-]*")
_POSSESSIVE = ("'s", "’s", "'", "’")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?…:]\s+|\n\s*)[\"'“‘(*_\s]*$")


class Choice(enum.StrEnum):
    KEEP = "keep"
    INITIALS = "initials"
    DESCRIBE = "describe"


@dataclass(frozen=True)
class Person:
    """A name found in the text: how often, and the first sentence it is in (for context)."""

    name: str
    count: int
    example: str


def initials(name: str) -> str:
    """'Kerry' -> 'K.', 'Mary-Jane' -> 'M.-J.'."""
    return "-".join(f"{piece[0]}." for piece in name.split("-") if piece)


def choice_of(name: str, printed: str | None) -> Choice | None:
    """Which choice a stored printed text stands for (None: no choice made yet)."""
    if printed is None:
        return None
    if printed == name:
        return Choice.KEEP
    if printed == initials(name):
        return Choice.INITIALS
    return Choice.DESCRIBE


@cache
def _not_names() -> frozenset[str]:
    lines = read_resource_text("method", "not_names.txt").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def default_dictionary() -> Mapping[str, int]:
    """The UK English word list, or an empty one when it cannot be read (then every
    capitalised word mid-sentence is offered, which errs on the side of caution)."""
    from narrative_app.spell.wordlist import DEFAULT_LANGUAGE, available_languages, read_wordlist

    try:
        path = available_languages().get(DEFAULT_LANGUAGE)
        return read_wordlist(path) if path is not None else {}
    except Exception:  # a broken dictionary must not stop an export
        return {}


def _texts(narrative: Narrative) -> list[str]:
    out = []
    for part in narrative.parts.values():
        out.append(part.draft)
        out += part.cues
    out += [narrative.title, narrative.ask, narrative.next_step]
    return [text for text in out if text.strip()]


def _bare(word: str) -> str:
    for ending in _POSSESSIVE:
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word.strip("-'’")


def find_people(
    narrative: Narrative, dictionary: Mapping[str, int] | None = None
) -> list[Person]:
    """The people's names in a narrative's drafts, cues, title, ask and next step, in the
    order they first appear there."""
    words = default_dictionary() if dictionary is None else dictionary
    found: dict[str, list[str]] = {}
    mid_sentence: set[str] = set()
    at_start: dict[str, str] = {}
    order: dict[str, int] = {}
    for text in _texts(narrative):
        for block in read_blocks(text):
            if block.type is BlockType.HEADING:
                continue
            for sentence in sentences(block.spoken):
                for match in _WORD_RE.finditer(sentence):
                    name = _bare(match.group())
                    if not _could_be_name(name, words):
                        continue
                    order.setdefault(name, len(order))
                    if _SENTENCE_START_RE.search(sentence[: match.start()]):
                        at_start.setdefault(name, sentence)
                        if name in words or name.lower() in words:
                            continue  # "Kerry opened..." counts once "told Kerry" is seen
                    else:
                        mid_sentence.add(name)
                    found.setdefault(name, []).append(sentence)
    for name, sentence in at_start.items():
        if name in mid_sentence and name in found:
            found[name].append(sentence)
    ordered = sorted(found.items(), key=lambda item: order[item[0]])
    return [Person(name, len(seen), seen[0]) for name, seen in ordered]


def _could_be_name(word: str, words: Mapping[str, int]) -> bool:
    if len(word) < 2 or not word[0].isupper() or word.isupper():
        return False  # "I", acronyms such as NHS
    if word in _not_names() or word.lower() in words:
        return False  # a common word ("Court", "Marsh") or a month, day or place
    return not any(ch.isdigit() for ch in word)


def unchosen(people: Iterable[Person], choices: Mapping[str, str]) -> list[str]:
    """The names found that have no stored choice yet."""
    return [person.name for person in people if person.name not in choices]


def replace_names(text: str, choices: Mapping[str, str]) -> str:
    """``text`` with each chosen name printed as chosen (a description that begins a
    sentence gets a capital letter)."""
    changes = {name: printed for name, printed in choices.items() if printed.strip() and
               printed != name}
    if not changes or not text:
        return text
    pattern = re.compile(
        r"(?<![\w])(" + "|".join(re.escape(n) for n in sorted(changes, key=len, reverse=True))
        + r")(?![\w])"
    )

    def swap(match: re.Match[str]) -> str:
        printed = changes[match.group(1)].strip()
        if _SENTENCE_START_RE.search(text[: match.start()]) and printed[:1].islower():
            printed = printed[0].upper() + printed[1:]
        return printed

    return pattern.sub(swap, text)


def apply_people(narrative: Narrative, choices: Mapping[str, str] | None = None) -> Narrative:
    """A copy of the narrative with every name printed as chosen (``narrative.people`` when
    no choices are given); the narrative itself is left as it was."""
    chosen = narrative.people if choices is None else choices
    out = copy.deepcopy(narrative)
    if not chosen:
        return out
    out.title = replace_names(out.title, chosen)
    out.next_step = replace_names(out.next_step, chosen)
    for part in out.parts.values():
        part.draft = replace_names(part.draft, chosen)
        part.cues = [replace_names(cue, chosen) for cue in part.cues]
        part.fields = {key: replace_names(text, chosen) for key, text in part.fields.items()}
    return out


def unchosen_note(narrative: Narrative) -> str:
    """The command line's one-line note naming the people found with no choice yet (keep,
    initials or a description, made in the app's Export dialog), or "" when there are none."""
    names = unchosen(find_people(narrative), narrative.people)
    if not names:
        return ""
    return (f"Note: names printed as written (no choice made yet): {', '.join(names)}. "
            "Choose keep, initials or a description in the app's Export dialog.")
