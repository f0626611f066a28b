"""Spell (core, Qt-free): split a paragraph into the words worth spell-checking.

``words_to_check(text)`` yields ``(start, end, word)`` spans (Python string indices) for the
words a spell checker should look at, leaving out what is not prose: web and email addresses,
numbers and words with digits ("2nd", "COVID19"), ALL-CAPS acronyms ("NHS", "GPs"), single
letters, ``[pause]`` markers and Markdown syntax (inline code, link targets, HTML tags,
reference definitions). Hyphenated words are checked part by part ("well-being" -> "well",
"being"), as SCOWL lists no hyphenated forms.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Letters and digits (never "_", which is Markdown emphasis), joined by inner apostrophes so
# "don't" and "carer's" stay one word. Trailing apostrophes (plural possessive) are left off.
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

_NOT_PROSE = re.compile(
    r"(?:https?|ftp|file|mailto)://\S+"  # URLs with a scheme
    r"|\bwww\.\S+"  # bare www addresses
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # email addresses
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|net|gov|nhs|io|info|eu)\b(?:/\S*)?"  # nhs.uk
    r"|`[^`\n]*`"  # inline code
    r"|\]\([^)\n]*\)"  # Markdown link target: [text](target)
    r"|<[^<>\n]*>"  # HTML tags and <autolinks>
    r"|^[ \t]{0,3}\[[^\]\n]+\]:.*$"  # reference definition: [label]: target
    r"|\[\s*pause\s*\]",  # pause markers
    re.IGNORECASE | re.MULTILINE,
)
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}['’]?s")


def is_acronym(word: str) -> bool:
    """ALL-CAPS words ("NHS", "SEND") and their plurals ("GPs", "MP's") are left alone."""
    return (len(word) > 1 and word.isupper()) or bool(_PLURAL_ACRONYM.fullmatch(word))


def skipped_ranges(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` ranges of ``text`` that are not prose (URLs, code, markers...)."""
    return [match.span() for match in _NOT_PROSE.finditer(text)]


def words_to_check(text: str) -> Iterator[tuple[int, int, str]]:
    """``(start, end, word)`` for each word in ``text`` that a spell checker should look at."""
    skipped = skipped_ranges(text) if _may_hold_markup(text) else []
    index = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        while index < len(skipped) and skipped[index][1] <= start:
            index += 1
        if index < len(skipped) and skipped[index][0] < end:
            continue  # overlaps a URL, code span or marker
        word = match.group()
        if len(word) < 2 or is_acronym(word) or any(ch.isdigit() for ch in word):
            continue
        yield start, end, word


def word_at(text: str, index: int) -> tuple[int, int, str] | None:
    """The checkable word covering string index ``index`` (or ending just before it)."""
    for start, end, word in words_to_check(text):
        if start <= index <= end:
            return start, end, word
        if start > index:
            break
    return None


def _may_hold_markup(text: str) -> bool:
    # A cheap test first: most paragraphs have none of these characters, so skip the scan.
    return any(ch in text for ch in ":/@`<[.")
