"""The PyInstaller bundle: build it with packaging/build.sh and run the built app's self-test.

Slow (a build takes about half a minute to a few minutes), so it only runs when asked:

    NARRATIVE_BUILD_BUNDLE=1 .venv/bin/python -m pytest -m bundle tests/e2e/test_bundle_build.py
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from narrative_app import __version__

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        os.environ.get("NARRATIVE_BUILD_BUNDLE") != "1",
        reason="set NARRATIVE_BUILD_BUNDLE=1 to build the bundle (slow)",
    ),
    pytest.mark.skipif(
        importlib.util.find_spec("PyInstaller") is None,
        reason="PyInstaller is not installed (packaging/build.sh installs it into .venv)",
    ),
    pytest.mark.skipif(sys.platform == "win32", reason="build.sh needs a POSIX shell"),
]


def _built_app() -> Path:
    if sys.platform == "darwin":
        return ROOT / "dist" / "Narrative Coach.app" / "Contents" / "MacOS" / "narrative-coach"
    return ROOT / "dist" / "narrative-coach" / "narrative-coach"


@pytest.fixture(scope="module")
def built_app() -> Path:
    result = subprocess.run(
        ["bash", str(ROOT / "packaging" / "build.sh")],
        cwd=ROOT, capture_output=True, text=True, timeout=1800, check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert f"Narrative Coach {__version__}" in result.stdout
    assert "self-test passed" in result.stdout
    return _built_app()


def _clean_env(tmp_path: Path) -> dict[str, str]:
    """No Python, no venv, no PYTHONPATH: only what the bundle brings."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8"}


def test_built_app_passes_its_self_test_from_another_folder(built_app: Path, tmp_path: Path):
    result = subprocess.run(
        [str(built_app), "--self-test"], cwd=tmp_path, env=_clean_env(tmp_path),
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test passed" in result.stdout


def test_built_app_refuses_an_unusable_data_folder_in_one_line(built_app: Path, tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = subprocess.run(
        [str(built_app), "--data-dir", str(blocker / "data"), "list"], cwd=tmp_path,
        env=_clean_env(tmp_path), capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("narrative-app:")]
    assert len(lines) == 1
    assert "data folder" in lines[0]
