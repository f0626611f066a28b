"""Packaging files: the .desktop entry, AppStream metainfo, icons, spec and installer script."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from narrative_app import __version__

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "uk.narrativecoach.NarrativeCoach"
DESKTOP = PACKAGING / "linux" / f"{APP_ID}.desktop"
METAINFO = PACKAGING / "linux" / f"{APP_ID}.metainfo.xml"
SPEC = PACKAGING / "narrative-coach.spec"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in .desktop files
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_desktop_file_parses_and_names_the_command_and_icon():
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Narrative Coach"
    assert entry["Exec"].split()[0] == "narrative-coach"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    assert "Story of Self" in entry["Comment"]


def test_desktop_file_is_valid_where_the_validator_exists():
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (apt install desktop-file-utils)")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_has_the_required_elements_and_credits_the_method():
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("name") == "Narrative Coach"
    assert root.findtext("summary")
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    description = " ".join("".join(root.find("description").itertext()).split())
    assert "Marshall Ganz" in description
    assert "Leading Change Network" in description
    assert "organis" in description  # UK spelling, as in the app
    releases = [r.get("version") for r in root.iter("release")]
    assert __version__ in releases, "add a <release> for the current version"


def test_metainfo_is_valid_where_appstreamcli_exists():
    tool = shutil.which("appstreamcli")
    if tool is None:
        pytest.skip("appstreamcli is not installed (apt install appstream)")
    result = subprocess.run(
        [tool, "validate", "--no-net", str(METAINFO)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE), f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", SIZES)
def test_icon_png_exists_at_each_size(size: int):
    path = PACKAGING / "icons" / "png" / f"narrative-coach-{size}.png"
    assert path.is_file(), "run packaging/icons/make_icons.py"
    assert _png_size(path) == (size, size)


def test_icon_svg_ico_icns_and_app_icons_exist():
    svg = ET.parse(PACKAGING / "icons" / "narrative-coach.svg").getroot()
    assert svg.tag.endswith("svg")
    ico = (PACKAGING / "icons" / "narrative-coach.ico").read_bytes()
    assert ico[:4] == b"\x00\x00\x01\x00" and struct.unpack("<H", ico[4:6])[0] >= 6
    assert (PACKAGING / "icons" / "narrative-coach.icns").read_bytes()[:4] == b"icns"
    from narrative_app.paths import resource_path

    for size in (16, 32, 256):
        assert _png_size(resource_path("icons", f"narrative-coach-{size}.png")) == (size, size)


def test_spec_collects_resources_migrations_and_lazy_imports():
    spec = SPEC.read_text(encoding="utf-8")
    for needle in (
        '"resources"', "narrative_app/resources", '"migrations"',
        'collect_submodules("narrative_app")', 'collect_submodules("alembic"',
        "sqlalchemy.dialects.sqlite", '"docx"', '"markdown"', "BUNDLE(", "bundle_identifier",
        APP_ID, "launcher.py",
    ):
        assert needle in spec, needle
    compile(spec, str(SPEC), "exec")  # at least valid Python


def test_build_script_runs_version_and_self_test():
    script = (PACKAGING / "build.sh").read_text(encoding="utf-8")
    assert "--version" in script
    assert "--self-test" in script
    assert "PyInstaller" in script
    assert (PACKAGING / "build.sh").stat().st_mode & 0o111, "build.sh must be executable"


def test_windows_installer_script_matches_the_version_and_bundle():
    iss = (PACKAGING / "windows" / "narrative-coach.iss").read_text(encoding="utf-8")
    assert f'#define AppVersion "{__version__}"' in iss
    assert "narrative-coach.exe" in iss
    assert r"dist\narrative-coach" in iss
    assert "LicenseFile=" in iss
