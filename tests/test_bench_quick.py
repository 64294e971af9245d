"""The benchmark script runs (small sizes) and prints its table, so it cannot rot between full runs."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="peak memory is read from /proc (Linux)")
def test_bench_quick_prints_the_table():
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--quick"], capture_output=True,
                            text=True, timeout=600, cwd=ROOT, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stderr[-3000:]
    out = result.stdout
    for measure in ("cold start to a shown main window", "search as you type p95", "documents of a round of",
                    "packet verification", "peak RSS, register of 2,000 shown", "Excel import of",
                    "Excel export of the register"):
        line = next((line for line in out.splitlines() if line.startswith(measure)), None)
        assert line is not None, f"{measure!r} missing from:\n{out}"
        cells = [c.strip() for c in line.split("|")]
        assert len(cells) == 6 and cells[3] not in ("", "0.00×"), line  # a figure, a baseline and a ratio
    assert "empty PySide6 QMainWindow" in out and "sha256sum" in out and "plain ReportLab" in out
