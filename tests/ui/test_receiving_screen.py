"""The "Tiếp nhận hồ sơ" screen: first-contact confirmation, verdicts in Vietnamese, report, rounds and documents."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QInputDialog, QLabel, QMessageBox

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.exchange import receiving
from desktop_app.core.exchange.packets import RemovableDrive
from desktop_app.core.exchange.sending import export_round
from desktop_app.core.nominations import rounds
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.workspace import open_workspace
from desktop_app.ui.receiving_screen import FingerprintDialog, ReceivingScreen


def export_demo_round(commune_dir: Path, targets: list[Path], receiver_session) -> list:
    """The demo commune's round 1 exported into each target folder in turn (packets 1, 2, …), from a workspace
    of its own; the receiver's session is bound again afterwards (one process, two workspaces)."""
    commune = open_workspace(commune_dir, secrets=SecretStore(InMemoryKeyring()))
    try:
        create_demo_commune(commune)
        round_id = rounds.find_round(commune, 1).id
        written = []
        for target in targets:
            target.mkdir(parents=True, exist_ok=True)
            written.append(export_round(commune, round_id, target))
        return written
    finally:
        commune.close()
        receiver_session.activate()


@pytest.fixture
def receiver(session):
    """The test's workspace turned into a receiving one (Sở Nội vụ)."""
    receiving.make_receiver_workspace(session)
    return session


@pytest.fixture
def packet(tmp_path, receiver):
    [written] = export_demo_round(tmp_path / "commune", [tmp_path / "stick" / "HoSo"], receiver)
    return written


def make_screen(qtbot, runner, **kwargs):
    screen = ReceivingScreen(runner, **kwargs)
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    return screen


def column(screen, col):
    return [screen.table.item(r, col).text() for r in range(screen.table.rowCount())]


def test_scan_confirm_fingerprint_import_and_view(qtbot, runner, packet, receiver, tmp_path):
    asked = []

    def confirm(record):
        asked.append(record)
        return 1  # "the same as on paper"

    screen = make_screen(qtbot, runner, drives=lambda: [RemovableDrive(str(tmp_path / "stick"), "USB", 1)],
                         confirm=confirm)
    qtbot.mouseClick(screen.scan_button, Qt.LeftButton)
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
    assert screen.scan_button.isEnabled() and screen.open_button.isEnabled()
    # the same stick again: "gửi lại trùng", nothing new
    screen.receive_files([packet.path], wait=True)
    assert sorted(column(screen, 5)) == ["Gửi lại trùng", "Hợp lệ"]
    assert screen.tree.topLevelItemCount() == 1


def test_scan_without_a_packet_says_where_to_look(qtbot, runner, receiver, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text, *a: told.append(text))
    empty = tmp_path / "empty-stick"
    empty.mkdir()
    screen = make_screen(qtbot, runner, drives=lambda: [RemovableDrive(str(empty), "USB", 1)],
                         confirm=lambda r: pytest.fail("nothing to confirm"))
    qtbot.mouseClick(screen.scan_button, Qt.LeftButton)
    assert runner.wait()
    assert len(told) == 1 and told[0].startswith("Không tìm thấy gói hồ sơ (.zip) nào trên thẻ nhớ USB.")
    assert screen.table.rowCount() == 0


def test_tampered_packet_listed_with_its_verdict(qtbot, runner, packet, receiver, tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(packet.path) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data + b" " if info.filename.endswith("manifest.json") else data)
    screen = make_screen(qtbot, runner, confirm=lambda r: pytest.fail("no confirmation for a bad packet"))
    screen.receive_files([bad], wait=True)
    assert column(screen, 5) == ["Tệp bị sửa đổi"] and "cách ly" in column(screen, 6)[0]
    assert screen.tree.topLevelItemCount() == 0


def test_refused_fingerprint_imports_nothing(qtbot, runner, packet, receiver):
    screen = make_screen(qtbot, runner, confirm=lambda record: 2)
    screen.receive_files([packet.path], wait=True)
    assert column(screen, 5) == ["Người ký chưa được tin cậy"] and "Từ chối" in column(screen, 6)[0]
    assert receiving.trusted_keys(receiver) == [] and screen.tree.topLevelItemCount() == 0


def test_fingerprint_dialog_shows_the_fingerprint_big(qtbot, packet, receiver):
    result = receiving.receive_packet(receiver, packet.path)
    dialog = FingerprintDialog(result.record)
    qtbot.addWidget(dialog)
    groups = dialog.fingerprint.text().split()
    assert groups[0] == "SHA256:" and "".join(groups[1:]).lower() == packet.signer_fingerprint
    assert dialog.fingerprint.font().pointSize() >= 16


@pytest.mark.parametrize("second_key", [False, True])
def test_enter_in_the_fingerprint_dialog_never_trusts(qtbot, packet, receiver, second_key):
    """Seen 8: Enter in the receiving dialog meant "trust". The default is "decide later", whatever has focus."""
    from types import SimpleNamespace

    record = SimpleNamespace(reason="unknown_signer" if second_key else "first_contact", commune_name="Thượng Quan",
                             commune_code="02095", signer_fingerprint=packet.signer_fingerprint)
    dialog = FingerprintDialog(record, trusted=["ab" * 32] if second_key else [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    if second_key:  # the officer ticked the box: the trust button is enabled, still not the default
        qtbot.mouseClick(dialog.confirm_box, Qt.LeftButton, pos=dialog.confirm_box.rect().topLeft() + QPoint(8, 8))
        assert dialog.trust_button.isEnabled()
    assert dialog.later_button.isDefault() and not dialog.trust_button.isDefault()
    assert any("phiếu gửi hồ sơ" in label.text() for label in dialog.findChildren(QLabel))
    qtbot.keyClick(dialog, Qt.Key_Return)
    assert dialog.result() == 0 and not dialog.isVisible()


@pytest.fixture
def three_exports(tmp_path, receiver):
    """Packets 1, 2 and 3 of the demo commune; packet 2 will be "lost with its stick"."""
    return export_demo_round(tmp_path / "commune2", [tmp_path / f"usb-{i}" for i in (1, 2, 3)], receiver)


def test_a_packet_refused_for_its_order_is_accepted_with_a_reason(qtbot, runner, three_exports, receiver,
                                                                   monkeypatch):
    for box in ("information", "warning"):  # a message box here would be a failure, not a wait
        monkeypatch.setattr(QMessageBox, box, lambda *a, **k: pytest.fail(f"unexpected message: {a[2]}"))
    first, _lost, third = three_exports
    screen = make_screen(qtbot, runner, confirm=lambda record: 1)
    screen.receive_files([first.path], wait=True)
    screen.receive_files([third.path], wait=True)
    assert sorted(column(screen, 5)) == ["Hợp lệ", "Sai thứ tự"]
    row = column(screen, 5).index("Sai thứ tự")
    screen.table.setCurrentCell(row, 0)
    asked = []
    monkeypatch.setattr(QInputDialog, "getMultiLineText",
                        lambda parent, title, text, *a, **k: asked.append(text) or ("Xã báo gói số 2 mất cùng USB", True))
    qtbot.mouseClick(screen.order_button, Qt.LeftButton)
    assert runner.wait()
    assert len(asked) == 1 and "Thượng Quan" in asked[0]
    assert "Đã nhập" in column(screen, 6)[column(screen, 5).index("Sai thứ tự")] or \
        column(screen, 6).count("Đã nhập") == 2
    assert receiving.commune_state(receiver, "02095").last_sequence == 3


# ----- issue 11: only safe files open, text from packets is plain text ----------------------------------------

def test_only_pdf_and_docx_documents_are_offered_and_opened(qtbot, runner, packet, receiver, monkeypatch):
    """Seen 3: the open button handed any file of the packet to the desktop shell."""
    import desktop_app.ui.receiving_screen as screen_module
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QListWidgetItem

    opened, warned = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    monkeypatch.setattr(screen_module, "plain_message", lambda parent, icon, title, text: warned.append(text))
    done = receiving.receive_packet(receiver, packet.path, trust_fingerprint=packet.signer_fingerprint)
    folder = receiver.paths.root / done.record.extracted_path / "documents"
    (folder / "cai-dat.exe").write_bytes(b"MZ")
    (folder / "bao-cao\u202efdp.exe").write_bytes(b"MZ")
    screen = make_screen(qtbot, runner, confirm=lambda r: pytest.fail("nothing to confirm"))
    screen.tree.setCurrentItem(screen.tree.topLevelItem(0))
    names = [screen.documents.item(i).text() for i in range(screen.documents.count())]
    assert names and all(n.endswith((".pdf", ".docx")) for n in names), names
    screen.documents.setCurrentRow(0)
    qtbot.mouseClick(screen.open_doc_button, Qt.LeftButton)
    assert len(opened) == 1 and opened[0].endswith((".pdf", ".docx"))
    # An item that points at anything else (as a list made by an older release could) is not opened.
    evil = QListWidgetItem("cai-dat.exe")
    evil.setData(Qt.UserRole, str(folder / "cai-dat.exe"))
    screen.documents.addItem(evil)
    screen.documents.setCurrentItem(evil)
    qtbot.mouseClick(screen.open_doc_button, Qt.LeftButton)
    assert len(opened) == 1 and len(warned) == 1 and "PDF" in warned[0]


def test_text_from_packets_is_shown_as_plain_escaped_text(qtbot, runner, packet, receiver, tmp_path):
    """Seen 10: names from packets were shown in dialogs as they came (HTML, bidi overrides, NUL)."""
    from types import SimpleNamespace

    record = SimpleNamespace(reason="first_contact", commune_name="<b>Xã</b> \u202eTân\x00", commune_code="02095",
                             signer_fingerprint=packet.signer_fingerprint)
    dialog = FingerprintDialog(record)
    qtbot.addWidget(dialog)
    head = dialog.findChild(type(dialog.fingerprint), "head")
    assert head.textFormat() == Qt.PlainText
    assert "<b>Xã</b>" in head.text() and "\\u202e" in head.text() and "\x00" not in head.text()
    renamed = tmp_path / "stick" / "ho-so\u202efdp.zip"
    renamed.write_bytes(packet.path.read_bytes())
    screen = make_screen(qtbot, runner, confirm=lambda r: 0)
    screen.receive_files([renamed], wait=True)
    assert column(screen, 1) == ["ho-so\\u202efdp.zip"]
    assert "\u202e" not in screen.report.toPlainText()


def test_a_second_key_is_confirmed_separately_naming_the_trusted_key(qtbot, packet, receiver):
    """Seen 5: a new key without announcement was trusted through the same single confirmation as first contact."""
    from types import SimpleNamespace

    old = "ab" * 32
    record = SimpleNamespace(reason="unknown_signer", commune_name="Thượng Quan", commune_code="02095",
                             signer_fingerprint=packet.signer_fingerprint)
    dialog = FingerprintDialog(record, trusted=[old])
    qtbot.addWidget(dialog)
    dialog.show()
    assert "THỨ HAI" in dialog.windowTitle()
    named = dialog.findChild(type(dialog.fingerprint), "trusted_key")
    assert "SHA256:ABAB ABAB" in named.text() and dialog.second_key_over == old
    assert not dialog.trust_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_box, Qt.LeftButton, pos=dialog.confirm_box.rect().topLeft() + QPoint(8, 8))
    assert dialog.confirm_box.isChecked() and dialog.trust_button.isEnabled()
    assert "THỨ HAI" in dialog.trust_button.text()
