"""Models (persistence layer): the SQLite store of narratives, versions and rehearsal runs.

Use ``NarrativeStore.open(data_dir)``; nothing outside this package imports SQLAlchemy.
"""

from __future__ import annotations

from narrative_app.models.recovery import OpenReport
from narrative_app.models.store import DB_NAME, NarrativeStore

__all__ = ["DB_NAME", "NarrativeStore", "OpenReport"]
