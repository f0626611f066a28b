"""The real app in a child process gets SIGTERM or SIGHUP with an edit not yet saved: the
edit is in the database afterwards, the app exits cleanly and the lock is gone."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "tests" / "helpers" / "signal_child.py"
SIGNALS = [getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT")
           if hasattr(signal, name)]


@pytest.mark.slow
@pytest.mark.parametrize("signum", SIGNALS, ids=lambda s: signal.Signals(s).name)
def test_a_signal_saves_the_pending_edit_and_lets_go_of_the_lock(tmp_path: Path,
                                                                 signum: int) -> None:
    data = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    child = subprocess.Popen([sys.executable, str(CHILD), str(data)], cwd=ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None
    try:
        line = child.stdout.readline()
        assert line.startswith("typed "), (line, child.stderr.read() if child.stderr else "")
        narrative_id = int(line.split()[1])
        assert "dirty=True" in line  # the edit really was pending when the signal came
        assert (data / "narrative-coach.lock").exists()
        os.kill(child.pid, signum)
        status = child.wait(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    err = child.stderr.read() if child.stderr else ""
    assert status == 0, err[-800:]
    assert "Traceback" not in err
    with sqlite3.connect(data / "narratives.db") as conn:
        draft = conn.execute("SELECT draft FROM parts WHERE kind = 'self' AND narrative_id = ?",
                             (narrative_id,)).fetchone()[0]
    assert draft.startswith("Unsaved words ")
    assert not (data / "narrative-coach.lock").exists()
