"""Method: the parts, fields, hints and prompts of the framework, loaded from resources.

Wording lives in ``resources/method/framework.toml`` so a coach can change it without code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from narrative_app.domain import PART_FIELDS, PART_ORDER, PartKind


@dataclass(frozen=True)
class FieldGuide:
    key: str
    label: str
    hint: str
    placeholder: str


@dataclass(frozen=True)
class PartGuide:
    kind: PartKind
    title: str
    short: str
    purpose: str
    hint: str
    prompts: tuple[str, ...]
    fields: tuple[FieldGuide, ...]

    def field(self, key: str) -> FieldGuide:
        return next(f for f in self.fields if f.key == key)


@cache
def framework() -> dict[PartKind, PartGuide]:
    """Every part's guide, in telling order. Cached: the file is read once per process."""
    import tomllib

    from narrative_app.paths import read_resource_text

    data = tomllib.loads(read_resource_text("method", "framework.toml"))["parts"]
    guides: dict[PartKind, PartGuide] = {}
    for kind in PART_ORDER:
        raw = data[kind.value]
        fields = tuple(
            FieldGuide(
                key=key,
                label=raw["fields"][key]["label"],
                hint=raw["fields"][key]["hint"],
                placeholder=raw["fields"][key].get("placeholder", ""),
            )
            for key in PART_FIELDS[kind]
        )
        guides[kind] = PartGuide(
            kind=kind,
            title=raw["title"],
            short=raw["short"],
            purpose=raw["purpose"],
            hint=raw["hint"],
            prompts=tuple(raw["prompts"]),
            fields=fields,
        )
    return guides


def part_guide(kind: PartKind | str) -> PartGuide:
    return framework()[PartKind(kind)]
