"""The command-line contract: list, import, export, check, exit codes and messages."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from narrative_app import __version__, bundle
from narrative_app.cli import main
from tests.content import same_content

ROOT = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_shows_the_sample_in_a_new_folder(capsys, tmp_path):
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "d"), "list")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].split()[0] == "1"


def test_list_json_has_id_title_updated(capsys):
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert rows[0]["id"] == 1
    assert rows[0]["title"]
    assert "T" in rows[0]["updated"]


def test_narrative_round_trip_gives_an_equal_narrative(capsys, tmp_path):
    out_path = tmp_path / "sample.narrative"
    code, _, err = run(capsys, "export", "1", "--format", "narrative", "-o", str(out_path))
    assert code == 0, err
    code, out, err = run(capsys, "import", str(out_path))
    assert code == 0, err
    new_id = int(out.strip())
    assert new_id != 1
    first = tmp_path / "a.narrative"
    second = tmp_path / "b.narrative"
    run(capsys, "export", "1", "--format", "narrative", "-o", str(first))
    run(capsys, "export", str(new_id), "--format", "narrative", "-o", str(second))
    original, copy = bundle.read_file(first), bundle.read_file(second)
    assert copy.title == f"{original.title} (2)"  # the sample is already in the library
    copy.title = original.title
    assert same_content(original, copy)


def test_markdown_round_trip(capsys, tmp_path):
    md = tmp_path / "sample.md"
    assert run(capsys, "export", "1", "--format", "md", "-o", str(md))[0] == 0
    text = md.read_text(encoding="utf-8")
    assert "## Story of Self" in text and "## Story of Now" in text
    code, out, err = run(capsys, "import", str(md))
    assert code == 0, err
    again = tmp_path / "again.md"
    assert run(capsys, "export", out.strip(), "--format", "md", "-o", str(again))[0] == 0
    title, rest = text.split("\n", 1)
    assert again.read_text(encoding="utf-8") == f"{title} (2)\n{rest}"  # the sample is there


def test_text_export_contains_the_ask(capsys, tmp_path):
    sample = bundle.read_file(_sample_path())
    txt = tmp_path / "notes.txt"
    assert run(capsys, "export", "1", "--format", "txt", "-o", str(txt))[0] == 0
    assert sample.ask in txt.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "name", "reason"),
    [
        (b"{not json", "bad.narrative", "not valid JSON"),
        (b'{"format": "other", "version": 1}', "foreign.narrative", "not a Narrative Coach"),
        (b'{"format": "narrative", "version": 999, "narrative": {}}', "new.narrative",
         "newer version"),
        (bytes(range(256)) * 40, "junk.narrative", "narrative"),
        (bytes(range(256)) * 40, "junk.md", ""),
        (b"", "empty.md", ""),
    ],
)
def test_bad_imports_exit_2_and_create_nothing(capsys, tmp_path, content, name, reason):
    before = run(capsys, "list", "--json")[1]
    bad = tmp_path / name
    bad.write_bytes(content)
    code, out, err = run(capsys, "import", str(bad))
    assert code == 2
    assert out == ""
    assert err.startswith("narrative-app: ")
    assert len(err.strip().splitlines()) == 1
    assert reason in err
    assert run(capsys, "list", "--json")[1] == before


def test_missing_file_and_unknown_id(capsys, tmp_path):
    code, _, err = run(capsys, "import", str(tmp_path / "nowhere.md"))
    assert code == 2 and "nowhere.md" in err
    code, _, err = run(capsys, "export", "42", "--format", "md", "-o", str(tmp_path / "x.md"))
    assert code == 2 and "42" in err
    assert not (tmp_path / "x.md").exists()
    code, _, err = run(capsys, "export", "abc", "--format", "md", "-o", str(tmp_path / "x.md"))
    assert code == 2 and "not a narrative id" in err


def test_bad_usage_is_one_line_and_exit_2(capsys):
    code, _, err = run(capsys, "export", "1", "--format", "odt", "-o", "x")
    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert "--help" in err
    code, _, err = run(capsys, "frobnicate")
    assert code == 2


def test_version(capsys):
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_check_json_matches_contract(capsys):
    code, out, err = run(capsys, "check", "1", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert set(report["parts"]) == {"self", "us", "now"}
    for part in report["parts"].values():
        assert {"words", "seconds", "target_seconds"} <= set(part)
    assert report["checks"]
    for finding in report["checks"]:
        assert {"check", "part", "status", "hint", "spans"} <= set(finding)
        assert finding["part"] in {"self", "us", "now", "all"}
        assert finding["status"] in {"ok", "suggest"}


def test_check_a_file_path(capsys, tmp_path):
    md = tmp_path / "draft.md"
    md.write_text("# Draft\n\n## Story of Self\n\nI was born in Leeds.\n", encoding="utf-8")
    code, out, err = run(capsys, "check", str(md), "--json")
    assert code == 0, err
    assert json.loads(out)["parts"]["self"]["words"] == 5


def test_unwritable_data_dir_is_a_clear_message(capsys, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, _, err = run(capsys, "--data-dir", str(blocker / "data"), "list")
    assert code == 2
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_installed_package_finds_its_resources(tmp_path):
    """`python -m narrative_app` run outside the source tree (the installed copy, if any)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["NARRATIVE_APP_DATA_DIR"] = str(tmp_path / "data")
    result = subprocess.run(
        [sys.executable, "-m", "narrative_app", "list", "--json"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )
    if result.returncode != 0 and "No module named narrative_app" in result.stderr:
        pytest.skip("narrative_app is not installed in this environment")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["title"] == bundle.read_file(_sample_path()).title


def _sample_path() -> Path:
    from narrative_app.paths import resource_path

    return resource_path("sample", "sample.narrative")
