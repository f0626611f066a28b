"""Store: schema migrations (empty file and fixture database to head; newer database refused)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from narrative_app.domain import Narrative, PartKind
from narrative_app.errors import NewerDatabaseError
from narrative_app.models import NarrativeStore, database
from narrative_app.models.schema import Base
from tests.store_edits import edit_part

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "db"


def stored_revision(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]


def test_known_revisions_match_the_migration_scripts() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(database.alembic_config())
    chain = [rev.revision for rev in scripts.walk_revisions()]
    assert tuple(reversed(chain)) == database.KNOWN_REVISIONS
    assert scripts.get_current_head() == database.HEAD_REVISION


def test_empty_file_is_migrated_to_head(fresh_data_dir: Path) -> None:
    fresh_data_dir.mkdir()
    db = fresh_data_dir / "narratives.db"
    db.touch()
    with NarrativeStore.open(fresh_data_dir, create_sample=False) as store:
        assert store.list() == []
        store.create_version(store.create(Narrative(title="First")), "v1")  # schema usable
    assert stored_revision(db) == database.HEAD_REVISION
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"narratives", "parts", "chosen_values", "versions", "runs", "run_splits"} <= tables


def test_migrated_schema_matches_the_models(fresh_data_dir: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    NarrativeStore.open(fresh_data_dir, create_sample=False).close()
    engine = database.make_engine(fresh_data_dir / "narratives.db")
    try:
        with engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_opening_an_up_to_date_store_does_not_import_alembic(fresh_data_dir: Path) -> None:
    NarrativeStore.open(fresh_data_dir, create_sample=False).close()
    code = (
        "import sys; from pathlib import Path; from narrative_app.models import NarrativeStore;"
        f"s = NarrativeStore.open(Path({str(fresh_data_dir)!r})); s.list(); s.close();"
        "print('alembic' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_fixture_database_0001_is_upgraded_to_head(fresh_data_dir: Path) -> None:
    fresh_data_dir.mkdir()
    db = fresh_data_dir / "narratives.db"
    shutil.copyfile(FIXTURES / "narratives-0001.db", db)
    assert stored_revision(db) == "0001"
    with NarrativeStore.open(fresh_data_dir) as store:
        assert not store.open_report.recovered
        assert not store.open_report.sample_created  # this folder already had its sample
        [summary] = store.list()
        narrative = store.get(summary.id)
        assert narrative.title == "Why I joined the tenants’ union"
        assert narrative.values == ["Dignity", "Solidarity"]
        assert narrative.ask == "Come to Thursday’s meeting."
        assert narrative.parts[PartKind.SELF].cues == ["mould", "letters"]
        assert summary.words == 9 and summary.target_seconds == 180
        assert summary.last_rehearsed_at == datetime(2026, 11, 21, 8, 0)
        [version] = store.list_versions(summary.id)
        assert store.version_narrative(version.id).parts[PartKind.SELF].target_seconds == 60
        [run] = store.list_runs(summary.id)
        assert run.feedback == {"heard": "the mould"} and run.splits[0].words == 130
        assert run.speech == {}  # 0003: runs from before were not listened to
        edit_part(store, summary.id, PartKind.US, draft="We are neighbours.")
        assert store.get(summary.id).parts[PartKind.US].draft == "We are neighbours."
    assert stored_revision(db) == database.HEAD_REVISION


@pytest.mark.parametrize("journal", ["delete", "wal"])
def test_newer_database_is_refused_and_left_untouched(fresh_data_dir: Path, journal: str) -> None:
    NarrativeStore.open(fresh_data_dir).close()
    db = fresh_data_dir / "narratives.db"
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.close()
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    files_before = sorted(p.name for p in fresh_data_dir.rglob("*"))

    with pytest.raises(NewerDatabaseError) as caught:
        NarrativeStore.open(fresh_data_dir)

    message = str(caught.value)
    assert "newer version of Narrative Coach" in message and "untouched" in message
    assert "\n" not in message
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in fresh_data_dir.rglob("*")) == files_before


def test_upgrading_counts_the_timing_gaps_of_existing_drafts(fresh_data_dir: Path) -> None:
    """Migration 0002 fills in the paragraph breaks and pauses the library card needs."""
    from narrative_app.text.timing import estimate_narrative, format_seconds, seconds_for_counts

    fresh_data_dir.mkdir()
    db = fresh_data_dir / "narratives.db"
    shutil.copyfile(FIXTURES / "narratives-0001.db", db)
    with NarrativeStore.open(fresh_data_dir) as store:
        [summary] = store.list()
        _parts, total = estimate_narrative(store.get(summary.id))
        card = seconds_for_counts(summary.words, summary.gaps, summary.pace_wpm)
        assert format_seconds(card) == format_seconds(total.seconds)
        assert summary.gaps == total.gaps


def test_0004_adds_next_step_and_name_choices_to_old_narratives(fresh_data_dir: Path) -> None:
    fresh_data_dir.mkdir()
    db = fresh_data_dir / "narratives.db"
    shutil.copyfile(FIXTURES / "narratives-0001.db", db)
    with NarrativeStore.open(fresh_data_dir) as store:
        [summary] = store.list()
        old = store.get(summary.id)
        assert old.next_step == "" and old.people == {}  # narratives from before 0004
        store.update(summary.id, next_step="Names to Sam by Friday.", people={"Kerry": "K."})
        again = store.get(summary.id)
        assert again.next_step == "Names to Sam by Friday."
        assert again.people == {"Kerry": "K."}
        assert again.parts[PartKind.SELF].cues == ["mould", "letters"]  # nothing else moved
    assert stored_revision(db) == "0004"
