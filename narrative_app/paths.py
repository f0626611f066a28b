"""Paths: where data lives and where the packaged resources are, without Qt.

Resources are the ``resources`` folder beside this module: a source checkout, an installed
wheel and a PyInstaller bundle (which keeps the package layout under ``sys._MEIPASS``) all
have it there. (``importlib.resources`` finds the same folder, for 3 to 4 ms of imports on
the start-up path.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DATA_DIR_ENV = "NARRATIVE_APP_DATA_DIR"
APP_DIR_NAME = "NarrativeCoach"
_RESOURCES = Path(__file__).resolve().parent / "resources"


def resource_path(*parts: str) -> Path:
    """Path of a file under ``narrative_app/resources/``."""
    return _RESOURCES.joinpath(*parts)


def read_resource_text(*parts: str) -> str:
    return resource_path(*parts).read_text(encoding="utf-8")


def default_data_dir() -> Path:
    """The platform's per-user application-data folder (never a cloud-sync folder).

    On Windows this is the local (not roaming) folder: a roaming profile is copied to and
    from a server at log-on and log-off, which is no place for a live SQLite database. A
    roaming folder that already holds narratives (from an earlier version) is kept in use
    while the local one does not exist, so upgrading never hides anyone's library.
    """
    home = Path.home()
    if sys.platform == "win32":
        local = Path(os.environ.get("LOCALAPPDATA") or home / "AppData" / "Local")
        roaming = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
        earlier = roaming / APP_DIR_NAME
        if not (local / APP_DIR_NAME).exists() and (earlier / "narratives.db").exists():
            return earlier
        root = local
    elif sys.platform == "darwin":
        root = home / "Library" / "Application Support"
    else:
        root = Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share")
    return root / APP_DIR_NAME


def resolve_data_dir(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """``--data-dir`` wins, then ``NARRATIVE_APP_DATA_DIR``, then the platform default."""
    if cli_value:
        return Path(cli_value).expanduser().resolve()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser().resolve()
    return default_data_dir()
