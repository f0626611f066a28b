"""Spell (core, Qt-free): find and read the installed dictionaries (word lists).

A dictionary is a ``<code>.words.gz`` file (see ``build_wordlist``) shipped in
``resources/spell/``, or one the user installs in ``<data folder>/dictionaries/``: the same
format, or a plain UTF-8 word list ``<code>.txt`` / ``<code>.txt.gz`` (one word per line).
Reading one gives ``{word: tier}``; tier 0 words are the most common, which ranks suggestions.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from narrative_app.errors import NarrativeAppError
from narrative_app.paths import resource_path

DEFAULT_LANGUAGE = "en_GB"
USER_DICTIONARY_DIR = "dictionaries"
LANGUAGE_NAMES = {"en_GB": "English (UK)", "en_US": "English (US)"}
_SUFFIXES = (".words.gz", ".txt.gz", ".txt")
_RARE_TIER = 2


class DictionaryError(NarrativeAppError):
    """A dictionary cannot be found or read; spell check turns itself off."""


_LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:_[A-Z]{2})?")


def available_languages(data_dir: Path | None = None) -> dict[str, Path]:
    """Language code -> dictionary file, the app's own first, then the user's (which win)."""
    folders = [resource_path("spell")]
    if data_dir is not None:
        folders.append(Path(data_dir) / USER_DICTIONARY_DIR)
    found: dict[str, Path] = {}
    for folder in folders:
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if not _LANGUAGE_CODE.fullmatch(entry.name.split(".", 1)[0]):
                continue  # licence files and word lists that are not dictionaries
            for suffix in _SUFFIXES:
                if entry.name.endswith(suffix) and entry.is_file():
                    found[entry.name[: -len(suffix)]] = entry
                    break
    return found


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code.replace("_", "-"))


_cache: dict[tuple[str, int, int], dict[str, int]] = {}


def read_wordlist(path: Path) -> dict[str, int]:
    """``{word: tier}`` from a dictionary file; raises ``DictionaryError`` with a clear reason.

    The result is shared and must not be changed; reading the same unchanged file again (a
    language switched back, a second checker) costs nothing.
    """
    try:
        stat = path.stat()
    except OSError:
        stat = None
    key = (str(path), stat.st_mtime_ns, stat.st_size) if stat else None
    if key is not None and key in _cache:
        return _cache[key]
    words = _read(path)
    if key is not None:
        _cache.clear()  # keep one list: a language switch frees the old one
        _cache[key] = words
    return words


def _read(path: Path) -> dict[str, int]:
    try:
        raw = path.read_bytes()
        if path.name.endswith(".gz"):
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8")
    except FileNotFoundError as exc:
        raise DictionaryError(f"the dictionary file {path.name} is missing") from exc
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        raise DictionaryError(f"the dictionary file {path.name} cannot be read ({exc})") from exc
    except UnicodeDecodeError as exc:
        raise DictionaryError(f"the dictionary file {path.name} is not UTF-8 text") from exc
    words: dict[str, int] = {}
    tier = _RARE_TIER if not path.name.endswith(".words.gz") else 0
    for line in text.splitlines():
        if line.startswith("#"):
            if line.startswith("#tier "):
                tier = int(line[6:]) if line[6:].strip().isdigit() else _RARE_TIER
            continue
        word = line.strip()
        if word:
            words.setdefault(word, tier)
    if len(words) < 100:
        raise DictionaryError(f"the dictionary file {path.name} holds too few words")
    return words
