"""Mutations of real packets for the fuzz test (test_fuzz_packets.py): a corpus grown from genuine packets, and
Hypothesis strategies for what to change — bytes of the file, numbers of the ZIP records, entries (names,
attributes, compression), values inside manifest.json and data.json — and whether to sign the result again with
the trusted key (so the change reaches the importer), with a stranger's key, or not at all."""
from __future__ import annotations

import hashlib
import io
import json
import struct
import warnings
import zipfile
from dataclasses import dataclass

from hypothesis import strategies as st

from desktop_app.core.exchange.packets import format as fmt


@dataclass
class Seed:
    """A packet as entries (name → bytes, with its attributes), or as raw bytes once a byte mutation hit it."""

    entries: list[tuple[zipfile.ZipInfo, bytes]] | None
    raw: bytes | None = None


def seed_from(path) -> Seed:
    with zipfile.ZipFile(path) as zf:
        return Seed([(info, zf.read(info)) for info in zf.infolist()])


def _copy_info(info: zipfile.ZipInfo, name: str | None = None) -> zipfile.ZipInfo:
    new = zipfile.ZipInfo(name or info.filename, date_time=info.date_time)
    new.compress_type, new.external_attr, new.create_system = info.compress_type, info.external_attr, info.create_system
    new.flag_bits = info.flag_bits & 0x800
    return new


def to_bytes(entries) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are crafted on purpose
        for info, content in entries:
            zf.writestr(_copy_info(info), content)
    return buf.getvalue()


def _rel(info) -> str:
    return info.filename.split("/", 1)[1] if "/" in info.filename else info.filename


def resign(entries, key) -> list:
    """SHA256SUMS and its signature again over the entries, by `key` (signer.pem and the manifest follow it)."""
    top = entries[0][0].filename.split("/")[0] if entries else "p"
    out = []
    for info, content in entries:
        rel = _rel(info)
        if rel in (fmt.SUMS, fmt.SIG):
            continue
        if rel == fmt.SIGNER:
            content = key.public_key_pem.encode()
        elif rel == fmt.MANIFEST:
            try:
                m = json.loads(content)
                m["signer"]["fingerprint"] = key.fingerprint
                content = json.dumps(m).encode()
            except (ValueError, TypeError, KeyError, AttributeError):
                pass
        out.append((info, content))
    hashes = {}
    for info, content in out:
        hashes[_rel(info)] = hashlib.sha256(content).hexdigest()
    sums = "".join(f"{hashes[p]}  {p}\n" for p in sorted(hashes, key=lambda p: p.encode("utf-8", "surrogatepass")))
    sums_bytes = sums.encode("utf-8", "surrogatepass")
    return out + [(zipfile.ZipInfo(f"{top}/{fmt.SUMS}"), sums_bytes),
                  (zipfile.ZipInfo(f"{top}/{fmt.SIG}"), key.sign(sums_bytes))]


# ----- what a hostile value looks like -----------------------------------------------------------------------

NASTY_STRINGS = ["", " ", "\x00", "\ud800", "a\udfff", "\u202eexe.pdf", "\u200b", "\x1b[2J\x1b[31m", "<b>x</b>",
                 "../../x", "C:\\x", "CON", "x" * 70_000, "Ệ" * 30_000, "9" * 5000, "1e999", "-0", "NaN"]
NASTY_INTS = [0, -1, 1, 2**31 - 1, 2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**40]


def nested(depth: int, leaf="x"):
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.sampled_from(NASTY_INTS), st.integers(), st.floats(allow_nan=False),
              st.sampled_from(NASTY_STRINGS), st.text(max_size=40)),
    lambda children: st.one_of(st.lists(children, max_size=5), st.dictionaries(st.text(max_size=8), children,
                                                                               max_size=5)),
    max_leaves=20,
) | st.tuples(st.sampled_from(["__nested__", "__lists__", "__dicts__"]),
                st.integers(min_value=20, max_value=300_000))


def materialize(value):
    """The big values are drawn as (kind, size) and built only here, so that Hypothesis never prints them."""
    if isinstance(value, tuple) and len(value) == 2 and value[0] in ("__nested__", "__lists__", "__dicts__"):
        kind, n = value
        if kind == "__nested__":
            return nested(min(n, 900))  # deeper than any limit, shallower than Python's own json
        if kind == "__lists__":
            return [[]] * n
        return {f"k{i}": {} for i in range(min(n, 20_000))}
    return value

NASTY_NAMES = ["../evil.txt", "/abs.pdf", "C:/x.pdf", "documents/a\\b.pdf", "documents/con.pdf",
               "documents/\u202efdp.exe", "documents/a\u200b.pdf", "evidence/x.exe", "evidence/1/", "evidence",
               "documents/x.pdf", "evidence/anh.jpg", "evidence/" + "a" * 200 + ".jpg", "manifest.json",
               "data.json", "SHA256SUMS", "autorun.inf", "documents/A.PDF", "documents/a.pdf/b.pdf",
               "evidence/e\u0301.jpg", "evidence/\udcff.jpg"]


@dataclass(frozen=True)
class Recipe:
    kind: str          # bytes | numbers | entry | json
    sign: str          # trusted | stranger | none
    detail: tuple


def _paths(value, prefix=()):
    """Every place in a JSON value: a list of key/index paths (bounded)."""
    out = [prefix]
    stack = [(value, prefix)]
    while stack and len(out) < 2000:
        v, p = stack.pop()
        items = v.items() if isinstance(v, dict) else enumerate(v) if isinstance(v, list) else ()
        for k, child in items:
            out.append(p + (k,))
            stack.append((child, p + (k,)))
    return out


def _set(root, path, value, action):
    if not path:
        return value
    parent = root
    for k in path[:-1]:
        parent = parent[k]
    key = path[-1]
    if action == "delete":
        del parent[key]
    elif action == "add" and isinstance(parent, dict):
        parent[f"{key}_extra"] = value
    else:
        parent[key] = value
    return root


recipes = st.one_of(
    st.builds(lambda ops, sign: Recipe("bytes", sign, tuple(ops)),
              st.lists(st.tuples(st.sampled_from(["flip", "truncate", "insert", "overwrite", "int"]),
                                 st.floats(min_value=0, max_value=1), st.binary(max_size=16),
                                 st.sampled_from([0, 1, 0xFF, 0xFFFF, 0xFFFFFFFF, 2**31, 2000, 2001, 65535])),
                       min_size=1, max_size=4),
              st.just("none")),
    st.builds(lambda field, value, sign: Recipe("numbers", sign, (field, value)),
              st.sampled_from(["entries", "entries_disk", "cd_size", "cd_offset", "comment_len", "name_len",
                               "extra_len", "usize", "csize", "method", "flags", "attr"]),
              st.sampled_from([0, 1, 2, 3, 0x7F, 0xFF, 0xFFFF, 0xFFFFFFFF, 2**31, 1_000_000, 65535]),
              st.sampled_from(["none", "trusted"])),
    st.builds(lambda action, name, content, attr, method, sign: Recipe("entry", sign, (action, name, content, attr,
                                                                                       method)),
              st.sampled_from(["add", "drop", "rename", "attr", "method", "grow"]),
              st.sampled_from(NASTY_NAMES) | st.text(min_size=1, max_size=30).map(lambda t: "evidence/" + t),
              st.binary(max_size=64), st.sampled_from([0, 0o120777, 0o010644, 0o020644, 0o040755, 0o100644]),
              st.sampled_from([0, 8, 12, 14, 99]), st.sampled_from(["trusted", "stranger", "none"])),
    st.builds(lambda target, where, action, value, sign: Recipe("json", sign, (target, where, action, value)),
              st.sampled_from([fmt.MANIFEST, fmt.DATA, fmt.DATA, fmt.DATA]),
              st.floats(min_value=0, max_value=1), st.sampled_from(["set", "set", "delete", "add", "raw"]),
              json_values, st.sampled_from(["trusted", "trusted", "stranger"])),
)


_CD = struct.Struct(zipfile.structCentralDir)
_END = struct.Struct(zipfile.structEndArchive)
_CD_FIELDS = {"name_len": 12, "extra_len": 13, "usize": 11, "csize": 10, "method": 6, "flags": 5, "attr": 17}


def _numbers(raw: bytes, field: str, value: int) -> bytes:
    data = bytearray(raw)
    end = data.rfind(zipfile.stringEndArchive)
    if end < 0:
        return bytes(data)
    fields = list(_END.unpack_from(data, end))
    if field in ("entries", "entries_disk", "cd_size", "cd_offset", "comment_len"):
        index = {"entries": 4, "entries_disk": 3, "cd_size": 5, "cd_offset": 6, "comment_len": 7}[field]
        limit = 0xFFFF if index in (3, 4, 7) else 0xFFFFFFFF
        fields[index] = min(value, limit)
        _END.pack_into(data, end, *fields)
        return bytes(data)
    start = data.find(zipfile.stringCentralDir, fields[6] if fields[6] < len(data) else 0)
    if start < 0:
        return bytes(data)
    cd = list(_CD.unpack_from(data, start))
    index = _CD_FIELDS[field]
    cd[index] = value & (0xFFFF if index in (5, 6, 12, 13) else 0xFFFFFFFF)
    _CD.pack_into(data, start, *cd)
    return bytes(data)


def _bytes(raw: bytes, ops) -> bytes:
    data = bytearray(raw)
    for op, where, chunk, number in ops:
        pos = int(where * max(len(data) - 1, 0))
        if op == "flip" and data:
            data[pos] ^= 0xFF
        elif op == "truncate":
            del data[pos:]
        elif op == "insert":
            data[pos:pos] = chunk
        elif op == "overwrite":
            data[pos:pos + len(chunk)] = chunk
        elif op == "int":
            data[pos:pos + 4] = (number & 0xFFFFFFFF).to_bytes(4, "little")
    return bytes(data)


def apply(seed: Seed, recipe: Recipe, keys: dict) -> tuple[bytes, Seed | None]:
    """The mutated file's bytes, and the structured form to grow the corpus with (None when only bytes)."""
    try:
        return _apply(seed, recipe, keys)
    except (UnicodeError, ValueError, struct.error, zipfile.LargeZipFile, OverflowError, NotImplementedError,
            RecursionError):
        # A change zipfile cannot even write (a name that is not text): the raw bytes with a few flipped instead.
        raw = seed.raw if seed.entries is None else to_bytes(seed.entries)
        return _bytes(raw, (("flip", 0.5, b"", 0),)), None


def _apply(seed: Seed, recipe: Recipe, keys: dict) -> tuple[bytes, Seed | None]:
    if recipe.kind == "bytes" or seed.entries is None:
        raw = seed.raw if seed.entries is None else to_bytes(seed.entries)
        if recipe.kind == "bytes":
            raw = _bytes(raw, recipe.detail)
        return raw, None
    entries = [(_copy_info(i), c) for i, c in seed.entries]
    top = entries[0][0].filename.split("/")[0] if entries else "p"
    if recipe.kind == "entry":
        action, name, content, attr, method = recipe.detail
        pick = abs(hash(name)) % len(entries) if entries else 0
        if action == "add":
            info = zipfile.ZipInfo(f"{top}/{name}")
            info.external_attr = attr << 16
            entries.append((info, content))
        elif action == "drop" and entries:
            entries.pop(pick)
        elif action == "rename" and entries:
            entries[pick] = (_copy_info(entries[pick][0], f"{top}/{name}"), entries[pick][1])
        elif action == "attr" and entries:
            entries[pick][0].external_attr = attr << 16
        elif action == "method" and entries:
            entries[pick][0].compress_type = zipfile.ZIP_STORED if method == 0 else zipfile.ZIP_DEFLATED
        elif action == "grow" and entries:
            entries[pick] = (entries[pick][0], entries[pick][1] * 50 + content)
    elif recipe.kind == "json":
        target, where, action, value = recipe.detail
        value = materialize(value)
        for n, (info, content) in enumerate(entries):
            if _rel(info) != target:
                continue
            if action == "raw":
                new = content[: int(where * len(content))] + json.dumps(value).encode()
            else:
                try:
                    doc = json.loads(content)
                except ValueError:
                    continue
                places = _paths(doc)
                path = places[int(where * (len(places) - 1))]
                doc = _set(doc, path, value, action if path else "set")
                new = json.dumps(doc).encode()
            entries[n] = (info, new)
    if recipe.sign != "none" and recipe.kind != "bytes":
        entries = resign(entries, keys[recipe.sign])
    raw = to_bytes(entries)
    if recipe.kind == "numbers":
        raw = _numbers(raw, *recipe.detail)
        return raw, Seed(None, raw)
    return raw, Seed(entries)
