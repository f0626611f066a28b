"""Benchmarks: spawn the app (or the bare window) with the start-up probe and time its moments.

Times run from just before ``Popen`` to the moment the parent reads each line the child
prints, so interpreter start, imports and everything the app does are included, for the app
and the bare script alike. Children run offscreen, with bytecode caching allowed (this
machine may set ``PYTHONDONTWRITEBYTECODE=1``; it is removed from the child's environment,
and ``prepare()`` byte-compiles the package first so no child pays for compiling), and with
a private ``XDG_CONFIG_HOME`` so the user's own settings and last session play no part.
"""

from __future__ import annotations

import compileall
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BARE_SCRIPT = Path(__file__).resolve().parent / "bare_window.py"
TIMEOUT_S = 60.0


@dataclass
class ProbeResult:
    moments: dict[str, float] = field(default_factory=dict)  # name -> seconds since spawn
    returncode: int | None = None
    peak_mb: float = 0.0  # ru_maxrss from wait4 (Linux: includes the parent at fork)
    own_peak_mb: float | None = None  # the child's own VmHWM, as the probe reports it

    @property
    def peak(self) -> float:
        return self.own_peak_mb if self.own_peak_mb is not None else self.peak_mb


def prepare() -> None:
    """Byte-compile the package (as an install would) so children load .pyc files."""
    compileall.compile_dir(str(ROOT / "narrative_app"), quiet=1)
    compileall.compile_file(str(BARE_SCRIPT), quiet=1)


def child_env(config_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["NARRATIVE_APP_STARTUP_PROBE"] = "1"
    env["XDG_CONFIG_HOME"] = str(config_home)
    env.pop("NARRATIVE_APP_DATA_DIR", None)
    return env


def app_command(data_dir: Path) -> list[str]:
    return [sys.executable, "-m", "narrative_app", "--data-dir", str(data_dir)]


def bare_command() -> list[str]:
    return [sys.executable, str(BARE_SCRIPT)]


def spawn(command: list[str], env: dict[str, str],
          wanted: tuple[str, ...] = ("first-paint", "ready")) -> ProbeResult:
    """Run ``command`` and time each wanted line; raises RuntimeError if one never comes."""
    result = ProbeResult()
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                                stderr=errors, text=True, bufsize=1)
        timer = threading.Timer(TIMEOUT_S, proc.kill)
        timer.start()
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                moment = line.split(" ", 1)[0].strip()
                if moment == "peak-memory":
                    result.own_peak_mb = float(line.split()[1])
                if moment in wanted and moment not in result.moments:
                    result.moments[moment] = time.perf_counter() - start
            proc.stdout.close()
            _pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            timer.cancel()
        result.returncode = proc.returncode
        result.peak_mb = _rss_mb(usage.ru_maxrss)
        missing = [name for name in wanted if name not in result.moments]
        if missing or result.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{command[-1]}: exit {result.returncode}, reported "
                               f"{sorted(result.moments)}; {errors.read()[-800:]}")
    return result


def _rss_mb(maxrss: int) -> float:
    return maxrss / (1024 * 1024) if sys.platform == "darwin" else maxrss / 1024


def children_peak_mb() -> float:
    """Peak resident memory of the largest child waited for so far, in MB."""
    return _rss_mb(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
