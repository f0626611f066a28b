"""The command line under hostile or careless use: protected targets, bad ids and bundles,
standard output, read-only files, the catch-all, global options and repeat imports."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from narrative_app.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("narrative-app: ")
    assert "Traceback" not in err
    return lines[0]


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a hash of its bytes."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def data(fresh_data_dir: Path) -> Path:
    """A data folder with its database (and the sample, id 1) in place."""
    from narrative_app.models.store import NarrativeStore

    NarrativeStore.open(fresh_data_dir).close()
    assert (fresh_data_dir / "narratives.db").is_file()
    (fresh_data_dir / "backups").mkdir(exist_ok=True)
    return fresh_data_dir


# --- item 3: never onto the data folder's own files ----------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        "narratives.db",
        "narratives.db-wal",
        "narratives.db-shm",
        "narrative-coach.lock",
        "NARRATIVES.DB",
        "backups/notes.md",
        "backups/deeper/notes.md",
    ],
)
@pytest.mark.parametrize("fmt", ["md", "narrative", "docx"])
def test_export_onto_the_data_folder_is_refused(capsys, data: Path, target: str, fmt: str):
    (data / "backups" / "deeper").mkdir(exist_ok=True)
    before = snapshot(data)
    code, out, err = run(capsys, "export", "1", "--format", fmt, "-o", str(data / target))
    assert code == 2
    assert out == ""
    line = one_line(err)
    assert "nothing was written" in line
    assert snapshot(data) == before


def test_export_through_a_symlink_to_the_database_is_refused(capsys, data: Path, tmp_path):
    link = tmp_path / "innocent.md"
    link.symlink_to(data / "narratives.db")
    before = snapshot(data)
    code, _, err = run(capsys, "export", "1", "--format", "md", "-o", str(link))
    assert code == 2
    assert "own data file" in one_line(err)
    assert snapshot(data) == before
    assert link.is_symlink()


def test_export_through_a_symlinked_folder_into_backups_is_refused(capsys, data: Path, tmp_path):
    alias = tmp_path / "alias"
    alias.symlink_to(data)
    before = snapshot(data)
    code, _, err = run(capsys, "export", "1", "--format", "txt", "-o", str(alias / "backups/x.txt"))
    assert code == 2
    assert "backups folder" in one_line(err)
    assert snapshot(data) == before


def test_a_file_beside_the_data_folder_is_still_allowed(capsys, data: Path):
    target = data / "notes.md"
    code, _, err = run(capsys, "export", "1", "--format", "md", "-o", str(target))
    assert code == 0, err
    assert target.read_text(encoding="utf-8").startswith("# ")


# --- item 11: hostile bundles and ids --------------------------------------------------------


def _bundle_text(pace: str = "125", target: str = "120", draft: str = '"Some text."') -> str:
    return (
        '{"format": "narrative", "version": 1, "narrative": {"title": "Hostile", '
        f'"pace_wpm": {pace}, "parts": {{"self": {{"draft": {draft}, '
        f'"target_seconds": {target}}}}}}}}}'
    )


HOSTILE_BUNDLES = {
    "nan-pace": _bundle_text(pace="NaN"),
    "infinite-pace": _bundle_text(pace="Infinity"),
    "minus-infinite-target": _bundle_text(target="-Infinity"),
    "huge-pace": _bundle_text(pace="1e30"),
    "huge-target": _bundle_text(target="1e30"),
    "overflowing-float": _bundle_text(target="1e400"),
    "digits-pace": _bundle_text(pace="1" * 5000),
    "digits-target": _bundle_text(target="9" * 5000),
    "pace-1e18": _bundle_text(pace="1000000000000000000"),
    "surrogate-draft": _bundle_text(draft='"before \\ud800 after"'),
    "surrogate-title": _bundle_text().replace('"Hostile"', '"\\udfff"'),
    "surrogate-cue": _bundle_text().replace(
        '"draft": "Some text."', '"draft": "x", "cues": ["ok", "\\udc00"]'
    ),
    "surrogate-field-key": _bundle_text().replace(
        '"draft": "Some text."', '"draft": "x", "fields": {"\\ud83d": "y"}'
    ),
    "deep": '{"format": "narrative", "version": 1, "narrative": {"values": '
    + "[" * 100_000
    + "]" * 100_000
    + "}}",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_BUNDLES))
def test_hostile_bundles_exit_2_with_one_line_and_create_nothing(capsys, data, tmp_path, name):
    path = tmp_path / f"{name}.narrative"
    path.write_text(HOSTILE_BUNDLES[name], encoding="utf-8")
    before = run(capsys, "list", "--json")[1]
    code, out, err = run(capsys, "import", str(path))
    assert code == 2
    assert out == ""
    assert "narrative file" in one_line(err)
    assert run(capsys, "list", "--json")[1] == before
    code, out, err = run(capsys, "check", str(path))
    assert code == 2 and out == ""
    one_line(err)


@pytest.mark.parametrize("bad_id", ["99999999999999999999", "¹", "٣", "1" * 5000, "0", "-3"])
@pytest.mark.parametrize("command", ["export", "check", "rehearsals"])
def test_odd_ids_exit_2_with_one_line(capsys, data, monkeypatch, bad_id, command):
    tmp_path = data.parent
    monkeypatch.chdir(tmp_path)
    args = [command, bad_id] if bad_id[0] != "-" else [command, "--", bad_id]
    if command == "export":
        args = ["export", "--format", "md", "-o", str(tmp_path / "x.md"), *args[1:]]
    before = snapshot(data)
    code, out, err = run(capsys, *args)
    assert code == 2
    assert out == ""
    one_line(err)
    assert not (tmp_path / "x.md").exists()
    assert snapshot(data) == before


# --- item 12: the catch-all ---------------------------------------------------------------


def test_an_unexpected_error_is_logged_and_shown_as_one_line(capsys, data, monkeypatch):
    from narrative_app.coach import report

    def broken(*_args, **_kwargs):
        raise RuntimeError("a bug deep inside the coach")

    monkeypatch.setattr(report, "build_report", broken)
    code, out, err = run(capsys, "check", "1")
    assert code == 1
    assert out == ""
    line = one_line(err)
    log = data / "logs" / "narrative-app.log"
    assert str(log) in line
    assert "RuntimeError" in line
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "a bug deep inside the coach" in text


def test_the_catch_all_falls_back_when_the_data_folder_is_unusable(capsys, monkeypatch, tmp_path):
    from narrative_app import errorlog

    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    monkeypatch.setattr(errorlog.tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    path = errorlog.log_exception(ValueError("boom"), blocker)
    assert path == tmp_path / "tmp" / "logs" / "narrative-app.log"
    assert "ValueError: boom" in path.read_text(encoding="utf-8")


# --- item 16: standard output, read-only targets -------------------------------------------


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_dash_means_standard_output_for_text_formats(capsysbinary, data, tmp_path, monkeypatch,
                                                     fmt):
    monkeypatch.chdir(tmp_path)
    code = main(["export", "1", "--format", fmt, "-o", "-"])
    out, err = capsysbinary.readouterr()
    assert code == 0, err
    assert err == b""
    assert not (tmp_path / "-").exists()
    assert main(["export", "1", "--format", fmt, "-o", str(tmp_path / f"copy.{fmt}")]) == 0
    assert out == (tmp_path / f"copy.{fmt}").read_bytes()


@pytest.mark.parametrize("fmt", ["docx", "pdf", "narrative"])
def test_dash_is_refused_for_binary_and_bundle_formats(capsys, data, tmp_path, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "export", "1", "--format", fmt, "-o", "-")
    assert code == 2
    assert out == ""
    assert "standard output" in one_line(err)
    assert list(tmp_path.iterdir()) == [tmp_path / "data"]


def test_a_read_only_target_is_refused_and_kept(capsys, data, tmp_path):
    target = tmp_path / "keep.md"
    target.write_text("my own notes\n", encoding="utf-8")
    target.chmod(0o444)
    try:
        code, out, err = run(capsys, "export", "1", "--format", "md", "-o", str(target))
        assert code == 2 and out == ""
        assert "read-only" in one_line(err)
        assert target.read_text(encoding="utf-8") == "my own notes\n"
        assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []
    finally:
        target.chmod(0o644)


# --- issue 15: global options, check, layouts, repeat imports -------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--data-dir", "{d}", "list", "--json"],
        ["list", "--data-dir", "{d}", "--json"],
        ["list", "--json", "--data-dir={d}"],
    ],
)
def test_data_dir_works_before_or_after_the_command(capsys, tmp_path, args):
    folder = tmp_path / "elsewhere"
    code, out, err = run(capsys, *[a.format(d=folder) for a in args])
    assert code == 0, err
    assert json.loads(out)[0]["id"] == 1
    assert (folder / "narratives.db").is_file()


def test_data_dir_after_the_command_is_used_for_import_and_export(capsys, tmp_path):
    folder = tmp_path / "elsewhere"
    md = tmp_path / "draft.md"
    md.write_text("# Draft\n\n## Story of Self\n\nI was born in Leeds.\n", encoding="utf-8")
    code, _out, err = run(capsys, "import", str(md), "--data-dir", str(folder))
    assert code == 0, err
    code, listed, _ = run(capsys, "list", "--json", "--data-dir", str(folder))
    assert [row["title"] for row in json.loads(listed)].count("Draft") == 1


def test_check_prints_one_line_per_empty_part_and_does_not_count_it(capsys, tmp_path):
    md = tmp_path / "draft.md"
    md.write_text("# Draft\n\n## Story of Self\n\nI was born in Leeds.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(md))
    assert code == 0, err
    empty = "Nothing written here yet."
    blocks = out.split("\n\n")
    us = next(b for b in blocks if b.startswith("Story of Us"))
    now = next(b for b in blocks if b.startswith("Story of Now"))
    assert us.count(empty) == 1 and now.count(empty) == 1
    assert out.count(empty) == 2
    try_lines = [line for line in out.splitlines() if line.startswith("  try ")]
    counted = [line for line in try_lines if empty not in line]
    assert f"{len(counted)} suggestions to try" in out.strip().splitlines()[-1]
    for block in blocks:  # no line repeated within a story's checklist
        lines = [line for line in block.splitlines() if line.startswith("  try ")]
        assert len(set(lines)) == len(lines), block


@pytest.mark.parametrize("fmt", ["md", "narrative"])
@pytest.mark.parametrize("layout", ["cards", "briefing"])
def test_a_layout_the_format_cannot_render_is_refused(capsys, data, tmp_path, fmt, layout):
    target = tmp_path / f"out.{fmt}"
    code, out, err = run(capsys, "export", "1", "--format", fmt, "--layout", layout,
                         "-o", str(target))
    assert code == 2 and out == ""
    assert f"no {layout} layout" in one_line(err)
    assert not target.exists()


def test_layouts_still_work_where_they_render(capsys, data, tmp_path):
    for fmt in ("txt", "docx"):
        target = tmp_path / f"cards.{fmt}"
        code, _, err = run(capsys, "export", "1", "--format", fmt, "--layout", "cards",
                           "-o", str(target))
        assert code == 0, err
        assert target.stat().st_size > 0
    code, _, err = run(capsys, "export", "1", "--format", "md", "--layout", "notes",
                       "-o", str(tmp_path / "n.md"))
    assert code == 0, err


def test_importing_the_same_file_again_says_so_and_numbers_the_copy(capsys, data, tmp_path):
    md = tmp_path / "briefing.md"
    md.write_text("# Back-up worker briefing\n\n## Story of Self\n\nI was born in Leeds.\n",
                  encoding="utf-8")
    code, first, err = run(capsys, "import", str(md))
    assert code == 0 and err == ""
    code, second, err = run(capsys, "import", str(md))
    assert code == 0
    assert "imported before" in one_line(err)
    assert "Back-up worker briefing (2)" in err
    code, third, err = run(capsys, "import", str(md))
    assert "Back-up worker briefing (3)" in one_line(err)
    titles = {row["id"]: row["title"] for row in json.loads(run(capsys, "list", "--json")[1])}
    assert titles[int(first)] == "Back-up worker briefing"
    assert titles[int(second)] == "Back-up worker briefing (2)"
    assert titles[int(third)] == "Back-up worker briefing (3)"


def test_a_different_narrative_with_a_taken_title_is_numbered_without_imported_before(
    capsys, data, tmp_path
):
    for text in ("I was born in Leeds.", "I grew up in Hull."):
        md = tmp_path / "same-title.md"
        md.write_text(f"# Same title\n\n## Story of Self\n\n{text}\n", encoding="utf-8")
        code, _, err = run(capsys, "import", str(md))
        assert code == 0
    assert "already in the library" in one_line(err)
    assert "imported before" not in err


def test_a_windows_1252_file_is_imported_with_a_note(capsys, data, tmp_path):
    md = tmp_path / "old.md"
    md.write_bytes("# Caf\u00e9 talk\n\n## Story of Self\n\nIt\u2019s a na\u00efve start.\n"
                   .encode("cp1252"))
    code, out, err = run(capsys, "import", str(md))
    assert code == 0
    assert "Windows-1252" in one_line(err)
    assert int(out)


def _sample_path() -> Path:
    from narrative_app.paths import resource_path

    return resource_path("sample", "sample.narrative")
