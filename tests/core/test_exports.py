"""Export of a round as a signed packet: content of data.json, documents and evidence, sequence and chain,
the export record, lock as sent, corrections superseding, and failures (no keyring, full stick, cancel)."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import zipfile
from contextlib import contextmanager
from pathlib import Path

import msgspec
import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserCancelled, UserError
from desktop_app.core.exchange import sending as exports
from desktop_app.core.exchange.packets import check_packet
from desktop_app.core.nominations import rounds
from desktop_app.core.storage.models import Commune, NominationRound
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.storage.session import Session
from desktop_app.core.workspace import open_workspace

# ----- helpers shared with test_receiving.py and test_packets_e2e.py ----------------------------------------


@contextmanager
def opened(root: Path, secrets: SecretStore | None = None, database: str | None = None):
    """Open a workspace (keys in memory unless `secrets` is given) for the duration of the block. Several may be
    open at once: the service functions bind the models to the session they are given. database: a receiving
    workspace's PostgreSQL URL (its files stay in `root`)."""
    session = open_workspace(root, secrets=secrets or SecretStore(InMemoryKeyring()), database=database)
    try:
        yield session
    finally:
        session.close()


def demo_round(session: Session) -> NominationRound:
    """The demo commune's round 1 (nine nominees, council votes, a Giấy khen decision, evidence)."""
    if session.home_commune() is None:
        create_demo_commune(session)
    return rounds.find_round(session, 1)


def export(session: Session, round_, out: Path, **kw):
    """Export a round (a row or its id) with the session's key into `out`."""
    out.mkdir(parents=True, exist_ok=True)
    return exports.export_round(session, getattr(round_, "id", round_), out, **kw)


def read_zip_json(path: Path, name: str) -> dict:
    with zipfile.ZipFile(path) as zf:
        top = zf.namelist()[0].split("/")[0]
        return json.loads(zf.read(f"{top}/{name}"))


def status_of(session: Session, round_id: int) -> str:
    return rounds.require_round(session, round_id).status


# ----- tests ------------------------------------------------------------------------------------------------

def test_export_writes_everything_the_receiver_needs(workspace, tmp_path):
    round_ = demo_round(workspace)
    written = export(workspace, round_, tmp_path / "usb")
    assert written.path.name.startswith("02095_dot1_") and written.path.name.endswith("_001.zip")
    check = check_packet(written.path)
    assert check.is_valid and check.signer_fingerprint == written.signer_fingerprint
    data = msgspec.to_builtins(check.data)  # the typed data.json, as plain JSON values
    assert data["data_version"] == exports.DATA_VERSION
    assert data["commune"]["code"] == "02095" and data["commune"]["name"] == "Thượng Quan"
    assert data["campaign"]["code"] == "KH-635-2022-BK"
    assert data["round"]["number"] == 1 and data["round"]["version"] == 1 and data["round"]["uid"] == round_.uid
    names = {p["uid"]: p["name"] for p in data["participants"]}
    assert sorted(names[n["participant_uid"]] for n in data["nominees"]) == sorted(
        n.participant.name for n in rounds.nominees_of(workspace, round_.id))
    assert len(data["nominees"]) == 9
    assert data["council_meeting"]["members_total"] == 9 and data["council_meeting"]["members_present"] == 8
    long = next(v for v in data["council_votes"]
                if names[next(n["participant_uid"] for n in data["nominees"] if n["uid"] == v["nominee_uid"])]
                == "Mã Văn Long")
    assert (long["votes_for"], long["votes_against"], long["passed"]) == (3, 4, False)
    assert data["decisions"] and data["decisions"][0]["number"] == "18/QĐ-UBND"
    assert data["checklists"] and all(c["set_snapshot"] and c["set_fingerprint"] for c in data["checklists"])
    assert {(s["id"], s["version"]) for s in data["criteria_sets"]} >= {("giay_khen.ca_nhan", 2)}
    assert any(a["code"] == rounds.GIAY_KHEN == "giay_khen" and a["decision_number"] == "18/QĐ-UBND" for a in data["awards"])
    assert data["achievements"]
    # evidence: listed in data.json with the path it has in the packet, and the answers point at it by uid
    assert data["evidence"] and set(e["path"] for e in data["evidence"]) <= set(check.files)
    ev_uids = {e["uid"] for e in data["evidence"]}
    linked = {u for c in data["checklists"] for a in c["answers"].values() for u in a.get("evidence_uids", [])}
    assert linked and linked <= ev_uids
    # documents: issued with the packet
    docs = [f for f in check.files if f.startswith("documents/")]
    assert any(f.endswith(".pdf") for f in docs) and any(f.endswith(".docx") for f in docs)
    assert {d["path"] for d in data["documents"]} == set(docs)
    # recorded and locked
    record = exports.exports_of(workspace, round_.id)
    assert [(r.packet_id, r.sequence, r.sha256) for r in record] == [(written.packet_id, 1, written.sha256)]
    assert record[0].written_to == str(tmp_path / "usb") and record[0].signer_fingerprint == written.signer_fingerprint
    assert status_of(workspace, round_.id) == "sent"


def test_no_private_key_in_the_packet_or_the_workspace(workspace, keyring_backend, tmp_path):
    round_ = demo_round(workspace)
    written = export(workspace, round_, tmp_path / "usb")
    pem = next(iter(keyring_backend.entries.values()))
    secret = pem.split("-----")[2].strip()
    assert secret and secret.encode() not in written.path.read_bytes()
    for path in workspace.paths.root.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path


def test_sequence_and_chain_across_exports_and_rounds(workspace, tmp_path):
    round_ = demo_round(workspace)
    first = export(workspace, round_, tmp_path / "a")
    again = export(workspace, round_, tmp_path / "b")  # the stick was lost: send again
    m1, m2 = read_zip_json(first.path, "manifest.json"), read_zip_json(again.path, "manifest.json")
    assert (m1["sequence"], m1["previous_packet_sha256"]) == (1, None)
    assert (m2["sequence"], m2["previous_packet_sha256"]) == (2, first.sha256)
    assert m1["packet_id"] != m2["packet_id"] and m1["signer"] == m2["signer"]


def test_corrected_round_supersedes_the_sent_packet(workspace, tmp_path):
    round_ = demo_round(workspace)
    v1 = export(workspace, round_, tmp_path / "a")
    v2_round = rounds.new_version(workspace, round_.id, "Sửa số phiếu của một người")
    v2 = export(workspace, v2_round, tmp_path / "b")
    manifest = read_zip_json(v2.path, "manifest.json")
    data = read_zip_json(v2.path, "data.json")
    assert manifest["supersedes_packet_id"] == v1.packet_id
    assert manifest["round"] == {"number": 1, "version": 2}
    assert data["round"]["supersedes_uid"] == round_.uid
    assert data["round"]["correction_reason"] == "Sửa số phiếu của một người"
    with pytest.raises(UserError) as err:  # the old version cannot be sent any more
        export(workspace, round_.id, tmp_path / "c")
    assert err.value.code == "rounds.superseded"


def test_no_keyring_stops_with_a_clear_message_and_changes_nothing(workspace, tmp_path):
    from keyring.backends import fail

    round_ = demo_round(workspace)
    out = tmp_path / "usb"
    workspace.secrets = SecretStore(fail.Keyring())
    with pytest.raises(UserError) as err:
        export(workspace, round_, out)
    assert err.value.code == "keys.no_keyring" and "kho khóa" in str(err.value)
    assert list(out.iterdir()) == []
    assert exports.exports_of(workspace, round_.id) == []
    assert status_of(workspace, round_.id) == "draft"


def test_commune_without_code_cannot_export(workspace, tmp_path):
    round_ = demo_round(workspace)
    with workspace.write():
        Commune.update(admin_code="").where(Commune.id == workspace.home_commune().id).execute()
    with pytest.raises(UserError) as err:
        export(workspace, round_, tmp_path / "usb")
    assert err.value.code == "exports.no_commune_code"


def test_cancel_leaves_nothing_and_records_nothing(workspace, tmp_path):
    round_ = demo_round(workspace)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 3

    out = tmp_path / "usb"
    with pytest.raises(UserCancelled):
        export(workspace, round_, out, cancelled=cancelled)
    assert [p for p in out.iterdir()] == []
    assert exports.exports_of(workspace, round_.id) == [] and status_of(workspace, round_.id) == "draft"


def test_read_only_folder_is_a_clear_message(workspace, tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders; the full-tmpfs test covers write failures")
    round_ = demo_round(workspace)
    out = tmp_path / "ro"
    out.mkdir()
    out.chmod(0o500)
    try:
        with pytest.raises(UserError) as err:
            export(workspace, round_, out)
        assert err.value.code == "packets.not_writable"
    finally:
        out.chmod(0o700)


def _tmpfs_problem() -> str | None:
    if os.geteuid() != 0:
        return "needs root to mount a size-limited tmpfs (mount -t tmpfs -o size=300k)"
    if shutil.which("mount") is None:
        return "no mount command"
    return None


@pytest.mark.skipif(_tmpfs_problem() is not None, reason=str(_tmpfs_problem()))
def test_full_stick_leaves_no_valid_packet_and_a_retry_elsewhere_succeeds(workspace, tmp_path):
    round_ = demo_round(workspace)
    stick = tmp_path / "stick"
    stick.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=300k", "tmpfs", str(stick)], capture_output=True,
                       text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount tmpfs here: {r.stderr.strip()}")
    try:
        (stick / "filler.bin").write_bytes(os.urandom(200 * 1024))  # a stick already mostly full
        with pytest.raises(UserError) as err:
            export(workspace, round_, stick)
        assert err.value.code == "packets.disk_full" and "đầy" in str(err.value)
        left = [p.name for p in stick.iterdir()]
        assert left == ["filler.bin"], left
        assert exports.exports_of(workspace, round_.id) == []
        assert status_of(workspace, round_.id) == "draft"
    finally:
        subprocess.run(["umount", str(stick)], check=True)
    written = export(workspace, round_, tmp_path / "other")
    assert check_packet(written.path).is_valid and written.sequence == 1
    assert status_of(workspace, round_.id) == "sent"


def test_a_copy_of_every_sent_packet_stays_in_the_outbox(tmp_path):
    with opened(tmp_path / "commune") as ws:
        round_ = demo_round(ws)
        written = export(ws, round_, tmp_path / "usb")
        kept = ws.paths.outbox_dir / written.path.name
        assert kept.read_bytes() == written.path.read_bytes()  # the same file can be sent again
        assert not list(ws.paths.outbox_dir.glob("*.part*"))  # no temporary copy left behind
