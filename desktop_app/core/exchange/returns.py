"""The channel back down (issue 16): the province's signed return packets to a commune — the decision with the
outcome of every nominee, or the notice asking for more information with its reasons — in the same format family as
the communes' packets (one top folder, documents/, data.json, manifest.json, signer.pem, SHA256SUMS and its Ed25519
signature; docs/packet-format.md §10). The province's key lives in the OS keyring of the PC that signs, with the same
machinery as a commune's key (exchange/keys), its fingerprint printed on every letter it writes.

`verify_return_packet` is the reader the commune side imports with (issue 15): it refuses anything that is not
exactly such a packet signed by the key the commune trusts for its province.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import uuid
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from ..changes import Topic
from ..errors import UserError
from ..fingerprints import format_fingerprint
from ..storage.files import fsync_dir
from ..storage.models import Commune, Nominee, ReturnPacket
from ..storage.session import Session
from ..vocabulary import DECIDED, NOMINEE_OUTCOMES, RESULT_SENT, RETURNED
from ..documents.render_pdf import register_fonts
from ..nominations import rules_pack
from . import keys
from .packets import format as fmt
from .receiving import review as rv

FORMAT = "sothidua-return"
FORMAT_VERSION = 1
KINDS = ("quyet_dinh", "bo_sung")
PROVINCE_CODE_SETTING = "province_code"
PROVINCE_NAME_SETTING = "province_name"
DEFAULT_PROVINCE_CODE = "SNV"
MAX_RETURN_BYTES = 64 * 1024 * 1024
FONT = {"family": "LiberationSerif", "files": {"regular": "LiberationSerif-Regular.ttf",
                                                "bold": "LiberationSerif-Bold.ttf",
                                                "italic": "LiberationSerif-Italic.ttf",
                                                "bold_italic": "LiberationSerif-BoldItalic.ttf"}}


def province_code(session: Session) -> str:
    return session.setting(PROVINCE_CODE_SETTING, DEFAULT_PROVINCE_CODE) or DEFAULT_PROVINCE_CODE


def province_name(session: Session) -> str:
    return session.setting(PROVINCE_NAME_SETTING, "") or "Sở Nội vụ"


def province_key(session: Session) -> keys.CommuneKey:
    """The province's signing key (made on first use) from this PC's OS keyring."""
    return keys.get_or_create_commune_key(session.secrets, province_code(session))


@dataclass(frozen=True)
class WrittenReturn:
    path: Path
    packet_id: str
    sha256: str
    signer_fingerprint: str
    sequence: int


def _notice_pdf(title: str, lines: list[str], fingerprint: str) -> bytes:
    """The province's letter (a notice asking for more information): Vietnamese text, its key's fingerprint."""
    family = register_fonts(FONT)
    body = ParagraphStyle("body", fontName=family, fontSize=13, leading=17, spaceAfter=6)
    head = ParagraphStyle("head", parent=body, fontName=family + "-bold", alignment=1, fontSize=14)
    small = ParagraphStyle("small", parent=body, fontSize=10, leading=12)
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=30 * mm, rightMargin=20 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, title=title, author="Sở Nội vụ", invariant=1,
                            initialFontName=family)
    esc = lambda t: t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # noqa: E731
    story = [Paragraph(esc(title), head), Spacer(1, 6 * mm)]
    story += [Paragraph(esc(line), body) for line in lines]
    story += [Spacer(1, 8 * mm), Paragraph(esc("Dấu vân tay khóa ký của Sở Nội vụ: " + format_fingerprint(fingerprint)),
                                            small)]
    doc.build(story)
    return out.getvalue()


def _next_sequence(commune_code: str) -> int:
    last = (ReturnPacket.select(ReturnPacket.sequence).where(ReturnPacket.commune_code == commune_code)
            .order_by(ReturnPacket.sequence.desc()).first())
    return (last.sequence if last else 0) + 1


def write_return_packet(session: Session, review_id: int, target_dir: str | os.PathLike) -> WrittenReturn:
    """Write the return packet of a reviewed round into `target_dir` (a USB stick, the shared folder): the decision
    (round decided → đã trả kết quả) or the notice of what to add (round returned). Recorded with its sequence."""
    review = rv.get_review(session, review_id)
    round_ = review.round
    commune = Commune.get_by_id(review.commune_id)
    code = commune.admin_code
    if review.state == DECIDED or (review.state == RESULT_SENT and rv.decision_of(session, review.id)):
        kind = "quyet_dinh"
    elif review.state == RETURNED:
        kind = "bo_sung"
    else:
        raise UserError("returns.nothing_to_return")
    key = province_key(session)
    created = session.clock.now()
    nominees = {n.id: n for n in Nominee.select().where(Nominee.round == round_.id)}
    data: dict = {"format": FORMAT, "version": FORMAT_VERSION, "kind": kind, "commune_code": code,
                  "round": {"uid": round_.uid, "number": round_.number, "version": round_.version},
                  "decision": None, "outcomes": [], "reasons": []}
    files: dict[str, bytes] = {}
    if kind == "quyet_dinh":
        decision = rv.decision_of(session, review.id)
        pdf = (session.paths.root / decision.file_name).read_bytes()
        if hashlib.sha256(pdf).hexdigest() != decision.file_sha256:
            raise UserError("returns.decision_file_changed", path=decision.file_name)
        files["documents/quyet_dinh.pdf"] = pdf
        data["decision"] = {"number": decision.number, "decided_on": decision.decided_on.isoformat(),
                            "signer": decision.signer, "signer_title": decision.signer_title,
                            "document": "documents/quyet_dinh.pdf"}
        for o in rv.outcomes_of(session, decision.id):
            n = nominees[o.nominee_id]
            data["outcomes"].append({"nominee_uid": n.uid, "participant_uid": n.participant.uid,
                                     "name": n.participant.name, "award_form": n.award_form,
                                     "outcome": o.outcome, "reason": o.reason})
    else:
        lines = [f"Kính gửi: Ủy ban nhân dân {commune.name} (mã {code}).",
                 f"Hồ sơ đề nghị khen thưởng đợt {round_.number} (lần {round_.version}) cần bổ sung:"]
        for note in rv.notes_of(session, review.id):
            n = nominees.get(note.nominee_id) if note.nominee_id else None
            about = n.participant.name if n else (note.document or "Hồ sơ của đợt")
            lines.append(f"- {about}: {note.text}")
            data["reasons"].append({"nominee_uid": n.uid if n else None, "document": note.document,
                                    "text": note.text})
        files["documents/thong_bao_bo_sung.pdf"] = _notice_pdf("THÔNG BÁO BỔ SUNG HỒ SƠ", lines, key.fingerprint)
    sequence = _next_sequence(code)
    packet_id = str(uuid.uuid4())
    manifest = {"format": FORMAT, "format_version": FORMAT_VERSION, "packet_id": packet_id, "kind": kind,
                "province": {"code": province_code(session), "name": province_name(session)},
                "commune_code": code, "round_uid": round_.uid, "sequence": sequence,
                "created_at": created.isoformat(), "signer": {"algorithm": "Ed25519", "fingerprint": key.fingerprint}}
    files["data.json"] = fmt.dump_json(data)
    files["manifest.json"] = fmt.dump_json(manifest)
    files["signer.pem"] = key.public_key_pem.encode("ascii")
    sums = fmt.sums_bytes({name: hashlib.sha256(content).hexdigest() for name, content in files.items()})
    files["SHA256SUMS"] = sums
    files["SHA256SUMS.sig"] = key.sign(sums)
    top = f"{province_code(session)}_tra_{code}_{sequence:03d}"
    target = Path(target_dir)
    target.mkdir(parents=True, exist_ok=True)
    final = target / f"{top}.zip"
    tmp = target / f".{top}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        with open(tmp, "xb") as fh:
            with zipfile.ZipFile(fh, "w", zipfile.ZIP_DEFLATED) as zf:
                for name in sorted(files, key=lambda n: (n == "SHA256SUMS.sig", n)):
                    info = zipfile.ZipInfo(f"{top}/{name}", date_time=created.timetuple()[:6])
                    info.compress_type = zipfile.ZIP_DEFLATED
                    info.flag_bits |= 0x800
                    zf.writestr(info, files[name])
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
        fsync_dir(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise UserError("returns.write_failed", path=str(target), detail=exc.strerror or str(exc)) from exc
    sha = hashlib.sha256(final.read_bytes()).hexdigest()
    try:
        with rv.permitted("review" if kind == "bo_sung" else "decide"), session.write(Topic.REVIEWS):
            ReturnPacket.create(review=review.id, commune_code=code, packet_id=packet_id, kind=kind, sequence=sequence,
                                sha256=sha, file_name=final.name, signer_fingerprint=key.fingerprint,
                                created_by=rv.actor(session), created_at=created.isoformat())
            rv.log_action(session, f"return:{kind}", f"round:{round_.uid}", f"{final.name} {sha}")
            if kind == "quyet_dinh" and review.state == DECIDED:
                rv._move(session, rv.get_review(session, review.id), RESULT_SENT)
    except BaseException:
        final.unlink(missing_ok=True)
        raise
    return WrittenReturn(final, packet_id, sha, key.fingerprint, sequence)


def returns_of(session: Session, review_id: int) -> list[ReturnPacket]:
    session.activate()
    return list(ReturnPacket.select().where(ReturnPacket.review == review_id).order_by(ReturnPacket.id))


# ----- reading one (the commune side) ----------------------------------------------------------------------------

@dataclass(frozen=True)
class ReturnCheck:
    manifest: dict
    data: dict
    documents: dict[str, bytes]
    fingerprint: str


def verify_return_packet(path: str | os.PathLike, trusted_fingerprint: str,
                         max_bytes: int = MAX_RETURN_BYTES) -> ReturnCheck:
    """Check a return packet with the same defences as the receiving side (size first, one top folder, safe names,
    only the listed files, the signature by the trusted province key over SHA256SUMS, every hash, JSON bounded);
    UserError('returns.refused', reason=…) on anything else. Reads, never extracts."""
    p = Path(path)

    def refuse(reason: str):
        raise UserError("returns.refused", reason=reason)

    try:
        size = p.stat().st_size
    except OSError as exc:
        raise UserError("returns.refused", reason=exc.strerror or str(exc)) from exc
    if not p.is_file() or size > max_bytes:
        refuse("không phải tệp gói hoặc quá lớn")
    try:
        zf = zipfile.ZipFile(p)
    except (zipfile.BadZipFile, OSError):
        refuse("không phải tệp ZIP")
    with zf:
        infos = zf.infolist()
        if len(infos) > 50 or sum(i.file_size for i in infos) > max_bytes:
            refuse("quá nhiều tệp hoặc quá lớn khi giải nén")
        tops = {i.filename.split("/", 1)[0] for i in infos}
        if len(tops) != 1:
            refuse("không có đúng một thư mục gốc")
        top = tops.pop()
        content: dict[str, bytes] = {}
        for info in infos:
            if info.is_dir():
                continue
            rel = info.filename[len(top) + 1:]
            try:
                fmt.check_relative_path(rel)
            except fmt.FormatError:
                refuse(f"tên tệp không an toàn: {fmt.shown_escaped(rel)}")
            if rel.startswith("documents/") and fmt.file_type(rel) != ".pdf":
                refuse(f"loại tệp không được phép: {fmt.shown_escaped(rel)}")
            if not rel.startswith("documents/") and rel not in ("data.json", "manifest.json", "signer.pem",
                                                                  "SHA256SUMS", "SHA256SUMS.sig"):
                refuse(f"tệp lạ: {fmt.shown_escaped(rel)}")
            if rel in content:
                refuse(f"tệp trùng tên: {fmt.shown_escaped(rel)}")
            if info.flag_bits & 0x1:
                refuse(f"tệp bị mã hóa: {fmt.shown_escaped(rel)}")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                refuse(f"kiểu nén không hỗ trợ: {fmt.shown_escaped(rel)}")
            try:
                # zipfile stops at the declared size: a stream longer than its header says fails its CRC here
                content[rel] = zf.read(info)
            except (zipfile.BadZipFile, EOFError, OSError, RuntimeError, NotImplementedError, zlib.error) as exc:
                refuse(f"tệp ZIP hỏng ({fmt.shown_escaped(rel)}: {str(exc)[:80]})")
    for required in ("data.json", "manifest.json", "signer.pem", "SHA256SUMS", "SHA256SUMS.sig"):
        if required not in content:
            refuse(f"thiếu {required}")
    try:
        public = keys.load_public_key_pem(content["signer.pem"])
    except Exception:  # noqa: BLE001 — any unreadable key is a refusal
        refuse("khóa công khai không đọc được")
    fp = keys.fingerprint(public)
    if fp != trusted_fingerprint:
        refuse("không được ký bằng khóa của Sở Nội vụ mà xã tin cậy")
    if not keys.verify_signature(public, content["SHA256SUMS.sig"], content["SHA256SUMS"]):
        refuse("chữ ký không hợp lệ")
    try:
        sums = fmt.parse_sums(content["SHA256SUMS"])
    except fmt.FormatError:
        refuse("SHA256SUMS sai cấu trúc")
    listed = set(sums)
    if listed != set(content) - {"SHA256SUMS", "SHA256SUMS.sig"}:
        refuse("danh sách tệp không khớp SHA256SUMS")
    for name, digest in sums.items():
        if hashlib.sha256(content[name]).hexdigest() != digest:
            refuse(f"tệp bị sửa đổi: {fmt.shown_escaped(name)}")
    if len(content["manifest.json"]) > fmt.DEFAULT_LIMITS.max_manifest_bytes:
        refuse("manifest.json quá lớn")
    try:
        manifest = fmt.parse_json(content["manifest.json"])
        # data.json lists every nominee's outcome: a round of hundreds needs more values than a manifest
        data = fmt.parse_json(content["data.json"], max_elements=fmt.DEFAULT_LIMITS.max_data_elements)
    except fmt.FormatError:
        refuse("manifest.json hoặc data.json sai cấu trúc")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT or manifest.get("format_version") != 1 \
            or manifest.get("kind") not in KINDS or not isinstance(data, dict) or data.get("kind") != manifest["kind"]:
        refuse("không phải gói trả kết quả phiên bản 1")
    for o in data.get("outcomes") or []:
        if not isinstance(o, dict) or o.get("outcome") not in NOMINEE_OUTCOMES:
            refuse("kết quả khen thưởng không hợp lệ")
    return ReturnCheck(manifest, data, {k: v for k, v in content.items() if k.startswith("documents/")}, fp)


def publish_rules_pack(session: Session, pack: dict, out: str | os.PathLike) -> rules_pack.RulesPack:
    """Sign the province's rules pack (criteria layer, thresholds, deadlines, the regulation's citation) with the
    province's key from this PC's keyring, write it to `out` for the communes (they import it with import-rules,
    after comparing the fingerprint with the one the province published), and check it reads back."""
    key = province_key(session)
    signed = {"format": rules_pack.FORMAT, "schema_version": 1, "pack": pack, "public_key": key.public_key_pem,
              "signature": base64.b64encode(key.sign(rules_pack.canonical(pack))).decode("ascii")}
    parsed = rules_pack.parse_pack(signed)   # refuses a pack the communes would refuse
    target = Path(out)
    tmp = target.with_name(target.name + ".tmp")
    tmp.write_text(json.dumps(signed, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, target)
    with session.write(Topic.REVIEWS):
        rv.log_action(session, "rules_pack", f"rules:{pack.get('id', '')}", parsed.fingerprint)
    return rules_pack.read_pack_file(target)
