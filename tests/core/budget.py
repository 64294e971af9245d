"""The issue-11 budget, enforced: any packet is verified or refused within 150 MB above the idle process and 5 s,
before and after trust. `within_budget` runs the cases in a child process (tests/core/budget_child.py) capped with
resource limits and returns one result per case; `assert_within_budget` fails on a crash, an unexpected error,
or a case over the budget."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).resolve().with_name("budget_child.py")
ROOT = Path(__file__).resolve().parents[2]
MB = 1024 * 1024
BUDGET_MB = 150
SECONDS = 5.0

needs_proc = pytest.mark.skipif(not Path("/proc/self/status").exists() or sys.platform != "linux",
                                reason="memory is read from /proc and capped with RLIMIT_AS (Linux)")


def within_budget(tmp_path: Path, mode: str, cases: list, *, workspace: Path | None = None,
                  trust: list[tuple[str, str]] = (), warm: list = (), budget_mb: int = BUDGET_MB,
                  cpu_seconds: float = SECONDS, env: dict | None = None, timeout: float = 600) -> list[dict]:
    job = tmp_path / f"job-{os.getpid()}-{len(list(tmp_path.glob('job-*')))}.json"
    job.write_text(json.dumps({"mode": mode, "cases": [str(c) for c in cases], "trust": list(trust),
                               "workspace": str(workspace or tmp_path / "receiver"), "warm": [str(w) for w in warm],
                               "budget_mb": budget_mb, "cpu_seconds": cpu_seconds}))
    run_env = dict(os.environ, PYTHONPATH=str(ROOT))
    run_env.update(env or {})
    proc = subprocess.run([sys.executable, str(CHILD), str(job)], capture_output=True, text=True, timeout=timeout,
                          cwd=ROOT, env=run_env)
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise AssertionError(f"budget child failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    return lines[1:]


def assert_within_budget(results: list[dict], budget_mb: int = BUDGET_MB, seconds: float = SECONDS) -> None:
    for r in results:
        assert "crash" not in r, r
        assert r.get("verdict") != "error", r  # an unexpected error inside the receiver: a defect here
        assert r["peak_above_idle"] <= budget_mb * MB, f"{r['case']}: {r['peak_above_idle'] / MB:.0f} MB over idle"
        assert r["wall"] <= seconds and r["cpu"] <= seconds, f"{r['case']}: {r['wall']:.1f} s"


class Worker:
    """A budget child that stays up and takes one case at a time (the fuzz test sends many thousands)."""

    def __init__(self, tmp_path: Path, workspace: Path, trust: list[tuple[str, str]] = (), warm: list = (),
                 budget_mb: int = BUDGET_MB, cpu_seconds: float = SECONDS):
        job = tmp_path / f"worker-{os.getpid()}-{id(self)}.json"
        job.write_text(json.dumps({"mode": "serve", "cases": [], "trust": list(trust), "workspace": str(workspace),
                                   "warm": [str(w) for w in warm], "budget_mb": budget_mb,
                                   "cpu_seconds": cpu_seconds}))
        self.proc = subprocess.Popen([sys.executable, str(CHILD), str(job)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                                     env=dict(os.environ, PYTHONPATH=str(ROOT)))
        first = self.proc.stdout.readline()
        if not first.startswith("{"):
            raise AssertionError(f"worker did not start: {first}{self.proc.stderr.read()[-3000:]}")
        self.idle_rss = json.loads(first)["idle_rss"]
        self.last = ""

    def run(self, path: Path, mode: str) -> dict:
        try:
            self.proc.stdin.write(json.dumps({"path": str(path), "mode": mode}) + "\n")
            self.proc.stdin.flush()
        except BrokenPipeError:
            raise AssertionError(f"worker died ({self.proc.wait()}) before {path} ({mode}), after {self.last}: "
                                 f"{self.proc.stderr.read()[-3000:]}") from None
        line = self.proc.stdout.readline()
        if not line:
            raise AssertionError(f"worker died ({self.proc.wait()}) on {path} ({mode}): "
                                 f"{self.proc.stderr.read()[-3000:]}")
        self.last = line
        return json.loads(line)

    def close(self) -> None:
        try:
            self.proc.stdin.write("\n")
            self.proc.stdin.close()
        except OSError:
            pass
        try:
            self.proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.proc.stdout.close()
        self.proc.stderr.close()
