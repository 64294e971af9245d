"""The commune receives the province's signed return packet (issue 15 with issue 16's format): the province's key
trusted on paper first, the decision landing once in the round and the award history, a notice reopening the round
with its reasons, a tampered packet, a packet for another commune and a conflicting sequence refused — nothing
changed by any refusal."""
from __future__ import annotations

import shutil
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core import vocabulary as v
from desktop_app.core.errors import UserError
from desktop_app.core.fingerprints import format_fingerprint
from desktop_app.core.exchange import receiving, returns
from desktop_app.core.exchange import return_intake as intake
from desktop_app.core.exchange.receiving import review as rv
from desktop_app.core.nominations import outcomes, rounds
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.models import Award, AwardDecision, Commune
from desktop_app.core.storage.secrets import SecretStore
from tests.core.test_exports import demo_round, export, opened

from .test_province_review import pdf_file

DECISION = "123/QĐ-UBND"


def rows(db: Path) -> dict[str, int]:
    """Rows of the tables an import may change, read from the file itself."""
    conn = sqlite3.connect(db)
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("award", "award_decision", "nominee_outcome", "nomination_round", "nominee", "setting")}
    finally:
        conn.close()


def province_answers(ws, tmp_path: Path, province_store: SecretStore) -> dict:
    """The commune (open session `ws`) sends round 1; the Sở Nội vụ (a workspace in tmp_path/province) receives it,
    asks for more (return packet 1), then decides (return packet 2): one Bằng khen refused with its reason, every
    other nominee awarded."""
    r1 = demo_round(ws)
    sent = export(ws, r1, tmp_path / "usb")
    with opened(tmp_path / "province", province_store) as so:
        receiving.make_receiver_workspace(so)
        receiving.receive_packet(so, sent.path, trust_fingerprint=sent.signer_fingerprint)
        [review] = rv.reviews_of_commune(so, "02095")
        nominees = rounds.nominees_of(so, review.round_id)
        rv.start_review(so, review.id)
        first = next(n for n in nominees if n.award_form == "bang_khen_tinh")
        rv.request_more(so, review.id, [rv.ReturnReason("Thiếu báo cáo thành tích có xác nhận", first.id),
                                        rv.ReturnReason("Biên bản chưa có chữ ký thư ký", document="bien_ban.pdf")])
        notice = returns.write_return_packet(so, review.id, tmp_path / "usb-back")
        rv.start_review(so, review.id)
        rv.mark_ready(so, review.id)
        refused = next(n for n in nominees if n.award_form == "bang_khen_tinh" and n.id != first.id)
        decided = {n.id: (v.AWARDED, "") for n in nominees}
        decided[refused.id] = (v.NOT_AWARDED, "Chưa đủ hai năm liền hoàn thành xuất sắc nhiệm vụ")
        rv.record_decision(so, review.id, number=DECISION, decided_on=date(2026, 5, 20), signer="Trịnh Việt Hùng",
                           signer_title="CHỦ TỊCH", outcomes=decided, decision_pdf=pdf_file(tmp_path / "scan"))
        decision = returns.write_return_packet(so, review.id, tmp_path / "usb-back")
        forms = {n.participant.name: n.award_form for n in nominees}
    ws.activate()
    return {"notice": notice, "decision": decision, "round_uid": r1.uid, "first": first.participant.name,
            "refused": refused.participant.name, "forms": forms, "province_store": province_store}


@pytest.fixture
def world(tmp_path):
    commune_store = SecretStore(InMemoryKeyring())
    with opened(tmp_path / "commune", commune_store) as ws:
        made = province_answers(ws, tmp_path, SecretStore(InMemoryKeyring()))
    return dict(made, commune=tmp_path / "commune", store=commune_store)


def test_the_first_packet_waits_for_the_fingerprint_compared_on_paper(world):
    db = world["commune"] / "sothidua.sqlite3"
    before = rows(db)
    with opened(world["commune"], world["store"]) as ws:
        with pytest.raises(UserError) as asked:
            intake.import_return_packet(ws, world["decision"].path)
        assert asked.value.code == "returns.confirm_fingerprint"
        assert format_fingerprint(world["decision"].signer_fingerprint) in str(asked.value)
        with pytest.raises(UserError) as wrong:
            intake.import_return_packet(ws, world["decision"].path, trust_fingerprint="ab" * 32)
        assert wrong.value.code == "rules_pack.fingerprint_mismatch"
    assert rows(db) == before          # nothing written by a refusal


def test_the_decision_lands_once_in_the_round_and_the_award_history(world):
    db = world["commune"] / "sothidua.sqlite3"
    with opened(world["commune"], world["store"]) as ws:
        done = intake.import_return_packet(ws, world["decision"].path,
                                           trust_fingerprint=world["decision"].signer_fingerprint)
        assert done.kind == "quyet_dinh" and not done.duplicate and done.decision_number == DECISION
        bang_khen = [n for n, f in world["forms"].items() if f == "bang_khen_tinh"]
        assert (done.awarded, done.not_awarded) == (len(bang_khen) - 1, 1)
        assert done.skipped == len(world["forms"]) - len(bang_khen)   # the commune's Giấy khen: its own decision
        # the decision, from the packet, with its PDF kept byte for byte
        decision = AwardDecision.get(AwardDecision.number == DECISION)
        assert (decision.source, decision.level, decision.award_form) == ("return_packet", "tinh", "bang_khen_tinh")
        assert decision.decided_on == date(2026, 5, 20) and decision.signer == "Trịnh Việt Hùng"
        kept = ws.paths.root / decision.file_name
        with zipfile.ZipFile(world["decision"].path) as zf:
            sent_pdf = zf.read(f"{world['decision'].path.stem}/documents/quyet_dinh.pdf")
        assert kept.read_bytes() == sent_pdf
        # every outcome in the round (the latest version: the notice was not imported, so version 1)
        rows_ = {o.name: o for o in outcomes.outcomes_of(ws, rounds.find_round(ws, 1).id)}
        assert rows_[world["refused"]].outcome == v.NOT_AWARDED
        assert rows_[world["refused"]].reason == "Chưa đủ hai năm liền hoàn thành xuất sắc nhiệm vụ"
        awarded = [n for n in bang_khen if n != world["refused"]]
        assert all(rows_[n].outcome == v.AWARDED and rows_[n].decision_number == DECISION for n in awarded)
        # in each awarded participant's history, linked to the decision row
        history = Award.select().where((Award.decision == decision) & Award.archived_at.is_null())
        assert sorted(a.participant.name for a in history) == sorted(awarded)
        assert all(a.decision_number == DECISION and a.year == 2026 for a in history)
        giay_khen = next(n for n, f in world["forms"].items() if f == "giay_khen")
        assert rows_[giay_khen].decision_number == "18/QĐ-UBND"     # untouched
        after = rows(db)
        again = intake.import_return_packet(ws, world["decision"].path)   # the key is trusted now
        assert again.duplicate
    assert rows(db) == after


def test_a_notice_reopens_the_round_and_the_decision_after_it_lands_in_the_correction(world):
    fp = world["notice"].signer_fingerprint
    with opened(world["commune"], world["store"]) as ws:
        done = intake.import_return_packet(ws, world["notice"].path, trust_fingerprint=fp)
        assert (done.kind, done.reasons, done.round_version) == ("bo_sung", 2, 2)
        newest = rounds.find_round(ws, 1)
        assert newest.version == 2 and "bien_ban.pdf: Biên bản chưa có chữ ký thư ký" in newest.correction_reason
        reasons = {o.name: o.return_reason for o in outcomes.outcomes_of(ws, newest.id)}
        assert reasons[world["first"]] == "Thiếu báo cáo thành tích có xác nhận"
        assert sum(1 for r in reasons.values() if r) == 1
        assert (ws.paths.root / done.document).read_bytes().startswith(b"%PDF-")
        # the decision about version 1 lands in version 2 (the commune's current one)
        decided = intake.import_return_packet(ws, world["decision"].path)
        assert decided.round_version == 2 and decided.missing_sequences == ()
        landed = {o.name: o.outcome for o in outcomes.outcomes_of(ws, newest.id)}
        assert landed[world["refused"]] == v.NOT_AWARDED and landed[world["first"]] == v.AWARDED


def test_a_packet_out_of_order_is_imported_and_the_missing_one_named(world):
    with opened(world["commune"], world["store"]) as ws:
        done = intake.import_return_packet(ws, world["decision"].path,
                                           trust_fingerprint=world["decision"].signer_fingerprint)
        assert done.sequence == 2 and done.missing_sequences == (1,)


def test_tampered_foreign_and_conflicting_packets_are_refused_and_change_nothing(world, tmp_path):
    db = world["commune"] / "sothidua.sqlite3"
    fp = world["decision"].signer_fingerprint
    good = world["decision"].path
    # one byte of data.json changed
    tampered = tmp_path / "tampered.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tampered, "w") as out:
        for info in src.infolist():
            content = src.read(info)
            if info.filename.endswith("data.json"):
                content = content.replace(DECISION.encode(), b"124/Q\xc4\x90-UBND")
            out.writestr(info, content)
    not_zip = tmp_path / "SNV_tra_02095_009.zip"
    not_zip.write_bytes(b"PK\x03\x04 not really")
    before = rows(db)
    with opened(world["commune"], world["store"]) as ws:
        for path, words in ((tampered, "tệp bị sửa đổi: data.json"), (not_zip, "không phải tệp ZIP"),
                            (tmp_path / "gone.zip", "Gói trả kết quả bị từ chối")):
            with pytest.raises(UserError, match=words):
                intake.import_return_packet(ws, path, trust_fingerprint=fp)
    assert rows(db) == before
    # a packet written for another commune
    other = tmp_path / "other"
    shutil.copytree(world["commune"], other)
    with opened(other, world["store"]) as ws:
        Commune.update(admin_code="02096").where(Commune.id == ws.home_commune().id).execute()
        with pytest.raises(UserError, match="mã 02095, không phải xã này"):
            intake.import_return_packet(ws, good, trust_fingerprint=fp)
    # another packet of the same province with a sequence already used: a conflict
    with opened(world["commune"], world["store"]) as ws:
        intake.import_return_packet(ws, world["notice"].path, trust_fingerprint=fp)
    with opened(tmp_path / "province2", world["province_store"]) as so:   # the same key, its own numbering
        receiving.make_receiver_workspace(so)
        sent = next((tmp_path / "usb").glob("*.zip"))
        receiving.receive_packet(so, sent, trust_fingerprint=_commune_fp(sent))
        [review] = rv.reviews_of_commune(so, "02095")
        rv.start_review(so, review.id)
        rv.request_more(so, review.id, [rv.ReturnReason("Thiếu ảnh minh chứng")])
        clash = returns.write_return_packet(so, review.id, tmp_path / "clash")
    assert clash.sequence == 1
    middle = rows(db)
    with opened(world["commune"], world["store"]) as ws:
        with pytest.raises(UserError, match="cùng số thứ tự 1"):
            intake.import_return_packet(ws, clash.path)
    assert rows(db) == middle


def _commune_fp(packet: Path) -> str:
    return intake.packet_signer(packet)


def test_the_command_line_receives_it_after_the_fingerprint_is_given(world, tmp_path):
    from .test_packets_e2e import private_env, run_cli

    env = private_env(tmp_path)
    packet = world["decision"].path
    first = run_cli("import-return", packet, "--data-dir", world["commune"], env=env)
    assert first.returncode == 3, first.stdout + first.stderr
    assert format_fingerprint(world["decision"].signer_fingerprint) in first.stderr
    done = run_cli("import-return", packet, "--trust-fingerprint", format_fingerprint(world["decision"].signer_fingerprint),
                   "--data-dir", world["commune"], env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"Đã nhận quyết định số {DECISION} ngày 20/05/2026 cho đợt đề nghị số 1 (lần 1)." in done.stdout
    assert "Chưa nhận gói trả kết quả số 1 của Sở" in done.stdout          # the notice went elsewhere
    again = run_cli("import-return", packet, "--data-dir", world["commune"], env=env)
    assert again.returncode == 0 and "đã được nhận trước đây" in again.stdout
