"""The review at the province, on both engines: a received round moves through the states with the reasons where they
matter, the decision records the outcome per nominee, the return packets verify with sha256sum and openssl and are
refused when tampered, the audit log has every action and cannot be rewritten, the dashboard counts."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import peewee
import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.exchange import receiving, returns
from desktop_app.core.exchange.receiving import review as rv
from desktop_app.core.nominations import rounds
from desktop_app.core.storage.models import AuditLog
from desktop_app.core import vocabulary as v

from desktop_app.core.exchange.receiving.preview import preview_packet

from .test_receiving import counts, packets, receiver, store  # noqa: F401 (fixtures)


def pdf_file(folder: Path) -> Path:
    """A small real PDF standing for the signed decision of the Chủ tịch UBND tỉnh."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "quyet_dinh_123.pdf"
    path.write_bytes(returns._notice_pdf("QUYẾT ĐỊNH", ["Về việc tặng Bằng khen."], "00" * 32))
    return path


@pytest.fixture
def received(packets, receiver):  # noqa: F811
    done = receiving.receive_packet(receiver, packets["p1"].path, trust_fingerprint=packets["p1"].signer_fingerprint)
    assert done.outcome == receiving.IMPORTED
    [review] = rv.reviews_of_commune(receiver, "02095")
    return review


def test_a_received_round_moves_through_the_states_with_its_reasons(receiver, received, tmp_path):
    review = received
    assert review.state == v.RECEIVED
    with pytest.raises(UserError, match="Không thể chuyển"):   # not straight to ready
        rv.mark_ready(receiver, review.id)
    assert rv.start_review(receiver, review.id).state == v.UNDER_REVIEW
    nominees = rounds.nominees_of(receiver, review.round_id)
    with pytest.raises(UserError, match="lý do"):
        rv.request_more(receiver, review.id, [])
    with pytest.raises(UserError, match="lý do"):
        rv.request_more(receiver, review.id, [rv.ReturnReason("   ", nominees[0].id)])
    returned = rv.request_more(receiver, review.id, [rv.ReturnReason("Thiếu báo cáo thành tích", nominees[0].id),
                                                     rv.ReturnReason("Biên bản chưa ký", document="bien_ban.pdf")])
    assert returned.state == v.RETURNED and "Thiếu báo cáo" in returned.reason
    assert [(n.nominee_id, n.document) for n in rv.notes_of(receiver, review.id)] == [
        (nominees[0].id, ""), (None, "bien_ban.pdf")]
    # the notice goes down, signed; the round waits for the commune's corrected version
    notice = returns.write_return_packet(receiver, review.id, tmp_path / "out")
    check = returns.verify_return_packet(notice.path, notice.signer_fingerprint)
    assert check.manifest["kind"] == "bo_sung" and len(check.data["reasons"]) == 2
    assert check.data["reasons"][0]["nominee_uid"] == nominees[0].uid
    # reopened, ready, decided with an outcome for every nominee (a refusal needs its reason)
    rv.start_review(receiver, review.id)
    with pytest.raises(UserError, match="lý do"):
        rv.reopen(receiver, review.id, "")
    assert rv.mark_ready(receiver, review.id).state == v.READY
    pdf = pdf_file(tmp_path / "scan")
    outcomes = {n.id: (v.AWARDED, "") for n in nominees}
    with pytest.raises(UserError, match="mọi người"):
        rv.record_decision(receiver, review.id, number="123/QĐ-UBND", decided_on=date(2026, 3, 2), signer="Trịnh Việt Hùng",
                           signer_title="CHỦ TỊCH", outcomes=dict(list(outcomes.items())[1:]), decision_pdf=pdf)
    outcomes[nominees[-1].id] = (v.NOT_AWARDED, "")
    with pytest.raises(UserError, match="lý do"):
        rv.record_decision(receiver, review.id, number="123/QĐ-UBND", decided_on=date(2026, 3, 2), signer="Trịnh Việt Hùng",
                           signer_title="CHỦ TỊCH", outcomes=outcomes, decision_pdf=pdf)
    outcomes[nominees[-1].id] = (v.NOT_AWARDED, "Chưa đủ số năm hoàn thành xuất sắc nhiệm vụ")
    decision = rv.record_decision(receiver, review.id, number="123/QĐ-UBND", decided_on=date(2026, 3, 2),
                                  signer="Trịnh Việt Hùng", signer_title="CHỦ TỊCH", outcomes=outcomes, decision_pdf=pdf)
    assert rv.get_review(receiver, review.id).state == v.DECIDED
    assert {o.nominee_id: o.outcome for o in rv.outcomes_of(receiver, decision.id)} == {
        k: o for k, (o, _) in outcomes.items()}
    result = returns.write_return_packet(receiver, review.id, tmp_path / "out")
    assert rv.get_review(receiver, review.id).state == v.RESULT_SENT
    assert result.sequence == 2 and result.path.name == "SNV_tra_02095_002.zip"
    check = returns.verify_return_packet(result.path, result.signer_fingerprint)
    assert check.data["decision"]["number"] == "123/QĐ-UBND"
    assert {o["nominee_uid"]: o["outcome"] for o in check.data["outcomes"]} == {
        n.uid: outcomes[n.id][0] for n in nominees}
    assert check.documents["documents/quyet_dinh.pdf"] == pdf.read_bytes()
    # every action in the log, in order, with who
    actions = [a.action for a in rv.audit_log(receiver)]
    assert actions == ["import", "state:dang_tham_dinh", "state:can_bo_sung", "return:bo_sung", "state:dang_tham_dinh",
                       "state:du_dieu_kien", "decision", "state:da_co_quyet_dinh", "return:quyet_dinh",
                       "state:da_tra_ket_qua"]
    assert all(a.actor and a.at for a in rv.audit_log(receiver))
    with pytest.raises(UserError, match="Không thể chuyển"):  # nothing after the result went back
        rv.start_review(receiver, review.id)


def test_a_return_packet_verifies_with_stock_tools_and_is_refused_when_tampered(receiver, received, tmp_path):
    rv.start_review(receiver, received.id)
    rv.request_more(receiver, received.id, [rv.ReturnReason("Bổ sung ảnh minh chứng")])
    written = returns.write_return_packet(receiver, received.id, tmp_path / "out")
    folder = tmp_path / "unzipped"
    with zipfile.ZipFile(written.path) as zf:
        zf.extractall(folder)
    [top] = list(folder.iterdir())
    sums = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=top, capture_output=True, text=True)
    assert sums.returncode == 0 and sums.stdout.count(": OK") == 4, sums.stdout + sums.stderr
    sig = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signer.pem", "-rawin", "-in",
                          "SHA256SUMS", "-sigfile", "SHA256SUMS.sig"], cwd=top, capture_output=True, text=True)
    assert sig.returncode == 0 and "Signature Verified Successfully" in sig.stdout, sig.stdout + sig.stderr
    der = subprocess.run(["openssl", "pkey", "-pubin", "-in", "signer.pem", "-outform", "DER"], cwd=top,
                         capture_output=True, check=True).stdout
    assert hashlib.sha256(der).hexdigest() == written.signer_fingerprint
    text = subprocess.run(["pdftotext", str(top / "documents" / "thong_bao_bo_sung.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Bổ sung ảnh minh chứng" in text and "Dấu vân tay" in text
    # a changed byte, another key, an extra file: refused
    data = (top / "data.json").read_text(encoding="utf-8").replace("ảnh", "anh")
    (top / "data.json").write_text(data, encoding="utf-8")
    tampered = shutil.make_archive(str(tmp_path / "tampered"), "zip", folder)
    with pytest.raises(UserError, match="bị sửa đổi"):
        returns.verify_return_packet(tampered, written.signer_fingerprint)
    with pytest.raises(UserError, match="khóa"):
        returns.verify_return_packet(written.path, "ab" * 32)
    extra = tmp_path / "extra.zip"
    shutil.copy(written.path, extra)
    with zipfile.ZipFile(extra, "a") as zf:
        zf.writestr(f"{top.name}/run.exe", b"MZ")
    with pytest.raises(UserError, match="tệp lạ|loại tệp"):
        returns.verify_return_packet(extra, written.signer_fingerprint)


def test_the_audit_log_cannot_be_changed_or_emptied(receiver, received):
    assert rv.audit_log(receiver)
    with pytest.raises(peewee.DatabaseError, match="append-only"):
        with receiver.write():
            AuditLog.update(actor="someone else").execute()
    with pytest.raises(peewee.DatabaseError, match="append-only"):
        with receiver.write():
            AuditLog.delete().execute()
    assert [a.action for a in rv.audit_log(receiver)] == ["import"]


def test_the_state_cannot_say_decided_without_a_decision(receiver, received):
    rv.start_review(receiver, received.id)
    rv.mark_ready(receiver, received.id)
    with pytest.raises(peewee.DatabaseError, match="needs its decision"):
        with receiver.write():
            type(received).update(state=v.DECIDED).where(type(received).id == received.id).execute()


def test_the_dashboard_shows_every_commune_with_its_rounds_and_officer(receiver, received):
    rv.add_officer(receiver, "can_bo_a", "Nguyễn Thị A")
    rv.assign_commune(receiver, "02095", "can_bo_a")
    rv.assign_commune(receiver, "02096", "can_bo_a")   # assigned before its first packet
    rows = {r.code: r for r in rv.dashboard(receiver)}
    assert set(rows) == {"02095", "02096"}
    assert (rows["02095"].waiting, rows["02095"].returned, rows["02095"].officer) == (1, 0, "Nguyễn Thị A")
    assert rows["02095"].last_sequence == 1 and rows["02095"].last_packet_at
    assert rows["02096"].waiting == 0 and rows["02096"].last_packet_at == ""
    rv.start_review(receiver, received.id)
    rv.request_more(receiver, received.id, [rv.ReturnReason("Thiếu hồ sơ")])
    assert [r.code for r in rv.dashboard(receiver, state=v.RETURNED)] == ["02095"]
    assert [r.code for r in rv.dashboard(receiver, search="0209")] == ["02095", "02096"]


def test_a_dry_run_says_what_an_import_would_do_and_writes_nothing(packets, receiver):  # noqa: F811
    first = preview_packet(receiver, packets["p1"].path)
    assert first.verdict == "untrusted_signer" and not first.would_import   # the paper fingerprint first
    receiving.trust_key(receiver, "02095", packets["p1"].signer_fingerprint, trusted_by="giấy")
    before = counts(receiver)
    preview = preview_packet(receiver, packets["p1"].path)
    assert preview.would_import and preview.new_commune and preview.superseded == []
    assert preview.added["nominee"] == len(packets["expected"]) and preview.updated["nominee"] == 0
    assert preview.added["participant"] > 0 and preview.updated["participant"] == 0
    assert counts(receiver) == before and receiving.received_packets(receiver) == []
    receiving.receive_packet(receiver, packets["p1"].path)
    receiving.receive_packet(receiver, packets["p2"].path)
    again = preview_packet(receiver, packets["p1"].path)
    assert again.verdict == "duplicate" and not again.would_import
    correction = preview_packet(receiver, packets["p3"].path)
    assert correction.would_import and not correction.new_commune
    assert correction.updated["participant"] == preview.added["participant"] and correction.added["participant"] == 0
    assert correction.added["nomination_round"] == 1 and len(correction.superseded) == 1
    assert "1" in correction.superseded[0]


def test_the_province_publishes_its_rules_pack_signed_with_its_own_key(receiver, tmp_path):  # noqa: F811
    import json

    from desktop_app.core.nominations import rules_pack
    from desktop_app.core.resources import resource_path

    sample = json.loads(resource_path("rules_packs", "tinh_mau_gia_dinh.json").read_text(encoding="utf-8"))
    signed = returns.publish_rules_pack(receiver, sample["pack"], tmp_path / "quy-dinh.json")
    assert signed.fingerprint == returns.province_key(receiver).fingerprint
    assert rules_pack.read_pack_file(tmp_path / "quy-dinh.json").deadlines == signed.deadlines
    # a byte changed in the published file: the communes' reader refuses it
    text = (tmp_path / "quy-dinh.json").read_text(encoding="utf-8")
    (tmp_path / "bad.json").write_text(text.replace('"version": 1', '"version": 2', 1), encoding="utf-8")
    with pytest.raises(UserError):
        rules_pack.read_pack_file(tmp_path / "bad.json")
    assert [a.action for a in rv.audit_log(receiver)] == ["rules_pack"]
