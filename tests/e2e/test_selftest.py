"""The self-test: `narrative-app --self-test` proves an installed copy works, or says why not."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from narrative_app.errors import BadInputError
from narrative_app.selftest import run_self_test

ROOT = Path(__file__).resolve().parents[2]


def test_self_test_command_passes_offscreen(tmp_path: Path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path / "home")}
    result = subprocess.run(
        [sys.executable, "-m", "narrative_app", "--self-test"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180, check=False,
    )
    assert result.returncode == 0, (
        f"{result.stdout}{result.stderr}\n(cli.py needs --self-test; see docs/packaging.md)"
    )
    assert "self-test passed" in result.stdout
    assert "sample 'Someone who comes back'" in result.stdout
    assert "Traceback" not in result.stderr


def test_self_test_leaves_the_user_data_folder_alone(qapp, fresh_data_dir: Path):
    out = io.StringIO()
    assert run_self_test(out=out) == 0, out.getvalue()
    assert "self-test passed" in out.getvalue()
    assert ".docx, .md and .pdf exports" in out.getvalue()
    assert not fresh_data_dir.exists(), "the self-test must work in its own temporary folder"


def test_a_failing_step_gives_one_line_and_status_1(qapp, monkeypatch: pytest.MonkeyPatch):
    from narrative_app import export

    def broken_export(*_args, **_kwargs):
        raise BadInputError("The disk is full.\nFree some space and try again.")

    monkeypatch.setattr(export, "write_export", broken_export)
    out = io.StringIO()
    assert run_self_test(out=out) == 1
    lines = out.getvalue().splitlines()
    assert lines == [
        "Narrative Coach self-test failed: The disk is full. Free some space and try again."
    ]
