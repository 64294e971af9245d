"""Certificates: reading them from files, the ones the workspace trusts (roots and intermediates, installed from
files — never fetched), and the check made before a certificate may sign (validity, key usage, chain)."""
from __future__ import annotations

import asyncio
import base64
import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from asn1crypto import pem as asn1_pem
from asn1crypto import x509 as asn1_x509
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator.errors import (
    ExpiredError,
    InvalidCertificateError,
    NotYetValidError,
    PathBuildingError,
    PathValidationError,
    RevokedError,
)

from ..changes import Topic
from ..errors import UserError
from ..storage.models import TrustedCertificate
from ..storage.session import Session

VN_TZ = timezone(timedelta(hours=7))


@dataclass(frozen=True)
class CertificateInfo:
    """What an officer needs to tell certificates apart (shown in the window and the CLI)."""

    sha256: str
    name: str            # the subject's common name (person or organisation)
    organisation: str
    title: str
    issuer: str
    not_before: datetime
    not_after: datetime
    can_sign: bool       # key usage allows digitalSignature or nonRepudiation
    is_ca: bool

    def valid_at(self, at: datetime) -> bool:
        return self.not_before <= at <= self.not_after


def _attr(name: asn1_x509.Name, key: str) -> str:
    value = name.native.get(key, "")
    if isinstance(value, list):
        value = ", ".join(value)
    return str(value or "")


def describe(cert: asn1_x509.Certificate) -> CertificateInfo:
    ku = cert.key_usage_value
    usages = set(ku.native) if ku is not None else {"digital_signature", "non_repudiation"}
    return CertificateInfo(
        sha256=hashlib.sha256(cert.dump()).hexdigest(),
        name=_attr(cert.subject, "common_name"), organisation=_attr(cert.subject, "organization_name"),
        title=_attr(cert.subject, "title"), issuer=_attr(cert.issuer, "common_name"),
        not_before=cert.not_valid_before, not_after=cert.not_valid_after,
        can_sign=bool(usages & {"digital_signature", "non_repudiation"}), is_ca=cert.ca)


def read_certificate_file(path: str | Path) -> list[asn1_x509.Certificate]:
    """Every certificate in a .pem/.crt/.cer file (PEM, one or several, or DER)."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise UserError("signatures.cert_file_unreadable", path=str(path), detail=exc.strerror or str(exc)) from None
    certs = []
    try:
        if asn1_pem.detect(data):
            for type_name, _headers, der in asn1_pem.unarmor(data, multiple=True):
                if type_name == "CERTIFICATE":
                    certs.append(asn1_x509.Certificate.load(der))
        else:
            certs.append(asn1_x509.Certificate.load(data))
        for c in certs:
            c.native  # parse fully now: a damaged file is refused here, not later  # noqa: B018
    except (ValueError, TypeError):
        raise UserError("signatures.cert_file_invalid", path=str(path)) from None
    if not certs:
        raise UserError("signatures.cert_file_invalid", path=str(path))
    return certs


# ----- the certificates the workspace trusts -----------------------------------------------------------------

def import_certificates(session: Session, path: str | Path) -> list[CertificateInfo]:
    """Install the CA certificates of a file: a self-signed one becomes a trust root, any other CA an
    intermediate. An end-entity certificate is refused (trusting a person's certificate directly is not how a
    chain works)."""
    certs = read_certificate_file(path)
    infos = []
    with session.write(Topic.DOCUMENTS):
        for cert in certs:
            info = describe(cert)
            if not info.is_ca:
                raise UserError("signatures.cert_not_ca", name=info.name)
            kind = "root" if cert.self_signed in ("maybe", "yes") else "intermediate"
            TrustedCertificate.insert(
                sha256=info.sha256, kind=kind, subject=info.name or cert.subject.human_friendly,
                der=base64.b64encode(cert.dump()).decode("ascii"), not_after=info.not_after.isoformat(),
                source=Path(path).name, imported_at=session.clock.now_iso()).on_conflict_ignore().execute()
            infos.append(info)
    return infos


def remove_trusted_certificate(session: Session, sha256: str) -> None:
    with session.write(Topic.DOCUMENTS):
        TrustedCertificate.delete().where(TrustedCertificate.sha256 == sha256).execute()


@dataclass(frozen=True)
class TrustedRow:
    sha256: str
    kind: str
    subject: str
    not_after: str
    source: str
    imported_at: str


def trusted_certificates(session: Session) -> list[TrustedRow]:
    return [TrustedRow(r.sha256, r.kind, r.subject, r.not_after, r.source, r.imported_at)
            for r in TrustedCertificate.select().order_by(TrustedCertificate.kind.desc(), TrustedCertificate.id)]


@dataclass(frozen=True)
class TrustStore:
    roots: tuple[asn1_x509.Certificate, ...]
    intermediates: tuple[asn1_x509.Certificate, ...]


def trust_store(session: Session) -> TrustStore:
    roots, inter = [], []
    for r in TrustedCertificate.select().order_by(TrustedCertificate.id):
        cert = asn1_x509.Certificate.load(base64.b64decode(r.der))
        (roots if r.kind == "root" else inter).append(cert)
    return TrustStore(tuple(roots), tuple(inter))


def validation_context(store: TrustStore, *, moment: datetime | None = None,
                       extra=()) -> ValidationContext:
    """Offline: no fetching of anything (the roots are data); revocation unknown is not an error (no network)."""
    kwargs = {"moment": moment} if moment is not None else {}
    return ValidationContext(trust_roots=list(store.roots), other_certs=list(store.intermediates) + list(extra),
                             allow_fetching=False, revocation_mode="soft-fail", **kwargs)


def check_signing_certificate(cert: asn1_x509.Certificate, store: TrustStore, at: datetime, *,
                              extra=()) -> CertificateInfo:
    """Refuse, with the reason in Vietnamese, a certificate that must not sign now: outside its validity period,
    a key usage that does not allow signing, or no chain to a root this workspace trusts."""
    info = describe(cert)
    at_utc = at.astimezone(UTC)
    if at_utc < info.not_before:
        raise UserError("signatures.cert_not_yet_valid", name=info.name, date=_vn_date(info.not_before))
    if at_utc > info.not_after:
        raise UserError("signatures.cert_expired", name=info.name, date=_vn_date(info.not_after))
    if not info.can_sign:
        raise UserError("signatures.cert_wrong_usage", name=info.name)
    if not store.roots:
        raise UserError("signatures.no_trusted_roots")
    ctx = validation_context(store, moment=at_utc, extra=extra)
    validator = CertificateValidator(cert, intermediate_certs=list(extra), validation_context=ctx)
    try:
        asyncio.run(validator.async_validate_usage(set()))
    except PathBuildingError:
        raise UserError("signatures.cert_untrusted", name=info.name, issuer=info.issuer) from None
    except (ExpiredError, NotYetValidError):
        raise UserError("signatures.chain_expired", name=info.name) from None
    except RevokedError:
        raise UserError("signatures.cert_revoked", name=info.name) from None
    except (PathValidationError, InvalidCertificateError) as exc:
        raise UserError("signatures.chain_invalid", name=info.name, detail=str(exc)[:200]) from None
    return info


def vn_time(dt: datetime) -> str:
    """ISO 8601 with the Vietnam time zone, as NĐ 30/2020 Phụ lục I wants the signing time shown:
    2026-11-30T10:42:05+07:00."""
    return dt.astimezone(VN_TZ).replace(microsecond=0).isoformat()


def _vn_date(dt: datetime) -> str:
    return dt.astimezone(VN_TZ).strftime("%d/%m/%Y")
