"""Cài đặt › Kết nối cơ sở dữ liệu dùng chung của Sở: typed by an officer, checked against the real server, the
password into the keyring (never a file), the app opening the shared database at the next start."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox

from desktop_app.core.exchange import receiving
from desktop_app.core.storage import engines
from desktop_app.ui.server_connection_dialog import ServerConnectionDialog

from .conftest import answer_next_message, type_text

SHOTS = os.environ.get("SOTHIDUA_SCREENSHOTS")


def test_an_officer_connects_this_pc_to_the_shared_database(qtbot, runner, session, postgres_url, tmp_path):
    receiving.make_receiver_workspace(session)
    host_port, database = postgres_url.split("@", 1)[1].rsplit("/", 1)
    host, port = host_port.split(":")
    config = tmp_path / "config"
    dialog = ServerConnectionDialog(runner, config_dir=config, ask_folder=lambda: str(tmp_path / "shared"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(dialog.host, "no-such-server.invalid")
    dialog.port.setValue(int(port))
    dialog.database.clear()
    type_text(dialog.database, database)
    type_text(dialog.user, "postgres")
    type_text(dialog.password, "bí-mật")
    QTest.mouseClick(dialog.findChild(type(dialog.buttons.buttons()[0]), "browse"), Qt.LeftButton)
    QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    runner.wait()
    assert "Không kết nối được" in dialog.status.text() and engines.saved_connection(config) is None
    dialog.host.clear()
    type_text(dialog.host, host)
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "server-connection.png"))
    told = answer_next_message(QMessageBox.Ok)
    QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    runner.wait()
    assert "postgres" in told["text"], dialog.status.text()
    saved = engines.saved_connection(config)
    assert saved == {"database": f"postgresql://postgres@{host}:{port}/{database}", "data_dir": str(tmp_path / "shared")}
    assert "bí-mật" not in (config / engines.CONNECTION_FILE).read_text(encoding="utf-8")
    assert session.secrets.get(engines.password_key(saved["database"])) == "bí-mật"
    # shown again as saved; "use this computer's folder again" forgets it
    again = ServerConnectionDialog(runner, config_dir=config)
    qtbot.addWidget(again)
    assert again.host.text() == host and again.user.text() == "postgres" and again.password.text() == ""
    QTest.mouseClick(again.forget_button, Qt.LeftButton)
    assert engines.saved_connection(config) is None


@pytest.mark.parametrize("bad", [("", "db", "u"), ("h", "", "u"), ("h", "db", "")])
def test_an_incomplete_address_is_refused(bad):
    with pytest.raises(Exception, match="Cần đủ"):
        engines.build_url(bad[0], 5432, bad[1], bad[2])
