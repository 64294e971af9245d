"""A packet signed by one trusted commune must never rewrite another commune's records by reusing their uids."""
from __future__ import annotations

import json
import zipfile

from desktop_app.core.exchange import receiving
from desktop_app.core.exchange.keys import get_or_create_commune_key
from desktop_app.core.exchange.packets import PacketHeader, write_packet
from desktop_app.core.storage.models import Achievement, Commune
from tests.core.test_receiving import counts, packets, receiver, store  # noqa: F401 (fixtures)


def forged_packet(tmp_path, store, data: dict, code: str, name: str):  # noqa: F811
    """A correctly signed packet of commune `code` carrying `data` (only evidence-free data for brevity)."""
    key = get_or_create_commune_key(store, code)
    out = tmp_path / f"forged-{code}"
    out.mkdir()
    data = {**data, "evidence": []}
    header = PacketHeader(commune_code=code, commune_name=name, round_number=7, round_version=1, sequence=1,
                          previous_packet_sha256=None)
    return write_packet(out, files={}, data=data, header=header, key=key)


def packet_data(path) -> dict:
    with zipfile.ZipFile(path) as zf:
        top = zf.namelist()[0].split("/")[0]
        return json.loads(zf.read(f"{top}/data.json"))


def receive_trusted(session, packet):
    first = receiving.receive_packet(session, packet.path)
    if first.needs_confirmation:
        return receiving.confirm_and_import(session, first.record.id, trusted_by="Cán bộ tiếp nhận")
    return first


def test_other_commune_cannot_reuse_a_communes_uids(packets, receiver, store, tmp_path):  # noqa: F811
    done = receive_trusted(receiver, packets["p1"])
    assert done.outcome == receiving.IMPORTED
    receiver.activate()
    genuine = packet_data(packets["p1"].path)
    a_commune = Commune.get(Commune.admin_code == "02095")
    a_achievement_uid = genuine["achievements"][0]["uid"]
    before = Achievement.get(Achievement.uid == a_achievement_uid).title

    # Commune 02096, trusted on paper, sends data that claims commune 02095's commune uid.
    forged = dict(genuine)
    forged["commune"] = {**genuine["commune"], "code": "02096", "name": "Bằng Vân"}
    forged["round"] = {**genuine["round"], "uid": "f" * 32, "number": 7}
    result = receive_trusted(receiver, forged_packet(tmp_path, store, forged, "02096", "Bằng Vân"))
    assert result.outcome == receiving.REJECTED and result.record.reason == "import_failed"
    assert (receiver.paths.root / result.record.kept_path).parent == receiver.paths.quarantine_dir
    assert Commune.get_by_id(a_commune.id).admin_code == "02095" and Commune.get_by_id(a_commune.id).name == "Thượng Quan"

    # … or keeps its own commune uid but reuses one of 02095's achievement uids.
    forged["commune"] = {**genuine["commune"], "uid": "b" * 32, "code": "02096", "name": "Bằng Vân"}
    forged["participants"] = [{**p, "uid": "c" * 31 + str(i)} for i, p in enumerate(genuine["participants"])]
    mapping = {p["uid"]: "c" * 31 + str(i) for i, p in enumerate(genuine["participants"])}
    forged["achievements"] = [{**a, "participant_uid": mapping[a["participant_uid"]], "title": "Bị ghi đè"}
                              for a in genuine["achievements"]]
    for key in ("awards", "checklists", "nominees"):
        forged[key] = []
    store_b = tmp_path / "b"
    store_b.mkdir()
    result = receive_trusted(receiver, forged_packet(store_b, store, forged, "02096", "Bằng Vân"))
    assert result.outcome == receiving.REJECTED and result.record.reason == "import_failed"
    assert (receiver.paths.root / result.record.kept_path).parent == receiver.paths.quarantine_dir
    assert Achievement.get(Achievement.uid == a_achievement_uid).title == before


def test_a_gap_is_accepted_only_with_a_written_reason(packets, receiver):  # noqa: F811
    from desktop_app.core.errors import UserError
    from desktop_app.core.exchange.packets import format as fmt

    assert receive_trusted(receiver, packets["p1"]).outcome == receiving.IMPORTED
    gap = receiving.receive_packet(receiver, packets["p3"].path)  # sequence 2 was lost with a stick
    assert (gap.outcome, gap.record.verdict, gap.record.reason) == (receiving.REJECTED, fmt.OUT_OF_SEQUENCE,
                                                                    "sequence_gap")
    before = counts(receiver)
    try:
        receiving.accept_out_of_order(receiver, gap.record.id, "   ")
    except UserError as error:
        assert error.code == "receiving.order_reason_required"
    else:
        raise AssertionError("an empty reason was accepted")
    assert counts(receiver) == before
    done = receiving.accept_out_of_order(receiver, gap.record.id, "Đã gọi điện cho xã: gói số 2 mất cùng USB",
                                         accepted_by="Cán bộ tiếp nhận")
    assert done.outcome in (receiving.IMPORTED, receiving.SUPERSEDED)
    assert "gói số 2 mất cùng USB — Cán bộ tiếp nhận" in done.record.detail
    assert receiving.commune_state(receiver, "02095").last_sequence == 3
    # The record refused for its order is now the import itself: it cannot be accepted twice.
    try:
        receiving.accept_out_of_order(receiver, done.record.id, "lần nữa")
    except UserError as error:
        assert error.code == "receiving.not_out_of_order"
    else:
        raise AssertionError("accepted twice")
