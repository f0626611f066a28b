"""UI: the rehearsal view's remembered choices (colours, view, zoom, countdown, mirror).

Kept in QSettings under ``rehearsal/`` so the next rehearsal opens the way the last one
closed. Unreadable values fall back to the defaults rather than failing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from PySide6.QtCore import QSettings

from narrative_app.ui.rehearsal.stage import MAX_ZOOM, MIN_ZOOM, TextView
from narrative_app.ui.rehearsal.theme import RehearsalTheme

PREFIX = "rehearsal/"


@dataclass
class RehearsalPrefs:
    theme: RehearsalTheme = RehearsalTheme.DARK
    view: TextView = TextView.CUES
    zoom: float = 1.0
    countdown: bool = False
    mirror: bool = False


def _bool(value: object) -> bool:
    return str(value).strip().lower() in {"1", "true", "yes"}


def load_prefs(settings: QSettings | None = None) -> RehearsalPrefs:
    settings = settings or QSettings()
    prefs = RehearsalPrefs()
    try:
        prefs.theme = RehearsalTheme(settings.value(PREFIX + "theme", prefs.theme.value))
        prefs.view = TextView(settings.value(PREFIX + "view", prefs.view.value))
        prefs.zoom = max(MIN_ZOOM, min(MAX_ZOOM, float(settings.value(PREFIX + "zoom", 1.0))))
    except (TypeError, ValueError):
        return RehearsalPrefs()
    prefs.countdown = _bool(settings.value(PREFIX + "countdown", False))
    prefs.mirror = _bool(settings.value(PREFIX + "mirror", False))
    return prefs


def save_prefs(prefs: RehearsalPrefs, settings: QSettings | None = None) -> None:
    settings = settings or QSettings()
    for key, value in asdict(prefs).items():
        settings.setValue(PREFIX + key, value.value if hasattr(value, "value") else value)
    settings.sync()
