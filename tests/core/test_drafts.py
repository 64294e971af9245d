"""Unsaved forms survive closing the workspace (and, by WAL commit, a crash)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from desktop_app.core.storage.drafts import discard_draft, get_draft, pending_drafts, save_draft
from desktop_app.core.storage.session import open_workspace

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_save_overwrite_discard_survive_reopen(tmp_path):
    ws = open_workspace(tmp_path / "ws", log_to_file=False)
    try:
        save_draft("participant:new", "Thêm cá nhân", {"name": "Nguyễn Văn Đ", "birth_date": "12/03/19"})
        save_draft("participant:new", "Thêm cá nhân", {"name": "Nguyễn Văn Đức", "birth_date": "12/03/1988"})
        save_draft("award:new:7", "Thêm khen thưởng", {"code": "LDTT"})
        save_draft("achievement:3", "Sửa thành tích", {"title": "Số hóa"})
        discard_draft("achievement:3")
        discard_draft("does-not-exist")
    finally:
        ws.close()

    ws = open_workspace(tmp_path / "ws", log_to_file=False)
    try:
        keys = sorted(d.form_key for d in pending_drafts())
        assert keys == ["award:new:7", "participant:new"]
        draft = get_draft("participant:new")
        assert draft.payload == {"name": "Nguyễn Văn Đức", "birth_date": "12/03/1988"}
        assert draft.title == "Thêm cá nhân"
        assert draft.updated_at.endswith("+07:00")
        assert get_draft("achievement:3") is None
        discard_draft("participant:new")
    finally:
        ws.close()

    ws = open_workspace(tmp_path / "ws", log_to_file=False)
    try:
        assert [d.form_key for d in pending_drafts()] == ["award:new:7"]
    finally:
        ws.close()


def test_draft_survives_a_killed_process(tmp_path):
    """The writer dies without closing anything (os._exit); the draft is still there."""
    script = (
        "import os, sys\n"
        "from desktop_app.core.storage.session import open_workspace\n"
        "from desktop_app.core.storage.drafts import save_draft\n"
        "open_workspace(sys.argv[1], log_to_file=False)\n"
        "save_draft('participant:new', 'Thêm cá nhân', {'name': 'Hà Thị Thu'})\n"
        "os._exit(0)\n"
    )
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path / "ws")], cwd=REPO_ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    ws = open_workspace(tmp_path / "ws", log_to_file=False)
    try:
        assert [(d.form_key, json.dumps(d.payload, ensure_ascii=False)) for d in pending_drafts()] == \
            [("participant:new", '{"name": "Hà Thị Thu"}')]
    finally:
        ws.close()
