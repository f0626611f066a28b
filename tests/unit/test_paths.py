"""Paths: the default data folder on each platform (Qt-free)."""

from __future__ import annotations

import sys
from pathlib import Path

from narrative_app import paths


def test_windows_uses_the_local_not_the_roaming_folder(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert paths.default_data_dir() == tmp_path / "Local" / "NarrativeCoach"


def test_windows_keeps_using_a_roaming_folder_that_already_holds_narratives(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    old = tmp_path / "Roaming" / "NarrativeCoach"
    old.mkdir(parents=True)
    (old / "narratives.db").write_bytes(b"SQLite format 3\0")
    assert paths.default_data_dir() == old


def test_linux_uses_xdg_data_home(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.default_data_dir() == tmp_path / "xdg" / "NarrativeCoach"
