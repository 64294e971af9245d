"""Issue 11, seen items 1, 2 and 8: every input is verified or refused within 150 MB above the idle process and 5 s
— before and after trust — no exception drops a packet from a batch, and no file that is not a regular one of
bounded size is copied or parsed. Each case runs in a child process whose address space and CPU time are capped
(tests/core/budget.py)."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop_app.core.exchange.keys import get_or_create_commune_key

from .budget import MB, assert_within_budget, needs_proc, within_budget
from .crafting import forge, many_entries_zip, nested_lists
from .test_packets import CODE, build_packet, make_store, read_entries

pytestmark = needs_proc


@pytest.fixture(scope="module")
def genuine(tmp_path_factory):
    """A genuine packet of commune 01234, its key, and another commune's key (a stranger to the receiver)."""
    tmp = tmp_path_factory.mktemp("genuine")
    written, key = build_packet(tmp)
    stranger = get_or_create_commune_key(make_store(), CODE)
    return written.path, key, stranger


def test_millions_of_entries_are_refused_from_the_end_record(tmp_path):
    """Seen 1: zipfile parsed the whole central directory (4.5 GB, 68 s) before "too many files"."""
    bomb = many_entries_zip(tmp_path / "many.zip", 1_500_000)
    assert bomb.stat().st_size > 60 * MB
    for mode in ("check", "receive"):
        [r] = within_budget(tmp_path, mode, [bomb])
        assert_within_budget([r])
        assert (r["verdict"], r["reason"]) == ("malformed", "too_many_files"), r


def test_huge_data_json_signed_by_anyone_costs_nothing_before_the_trust_verdict(tmp_path, genuine):
    """Seen 1: a 60 MiB data.json of nested empty lists, signed by any key, cost 3.1 GB and 30 s before the
    "untrusted signer" verdict; signed by a trusted key it was imported at 4.7 GB."""
    base, key, stranger = genuine
    big = forge(base, stranger, tmp_path / "big-stranger.zip", data=nested_lists(60 * MB), stored=("data.json",))
    big_trusted = forge(base, key, tmp_path / "big-trusted.zip", data=nested_lists(60 * MB), stored=("data.json",))
    under = forge(base, key, tmp_path / "under-limit.zip", data=nested_lists(15 * MB), stored=("data.json",))
    # Untrusted at the receiver: judged on the signed manifest, data.json never read.
    results = within_budget(tmp_path, "receive", [big], workspace=tmp_path / "r1")
    assert_within_budget(results)
    assert (results[0]["verdict"], results[0]["outcome"]) == ("untrusted_signer", "needs_confirmation")
    # `verify` (no trust at all) and a trusted receiver: refused, within the budget.
    results = within_budget(tmp_path, "check", [big, under])
    assert_within_budget(results)
    assert [(r["verdict"], r["reason"]) for r in results] == [("malformed", "too_large"), ("malformed", "bad_json")]
    results = within_budget(tmp_path, "receive", [big_trusted, under], workspace=tmp_path / "r2",
                            trust=[(CODE, key.fingerprint)])
    assert_within_budget(results)
    assert [(r["verdict"], r["reason"], r["outcome"]) for r in results] == [
        ("malformed", "too_large", "rejected"), ("malformed", "bad_json", "rejected")]


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "link-to-dev-zero", "folder"])
def test_non_regular_files_are_refused_at_once(tmp_path, kind):
    """Seen 8: receive on a FIFO, /dev/zero or a symlink to it hung."""
    path = tmp_path / f"{kind}.zip"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "dev-zero":
        path = Path("/dev/zero")
    elif kind == "link-to-dev-zero":
        path.symlink_to("/dev/zero")
    else:
        path.mkdir()
    for mode in ("check", "receive"):
        [r] = within_budget(tmp_path, mode, [path], workspace=tmp_path / "receiver")
        assert_within_budget([r])
        assert (r["verdict"], r["reason"]) == ("malformed", "not_regular"), r
    incoming = tmp_path / "receiver" / "inbox" / ".incoming"
    assert not incoming.exists() or list(incoming.iterdir()) == []


def test_an_oversize_file_is_refused_before_a_byte_is_copied(tmp_path):
    """Seen 8: hundreds of MB were copied into the workspace before the size refusal."""
    big = tmp_path / "02095_dot1_20260205_001.zip"
    with open(big, "wb") as fh:  # sparse: 700 MB that take no disk
        fh.truncate(700 * MB)
    results = within_budget(tmp_path, "receive", [big], workspace=tmp_path / "receiver")
    assert_within_budget(results)
    assert (results[0]["verdict"], results[0]["reason"], results[0]["outcome"]) == ("malformed", "too_large",
                                                                                   "rejected")
    assert results[0]["written"] < MB  # the record, not a copy of the file


def test_a_batch_goes_on_after_every_hostile_packet(tmp_path, genuine):
    """Seen 2: a lone surrogate in the manifest, a name that is not UTF-8 on the stick, integers ≥ 2⁶³, checklist
    answers of the wrong type — each stopped the window's batch; packets after it were never received."""
    base, key, _ = genuine
    data = json.loads(next(c for i, c in read_entries(base) if i.filename.endswith("/data.json")))
    stick = tmp_path / "stick"
    stick.mkdir()
    huge_int = dict(data, nominees=[dict(data["nominees"][0], votes_for=2 ** 63)])
    wrong_answers = dict(data, checklists=[{"uid": "k" * 32, "participant_uid": data["participants"][0]["uid"],
                                            "set_id": "x", "answers": ["met", 3]}])
    cases = [
        forge(base, key, stick / "01234_dot1_20260205_001.zip",
              manifest=lambda m: m["commune"].update(name="Xã \ud800 Tân Lập")),
        forge(base, key, stick / "01234_dot1_20260205_002.zip", data=json.dumps(huge_int).encode()),
        forge(base, key, stick / "01234_dot1_20260205_003.zip", data=json.dumps(wrong_answers).encode()),
    ]
    bad_name = os.fsencode(stick) + b"/01234_dot1_20260205_004_\xff\xfe.zip"
    with open(bad_name, "wb") as fh:
        fh.write(cases[0].read_bytes())
    genuine_copy = stick / "01234_dot1_20260205_009.zip"
    genuine_copy.write_bytes(base.read_bytes())
    sources = [*cases, Path(os.fsdecode(bad_name)), genuine_copy]

    ws_root = tmp_path / "receiver"
    [batch] = within_budget(tmp_path, "batch", sources, workspace=ws_root, trust=[(CODE, key.fingerprint)],
                            cpu_seconds=30)
    assert "crash" not in batch, batch
    results = {r["name"][len("01234_dot1_20260205_"):][:3]: r for r in batch["results"]}
    assert sorted(results) == ["001", "002", "003", "004", "009"], batch
    assert {k: (r["outcome"], r["reason"]) for k, r in results.items()} == {
        "001": ("rejected", "bad_manifest"), "002": ("rejected", "bad_data"), "003": ("rejected", "bad_data"),
        "004": ("rejected", "bad_manifest"), "009": ("imported", None)}
    assert "\\udcff" in results["004"]["name"]  # the name that is not UTF-8, kept escaped
    # Nothing half-written: every refused packet kept once in quarantine, no extracted folder but the genuine one.
    inbox = ws_root / "inbox"
    folders = [p for p in inbox.iterdir() if p.is_dir() and p.name not in ("packets", ".incoming")]
    assert len(folders) == 1
    assert not (inbox / ".incoming").exists() or list((inbox / ".incoming").iterdir()) == []
    assert len(list((ws_root / "quarantine").iterdir())) == 4


def test_a_genuine_packet_imports_within_the_budget(tmp_path, genuine):
    """The control: a genuine packet is received within the same budget."""
    base, key, _ = genuine
    results = within_budget(tmp_path, "receive", [base], workspace=tmp_path / "receiver",
                            trust=[(CODE, key.fingerprint)], warm=[base])
    assert_within_budget(results)
    assert results[0]["outcome"] == "imported"

