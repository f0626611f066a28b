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


def test_time_in_hand_reads_on_time_within_a_second():
    from narrative_app.text.timing import Lead, lead_of

    assert lead_of(0.6) == (Lead.ON_TIME, 0.0)
    assert lead_of(12.0) == (Lead.AHEAD, 12.0)
    assert lead_of(-3.5) == (Lead.BEHIND, 3.5)
