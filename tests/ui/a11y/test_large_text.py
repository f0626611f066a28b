"""UI accessibility: text at 200% (WCAG 1.4.4). Ctrl++ zooms the whole workspace; at
QT_SCALE_FACTOR=2 on a 1366x768 screen the window fits, Settings' buttons stay on screen,
and no label or button on any screen is cut off (light and dark)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PROBE = Path(__file__).with_name("large_text_probe.py")


def test_zoom_scales_the_whole_workspace_not_only_the_editors(main_window, qtbot) -> None:
    main_window.library.add_example()
    assert main_window.open_narrative(main_window.library.selected_id(), "self")
    workspace = main_window.workspace
    page = workspace.story_page()
    watched = [workspace.back_button, workspace.nav, page.title_label, workspace.coach_panel]
    before = [w.font().pointSizeF() for w in watched]
    editor_before = page.editor.font().pointSizeF()
    for _ in range(10):
        main_window.zoom(1)
    after = [w.font().pointSizeF() for w in watched]
    for old, new in zip(before, after, strict=True):
        assert new == pytest.approx(old * 2.0, rel=0.01)  # 200%
    assert page.editor.font().pointSizeF() > editor_before  # its own steps, not twice
    assert page.editor.font().pointSizeF() < editor_before * 2.0 + 1
    for _ in range(10):
        main_window.zoom(-1)
    assert [w.font().pointSizeF() for w in watched] == pytest.approx(before)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_at_200_percent_on_a_laptop_screen_nothing_is_cut_off(tmp_path: Path,
                                                              theme: str) -> None:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = {**os.environ, "QT_SCALE_FACTOR": "2", "PYTHONPATH": str(ROOT),
           "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "NARRATIVE_APP_DATA_DIR": str(tmp_path / "data")}
    shots = os.environ.get("NARRATIVE_A11Y_SHOTS")  # set it to look at the screens
    args = [sys.executable, str(PROBE), theme, *([shots] if shots else [])]
    done = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True,
                          timeout=240, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["screen"] == [683, 384]  # 1366x768 at 200%
    width, height = report["minimum"]
    assert width <= 683 and height <= 384
    assert report["settings_fits"]
    assert report["settings_buttons_on_screen"]
    cut = {screen: found for screen, found in report["clipped"].items() if found}
    assert not cut
