"""A throwaway test PKI and a real SoftHSM2 token holding it (issue 17's tests and bench).

The chain imitates the Ban Cơ yếu Chính phủ's: a root, an intermediate (the "CA chuyên dùng"), then end-entity
certificates: a chairman's personal certificate (RSA-2048, as the real tokens carry), the commune's organisation
certificate (ECDSA P-256), an expired one and one whose key usage does not allow signing. On the token the keys
and certificates carry different labels and the same CKA_ID — as some Vietnamese tokens do — so a lookup by
label fails and pairing by CKA_ID is needed. Nothing here is a mock: softhsm2-util and the PKCS#11 library are
the real Debian ones (package softhsm2)."""
from __future__ import annotations

import datetime as dt
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

SOFTHSM_LIB_CANDIDATES = ("/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                          "/usr/local/lib/softhsm/libsofthsm2.so")
USER_PIN = "123456"
SO_PIN = "12345678"
TOKEN_LABEL = "UBND xa Thu Nghiem"
COMMUNE = "UBND xã Thử Nghiệm"
CHAIRMAN = "Nguyễn Văn An"
NOW = dt.datetime.now(dt.UTC)


def softhsm_library() -> str | None:
    for p in SOFTHSM_LIB_CANDIDATES:
        if Path(p).exists():
            return p
    return None


def _name(cn: str, org: str = "", title: str = "") -> x509.Name:
    parts = [x509.NameAttribute(NameOID.COUNTRY_NAME, "VN")]
    if org:
        parts.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    if title:
        parts.append(x509.NameAttribute(NameOID.TITLE, title))
    parts.append(x509.NameAttribute(NameOID.COMMON_NAME, cn))
    return x509.Name(parts)


def _cert(subject, key, issuer, issuer_key, *, ca: bool, not_before, not_after, usage: str = "sign",
          path_len=None) -> x509.Certificate:
    b = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer.subject if issuer else subject)
         .public_key(key.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(not_before).not_valid_after(not_after)
         .add_extension(x509.BasicConstraints(ca=ca, path_length=path_len), critical=True)
         .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False))
    if issuer is not None:
        b = b.add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()),
                            critical=False)
    if ca:
        b = b.add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                          data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                          crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
    elif usage == "sign":
        b = b.add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                          data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                          crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
    elif usage == "timestamp":  # a timestamp authority (RFC 3161): time stamping only, critical
        b = b.add_extension(x509.KeyUsage(digital_signature=True, content_commitment=True, key_encipherment=False,
                                          data_encipherment=False, key_agreement=False, key_cert_sign=False,
                                          crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
        b = b.add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
    else:  # encryption only: a certificate that must not sign documents
        b = b.add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=True,
                                          data_encipherment=True, key_agreement=False, key_cert_sign=False,
                                          crl_sign=False, encipher_only=False, decipher_only=False), critical=True)
    return b.sign(issuer_key if issuer_key is not None else key, hashes.SHA256())


@dataclass
class Entity:
    name: str
    key: object
    cert: x509.Certificate
    cka_id: bytes
    key_label: str
    cert_label: str

    @property
    def cert_der(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.DER)


@dataclass
class TestPki:
    root: Entity
    intermediate: Entity
    personal: Entity
    organisation: Entity
    expired: Entity
    wrong_usage: Entity
    other_root: Entity  # a root nobody installed: its leaf is "untrusted"
    untrusted: Entity
    folder: Path = field(default=Path("."))

    def root_pem(self) -> bytes:
        return self.root.cert.public_bytes(serialization.Encoding.PEM)

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for ent in (self.root, self.intermediate, self.personal, self.organisation, self.other_root):
            (folder / f"{ent.name}.pem").write_bytes(ent.cert.public_bytes(serialization.Encoding.PEM))
        self.folder = folder

    def on_token(self) -> list[Entity]:
        return [self.personal, self.organisation, self.expired, self.wrong_usage, self.untrusted]


def make_pki() -> TestPki:
    day = dt.timedelta(days=1)
    root_key = ec.generate_private_key(ec.SECP384R1())
    root_cert = _cert(_name("Root CA thử nghiệm (giả lập Ban Cơ yếu Chính phủ)", "Ban Cơ yếu Chính phủ (thử nghiệm)"),
                      root_key, None, None, ca=True, not_before=NOW - 3650 * day, not_after=NOW + 3650 * day)
    root = Entity("root", root_key, root_cert, b"", "", "")
    int_key = ec.generate_private_key(ec.SECP384R1())
    int_cert = _cert(_name("CA chuyên dùng Chính phủ thử nghiệm", "Ban Cơ yếu Chính phủ (thử nghiệm)"), int_key,
                     root_cert, root_key, ca=True, path_len=0, not_before=NOW - 1000 * day,
                     not_after=NOW + 2000 * day)
    inter = Entity("intermediate", int_key, int_cert, b"", "", "")

    def leaf(name, cn, org, title, key, *, usage="sign", expired=False, issuer=inter, cka=b"\x01"):
        nb, na = (NOW - 800 * day, NOW - 30 * day) if expired else (NOW - 10 * day, NOW + 700 * day)
        cert = _cert(_name(cn, org, title), key, issuer.cert, issuer.key, ca=False, not_before=nb, not_after=na,
                     usage=usage)
        # Labels differ between the key and its certificate: only CKA_ID pairs them.
        return Entity(name, key, cert, cka, f"PrivKey-{cka.hex()}", f"{cn} ({name})")

    personal = leaf("personal", CHAIRMAN, COMMUNE, "Chủ tịch", rsa.generate_private_key(65537, 2048), cka=b"\xa1\x01")
    organisation = leaf("organisation", COMMUNE, COMMUNE, "", ec.generate_private_key(ec.SECP256R1()),
                        cka=b"\xa1\x02")
    expired = leaf("expired", "Trần Văn Cũ", COMMUNE, "Phó Chủ tịch", ec.generate_private_key(ec.SECP256R1()),
                   expired=True, cka=b"\xa1\x03")
    wrong = leaf("wrong_usage", "Lê Thị Mã Hóa", COMMUNE, "Công chức", ec.generate_private_key(ec.SECP256R1()),
                 usage="encrypt", cka=b"\xa1\x04")
    other_key = ec.generate_private_key(ec.SECP256R1())
    other_cert = _cert(_name("CA lạ không được cài", "Tổ chức lạ"), other_key, None, None, ca=True,
                       not_before=NOW - 100 * day, not_after=NOW + 1000 * day)
    other = Entity("other_root", other_key, other_cert, b"", "", "")
    untrusted = leaf("untrusted", "Người Lạ", "Tổ chức lạ", "", ec.generate_private_key(ec.SECP256R1()),
                     issuer=other, cka=b"\xa1\x05")
    return TestPki(root, inter, personal, organisation, expired, wrong, other, untrusted)


@dataclass
class SoftToken:
    library: str
    conf: Path
    tokens_dir: Path
    label: str
    pin: str = USER_PIN


def write_conf(folder: Path) -> tuple[Path, Path]:
    tokens = folder / "tokens"
    tokens.mkdir(parents=True, exist_ok=True)
    conf = folder / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tokens}\nobjectstore.backend = file\nlog.level = ERROR\n")
    return conf, tokens


def init_token(conf: Path, label: str, pin: str = USER_PIN) -> None:
    env = dict(os.environ, SOFTHSM2_CONF=str(conf))
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", label, "--so-pin", SO_PIN, "--pin", pin],
                   env=env, check=True, capture_output=True)


def put_entities(conf: Path, library: str, label: str, entities: list[Entity], pin: str = USER_PIN) -> None:
    """Import each private key (softhsm2-util) and its certificate (a PKCS#11 certificate object) under the same
    CKA_ID and different labels."""
    env = dict(os.environ, SOFTHSM2_CONF=str(conf))
    work = conf.parent
    for ent in entities:
        pem = work / f"{ent.name}.key.pem"
        pem.write_bytes(ent.key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                              serialization.NoEncryption()))
        subprocess.run(["softhsm2-util", "--import", str(pem), "--token", label, "--label", ent.key_label,
                        "--id", ent.cka_id.hex(), "--pin", pin], env=env, check=True, capture_output=True)
        pem.unlink()
    # Certificates: python-pkcs11 in a child process (the parent's library stays uninitialised until used).
    script = work / "put_certs.py"
    script.write_text(
        "import sys, pkcs11\nfrom asn1crypto import x509\nfrom pkcs11 import Attribute, ObjectClass, CertificateType\n"
        "lib = pkcs11.lib(sys.argv[1])\n"
        "tok = lib.get_token(token_label=sys.argv[2])\n"
        "with tok.open(rw=True, user_pin=sys.argv[3]) as s:\n"
        "    for i in range(4, len(sys.argv), 3):\n"
        "        der = open(sys.argv[i], 'rb').read()\n"
        "        c = x509.Certificate.load(der)\n"
        "        s.create_object({Attribute.CLASS: ObjectClass.CERTIFICATE,\n"
        "            Attribute.CERTIFICATE_TYPE: CertificateType.X_509, Attribute.TOKEN: True,\n"
        "            Attribute.VALUE: der, Attribute.ID: bytes.fromhex(sys.argv[i + 1]),\n"
        "            Attribute.LABEL: sys.argv[i + 2], Attribute.SUBJECT: c.subject.dump(),\n"
        "            Attribute.ISSUER: c.issuer.dump(), Attribute.SERIAL_NUMBER: c['tbs_certificate']['serial_number'].dump()})\n")
    args = []
    for ent in entities:
        der = work / f"{ent.name}.der"
        der.write_bytes(ent.cert_der)
        args += [str(der), ent.cka_id.hex(), ent.cert_label]
    import sys
    subprocess.run([sys.executable, str(script), library, label, pin, *args], env=env, check=True,
                   capture_output=True)


def make_token(folder: Path, pki: TestPki, *, label: str = TOKEN_LABEL, entities=None) -> SoftToken:
    library = softhsm_library()
    assert library, "softhsm2 is not installed (Debian package softhsm2; tasks.py installs it)"
    conf, tokens = write_conf(folder)
    init_token(conf, label)
    put_entities(conf, library, label, pki.on_token() if entities is None else entities)
    return SoftToken(library, conf, tokens, label)


def use_token(tok: SoftToken) -> None:
    """Point the process's SoftHSM library at this token folder (SoftHSM reads its configuration when the library
    is initialised: re-initialise it when it was loaded for another folder)."""
    import pkcs11
    if os.environ.get("SOFTHSM2_CONF") == str(tok.conf):
        return
    os.environ["SOFTHSM2_CONF"] = str(tok.conf)
    lib = pkcs11.lib(tok.library)
    lib.reinitialize()


def lock_user_pin(tok: SoftToken) -> None:
    """Mark the token's user PIN locked in its own storage (CKF_USER_PIN_LOCKED in the token's flags), as a real
    token does after too many wrong PINs. SoftHSM2 counts no tries itself, so this is how a locked SoftHSM token is
    made; the library then reports the flag in C_GetTokenInfo like any locked token."""
    import struct
    for obj in tok.tokens_dir.glob("*/token.object"):
        data = bytearray(obj.read_bytes())
        for flags in (0x42D, 0x1042D):          # initialised token, with or without "count low" after a wrong PIN
            i = data.find(struct.pack(">Q", flags))
            if i >= 0:
                data[i:i + 8] = struct.pack(">Q", flags | 0x40000)
                obj.write_bytes(bytes(data))
                return
    raise AssertionError("token flags not found in the SoftHSM token file")


def signature_png(path: Path) -> Path:
    """A blue handwritten-looking stroke on a transparent background (what a scanned signature PNG looks like)."""
    from PIL import Image, ImageDraw
    img = Image.new("RGBA", (600, 240), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    pts = [(40, 170), (110, 60), (160, 190), (230, 70), (300, 180), (380, 80), (450, 160), (560, 110)]
    d.line(pts, fill=(20, 40, 160, 255), width=9, joint="curve")
    d.line([(60, 200), (540, 190)], fill=(20, 40, 160, 255), width=5)
    img.save(path)
    return path


def seal_png(path: Path) -> Path:
    """A red round seal on a transparent background."""
    from PIL import Image, ImageDraw
    img = Image.new("RGBA", (500, 500), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    red = (200, 20, 20, 230)
    d.ellipse((10, 10, 490, 490), outline=red, width=14)
    d.ellipse((60, 60, 440, 440), outline=red, width=6)
    d.regular_polygon((250, 250, 70), 5, rotation=0, fill=red)
    img.save(path)
    return path


def opaque_png(path: Path) -> Path:
    from PIL import Image
    Image.new("RGB", (200, 100), (255, 255, 255)).save(path)
    return path


def make_tsa(pki: TestPki) -> Entity:
    """A timestamp authority's certificate under the test intermediate (for PAdES B-T; RSA, as pyHanko's test
    timestamper requires)."""
    key = rsa.generate_private_key(65537, 2048)
    day = dt.timedelta(days=1)
    cert = _cert(_name("Máy chủ cấp dấu thời gian thử nghiệm", "Ban Cơ yếu Chính phủ (thử nghiệm)"), key,
                 pki.intermediate.cert, pki.intermediate.key, ca=False, not_before=NOW - 10 * day,
                 not_after=NOW + 700 * day, usage="timestamp")
    return Entity("tsa", key, cert, b"", "", "")


class LocalTimestampServer:
    """An RFC 3161 timestamp server on 127.0.0.1 for the tests (pyHanko's DummyTimeStamper behind http.server):
    the app reaches it over HTTP exactly as it would a CA's TSA URL. Use as a context manager; `url`."""

    def __init__(self, tsa: Entity, chain: list[Entity]):
        import asyncio
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        from asn1crypto import keys as asn1_keys
        from asn1crypto import tsp
        from asn1crypto import x509 as asn1_x509
        from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
        from pyhanko_certvalidator.registry import SimpleCertificateStore

        der_key = tsa.key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                        serialization.NoEncryption())
        stamper = DummyTimeStamper(
            tsa_cert=asn1_x509.Certificate.load(tsa.cert_der), tsa_key=asn1_keys.PrivateKeyInfo.load(der_key),
            certs_to_embed=SimpleCertificateStore.from_certs([asn1_x509.Certificate.load(e.cert_der) for e in chain]))
        self.requests = 0
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                outer.requests += 1
                reply = asyncio.run(stamper.async_request_tsa_response(tsp.TimeStampReq.load(body))).dump()
                self.send_response(200)
                self.send_header("Content-Type", "application/timestamp-reply")
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/tsa"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "LocalTimestampServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
