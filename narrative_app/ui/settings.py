"""UI: typed application settings kept with QSettings (never the narratives themselves).

``Settings`` reads and writes one ``AppSettings`` value. Every value read is checked: a missing,
mistyped or out-of-range value (or a settings file that cannot be parsed at all) quietly falls
back to its default, so a damaged settings file can never stop the app from starting.

``ui/apply_settings.py`` makes saved choices take effect at once (the theme, the draft
editors' font through ``EditorFont``, spell check, and the store's backups).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, fields, replace
from typing import Any

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from narrative_app.domain import DEFAULT_PACE_WPM
from narrative_app.ui.settings_values import (
    _as_bool,
    _as_enum,
    _as_int,
    _as_text,
)

MIN_PACE_WPM = 60
MAX_PACE_WPM = 220
MIN_BACKUPS = 1
MAX_BACKUPS = 100
DEFAULT_BACKUPS = 10
MIN_FONT_SIZE = 8
MAX_FONT_SIZE = 36
DEFAULT_FONT_SIZE = 13
DEFAULT_SPELL_LANGUAGE = "en_GB"  # as narrative_app.spell.DEFAULT_LANGUAGE (not imported: lean)


class Theme(enum.StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"
    HIGH_CONTRAST = "high-contrast"


class PaperSize(enum.StrEnum):
    A4 = "A4"
    LETTER = "Letter"


@dataclass(frozen=True)
class AppSettings:
    """Everything the Settings dialog edits, with the defaults a new user gets."""

    pace_wpm: int = DEFAULT_PACE_WPM
    paper_size: PaperSize = PaperSize.A4
    author_name: str = ""
    theme: Theme = Theme.SYSTEM
    backups_keep: int = DEFAULT_BACKUPS
    backups_dir: str = ""  # empty: the "backups" folder inside the data folder
    editor_font_family: str = ""  # empty: the system's default font
    editor_font_size: int = DEFAULT_FONT_SIZE
    spell_check: bool = True
    spell_language: str = DEFAULT_SPELL_LANGUAGE

    def with_changes(self, **changes: Any) -> AppSettings:
        return replace(self, **changes)


DEFAULTS = AppSettings()

# QSettings keys. Grouped under "preferences/" so they sit apart from window state.
_KEYS: dict[str, str] = {
    "pace_wpm": "preferences/pace_wpm",
    "paper_size": "preferences/paper_size",
    "author_name": "preferences/author_name",
    "theme": "preferences/theme",
    "backups_keep": "preferences/backups_keep",
    "backups_dir": "preferences/backups_dir",
    "editor_font_family": "preferences/editor_font_family",
    "editor_font_size": "preferences/editor_font_size",
    "spell_check": "preferences/spell_check",  # read by spell_highlighter at start-up too
    "spell_language": "preferences/spell_language",
}
WELCOME_SEEN_KEY = "first_run/welcome_seen"
# Window and layout state: kept beside the preferences, never reset with them.
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"
SESSION_NARRATIVE_KEY = "session/narrative"
SESSION_PAGE_KEY = "session/page"
ZOOM_KEY = "workspace/zoom_steps"
SPLITTER_KEY = "workspace/splitter"
EXPORT_DIR_KEY = "export/last_dir"
EXPORT_FORMAT_KEY = "export/format"
EXPORT_LAYOUT_KEY = "export/layout"
STORY_SPLIT_KEY = "story_page/split"  # the story page's splitter: guide, draft, cues heights


class Settings:
    """A typed view of the app's QSettings. Reading never raises; writing is synced at once."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self._qsettings = qsettings if qsettings is not None else QSettings()

    @property
    def qsettings(self) -> QSettings:
        return self._qsettings

    def is_damaged(self) -> bool:
        """True when the settings file could not be parsed (the defaults are in use)."""
        return self._qsettings.status() == QSettings.Status.FormatError

    def _raw(self, name: str) -> Any:
        try:
            return self._qsettings.value(_KEYS[name])
        except Exception:  # a damaged store must not stop the app
            return None

    def load(self) -> AppSettings:
        d = DEFAULTS
        return AppSettings(
            pace_wpm=_as_int(self._raw("pace_wpm"), d.pace_wpm, MIN_PACE_WPM, MAX_PACE_WPM),
            paper_size=_as_enum(self._raw("paper_size"), PaperSize, d.paper_size),
            author_name=_as_text(self._raw("author_name"), d.author_name),
            theme=_as_enum(self._raw("theme"), Theme, d.theme),
            backups_keep=_as_int(
                self._raw("backups_keep"), d.backups_keep, MIN_BACKUPS, MAX_BACKUPS
            ),
            backups_dir=_as_text(self._raw("backups_dir"), d.backups_dir),
            editor_font_family=_as_text(
                self._raw("editor_font_family"), d.editor_font_family
            ),
            editor_font_size=_as_int(
                self._raw("editor_font_size"), d.editor_font_size, MIN_FONT_SIZE, MAX_FONT_SIZE
            ),
            spell_check=_as_bool(self._raw("spell_check"), d.spell_check),
            spell_language=_as_text(self._raw("spell_language"), "") or d.spell_language,
        )

    def save(self, settings: AppSettings) -> bool:
        """Write every value; False when the settings file could not be written."""
        for item in fields(AppSettings):
            value = getattr(settings, item.name)
            if isinstance(value, enum.Enum):
                value = value.value
            self._qsettings.setValue(_KEYS[item.name], value)
        self._qsettings.sync()
        return self._qsettings.status() == QSettings.Status.NoError

    def reset(self) -> None:
        """Forget every preference (window state and the first-run flag are kept)."""
        for key in _KEYS.values():
            self._qsettings.remove(key)
        self._qsettings.sync()

    # Convenience accessors for the most used values.
    @property
    def pace_wpm(self) -> int:
        return self.load().pace_wpm

    @property
    def theme(self) -> Theme:
        return self.load().theme

    def editor_font(self) -> tuple[str, int]:
        """(family, point size) for the draft editor; an empty family means the system's."""
        d = DEFAULTS
        family = _as_text(self._raw("editor_font_family"), d.editor_font_family)
        size = _as_int(self._raw("editor_font_size"), d.editor_font_size, MIN_FONT_SIZE,
                       MAX_FONT_SIZE)
        return family, size

    @property
    def welcome_seen(self) -> bool:
        try:
            return _as_bool(self._qsettings.value(WELCOME_SEEN_KEY, False))
        except Exception:  # as above
            return False

    def mark_welcome_seen(self, seen: bool = True) -> None:
        """Called once the welcome page is dismissed; Help > Show the welcome unsets it."""
        self._qsettings.setValue(WELCOME_SEEN_KEY, bool(seen))
        self._qsettings.sync()

    def sync(self) -> None:
        """Write pending values to disk now (at quit)."""
        self._qsettings.sync()

    # Window and layout state (each read is checked, as above).
    def _value(self, key: str, default: Any = None) -> Any:
        try:
            return self._qsettings.value(key, default)
        except Exception:  # as above
            return default

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._value(key)
        return QByteArray(value) if isinstance(value, QByteArray | bytes) else None

    def window_geometry(self) -> tuple[QByteArray | None, QByteArray | None]:
        """The main window's saved geometry and dock/toolbar state (None: not saved)."""
        return self._bytes(GEOMETRY_KEY), self._bytes(STATE_KEY)

    def set_window_geometry(self, geometry: QByteArray, state: QByteArray) -> None:
        self._qsettings.setValue(GEOMETRY_KEY, geometry)
        self._qsettings.setValue(STATE_KEY, state)

    def last_session(self) -> tuple[int, str]:
        """(narrative id, page key) open when the app last quit; id 0 means the library."""
        narrative_id = _as_int(self._value(SESSION_NARRATIVE_KEY, 0) or 0, 0, 0, 2**62)
        page = self._value(SESSION_PAGE_KEY, "self")
        return narrative_id, page if isinstance(page, str) and page else "self"

    def set_last_session(self, narrative_id: int, page: str | None = None) -> None:
        self._qsettings.setValue(SESSION_NARRATIVE_KEY, narrative_id)
        if page is not None:
            self._qsettings.setValue(SESSION_PAGE_KEY, page)

    def splitter_state(self) -> QByteArray | None:
        return self._bytes(SPLITTER_KEY)

    def set_splitter_state(self, state: QByteArray) -> None:
        self._qsettings.setValue(SPLITTER_KEY, state)

    def zoom_steps(self, low: int, high: int) -> int:
        return _as_int(self._value(ZOOM_KEY, 0), 0, low, high)

    def set_zoom_steps(self, steps: int) -> None:
        self._qsettings.setValue(ZOOM_KEY, steps)

    def expanded(self, key: str, default: bool) -> bool:
        """Whether a folding section (named by ``key``) was left open."""
        return _as_bool(self._value(key, default), default)

    def set_expanded(self, key: str, expanded: bool) -> None:
        self._qsettings.setValue(key, expanded)

    def last_export(self) -> tuple[str, str, str]:
        """(folder, format, layout) of the last export; "" for the folder when none."""
        return (_as_text(self._value(EXPORT_DIR_KEY, ""), ""),
                _as_text(self._value(EXPORT_FORMAT_KEY, "docx"), "docx"),
                _as_text(self._value(EXPORT_LAYOUT_KEY, "notes"), "notes"))

    def set_last_export(self, folder: str, fmt: str, layout: str) -> None:
        self._qsettings.setValue(EXPORT_DIR_KEY, folder)
        self._qsettings.setValue(EXPORT_FORMAT_KEY, fmt)
        self._qsettings.setValue(EXPORT_LAYOUT_KEY, layout)

    def story_split(self) -> list[int]:
        """The story page's splitter heights (guide, draft, cues), or [] for the default."""
        try:
            raw = self._qsettings.value(STORY_SPLIT_KEY, [])
        except Exception:  # as above
            return []
        items = raw if isinstance(raw, list) else str(raw or "").split(",")
        sizes = [_as_int(item, -1, 0, 10_000) for item in items]
        return sizes if len(sizes) == 3 and min(sizes) >= 0 and sum(sizes) > 0 else []

    def set_story_split(self, sizes: list[int]) -> None:
        self._qsettings.setValue(STORY_SPLIT_KEY, ",".join(str(int(s)) for s in sizes))


class EditorFont(QObject):
    """The draft editors' font, one per window (``AppContext``); ``changed`` asks them to
    re-apply it.

    Read from Settings when made; ``set`` (from ``apply_settings``) changes it for the
    session even when the settings file could not be written.
    """

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._family, self._size = Settings().editor_font()

    @property
    def point_size(self) -> int:
        return self._size

    def font(self, extra_points: float = 0.0) -> QFont:
        """The chosen family (else the system's) at the chosen size plus ``extra_points``."""
        if self._family:
            font = QFont(self._family)
        else:
            font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(max(6.0, self._size + extra_points))
        return font

    def set(self, family: str, size: int) -> None:
        if (family, size) != (self._family, self._size):
            self._family, self._size = family, size
            self.changed.emit()


def dark_palette() -> QPalette:
    """The app's dark palette (its colours and their checked contrast live in ui/theme.py)."""
    from narrative_app.ui.theme import Look, palette_for

    return palette_for(Look.DARK)


def apply_theme(theme: Theme, *, outline_fields: bool = True) -> None:
    """Light, dark or high contrast, or follow the system's light or dark scheme.

    Qt 6.8+ can ask the platform for a colour scheme (``QStyleHints.setColorScheme``), so
    native dialogs follow; the app's own palette for the look is then set on the application
    (its muted colours and borders checked for contrast in ui/theme.py), and the fields
    outlined by ``FieldBorderStyle``, so every palette-driven colour follows everywhere.
    Start-up passes ``outline_fields=False`` and outlines them just after the first frame.
    """
    from narrative_app.ui.theme import Look, palette_for

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    hints = QGuiApplication.styleHints()
    if theme is Theme.SYSTEM:
        hints.unsetColorScheme()  # back to whatever the platform says
        look = Look.DARK if _system_is_dark(app) else Look.LIGHT
    else:
        from PySide6.QtCore import Qt  # the Qt namespace costs ~15 ms: off the start-up path

        hints.setColorScheme(Qt.ColorScheme.Light if theme is Theme.LIGHT
                             else Qt.ColorScheme.Dark)
        look = {Theme.LIGHT: Look.LIGHT, Theme.DARK: Look.DARK,
                Theme.HIGH_CONTRAST: Look.HIGH_CONTRAST}[theme]
    if outline_fields:
        from narrative_app.ui.field_borders import install_field_borders

        install_field_borders(app)
    app.setPalette(palette_for(look))
    app.setProperty(_OWN_PALETTE, True)  # from now on app.palette() is ours, not the system's


_OWN_PALETTE = "narrativeCoachPalette"


def finish_theme(theme: Theme) -> None:
    """Just after the first frame: outline the fields and, for the system theme, ask the
    style hints for the scheme (the start-up guess read the platform's palette)."""
    if theme is Theme.SYSTEM:
        apply_theme(theme)
        return
    app = QApplication.instance()
    if isinstance(app, QApplication):
        from narrative_app.ui.field_borders import install_field_borders

        install_field_borders(app)


def _system_is_dark(app: QApplication) -> bool:
    """Whether the platform asks for a dark scheme.

    At start-up the application's palette is still the platform's, and its window colour
    answers without creating the Qt namespace (about 15 ms before the first frame); once
    our own palette is set, the style hints' colour scheme is asked instead.
    """
    if not app.property(_OWN_PALETTE):
        return app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    from PySide6.QtCore import Qt

    return QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
