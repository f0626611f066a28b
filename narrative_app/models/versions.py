"""Models (persistence layer): automatic versions and how they are thinned over time.

Automatic versions are made at the start of each editing day and before every restore. They
are thinned so they never pile up: all are kept for a week, then one per day up to 90 days,
then one per month. Named versions are never removed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

KEEP_ALL_DAYS = 7
ONE_PER_DAY_DAYS = 90


_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def uk_date(moment: datetime | date) -> str:
    """'25 November 2026', whatever the system locale."""
    return f"{moment.day} {_MONTHS[moment.month - 1]} {moment.year}"


def day_label(moment: datetime) -> str:
    return f"Before editing on {uk_date(moment)}"


_RESTORE_PREFIX = "Before restoring ‘"


def restore_label(label: str) -> str:
    """The automatic label saved before restoring ``label``, naming the original once.

    Restoring a version that was itself saved before a restore names the version first
    restored, so labels never nest ("Before restoring ‘Before restoring ‘...’’").
    """
    while label.startswith(_RESTORE_PREFIX) and label.endswith("’"):
        label = label[len(_RESTORE_PREFIX):-1]
    return f"{_RESTORE_PREFIX}{label}’"


def versions_to_thin(automatic: Iterable[tuple[int, int, datetime]], now: datetime) -> list[int]:
    """Ids of automatic versions to delete, from (id, narrative_id, created_at) rows."""
    seen: set[tuple[int, date | tuple[int, int]]] = set()
    doomed: list[int] = []
    for version_id, narrative_id, created in sorted(automatic, key=lambda r: r[2], reverse=True):
        age = now - created
        if age <= timedelta(days=KEEP_ALL_DAYS):
            continue
        bucket: date | tuple[int, int]
        if age <= timedelta(days=ONE_PER_DAY_DAYS):
            bucket = created.date()
        else:
            bucket = (created.year, created.month)
        key = (narrative_id, bucket)
        if key in seen:
            doomed.append(version_id)
        else:
            seen.add(key)
    return doomed
