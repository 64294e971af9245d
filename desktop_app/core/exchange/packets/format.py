"""Packet format version 1 (docs/packet-format.md): names, limits, path rules, file types, SHA256SUMS, manifest
schema. The name, path and text rules are shared by every file that arrives on a stick (archive.py)."""
from __future__ import annotations

import json
import re
import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Annotated

import msgspec

from ...fingerprints import FINGERPRINT_RE
from ...register.communes import COMMUNE_CODE_RE
from ..keys import KeyRotation
from .round_data import RoundData

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
CONFLICT = "conflict"            # the commune's packet id again, with other bytes
ERROR = "error"                  # something went wrong inside the receiver itself (logged with a reference)
VERDICTS = (VALID, BAD_SIGNATURE, TAMPERED, MALFORMED, UNTRUSTED_SIGNER, DUPLICATE, OUT_OF_SEQUENCE, CONFLICT, ERROR)

# Reason codes (message "packets.reason.<code>").
REASONS = (
    "not_regular", "not_zip", "too_large", "too_many_files", "zip_bomb", "encrypted_entry", "unsupported_compression",
    "unsafe_path", "special_file", "duplicate_name", "not_single_folder", "unexpected_file", "file_type",
    "missing_required", "bad_signer_key", "bad_sums", "sums_incomplete", "bad_json", "bad_manifest",
    "bad_data", "unsupported_version", "fingerprint_mismatch", "corrupt_entry",
    "signature_mismatch", "bad_signature_file", "rotation_signature", "rotation_mismatch",
    "hash_mismatch", "missing_file", "extra_file",
    "unknown_signer", "first_contact", "rotation_accepted", "retired_key", "retired_announcer",
    "same_packet_id", "packet_id_conflict", "older_sequence", "sequence_gap", "chain_mismatch",
    "import_failed", "read_failed", "internal_error", "not_confirmed",
)


@dataclass(frozen=True)
class Limits:
    """What a receiver accepts; the writer refuses to make packets beyond them."""

    max_packet_bytes: int = 600 * 1024 * 1024           # the .zip file itself
    max_total_uncompressed: int = 500 * 1024 * 1024     # all entries together
    max_entries: int = 2000
    max_central_directory_bytes: int = 1024 * 1024     # read from the end record before zipfile parses anything
    max_ratio: int = 200                                # uncompressed / compressed, per entry …
    ratio_min_size: int = 1024 * 1024                   # … for entries larger than this
    max_manifest_bytes: int = 64 * 1024
    max_data_bytes: int = 16 * 1024 * 1024              # ~7 times the data of a round of 200 nominees
    max_sums_bytes: int = 1024 * 1024
    max_signer_bytes: int = 4096
    max_path_bytes: int = 240                           # path inside the top folder, UTF-8
    max_component_bytes: int = 120
    max_json_depth: int = 32
    max_manifest_elements: int = 500                    # values (objects, arrays, strings, numbers…) in manifest.json
    max_data_elements: int = 300_000                    # … in data.json


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


# Characters that hide or reorder what a name shows: controls (Cc), format characters such as the bidi overrides
# and zero-width joiners (Cf), surrogates (Cs), private-use (Co) and unassigned (Cn) code points, line and
# paragraph separators, and every space but the ordinary one. "…ky\u202efdp.exe" would show as "…kyexe.pdf".
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"}


def hidden_characters(text: str) -> list[str]:
    """The characters of `text` that do not show as themselves (see _HIDDEN_CATEGORIES), as U+XXXX."""
    return [f"U+{ord(c):04X}" for c in text
            if c != " " and unicodedata.category(c) in _HIDDEN_CATEGORIES]


def shown_escaped(text: str, keep_newlines: bool = False) -> str:
    """`text` as plain characters a person can read: every hidden character (controls, bidi overrides, zero-width,
    escape sequences, NUL, lone surrogates) written as \\uXXXX. For the terminal and for names on screen."""
    out = []
    for c in text:
        if c == "\n" and keep_newlines:
            out.append(c)
        elif c != " " and unicodedata.category(c) in _HIDDEN_CATEGORIES:
            out.append(f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        else:
            out.append(c)
    return "".join(out)


def check_component(name: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """One folder or file name, safe on Windows, Linux and macOS; FormatError('unsafe_path') if not."""
    if not name or name in (".", ".."):
        raise FormatError("unsafe_path", repr(name))
    if hidden_characters(name) or _BAD_CHARS & set(name):
        raise FormatError("unsafe_path", ascii(name))
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


# What the receiving level may open with a double click: documents are the dossier itself (PDF, .docx);
# evidence is what a commune photographs, scans, types or records. No executable, script, macro-enabled office
# file, web page, shortcut or archive — the desktop shell would run or unpack it.
DOCUMENT_TYPES = frozenset({".pdf", ".docx"})
EVIDENCE_TYPES = frozenset({
    ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".heic", ".heif", ".tif", ".tiff",    # images
    ".pdf",                                                                                # scans
    ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf", ".txt",  # office documents
    ".mp3", ".m4a", ".wav", ".ogg", ".aac", ".amr",                                        # audio
    ".mp4", ".mov", ".avi", ".mkv", ".3gp", ".webm", ".wmv",                               # video
})


def file_type(name: str) -> str:
    """The lower-case suffix that decides which program opens a file ('' when it has none)."""
    base = name.rsplit("/", 1)[-1]
    return "." + base.rsplit(".", 1)[1].lower() if "." in base.strip(".") else ""


def allowed_types(path: str) -> frozenset[str]:
    """The file types allowed at `path` (inside the top folder): documents/… and evidence/…."""
    return DOCUMENT_TYPES if path.split("/", 1)[0] == DOCUMENTS_DIR else EVIDENCE_TYPES


def check_file_type(path: str) -> None:
    """FormatError('file_type') for a document or evidence file whose type may not be opened at the receiver."""
    if file_type(path) not in allowed_types(path):
        raise FormatError("file_type", path)


def check_layout(path: str, limits: Limits = DEFAULT_LIMITS) -> None:
    """A path inside the top folder must be a fixed file, or a file of an allowed type under documents/ or
    evidence/."""
    parts = check_relative_path(path, limits)
    if len(parts) == 1 and parts[0] in FIXED_FILES:
        return
    if len(parts) >= 2 and parts[0] in CONTENT_DIRS:
        check_file_type(path)
        return
    raise FormatError("unexpected_file", path)


def collision_key(path: str) -> str:
    """Two names that one filesystem could treat as the same file (case, Unicode form) share this key."""
    return unicodedata.normalize("NFC", path).casefold()


# ----- SHA256SUMS ------------------------------------------------------------------------------------

_SUMS_LINE = re.compile(r"([0-9a-f]{64})  (.+)")  # fullmatch: the whole line, nothing before or after


def sort_key(path: str) -> bytes:
    return path.encode("utf-8")


def sums_bytes(hashes: dict[str, str]) -> bytes:
    """`sha256sum` text format: '<hex>  <path>\\n' per file, sorted by the UTF-8 bytes of the path."""
    return "".join(f"{hashes[p]}  {p}\n" for p in sorted(hashes, key=sort_key)).encode("utf-8")


def parse_sums(content: bytes, limits: Limits = DEFAULT_LIMITS) -> dict[str, str]:
    """Parse SHA256SUMS strictly (our own writer's form only); FormatError('bad_sums') otherwise.

    The whole grammar: every line is `<64 lower-case hex><two spaces><path>\\n`, the path a safe relative name in
    NFC (check_layout), the lines in strictly increasing UTF-8 byte order of the path (so no duplicates), at most
    one line per entry a packet may hold, neither signature file listed. Nothing else — no blank line, CR, BOM,
    comment or `*` binary marker."""
    if len(content) > limits.max_sums_bytes:
        raise FormatError("bad_sums", "too large")
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        raise FormatError("bad_sums", "not UTF-8") from None
    if not text.endswith("\n"):
        raise FormatError("bad_sums", "no final newline")
    lines = text[:-1].split("\n")
    if len(lines) > limits.max_entries:
        raise FormatError("bad_sums", f"more than {limits.max_entries} lines")
    result: dict[str, str] = {}
    previous = b""
    for line in lines:
        m = _SUMS_LINE.fullmatch(line)
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


_BRACKETS_ONLY = bytes(b for b in range(256) if b not in b"[]{}")


def check_json_bounds(content: bytes, max_depth: int, max_elements: int) -> None:
    """Refuse JSON with more values or deeper nesting than allowed — before any parser builds a thing.

    Counts in C over the bytes, building no object per element: every value but the first follows a ',' or a
    ':' or opens a container, so their sum bounds the values (keys included; separators inside strings only make
    the bound larger). The depth is read from the brackets alone (at most as many as there are values). A bracket
    inside a string may make the depth look smaller than it is; then the decoder's own recursion limit refuses it,
    and the element bound has already capped what it could build. FormatError('bad_json').
    """
    elements = 1 + sum(content.count(c) for c in (b",", b":", b"[", b"{"))
    if elements > max_elements:
        raise FormatError("bad_json", f"more than {max_elements} values")
    brackets = content.translate(None, _BRACKETS_ONLY)
    if len(brackets) > 2 * max_elements:  # closing brackets beyond the opened ones: inside strings, or not JSON
        raise FormatError("bad_json", "more brackets than values")
    depth = deepest = 0
    opening = b"[{"
    for b in brackets:
        if b in opening:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > max_depth:
                    raise FormatError("bad_json", "nested too deeply")
        else:
            depth -= 1


def parse_json(content: bytes, limits: Limits = DEFAULT_LIMITS, max_elements: int | None = None):
    """Strict JSON from an untrusted file, small ones only (the manifest): bounded size of values and depth, UTF-8,
    no duplicate keys, no NaN."""
    check_json_bounds(content, limits.max_json_depth,
                      limits.max_manifest_elements if max_elements is None else max_elements)
    try:
        text = content.decode("utf-8")
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constants)
    except (ValueError, RecursionError) as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise FormatError("bad_json", str(exc)[:200]) from None


def decode_typed_json(content: bytes, type_, *, max_depth: int, max_elements: int, code: str = "bad_data"):
    """Decode JSON straight from bytes into a typed structure (msgspec), after check_json_bounds: one parse, no
    intermediate dicts, every type, size and range checked while parsing. FormatError(code, "<place>: …")."""
    check_json_bounds(content, max_depth, max_elements)
    try:
        return msgspec.json.decode(content, type=type_)
    except msgspec.MsgspecError as exc:
        raise FormatError(code, str(exc)[:300]) from None
    except (RecursionError, ValueError) as exc:  # nesting hidden from the bracket count; a value out of range
        raise FormatError(code, str(exc)[:300]) from None


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


_Name = Annotated[str, msgspec.Meta(min_length=1, max_length=200)]
_Positive = Annotated[int, msgspec.Meta(ge=1, le=10**9)]
_RoundNumber = Annotated[int, msgspec.Meta(ge=1, le=10**6)]
_Hex64 = Annotated[str, msgspec.Meta(pattern=FINGERPRINT_RE.pattern)]
_Uuid = Annotated[str, msgspec.Meta(min_length=36, max_length=36)]
_Pem = Annotated[str, msgspec.Meta(max_length=4096)]


class _M(msgspec.Struct):  # unknown keys are ignored (§3: readers of version 1 ignore keys they do not know)
    pass


class _CommuneM(_M):
    code: Annotated[str, msgspec.Meta(pattern=COMMUNE_CODE_RE.pattern, max_length=32)]
    name: _Name


class _RoundM(_M):
    number: _RoundNumber
    version: _RoundNumber


class _AppM(_M):
    name: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    version: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]


class _SignerM(_M):
    algorithm: str
    fingerprint: _Hex64


class _RotationM(_M):
    commune_code: _Pem
    old_fingerprint: _Pem
    new_fingerprint: _Pem
    old_public_key: _Pem
    new_public_key: _Pem
    announced_at: _Pem
    signature: _Pem


class ManifestFile(_M):
    """manifest.json, format version 1, as msgspec checks it (types, sizes, patterns)."""

    format: str
    format_version: int
    packet_id: _Uuid
    commune: _CommuneM
    round: _RoundM
    sequence: _Positive
    previous_packet_sha256: _Hex64 | None
    created_at: Annotated[str, msgspec.Meta(min_length=1, max_length=40)]
    app: _AppM
    signer: _SignerM
    supersedes_packet_id: _Uuid | None = None
    key_rotation: _RotationM | None = None


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
    if "previous_packet_sha256" not in obj:
        _bad("previous_packet_sha256 is required (null for the first packet)")
    try:
        m = msgspec.convert(obj, ManifestFile)
    except msgspec.ValidationError as exc:
        _bad(str(exc)[:300])
    if not is_uuid(m.packet_id):
        _bad("packet_id must be a lower-case UUID")
    if m.supersedes_packet_id is not None and not is_uuid(m.supersedes_packet_id):
        _bad("supersedes_packet_id must be a UUID")
    for place, text in (("commune.name", m.commune.name), ("app.name", m.app.name), ("app.version", m.app.version)):
        if hidden := hidden_characters(text):
            _bad(f"{place} holds characters that do not show ({', '.join(hidden[:3])})")
    check_created_at(m.created_at)
    if m.signer.algorithm != "Ed25519":
        _bad("signer.algorithm must be Ed25519")
    rotation = None
    if m.key_rotation is not None:
        try:
            rotation = KeyRotation.from_dict(msgspec.to_builtins(m.key_rotation))
        except ValueError as exc:
            _bad(str(exc))
    return Manifest(m.packet_id, m.commune.code, m.commune.name, m.round.number, m.round.version, m.sequence,
                    m.previous_packet_sha256, m.created_at, m.app.name, m.app.version, m.signer.fingerprint,
                    rotation, m.supersedes_packet_id, raw=obj)


def decode_manifest(content: bytes, limits: Limits = DEFAULT_LIMITS) -> Manifest:
    """manifest.json's bytes → Manifest: bounded (size checked by the caller; values and depth here), strict JSON,
    then the typed schema. FormatError bad_json / bad_manifest / unsupported_version."""
    return parse_manifest(parse_json(content, limits))


# ----- data.json ------------------------------------------------------------------------------------

def decode_data(content: bytes, limits: Limits = DEFAULT_LIMITS):
    """data.json's bytes → RoundData (packets/round_data.py), in one typed parse after the bounds; the commune code
    inside must be the manifest's (checked by the reader). FormatError('bad_data', "<msgspec's place>: …")."""
    return decode_typed_json(content, RoundData, max_depth=limits.max_json_depth,
                             max_elements=limits.max_data_elements)


def encode_data(data) -> bytes:
    """What the writer stores as data.json: a RoundData (or a dict of its shape, checked first) as sorted JSON."""
    if not isinstance(data, RoundData):
        try:
            data = msgspec.convert(data, RoundData)
        except msgspec.ValidationError as exc:
            raise FormatError("bad_data", str(exc)[:300]) from None
    return dump_json(msgspec.to_builtins(data))
