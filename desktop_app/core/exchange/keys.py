"""The commune's Ed25519 signing key: kept in the OS keyring, fingerprinted, backed up, rotated."""
from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import padding, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ..errors import UserError
from ..fingerprints import format_fingerprint
from ..register.communes import COMMUNE_CODE_RE, commune_code_of, save_commune_settings
from ..changes import Topic
from ..storage.files import write_file_atomically
from ..storage.secrets import SecretStore
from ..storage.session import Session

log = logging.getLogger(__name__)

VN_TZ = timezone(timedelta(hours=7))

KEY_ENTRY = "commune-signing-key/{code}"
ROTATION_ENTRY = "commune-key-rotation/{code}"


# Key backup: PKCS#8 EncryptedPrivateKeyInfo, PBES2 with scrypt + AES-256-CBC, the same structure
# as `openssl pkcs8 -topk8 -scrypt` writes, so `openssl pkey -in backup.pem` opens it. Not
# cryptography's BestAvailableEncryption: for PKCS#8 that is PBKDF2 with only 2048 iterations.
# N = 2^14, r = 8 stays under OpenSSL's 32 MiB scrypt memory cap; p = 4 buys time instead of memory.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 4
MIN_PASSPHRASE = 8
BACKUP_MAX_BYTES = 64 * 1024

ROTATION_STATEMENT = "so-thi-dua key rotation v1"


# ----- fingerprints ---------------------------------------------------------------------------

def _public_der(public_key: Ed25519PublicKey) -> bytes:
    return public_key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)


def public_key_pem(public_key: Ed25519PublicKey) -> str:
    """SubjectPublicKeyInfo PEM, the form `openssl pkeyutl -verify -pubin -inkey` reads."""
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def fingerprint(public_key: Ed25519PublicKey) -> str:
    """Canonical fingerprint: SHA-256 of the DER SubjectPublicKeyInfo, 64 lower-case hex digits.

    Stock tools give the same: `openssl pkey -pubin -in signer.pem -outform DER | sha256sum`.
    """
    return hashlib.sha256(_public_der(public_key)).hexdigest()


def load_public_key_pem(data: bytes | str) -> Ed25519PublicKey:
    """An Ed25519 public key from PEM; ValueError for anything else (it may come from a USB stick)."""
    if isinstance(data, str):
        data = data.encode("ascii", "strict")
    try:
        key = serialization.load_pem_public_key(data)
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise ValueError(f"not a public key: {exc}") from None
    if not isinstance(key, Ed25519PublicKey):
        raise ValueError("not an Ed25519 key")
    return key


def verify_signature(public_key: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    try:
        public_key.verify(signature, data)
        return True
    except InvalidSignature:
        return False


@dataclass(frozen=True)
class PublicKeyInfo:
    """What settings show and the receiver stores: the public key and its fingerprint."""

    public_key_pem: str
    fingerprint: str

    @property
    def fingerprint_display(self) -> str:
        return format_fingerprint(self.fingerprint)


# ----- key rotation announcement ----------------------------------------------------------------

@dataclass(frozen=True)
class KeyRotation:
    """'My new key is X', signed by the old key; carried in manifest.json as "key_rotation"."""

    commune_code: str
    old_fingerprint: str
    new_fingerprint: str
    old_public_key_pem: str
    new_public_key_pem: str
    announced_at: str
    signature: str  # base64 of the raw 64-byte Ed25519 signature by the old key

    @staticmethod
    def statement(commune_code: str, old_fp: str, new_fp: str, announced_at: str) -> bytes:
        """The exact bytes the old key signs (see docs/packet-format.md, "Key rotation")."""
        return (
            f"{ROTATION_STATEMENT}\n"
            f"commune_code: {commune_code}\n"
            f"old_fingerprint: {old_fp}\n"
            f"new_fingerprint: {new_fp}\n"
            f"announced_at: {announced_at}\n"
        ).encode("utf-8")

    def signed_bytes(self) -> bytes:
        return self.statement(self.commune_code, self.old_fingerprint, self.new_fingerprint, self.announced_at)

    def to_dict(self) -> dict:
        return {
            "commune_code": self.commune_code,
            "old_fingerprint": self.old_fingerprint,
            "new_fingerprint": self.new_fingerprint,
            "old_public_key": self.old_public_key_pem,
            "new_public_key": self.new_public_key_pem,
            "announced_at": self.announced_at,
            "signature": self.signature,
        }

    @classmethod
    def from_dict(cls, d: object) -> "KeyRotation":
        """Parse (shape only; call is_valid() for the cryptography). ValueError on a wrong shape."""
        if not isinstance(d, dict):
            raise ValueError("key_rotation must be an object")
        fields = ("commune_code", "old_fingerprint", "new_fingerprint", "old_public_key",
                  "new_public_key", "announced_at", "signature")
        for f in fields:
            if not isinstance(d.get(f), str) or len(d[f]) > 4096:
                raise ValueError(f"key_rotation.{f} must be a string")
        return cls(d["commune_code"], d["old_fingerprint"], d["new_fingerprint"], d["old_public_key"],
                   d["new_public_key"], d["announced_at"], d["signature"])

    def is_valid(self) -> bool:
        """Both keys parse, their fingerprints match, and the old key signed the statement."""
        try:
            old = load_public_key_pem(self.old_public_key_pem)
            new = load_public_key_pem(self.new_public_key_pem)
            sig = base64.b64decode(self.signature, validate=True)
        except ValueError:
            return False
        if fingerprint(old) != self.old_fingerprint or fingerprint(new) != self.new_fingerprint:
            return False
        if self.old_fingerprint == self.new_fingerprint or len(sig) != 64:
            return False
        return verify_signature(old, sig, self.signed_bytes())


# ----- the private key ---------------------------------------------------------------------------

class CommuneKey:
    """The commune's private key, loaded from the keyring. Never printed, never written in clear."""

    def __init__(self, commune_code: str, private_key: Ed25519PrivateKey, rotation: KeyRotation | None = None):
        self.commune_code = commune_code
        self._private_key = private_key
        self.public_key = private_key.public_key()
        self.public_key_pem = public_key_pem(self.public_key)
        self.fingerprint = fingerprint(self.public_key)
        # The announcement of this key by its predecessor, if it was rotated in; it rides in every
        # packet this key signs, so a receiver that missed one packet still learns of the new key.
        self.rotation = rotation if rotation and rotation.new_fingerprint == self.fingerprint else None

    def __repr__(self) -> str:
        return f"<CommuneKey {self.commune_code} {format_fingerprint(self.fingerprint)}>"

    @property
    def info(self) -> PublicKeyInfo:
        return PublicKeyInfo(self.public_key_pem, self.fingerprint)

    def sign(self, data: bytes) -> bytes:
        return self._private_key.sign(data)


def _check_code(commune_code: str) -> str:
    if not isinstance(commune_code, str) or not COMMUNE_CODE_RE.match(commune_code):
        raise UserError("keys.bad_commune_code", commune=str(commune_code))
    return commune_code


def _private_pem(private_key: Ed25519PrivateKey) -> str:
    return private_key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode("ascii")


def _load_stored(commune_code: str, pem: str) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(pem.encode("ascii"), password=None)
    except (ValueError, TypeError, UnicodeEncodeError, UnsupportedAlgorithm):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise UserError("keys.stored_key_corrupt", commune=commune_code)
    return key


def get_commune_key(store: SecretStore, commune_code: str) -> CommuneKey | None:
    """The commune's key from the keyring, or None if it has none yet."""
    _check_code(commune_code)
    pem = store.get(KEY_ENTRY.format(code=commune_code))
    if pem is None:
        return None
    private_key = _load_stored(commune_code, pem)
    rotation = None
    raw = store.get(ROTATION_ENTRY.format(code=commune_code))
    if raw:
        try:
            rotation = KeyRotation.from_dict(json.loads(raw))
        except ValueError:
            rotation = None
        if rotation is not None and not rotation.is_valid():
            rotation = None
    return CommuneKey(commune_code, private_key, rotation)


def get_or_create_commune_key(store: SecretStore, commune_code: str) -> CommuneKey:
    """The commune's key; created (and stored in the keyring only) on first use, i.e. first export."""
    existing = get_commune_key(store, commune_code)
    if existing is not None:
        return existing
    private_key = Ed25519PrivateKey.generate()
    store.set(KEY_ENTRY.format(code=commune_code), _private_pem(private_key))
    return CommuneKey(commune_code, private_key)


def commune_key_info(store: SecretStore, commune_code: str) -> PublicKeyInfo | None:
    """For the settings screen and the Tờ trình: the public key and fingerprint, if a key exists."""
    key = get_commune_key(store, commune_code)
    return key.info if key else None


def _now_iso(now: datetime | None) -> str:
    now = now or datetime.now(VN_TZ)
    if now.tzinfo is None:
        raise ValueError("aware datetime required")
    return now.astimezone(VN_TZ).isoformat(timespec="seconds")


def rotate_commune_key(store: SecretStore, commune_code: str, now: datetime | None = None) -> KeyRotation:
    """Replace the key by a new one announced by the old one; the old private key is discarded.

    The announcement is kept in the keyring next to the new key and rides in every packet the new
    key signs. Order of writes: announcement first, then the key; an interruption between them
    leaves the old key in place and an announcement that does not match it, which is ignored.
    """
    old = get_commune_key(store, commune_code)
    if old is None:
        raise UserError("keys.no_key", commune=commune_code)
    new_private = Ed25519PrivateKey.generate()
    new_public = new_private.public_key()
    announced_at = _now_iso(now)
    new_fp = fingerprint(new_public)
    sig = old.sign(KeyRotation.statement(commune_code, old.fingerprint, new_fp, announced_at))
    rotation = KeyRotation(commune_code, old.fingerprint, new_fp, old.public_key_pem,
                           public_key_pem(new_public), announced_at, base64.b64encode(sig).decode("ascii"))
    store.set(ROTATION_ENTRY.format(code=commune_code), json.dumps(rotation.to_dict(), sort_keys=True))
    store.set(KEY_ENTRY.format(code=commune_code), _private_pem(new_private))
    return rotation


# ----- backup and restore -------------------------------------------------------------------------

def _der(tag: int, content: bytes) -> bytes:
    n = len(content)
    if n < 0x80:
        length = bytes([n])
    else:
        body = n.to_bytes((n.bit_length() + 7) // 8, "big")
        length = bytes([0x80 | len(body)]) + body
    return bytes([tag]) + length + content


def _der_int(value: int) -> bytes:
    return _der(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def _der_oid(dotted: str) -> bytes:
    parts = [int(p) for p in dotted.split(".")]
    out = bytearray([40 * parts[0] + parts[1]])
    for p in parts[2:]:
        chunk = [p & 0x7F]
        p >>= 7
        while p:
            chunk.append(0x80 | (p & 0x7F))
            p >>= 7
        out.extend(reversed(chunk))
    return _der(0x06, bytes(out))


def _seq(*items: bytes) -> bytes:
    return _der(0x30, b"".join(items))


_OID_PBES2 = "1.2.840.113549.1.5.13"
_OID_SCRYPT = "1.3.6.1.4.1.11591.4.11"
_OID_AES256_CBC = "2.16.840.1.101.3.4.1.42"


def _passphrase_bytes(passphrase: str) -> bytes:
    # Vietnamese typed with different input methods arrives as NFC or NFD: the same words must open it.
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def _encrypt_pkcs8_scrypt(private_key: Ed25519PrivateKey, passphrase: bytes) -> bytes:
    plain = private_key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption())
    salt, iv = os.urandom(16), os.urandom(16)
    aes_key = Scrypt(salt=salt, length=32, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P).derive(passphrase)
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    enc = Cipher(algorithms.AES(aes_key), modes.CBC(iv)).encryptor()
    ciphertext = enc.update(padded) + enc.finalize()
    algorithm = _seq(
        _der_oid(_OID_PBES2),
        _seq(
            _seq(_der_oid(_OID_SCRYPT),
                 _seq(_der(0x04, salt), _der_int(SCRYPT_N), _der_int(SCRYPT_R), _der_int(SCRYPT_P))),
            _seq(_der_oid(_OID_AES256_CBC), _der(0x04, iv)),
        ),
    )
    der = _seq(algorithm, _der(0x04, ciphertext))
    b64 = base64.b64encode(der).decode("ascii")
    lines = [b64[i:i + 64] for i in range(0, len(b64), 64)]
    return ("-----BEGIN ENCRYPTED PRIVATE KEY-----\n" + "\n".join(lines)
            + "\n-----END ENCRYPTED PRIVATE KEY-----\n").encode("ascii")


def key_backup_bytes(store: SecretStore, commune_code: str, passphrase: str) -> bytes:
    """The content of a key backup file: a short header, then the passphrase-encrypted PKCS#8 PEM.

    The header lines before the PEM block are ignored by OpenSSL; they say whose key it is.
    """
    if len(unicodedata.normalize("NFC", passphrase or "")) < MIN_PASSPHRASE:
        raise UserError("keys.passphrase_too_short", min=MIN_PASSPHRASE)
    key = get_commune_key(store, commune_code)
    if key is None:
        raise UserError("keys.no_key", commune=commune_code)
    header = (
        "So Thi dua - commune signing key backup (encrypted PKCS#8, scrypt + AES-256-CBC)\n"
        f"Commune-Code: {commune_code}\n"
        f"Fingerprint: {key.fingerprint}\n"
        "Open with: openssl pkey -in THIS_FILE\n"
    ).encode("ascii")
    return header + _encrypt_pkcs8_scrypt(key._private_key, _passphrase_bytes(passphrase))


def write_key_backup(store: SecretStore, commune_code: str, path: str | os.PathLike, passphrase: str) -> Path:
    """Write the backup file (e.g. onto a USB stick); temp name, fsync, rename. Returns the path."""
    content = key_backup_bytes(store, commune_code, passphrase)
    return write_file_atomically(Path(path), content)


_PEM_BLOCK = re.compile(
    rb"-----BEGIN ENCRYPTED PRIVATE KEY-----\r?\n[A-Za-z0-9+/=\r\n]+-----END ENCRYPTED PRIVATE KEY-----")
_HEADER_CODE = re.compile(rb"^Commune-Code: ([A-Za-z0-9-]{1,32})\r?$", re.M)


def read_key_backup(content: bytes, passphrase: str) -> Ed25519PrivateKey:
    """Decrypt a backup file's content; UserError for a wrong passphrase or a file that is not one."""
    if len(content) > BACKUP_MAX_BYTES:
        raise UserError("keys.backup_invalid")
    m = _PEM_BLOCK.search(content)
    if not m:
        raise UserError("keys.backup_invalid")
    try:
        key = serialization.load_pem_private_key(m.group(0), password=_passphrase_bytes(passphrase or ""))
    except (ValueError, TypeError) as exc:
        # cryptography says "Incorrect password" for a wrong passphrase; anything else is a broken file.
        if "password" in str(exc).lower() or "decrypt" in str(exc).lower():
            raise UserError("keys.wrong_passphrase") from None
        raise UserError("keys.backup_invalid") from None
    except UnsupportedAlgorithm:
        raise UserError("keys.backup_invalid") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise UserError("keys.backup_invalid")
    return key


def restore_key_backup(store: SecretStore, commune_code: str, content: bytes, passphrase: str,
                       replace: bool = False) -> PublicKeyInfo:
    """Put a backed-up key into the keyring (e.g. on a new PC).

    A different key already in the keyring is only replaced with replace=True (the UI asks first):
    packets signed by the key that is there now would otherwise lose their signer.
    """
    _check_code(commune_code)
    m = _HEADER_CODE.search(content[:4096])
    if m and m.group(1).decode("ascii") != commune_code:
        raise UserError("keys.backup_other_commune", commune=m.group(1).decode("ascii"))
    private_key = read_key_backup(content, passphrase)
    restored = CommuneKey(commune_code, private_key)
    current = get_commune_key(store, commune_code)
    if current is not None and current.fingerprint != restored.fingerprint and not replace:
        raise UserError("keys.restore_would_replace", fingerprint=format_fingerprint(current.fingerprint))
    if current is None or current.fingerprint != restored.fingerprint:
        store.set(KEY_ENTRY.format(code=commune_code), _private_pem(private_key))
    return restored.info


def known_fingerprint(store: SecretStore, commune) -> str:
    """The commune's signing-key fingerprint when a key exists, for the Tờ trình (the receiving level compares
    it with the packet's signer); "" while there is no key yet or no keyring. Never creates a key."""
    try:
        info = commune_key_info(store, commune_code_of(commune))
    except UserError:
        return ""
    return info.fingerprint if info else ""


# ----- operations the window runs (keyring calls can block: they run on the operation runner) ----------------

def create_key(session: Session, commune_code: str) -> PublicKeyInfo:
    key = get_or_create_commune_key(session.secrets, commune_code)
    session.changed(Topic.KEYS)
    return key.info


def save_commune_and_key(session: Session, values: dict, *, draft_key: str | None = None):
    """Save the commune's identity and make sure it has its signing key, so that the first Tờ trình (or covering
    letter) already carries the key's fingerprint the receiving level compares with the packet. A keyring that
    refuses (locked, none on this PC) does not undo the save: the key is then made before the first document is
    issued, where the officer gets the keyring's own message."""
    commune = save_commune_settings(session, values, draft_key=draft_key)
    try:
        get_or_create_commune_key(session.secrets, commune_code_of(commune))
    except UserError as error:
        log.warning("commune saved; signing key not created yet: %s", error.code)
    else:
        session.changed(Topic.KEYS)
    return commune


def back_up_key(session: Session, commune_code: str, path: str | os.PathLike, passphrase: str) -> Path:
    return write_key_backup(session.secrets, commune_code, path, passphrase)


def restore_key(session: Session, commune_code: str, path: str | os.PathLike, passphrase: str,
                replace: bool = False) -> None:
    try:
        content = Path(path).read_bytes()[:BACKUP_MAX_BYTES + 1]
    except OSError as exc:
        raise UserError("keys.backup_invalid") from exc
    restore_key_backup(session.secrets, commune_code, content, passphrase, replace=replace)
    session.changed(Topic.KEYS)


def rotate_key(session: Session, commune_code: str) -> KeyRotation:
    rotation = rotate_commune_key(session.secrets, commune_code, now=session.clock.now())
    session.changed(Topic.KEYS)
    return rotation
