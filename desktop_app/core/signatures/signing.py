"""Signing an issued document with the officer's token (PAdES baseline B-B; B-T when a timestamp server is set and
answers): first the person with authority, then the văn thư adds the organisation's signature (the "seal").

One operation signs every PDF the document was issued with (the Tờ trình with its list and reports) with one PIN
entry. Nothing is written until every file is signed in memory; the signed files are kept beside the issued ones
(`<name>.ky1.pdf`, `<name>.ky2.pdf`) with their SHA-256, the issued file itself is never rewritten, and from then on
the document's PDF is the signed one (reprint, dossier copy and packet carry it unchanged)."""
from __future__ import annotations

import asyncio
import base64
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
from PIL import Image
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
from ..storage.models import DocumentSignature, IssuedDocument, SignatureImage, Setting
from ..storage.session import Session
from . import appearance as ap
from .certificates import CertificateInfo, check_signing_certificate, trust_store, vn_time
from .token import TokenCertificate, open_token, read_contents, token_error

log = logging.getLogger(__name__)

PERSONAL, ORGANISATION = "personal", "organisation"
POSITION = {PERSONAL: 1, ORGANISATION: 2}
FIELD_NAME = {PERSONAL: "ChuKySoCaNhan", ORGANISATION: "ChuKySoCoQuan"}
ROLE_NAMES = {PERSONAL: "Chữ ký số của người có thẩm quyền", ORGANISATION: "Chữ ký số của cơ quan (văn thư)"}
LIBRARY_KEY, TSA_KEY = "signing.pkcs11_library", "signing.tsa_url"
DEFAULT_SEAL_MM, DEFAULT_SIGNATURE_MM = 36, 40
MAX_IMAGE_BYTES = 2 * 1024 * 1024

Progress = Callable[[int, int, str], None]


# ----- settings --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class SigningSettings:
    library: str
    tsa_url: str


def signing_settings(session: Session) -> SigningSettings:
    return SigningSettings(session.setting(LIBRARY_KEY, ""), session.setting(TSA_KEY, ""))


def save_signing_settings(session: Session, library: str, tsa_url: str = "") -> None:
    tsa_url = tsa_url.strip()
    if tsa_url and not tsa_url.startswith(("http://", "https://")):
        raise UserError("signatures.tsa_url_invalid")
    with session.write(Topic.DOCUMENTS):
        Setting.insert(key=LIBRARY_KEY, value=library.strip()).on_conflict_replace().execute()
        Setting.insert(key=TSA_KEY, value=tsa_url).on_conflict_replace().execute()


# ----- images (the signature and the seal) -----------------------------------------------------------------

def _check_png(data: bytes, path: str) -> None:
    if not data.startswith(b"\x89PNG\r\n\x1a\n") or len(data) > MAX_IMAGE_BYTES:
        raise UserError("signatures.image_not_png", path=path)
    try:
        with Image.open(io.BytesIO(data)) as img:
            transparent = img.mode in ("RGBA", "LA", "PA") or "transparency" in img.info
    except (OSError, ValueError):
        raise UserError("signatures.image_not_png", path=path) from None
    if not transparent:
        raise UserError("signatures.image_not_transparent", path=path)


def save_signature_image(session: Session, kind: str, path: str | Path, width_mm: int, person: str = "") -> None:
    """The commune's seal (kind 'seal', its real diameter in mm) or a signer's signature (kind 'signature',
    person = the signer's name as printed): a PNG with a transparent background."""
    if kind not in ("signature", "seal"):
        raise ValueError(kind)
    if not 10 <= int(width_mm) <= 80:
        raise UserError("signatures.image_size_invalid")
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UserError("signatures.cert_file_unreadable", path=str(path), detail=exc.strerror or str(exc)) from None
    _check_png(data, str(path))
    commune = session.home_commune()
    if commune is None:
        raise UserError("signatures.no_commune")
    with session.write(Topic.DOCUMENTS):
        SignatureImage.insert(commune=commune.id, kind=kind, person=person.strip() if kind == "signature" else "",
                              png=base64.b64encode(data).decode("ascii"), width_mm=int(width_mm),
                              updated_at=session.clock.now_iso()).on_conflict_replace().execute()


@dataclass(frozen=True)
class ImageRow:
    kind: str
    person: str
    width_mm: int
    png: bytes


def signature_images(session: Session) -> list[ImageRow]:
    commune = session.home_commune()
    if commune is None:
        return []
    return [ImageRow(r.kind, r.person, r.width_mm, base64.b64decode(r.png))
            for r in SignatureImage.select().where(SignatureImage.commune == commune.id)
            .order_by(SignatureImage.kind, SignatureImage.person)]


def _image(session: Session, commune_id: int, kind: str, person: str = "") -> ImageRow | None:
    q = SignatureImage.select().where((SignatureImage.commune == commune_id) & (SignatureImage.kind == kind))
    rows = list(q)
    if kind == "signature":
        # The signer's own signature (by the name on the certificate); one image stored without a name serves all.
        rows = [r for r in rows if r.person.casefold() == person.casefold()] or [r for r in rows if not r.person]
    if not rows:
        return None
    r = rows[0]
    return ImageRow(r.kind, r.person, r.width_mm, base64.b64decode(r.png))


# ----- what there is to sign -------------------------------------------------------------------------------

@dataclass(frozen=True)
class AppliedSignature:
    position: int
    role: str
    signer_name: str
    organisation: str
    signed_at: str
    level: str


@dataclass(frozen=True)
class SignableDocument:
    document_id: int
    code: str
    number_text: str
    pdf_names: tuple[str, ...]
    signatures: tuple[AppliedSignature, ...]   # of the first PDF, in order (all PDFs are signed together)

    @property
    def next_role(self) -> str | None:
        done = {s.role for s in self.signatures}
        if PERSONAL not in done:
            return PERSONAL
        if ORGANISATION not in done:
            return ORGANISATION
        return None


def _pdf_names(row: IssuedDocument) -> tuple[str, ...]:
    return tuple(f["name"] for f in row.files if f["name"].lower().endswith(".pdf"))


def signable_documents(session: Session, round_id: int) -> list[SignableDocument]:
    out = []
    q = IssuedDocument.select().where(IssuedDocument.round == round_id).order_by(IssuedDocument.id)
    for row in q:
        names = _pdf_names(row)
        if not names:
            continue
        sigs = (DocumentSignature.select().where((DocumentSignature.document == row.id)
                                                 & (DocumentSignature.file_name == names[0]))
                .order_by(DocumentSignature.position))
        out.append(SignableDocument(row.id, row.code, f"{row.number:02d}/{row.series}", names, tuple(
            AppliedSignature(s.position, s.role, s.signer_name, s.organisation, s.signed_at, s.level) for s in sigs)))
    return out


def current_pdf(session: Session, row: IssuedDocument, name: str) -> bytes:
    """The document's PDF as it stands: the last signed file, else the issued one — checked against its SHA-256."""
    folder = session.paths.documents_dir / row.folder
    last = (DocumentSignature.select().where((DocumentSignature.document == row.id)
                                             & (DocumentSignature.file_name == name))
            .order_by(DocumentSignature.position.desc()).first())
    if last is not None:
        stored, sha = last.stored_name, last.sha256
    else:
        entry = next(f for f in row.files if f["name"] == name)
        stored, sha = name, entry["sha256"]
    try:
        data = (folder / stored).read_bytes()
    except OSError:
        raise UserError("documents.issued_file_missing", name=stored, path=str(folder)) from None
    if hashlib.sha256(data).hexdigest() != sha:
        raise UserError("documents.issued_file_changed", name=stored, path=str(folder))
    return data


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
    reserved = await signing.estimate_signature_container_size(info, tight=False)
    tbs = signing.prepare_tbs_document(validation_info=info, bytes_reserved=reserved)
    digest, out = tbs.digest_tbs_document(output=io.BytesIO())
    post = await tbs.perform_signature(
        document_digest=digest.document_digest,
        pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=signed_at))
    await post.post_signature_processing(out)
    return out.getvalue()


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
                except Exception as exc:  # noqa: BLE001 — the token may not hash-and-sign: try its raw mechanism
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
