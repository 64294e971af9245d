"""Unsaved forms survive closing the workspace (and, by WAL commit, a crash)."""
from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.register.participants import save_participant
from desktop_app.core.storage.drafts import discard_draft, get_draft, pending_drafts, save_draft
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.storage.session import FixedClock
from desktop_app.core.workspace import open_workspace

REPO_ROOT = Path(__file__).resolve().parents[2]


def reopen(folder):
    return open_workspace(folder, secrets=SecretStore(InMemoryKeyring()))


def test_save_overwrite_discard_survive_reopen(tmp_path):
    ws = reopen(tmp_path / "ws")
    try:
        save_draft(ws, "participant:new", "Thêm cá nhân", {"name": "Nguyễn Văn Đ", "birth_date": "12/03/19"})
        save_draft(ws, "participant:new", "Thêm cá nhân",
                   {"name": "Nguyễn Văn Đức", "birth_date": "12/03/1988"})
        save_draft(ws, "award:new:7", "Thêm khen thưởng", {"code": "LDTT"})
        save_draft(ws, "achievement:3", "Sửa thành tích", {"title": "Số hóa"})
        discard_draft(ws, "achievement:3")
        discard_draft(ws, "does-not-exist")
    finally:
        ws.close()

    ws = reopen(tmp_path / "ws")
    try:
        keys = sorted(d.form_key for d in pending_drafts(ws))
        assert keys == ["award:new:7", "participant:new"]
        draft = get_draft(ws, "participant:new")
        assert draft.payload == {"name": "Nguyễn Văn Đức", "birth_date": "12/03/1988"}
        assert draft.title == "Thêm cá nhân"
        assert draft.updated_at.endswith("+07:00")
        assert get_draft(ws, "achievement:3") is None
        discard_draft(ws, "participant:new")
    finally:
        ws.close()

    ws = reopen(tmp_path / "ws")
    try:
        assert [d.form_key for d in pending_drafts(ws)] == ["award:new:7"]
    finally:
        ws.close()


def test_draft_time_comes_from_the_session_clock(session):
    session.clock = FixedClock(at=datetime(2026, 2, 5, 8, 30))
    save_draft(session, "participant:new", "Thêm cá nhân", {"name": "Hà Thị Thu"})
    assert get_draft(session, "participant:new").updated_at == "2026-02-05T08:30:00+07:00"


def test_draft_survives_a_killed_process(tmp_path):
    """The writer dies without closing anything (os._exit); the draft is still there."""
    script = (
        "import os, sys\n"
        "from desktop_app.core.workspace import open_workspace\n"
        "from desktop_app.core.storage.memory_keyring import InMemoryKeyring\n"
        "from desktop_app.core.storage.secrets import SecretStore\n"
        "from desktop_app.core.storage.drafts import save_draft\n"
        "session = open_workspace(sys.argv[1], secrets=SecretStore(InMemoryKeyring()))\n"
        "save_draft(session, 'participant:new', 'Thêm cá nhân', {'name': 'Hà Thị Thu'})\n"
        "os._exit(0)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "ws")], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    ws = reopen(tmp_path / "ws")
    try:
        assert [(d.form_key, json.dumps(d.payload, ensure_ascii=False)) for d in pending_drafts(ws)] == \
            [("participant:new", '{"name": "Hà Thị Thu"}')]
    finally:
        ws.close()


def test_saving_the_form_discards_its_draft_and_a_failed_save_keeps_it(session, commune):
    values = {"kind": "individual", "category": "cong_chuc", "name": "Hà Thị Thu", "gender": "nu"}
    save_draft(session, "participant:new", "Thêm cá nhân", values)
    with pytest.raises(ValidationError):
        save_participant(session, dict(values, name=""), draft_key="participant:new")
    assert get_draft(session, "participant:new") is not None
    save_participant(session, values, draft_key="participant:new")
    assert get_draft(session, "participant:new") is None
