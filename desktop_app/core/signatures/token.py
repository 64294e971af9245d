"""The officer's USB token through its PKCS#11 library (python-pkcs11, as pyHanko uses it): which libraries are
installed, the token in the slot, its certificates paired with their keys by CKA_ID, and the token's errors as
Vietnamese messages. The PIN is only ever passed in; nothing here keeps it."""
from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pkcs11
from asn1crypto import x509 as asn1_x509
from pkcs11 import Attribute, ObjectClass
from pkcs11 import exceptions as p11

from ..errors import UserError
from .certificates import CertificateInfo, describe

# The usual places of the PKCS#11 drivers the Vietnamese CAs' tokens install on Windows (offered in the settings
# only when the file is there). The list is data to extend: a driver not listed is picked with "Chọn tệp…".
WINDOWS_LIBRARIES = [
    ("Ban Cơ yếu Chính phủ — token ePass2003", r"C:\Windows\System32\eps2003csp11.dll"),
    ("SafeNet eToken", r"C:\Windows\System32\eTPKCS11.dll"),
    ("VNPT-CA", r"C:\Windows\System32\vnpt-ca_csp11.dll"),
    ("Viettel-CA", r"C:\Windows\System32\viettel-ca_v6.dll"),
    ("Viettel-CA (bản cũ)", r"C:\Windows\System32\viettel-ca_v5.dll"),
    ("FPT-CA", r"C:\Windows\System32\fpt-ca.dll"),
    ("BKAV-CA", r"C:\Windows\System32\BkavCA.dll"),
    ("Token Shuttle (nhiều CA dùng)", r"C:\Windows\System32\ShuttleCsp11_3003.dll"),
]
OTHER_LIBRARIES = [
    ("OpenSC", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"),
    ("SoftHSM 2 (token phần mềm, để thử)", "/usr/lib/softhsm/libsofthsm2.so"),
]

CKF_USER_PIN_COUNT_LOW = 0x10000
CKF_USER_PIN_FINAL_TRY = 0x20000
CKF_USER_PIN_LOCKED = 0x40000


def known_libraries() -> list[tuple[str, str]]:
    """(name, path) of the token drivers installed on this computer, from the usual places."""
    listed = WINDOWS_LIBRARIES if sys.platform == "win32" else OTHER_LIBRARIES
    return [(name, path) for name, path in listed if os.path.exists(path)]


@dataclass(frozen=True)
class TokenCertificate:
    """A certificate on the token that has a private key with the same CKA_ID (so it can sign)."""

    cka_id: str          # hex
    label: str
    der: bytes
    info: CertificateInfo

    @property
    def cert(self) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(self.der)


@dataclass(frozen=True)
class TokenContents:
    token_label: str
    serial: str
    manufacturer: str
    certificates: tuple[TokenCertificate, ...]   # those with a key
    other_certificates: tuple[bytes, ...]        # CA certificates the token carries (DER)


def _load(library: str):
    if not library:
        raise UserError("signatures.library_not_set")
    if not os.path.isfile(library):
        raise UserError("signatures.library_missing", path=library)
    try:
        return pkcs11.lib(library)
    except (RuntimeError, OSError, p11.PKCS11Error) as exc:
        raise UserError("signatures.library_invalid", path=library, detail=str(exc)[:200]) from None


def token_error(exc: BaseException) -> UserError | None:
    """The Vietnamese message for an error the token or its library raised (None: not a token error)."""
    if isinstance(exc, UserError):
        return exc
    if isinstance(exc, p11.PinIncorrect | p11.PinLenRange | p11.PinInvalid):
        return UserError("signatures.pin_wrong")
    if isinstance(exc, p11.PinLocked):
        return UserError("signatures.pin_locked")
    if isinstance(exc, p11.PinExpired):
        return UserError("signatures.pin_expired")
    if isinstance(exc, p11.TokenNotPresent | p11.NoSuchToken | p11.DeviceRemoved | p11.TokenNotRecognised
                  | p11.SlotIDInvalid | p11.SessionClosed | p11.SessionHandleInvalid | p11.DeviceError):
        return UserError("signatures.token_absent")
    if isinstance(exc, p11.MechanismInvalid | p11.MechanismParamInvalid | p11.FunctionNotSupported
                  | p11.KeyTypeInconsistent):
        return UserError("signatures.mechanism_unsupported", detail=type(exc).__name__)
    if isinstance(exc, p11.PKCS11Error):
        return UserError("signatures.token_error", detail=type(exc).__name__)
    return None


def _find_token(lib, serial: str = ""):
    try:
        slots = lib.get_slots(token_present=True)
    except p11.PKCS11Error as exc:
        raise token_error(exc) from None
    for slot in slots:
        try:
            tok = slot.get_token()
        except p11.PKCS11Error:
            continue
        if not tok.flags & pkcs11.TokenFlag.TOKEN_INITIALIZED:
            continue
        if serial and tok.serial.decode("ascii", "replace").strip() != serial:
            continue
        return tok
    raise UserError("signatures.token_absent")


@contextlib.contextmanager
def open_token(library: str, pin: str, serial: str = "") -> Iterator[object]:
    """A logged-in session on the token (the first initialised one, or the one with this serial number). A PIN
    the token reports locked is not even tried (each wrong try counts)."""
    lib = _load(library)
    tok = _find_token(lib, serial)
    if tok.flags & CKF_USER_PIN_LOCKED:
        raise UserError("signatures.pin_locked")
    if not pin:
        raise UserError("signatures.pin_empty")
    try:
        session = tok.open(user_pin=pin)
    except p11.PKCS11Error as exc:
        err = token_error(exc)
        if err is not None and err.code == "signatures.pin_wrong" and _final_try(lib, serial):
            raise UserError("signatures.pin_wrong_final") from None
        raise err from None
    try:
        yield session
    finally:
        with contextlib.suppress(p11.PKCS11Error):
            session.close()


def _final_try(lib, serial: str) -> bool:
    try:
        return bool(_find_token(lib, serial).flags & CKF_USER_PIN_FINAL_TRY)
    except UserError:
        return False


def token_serial(tok) -> str:
    return tok.serial.decode("ascii", "replace").strip()


def read_contents(session) -> TokenContents:
    """The token's certificates that have a private key, paired by CKA_ID (the labels of a key and its
    certificate differ on some Vietnamese tokens), and the other certificates it carries (its CA chain)."""
    try:
        key_ids = {bytes(k[Attribute.ID]) for k in session.get_objects({Attribute.CLASS: ObjectClass.PRIVATE_KEY})}
        certs, others = [], []
        for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
            der = bytes(obj[Attribute.VALUE])
            try:
                cka = bytes(obj[Attribute.ID])
            except p11.PKCS11Error:
                cka = b""
            try:
                label = obj[Attribute.LABEL]
            except p11.PKCS11Error:
                label = ""
            try:
                cert = asn1_x509.Certificate.load(der)
                info = describe(cert)
            except (ValueError, TypeError):
                continue
            if cka and cka in key_ids and not info.is_ca:
                certs.append(TokenCertificate(cka.hex(), label, der, info))
            else:
                others.append(der)
        tok = session.token
    except p11.PKCS11Error as exc:
        raise token_error(exc) from None
    certs.sort(key=lambda c: (c.info.name, c.info.not_after))
    return TokenContents(tok.label.strip(), token_serial(tok), tok.manufacturer_id.strip(), tuple(certs),
                         tuple(others))


def list_token_certificates(library: str, pin: str, serial: str = "") -> TokenContents:
    """Log in with the PIN the officer typed and list what the token can sign with (an operation: run it on the
    runner; the PIN is not kept)."""
    with open_token(library, pin, serial) as session:
        return read_contents(session)


def library_label(path: str) -> str:
    for name, known in WINDOWS_LIBRARIES + OTHER_LIBRARIES:
        if os.path.normcase(known) == os.path.normcase(path):
            return name
    return Path(path).name
