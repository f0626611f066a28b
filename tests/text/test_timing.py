"""Timing estimates: one model for the library card and the workspace."""

from __future__ import annotations

from narrative_app.text.timing import TextStats, estimate_seconds, format_seconds, text_stats


def test_pause_markers_and_paragraph_breaks_add_a_second_each():
    text = "one two three. [pause] four\n\nfive"
    assert text_stats(text) == TextStats(words=5, paragraphs=2, pauses=1)
    assert estimate_seconds(text, 60) == 5 + 1 + 1


def test_times_round_to_the_nearest_second():
    assert format_seconds(288.88) == "4:49"
    assert format_seconds(59.5) == "1:00"
    assert format_seconds(-5) == "-0:05"
