"""Signing an issued document with the officer's token (PAdES baseline B-B; B-T when a timestamp server is set and
answers): first the person with authority, then the văn thư adds the organisation's signature (the "seal").

One operation signs every PDF the document was issued with (the Tờ trình with its list and reports) with one PIN
entry. Nothing is written until every file is signed in memory; the signed files are kept beside the issued ones
(`<name>.ky1.pdf`, `<name>.ky2.pdf`) with their SHA-256, the issued file itself is never rewritten, and from then on
the document's PDF is the signed one (reprint, dossier copy and packet carry it unchanged)."""
from __future__ import annotations

import asyncio
import binascii
import hashlib
import io
import logging
import os
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from pkcs11 import exceptions as p11
from pyhanko.pdf_utils import content as pdf_content
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import SigSeedSubFilter
from pyhanko.sign.pkcs11 import PKCS11Signer
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.timestamps.aiohttp_client import HTTPTimeStamper
from pyhanko.stamp import StaticStampStyle

from ..changes import Topic
from ..errors import UserCancelled, UserError
from ..storage.files import remove_quietly
from ..storage.models import DocumentSignature, IssuedDocument
from ..storage.session import Session
from . import appearance as ap
from .certificates import CertificateInfo, check_signing_certificate, trust_store, vn_time
from .records import (
    DEFAULT_SEAL_MM,
    DEFAULT_SIGNATURE_MM,
    ORGANISATION,
    PERSONAL,
    POSITION,
    ROLE_NAMES,
    ImageRow,
    _image,
    _pdf_names,
    current_pdf,
    signing_settings,
)
from .token import TokenCertificate, list_token_certificates, open_token, read_contents, token_error

log = logging.getLogger(__name__)

FIELD_NAME = {PERSONAL: "ChuKySoCaNhan", ORGANISATION: "ChuKySoCoQuan"}
Progress = Callable[[int, int, str], None]


# ----- signing ---------------------------------------------------------------------------------------------

class _BytesPdfPage(pdf_content.ImportedPdfPage):
    """pyHanko's imported page, read from bytes instead of a file name (the appearance never touches the disk)."""

    def __init__(self, data: bytes):
        super().__init__(file_name="", page_ix=0)
        self._data = data

    def render(self) -> bytes:
        w = self._ensure_writer
        xobj = w.import_page_as_xobject(PdfFileReader(io.BytesIO(self._data)), page_ix=0)
        name = b"/Import" + binascii.hexlify(uuid.uuid4().bytes)
        self.resources.xobject[name.decode("ascii")] = xobj
        x1, y1, x2, y2 = xobj.get_object()["/BBox"]
        self.box = pdf_content.BoxConstraints(width=abs(x1 - x2), height=abs(y1 - y2))
        return name + b" Do"


@dataclass(frozen=True)
class Appearance:
    box: ap.Box
    pdf: bytes


def make_appearance(pdf: bytes, role: str, *, name: str, organisation: str, signed_at: datetime,
                    image: ImageRow | None, seal: ImageRow | None) -> Appearance:
    box = ap.personal_box(pdf)
    when = vn_time(signed_at)
    if role == PERSONAL:
        return Appearance(box, ap.render_personal(box, name=name, signed_at=when,
                                                  image=image.png if image else None,
                                                  image_mm=image.width_mm if image else DEFAULT_SIGNATURE_MM))
    seal_mm = seal.width_mm if seal else DEFAULT_SEAL_MM
    sbox = ap.seal_box(box, seal_mm)
    return Appearance(sbox, ap.render_seal(sbox, organisation=organisation, signed_at=when,
                                           image=seal.png if seal else None, seal_mm=seal_mm))


async def _sign_one(pdf: bytes, signer: PKCS11Signer, role: str, appearance: Appearance, signed_at: datetime,
                    timestamper, signer_name: str) -> bytes:
    w = IncrementalPdfFileWriter(io.BytesIO(pdf), strict=False)
    meta = signers.PdfSignatureMetadata(field_name=FIELD_NAME[role], subfilter=SigSeedSubFilter.PADES,
                                        md_algorithm="sha256", name=signer_name,
                                        reason=ROLE_NAMES[role], location="Việt Nam")
    style = StaticStampStyle(background=_BytesPdfPage(appearance.pdf), border_width=0, background_opacity=1.0)
    spec = fields.SigFieldSpec(sig_field_name=FIELD_NAME[role], on_page=appearance.box.page,
                               box=appearance.box.tuple())
    pdf_signer = signers.PdfSigner(meta, signer=signer, stamp_style=style, new_field_spec=spec,
                                   timestamper=timestamper)
    signing = pdf_signer.init_signing_session(w)
    signing.system_time = signed_at          # the time the appearance shows is the time the signature claims
    info = await signing.perform_presign_validation(w)
    if timestamper is None:
        reserved = _container_room(signer)
    else:   # a timestamp token's size is the server's: pyHanko measures a trial container with a dummy token
        reserved = await signing.estimate_signature_container_size(info, tight=False)
    tbs = signing.prepare_tbs_document(validation_info=info, bytes_reserved=reserved)
    digest, out = tbs.digest_tbs_document(output=io.BytesIO())
    post = await tbs.perform_signature(
        document_digest=digest.document_digest,
        pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=signed_at))
    await post.post_signature_processing(out)
    return out.getvalue()


#: What a CMS container holds beyond its certificates: the signer's identifier and the signed attributes (which
#: name the signing certificate's issuer and serial again), algorithm identifiers and the signature value (512
#: bytes for RSA-4096, 132 for ECDSA P-521). Measured: 1.6 KB with an RSA-2048 key and a chain of two.
_CONTAINER_OVERHEAD = 8192


def _container_room(signer: PKCS11Signer) -> int:
    """The room (in hex digits, as /Contents holds it) the signature container needs, counted from what goes in it
    — every certificate the signer embeds, the signing certificate's issuer and serial twice more — with a generous
    margin. pyHanko's own estimate signs a whole trial container (a third of the signing time), which only a
    timestamp token of unknown size needs."""
    signing_cert = signer.signing_cert.dump()
    certificates = sum(len(c.dump()) for c in signer.cert_registry) + len(signing_cert)
    return 2 * (certificates + 2 * len(signing_cert) + _CONTAINER_OVERHEAD)


def _is_mechanism_error(exc: BaseException) -> bool:
    seen = exc
    while seen is not None:
        if isinstance(seen, p11.MechanismInvalid | p11.MechanismParamInvalid | p11.FunctionNotSupported):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _timestamper(url: str):
    return HTTPTimeStamper(url, timeout=8) if url else None


async def _reachable(timestamper) -> bool:
    try:
        await timestamper.async_dummy_response("sha256")
        return True
    except Exception as exc:  # noqa: BLE001 — any failure of the network or the server: sign without it
        log.info("timestamp server not reachable: %s", exc)
        return False


@dataclass(frozen=True)
class SignOutcome:
    document_id: int
    role: str
    signer: CertificateInfo
    files: tuple[str, ...]
    level: str
    signed_at: str
    timestamp_skipped: bool       # a server is set but did not answer: signed B-B


def _signer(session_p11, cert: TokenCertificate, chain, raw: bool) -> PKCS11Signer:
    cka = bytes.fromhex(cert.cka_id)
    return PKCS11Signer(session_p11, cert_id=cka, key_id=cka, signing_cert=cert.cert, ca_chain=chain,
                        other_certs_to_pull=(), use_raw_mechanism=raw, embed_roots=True)


def sign_issued_document(session: Session, document_id: int, *, role: str, pin: str, cka_id: str,
                         library: str | None = None, serial: str = "", progress: Progress | None = None,
                         cancelled: Callable[[], bool] | None = None) -> SignOutcome:
    """Sign every PDF of an issued document with the certificate `cka_id` on the token (its PIN typed by the officer,
    used for this operation only). The personal signature comes first; the organisation's after it."""
    if role not in POSITION:
        raise ValueError(role)
    row = IssuedDocument.get_or_none(IssuedDocument.id == document_id)
    commune = session.home_commune()
    if row is None or commune is None or row.commune_id != commune.id:
        raise UserError("signatures.document_unknown")
    names = _pdf_names(row)
    done = {s.role for s in DocumentSignature.select().where((DocumentSignature.document == row.id)
                                                              & (DocumentSignature.file_name == names[0]))}
    if role in done:
        raise UserError("signatures.already_signed", role=ROLE_NAMES[role])
    if role == ORGANISATION and PERSONAL not in done:
        raise UserError("signatures.personal_first")
    settings = signing_settings(session)
    library = library if library is not None else settings.library
    store = trust_store(session)
    sources = {n: current_pdf(session, row, n) for n in names}
    total = len(names) + 1
    if progress:
        progress(0, total, "Đang mở token…")
    try:
        with open_token(library, pin, serial) as p11_session:
            contents = read_contents(p11_session)
            cert = next((c for c in contents.certificates if c.cka_id == cka_id), None)
            if cert is None:
                raise UserError("signatures.cert_not_on_token")
            extra = [asn1_x509.Certificate.load(d) for d in contents.other_certificates]
            now = session.clock.now()
            info = check_signing_certificate(cert.cert, store, now, extra=extra)
            chain = list(store.intermediates) + list(store.roots) + extra
            ts = _timestamper(settings.tsa_url)
            skipped = False
            if ts is not None and not asyncio.run(_reachable(ts)):
                ts, skipped = None, True
            image = _image(session, commune.id, "signature", info.name) if role == PERSONAL else None
            seal = _image(session, commune.id, "seal") if role == ORGANISATION else None
            organisation = info.organisation or commune.name
            signed: dict[str, bytes] = {}
            raw = False
            for i, name in enumerate(names, start=1):
                if cancelled and cancelled():
                    raise UserCancelled()
                look = make_appearance(sources[name], role, name=info.name, organisation=organisation,
                                       signed_at=now, image=image, seal=seal)
                try:
                    signed[name] = asyncio.run(_sign_one(sources[name], _signer(p11_session, cert, chain, raw),
                                                         role, look, now, ts, info.name))
                except Exception as exc:
                    if raw or not _is_mechanism_error(exc) or info_key_type(cert) != "ec":
                        raise
                    raw = True
                    log.info("token refused the hash-and-sign mechanism; using the raw ECDSA mechanism")
                    signed[name] = asyncio.run(_sign_one(sources[name], _signer(p11_session, cert, chain, raw),
                                                         role, look, now, ts, info.name))
                if progress:
                    progress(i, total, f"Đã ký {i}/{len(names)} tệp")
    except UserError:
        raise
    except Exception as exc:
        err = token_error(exc) or _cause_token_error(exc)
        if err is None:
            raise
        raise err from None
    position = POSITION[role]
    folder = session.paths.documents_dir / row.folder
    written: list[Path] = []
    try:
        for name, data in signed.items():
            path = folder / f"{name[:-4]}.ky{position}.pdf"
            tmp = path.with_suffix(".tmp")
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            tmp.replace(path)
            written.append(path)
        with session.write(Topic.DOCUMENTS):
            for name, data in signed.items():
                DocumentSignature.create(
                    document=row.id, file_name=name, position=position, role=role, signer_name=info.name,
                    organisation=organisation, certificate_sha256=info.sha256, signed_at=vn_time(now),
                    level="B-T" if ts is not None else "B-B", stored_name=f"{name[:-4]}.ky{position}.pdf",
                    sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    except BaseException:
        for path in written:
            remove_quietly(path)
        raise
    if progress:
        progress(total, total, "Đã ký")
    return SignOutcome(row.id, role, info, tuple(names), "B-T" if ts is not None else "B-B", vn_time(now), skipped)


def info_key_type(cert: TokenCertificate) -> str:
    algo = cert.cert.public_key.algorithm
    return "ec" if algo == "ec" else algo


def _cause_token_error(exc: BaseException) -> UserError | None:
    seen = exc.__cause__ or exc.__context__
    while seen is not None:
        err = token_error(seen)
        if err is not None:
            return err
        seen = seen.__cause__ or seen.__context__
    return None


def read_token(session: Session, pin: str, library: str | None = None, serial: str = ""):
    """The token's signing certificates (an operation for the window: the library from the settings unless given;
    the PIN is used for this login only)."""
    library = library if library is not None else signing_settings(session).library
    return list_token_certificates(library, pin, serial)
