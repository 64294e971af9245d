"""Fuzzing every decoder of files that come from outside — backup manifests, backup zips (restore), campaign files,
document templates, criteria sets, signing-key backups: whatever the bytes, the answer is a value or a clear message
(UserError, or a listed problem for campaigns and criteria), never another exception (issue 10 found 18 distinct
crashes in 42,400 inputs).

Default run: a few hundred cases per decoder, derandomized. Slow run (-m slow): at least 100,000 cases in all
(SOTHIDUA_FUZZ_CASES per decoder, default 21,000 × 6 decoders)."""
from __future__ import annotations

import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import UserError
from desktop_app.core.register.campaigns import read_campaign_files
from desktop_app.core.resources import resource_path
from desktop_app.core.storage import backup

# Hypothesis warns (an error under -W error) when it builds the repr of a very large example to report it.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

FAST = 150
SLOW = int(os.environ.get("SOTHIDUA_FUZZ_CASES", "21000"))
COUNTS: dict[str, int] = {}


def fuzz_settings(n: int):
    return settings(max_examples=n, deadline=None, database=None, derandomize=n <= FAST,
                    suppress_health_check=list(HealthCheck))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.integers(min_value=-10 ** 30, max_value=10 ** 30)
    | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner, max_size=5),
    max_leaves=12)


def mutated(document: dict):
    """A valid document with one part replaced, removed, or its bytes cut or flipped."""
    keys = sorted(document)

    def replace(key, value):
        d = dict(document)
        d[key] = value
        return json.dumps(d, ensure_ascii=False).encode()

    def drop(key):
        d = dict(document)
        d.pop(key, None)
        return json.dumps(d).encode()

    raw = json.dumps(document, ensure_ascii=False).encode()
    return st.one_of(
        st.builds(replace, st.sampled_from(keys), json_values),
        st.builds(drop, st.sampled_from(keys)),
        st.builds(lambda cut: raw[:cut], st.integers(0, len(raw))),
        st.builds(lambda at, b: raw[:at] + bytes([b]) + raw[at + 1:], st.integers(0, len(raw) - 1),
                  st.integers(0, 255)),
        json_values.map(lambda v: json.dumps(v).encode()),
        st.binary(max_size=200),
        st.just(b"[" * 50_000 + b"]" * 50_000),
    )


# ----- backup manifests and backup zips -----------------------------------------------------------------------

GOOD_MANIFEST = {"format": "sothidua-backup", "format_version": 1, "app": "Sổ Thi đua", "app_version": "0.1.0",
                 "created_at": "2026-03-09T08:15:00", "schema_version": 6, "commune_code": "02095", "note": "",
                 "files": {"sothidua.sqlite3": {"sha256": "0" * 64, "size": 3}}}


def zip_with_manifest(manifest: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("sothidua.sqlite3", b"abc")
        zf.writestr("manifest.json", manifest)
    return buf.getvalue()


def check_backup_bytes(data: bytes, tmp: Path) -> None:
    path = tmp / "b.zip"
    path.write_bytes(data)
    try:
        backup.verify_backup(path)
    except UserError:
        pass


@pytest.fixture(scope="module")
def real_backup(tmp_path_factory) -> bytes:
    from desktop_app.core.demo import create_demo_commune
    from desktop_app.core.storage.memory_keyring import InMemoryKeyring
    from desktop_app.core.storage.secrets import SecretStore
    from desktop_app.core.workspace import open_workspace

    root = tmp_path_factory.mktemp("ws")
    ws = open_workspace(root / "ws", secrets=SecretStore(InMemoryKeyring()))
    create_demo_commune(ws)
    ws.close()
    (root / "usb").mkdir()
    return backup.export_backup(ws.paths, root / "usb").read_bytes()


def zip_mutations(good: bytes):
    return st.one_of(
        st.builds(lambda at, b: good[:at] + bytes([b]) + good[at + 1:], st.integers(0, len(good) - 1),
                  st.integers(0, 255)),
        st.builds(lambda cut: good[:cut], st.integers(0, len(good))),
        st.builds(lambda at, junk: good[:at] + junk + good[at + len(junk):], st.integers(0, len(good) - 1),
                  st.binary(min_size=1, max_size=64)),
        # the central directory and the local headers are where zipfile raises the odd exceptions
        st.builds(lambda back, b: good[:len(good) - back] + bytes([b]) + good[len(good) - back + 1:],
                  st.integers(1, min(400, len(good))), st.integers(0, 255)),
    )


def run_fuzz(name: str, n: int, strategy, check) -> None:
    @fuzz_settings(n)
    @given(strategy)
    def inner(value):
        COUNTS[name] = COUNTS.get(name, 0) + 1
        check(value)
    inner()


@pytest.mark.parametrize("n", [FAST])
def test_backup_manifest_decoder(tmp_path, n):
    run_fuzz("manifest", n, mutated(GOOD_MANIFEST), lambda m: check_backup_bytes(zip_with_manifest(m), tmp_path))


@pytest.mark.parametrize("n", [FAST])
def test_backup_zip_decoder(tmp_path, real_backup, n):
    run_fuzz("zip", n, zip_mutations(real_backup), lambda data: check_backup_bytes(data, tmp_path))


# ----- campaign files -------------------------------------------------------------------------------------------

GOOD_CAMPAIGN = json.loads(next(resource_path("campaigns").glob("*.json")).read_text(encoding="utf-8"))


def check_campaign(raw: bytes, folder: Path) -> None:
    (folder / "kh.json").write_bytes(raw)
    campaigns, problems = read_campaign_files(folder)        # "never raises"
    assert len(campaigns) + len(problems) == 1


@pytest.mark.parametrize("n", [FAST])
def test_campaign_decoder(tmp_path, n):
    run_fuzz("campaign", n, mutated(GOOD_CAMPAIGN), lambda raw: check_campaign(raw, tmp_path))


# ----- document templates ---------------------------------------------------------------------------------------

TEMPLATES = resource_path("templates")
GOOD_SET = json.loads((TEMPLATES / "chuyen_de_nd152_2025.json").read_text(encoding="utf-8"))
GOOD_LAYOUT = json.loads((TEMPLATES / "layout_nd30_2020.json").read_text(encoding="utf-8"))


def check_template(pair: tuple[bytes, bytes], folder: Path) -> None:
    from desktop_app.core.documents import templates

    set_raw, layout_raw = pair
    (folder / "chuyen_de_nd152_2025.json").write_bytes(set_raw)
    (folder / "layout_nd30_2020.json").write_bytes(layout_raw)
    try:
        templates._load.__wrapped__("chuyen_de_nd152_2025", str(folder))
    except UserError:
        pass


@pytest.mark.parametrize("n", [FAST])
def test_template_decoder(tmp_path, n):
    good_set = json.dumps(GOOD_SET, ensure_ascii=False).encode()
    good_layout = json.dumps(GOOD_LAYOUT).encode()
    pairs = st.one_of(mutated(GOOD_SET).map(lambda s: (s, good_layout)),
                      mutated(GOOD_LAYOUT).map(lambda lay: (good_set, lay)))
    run_fuzz("template", n, pairs, lambda pair: check_template(pair, tmp_path))


# ----- criteria sets and common.json -------------------------------------------------------------------------

CRITERIA = resource_path("criteria")
GOOD_CRITERIA_SET = json.loads((CRITERIA / "bang_khen_tinh.ca_nhan.cong_trang.json").read_text(encoding="utf-8"))
GOOD_COMMON = json.loads((CRITERIA / "common.json").read_text(encoding="utf-8"))


def criteria_nodes(node, found=None) -> list[dict]:
    """Every object inside a set (criteria at every depth, citations, params, route, legal basis)."""
    found = [] if found is None else found
    if isinstance(node, dict):
        found.append(node)
        for value in node.values():
            criteria_nodes(value, found)
    elif isinstance(node, list):
        for value in node:
            criteria_nodes(value, found)
    return found


def deep_mutation(document: dict):
    """A valid set with one field of one object somewhere inside it replaced or removed."""
    count = len(criteria_nodes(document))

    def change(i, key_pick, value, drop):
        d = json.loads(json.dumps(document))
        node = criteria_nodes(d)[i]
        keys = sorted(node) or ["x"]
        key = keys[key_pick % len(keys)]
        if drop:
            node.pop(key, None)
        else:
            node[key] = value
        return json.dumps(d, ensure_ascii=False).encode()

    return st.builds(change, st.integers(0, count - 1), st.integers(0, 20), json_values, st.booleans())


def check_criteria(pair: tuple[bytes, bytes], folder: Path) -> None:
    from desktop_app.core.nominations.criteria import load_catalog

    set_raw, common_raw = pair
    (folder / "bang_khen_tinh.ca_nhan.cong_trang.json").write_bytes(set_raw)
    (folder / "common.json").write_bytes(common_raw)
    catalog = load_catalog(folder)                          # "never raises"
    loaded = "bang_khen_tinh.ca_nhan.cong_trang" in catalog.sets
    refused = any(p.file == "bang_khen_tinh.ca_nhan.cong_trang.json" for p in catalog.problems)
    assert loaded != refused
    assert (catalog.common is None) == any(p.file == "common.json" for p in catalog.problems)
    assert all(p.text for p in catalog.problems)


def criteria_inputs():
    good_set = json.dumps(GOOD_CRITERIA_SET, ensure_ascii=False).encode()
    good_common = json.dumps(GOOD_COMMON, ensure_ascii=False).encode()
    return st.one_of(mutated(GOOD_CRITERIA_SET).map(lambda s: (s, good_common)),
                     deep_mutation(GOOD_CRITERIA_SET).map(lambda s: (s, good_common)),
                     mutated(GOOD_COMMON).map(lambda c: (good_set, c)),
                     deep_mutation(GOOD_COMMON).map(lambda c: (good_set, c)))


@pytest.mark.parametrize("n", [FAST])
def test_criteria_decoder(tmp_path, n):
    run_fuzz("criteria", n, criteria_inputs(), lambda pair: check_criteria(pair, tmp_path))


# ----- signing-key backups --------------------------------------------------------------------------------------

def check_key_backup(content: bytes) -> None:
    from desktop_app.core.exchange.keys import read_key_backup

    try:
        read_key_backup(content, "mật khẩu đủ dài 123")
    except UserError:
        pass


def key_backup_inputs():
    head = b"So Thi dua - commune signing key backup\nCommune-Code: 02095\n-----BEGIN ENCRYPTED PRIVATE KEY-----\n"
    tail = b"\n-----END ENCRYPTED PRIVATE KEY-----\n"
    b64 = st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=\n", max_size=400)
    return st.one_of(st.binary(max_size=300), b64.map(lambda t: head + t.encode() + tail),
                     st.binary(max_size=200).map(lambda b: head + __import__("base64").b64encode(b) + tail))


@pytest.mark.parametrize("n", [FAST])
def test_key_backup_decoder(n):
    run_fuzz("key", n, key_backup_inputs(), check_key_backup)


# ----- the slow run: at least 100,000 cases -----------------------------------------------------------------------

@pytest.mark.slow
def test_every_decoder_a_hundred_thousand_cases(tmp_path, real_backup):
    COUNTS.clear()
    good_set = json.dumps(GOOD_SET, ensure_ascii=False).encode()
    good_layout = json.dumps(GOOD_LAYOUT).encode()
    run_fuzz("manifest", SLOW, mutated(GOOD_MANIFEST),
             lambda m: check_backup_bytes(zip_with_manifest(m), tmp_path))
    run_fuzz("zip", SLOW, zip_mutations(real_backup), lambda data: check_backup_bytes(data, tmp_path))
    run_fuzz("campaign", SLOW, mutated(GOOD_CAMPAIGN), lambda raw: check_campaign(raw, tmp_path))
    run_fuzz("template", SLOW, st.one_of(mutated(GOOD_SET).map(lambda s: (s, good_layout)),
                                         mutated(GOOD_LAYOUT).map(lambda lay: (good_set, lay))),
             lambda pair: check_template(pair, tmp_path))
    run_fuzz("criteria", SLOW, criteria_inputs(), lambda pair: check_criteria(pair, tmp_path))
    run_fuzz("key", SLOW, key_backup_inputs(), check_key_backup)
    print("fuzz cases:", COUNTS)
    assert sum(COUNTS.values()) >= 100_000, COUNTS
