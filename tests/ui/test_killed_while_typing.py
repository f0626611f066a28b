"""A child typing steadily into the real story page is SIGKILLed: at most ~1 s of text lost."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "tests" / "helpers" / "typing_child.py"
KEYS_PER_SECOND = 10
AT_RISK_SECONDS = 1.2


def stored_draft(db: Path, narrative_id: int) -> str:
    conn = sqlite3.connect(db)
    try:
        row = conn.execute("SELECT draft FROM parts WHERE kind = 'self' AND narrative_id = ?",
                           (narrative_id,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else ""


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_while_typing_loses_at_most_a_second(fresh_data_dir: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    for round_no in range(2):
        wanted = random.randint(30, 50)  # 3 to 5 s of steady typing
        child = subprocess.Popen([sys.executable, str(CHILD), str(fresh_data_dir)], cwd=ROOT,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 env=env)
        assert child.stdout is not None
        first = child.stdout.readline()
        assert first.startswith("id "), first
        narrative_id = int(first.split()[1])
        typed = 0
        while typed < wanted:
            line = child.stdout.readline()
            if not line:
                break
            typed = int(line)
        os.kill(child.pid, signal.SIGKILL)
        rest = child.stdout.read()
        child.wait()
        err = child.stderr.read() if child.stderr else ""
        typed = max([typed, *(int(x) for x in rest.split())])
        assert typed >= wanted, f"round {round_no}: the child stopped early: {err[-500:]}"
        saved = stored_draft(fresh_data_dir / "narratives.db", narrative_id)
        missing = typed - len(saved)
        assert "".join("abcdefghij"[i % 10] for i in range(len(saved))) == saved
        assert missing <= KEYS_PER_SECOND * AT_RISK_SECONDS, (
            f"round {round_no}: {missing} of {typed} keys lost")
