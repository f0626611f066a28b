"""Unit tests: the sample narrative and the values list shipped under resources/ are complete."""

from __future__ import annotations

import importlib.util
import tomllib

from narrative_app import bundle
from narrative_app.domain import MAX_CHOSEN_VALUES, PART_FIELDS, PART_ORDER
from narrative_app.method.presets import get_preset
from narrative_app.paths import read_resource_text, resource_path
from narrative_app.text.timing import PAUSE_RE, BudgetState, budget_state, estimate_narrative
from tests.conftest import ROOT
from tests.content import same_content


def _sample():
    return bundle.read_file(resource_path("sample", "sample.narrative"))


def _values() -> list[dict[str, str]]:
    return tomllib.loads(read_resource_text("values", "values.toml"))["value"]


def test_sample_has_purpose_values_and_every_field_filled() -> None:
    sample = _sample()
    assert sample.title and sample.audience and sample.occasion
    assert sample.preset == "linked_5"
    assert 3 <= len(sample.values) <= MAX_CHOSEN_VALUES
    known = {v["name"] for v in _values()}
    assert set(sample.values) <= known
    for kind in PART_ORDER:
        part = sample.parts[kind]
        assert set(part.fields) == set(PART_FIELDS[kind])
        empty = [key for key, text in part.fields.items() if not text.strip()]
        assert not empty, f"{kind.value}: empty fields {empty}"
        assert 3 <= len(part.cues) <= 5
        assert all(0 < len(cue) <= 60 for cue in part.cues)
        assert part.draft.strip()
    assert sample.ask.rstrip().endswith("?")


def test_sample_targets_come_from_the_preset_and_fit_them() -> None:
    sample = _sample()
    preset = get_preset("linked_5")
    assert preset is not None
    parts, total = estimate_narrative(sample)
    for kind in PART_ORDER:
        assert sample.parts[kind].target_seconds == preset.targets[kind]
        assert parts[kind].state is BudgetState.GREEN, kind
        # Not padded either: each part uses most of its slot.
        assert parts[kind].seconds >= 0.85 * preset.targets[kind]
    assert budget_state(total.seconds, total.target_seconds) is BudgetState.GREEN
    pauses = sum(len(PAUSE_RE.findall(p.draft)) for p in sample.parts.values())
    assert 1 <= pauses <= 4


def test_sample_file_is_what_the_generator_writes() -> None:
    script = ROOT / "scripts" / "make_sample.py"
    spec = importlib.util.spec_from_file_location("make_sample", script)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--check"]) == 0
    assert same_content(bundle.loads(bundle.dumps(module.build_sample())), _sample())


def test_values_list_is_complete_and_unique() -> None:
    values = _values()
    assert 36 <= len(values) <= 48
    names = [v["name"] for v in values]
    assert len({n.casefold() for n in names}) == len(names)
    for value in values:
        assert value["name"].strip() == value["name"] and value["name"][0].isupper()
        description = value["description"]
        assert description.endswith(".") and 10 < len(description) <= 90
    text = read_resource_text("values", "values.toml")
    for american in ("honor", "color", "behavior", "organiz"):
        assert american not in text.lower()
