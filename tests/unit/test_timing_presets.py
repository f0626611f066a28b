"""The timing model and the time-slot presets."""

from __future__ import annotations

import pytest

from narrative_app.domain import Narrative, PartKind
from narrative_app.method.framework import framework
from narrative_app.method.presets import apply_preset, format_seconds, parse_duration, presets
from narrative_app.text.timing import (
    BudgetState,
    budget_state,
    estimate_narrative,
    estimate_seconds,
    text_stats,
)


def test_125_words_take_a_minute_at_default_pace():
    assert estimate_seconds("word " * 125) == pytest.approx(60.0)


def test_paragraph_breaks_and_pauses_add_a_second_each():
    text = "One two three.\n\nFour five [pause] six.\n\n\nSeven."
    stats = text_stats(text)
    assert (stats.words, stats.paragraphs, stats.pauses) == (7, 3, 1)
    assert estimate_seconds(text, 60) == pytest.approx(7 + 2 + 1)


def test_budget_states():
    assert budget_state(100, 120) is BudgetState.GREEN
    assert budget_state(130, 120) is BudgetState.AMBER
    assert budget_state(139, 120) is BudgetState.RED
    assert budget_state(10, 0) is BudgetState.NONE


def test_presets_match_the_method():
    by_id = {p.id: p for p in presets()}
    assert by_id["self_2"].total_seconds == 120
    assert by_id["linked_3"].total_seconds == 180
    assert by_id["linked_5"].total_seconds == 300


def test_apply_preset_sets_targets_and_estimate_uses_them():
    n = Narrative()
    apply_preset(n, "linked_3")
    n.parts[PartKind.SELF].draft = "word " * 250
    parts, total = estimate_narrative(n)
    assert parts[PartKind.SELF].target_seconds == 90
    assert parts[PartKind.SELF].state is BudgetState.RED
    assert total.target_seconds == 180


def test_durations():
    assert format_seconds(125) == "2:05"
    assert format_seconds(-5) == "-0:05"
    assert parse_duration("1:30") == 90
    assert parse_duration("45") == 45
    assert parse_duration("1:75") is None
    assert parse_duration("soon") is None


def test_framework_has_8_to_12_prompts_per_story_and_every_field_labelled():
    for guide in framework().values():
        assert 8 <= len(guide.prompts) <= 12
        assert all(f.label and f.hint for f in guide.fields)
