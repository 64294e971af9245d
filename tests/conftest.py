"""Shared fixtures: a fresh workspace on disk and its home commune. Qt setup lives in tests/ui/conftest.py."""
from __future__ import annotations

import os

# Before anything can load Qt: tests run without a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from desktop_app.core.register.communes import save_commune_settings  # noqa: E402
from desktop_app.core.storage.session import open_workspace  # noqa: E402

COMMUNE_SETTINGS = {
    "name": "Xã Thượng Quan",
    "admin_code": "02095",
    "province": "Thái Nguyên",
    "receiving_authority": "Sở Nội vụ tỉnh Thái Nguyên",
    "receiving_level": "so_noi_vu",
    "chairman_name": "Hoàng Văn Thắng",
    "doc_prefix": "UBND",
}


@pytest.fixture
def workspace(tmp_path):
    """A freshly created workspace (real SQLite file, real folders) under tmp_path/ws."""
    ws = open_workspace(tmp_path / "ws", log_to_file=False)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def commune(workspace):
    """The workspace's own commune, configured as on first run."""
    return save_commune_settings(dict(COMMUNE_SETTINGS))
