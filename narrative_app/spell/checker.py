"""Spell (core, Qt-free): the spell checker, loaded lazily and turned off if it cannot load.

``SpellChecker(language, data_dir)`` does nothing until ``load()`` (call it from a background
thread, or let the first ``check`` do it); until then every word counts as correct, so nothing
is ever underlined wrongly and start-up never waits. If the dictionary cannot be read the
checker is ``disabled`` with a one-line ``reason`` and keeps answering "correct".

A word is correct when the dictionary, the example narrative's own names
(``resources/sample/words.txt``), the personal dictionary or this session's ignore list holds
it as written, or in lower case when it is Capitalised (the start of a sentence), or
without a possessive "'s", or without accents ("naïve"). Results are cached per word; the cache
is dropped whenever the personal dictionary or the ignore list changes (``generation`` counts
those changes, so editors know to re-check).
"""

from __future__ import annotations

import enum
import threading
import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from pathlib import Path

from narrative_app.errors import DataFolderError
from narrative_app.paths import read_resource_text
from narrative_app.spell.personal import (
    PersonalDictionary,
    clean_word,
    parse_words,
    personal_dictionary_path,
)
from narrative_app.spell.suggest import suggest
from narrative_app.spell.tokens import words_to_check
from narrative_app.spell.wordlist import (
    DEFAULT_LANGUAGE,
    DictionaryError,
    available_languages,
    language_name,
    read_wordlist,
)

CACHE_LIMIT = 50_000
SAMPLE_WORDS = ("sample", "words.txt")


def sample_words() -> list[str]:
    """The example narrative's names and places (a resource; [] if it cannot be read)."""
    try:
        return parse_words(read_resource_text(*SAMPLE_WORDS))
    except (OSError, UnicodeDecodeError):
        return []
PERSONAL_TIER = 0


class SpellStatus(enum.StrEnum):
    IDLE = "idle"  # not loaded yet
    LOADING = "loading"
    READY = "ready"
    DISABLED = "disabled"  # could not load: see ``reason``


class SpellChecker:
    """One language's dictionary plus the personal dictionary and the session's ignore list."""

    def __init__(self, language: str = DEFAULT_LANGUAGE, data_dir: Path | None = None, *,
                 dictionary_path: Path | None = None) -> None:
        self.language = language
        self.data_dir = Path(data_dir) if data_dir is not None else None
        self._dictionary_path = dictionary_path
        self.personal = PersonalDictionary(
            personal_dictionary_path(self.data_dir) if self.data_dir is not None else None)
        self.status = SpellStatus.IDLE
        self.reason = ""
        self.generation = 0
        self._words: dict[str, int] = {}
        self._lower_forms: dict[str, str] = {}
        self._extra: set[str] = set()
        self._extra_lower: dict[str, str] = {}
        self._ignored: set[str] = set()
        self._cache: dict[str, bool] = {}
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ loading
    @property
    def ready(self) -> bool:
        return self.status is SpellStatus.READY

    @property
    def disabled(self) -> bool:
        return self.status is SpellStatus.DISABLED

    def load(self) -> bool:
        """Read the dictionary (blocking, thread-safe, once). True when ready."""
        with self._lock:
            if self.status in (SpellStatus.READY, SpellStatus.DISABLED):
                return self.ready
            self.status = SpellStatus.LOADING
            try:
                path = self._dictionary_path or available_languages(self.data_dir).get(
                    self.language)
                if path is None:
                    raise DictionaryError(
                        f"no {language_name(self.language)} dictionary is installed")
                words = read_wordlist(path)
            except DictionaryError as exc:
                self.reason = (f"Spell check is off: {exc}. Reinstall the app or pick another "
                               "language in Settings.")
                self.status = SpellStatus.DISABLED
                return False
            lower_forms: dict[str, str] = {}
            for word in words:
                lower = word.lower()
                if lower != word and lower not in words:
                    lower_forms.setdefault(lower, word)
            self._lower_forms = lower_forms
            self._words = words
            self.personal.load()
            self._rebuild_extra()
            self.status = SpellStatus.READY
            return True

    # ------------------------------------------------------------------ checking
    def check(self, word: str) -> bool:
        """True when ``word`` is spelt correctly (or the checker is not ready)."""
        if self.status is not SpellStatus.READY:
            return True
        cached = self._cache.get(word)
        if cached is None:
            cached = self._lookup_word(clean_word(word))
            if len(self._cache) >= CACHE_LIMIT:
                self._cache.clear()
            self._cache[word] = cached
        return cached

    def misspelt(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, word)`` of every misspelt word in ``text`` (Python indices)."""
        if self.status is not SpellStatus.READY:
            return []
        return [span for span in words_to_check(text) if not self.check(span[2])]

    def suggestions(self, word: str, limit: int = 6) -> list[str]:
        if self.status is not SpellStatus.READY or not word:
            return []
        return suggest(clean_word(word), self._known_forms, self._tier_of, limit)

    def clear_cache(self) -> None:
        """Forget cached answers (benchmarks measure a cold start with it)."""
        self._cache = {}

    # ------------------------------------------------------------------ personal words
    def add_to_dictionary(self, word: str) -> None:
        """Accept ``word`` from now on and save it; raises ``DataFolderError`` if it cannot."""
        word = clean_word(word)
        try:
            self.personal.add(word)
        finally:
            self._rebuild_extra()

    def ignore(self, word: str) -> None:
        """Accept ``word`` for the rest of this session only."""
        self._ignored.add(clean_word(word).lower())
        self._changed()

    @property
    def personal_problem(self) -> str:
        """A one-line message if the personal dictionary could not be read or created."""
        return self.personal.load_problem

    # ------------------------------------------------------------------ internals
    def _rebuild_extra(self) -> None:
        words = [*sample_words(), *self.personal.words]
        self._extra = set(words)
        self._extra_lower = {word.lower(): word for word in words}
        self._changed()

    def _changed(self) -> None:
        self._cache = {}
        self.generation += 1

    def _known(self, word: str) -> bool:
        return word in self._words or word in self._extra

    def _lookup_word(self, word: str) -> bool:
        if not word:
            return True
        if self._known(word) or word.lower() in self._ignored:
            return True
        lower = word.lower()
        if word[:1].isupper() and word[1:] == lower[1:] and self._known(lower):
            return True  # "Receive" at the start of a sentence
        if word.isupper() and (self._known(lower) or self._known(word.capitalize())):
            return True
        if lower.endswith("'s") and len(word) > 3 and self._lookup_word(word[:-2]):
            return True
        folded = _strip_accents(word)
        return folded != word and self._lookup_word(folded)

    def _known_forms(self, candidates: Iterable[str]) -> dict[str, str]:
        """The lower-case candidates known, each to its written form ("london": "London")."""
        wanted = candidates if isinstance(candidates, AbstractSet) else set(candidates)
        found = {c: c for c in self._words.keys() & wanted}
        for forms in (self._lower_forms, self._extra_lower):
            for candidate in forms.keys() & wanted:
                found.setdefault(candidate, forms[candidate])
        for candidate in self._extra & wanted:
            found[candidate] = candidate
        return found

    def _tier_of(self, form: str) -> int:
        return self._words.get(form, PERSONAL_TIER)


def _strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


__all__ = ["DataFolderError", "SpellChecker", "SpellStatus"]
