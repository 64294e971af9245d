"""What the window shows about digital signatures without loading pyHanko (its import takes seconds on an old PC):
the signing settings (token library, timestamp server), the signature and seal images, and which issued documents
carry which signatures."""
from __future__ import annotations

import base64
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from ..changes import Topic
from ..errors import UserError
from ..storage.models import DocumentSignature, IssuedDocument, Setting, SignatureImage
from ..storage.session import Session

PERSONAL, ORGANISATION = "personal", "organisation"
POSITION = {PERSONAL: 1, ORGANISATION: 2}
ROLE_NAMES = {PERSONAL: "Chữ ký số của người có thẩm quyền", ORGANISATION: "Chữ ký số của cơ quan (văn thư)"}
LIBRARY_KEY, TSA_KEY = "signing.pkcs11_library", "signing.tsa_url"
DEFAULT_SEAL_MM, DEFAULT_SIGNATURE_MM = 36, 40
MAX_IMAGE_BYTES = 2 * 1024 * 1024



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
