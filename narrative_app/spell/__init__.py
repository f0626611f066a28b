"""Spell (core, Qt-free): offline spell checking in UK English with a personal dictionary.

``SpellChecker`` checks words and suggests corrections; ``words_to_check`` finds the words in a
paragraph worth checking; ``PersonalDictionary`` keeps the user's own words in the data folder.
"""

from __future__ import annotations

from narrative_app.spell.checker import SpellChecker, SpellStatus
from narrative_app.spell.personal import FILE_NAME as PERSONAL_DICTIONARY_FILE
from narrative_app.spell.personal import PersonalDictionary, personal_dictionary_path
from narrative_app.spell.tokens import word_at, words_to_check
from narrative_app.spell.wordlist import (
    DEFAULT_LANGUAGE,
    DictionaryError,
    available_languages,
    language_name,
)

__all__ = [
    "DEFAULT_LANGUAGE",
    "PERSONAL_DICTIONARY_FILE",
    "DictionaryError",
    "PersonalDictionary",
    "SpellChecker",
    "SpellStatus",
    "available_languages",
    "language_name",
    "personal_dictionary_path",
    "word_at",
    "words_to_check",
]
