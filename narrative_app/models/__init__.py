"""Models (persistence layer): the SQLite store of narratives, versions and rehearsal runs.

Use ``NarrativeStore.open(data_dir)``; nothing outside this package imports SQLAlchemy.
The names below are loaded on first use (PEP 562), so importing a light module of this
package (``quick``, ``recovery``) does not import SQLAlchemy, which takes longer than
showing the window.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from narrative_app.models.recovery import OpenReport
    from narrative_app.models.store import DB_NAME, NarrativeStore

__all__ = ["DB_NAME", "NarrativeStore", "OpenReport"]


def __getattr__(name: str) -> Any:
    if name == "OpenReport":
        from narrative_app.models.recovery import OpenReport

        return OpenReport
    if name in ("DB_NAME", "NarrativeStore"):
        from narrative_app.models import store

        return getattr(store, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
