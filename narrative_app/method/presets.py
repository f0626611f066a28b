"""Method: time-slot presets (Self only 2:00, Linked 3:00, Linked 5:00) and applying them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from narrative_app.domain import PART_ORDER, Narrative, PartKind

CUSTOM = "custom"


@dataclass(frozen=True)
class Preset:
    id: str
    name: str
    targets: dict[PartKind, int]

    @property
    def total_seconds(self) -> int:
        return sum(self.targets.values())


@cache
def presets() -> tuple[Preset, ...]:
    import tomllib  # read on first use: importing this module stays cheap at start-up

    from narrative_app.paths import read_resource_text

    data = tomllib.loads(read_resource_text("method", "presets.toml"))["preset"]
    return tuple(
        Preset(
            id=row["id"],
            name=row["name"],
            targets={kind: int(row[kind.value]) for kind in PART_ORDER},
        )
        for row in data
    )


def get_preset(preset_id: str) -> Preset | None:
    return next((p for p in presets() if p.id == preset_id), None)


def apply_preset(narrative: Narrative, preset_id: str) -> None:
    """Set the narrative's per-part targets from a preset (unknown ids leave targets alone)."""
    preset = get_preset(preset_id)
    narrative.preset = preset_id if preset else CUSTOM
    if preset:
        for kind, seconds in preset.targets.items():
            narrative.parts[kind].target_seconds = seconds


def format_seconds(seconds: float) -> str:
    """2:05 style, rounding to the nearest second; negative values get a minus sign."""
    sign = "-" if seconds < 0 else ""
    total = round(abs(seconds))
    return f"{sign}{total // 60}:{total % 60:02d}"


def parse_duration(text: str) -> int | None:
    """'2:00' or '90' or '1:30' to seconds; None when it is not a duration."""
    text = text.strip()
    if not text:
        return None
    try:
        if ":" in text:
            minutes, seconds = text.split(":", 1)
            m, s = int(minutes), int(seconds)
            if m < 0 or not 0 <= s < 60:
                return None
            return m * 60 + s
        value = int(text)
    except ValueError:
        return None
    return value if value >= 0 else None


def apply_meta(narrative: Narrative, changes: Mapping[str, Any]) -> bool:
    """Apply purpose changes (title, audience, occasion, preset, pace_wpm, values, next_step,
    people) to ``narrative``; True when anything really changed. A preset other than custom
    sets every part's target; choosing custom keeps the targets as they are."""
    changed = False
    for key, raw in changes.items():
        if key == "preset":
            if raw != CUSTOM:
                before = {k: p.target_seconds for k, p in narrative.parts.items()}
                previous = narrative.preset
                apply_preset(narrative, raw)
                after = {k: p.target_seconds for k, p in narrative.parts.items()}
                changed |= before != after or previous != narrative.preset
            elif narrative.preset != CUSTOM:
                narrative.preset = CUSTOM
                changed = True
            continue
        value: Any = raw
        if key == "values":
            value = list(raw)
        elif key == "people":
            value = dict(raw)
        elif key == "pace_wpm":
            value = int(raw)
        if getattr(narrative, key) != value:
            setattr(narrative, key, value)
            changed = True
    return changed
