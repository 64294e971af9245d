"""Verifying the signatures of a PDF (the dossier screen, the receiving level, `main.py verify-pdf`): per signature
the signer, the organisation, the claimed signing time, whether the signed bytes are intact, whether the certificate
chains to a root this workspace trusts, and whether the document changed after that signature (a later signature
added by the văn thư is not a change of the content). Offline: nothing is fetched; revocation is not checked."""
from __future__ import annotations

import asyncio
import io
import logging
from dataclasses import dataclass
from pathlib import Path

from pyhanko.pdf_utils.misc import PdfReadError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko.sign.validation.errors import SignatureValidationError
from pyhanko.sign.validation.status import SignatureCoverageLevel

from .certificates import TrustStore, describe, trust_store, validation_context, vn_time

log = logging.getLogger(__name__)

# Certificate verdicts (codes) and their Vietnamese names.
CERT_TRUSTED, CERT_UNTRUSTED, CERT_EXPIRED, CERT_REVOKED, CERT_INVALID = (
    "trusted", "untrusted", "expired", "revoked", "invalid")
CERT_LABELS = {
    CERT_TRUSTED: "Chứng thư số hợp lệ, do nơi cấp được tin cậy",
    CERT_UNTRUSTED: "Chứng thư số không dẫn tới chứng thư gốc được tin cậy",
    CERT_EXPIRED: "Chứng thư số đã hết hạn hoặc chưa có hiệu lực",
    CERT_REVOKED: "Chứng thư số đã bị thu hồi",
    CERT_INVALID: "Chứng thư số không hợp lệ",
}
OK_LEVELS = (ModificationLevel.NONE, ModificationLevel.LTA_UPDATES, ModificationLevel.FORM_FILLING)


@dataclass(frozen=True)
class SignatureReport:
    field: str
    signer: str
    organisation: str
    signed_at: str           # ISO 8601 +07:00 ('' when the signature claims no time)
    timestamped: bool
    intact: bool             # the signed bytes are those that were signed, and the signature value is right
    certificate: str         # CERT_* code
    changed_after: bool      # the document was changed (beyond adding signatures) after this signature
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.intact and self.certificate == CERT_TRUSTED and not self.changed_after

    @property
    def verdict(self) -> str:
        """One Vietnamese line: what an officer needs to know first."""
        if not self.intact:
            return "Chữ ký không hợp lệ: văn bản đã bị sửa sau khi ký"
        if self.changed_after:
            return "Văn bản đã bị thay đổi sau khi ký"
        if self.certificate != CERT_TRUSTED:
            return CERT_LABELS[self.certificate]
        return "Chữ ký hợp lệ"

    def lines(self) -> list[str]:
        return [f"Người ký: {self.signer}", f"Cơ quan, tổ chức: {self.organisation or '—'}",
                f"Thời gian ký: {self.signed_at or '—'}" + (" (có dấu thời gian)" if self.timestamped else ""),
                f"Tính toàn vẹn: {'nguyên vẹn' if self.intact else 'KHÔNG nguyên vẹn — văn bản đã bị sửa'}",
                f"Chứng thư số: {CERT_LABELS[self.certificate]}",
                "Sau khi ký: " + ("văn bản ĐÃ BỊ THAY ĐỔI" if self.changed_after else "không bị thay đổi"
                                  " (chỉ có thể thêm chữ ký sau)")]


@dataclass(frozen=True)
class PdfReport:
    name: str
    readable: bool
    signatures: tuple[SignatureReport, ...]

    @property
    def ok(self) -> bool:
        """Every signature intact, trusted and not followed by changes — and there is at least one."""
        return self.readable and bool(self.signatures) and all(s.ok for s in self.signatures)

    @property
    def summary(self) -> str:
        if not self.readable:
            return "Không đọc được tệp PDF"
        if not self.signatures:
            return "Chưa ký số"
        if self.ok:
            return f"Đã ký số, hợp lệ ({len(self.signatures)} chữ ký)"
        bad = next(s for s in self.signatures if not s.ok)
        return f"{bad.verdict} ({bad.signer})"


def _cert_status(status) -> str:
    if status.trusted:
        return CERT_TRUSTED
    ind = getattr(status.trust_problem_indic, "name", "")
    if ind.startswith("REVOKED"):
        return CERT_REVOKED
    if ind in ("EXPIRED", "NOT_YET_VALID", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED"):
        return CERT_EXPIRED
    if ind.startswith("NO_CERTIFICATE_CHAIN_FOUND") or not ind:
        return CERT_UNTRUSTED
    return CERT_INVALID


async def _verify(data: bytes, store: TrustStore) -> list[SignatureReport]:
    reader = PdfFileReader(io.BytesIO(data), strict=False)
    out = []
    for emb in reader.embedded_signatures:
        name = emb.field_name
        try:
            status = await async_validate_pdf_signature(emb, validation_context(store))
        except (SignatureValidationError, ValueError, KeyError, TypeError) as exc:
            log.info("signature %s could not be validated: %s", name, exc)
            try:
                info = describe(emb.signer_cert)
                signer, org = info.name, info.organisation
            except Exception:  # noqa: BLE001 — a damaged signature: say what we can
                signer, org = "?", ""
            out.append(SignatureReport(name, signer, org, "", False, False, CERT_INVALID, True, str(exc)[:200]))
            continue
        info = describe(status.signing_cert)
        level = status.modification_level
        changed = (level is not None and level not in OK_LEVELS) or status.docmdp_ok is False or \
            status.coverage not in (SignatureCoverageLevel.ENTIRE_FILE, SignatureCoverageLevel.ENTIRE_REVISION)
        ts = status.timestamp_validity
        when = ts.timestamp if ts is not None else status.signer_reported_dt
        out.append(SignatureReport(
            name, info.name, info.organisation, vn_time(when) if when else "", ts is not None,
            bool(status.intact and status.valid), _cert_status(status), bool(changed)))
    return out


def verify_pdf(data: bytes, store: TrustStore, name: str = "") -> PdfReport:
    try:
        return PdfReport(name, True, tuple(asyncio.run(_verify(data, store))))
    except (PdfReadError, ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        log.info("%s: not readable as a signed PDF: %s", name, exc)
        return PdfReport(name, False, ())


def verify_file(path: str | Path, store: TrustStore) -> PdfReport:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError:
        return PdfReport(p.name, False, ())
    return verify_pdf(data, store, p.name)


def verify_with_workspace_roots(session, path: str | Path) -> PdfReport:
    """Verify a file against the roots this workspace trusts (a read for the window)."""
    return verify_file(path, trust_store(session))


def verify_many(session, paths) -> list[PdfReport]:
    store = trust_store(session)
    return [verify_file(p, store) for p in paths]
