"""The "Tiếp nhận hồ sơ" screen: first-contact confirmation, verdicts in Vietnamese, report, rounds and documents."""
from __future__ import annotations

import zipfile

import pytest

from desktop_app.core.exchange import receiving
from desktop_app.core.exchange.packets import RemovableDrive
from desktop_app.core.storage.secrets import InMemoryKeyring, SecretStore
from desktop_app.ui.receiving_screen import FingerprintDialog, ReceivingScreen
from tests.core.test_exports import demo_round, export, opened


@pytest.fixture
def packet(tmp_path):
    with opened(tmp_path / "commune") as ws:
        return export(ws, demo_round(ws), tmp_path / "stick" / "HoSo", SecretStore(InMemoryKeyring()))


@pytest.fixture
def receiver(tmp_path):
    with opened(tmp_path / "receiver") as ws:
        receiving.make_receiver_workspace()
        yield ws


def column(screen, col):
    return [screen.table.item(r, col).text() for r in range(screen.table.rowCount())]


def test_scan_confirm_fingerprint_import_and_view(qtbot, packet, receiver, tmp_path):
    asked = []

    def confirm(record):
        asked.append(record)
        return 1  # "the same as on paper"

    screen = ReceivingScreen(receiver.paths, drives=lambda: [RemovableDrive(str(tmp_path / "stick"), "USB", 1)],
                             confirm=confirm)
    qtbot.addWidget(screen)
    screen.scan()
    assert screen.runner.wait(120000)
    assert [r.signer_fingerprint for r in asked] == [packet.signer_fingerprint]
    assert column(screen, 5) == ["Hợp lệ"] and column(screen, 6) == ["Đã nhập"]
    assert "1 gói đã nhập" in screen.report.toPlainText() or "Đã nhập" in screen.report.toPlainText()
    top = screen.tree.topLevelItem(0)
    assert "Thượng Quan" in top.text(0) and top.childCount() == 9
    assert any(top.child(i).text(0) == "Nông Thị Hoa" and top.child(i).text(2) == "8 / 0"
               for i in range(top.childCount()))
    screen.tree.setCurrentItem(top)
    assert screen.documents.count() > 0
    assert any(screen.documents.item(i).text().endswith(".pdf") for i in range(screen.documents.count()))
    # the same stick again: "gửi lại trùng", nothing new
    screen.receive_files([packet.path], wait=True)
    assert sorted(column(screen, 5)) == ["Gửi lại trùng", "Hợp lệ"]
    assert screen.tree.topLevelItemCount() == 1


def test_tampered_packet_listed_with_its_verdict(qtbot, packet, receiver, tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(packet.path) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data + b" " if info.filename.endswith("manifest.json") else data)
    screen = ReceivingScreen(receiver.paths, confirm=lambda r: pytest.fail("no confirmation for a bad packet"))
    qtbot.addWidget(screen)
    screen.receive_files([bad], wait=True)
    assert column(screen, 5) == ["Tệp bị sửa đổi"] and "cách ly" in column(screen, 6)[0]
    assert screen.tree.topLevelItemCount() == 0


def test_refused_fingerprint_imports_nothing(qtbot, packet, receiver):
    screen = ReceivingScreen(receiver.paths, confirm=lambda record: 2)
    qtbot.addWidget(screen)
    screen.receive_files([packet.path], wait=True)
    assert column(screen, 5) == ["Người ký chưa được tin cậy"] and "Từ chối" in column(screen, 6)[0]
    assert receiving.trusted_keys() == [] and screen.tree.topLevelItemCount() == 0


def test_fingerprint_dialog_shows_the_fingerprint_big(qtbot, packet, receiver):
    result = receiving.receive_packet(receiver.paths, packet.path)
    dialog = FingerprintDialog(result.record)
    qtbot.addWidget(dialog)
    groups = dialog.fingerprint.text().split()
    assert groups[0] == "SHA256:" and "".join(groups[1:]).lower() == packet.signer_fingerprint
    assert dialog.fingerprint.font().pointSize() >= 16


@pytest.fixture
def three_exports(tmp_path):
    """Packets 1, 2 and 3 of the demo commune; packet 2 will be "lost with its stick"."""
    store = SecretStore(InMemoryKeyring())
    with opened(tmp_path / "commune2") as ws:
        round_ = demo_round(ws)
        return [export(ws, round_, tmp_path / f"usb-{i}", store) for i in (1, 2, 3)]


def test_a_packet_refused_for_its_order_is_accepted_with_a_reason(qtbot, three_exports, receiver, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    for box in ("information", "warning"):  # a message box here would be a failure, not a wait
        monkeypatch.setattr(QMessageBox, box, lambda *a, **k: pytest.fail(f"unexpected message: {a[2]}"))
    first, _lost, third = three_exports
    screen = ReceivingScreen(receiver.paths, confirm=lambda record: 1)
    qtbot.addWidget(screen)
    screen.receive_files([first.path], wait=True)
    screen.receive_files([third.path], wait=True)
    assert sorted(column(screen, 5)) == ["Hợp lệ", "Sai thứ tự"]
    row = column(screen, 5).index("Sai thứ tự")
    screen.table.setCurrentCell(row, 0)
    screen.accept_selected_out_of_order(reason="Xã báo gói số 2 mất cùng USB")
    assert "Đã nhập" in column(screen, 6)[column(screen, 5).index("Sai thứ tự")] or \
        column(screen, 6).count("Đã nhập") == 2
    assert receiving.commune_state("02095").last_sequence == 3
