"""Store: a child saving in a loop is killed with SIGKILL 20 times; no committed word is lost."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHILD = ROOT / "tests" / "helpers" / "crash_child.py"
ROUNDS = 20


def read_counter(db: Path) -> tuple[str, int]:
    """(integrity_check result, the counter in the Story of Self's draft) after a crash."""
    conn = sqlite3.connect(db)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        row = conn.execute("SELECT draft FROM parts WHERE kind = 'self'").fetchone()
    finally:
        conn.close()
    match = re.match(r"edit (\d+)", row[0] if row else "")
    return integrity, int(match.group(1)) if match else 0


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_while_saving_loses_nothing_committed(fresh_data_dir: Path) -> None:
    seed = random.randrange(1_000_000)
    rng = random.Random(seed)
    db = fresh_data_dir / "narratives.db"
    last = 0
    for round_no in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, str(CHILD), str(fresh_data_dir)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None
        # Kill at a random moment: after a random number of committed saves, while the child
        # is already busy with the next one.
        wanted = rng.randint(1, 40)
        printed: list[int] = []
        while len(printed) < wanted:
            line = child.stdout.readline()
            if not line:
                break
            printed.append(int(line))
        os.kill(child.pid, signal.SIGKILL)
        rest = child.stdout.read()
        child.wait()
        _err = child.stderr.read() if child.stderr else ""
        printed += [int(x) for x in rest.split()]
        context = f"seed {seed}, round {round_no}, stderr: {_err[-500:]}"
        assert printed, f"the child saved nothing ({context})"
        committed = printed[-1]
        assert committed > last, context
        integrity, stored = read_counter(db)
        assert integrity == "ok", context
        # The last edit reported as committed is there (or the one after, if the kill came
        # between its commit and its print).
        assert stored in (committed, committed + 1), (
            f"stored {stored}, printed {committed}; {context}"
        )
        last = stored
