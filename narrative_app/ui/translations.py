"""UI: load the translation catalogue for the user's language, falling back to English (UK).

English (UK) is the source language, so there is no English catalogue to load: when no
catalogue matches the system's languages (or one is damaged), the app simply stays in English.
Catalogues are ``narrative_app/resources/translations/narrative_app_<locale>.qm``, built by
``scripts/translations.py``. Qt's own strings (standard buttons, context menus) come from the
``qtbase_<locale>.qm`` files shipped with Qt, when they are present.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from narrative_app.paths import resource_path

CATALOGUE_NAME = "narrative_app"
SOURCE_LOCALE = "en_GB"

# The installed translators, so they stay alive and can be removed (tests, a language change).
_installed: list[QTranslator] = []


def catalogue_dir() -> Path:
    """Where the app's compiled catalogues (.qm) live."""
    return resource_path("translations")


def install_translator(
    app: QCoreApplication,
    locale: QLocale | None = None,
    *,
    directory: Path | None = None,
) -> bool:
    """Install the catalogues for ``locale`` (default: the system's). True if ours was loaded.

    Tries each of the locale's UI languages in turn (``cy-GB``, ``cy``...), unless English
    comes first: then the app is in its own language and a later one is not loaded over it.
    Never raises: a missing or unreadable catalogue leaves the app in English.
    """
    locale = locale if locale is not None else QLocale.system()
    remove_translators(app)
    languages = locale.uiLanguages()
    if languages and languages[0].split("-")[0].lower() == "en":
        return False  # English first: the source language, with nothing to load (nor Qt's)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    _load(app, locale, "qtbase", Path(qt_dir) if qt_dir else None)
    return _load(app, locale, CATALOGUE_NAME, directory or catalogue_dir())


def _load(app: QCoreApplication, locale: QLocale, name: str, directory: Path | None) -> bool:
    if directory is None or not directory.is_dir():
        return False
    translator = QTranslator(app)
    if not translator.load(locale, name, "_", str(directory), ".qm") or translator.isEmpty():
        translator.deleteLater()
        return False
    if not app.installTranslator(translator):
        translator.deleteLater()
        return False
    _installed.append(translator)
    return True


def installed_languages() -> list[str]:
    """The languages of the catalogues in use (empty when the app runs in English)."""
    return [t.language() for t in _installed if Path(t.filePath()).stem.startswith(CATALOGUE_NAME)]


def remove_translators(app: QCoreApplication) -> None:
    """Uninstall every catalogue this module installed (back to English)."""
    while _installed:
        translator = _installed.pop()
        app.removeTranslator(translator)
        translator.deleteLater()


def available_catalogues(directory: Path | None = None) -> list[str]:
    """Locale names of the compiled catalogues shipped with the app, e.g. ``["cy"]``."""
    folder = directory or catalogue_dir()
    if not folder.is_dir():
        return []
    prefix = CATALOGUE_NAME + "_"
    return sorted(p.stem[len(prefix):] for p in folder.glob(prefix + "*.qm"))
