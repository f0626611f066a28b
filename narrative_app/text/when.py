"""Text: how a stored moment reads beside now ("just now", "today at 14:05", "12 Mar").

Layer: text (standard library only). ``relative_moment`` decides which phrase applies and
fills in its numbers; the UI turns that into translated words, so the rule lives below the
UI and the wording stays translatable.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime


class Ago(enum.StrEnum):
    JUST_NOW = "just_now"  # within a minute either way
    MINUTES = "minutes"  # under an hour ago: ``minutes``
    TODAY = "today"  # earlier today: ``clock``
    YESTERDAY = "yesterday"  # ``clock``
    DATE = "date"  # further back (or ahead): ``date``, with the year when not this year


@dataclass(frozen=True)
class Moment:
    ago: Ago
    minutes: int = 0
    clock: str = ""
    date: str = ""


def to_local(moment: datetime) -> datetime:
    """A naive local time from a store timestamp (the store keeps naive local times)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone().replace(tzinfo=None)


def relative_moment(moment: datetime, now: datetime) -> Moment:
    """Which phrase a moment takes beside ``now`` (both local wall-clock times)."""
    local = to_local(moment)
    seconds = (now - local).total_seconds()
    if -60 < seconds < 60:
        return Moment(Ago.JUST_NOW)
    if 0 < seconds < 3600:
        return Moment(Ago.MINUTES, minutes=int(seconds // 60))
    clock = local.strftime("%H:%M")
    days = (now.date() - local.date()).days
    if days == 0:
        return Moment(Ago.TODAY, clock=clock)
    if days == 1:
        return Moment(Ago.YESTERDAY, clock=clock)
    if local.year == now.year:
        return Moment(Ago.DATE, date=f"{local.day} {local.strftime('%b')}")
    return Moment(Ago.DATE, date=f"{local.day} {local.strftime('%b %Y')}")
