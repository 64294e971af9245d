"""Issue 11, seen items 4–7 and 9: communes isolated from each other (packet ids, campaigns, cross-references), keys
retired by a rotation, one receiver at a time, nothing half-written after a failed import."""
from __future__ import annotations

import base64
import json
import signal
import subprocess
import sys
import uuid
from datetime import datetime, timedelta
from pathlib import Path

import peewee
import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.exchange import receiving
from desktop_app.core.exchange.keys import KeyRotation, get_commune_key, get_or_create_commune_key, rotate_key
from desktop_app.core.exchange.packets import PacketHeader, check_packet, write_packet
from desktop_app.core.exchange.packets import format as fmt
from desktop_app.core.storage.models import AwardDecision, Campaign, ReceivedPacket
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore

from .crafting import forge
from .test_exports import demo_round, export, opened
from .test_packets import DATA, read_entries
from .test_receiving import counts, packets, receiver, store, workspace_args  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]


def other_commune_packet(tmp_path: Path, store, code: str = "02096", *, campaign: dict | None = None,
                         changes=None, sequence: int = 1, previous: str | None = None, name: str = "a"):
    """A small genuine packet of another commune (Bằng Vân, 02096), signed by its own key."""
    key = get_or_create_commune_key(store, code)
    data = json.loads(json.dumps(DATA))
    data["commune"] = {"uid": code.rjust(32, "a"), "code": code, "name": "Xã Bằng Vân"}
    data["round"]["uid"] = f"{code}{name}".rjust(32, "r")
    data["participants"][0]["uid"] = f"{code}{name}".rjust(32, "p")
    data["nominees"][0].update(uid=f"{code}{name}".rjust(32, "n"), participant_uid=data["participants"][0]["uid"])
    if campaign is not None:
        data["campaign"] = campaign
    if changes:
        changes(data)
    out = tmp_path / f"other-{code}-{name}"
    out.mkdir(parents=True, exist_ok=True)
    header = PacketHeader(code, "Xã Bằng Vân", 1, 1, sequence, previous)
    return write_packet(out, files={}, data=data, header=header, key=key), key


def trusted_receive(session, path, fingerprint):
    result = receiving.receive_packet(session, path)
    if result.needs_confirmation:
        result = receiving.confirm_and_import(session, result.record.id, fingerprint=fingerprint, trusted_by="test")
    return result


# ----- 4. a trusted commune cannot pre-empt another's packet ------------------------------------------------

def test_another_commune_reusing_a_packet_id_does_not_preempt_the_genuine_packet(packets, receiver, store,
                                                                                  tmp_path):
    """Seen 4: commune A sent a packet with B's next packet id; B's genuine packet then said "Gửi lại trùng"
    (exit 0, not imported) and B's next packet failed as a gap."""
    fp_b = packets["p1"].signer_fingerprint
    assert trusted_receive(receiver, packets["p1"].path, fp_b).outcome == receiving.IMPORTED
    stolen_id = packets["p2"].packet_id
    a_written, a_key = other_commune_packet(tmp_path, store)
    a_forged = forge(a_written.path, a_key, tmp_path / "a-forged.zip",
                     manifest=lambda m: m.update(packet_id=stolen_id))
    a_result = trusted_receive(receiver, a_forged, a_key.fingerprint)
    assert a_result.outcome == receiving.IMPORTED  # A's own packet, under A's code
    b2 = receiving.receive_packet(receiver, packets["p2"].path)
    assert (b2.outcome, b2.record.verdict) == (receiving.IMPORTED, fmt.VALID), b2.record.reason
    b3 = receiving.receive_packet(receiver, packets["p3"].path)
    assert b3.outcome == receiving.IMPORTED
    assert receiving.commune_state(receiver, "02095").last_sequence == 3
    # Each packet has its own extracted folder, named by its commune.
    assert (receiver.paths.root / b2.record.extracted_path).name == f"02095_{stolen_id}"
    assert (receiver.paths.root / a_result.record.extracted_path).name == f"02096_{stolen_id}"


def test_the_same_id_with_other_bytes_is_a_conflict_refused(packets, receiver, tmp_path):
    """A duplicate is the same commune and the same file; the same id with anything else is a conflict (exit 1)."""
    fp = packets["p1"].signer_fingerprint
    assert trusted_receive(receiver, packets["p1"].path, fp).outcome == receiving.IMPORTED
    key = get_commune_key(packets["store"], "02095")
    changed = forge(packets["p1"].path, key, tmp_path / "changed.zip",
                    manifest=lambda m: m.update(created_at="2026-02-06T10:00:00+07:00"))
    before = counts(receiver)
    result = receiving.receive_packet(receiver, changed)
    assert (result.outcome, result.record.verdict, result.record.reason) == (
        receiving.REJECTED, fmt.CONFLICT, "packet_id_conflict")
    assert counts(receiver) == before
    again = receiving.receive_packet(receiver, packets["p1"].path)
    assert (again.outcome, again.record.verdict) == (receiving.DUPLICATE_OUTCOME, fmt.DUPLICATE)
    # The command line says so with exit 1.
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "receive", str(changed), *workspace_args(receiver)],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1 and "Trùng mã gói" in proc.stdout, proc.stdout + proc.stderr


# ----- 5. keys: a rotation retires the old key ---------------------------------------------------------------

def _announcement(old_key, new_key, code: str, at: str) -> dict:
    sig = old_key.sign(KeyRotation.statement(code, old_key.fingerprint, new_key.fingerprint, at))
    return KeyRotation(code, old_key.fingerprint, new_key.fingerprint, old_key.public_key_pem,
                       new_key.public_key_pem, at, base64.b64encode(sig).decode()).to_dict()


def test_a_rotation_retires_the_old_key(tmp_path, store):
    """Seen 5: rotation never retired the old key, and an old key could announce further keys, trusted without
    any officer."""
    with opened(tmp_path / "commune", store) as ws:
        r1 = demo_round(ws)
        p1 = export(ws, r1, tmp_path / "a")
        old_key = get_commune_key(store, "02095")          # a thief copied it before the rotation
        rotation = rotate_key(ws, "02095")
        p2 = export(ws, r1, tmp_path / "b")
    later = (datetime.fromisoformat(rotation.announced_at) + timedelta(days=1)).isoformat()
    with opened(tmp_path / "receiver") as ws:
        receiving.make_receiver_workspace(ws)
        assert receiving.receive_packet(ws, p1.path, trust_fingerprint=p1.signer_fingerprint).outcome == "imported"
        assert receiving.receive_packet(ws, p2.path).record.reason == "rotation_accepted"
        keys = {k.fingerprint: k for k in receiving.trusted_keys(ws, "02095")}
        assert keys[old_key.fingerprint].retired_at == rotation.announced_at
        assert keys[old_key.fingerprint].replaced_by == p2.signer_fingerprint
        # The old key signs a packet made after the rotation: not the commune's.
        late = forge(p1.path, old_key, tmp_path / "late.zip", manifest=lambda m: m.update(
            packet_id=str(uuid.uuid4()), created_at=later, sequence=3, previous_packet_sha256=p2.sha256))
        result = receiving.receive_packet(ws, late)
        assert (result.outcome, result.record.verdict, result.record.reason) == (
            receiving.REJECTED, fmt.UNTRUSTED_SIGNER, "retired_key")
        # The retired key announces a key of its own: refused, nothing trusted.
        thief = get_or_create_commune_key(SecretStore(InMemoryKeyring()), "02095")
        announced = forge(p1.path, thief, tmp_path / "thief.zip", manifest=lambda m: m.update(
            packet_id=str(uuid.uuid4()), created_at=later, sequence=3, previous_packet_sha256=p2.sha256,
            key_rotation=_announcement(old_key, thief, "02095", later)))
        assert check_packet(announced).is_valid  # cryptographically fine: the old key did sign the announcement
        result = receiving.receive_packet(ws, announced)
        assert (result.outcome, result.record.reason) == (receiving.REJECTED, "retired_announcer")
        assert thief.fingerprint not in {k.fingerprint for k in receiving.trusted_keys(ws, "02095")}


def test_a_second_key_without_announcement_needs_its_own_confirmation(tmp_path, store):
    with opened(tmp_path / "commune", store) as ws:
        r1 = demo_round(ws)
        p1 = export(ws, r1, tmp_path / "a")
        store.delete("commune-signing-key/02095")            # the PC died with the key: a fresh one
        p2 = export(ws, r1, tmp_path / "b")
    with opened(tmp_path / "receiver") as ws:
        receiving.make_receiver_workspace(ws)
        receiving.receive_packet(ws, p1.path, trust_fingerprint=p1.signer_fingerprint)
        with pytest.raises(UserError) as err:  # the first-contact confirmation is not enough
            receiving.receive_packet(ws, p2.path, trust_fingerprint=p2.signer_fingerprint)
        assert err.value.code == "receiving.second_key_needs_confirmation"
        assert fmt.shown_escaped(str(err.value)).count("SHA256:") == 1 and "KHÁC" in str(err.value)
        [pending] = receiving.pending_confirmations(ws)
        with pytest.raises(UserError):  # naming a key that is not the trusted one does not do either
            receiving.confirm_and_import(ws, pending.id, second_key_over=p2.signer_fingerprint)
        done = receiving.confirm_and_import(ws, pending.id, second_key_over=p1.signer_fingerprint, trusted_by="A")
        assert done.outcome == receiving.IMPORTED
        keys = {k.fingerprint: k for k in receiving.trusted_keys(ws, "02095")}
        assert keys[p1.signer_fingerprint].retired_at == p2.created_at
        assert "khóa thứ hai" in keys[p2.signer_fingerprint].trusted_by
    # The command line: --second-key-over, exit 3 and the separate wording without it.
    with opened(tmp_path / "receiver2") as ws:
        receiving.make_receiver_workspace(ws)
        receiving.receive_packet(ws, p1.path, trust_fingerprint=p1.signer_fingerprint)
    cmd = [sys.executable, str(ROOT / "main.py"), "receive", str(p2.path), "--data-dir", str(tmp_path / "receiver2")]
    first = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert first.returncode == 3 and "--second-key-over" in first.stderr, first.stderr
    done = subprocess.run(cmd + ["--trust-fingerprint", p2.signer_fingerprint, "--second-key-over",
                                 p1.signer_fingerprint], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


# ----- 6. one receiver at a time -------------------------------------------------------------------------------

HOLD = """
import sys, time
sys.path.insert(0, {root!r})
from desktop_app.core.exchange.receiving import receiver_lock
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.workspace import open_workspace
s = open_workspace({ws!r}, secrets=SecretStore(InMemoryKeyring()))
with receiver_lock(s):
    print("held", flush=True)
    time.sleep(60)
"""


# A workspace on one PC has one receiver at a time; on a PostgreSQL server several officers receive at once by
# design (each commune's packets one at a time: tests/core/test_province_server.py).
@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
def test_a_second_receiver_is_told_who_holds_the_workspace_and_a_crash_frees_it(packets, receiver):
    """Seen 6: two receives at once (two windows, or window and command line) gave two "imported" records."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD.format(root=str(ROOT), ws=str(receiver.paths.root))],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(UserError) as err:
            receiving.receive_packet(receiver, packets["p1"].path)
        assert err.value.code == "receiving.busy" and f"tiến trình {holder.pid}" in str(err.value)
        assert receiving.current_holder(receiver).pid == holder.pid
        assert receiving.received_packets(receiver) == []
    finally:
        holder.send_signal(signal.SIGKILL)  # a crash: the lock file stays, naming a dead holder
        holder.wait()
        holder.stdout.close()
    assert (receiver.paths.root / "receiving.lock").read_bytes()  # still says who held it …
    assert receiving.current_holder(receiver) is None             # … but nobody does
    assert receiving.receive_packet(receiver, packets["p1"].path).needs_confirmation


def test_two_receives_of_the_same_packet_at_once_import_it_once(packets, receiver):
    fp = packets["p1"].signer_fingerprint
    receiving.trust_key(receiver, "02095", fp, trusted_by="test")
    # on PostgreSQL: officers on several PCs, no workspace lock, the commune's lock on the server
    cmd = [sys.executable, str(ROOT / "main.py"), "receive", str(packets["p1"].path), *workspace_args(receiver)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
             for _ in range(3)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        # imported, or a duplicate of it (exit 0), or told that another receiver holds the workspace (exit 2);
        # on PostgreSQL all three run at once and each ends imported or duplicate
        busy = not receiver.is_postgres and p.returncode == 2 and "đang được một cửa sổ hoặc lệnh khác" in err
        assert p.returncode == 0 or busy, out + err
    outcomes = sorted(r[0] for r in receiver.db.execute_sql("SELECT outcome FROM received_packet"))
    assert outcomes.count("imported") == 1 and set(outcomes) <= {"imported", "duplicate"}, outcomes
    if receiver.is_postgres:
        assert len(outcomes) == 3, outcomes


def test_the_database_refuses_a_second_accepted_record_of_a_packet(receiver):
    values = dict(packet_id="p", commune_code="02095", verdict="valid", file_sha256="x", file_size=1,
                  original_name="a.zip", kept_path="", outcome="imported", received_at="2026-01-01T00:00:00+07:00")
    with receiver.write():
        ReceivedPacket.create(**values)
        ReceivedPacket.create(**dict(values, commune_code="02096"))   # another commune's id space
        ReceivedPacket.create(**dict(values, outcome="rejected"))     # a refused copy is only a record
    with pytest.raises(peewee.IntegrityError):
        with receiver.write():
            ReceivedPacket.create(**dict(values, file_sha256="y"))


# ----- 7. cross-commune integrity ---------------------------------------------------------------------------------

def test_campaigns_are_shared_reference_data_no_packet_creates_or_changes(packets, receiver, store, tmp_path):
    """Seen 7: campaign codes were global and the first writer won (one commune's fake campaign appeared on
    another's round)."""
    fake = {"code": "KH-GIA-MAO", "number": "01/KH-GM", "title": "Phong trào giả mạo của xã A"}
    a, a_key = other_commune_packet(tmp_path, store, "02096", campaign=fake)
    b, b_key = other_commune_packet(tmp_path, store, "02097", campaign=dict(fake, title="Kế hoạch thật của xã B"))
    shared_title = Campaign.get(Campaign.code == "KH-635-2022-BK").title
    c, c_key = other_commune_packet(tmp_path, store, "02098",
                                    campaign={"code": "KH-635-2022-BK", "title": "Đổi tên phong trào"})
    results = [trusted_receive(receiver, p.path, k.fingerprint) for p, k in ((a, a_key), (b, b_key), (c, c_key))]
    assert [r.outcome for r in results] == [receiving.IMPORTED] * 3
    titles = {r.record.commune_code: r.record.round.campaign for r in results}
    assert titles["02096"].title == "Phong trào giả mạo của xã A"
    assert titles["02097"].title == "Kế hoạch thật của xã B"           # its own copy, never A's
    assert titles["02096"].id != titles["02097"].id
    assert titles["02098"].code == "KH-635-2022-BK" and titles["02098"].title == shared_title  # unchanged
    assert Campaign.get(Campaign.code == "KH-635-2022-BK").title == shared_title


def test_cross_references_stay_inside_the_commune(packets, receiver, store, tmp_path):
    """Seen 7: supersedes_uid could point at another commune's round; a decision reusing another's uid was
    dropped silently."""
    fp = packets["p1"].signer_fingerprint
    assert trusted_receive(receiver, packets["p1"].path, fp).outcome == receiving.IMPORTED
    b_data = json.loads(next(c for i, c in read_entries(packets["p1"].path) if i.filename.endswith("/data.json")))
    b_round_uid = b_data["round"]["uid"]
    b_decision = b_data["decisions"][0]
    key = get_or_create_commune_key(store, "02096")
    cases = {
        "supersedes": lambda d: d["round"].update(version=2, supersedes_uid=b_round_uid),
        "decision": lambda d: d.update(decisions=[dict(b_decision)]),
    }
    for name, change in cases.items():
        written, _ = other_commune_packet(tmp_path, store, "02096", changes=change, name=name)
        before = counts(receiver)
        result = trusted_receive(receiver, written.path, key.fingerprint)
        assert (result.outcome, result.record.reason) == (receiving.REJECTED, "import_failed"), name
        assert counts(receiver) == dict(before, trusted_key=1), name
    assert AwardDecision.get(AwardDecision.uid == b_decision["uid"]).round.commune.admin_code == "02095"


# ----- 9. nothing half-written ------------------------------------------------------------------------------------

def test_a_failed_import_leaves_no_new_evidence_no_folder_and_no_wal_files(packets, receiver, tmp_path):
    """Seen 9: new evidence stayed after a failed import; -wal/-shm files were left in backups/ after each import."""
    key = get_commune_key(packets["store"], "02095")
    receiving.trust_key(receiver, "02095", key.fingerprint, trusted_by="test")
    data = json.loads(next(c for i, c in read_entries(packets["p1"].path) if i.filename.endswith("/data.json")))
    data["participants"][-1]["category"] = "khong_co"  # refused by the database, after the evidence is copied
    bad = forge(packets["p1"].path, key, tmp_path / "bad.zip", data=json.dumps(data).encode())
    evidence_before = sorted(p for p in receiver.paths.evidence_dir.rglob("*"))
    result = receiving.receive_packet(receiver, bad)
    assert (result.outcome, result.record.reason) == (receiving.REJECTED, "import_failed")
    assert sorted(p for p in receiver.paths.evidence_dir.rglob("*")) == evidence_before
    assert [p.name for p in receiver.paths.inbox_dir.iterdir() if p.name not in ("packets", ".incoming")] == []
    assert list((receiver.paths.inbox_dir / "packets").glob("*")) == []  # the packet went to quarantine
    good = receiving.receive_packet(receiver, packets["p1"].path)
    assert good.outcome == receiving.IMPORTED
    leftovers = [p.name for p in receiver.paths.backups_dir.iterdir() if p.name.endswith(("-wal", "-shm", ".partial"))]
    assert leftovers == []


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)  # SQLite's own temporary files
def test_sqlite_keeps_temporary_data_inside_the_workspace(receiver):
    """Seen 9: SQLite wrote temporary files with packet data outside the workspace (temp_store): sorts, temporary
    indexes and statement journals stay in memory on every connection, the runner's threads' included."""
    assert receiver.db.execute_sql("PRAGMA temp_store").fetchone()[0] == 2  # MEMORY
    seen = []

    def on_a_thread():
        with receiver.connection():
            seen.append(receiver.db.execute_sql("PRAGMA temp_store").fetchone()[0])

    import threading

    worker = threading.Thread(target=on_a_thread)
    worker.start()
    worker.join()
    assert seen == [2]


def test_an_unexpected_error_is_recorded_with_its_log_reference_and_the_batch_goes_on(packets, receiver,
                                                                                      monkeypatch, caplog):
    """No exception drops a packet: whatever goes wrong inside, the packet gets a recorded verdict with a
    Vietnamese reason and the reference of its log entry, its copy goes to quarantine, nothing is half-written,
    and the batch goes on."""
    from desktop_app.core.exchange.receiving import intake

    receiving.trust_key(receiver, "02095", packets["p1"].signer_fingerprint, trusted_by="test")
    real = intake.import_round_data
    calls = []

    def broken_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a bug nobody foresaw")
        return real(*args, **kwargs)

    monkeypatch.setattr(intake, "import_round_data", broken_once)
    report = receiving.receive_many(receiver, [packets["p1"].path, packets["p2"].path])
    first, second = report.results
    assert (first.outcome, first.record.verdict, first.record.reason) == (receiving.REJECTED, fmt.ERROR,
                                                                          "internal_error")
    assert receiving.record_reason_text(first.record) and receiving.record_verdict_label(first.record) == \
        "Không xử lý được"
    ref = first.record.detail.rsplit("mã nhật ký ", 1)[1]
    assert "a bug nobody foresaw" in first.record.detail and ref in caplog.text
    assert (receiver.paths.root / first.record.kept_path).parent == receiver.paths.quarantine_dir
    # The next packet of the batch was received (and, with nothing of the commune accepted yet, imported).
    assert (second.outcome, second.record.verdict) == (receiving.IMPORTED, fmt.VALID)
    assert [p.name for p in receiver.paths.inbox_dir.iterdir() if p.name not in ("packets", ".incoming")] == [
        (receiver.paths.root / second.record.extracted_path).name]  # only the imported one's folder
