"""UI: the one controller between the widgets and the narrative store.

It owns the store, holds the open narrative in memory (always the newest text), debounces
autosave (about 0.7 s after the last edit, but never later than 0.9 s after the first unsaved
edit, so steady typing is saved too; and at once on switching narrative, window or on quit)
and emits the app-wide signals. A failed save keeps the text in memory, says why and
retries on a timer, so nothing typed is ever dropped.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from narrative_app.domain import DEFAULT_PACE_WPM, PartKind
from narrative_app.errors import NarrativeAppError, describe_error
from narrative_app.method.presets import CUSTOM, apply_meta

if TYPE_CHECKING:
    from pathlib import Path

    from narrative_app.domain import (
        Narrative,
        NarrativeSummary,
        RehearsalRun,
        StoryPart,
        VersionInfo,
    )
    from narrative_app.models.store import NarrativeStore
    from narrative_app.rehearsal.speech.recordings import RecordingShelf

AUTOSAVE_MS = 700
AUTOSAVE_MAX_WAIT_MS = 900  # an edit reaches the database within about a second, always
RETRY_MS = 4000
META_KEYS = (
    "title", "audience", "occasion", "preset", "pace_wpm", "values", "next_step", "people",
)

SAVED = "saved"
SAVING = "saving"
FAILED = "failed"


class NarrativeController(QObject):
    """Holds the open narrative, saves it safely and tells every widget what changed."""

    narrativeOpened = Signal(int)
    narrativeChanged = Signal(int)
    metaChanged = Signal(int)
    saveStateChanged = Signal(str, str)
    libraryChanged = Signal()
    versionsChanged = Signal(int)
    runsChanged = Signal(int)

    def __init__(self, store: NarrativeStore, parent: QObject | None = None, *,
                 retry_ms: int = RETRY_MS) -> None:
        """``retry_ms``: how soon a failed save is tried again."""
        super().__init__(parent)
        self.store = store
        self.current: Narrative | None = None
        self.save_state: tuple[str, str] = (SAVED, "")
        self._dirty = False
        self._meta_dirty = False
        self._pace_cache: dict[int, float | None] = {}
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self._on_autosave)
        # Started by the first unsaved edit and never restarted by later ones: however fast
        # or slow the typing, a save comes at most this long after the oldest unsaved edit.
        self._max_wait = QTimer(self)
        self._max_wait.setSingleShot(True)
        self._max_wait.setInterval(AUTOSAVE_MAX_WAIT_MS)
        self._max_wait.timeout.connect(self._on_autosave)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(retry_ms)
        self._retry.timeout.connect(self._on_autosave)

    # ----------------------------------------------------------------- state
    @property
    def dirty(self) -> bool:
        """True while the open narrative has edits not yet in the database."""
        return self._dirty

    def stop_timers(self) -> None:
        """Stop every pending save timer (tests and shutdown; pending edits stay dirty)."""
        for timer in (self._autosave, self._max_wait, self._retry):
            timer.stop()

    def _set_state(self, state: str, message: str) -> None:
        self.save_state = (state, message)
        self.saveStateChanged.emit(state, message)

    # ------------------------------------------------------------ narratives
    def open_narrative(self, narrative_id: int) -> bool:
        """Make a narrative current, saving any pending edit first.

        Returns False (and stays on the current narrative) when the pending edit cannot be
        saved, so unsaved words are never dropped by switching.
        """
        if self.current is not None and self.current.id == narrative_id:
            return True  # already open: keep the editors (and their undo history) as they are
        if not self.save_now():
            return False
        self.current = self.store.get(narrative_id)
        self._dirty = self._meta_dirty = False
        self.narrativeOpened.emit(narrative_id)
        self._set_state(SAVED, self.tr("Saved"))
        return True

    def close_narrative(self) -> bool:
        """Save and forget the current narrative (False if its edits could not be saved)."""
        if not self.save_now():
            return False
        self.current = None
        return True

    def create_narrative(self, narrative: Narrative) -> int:
        narrative_id = self.store.create(narrative)
        self.libraryChanged.emit()
        return narrative_id

    def import_narrative(self, narrative: Narrative) -> int:
        narrative_id = self.store.import_narrative(narrative)
        self.libraryChanged.emit()
        return narrative_id

    def import_named(self, narrative: Narrative) -> tuple[int, str]:
        """Import as the command line does: a taken title becomes the next free 'Title (N)'.
        Returns the new id and the note saying why it was renamed ("" if it was not)."""
        from narrative_app.export.names import name_import

        rows = [(s.id, s.title) for s in (*self.store.list(), *self.store.list(trashed=True))]
        note = name_import(narrative, rows, self.store.get)
        return self.import_narrative(narrative), note

    def duplicate(self, narrative_id: int) -> int:
        self._save_if_current(narrative_id)
        new_id = self.store.duplicate(narrative_id)
        self.libraryChanged.emit()
        return new_id

    def rename(self, narrative_id: int, title: str) -> None:
        if self.current is not None and self.current.id == narrative_id:
            self.set_meta(title=title)
            self.save_now()
        else:
            self.store.rename(narrative_id, title)
        self.libraryChanged.emit()

    def trash(self, narrative_id: int) -> None:
        self._save_if_current(narrative_id)
        self.store.trash(narrative_id)
        if self.current is not None and self.current.id == narrative_id:
            self.current = None
        self.libraryChanged.emit()

    def restore(self, narrative_id: int) -> None:
        self.store.restore(narrative_id)
        self.libraryChanged.emit()

    def delete_forever(self, narrative_id: int) -> None:
        self.store.delete_forever(narrative_id)
        self._pace_cache.pop(narrative_id, None)
        self.libraryChanged.emit()

    def _save_if_current(self, narrative_id: int) -> None:
        if self.current is not None and self.current.id == narrative_id:
            self.save_now()

    # --------------------------------------------------------------- reading
    @property
    def data_dir(self) -> Path:
        return self.store.data_dir

    def narratives(self, *, trashed: bool = False, query: str = "") -> list[NarrativeSummary]:
        return self.store.list(trashed=trashed, query=query)

    def narrative(self, narrative_id: int) -> Narrative:
        """A stored narrative (the open one with its pending edits saved first)."""
        self._save_if_current(narrative_id)
        return self.store.get(narrative_id)

    def list_versions(self, narrative_id: int) -> list[VersionInfo]:
        return self.store.list_versions(narrative_id)

    def version_narrative(self, version_id: int) -> Narrative:
        return self.store.version_narrative(version_id)

    def list_runs(self, narrative_id: int) -> list[RehearsalRun]:
        return self.store.list_runs(narrative_id)

    def measured_pace(self, narrative_id: int) -> float | None:
        return self.store.measured_pace(narrative_id)

    def configure_backups(self, *, keep: int, backups_dir: Path | str | None = None) -> None:
        """Use new backup settings now, and make today's copy in that folder if it has none."""
        self.store.configure_backups(keep=keep, backups_dir=backups_dir)
        self.store.daily_backup()

    # ----------------------------------------------------------------- edits
    def set_draft(self, kind: PartKind, text: str) -> None:
        part = self._part(kind)
        if part is None or part.draft == text:
            return
        part.draft = text
        self._edited()

    def set_field(self, kind: PartKind, key: str, text: str) -> None:
        part = self._part(kind)
        if part is None or key not in part.fields or part.fields[key] == text:
            return
        part.fields[key] = text
        self._edited(meta=PartKind(kind) is PartKind.NOW and key == "ask")

    def set_cues(self, kind: PartKind, cues: list[str]) -> None:
        part = self._part(kind)
        if part is None or part.cues == list(cues):
            return
        part.cues = list(cues)
        self._edited()

    def set_target(self, kind: PartKind, seconds: int) -> None:
        part = self._part(kind)
        if part is None or self.current is None:
            return
        seconds = max(0, int(seconds))
        if part.target_seconds == seconds:
            return
        part.target_seconds = seconds
        self.current.preset = CUSTOM
        self._edited(meta=True)

    def remember_people(self, narrative_id: int, people: dict[str, str]) -> None:
        """Keep the export's choices for people's names with that narrative."""
        if self.current is not None and self.current.id == narrative_id:
            self.set_meta(people=people)  # the open narrative saves it with the next save
        else:
            self.store.update(narrative_id, people=people)

    def set_meta(self, **changes: Any) -> None:
        """Change the open narrative's purpose (title, audience, preset, pace, values...)."""
        narrative = self.current
        if narrative is None:
            return
        unknown = set(changes) - set(META_KEYS)
        if unknown:
            raise TypeError(f"set_meta() got unexpected fields: {', '.join(sorted(unknown))}")
        if "pace_wpm" in changes:
            self._pace_cache.pop(narrative.id or -1, None)
        if apply_meta(narrative, changes):
            self._edited(meta=True)

    def _part(self, kind: PartKind) -> StoryPart | None:
        if self.current is None:
            return None
        return self.current.parts[PartKind(kind)]

    def _edited(self, *, meta: bool = False) -> None:
        assert self.current is not None and self.current.id is not None
        self._dirty = True
        self._meta_dirty |= meta
        self._retry.stop()
        self._autosave.start()
        if not self._max_wait.isActive():
            self._max_wait.start()
        if self.save_state[0] != FAILED:
            # Keep a failure visible until a save succeeds; otherwise say we are on it.
            self._set_state(SAVING, self.tr("Saving..."))
        if meta:
            self.metaChanged.emit(self.current.id)
        self.narrativeChanged.emit(self.current.id)

    # ---------------------------------------------------------------- saving
    def _on_autosave(self) -> None:
        self.save_now()

    def save_now(self) -> bool:
        """Write the open narrative now if it has unsaved edits. True when nothing is pending."""
        self._autosave.stop()
        self._max_wait.stop()
        narrative = self.current
        if narrative is None or not self._dirty:
            return True
        self._set_state(SAVING, self.tr("Saving..."))
        try:
            updated = self.store.save(narrative)
        except Exception as error:  # any failure: keep the text, say why, try again later
            reason = describe_error(error)
            self._set_state(FAILED, self.tr("Not saved: {reason}").format(reason=reason))
            self._retry.start()
            return False
        self._retry.stop()
        if updated is not None:
            narrative.updated_at = updated
        self._dirty = False
        self._set_state(SAVED, self.tr("Saved"))
        if self._meta_dirty:
            self._meta_dirty = False
            self.libraryChanged.emit()
        return True

    # --------------------------------------------------------------- backups
    def backup_if_due(self) -> tuple[str, str]:
        """Today's backup if due: ("made" | "not due" | "failed", the store's plain reason)."""
        result = self.store.backup_if_due()  # never raises: a failure comes back as FAILED
        return result.outcome.value, result.problem

    # -------------------------------------------------------------- versions
    def save_version(self, label: str, audience: str = "", occasion: str = "") -> VersionInfo:
        narrative_id = self._require_current_id()
        if not self.save_now():
            raise NarrativeAppError(self.save_state[1])
        info = self.store.create_version(
            narrative_id, label, audience=audience or None, occasion=occasion or None
        )
        self.versionsChanged.emit(narrative_id)
        return info

    def restore_version(self, version_id: int) -> None:
        narrative = self._require_current()
        if not self.save_now():
            raise NarrativeAppError(self.save_state[1])
        restored = self.store.restore_version(version_id)
        if restored.id is None:
            restored.id = narrative.id
        self.current = restored
        self._dirty = self._meta_dirty = False
        self.versionsChanged.emit(restored.id)
        self.libraryChanged.emit()
        self.narrativeOpened.emit(restored.id)
        self.metaChanged.emit(restored.id)
        self._set_state(SAVED, self.tr("Saved"))

    def _require_current(self) -> Narrative:
        if self.current is None or self.current.id is None:
            raise NarrativeAppError(self.tr("Open a narrative first."))
        return self.current

    def _require_current_id(self) -> int:
        """The open narrative's id; raises a plain error when none is open."""
        if self.current is None or self.current.id is None:
            raise NarrativeAppError(self.tr("Open a narrative first."))
        return self.current.id

    # ------------------------------------------------------------ rehearsals
    def effective_pace(self) -> float:
        """The measured pace once the user has rehearsed, else the narrative's own pace."""
        narrative = self.current
        if narrative is None:
            return float(DEFAULT_PACE_WPM)
        if narrative.id is not None and narrative.id not in self._pace_cache:
            try:
                self._pace_cache[narrative.id] = self.store.measured_pace(narrative.id)
            except NarrativeAppError:
                self._pace_cache[narrative.id] = None
        measured = self._pace_cache.get(narrative.id or -1)
        return float(measured) if measured else float(narrative.pace_wpm)

    def add_run(self, run: RehearsalRun, recording: bytes = b"") -> int:
        """Keep a run (and its recording, when the app listened) in the store's history."""
        run_id = self.store.add_run(run)
        if recording:
            # the run and its report are kept even if the audio cannot be written
            with contextlib.suppress(OSError):
                self.recordings().save(run_id, recording)
        self._pace_cache.pop(run.narrative_id, None)
        self.runsChanged.emit(run.narrative_id)
        self.libraryChanged.emit()
        return run_id

    def recordings(self) -> RecordingShelf:
        """The recordings of listened runs, in the data folder (never in a backup)."""
        # Imported here: the speech package is not needed before the first paint.
        from narrative_app.rehearsal.speech.recordings import RecordingShelf

        return RecordingShelf(self.store.data_dir)

    def delete_recordings(self, run_id: int | None = None) -> int:
        """Delete one run's recording, or every recording when ``run_id`` is None."""
        shelf = self.recordings()
        count = shelf.delete_all() if run_id is None else int(shelf.delete(run_id))
        self.runsChanged.emit(self.current.id if self.current and self.current.id else 0)
        return count

    def delete_run(self, run_id: int) -> None:
        """Delete one rehearsal run of the open narrative; its pace is measured again."""
        narrative_id = self._require_current_id()
        self.store.delete_run(run_id)
        self.recordings().delete(run_id)
        self._pace_cache.pop(narrative_id, None)
        self.runsChanged.emit(narrative_id)
        self.libraryChanged.emit()
