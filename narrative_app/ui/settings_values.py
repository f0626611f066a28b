"""UI: reading one stored setting safely: a missing, mistyped or out-of-range value gives the
default, so a damaged settings file can never stop the app. Used by ``ui/settings.py``."""

from __future__ import annotations

import enum
from typing import Any

MAX_TEXT_LENGTH = 200


def _as_int(value: Any, default: int, low: int, high: int) -> int:
    if isinstance(value, bool):
        return default
    try:
        number = int(float(str(value).strip())) if isinstance(value, str) else int(value)
    except (TypeError, ValueError, OverflowError):
        return default
    return number if low <= number <= high else default


def _as_text(value: Any, default: str) -> str:
    if not isinstance(value, str):
        return default
    text = "".join(ch for ch in value if ch.isprintable()).strip()
    return text[:MAX_TEXT_LENGTH]


def _as_enum(value: Any, enum_type: type[enum.Enum], default: enum.Enum) -> Any:
    if isinstance(value, str):
        for member in enum_type:
            if member.value.casefold() == value.strip().casefold():
                return member
    return default


def _as_bool(value: Any, default: bool = False) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        word = value.strip().casefold()
        if word in {"true", "1", "yes"}:
            return True
        return False if word in {"false", "0", "no"} else default
    if isinstance(value, int):
        return value == 1
    return default
