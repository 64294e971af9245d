"""Fault injection with a real kill -9 of the real window (tests/ui/crash_child.py) while it types and saves
participants and achievements with evidence. The kills aim at the moments that matter — right after the Save
click (the commit under way), while an evidence file is being copied, right after a commit, in the middle of
typing — with a random delay of a few milliseconds so they land inside the work. After each kill the workspace is
opened through the app's own start-up path (the composition root's open_session: the damage check, the
migration, the leftovers cleaning) and checked: every record reported saved is there, no achievement without its
evidence file, no row pointing at nothing, integrity_check ok, and the form being typed comes back as a draft
with at most about a second of typing lost.

Precise kills at every write inside a commit, and the mutation check (with the journal turned off these kills
break saves), are in tests/powercut/test_powercut.py (replayed from a recorded log)."""
from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.workspace import open_workspace
from desktop_app.opening import open_session

from .crash_child import KEY_INTERVAL_MS

ROOT = Path(__file__).resolve().parents[2]
# The promise: a crash loses at most about one second of typing (plus slack for a slow machine).
MAX_LOST_KEYS = 1000 // KEY_INTERVAL_MS + 12
PHASES = ["save-click", "evidence-copy", "after-commit", "typing"]


def run_child(data: Path, run: int, phase: str, nth: int, delay_ms: float) -> list[str]:
    """Start the window and SIGKILL it `delay_ms` after the nth time it reaches `phase` (or after 25 s)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), SOTHIDUA_PHASE_LOG="1",
               SOTHIDUA_EVIDENCE_BYTES=str(2 * 1024 * 1024))
    child = subprocess.Popen([sys.executable, "-m", "tests.ui.crash_child", str(data), str(run)],
                             stdout=subprocess.PIPE, env=env, cwd=ROOT)
    os.set_blocking(child.stdout.fileno(), False)
    out = b""
    deadline = time.monotonic() + 25
    while time.monotonic() < deadline:
        out += child.stdout.read() or b""
        lines = out.decode("utf-8", errors="replace").split("\n")[:-1]
        if phase == "typing":
            reached = sum(line.startswith("typed ") for line in lines) >= nth
        else:
            reached = sum(line == f"phase {phase}" for line in lines) >= nth
        if reached:
            time.sleep(delay_ms / 1000)
            break
        time.sleep(0.001)
    child.send_signal(signal.SIGKILL)
    child.wait()
    out += child.stdout.read() or b""
    child.stdout.close()
    text = out.decode("utf-8", errors="replace")
    complete = text.rsplit("\n", 1)[0] if not text.endswith("\n") else text
    return complete.splitlines()


def lost_keys(typed: dict, draft: dict | None) -> int:
    if draft is None:
        return len(typed["name"]) + len(typed["note"])
    assert typed["name"].startswith(draft["name"]) and typed["note"].startswith(draft["note"]), (draft, typed)
    return len(typed["name"]) - len(draft["name"]) + len(typed["note"]) - len(draft["note"])


def check_workspace(data: Path, committed: list[dict]) -> set[str]:
    """Open through the app's start-up path, then look at the file as it is."""
    session = open_session(data, log_to_file=False)
    session.close()
    conn = sqlite3.connect(data / "sothidua.sqlite3")
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        names = {r[0] for r in conn.execute("SELECT name FROM participant")}
        titles = dict(conn.execute("SELECT title, id FROM achievement"))
        evidence = {}
        for aid, sha, stored in conn.execute("SELECT achievement_id, sha256, stored_name FROM evidence_file"):
            evidence.setdefault(aid, []).append((sha, stored))
    finally:
        conn.close()
    for record in committed:
        if record["kind"] == "participant":
            assert record["name"] in names, f"saved participant lost: {record['name']}"
        else:
            assert record["title"] in titles, f"saved achievement lost: {record['title']}"
            assert record["sha256"] in {sha for sha, _ in evidence.get(titles[record["title"]], [])}
    for title, aid in titles.items():
        if title.startswith("Thành tích "):
            files = evidence.get(aid)
            assert files, f"achievement {title} without its evidence"
            for sha, stored in files:
                path = data / "evidence" / stored
                assert path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == sha
    # A saved record is never offered again as a draft (saving it again would make a duplicate).
    assert len(names) == len(set(names))
    assert len(titles) == len({t for t in titles})
    return names


def kill_runs(tmp_path: Path, runs: int, seed: int) -> None:
    data = tmp_path / "ws"
    ws = open_workspace(data, secrets=SecretStore(InMemoryKeyring()))
    create_demo_commune(ws)
    ws.close()
    rng = random.Random(seed)
    committed: list[dict] = []
    previous_typed = None
    stored_names: set[str] = set()
    needed_a_draft = 0
    by_phase = {p: 0 for p in PHASES}
    for run in range(runs + 1):
        phase = PHASES[run % len(PHASES)] if run < runs else "typing"
        nth = rng.choice([1, 2]) if phase != "typing" else rng.choice([3, 15, 30, 45, 60, 80])
        lines = run_child(data, run, phase, nth, delay_ms=rng.uniform(0, 25) if phase != "typing" else 0)
        draft = json.loads(next(line for line in lines if line.startswith("draft "))[6:])
        if previous_typed is not None and previous_typed["name"].strip() not in stored_names:
            # What the next start offers back is what was typed, minus at most the last second of keys. (A form
            # whose Save committed just before the kill, before the window could say so, is stored instead: its
            # draft went in the same transaction.)
            assert lost_keys(previous_typed, draft) <= MAX_LOST_KEYS, (previous_typed, draft)
            needed_a_draft += len(previous_typed["name"]) + len(previous_typed["note"]) > MAX_LOST_KEYS
        if run == runs:
            break
        by_phase[phase] += any(line == f"phase {phase}" or line.startswith("typed ") for line in lines)
        for line in lines:
            if line.startswith("committed participant "):
                committed.append({"kind": "participant", "name": line.split(" ", 2)[2]})
            elif line.startswith("committed achievement "):
                committed.append({"kind": "achievement", **json.loads(line.split(" ", 2)[2])})
        after_commit = []
        for line in lines:
            if line.startswith("committed "):
                after_commit = []
            elif line.startswith("typed "):
                after_commit.append(json.loads(line[6:]))
        previous_typed = after_commit[-1] if after_commit else None
        stored_names = check_workspace(data, committed)
    assert sum(r["kind"] == "achievement" for r in committed) >= runs // 4, "too few achievements were saved"
    assert all(by_phase.values()), f"some moments were never reached: {by_phase}"
    assert needed_a_draft >= 1, "no kill came late enough in typing to need the draft"


def test_kill9_at_the_moments_that_matter(tmp_path):
    """Default run: 8 kills, two at each moment."""
    kill_runs(tmp_path, 8, 20261130)


@pytest.mark.slow
def test_kill9_many_times(tmp_path):
    kill_runs(tmp_path, int(os.environ.get("SOTHIDUA_KILL_RUNS", "200")), 20261126)
