"""Export: where exports may be written (never the data folder's own files), what a failed
write leaves behind (nothing), read-only targets, and names for repeat imports."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from narrative_app.domain import Narrative
from narrative_app.errors import BadInputError, ProtectedPathError
from narrative_app.export import targets, write_export
from narrative_app.export.names import copy_title, name_import
from tests.unit.export_fixtures import FIXED_DAY, sample


def test_the_guard_names_match_the_stores_and_the_windows():
    from narrative_app.models.backups import BACKUP_DIR_NAME
    from narrative_app.models.store import DB_NAME

    assert targets.DB_NAME == DB_NAME
    assert targets.BACKUP_DIR_NAME == BACKUP_DIR_NAME
    app_source = Path(targets.__file__).parents[1] / "ui" / "instance_lock.py"
    assert f'LOCK_NAME = "{targets.LOCK_NAME}"' in app_source.read_text(encoding="utf-8")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    (folder / "backups").mkdir(parents=True)
    (folder / "narratives.db").write_bytes(b"SQLite format 3\x00 live")
    return folder


@pytest.mark.parametrize(
    "name",
    ["narratives.db", "narratives.db-wal", "narratives.db-shm", "narrative-coach.lock",
     "Narratives.DB", "backups", "backups/x.docx", "BACKUPS/x.docx"],
)
def test_the_data_folders_own_files_are_refused_named_or_not(data_dir: Path, name: str):
    for known in ([data_dir], []):  # told which folder, or recognised by its database
        with pytest.raises(ProtectedPathError):
            targets.check_export_target(data_dir / name, known)


def test_a_hard_link_to_the_database_is_refused(data_dir: Path, tmp_path: Path):
    alias = tmp_path / "alias.md"
    os.link(data_dir / "narratives.db", alias)
    with pytest.raises(ProtectedPathError, match="another name"):
        targets.check_export_target(alias, [data_dir])


def test_ordinary_targets_are_allowed(data_dir: Path, tmp_path: Path):
    for path in (tmp_path / "notes.md", data_dir / "notes.docx", tmp_path / "backups" / "x.md"):
        targets.check_export_target(path, [data_dir])


def test_write_export_refuses_and_writes_nothing(data_dir: Path):
    before = (data_dir / "narratives.db").read_bytes()
    with pytest.raises(ProtectedPathError):
        write_export(sample(), "narrative", data_dir / "narratives.db", today=FIXED_DAY)
    with pytest.raises(ProtectedPathError):
        write_export(sample(), "md", data_dir / "backups" / "b.md", today=FIXED_DAY)
    assert (data_dir / "narratives.db").read_bytes() == before
    assert sorted(p.name for p in data_dir.rglob("*")) == ["backups", "narratives.db"]


@pytest.mark.parametrize("error", [KeyboardInterrupt, MemoryError, RuntimeError])
def test_a_failed_export_leaves_no_temporary_file(tmp_path: Path, monkeypatch, error):
    def broken_replace(_src, _dst):
        raise error("interrupted")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(error):
        write_export(sample(), "md", tmp_path / "notes.md", today=FIXED_DAY)
    assert list(tmp_path.iterdir()) == []


def test_a_read_only_target_is_refused_not_replaced(tmp_path: Path):
    target = tmp_path / "keep.docx"
    target.write_bytes(b"precious")
    target.chmod(0o444)
    try:
        with pytest.raises(BadInputError, match="read-only"):
            write_export(sample(), "docx", target, today=FIXED_DAY)
        assert target.read_bytes() == b"precious"
        assert [p.name for p in tmp_path.iterdir()] == ["keep.docx"]
    finally:
        target.chmod(0o644)


def test_copy_titles_count_up_and_ignore_case():
    assert copy_title("Briefing", []) == "Briefing"
    assert copy_title("Briefing", ["briefing"]) == "Briefing (2)"
    assert copy_title("Briefing", ["Briefing", "Briefing (2)"]) == "Briefing (3)"
    assert copy_title("Briefing (2)", ["Briefing", "Briefing (2)"]) == "Briefing (3)"
    assert copy_title("  ", ["Untitled narrative"]) == "Untitled narrative (2)"


def test_name_import_tells_a_repeat_from_a_namesake():
    library = {1: sample()}
    repeat = sample()
    note = name_import(repeat, [(1, library[1].title)], library.__getitem__)
    assert repeat.title == f"{library[1].title} (2)"
    assert "imported before" in note
    other = Narrative(title=library[1].title)
    note = name_import(other, [(1, library[1].title)], library.__getitem__)
    assert other.title.endswith("(2)")
    assert "already in the library" in note
    fresh = Narrative(title="Something new")
    assert name_import(fresh, [(1, library[1].title)], library.__getitem__) == ""
    assert fresh.title == "Something new"
