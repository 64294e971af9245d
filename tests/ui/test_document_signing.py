"""Issue 17 in the window, driven by mouse at 1366×768 with a real SoftHSM2 token: the dossier screen signs the
issued Tờ trình (the chairman, then the văn thư for the commune) through the PIN dialog, shows the signatures of the
shown PDF; a wrong PIN is told and nothing is signed; the settings dialog installs a root; the receiving level sees
the verdicts of the signed PDFs that travelled in the packet."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.core.documents import round_documents as dossier
from desktop_app.core.exchange import receiving
from desktop_app.core.exchange.keys import create_key
from desktop_app.core.exchange.sending import export_round
from desktop_app.core.nominations import rounds
from desktop_app.core.register.communes import commune_code_of
from desktop_app.core.signatures import certificates, records
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.workspace import open_workspace
from desktop_app.ui.dossier_screen import DossierScreen
from desktop_app.ui.receiving_screen import ReceivingScreen
from desktop_app.ui.sign_document_dialog import SignDocumentDialog
from desktop_app.ui.signing_settings_dialog import SigningSettingsDialog
from tests import pki as P
from tests.ui.conftest import answer_next_message

pytestmark = pytest.mark.skipif(P.softhsm_library() is None, reason="softhsm2 not installed (tasks.py installs it)")
SHOTS = Path(os.environ["SOTHIDUA_SHOTS"]) if os.environ.get("SOTHIDUA_SHOTS") else None


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("pki-ui")
    k = P.make_pki()
    tok = P.make_token(base / "token", k)
    k.write(base / "pem")
    return k, tok, base / "pem", base


def prepare(session, world, images=True):
    """The demo commune with its Biên bản and Tờ trình issued, the test roots installed, the token's driver set."""
    from desktop_app.core.demo import create_demo_commune
    k, tok, pem, base = world
    P.use_token(tok)
    create_demo_commune(session)
    r = rounds.find_round(session, 1)
    st = {x.code: x for x in dossier.document_states(session, r.id)}
    dossier.issue_document(session, r.id, "bien_ban", 3, st["bien_ban"].fixed_date)
    fp = create_key(session, commune_code_of(session.home_commune())).fingerprint
    dossier.issue_document(session, r.id, "to_trinh", 15, st["to_trinh"].earliest, signer_fingerprint=fp)
    certificates.import_certificates(session, pem / "root.pem")
    certificates.import_certificates(session, pem / "intermediate.pem")
    records.save_signing_settings(session, tok.library)
    if images:
        records.save_signature_image(session, "signature", P.signature_png(base / "ky.png"), 40)
        records.save_signature_image(session, "seal", P.seal_png(base / "dau.png"), 36)
    return r


@pytest.fixture
def screen(qtbot, runner, session, world):
    prepare(session, world)
    w = DossierScreen(runner)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    yield w
    w.runner.wait()
    w.close()


def click_row(w, qtbot, code):
    row = [st.code for st in w.states].index(code)
    rect = w.state_table.visualItemRect(w.state_table.item(row, 0))
    qtbot.mouseClick(w.state_table.viewport(), Qt.LeftButton, pos=rect.center())
    assert w.selected_code() == code


def sign_by_mouse(w, qtbot, pin: str, *, shot: str = "", expect_error: bool = False) -> dict:
    """Press “Sign digitally…”, type the PIN, press “Read the token”, keep the preselected certificate, press
    “Sign”. With expect_error, the message box is answered and the dialog closed with Cancel."""
    seen: dict = {}

    def act():
        dialog = next(d for d in QApplication.topLevelWidgets() if isinstance(d, SignDocumentDialog) and d.isVisible())
        seen["dialog_size"] = (dialog.width(), dialog.height())
        seen["role_text"] = dialog.role_label.text()
        QTest.keyClicks(dialog.pin_edit, pin)
        seen["echo_hidden"] = dialog.pin_edit.displayText() != pin
        if expect_error:
            seen["message"] = answer_next_message(QMessageBox.Ok, timeout_ms=20000)
        QTest.mouseClick(dialog.read_button, Qt.LeftButton)
        if expect_error:
            qtbot.waitUntil(lambda: bool(seen["message"]), timeout=20000)
            seen["status"] = dialog.status.text()
            seen["pin_after"] = dialog.pin_edit.text()
            QTest.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.LeftButton)
            return
        qtbot.waitUntil(lambda: dialog.table.rowCount() > 0, timeout=20000)
        seen["certificates"] = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
        seen["chosen"] = dialog.selected_certificate().info.name
        if SHOTS and shot:
            SHOTS.mkdir(parents=True, exist_ok=True)
            dialog.grab().save(str(SHOTS / f"{shot}_dialog.png"))
        seen["sign_message"] = answer_next_message(QMessageBox.Ok, timeout_ms=60000)   # only if signing fails

        def close_after_error():
            if not dialog.isVisible():
                return
            if seen["sign_message"]:
                dialog.reject()                       # the test then fails on the message it saw
            else:
                QTimer.singleShot(100, close_after_error)
        QTimer.singleShot(100, close_after_error)
        QTest.mouseClick(dialog.sign_button, Qt.LeftButton)

    QTimer.singleShot(200, act)
    qtbot.mouseClick(w.sign_button, Qt.LeftButton)
    assert w.runner.wait(60000)
    qtbot.waitUntil(lambda: not w.busy, timeout=60000)
    assert w.runner.wait(60000)
    assert not seen.get("sign_message"), seen.get("sign_message")
    return seen


def test_sign_the_to_trinh_by_mouse_chairman_then_commune(screen, qtbot, session, world):
    k, *_ = world
    click_row(screen, qtbot, "to_trinh")
    assert screen.state_table.item(1, 3).text() == "Chưa ký số"
    assert screen.sign_button.isEnabled()
    seen = sign_by_mouse(screen, qtbot, P.USER_PIN, shot="sign_personal")
    assert seen["echo_hidden"]                       # the PIN is typed into a password field
    assert "người có thẩm quyền" in seen["role_text"].lower()
    w, h = seen["dialog_size"]
    assert w <= 1366 and h <= 728
    assert P.CHAIRMAN in seen["certificates"] and seen["chosen"] == P.CHAIRMAN
    qtbot.waitUntil(lambda: "văn thư" in screen.state_table.item(1, 3).text(), timeout=20000)
    assert P.CHAIRMAN in screen.state_table.item(1, 3).text()
    # The văn thư adds the commune's signature: the organisation's certificate is preselected.
    click_row(screen, qtbot, "to_trinh")
    seen = sign_by_mouse(screen, qtbot, P.USER_PIN, shot="sign_organisation")
    assert seen["chosen"] == P.COMMUNE
    qtbot.waitUntil(lambda: "đủ" in screen.state_table.item(1, 3).text(), timeout=20000)
    click_row(screen, qtbot, "to_trinh")
    assert not screen.sign_button.isEnabled()        # both signatures are there
    # The dossier shows the signed Tờ trình and says its signatures are valid.
    qtbot.waitUntil(lambda: screen.document_list.count() > 0, timeout=60000)
    screen.document_list.setCurrentRow(0)
    qtbot.waitUntil(lambda: screen.signature_report is not None, timeout=60000)
    assert screen.signature_report.ok
    assert "hợp lệ" in screen.signature_label.text() and P.CHAIRMAN in screen.signature_label.text()
    assert screen.files[0].read_bytes() == (session.paths.documents_dir / "Dot_01_lan_1"
                                            / "01_To_trinh.ky2.pdf").read_bytes()
    if SHOTS:
        screen.grab().save(str(SHOTS / "dossier_signed.png"))


def test_a_wrong_pin_is_told_and_nothing_is_signed(screen, qtbot, session):
    click_row(screen, qtbot, "to_trinh")
    doc = screen.signable["to_trinh"]
    dialog = SignDocumentDialog(screen.runner, doc, "Tờ trình", parent=screen)
    qtbot.addWidget(dialog)
    dialog.show()
    QTest.keyClicks(dialog.pin_edit, "000000")
    seen = answer_next_message(QMessageBox.Ok, timeout_ms=30000)
    qtbot.mouseClick(dialog.read_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(seen), timeout=30000)
    screen.runner.wait()
    assert "Mã PIN không đúng" in seen["text"] and "Chưa có tệp nào được ký" in seen["text"]
    assert "Mã PIN không đúng" in dialog.status.text()
    assert dialog.table.rowCount() == 0 and not dialog.sign_button.isEnabled()
    dialog.reject()
    assert dialog.pin_edit.text() == ""              # the PIN does not outlive the dialog
    docs = records.signable_documents(session, rounds.find_round(session, 1).id)
    assert all(not d.signatures for d in docs)
    assert not list((session.paths.documents_dir / "Dot_01_lan_1").glob("*.ky*.pdf"))


def test_settings_dialog_installs_a_root_and_shows_the_images(qtbot, runner, session, world):
    _k, tok, pem, base = world
    from desktop_app.core.demo import create_demo_commune
    create_demo_commune(session)
    dialog = SigningSettingsDialog(runner)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() <= 1366 and dialog.height() <= 728
    assert dialog.roots_table.rowCount() == 0
    dialog.import_root(str(pem / "root.pem"))
    runner.wait()
    qtbot.waitUntil(lambda: dialog.roots_table.rowCount() == 1)
    assert "Root CA thử nghiệm" in dialog.roots_table.item(0, 0).text()
    dialog.choose_image("seal", str(P.seal_png(base / "dau2.png")))
    runner.wait()
    qtbot.waitUntil(lambda: "con dấu" in dialog.images_label.text() or "dấu" in dialog.images_label.text())
    dialog.library_combo.setEditText(tok.library)
    if SHOTS:
        dialog.grab().save(str(SHOTS / "signing_settings.png"))
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
    runner.wait()
    assert records.signing_settings(session).library == tok.library


def test_the_receiving_level_sees_the_verdicts_of_the_signed_documents(qtbot, runner, session, world, tmp_path):
    k, tok, pem, base = world
    commune = open_workspace(tmp_path / "commune", secrets=SecretStore(InMemoryKeyring()))
    try:
        r = prepare(commune, world, images=False)
        from desktop_app.core.signatures import signing
        doc = next(d for d in records.signable_documents(commune, r.id) if d.code == "to_trinh")
        signing.sign_issued_document(commune, doc.document_id, role="personal", pin=P.USER_PIN,
                                     cka_id=k.personal.cka_id.hex())
        signing.sign_issued_document(commune, doc.document_id, role="organisation", pin=P.USER_PIN,
                                     cka_id=k.organisation.cka_id.hex())
        stick = tmp_path / "usb"
        stick.mkdir()
        written = export_round(commune, r.id, stick)
        signed_bytes = (commune.paths.documents_dir / "Dot_01_lan_1" / "01_To_trinh.ky2.pdf").read_bytes()
    finally:
        commune.close()
        session.activate()
    receiving.make_receiver_workspace(session)
    certificates.import_certificates(session, pem / "root.pem")
    certificates.import_certificates(session, pem / "intermediate.pem")
    done = receiving.receive_packet(session, written.path, trust_fingerprint=written.signer_fingerprint)
    assert done.record.outcome == "imported"
    screen = ReceivingScreen(runner)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    top = screen.tree.topLevelItem(0)
    rect = screen.tree.visualItemRect(top)
    qtbot.mouseClick(screen.tree.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: bool(screen.signature_reports), timeout=60000)
    texts = [screen.documents.item(i).text() for i in range(screen.documents.count())]
    tt = next(t for t in texts if t.startswith("01_To_trinh.pdf"))
    assert "Đã ký số, hợp lệ (2 chữ ký)" in tt
    bb = next(t for t in texts if t.startswith("04_Bien_ban") and ".pdf" in t)
    assert "Chưa ký số" in bb
    # The PDF travelled unchanged: the receiver's copy is the commune's signed file, byte for byte.
    path = next(Path(screen.documents.item(i).data(Qt.UserRole)) for i in range(screen.documents.count())
                if screen.documents.item(i).text().startswith("01_To_trinh.pdf"))
    assert path.read_bytes() == signed_bytes
    row = next(i for i in range(screen.documents.count())
               if screen.documents.item(i).text().startswith("01_To_trinh.pdf"))
    screen.documents.scrollToItem(screen.documents.item(row))
    rect = screen.documents.visualItemRect(screen.documents.item(row))
    qtbot.mouseClick(screen.documents.viewport(), Qt.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: P.CHAIRMAN in screen.signature_details.text())
    assert "Chữ ký hợp lệ" in screen.signature_details.text() and "+07:00" in screen.signature_details.text()
    if SHOTS:
        screen.grab().save(str(SHOTS / "receiving_signatures.png"))
    # The review team sees the same verdicts on the round it reviews.
    from desktop_app.ui.review_screen import ReviewScreen
    review = ReviewScreen(runner)
    qtbot.addWidget(review)
    review.resize(1366, 768)
    review.show()
    table = review.communes
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualItemRect(table.item(0, 1)).center())
    qtbot.waitUntil(lambda: "hợp lệ và tin cậy" in review.signatures.text(), timeout=60000)
    text = review.signatures.text()
    assert text.startswith("Chữ ký số: ") and "01_To_trinh.pdf: Đã ký số, hợp lệ (2 chữ ký)" in text, text
    assert "04_Bien_ban" not in text                       # unsigned documents are counted, not listed
