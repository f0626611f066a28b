"""Method: time-slot presets (Self only 2:00, Linked 3:00, Linked 5:00) and applying them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

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
