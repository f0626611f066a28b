"""UI: the rehearsal view's remembered choices (colours, view, zoom, countdown, mirror, keys,
listening and the microphone).

Kept in QSettings under ``rehearsal/`` so the next rehearsal opens the way the last one
closed. Unreadable values fall back to the defaults rather than failing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from PySide6.QtCore import QSettings

from narrative_app.ui.rehearsal.stage import MAX_ZOOM, MIN_ZOOM, TextView
from narrative_app.ui.rehearsal.theme import RehearsalTheme
from narrative_app.ui.settings import Settings

PREFIX = "rehearsal/"


@dataclass
class RehearsalPrefs:
    theme: RehearsalTheme = RehearsalTheme.DARK
    view: TextView = TextView.CUES
    zoom: float = 1.0
    countdown: bool = False
    mirror: bool = False
    single_keys: bool = True  # letters and symbols as shortcuts (the clicker keys always work)
    keys: dict[str, tuple[str, ...]] = field(default_factory=dict)  # the user's own keys
    listen: bool = False  # "Listen while I rehearse": off until the user turns it on
    microphone: str = ""  # the chosen input device's name ("" for the system default)


def _bool(value: object) -> bool:
    return str(value).strip().lower() in {"1", "true", "yes"}


def load_prefs(settings: QSettings | None = None) -> RehearsalPrefs:
    settings = settings or Settings().qsettings
    prefs = RehearsalPrefs()
    try:
        prefs.theme = RehearsalTheme(str(settings.value(PREFIX + "theme", prefs.theme.value)))
        prefs.view = TextView(str(settings.value(PREFIX + "view", prefs.view.value)))
        zoom = float(str(settings.value(PREFIX + "zoom", 1.0)))
        prefs.zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
    except (TypeError, ValueError):
        return RehearsalPrefs()
    prefs.countdown = _bool(settings.value(PREFIX + "countdown", False))
    prefs.mirror = _bool(settings.value(PREFIX + "mirror", False))
    prefs.single_keys = _bool(settings.value(PREFIX + "single_keys", True))
    prefs.keys = _keys(settings.value(PREFIX + "keys", "{}"))
    prefs.listen = _bool(settings.value(PREFIX + "listen", False))
    prefs.microphone = str(settings.value(PREFIX + "microphone", "") or "")
    return prefs


def _keys(value: object) -> dict[str, tuple[str, ...]]:
    try:
        data = json.loads(str(value))
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(name): tuple(str(k) for k in keys) for name, keys in data.items()
            if isinstance(keys, list)}


def save_prefs(prefs: RehearsalPrefs, settings: QSettings | None = None) -> None:
    settings = settings or Settings().qsettings
    settings.setValue(PREFIX + "theme", prefs.theme.value)
    settings.setValue(PREFIX + "view", prefs.view.value)
    settings.setValue(PREFIX + "zoom", prefs.zoom)
    settings.setValue(PREFIX + "countdown", prefs.countdown)
    settings.setValue(PREFIX + "mirror", prefs.mirror)
    settings.setValue(PREFIX + "single_keys", prefs.single_keys)
    settings.setValue(PREFIX + "keys", json.dumps({k: list(v) for k, v in prefs.keys.items()}))
    settings.setValue(PREFIX + "listen", prefs.listen)
    settings.setValue(PREFIX + "microphone", prefs.microphone)
    settings.sync()
