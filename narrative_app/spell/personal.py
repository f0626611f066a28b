"""Spell (core, Qt-free): the personal dictionary kept in the data folder.

``personal-dictionary.txt``: UTF-8, one word per line (lines starting with ``#`` are comments),
always written whole through a temporary file and an atomic rename, so it is never half
written. A new one is seeded with UK public-service words and acronyms
(``resources/spell/public_service_words.txt``); the user may edit it in any text editor. It
sits beside the database, so backups and exports of the data folder can carry it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from narrative_app.errors import DataFolderError
from narrative_app.paths import read_resource_text

FILE_NAME = "personal-dictionary.txt"
SEED_RESOURCE = ("spell", "public_service_words.txt")
HEADER = "# Narrative Coach personal dictionary: one word per line."
MAX_WORD_LENGTH = 100


def personal_dictionary_path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def parse_words(text: str) -> list[str]:
    """Words from the file's text, in order, without blanks, comments or duplicates."""
    seen: dict[str, None] = {}
    for line in text.lstrip("\ufeff").splitlines():
        word = line.strip()
        if word and not word.startswith("#") and len(word) <= MAX_WORD_LENGTH:
            seen.setdefault(word, None)
    return list(seen)


def seed_words() -> list[str]:
    try:
        return parse_words(read_resource_text(*SEED_RESOURCE))
    except OSError:
        return []


def write_words(path: Path, words: Iterable[str]) -> None:
    """Write the whole list atomically; raises ``DataFolderError`` if it cannot."""
    text = HEADER + "\n" + "".join(f"{word}\n" for word in words)
    tmp_name = ""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".personal-", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
        raise DataFolderError(
            f"Could not save your personal dictionary to {path} ({exc.strerror or exc}); "
            "check that the data folder can be written."
        ) from exc


def clean_word(word: str) -> str:
    """The form a word is stored in: trimmed, typographic apostrophes made straight."""
    return word.strip().replace("’", "'")


class PersonalDictionary:
    """The user's own words. ``path`` None keeps them in memory only (tests, read-only use)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._words: list[str] = []
        self.load_problem = ""

    @property
    def words(self) -> list[str]:
        return list(self._words)

    def load(self) -> list[str]:
        """Read the file; a missing one is created with the seed words. Never raises."""
        self.load_problem = ""
        if self.path is None:
            self._words = seed_words()
            return self.words
        try:
            text = self.path.read_text(encoding="utf-8", errors="replace")
        except FileNotFoundError:
            self._words = seed_words()
            try:
                write_words(self.path, self._words)
            except DataFolderError as exc:
                self.load_problem = str(exc)
            return self.words
        except OSError as exc:
            self._words = seed_words()
            self.load_problem = f"Could not read your personal dictionary {self.path} ({exc})."
            return self.words
        self._words = parse_words(text)
        return self.words

    def add(self, word: str) -> bool:
        """Add ``word`` and save; False if it was already there. Raises ``DataFolderError``."""
        word = clean_word(word)
        if not word or word in self._words:
            return False
        if len(word) > MAX_WORD_LENGTH or "\n" in word:
            return False
        updated = [*self._words, word]
        if self.path is not None:
            write_words(self.path, updated)
        self._words = updated
        return True

    def remove(self, word: str) -> bool:
        word = clean_word(word)
        if word not in self._words:
            return False
        updated = [w for w in self._words if w != word]
        if self.path is not None:
            write_words(self.path, updated)
        self._words = updated
        return True

    def merge(self, words: Iterable[str]) -> int:
        """Add many words at once (importing a backup); returns how many were new."""
        new = [w for w in dict.fromkeys(clean_word(w) for w in words)
               if w and w not in self._words and len(w) <= MAX_WORD_LENGTH]
        if new:
            updated = self._words + new
            if self.path is not None:
                write_words(self.path, updated)
            self._words = updated
        return len(new)
