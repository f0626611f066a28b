"""How a stored moment reads beside now: the rule below the UI, and the card's words."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from narrative_app.text.when import Ago, Moment, relative_moment

NOW = datetime(2026, 3, 14, 15, 0)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (NOW - timedelta(seconds=20), Moment(Ago.JUST_NOW)),
        (NOW + timedelta(seconds=20), Moment(Ago.JUST_NOW)),
        (NOW - timedelta(minutes=7), Moment(Ago.MINUTES, minutes=7)),
        (datetime(2026, 3, 14, 9, 5), Moment(Ago.TODAY, clock="09:05")),
        (datetime(2026, 3, 13, 22, 30), Moment(Ago.YESTERDAY, clock="22:30")),
        (datetime(2026, 1, 2, 8, 0), Moment(Ago.DATE, date="2 Jan")),
        (datetime(2024, 11, 30, 8, 0), Moment(Ago.DATE, date="30 Nov 2024")),
    ],
)
def test_relative_moment(moment: datetime, expected: Moment):
    assert relative_moment(moment, NOW) == expected


def test_the_library_card_says_it_in_words(qapp):
    from narrative_app.ui.library.card import friendly_time

    assert friendly_time(NOW - timedelta(minutes=1), NOW) == "a minute ago"
    assert friendly_time(NOW - timedelta(minutes=7), NOW) == "7 minutes ago"
    assert friendly_time(datetime(2026, 3, 13, 22, 30), NOW) == "yesterday at 22:30"
    assert friendly_time(datetime(2024, 11, 30, 8, 0), NOW) == "30 Nov 2024"
