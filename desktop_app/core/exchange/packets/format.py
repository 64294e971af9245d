"""Packet format version 1 (docs/packet-format.md): names, limits, path rules, SHA256SUMS, manifest schema."""
from __future__ import annotations

import json
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ...fingerprints import FINGERPRINT_RE
from ...register.communes import COMMUNE_CODE_RE
from ..keys import KeyRotation

FORMAT_NAME = "so-thi-dua-packet"
FORMAT_VERSION = 1

MANIFEST = "manifest.json"
DATA = "data.json"
SUMS = "SHA256SUMS"
SIG = "SHA256SUMS.sig"
SIGNER = "signer.pem"
DOCUMENTS_DIR = "documents"
EVIDENCE_DIR = "evidence"
FIXED_FILES = (MANIFEST, DATA, SUMS, SIG, SIGNER)
CONTENT_DIRS = (DOCUMENTS_DIR, EVIDENCE_DIR)

# Verdicts. The first four come from the packet alone; the last three need the receiver's state.
VALID = "valid"
BAD_SIGNATURE = "bad_signature"
TAMPERED = "tampered"
MALFORMED = "malformed"
UNTRUSTED_SIGNER = "untrusted_signer"
DUPLICATE = "duplicate"
OUT_OF_SEQUENCE = "out_of_sequence"
VERDICTS = (VALID, BAD_SIGNATURE, TAMPERED, MALFORMED, UNTRUSTED_SIGNER, DUPLICATE, OUT_OF_SEQUENCE)

# Reason codes (message "packets.reason.<code>").
REASONS = (
    "not_zip", "too_large", "too_many_files", "zip_bomb", "encrypted_entry", "unsupported_compression",
    "unsafe_path", "special_file", "duplicate_name", "not_single_folder", "unexpected_file",
    "missing_required", "bad_signer_key", "bad_sums", "sums_incomplete", "bad_json", "bad_manifest",
    "bad_data", "unsupported_version", "fingerprint_mismatch", "corrupt_entry",
    "signature_mismatch", "bad_signature_file", "rotation_signature", "rotation_mismatch",
    "hash_mismatch", "missing_file", "extra_file",
    "unknown_signer", "first_contact", "rotation_accepted",
    "same_packet_id", "older_sequence", "sequence_gap", "chain_mismatch",
)


@dataclass(frozen=True)
class Limits:
    """What a receiver accepts; the writer refuses to make packets beyond them."""

    max_packet_bytes: int = 600 * 1024 * 1024           # the .zip file itself
    max_total_uncompressed: int = 500 * 1024 * 1024     # all entries together
    max_entries: int = 2000
    max_ratio: int = 200                                # uncompressed / compressed, per entry …
    ratio_min_size: int = 1024 * 1024                   # … for entries larger than this
    max_manifest_bytes: int = 64 * 1024
    max_data_bytes: int = 64 * 1024 * 1024
    max_sums_bytes: int = 1024 * 1024
    max_signer_bytes: int = 4096
    max_path_bytes: int = 240                           # path inside the top folder, UTF-8
    max_component_bytes: int = 120
    max_json_depth: int = 64


DEFAULT_LIMITS = Limits()


class FormatError(Exception):
    """A packet breaks the format; `code` is a reason code (see REASONS)."""

    def __init__(self, code: str, detail: str = ""):
        self.code = code
        self.detail = detail
        super().__init__(f"{code}: {detail}" if detail else code)


# ----- names and paths -----------------------------------------------------------------------------

_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                     *(f"lpt{i}" for i in range(1, 10))}
_BAD_CHARS = set('<>:"|?*\\')


def packet_file_name(commune_code: str, round_number: int, day: date, sequence: int) -> str:
    """'<commune_code>_dot<round>_<YYYYMMDD>_<seq:03d>.zip', e.g. '01234_dot1_20260205_003.zip'."""
    return f"{commune_code}_dot{round_number}_{day:%Y%m%d}_{sequence:03d}.zip"


def check_component(name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """One folder or file name, safe on Windows, Linux and macOS; FormatError('unsafe_path') if not."""
    if not name or name in (".", ".."):
        raise FormatError("unsafe_path", repr(name))
    if any(ord(c) < 32 or ord(c) == 0x7F for c in name) or _BAD_CHARS & set(name):
        raise FormatError("unsafe_path", repr(name))
    if name != name.strip(" ") or name.endswith("."):
        raise FormatError("unsafe_path", repr(name))
    if name.split(".")[0].lower().rstrip(" ") in _WINDOWS_RESERVED:
        raise FormatError("unsafe_path", repr(name))
    if len(name.encode("utf-8")) > limits.max_component_bytes:
        raise FormatError("unsafe_path", "name too long")


def check_relative_path(path: str, limits: Limits = DEFAULT_LIMITS) -> tuple[str, ...]:
    """A POSIX relative path made only of safe components, in NFC. Returns its components."""
    if not isinstance(path, str) or not path:
        raise FormatError("unsafe_path", repr(path))
    if path.startswith("/") or "\\" in path or re.match(r"^[A-Za-z]:", path):
        raise FormatError("unsafe_path", repr(path))
    if unicodedata.normalize("NFC", path) != path:
        raise FormatError("unsafe_path", "name not in Unicode NFC")
    if len(path.encode("utf-8")) > limits.max_path_bytes:
        raise FormatError("unsafe_path", "path too long")
    parts = tuple(path.split("/"))
    for part in parts:
        check_component(part, limits)
    return parts


def check_layout(path: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """A path inside the top folder must be a fixed file or under documents/ or evidence/."""
    parts = check_relative_path(path, limits)
    if len(parts) == 1 and parts[0] in FIXED_FILES:
        return
    if len(parts) >= 2 and parts[0] in CONTENT_DIRS:
        return
    raise FormatError("unexpected_file", path)


def collision_key(path: str) -> str:
    """Two names that one filesystem could treat as the same file (case, Unicode form) share this key."""
    return unicodedata.normalize("NFC", path).casefold()


# ----- SHA256SUMS ------------------------------------------------------------------------------------

_SUMS_LINE = re.compile(r"^([0-9a-f]{64})  (.+)$")


def sort_key(path: str) -> bytes:
    return path.encode("utf-8")


def sums_bytes(hashes: dict[str, str]) -> bytes:
    """`sha256sum` text format: '<hex>  <path>\\n' per file, sorted by the UTF-8 bytes of the path."""
    return "".join(f"{hashes[p]}  {p}\n" for p in sorted(hashes, key=sort_key)).encode("utf-8")


def parse_sums(content: bytes, limits: Limits = DEFAULT_LIMITS) -> dict[str, str]:
    """Parse SHA256SUMS strictly (our own writer's form only); FormatError('bad_sums') otherwise."""
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise FormatError("bad_sums", "not UTF-8") from None
    if not text.endswith("\n"):
        raise FormatError("bad_sums", "no final newline")
    result: dict[str, str] = {}
    previous = b""
    for line in text[:-1].split("\n"):
        m = _SUMS_LINE.match(line)
        if not m:
            raise FormatError("bad_sums", line[:80])
        digest, path = m.groups()
        try:
            check_layout(path, limits)
        except FormatError as exc:
            raise FormatError("bad_sums", f"{exc.code}: {path[:80]}") from None
        if path in (SUMS, SIG):
            raise FormatError("bad_sums", f"lists {path}")
        if sort_key(path) <= previous:
            raise FormatError("bad_sums", "not sorted or duplicate")
        previous = sort_key(path)
        result[path] = digest
    return result


# ----- JSON -----------------------------------------------------------------------------------------

def _no_duplicates(pairs):
    obj = {}
    for k, v in pairs:
        if k in obj:
            raise ValueError(f"duplicate key {k!r}")
        obj[k] = v
    return obj


def _no_constants(name):
    raise ValueError(f"{name} is not JSON")


def _depth(obj, limit: int) -> None:
    stack = [(obj, 1)]
    while stack:
        value, d = stack.pop()
        if d > limit:
            raise ValueError("nested too deeply")
        if isinstance(value, dict):
            stack.extend((v, d + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, d + 1) for v in value)


def parse_json(content: bytes, limits: Limits = DEFAULT_LIMITS):
    """Strict JSON from an untrusted file: UTF-8, no duplicate keys, no NaN, bounded depth."""
    try:
        text = content.decode("utf-8")
        obj = json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
        _depth(obj, limits.max_json_depth)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise FormatError("bad_json", str(exc)[:200]) from None
    return obj


def dump_json(obj) -> bytes:
    return (json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True, allow_nan=False) + "\n").encode("utf-8")


# ----- manifest.json --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Manifest:
    packet_id: str
    commune_code: str
    commune_name: str
    round_number: int
    round_version: int
    sequence: int
    previous_packet_sha256: str | None
    created_at: str
    app_name: str
    app_version: str
    signer_fingerprint: str
    key_rotation: KeyRotation | None = None
    supersedes_packet_id: str | None = None
    raw: dict = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict:
        return {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "packet_id": self.packet_id,
            "commune": {"code": self.commune_code, "name": self.commune_name},
            "round": {"number": self.round_number, "version": self.round_version},
            "sequence": self.sequence,
            "previous_packet_sha256": self.previous_packet_sha256,
            "supersedes_packet_id": self.supersedes_packet_id,
            "created_at": self.created_at,
            "app": {"name": self.app_name, "version": self.app_version},
            "signer": {"algorithm": "Ed25519", "fingerprint": self.signer_fingerprint},
            "key_rotation": self.key_rotation.to_dict() if self.key_rotation else None,
        }


def _bad(detail: str):
    raise FormatError("bad_manifest", detail)


def _obj(d, key) -> dict:
    v = d.get(key)
    if not isinstance(v, dict):
        _bad(f"{key} must be an object")
    return v


def _str(d, key, path, max_len=200, pattern=None, nullable=False):
    v = d.get(key)
    if v is None and nullable:
        return None
    if not isinstance(v, str) or not v or len(v) > max_len:
        _bad(f"{path} must be a non-empty string of at most {max_len} characters")
    if pattern is not None and not pattern.match(v):
        _bad(f"{path} has a wrong form")
    return v


def _int(d, key, path, lo=1, hi=10**9):
    v = d.get(key)
    if type(v) is not int or not lo <= v <= hi:  # bool is an int subclass: excluded on purpose
        _bad(f"{path} must be an integer in [{lo}, {hi}]")
    return v


def is_uuid(value: str) -> bool:
    try:
        return str(uuid.UUID(value)) == value
    except (ValueError, TypeError, AttributeError):
        return False


def check_created_at(value: str) -> None:
    try:
        dt = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        _bad("created_at is not ISO 8601")
    if dt.utcoffset() != timedelta(hours=7) or not value.endswith("+07:00"):
        _bad("created_at must carry the +07:00 offset")


def parse_manifest(obj) -> Manifest:
    """Schema check of manifest.json (format version 1); FormatError with the first problem."""
    if not isinstance(obj, dict):
        _bad("manifest must be an object")
    if obj.get("format") != FORMAT_NAME:
        _bad("format must be " + FORMAT_NAME)
    version = obj.get("format_version")
    if type(version) is not int:
        _bad("format_version must be an integer")
    if version != FORMAT_VERSION:
        raise FormatError("unsupported_version", str(version))
    packet_id = _str(obj, "packet_id", "packet_id", 36)
    if not is_uuid(packet_id):
        _bad("packet_id must be a lower-case UUID")
    commune = _obj(obj, "commune")
    code = _str(commune, "code", "commune.code", 32, COMMUNE_CODE_RE)
    name = _str(commune, "name", "commune.name")
    rnd = _obj(obj, "round")
    round_number = _int(rnd, "number", "round.number", 1, 10**6)
    round_version = _int(rnd, "version", "round.version", 1, 10**6)
    sequence = _int(obj, "sequence", "sequence")
    if "previous_packet_sha256" not in obj:
        _bad("previous_packet_sha256 is required (null for the first packet)")
    previous = _str(obj, "previous_packet_sha256", "previous_packet_sha256", 64, FINGERPRINT_RE, nullable=True)
    supersedes = _str(obj, "supersedes_packet_id", "supersedes_packet_id", 36, nullable=True)
    if supersedes is not None and not is_uuid(supersedes):
        _bad("supersedes_packet_id must be a UUID")
    created_at = _str(obj, "created_at", "created_at", 40)
    check_created_at(created_at)
    app = _obj(obj, "app")
    app_name = _str(app, "name", "app.name", 100)
    app_version = _str(app, "version", "app.version", 40)
    signer = _obj(obj, "signer")
    if signer.get("algorithm") != "Ed25519":
        _bad("signer.algorithm must be Ed25519")
    signer_fp = _str(signer, "fingerprint", "signer.fingerprint", 64, FINGERPRINT_RE)
    rotation = None
    if obj.get("key_rotation") is not None:
        try:
            rotation = KeyRotation.from_dict(obj["key_rotation"])
        except ValueError as exc:
            _bad(str(exc))
    return Manifest(packet_id, code, name, round_number, round_version, sequence, previous, created_at,
                    app_name, app_version, signer_fp, rotation, supersedes, raw=obj)


# ----- data.json (its content belongs to the round export; only the top level is checked here) ------

DATA_REQUIRED = {"commune": dict, "round": dict, "nominees": list}
DATA_OPTIONAL = {"campaign": dict, "checklists": list, "criteria_sets": list, "council_votes": list,
                 "documents": list, "evidence": list, "data_version": int}


def check_data_shape(obj) -> None:
    """data.json is an object with commune/round (objects) and nominees (array); known keys typed."""
    if not isinstance(obj, dict):
        raise FormatError("bad_data", "data.json must be an object")
    for key, typ in DATA_REQUIRED.items():
        if not isinstance(obj.get(key), typ):
            raise FormatError("bad_data", f"{key} must be {'an object' if typ is dict else 'an array'}")
    for key, typ in DATA_OPTIONAL.items():
        if key in obj and obj[key] is not None and (not isinstance(obj[key], typ) or isinstance(obj[key], bool)):
            raise FormatError("bad_data", f"{key} has a wrong type")
