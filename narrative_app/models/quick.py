"""Models (persistence layer): a quick start, listing the library before SQLAlchemy is loaded.

Importing SQLAlchemy takes longer than showing the whole window, so the app opens its data
in two steps. ``DeferredStore.open`` prepares the folder and checks the database with plain
``sqlite3``; when it is healthy and up to date, the library can be listed at once with plain
SQL (the same rows, in the same order, as ``NarrativeStore.list``) while the full store is
opened just after the window is ready (``finish_opening``; ``preload`` imports it first on a
one-thread executor owned by this object, joined by ``finish_opening`` and ``close``).
Anything else (a new, damaged or older database) opens the full store straight away, exactly
as before. Every other use opens the full store on demand and
hands the call to it, so callers see the ``NarrativeStore`` API throughout.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from narrative_app.domain import NarrativeSummary
from narrative_app.models import recovery
from narrative_app.models.database import fold, needs_upgrade, open_readonly
from narrative_app.models.recovery import DbState, OpenReport

if TYPE_CHECKING:  # concurrent.futures is imported when first used, after the first paint
    from concurrent.futures import Future, ThreadPoolExecutor

    from narrative_app.models.store import NarrativeStore

    # To the type checker a deferred store is a NarrativeStore: every call it does not
    # answer itself is handed to the full store (``__getattr__``), so callers see one API.
    _StoreAPI = NarrativeStore
else:
    _StoreAPI = object

DB_NAME = "narratives.db"  # the same as store.DB_NAME (checked by a test)

_SUMMARY_SQL = (
    "SELECT n.id, n.title, n.audience, n.occasion, n.preset, n.target_seconds, n.words,"
    " n.paragraphs, n.pace_wpm, n.updated_at,"
    " (SELECT max(r.started_at) FROM runs r WHERE r.narrative_id = n.id), n.trashed_at, n.gaps"
    " FROM narratives n WHERE n.trashed_at IS {null} {search}"
    " ORDER BY n.updated_at DESC, n.id DESC"
)
_SEARCH_SQL = (
    "AND (instr(nc_fold(n.title), :needle) > 0 OR instr(nc_fold(n.audience), :needle) > 0"
    " OR instr(nc_fold(n.occasion), :needle) > 0"
    " OR EXISTS (SELECT 1 FROM parts p WHERE p.narrative_id = n.id AND ("
    " instr(nc_fold(p.draft), :needle) > 0"
    " OR EXISTS (SELECT 1 FROM json_each(p.fields) f WHERE instr(nc_fold(f.value), :needle) > 0)"
    " OR EXISTS (SELECT 1 FROM json_each(p.cues) c WHERE instr(nc_fold(c.value), :needle) > 0)"
    "))"
    " OR EXISTS (SELECT 1 FROM chosen_values v WHERE v.narrative_id = n.id"
    " AND instr(nc_fold(v.value), :needle) > 0))"
)


def _when(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def list_summaries(db_path: Path, *, trashed: bool = False,
                   query: str = "") -> list[NarrativeSummary]:
    """``NarrativeStore.list`` with plain sqlite3 on a read-only connection."""
    needle = fold(query.strip())
    sql = _SUMMARY_SQL.format(null="NOT NULL" if trashed else "NULL",
                              search=_SEARCH_SQL if needle else "")
    with open_readonly(db_path) as conn:
        conn.create_function("nc_fold", 1, fold, deterministic=True)
        rows = conn.execute(sql, {"needle": needle} if needle else {}).fetchall()
    return [_summary(row) for row in rows]


def _summary(row: tuple[Any, ...]) -> NarrativeSummary:
    """One listing row (in ``_SUMMARY_SQL``'s column order) as the library's summary."""
    (id_, title, audience, occasion, preset, target_seconds, words, paragraphs, pace_wpm,
     updated_at, last_rehearsed_at, trashed_at, gaps) = row
    updated = _when(updated_at)
    if updated is None:  # the column is NOT NULL; a row without it is not ours
        raise ValueError("a narrative row without updated_at")
    return NarrativeSummary(id_, title, audience, occasion, preset, target_seconds, words,
                            paragraphs, pace_wpm, updated, _when(last_rehearsed_at),
                            _when(trashed_at), gaps)


class DeferredStore(_StoreAPI):
    """A ``NarrativeStore`` whose opening finishes after the window is up (see the module)."""

    def __init__(self, data_dir: Path, open_kwargs: dict[str, Any]) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_NAME
        self._open_kwargs = open_kwargs
        self._store: NarrativeStore | None = None
        self._closed = False
        self._executor: ThreadPoolExecutor | None = None
        self._preload: Future[None] | None = None

    @classmethod
    def open(cls, data_dir: Path | str, **open_kwargs: Any) -> NarrativeStore:
        """A deferred store for a healthy, current database; otherwise the full store.

        Raises what ``NarrativeStore.open`` raises (DataFolderError, NewerDatabaseError...).
        """
        data_dir = Path(data_dir)
        recovery.prepare_folder(data_dir)
        inspection = recovery.inspect(data_dir / DB_NAME)
        if inspection.state is not DbState.OK or needs_upgrade(inspection.revision):
            from narrative_app.models.store import NarrativeStore

            return NarrativeStore.open(data_dir, **open_kwargs)
        return cls(data_dir, open_kwargs)

    # ------------------------------------------------------------------ the two steps
    @property
    def is_open(self) -> bool:
        return self._store is not None

    def preload(self) -> None:
        """Import the full store (SQLAlchemy) in the background; safe to call twice."""
        if self._preload is None and self._store is None and not self._closed:
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-preload")
            self._preload = self._executor.submit(_import_store)

    def preloading(self) -> bool:
        """True while the background import started by ``preload`` is still running."""
        return self._preload is not None and not self._preload.done()

    def _join_preload(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def finish_opening(self) -> NarrativeStore:
        """Open the full store (once) and return it; raises what ``NarrativeStore.open`` does."""
        if self._store is None:
            self._join_preload()  # the import is under way or done; never two at once
            from narrative_app.models.store import NarrativeStore

            self._store = NarrativeStore.open(self.data_dir, **self._open_kwargs)
        return self._store

    # ------------------------------------------------------------------ the store API
    @property
    def open_report(self) -> OpenReport:
        return self._store.open_report if self._store is not None else OpenReport()

    @open_report.setter
    def open_report(self, report: OpenReport) -> None:
        self.finish_opening().open_report = report

    def list(self, *, trashed: bool = False, query: str = "") -> list[NarrativeSummary]:
        if self._store is not None:
            return self._store.list(trashed=trashed, query=query)
        try:
            return list_summaries(self.db_path, trashed=trashed, query=query)
        except Exception:  # anything odd: let the full store answer (and explain) instead
            return self.finish_opening().list(trashed=trashed, query=query)

    def close(self) -> None:
        self._closed = True
        self._join_preload()
        if self._store is not None:
            self._store.close()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.finish_opening(), name)


def _import_store() -> None:
    import narrative_app.models.store  # noqa: F401
