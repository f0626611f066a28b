"""Bundle: the one serialiser between a Narrative and `.narrative` JSON.

Versions, export and import all go through here, so there is one way to turn a narrative into
data. The format is documented in docs/file-formats.md; every later version of the app must
read every earlier bundle, so readers are lenient about missing keys and strict about types.
"""

from __future__ import annotations

import json
import math
import re
from datetime import datetime
from pathlib import Path
from typing import Any

from narrative_app import __version__
from narrative_app.domain import (
    DEFAULT_PACE_WPM,
    PART_ORDER,
    Narrative,
    PartKind,
    StoryPart,
)
from narrative_app.errors import BundleError, InvalidBundleValueError
from narrative_app.limits import (
    MAX_IMPORT_BYTES,
    MAX_PACE_WPM,
    MAX_TARGET_SECONDS,
    MIN_PACE_WPM,
)

FORMAT_NAME = "narrative"
FORMAT_VERSION = 1
# The same limit as every other import (docs/file-formats.md says so too).
MAX_BUNDLE_BYTES = MAX_IMPORT_BYTES
# Integers longer than this are not numbers any narrative holds (and Python refuses to
# parse more than 4,300 digits with a ValueError), so they are refused as damage.
MAX_INT_DIGITS = 15
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def narrative_to_dict(narrative: Narrative) -> dict[str, Any]:
    """The bundle's ``narrative`` object: content only, no database id."""
    return {
        "title": narrative.title,
        "audience": narrative.audience,
        "occasion": narrative.occasion,
        "preset": narrative.preset,
        "pace_wpm": narrative.pace_wpm,
        "values": list(narrative.values),
        "next_step": narrative.next_step,
        "people": dict(narrative.people),
        "parts": {
            kind.value: {
                "fields": dict(part.fields),
                "draft": part.draft,
                "cues": list(part.cues),
                "target_seconds": part.target_seconds,
            }
            for kind, part in narrative.parts.items()
        },
        "created_at": _iso(narrative.created_at),
        "updated_at": _iso(narrative.updated_at),
    }


def to_dict(narrative: Narrative) -> dict[str, Any]:
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "app_version": __version__,
        "narrative": narrative_to_dict(narrative),
    }


def dumps(narrative: Narrative, *, indent: int | None = 2) -> str:
    """Serialise to `.narrative` JSON text (UTF-8 safe: non-ASCII is kept as is)."""
    return json.dumps(to_dict(narrative), ensure_ascii=False, indent=indent)


def loads(text: str | bytes) -> Narrative:
    """Parse `.narrative` JSON text; raises BundleError with a user-facing message."""
    if isinstance(text, bytes):
        if len(text) > MAX_BUNDLE_BYTES:
            raise BundleError(_too_large(len(text)))
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise BundleError(
                "This is not a narrative file: it is not text. Choose a file saved by "
                "Narrative Coach (.narrative)."
            ) from None
    if len(text) > MAX_BUNDLE_BYTES:
        raise BundleError(_too_large(len(text)))
    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise BundleError(
            f"This narrative file is damaged (not valid JSON at line {exc.lineno}). "
            "Try an earlier copy of the file."
        ) from None
    except RecursionError:  # the JSON parser's own guard against deep nesting
        raise InvalidBundleValueError(
            "This narrative file is damaged: its data is nested far deeper than any "
            "narrative's. Try an earlier copy of the file."
        ) from None
    except ValueError:  # belt and braces behind the number hooks
        raise InvalidBundleValueError(
            "This narrative file is damaged: it holds data no narrative has. "
            "Try an earlier copy of the file."
        ) from None
    return from_dict(data)


def _refuse_constant(name: str) -> float:
    raise InvalidBundleValueError(
        f"This narrative file is damaged: it holds {name}, which is not a number a "
        "narrative can use."
    )


def _parse_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise InvalidBundleValueError(
            f"This narrative file is damaged: it holds a number {len(digits):,} digits long, "
            "which no narrative uses."
        )
    return int(digits)


def from_dict(data: Any) -> Narrative:
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise BundleError(
            "This file is not a Narrative Coach narrative (its format is not 'narrative')."
        )
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BundleError("This narrative file has no valid format version, so it cannot be read.")
    if version > FORMAT_VERSION:
        raise BundleError(
            f"This narrative was saved by a newer version of Narrative Coach (format {version}; "
            f"this version reads up to {FORMAT_VERSION}). Update the app to open it."
        )
    body = data.get("narrative")
    if not isinstance(body, dict):
        raise BundleError("This narrative file has no narrative in it.")
    return _narrative_from_body(body)


def read_file(path: str | Path) -> Narrative:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_BUNDLE_BYTES:
            raise BundleError(_too_large(size))
        raw = path.read_bytes()
    except OSError as exc:
        raise BundleError(f"Could not read {path.name}: {exc.strerror or exc}.") from None
    return loads(raw)


def _narrative_from_body(body: dict[str, Any]) -> Narrative:
    parts_data = body.get("parts") or {}
    if not isinstance(parts_data, dict):
        raise BundleError("This narrative file is damaged: its parts are not readable.")
    parts: dict[PartKind, StoryPart] = {}
    for kind in PART_ORDER:
        raw = parts_data.get(kind.value) or {}
        if not isinstance(raw, dict):
            raise BundleError(f"This narrative file is damaged: the {kind.title} is not readable.")
        fields = raw.get("fields") or {}
        cues = raw.get("cues") or []
        if not isinstance(fields, dict) or not isinstance(cues, list):
            raise BundleError(f"This narrative file is damaged: the {kind.title} is not readable.")
        parts[kind] = StoryPart(
            kind=kind,
            fields={_text(k): _text(v) for k, v in fields.items()},
            draft=_text(raw.get("draft")),
            cues=[_text(c) for c in cues],
            target_seconds=_target_seconds(raw.get("target_seconds"), kind.title),
        )
    values = body.get("values") or []
    if not isinstance(values, list):
        values = []
    people = body.get("people") or {}
    if not isinstance(people, dict):
        people = {}
    return Narrative(
        title=_text(body.get("title")) or "Untitled narrative",
        audience=_text(body.get("audience")),
        occasion=_text(body.get("occasion")),
        preset=_text(body.get("preset")) or "custom",
        pace_wpm=_pace(body.get("pace_wpm")),
        values=[_text(v) for v in values if _text(v)],
        parts=parts,
        next_step=_text(body.get("next_step")),
        people={_text(k): _text(v) for k, v in people.items() if _text(k).strip()},
        created_at=_parse_time(body.get("created_at")),
        updated_at=_parse_time(body.get("updated_at")),
    )


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        if _SURROGATE_RE.search(value):
            raise InvalidBundleValueError(
                "This narrative file is damaged: some of its text is not valid Unicode "
                "(a lone surrogate). Try an earlier copy of the file."
            )
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and math.isfinite(value):
        return str(value)
    raise BundleError("This narrative file is damaged: a text field holds something else.")


def _number(value: Any) -> float | None:
    """A finite number, None for missing; refuses NaN, infinities and non-numbers."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)) and math.isfinite(value):
        return float(value)
    if isinstance(value, (int, float)):
        raise InvalidBundleValueError(
            "This narrative file is damaged: it holds a number that is not finite."
        )
    return None  # lenient: a string or list where a number belongs takes the default


def _pace(value: Any) -> int:
    number = _number(value)
    if not number:
        return DEFAULT_PACE_WPM
    if not MIN_PACE_WPM <= number <= MAX_PACE_WPM:
        raise InvalidBundleValueError(
            f"This narrative file holds a speaking pace of {_show(number)} words a minute; "
            f"a pace must be between {MIN_PACE_WPM} and {MAX_PACE_WPM}. Fix the file or "
            "import an earlier copy."
        )
    return round(number)


def _target_seconds(value: Any, part: str) -> int:
    number = _number(value)
    if number is None or number <= 0:
        return 0  # missing, or negative (documented as becoming 0)
    if number > MAX_TARGET_SECONDS:
        raise InvalidBundleValueError(
            f"This narrative file gives the {part} a target of {_show(number)} seconds; a "
            f"target must be at most {MAX_TARGET_SECONDS:,} seconds (three hours). Fix the "
            "file or import an earlier copy."
        )
    return int(number)


def _show(number: float) -> str:
    return f"{number:.3g}" if abs(number) >= 1e6 else f"{number:g}"


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _too_large(size: int) -> str:
    return (
        f"This file is too large to be a narrative ({size / 1_048_576:.0f} MB; the limit is "
        f"{MAX_BUNDLE_BYTES // 1_048_576} MB). Check you chose the right file."
    )
