"""Receiving packets: first contact on paper, idempotent import, duplicates, corrections superseding, tampered and
hostile packets quarantined with their reason, sequence order, key rotation, a removed stick, the size bound."""
from __future__ import annotations

import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.exchange import receiving
from desktop_app.core.exchange.keys import KEY_ENTRY, rotate_key
from desktop_app.core.exchange.packets import format as fmt
from desktop_app.core.nominations import rounds
from desktop_app.core.register import communes
from desktop_app.core.storage.models import EvidenceFile
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from tests.core.test_exports import demo_round, export, opened

TABLES = ("commune", "participant", "achievement", "evidence_file", "award", "checklist", "nomination_round",
          "nominee", "council_meeting", "award_decision", "trusted_key", "imported_round")


def counts(where) -> dict[str, int]:
    """Rows per table of a receiving workspace: an open session (either engine), or a SQLite workspace folder."""
    if hasattr(where, "db"):
        return {t: where.db.execute_sql(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    conn = sqlite3.connect(where / "sothidua.sqlite3")
    try:
        return {t: conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        conn.close()


@pytest.fixture
def store():
    """The commune's keyring (in memory)."""
    return SecretStore(InMemoryKeyring())


@pytest.fixture
def packets(tmp_path, store):
    """Three packets of the demo commune: round 1 (seq 1), sent again (seq 2), corrected as version 2 (seq 3)."""
    with opened(tmp_path / "commune", store) as ws:
        r1 = demo_round(ws)
        p1 = export(ws, r1, tmp_path / "usb1")
        p2 = export(ws, r1, tmp_path / "usb2")
        v2 = rounds.new_version(ws, r1.id, "Sửa biên bản")
        v2_nominee = rounds.nominees_of(ws, v2.id)[0]
        rounds.set_votes(ws, v2_nominee.id, 8, 0, 0)
        p3 = export(ws, v2, tmp_path / "usb3")
        expected = sorted((n.participant.name, n.award_form, n.votes_for, n.votes_against)
                          for n in rounds.nominees_of(ws, r1.id))
    return {"p1": p1, "p2": p2, "p3": p3, "expected": expected, "store": store}


@pytest.fixture
def receiver(tmp_path, receiver_database):
    """The receiving level's workspace (Sở Nội vụ), opened after the commune's (the models are bound to it): on
    SQLite, and again on a PostgreSQL server (its files in the shared folder tmp_path/receiver)."""
    with opened(tmp_path / "receiver", database=receiver_database) as ws:
        assert ws.is_postgres == (receiver_database is not None)
        receiving.make_receiver_workspace(ws)
        yield ws.activate()


def workspace_args(ws) -> list[str]:
    """The command line's arguments naming the receiving workspace `ws` (its folder, and its server database)."""
    return ["--data-dir", str(ws.paths.root)] + (["--database", ws.db.database] if ws.is_postgres else [])


def nominees_at(session, round_) -> list:
    return sorted((n.participant.name, n.award_form, n.votes_for, n.votes_against)
                  for n in rounds.nominees_of(session, round_.id))


def test_first_contact_waits_for_the_paper_fingerprint_then_imports(packets, receiver):
    before = counts(receiver)
    result = receiving.receive_packet(receiver, packets["p1"].path)
    assert result.needs_confirmation and result.first_contact
    assert result.record.verdict == fmt.UNTRUSTED_SIGNER and result.record.reason == "first_contact"
    assert result.record.signer_fingerprint == packets["p1"].signer_fingerprint
    assert counts(receiver) == before  # nothing imported, nothing trusted
    kept = receiver.paths.root / result.record.kept_path
    assert kept.parent == receiver.paths.quarantine_dir and kept.is_file()

    done = receiving.confirm_and_import(receiver, result.record.id, trusted_by="Cán bộ A")
    assert done.outcome == receiving.IMPORTED and done.record.verdict == fmt.VALID
    key = receiving.trusted_keys(receiver, "02095")
    assert [(k.fingerprint, k.how, k.trusted_by) for k in key] == [(packets["p1"].signer_fingerprint, "paper", "Cán bộ A")]
    assert not kept.exists() and (receiver.paths.root / done.record.kept_path).parent == receiver.paths.inbox_dir / "packets"
    [round_] = receiving.imported_rounds(receiver)
    assert (round_.number, round_.version, round_.status) == (1, 1, "sent")
    assert nominees_at(receiver, round_) == packets["expected"]
    commune = round_.commune
    assert commune.is_home is False and commune.admin_code == "02095" and commune.name == "Thượng Quan"
    assert communes.home_commune(receiver) is None
    meeting = rounds.meeting_of(receiver, round_.id)
    assert (meeting.members_total, meeting.members_present) == (9, 8)
    assert [d.number for d in rounds.decisions_of(receiver, round_.id)] == ["18/QĐ-UBND"]
    # documents and evidence viewable at the receiver
    docs = receiving.round_document_files(receiver, round_.id)
    assert any(p.suffix == ".pdf" for p in docs) and all(p.is_file() for p in docs)
    receiver.activate()
    assert EvidenceFile.select().count() > 0
    for ev in EvidenceFile.select():
        assert (receiver.paths.evidence_dir / ev.stored_name).is_file()


def test_the_same_packet_twice_changes_nothing(packets, receiver):
    first = receiving.receive_packet(receiver, packets["p1"].path, trust_fingerprint=packets["p1"].signer_fingerprint)
    assert first.outcome == receiving.IMPORTED
    before = counts(receiver)
    again = receiving.receive_packet(receiver, packets["p1"].path)
    assert again.outcome == receiving.DUPLICATE_OUTCOME and again.record.verdict == fmt.DUPLICATE
    assert "gửi lại trùng" in receiving.record_verdict_label(again.record).lower()
    assert counts(receiver) == before
    assert again.record.kept_path == first.record.kept_path  # the same bytes are kept once
    # the re-exported packet (new id, next sequence) imports the same records: still nothing new
    resent = receiving.receive_packet(receiver, packets["p2"].path)
    assert resent.outcome == receiving.IMPORTED
    assert counts(receiver) == before
    assert len(receiving.received_packets(receiver)) == 3


def test_corrected_round_replaces_its_predecessor_visibly(packets, receiver):
    fp = packets["p1"].signer_fingerprint
    receiving.receive_packet(receiver, packets["p1"].path, trust_fingerprint=fp)
    receiving.receive_packet(receiver, packets["p2"].path)
    result = receiving.receive_packet(receiver, packets["p3"].path)
    assert result.outcome == receiving.IMPORTED and result.replaced == ["Đợt 1 (lần 1) của xã Thượng Quan"]
    rounds_here = {(r.version, r.status) for r in receiving.imported_rounds(receiver)}
    assert rounds_here == {(1, "superseded"), (2, "sent")}
    v2 = next(r for r in receiving.imported_rounds(receiver) if r.version == 2)
    assert v2.supersedes is not None and v2.supersedes.version == 1
    assert v2.correction_reason == "Sửa biên bản"
    assert [r.version for r in receiving.imported_rounds(receiver, include_superseded=False)] == [2]
    report = receiving.ImportReport([result])
    assert "1 đợt được thay thế" in report.summary() and "Thay thế" in report.text()


def test_tampered_packet_is_quarantined_with_its_reason(packets, receiver, tmp_path):
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(packets["p1"].path) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename.endswith("data.json"):
                content = content.replace("Thượng Quan".encode(), "Thượng Quán".encode(), 1)
            dst.writestr(info, content)
    # Nothing of a packet is read beyond its signed manifest before the signer is trusted: from a commune whose
    # key is not trusted yet, it waits for the paper comparison (and is found tampered when it is confirmed).
    first = receiving.receive_packet(receiver, bad)
    assert (first.outcome, first.record.verdict) == (receiving.NEEDS_CONFIRMATION, fmt.UNTRUSTED_SIGNER)
    receiving.reject_pending(receiver, first.record.id)
    receiving.trust_key(receiver, "02095", packets["p1"].signer_fingerprint, trusted_by="test")
    before = counts(receiver)
    result = receiving.receive_packet(receiver, bad)
    assert result.outcome == receiving.REJECTED
    assert (result.record.verdict, result.record.reason) == (fmt.TAMPERED, "hash_mismatch")
    assert receiving.record_verdict_label(result.record) == "Tệp bị sửa đổi"
    kept = receiver.paths.root / result.record.kept_path
    assert kept.parent == receiver.paths.quarantine_dir and kept.read_bytes() == bad.read_bytes()
    assert counts(receiver) == before
    assert [r.verdict for r in receiving.received_packets(receiver)] == [fmt.TAMPERED, fmt.UNTRUSTED_SIGNER]
    assert not any(p.name != "packets" and not p.name.startswith(".") for p in receiver.paths.inbox_dir.iterdir())


def test_hostile_zip_from_the_stick_writes_nothing_outside_the_inbox(receiver, tmp_path):
    evil = tmp_path / "evil.zip"
    with zipfile.ZipFile(evil, "w") as zf:
        zf.writestr("p/../../escaped.txt", "x")
        zf.writestr("p/SHA256SUMS", "")
    result = receiving.receive_packet(receiver, evil)
    assert (result.record.verdict, result.record.reason, result.outcome) == (fmt.MALFORMED, "unsafe_path",
                                                                              receiving.REJECTED)
    assert not (tmp_path / "escaped.txt").exists() and not (receiver.paths.root / "escaped.txt").exists()


def test_out_of_sequence_gap_then_in_order(packets, receiver):
    fp = packets["p1"].signer_fingerprint
    receiving.receive_packet(receiver, packets["p1"].path, trust_fingerprint=fp)
    gap = receiving.receive_packet(receiver, packets["p3"].path)  # packet 2 is missing
    assert (gap.record.verdict, gap.record.reason, gap.outcome) == (fmt.OUT_OF_SEQUENCE, "sequence_gap",
                                                                    receiving.REJECTED)
    assert receiving.record_verdict_label(gap.record) == "Sai thứ tự"
    assert [r.version for r in receiving.imported_rounds(receiver)] == [1]
    assert receiving.receive_packet(receiver, packets["p2"].path).outcome == receiving.IMPORTED
    assert receiving.receive_packet(receiver, packets["p3"].path).outcome == receiving.IMPORTED
    # a replay of an older packet under a new name
    assert receiving.receive_packet(receiver, packets["p1"].path).outcome == receiving.DUPLICATE_OUTCOME


def test_receive_many_orders_by_sequence(packets, receiver):
    receiving.trust_key(receiver, "02095", packets["p1"].signer_fingerprint, trusted_by="test")
    report = receiving.receive_many(receiver, [packets["p3"].path, packets["p1"].path, packets["p2"].path])
    assert [r.outcome for r in report.results] == [receiving.IMPORTED] * 3
    assert report.count(receiving.IMPORTED) == 3 and len(report.superseded_rounds) == 1


def test_rotation_announced_by_the_trusted_key_is_accepted(tmp_path, store):
    with opened(tmp_path / "commune", store) as ws:
        r1 = demo_round(ws)
        p1 = export(ws, r1, tmp_path / "a")
        rotate_key(ws, "02095")
        p2 = export(ws, r1, tmp_path / "b")
        # lost old key: a fresh key without announcement
        store.delete(KEY_ENTRY.format(code="02095"))
        store.delete("commune-key-rotation/02095")
        p3 = export(ws, r1, tmp_path / "c")
    assert len({p1.signer_fingerprint, p2.signer_fingerprint, p3.signer_fingerprint}) == 3
    with opened(tmp_path / "receiver") as ws:
        receiving.make_receiver_workspace(ws)
        receiving.receive_packet(ws, p1.path, trust_fingerprint=p1.signer_fingerprint)
        rotated = receiving.receive_packet(ws, p2.path)
        assert rotated.outcome == receiving.IMPORTED and rotated.record.reason == "rotation_accepted"
        assert {(k.fingerprint, k.how) for k in receiving.trusted_keys(ws, "02095")} == {
            (p1.signer_fingerprint, "paper"), (p2.signer_fingerprint, "rotation")}
        unknown = receiving.receive_packet(ws, p3.path)
        assert unknown.needs_confirmation and not unknown.first_contact
        assert unknown.record.reason == "unknown_signer"
        # the officer typed a different fingerprint from the paper: refused, nothing trusted
        with pytest.raises(UserError) as err:
            receiving.confirm_and_import(ws, unknown.record.id, fingerprint=p1.signer_fingerprint)
        assert err.value.code == "receiving.fingerprint_differs"
        assert len(receiving.trusted_keys(ws, "02095")) == 2
        refused = receiving.reject_pending(ws, unknown.record.id)
        assert refused.outcome == receiving.REJECTED and receiving.record_reason_text(refused)


def test_wrong_trust_fingerprint_trusts_nothing(packets, receiver):
    with pytest.raises(UserError) as err:
        receiving.receive_packet(receiver, packets["p1"].path, trust_fingerprint="ab" * 32)
    assert err.value.code == "receiving.fingerprint_differs" and "KHÁC" in str(err.value)
    assert receiving.trusted_keys(receiver) == [] and receiving.imported_rounds(receiver) == []
    [pending] = receiving.pending_confirmations(receiver)
    assert pending.signer_fingerprint == packets["p1"].signer_fingerprint


def test_removed_stick_is_a_clear_message(receiver, tmp_path):
    with pytest.raises(UserError) as err:
        receiving.receive_packet(receiver, tmp_path / "gone" / "02095_dot1_20260205_001.zip")
    assert err.value.code == "packets.read_failed" and "rút ra" in str(err.value)
    assert receiving.received_packets(receiver) == []


def test_oversized_file_is_not_copied_but_recorded(receiver, tmp_path):
    big = tmp_path / "big.zip"
    big.write_bytes(b"\0" * 5000)
    result = receiving.receive_packet(receiver, big, limits=fmt.Limits(max_packet_bytes=1000))
    assert (result.record.verdict, result.record.reason, result.record.file_size) == (fmt.MALFORMED, "too_large", 5000)
    assert result.record.kept_path == "" and not list(receiver.paths.quarantine_dir.glob("*"))


def test_commune_workspace_refuses_to_become_a_receiver(workspace, commune):
    with pytest.raises(UserError) as err:
        receiving.make_receiver_workspace(workspace)
    assert err.value.code == "receiving.commune_workspace"
    with pytest.raises(UserError):
        receiving.receive_packet(workspace, workspace.paths.database)


def test_scan_finds_packets_on_a_stick(tmp_path, packets):
    stick = tmp_path / "stick"
    (stick / "HoSo").mkdir(parents=True)
    shutil.copyfile(packets["p1"].path, stick / "HoSo" / "02095_dot1_20260205_001.zip")
    (stick / ".sothidua-x.zip.partial").write_bytes(b"x")
    (stick / ".hidden.zip").write_bytes(b"x")
    (stick / "note.txt").write_text("x")
    (stick / "broken.zip").write_bytes(b"x")  # not even a zip: not a packet
    assert [p.name for p in receiving.scan_for_packets([stick])] == ["02095_dot1_20260205_001.zip"]
