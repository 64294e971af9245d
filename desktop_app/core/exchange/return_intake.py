"""The commune receives the province's signed return packet (issue 15, format: docs/packet-format.md §10).

The packet is checked by exchange.returns.verify_return_packet (size first, one top folder, safe names, only the
listed files, the signature over SHA256SUMS by the province key the commune trusts, every hash, bounded JSON) —
nothing is extracted before that. The province's key is trusted on first use only after the officer compared its
fingerprint with the one printed on the province's letters (the same trust as its rules pack: one key, one setting).

Then, in one transaction:
- a decision (`quyet_dinh`): the decision's PDF is kept in the workspace's documents folder, each award form's
  decision is recorded (source 'return_packet') and every nominee's outcome lands in the round and, when awarded,
  in the participant's award history (nominations.outcomes.apply_return);
- a notice asking for more information (`bo_sung`): the round reopens as a correction version with the reasons
  shown on each nominee the notice names (nominations.outcomes.return_for_more_information).

Each packet is imported once: the same packet again changes nothing ("đã nhận"); another packet with a sequence
already used is a conflict and is refused; a gap in the sequence is reported (a packet not received yet).
"""
from __future__ import annotations

import hashlib
import json
import os
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..changes import Topic
from ..errors import UserError
from ..fingerprints import format_fingerprint, normalize_fingerprint
from ..nominations import outcomes, rules_pack
from ..storage.files import sha256_file, write_file_atomically
from ..storage.models import NominationRound, Nominee, Setting
from ..storage.session import Session
from ..vocabulary import AWARDED, NOMINATION_FORMS, SUPERSEDED
from . import keys
from .returns import MAX_RETURN_BYTES, verify_return_packet

RECEIVED_SETTING = "returns.received"   # {sequence: {packet_id, sha256, kind, round_uid, file, imported_at}}
DOCUMENTS_FOLDER = "quyet-dinh-nhan-ve"  # under documents/: the decisions and notices that came back
MAX_TEXT = 2000


@dataclass(frozen=True)
class ReturnImport:
    """What importing one return packet did."""

    kind: str                           # quyet_dinh | bo_sung
    sequence: int
    round_number: int
    round_version: int                  # the version the outcomes landed in (a correction: the new version)
    decision_number: str = ""
    decided_on: date | None = None
    awarded: int = 0
    not_awarded: int = 0
    reasons: int = 0
    skipped: int = 0                    # outcomes of forms the commune decides itself (Giấy khen): left as recorded
    duplicate: bool = False             # the same packet had been imported before: nothing changed
    missing_sequences: tuple[int, ...] = ()   # earlier packets of the province not received yet
    document: str = ""                  # the decision's or notice's PDF, relative to the workspace folder
    names: tuple[str, ...] = field(default_factory=tuple)
    round_id: int = 0                   # the round (version) the outcomes or reasons landed in


def packet_signer(path: str | os.PathLike) -> str:
    """The fingerprint of the key that signed a return packet, read before trusting it (to compare with the paper).
    Bounded reads only: the packet's size, its number of entries and the key file's size are checked first."""
    p = Path(path)
    try:
        if p.stat().st_size > MAX_RETURN_BYTES:
            raise UserError("returns.refused", reason="tệp quá lớn")
        with zipfile.ZipFile(p) as zf:
            infos = zf.infolist()
            if len(infos) > 50:
                raise UserError("returns.refused", reason="quá nhiều tệp")
            pem = [i for i in infos if i.filename.count("/") == 1 and i.filename.endswith("/signer.pem")]
            if len(pem) != 1 or pem[0].file_size > 4096:
                raise UserError("returns.refused", reason="thiếu signer.pem")
            return keys.fingerprint(keys.load_public_key_pem(zf.read(pem[0])))
    except UserError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile):
        raise UserError("returns.refused", reason="không phải tệp ZIP") from None
    except OSError as exc:
        raise UserError("returns.refused", reason=exc.strerror or str(exc)) from exc
    except Exception:  # noqa: BLE001 — an unreadable key is a refusal, whatever the library raised
        raise UserError("returns.refused", reason="khóa công khai không đọc được") from None


def trusted_province_key(session: Session) -> str:
    return session.setting(rules_pack.TRUST_SETTING, "") or ""


def received(session: Session) -> dict[int, dict]:
    """Return packets imported so far, by the province's sequence."""
    try:
        raw = json.loads(session.setting(RECEIVED_SETTING, "") or "{}")
    except ValueError:
        raw = {}
    return {int(k): v for k, v in raw.items() if str(k).isdigit() and isinstance(v, dict)}


def _text(value, limit: int = MAX_TEXT) -> str:
    return str(value or "").strip()[:limit]


def _find_round(session: Session, round_uid: str) -> tuple[NominationRound, NominationRound]:
    """(the round the packet answers, its newest version — a correction made since is where outcomes land)."""
    home = session.home_commune()
    sent = NominationRound.get_or_none((NominationRound.uid == round_uid)
                                       & (NominationRound.commune == (home.id if home else -1)))
    if sent is None:
        raise UserError("outcomes.return_round_unknown")
    newest = sent
    while newest.status == SUPERSEDED:
        following = NominationRound.get_or_none(NominationRound.supersedes == newest)
        if following is None:
            break
        newest = following
    return sent, newest


def import_return_packet(session: Session, path: str | os.PathLike, *,
                         trust_fingerprint: str | None = None) -> ReturnImport:
    """Verify and import the province's return packet at `path`. The first packet (or one signed by another key than
    the trusted one) is imported only with `trust_fingerprint`, the fingerprint the officer compared with the paper:
    UserError('returns.confirm_fingerprint') says so and shows it."""
    signer = packet_signer(path)
    trusted = trusted_province_key(session)
    if signer != trusted:
        if not trust_fingerprint:
            code = "returns.confirm_fingerprint" if not trusted else "returns.key_changed"
            raise UserError(code, fingerprint=format_fingerprint(signer),
                            trusted=format_fingerprint(trusted) if trusted else "", signer=signer)
        if normalize_fingerprint(trust_fingerprint) != signer:
            raise UserError("rules_pack.fingerprint_mismatch", fingerprint=format_fingerprint(signer))
    check = verify_return_packet(path, signer)
    manifest, data = check.manifest, check.data
    home = session.home_commune()
    if home is None:
        raise UserError("returns.no_commune")
    if str(manifest.get("commune_code") or "") != home.admin_code or str(data.get("commune_code") or "") != \
            home.admin_code:
        raise UserError("returns.other_commune", commune=_text(manifest.get("commune_code"), 20),
                        own=home.admin_code)
    sequence = manifest.get("sequence")
    packet_id = _text(manifest.get("packet_id"), 100)
    round_uid = _text(manifest.get("round_uid"), 100)
    if not isinstance(sequence, int) or isinstance(sequence, bool) or not 1 <= sequence <= 100000 or not packet_id \
            or round_uid != _text((data.get("round") or {}).get("uid") if isinstance(data.get("round"), dict)
                                  else "", 100):
        raise UserError("returns.refused", reason="manifest.json thiếu số thứ tự, mã gói hoặc đợt đề nghị")
    sha, _size = sha256_file(path)   # in chunks: the packet is already bounded, but never held twice
    sent, newest = _find_round(session, round_uid)
    seen = received(session)
    if sequence in seen:
        if seen[sequence].get("packet_id") == packet_id:
            before = seen[sequence]
            return ReturnImport(before.get("kind", manifest["kind"]), sequence, sent.number, newest.version,
                                duplicate=True, document=before.get("file", ""), round_id=newest.id)
        raise UserError("returns.sequence_conflict", sequence=sequence)
    kind = manifest["kind"]
    province = manifest.get("province") if isinstance(manifest.get("province"), dict) else {}
    top = f"{_text(province.get('code'), 20) or 'tinh'}_tra_{home.admin_code}_{sequence:03d}"
    documents = check.documents
    pdf_name = "documents/quyet_dinh.pdf" if kind == "quyet_dinh" else "documents/thong_bao_bo_sung.pdf"
    if pdf_name not in documents:
        raise UserError("returns.refused", reason=f"thiếu {pdf_name}")
    pdf = documents[pdf_name]
    if not pdf.startswith(b"%PDF-"):
        raise UserError("returns.refused", reason=f"{pdf_name} không phải tệp PDF")
    safe_top = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in top)[:80]
    relative = f"documents/{DOCUMENTS_FOLDER}/{safe_top}_{pdf_name.rsplit('/', 1)[1]}"
    # The file first (durably, under its own name): a power cut after it leaves a file and no record, imported
    # again next time; never a record without its file.
    target = session.paths.root / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh_file = not target.exists()
    write_file_atomically(target, pdf)
    pdf_sha = hashlib.sha256(pdf).hexdigest()
    try:
        return _land(session, kind, sequence, packet_id, round_uid, sha, sent, newest, data, seen, relative,
                     pdf_sha, signer, trust_fingerprint)
    except BaseException:
        if fresh_file:   # refused (a nominee this round does not have…): no file left without its records
            target.unlink(missing_ok=True)
        raise


def _land(session: Session, kind: str, sequence: int, packet_id: str, round_uid: str, sha: str,
          sent: NominationRound, newest: NominationRound, data: dict, seen: dict, relative: str, pdf_sha: str,
          signer: str, trust_fingerprint: str | None) -> ReturnImport:
    """The records of a verified packet, in one transaction (its PDF is already in the documents folder)."""
    awarded = not_awarded = reasons = skipped = 0
    number, decided_on, names = "", None, []
    with session.write(Topic.ROUNDS, Topic.AWARDS, Topic.PACKETS):
        if kind == "quyet_dinh":
            decision = data.get("decision")
            if not isinstance(decision, dict):
                raise UserError("returns.refused", reason="gói quyết định không có quyết định")
            number = _text(decision.get("number"), 50)
            try:
                decided_on = date.fromisoformat(_text(decision.get("decided_on"), 10))
            except ValueError:
                raise UserError("returns.refused", reason="ngày quyết định không hợp lệ") from None
            by_form: dict[str, list[outcomes.ReturnedOutcome]] = {}
            for o in data.get("outcomes") or []:
                form = _text(o.get("award_form"), 50)
                term = NOMINATION_FORMS.get(form)
                if term is None:
                    raise UserError("returns.refused", reason=f"hình thức khen thưởng lạ: {form[:30]}")
                if term.decided_here:
                    # The commune's own Giấy khen is decided by its chairman: a province's word on it is not a
                    # decision on it (its outcome stays as the commune recorded it).
                    skipped += 1
                    continue
                by_form.setdefault(form, []).append(outcomes.ReturnedOutcome(
                    nominee_uid=_text(o.get("nominee_uid"), 100), outcome=o["outcome"],
                    reason=_text(o.get("reason")) or ("" if o["outcome"] == AWARDED else "Không được khen thưởng")))
                names.append(_text(o.get("name"), 200))
            if not by_form and not skipped:
                raise UserError("returns.refused", reason="quyết định không nêu kết quả của ai")
            for form, items in by_form.items():
                issuer, level = outcomes.decision_issuer_default(session, form)
                report = outcomes.apply_return(session, outcomes.ReturnedDecision(
                    packet_id=f"{packet_id}/{form}", round_uid=round_uid, award_form=form, number=number,
                    decided_on=decided_on, issuer=issuer, level=level, signer=_text(decision.get("signer"), 100),
                    signer_title=_text(decision.get("signer_title"), 100) or "CHỦ TỊCH",
                    decision_file=relative, decision_sha256=pdf_sha, outcomes=tuple(items)))
                awarded += report.awarded
                not_awarded += report.not_awarded
        else:
            by_nominee: dict[int, list[str]] = {}
            general: list[str] = []
            nominees = {n.uid: n for n in Nominee.select().where(Nominee.commune == sent.commune_id)}
            for r in data.get("reasons") or []:
                if not isinstance(r, dict):
                    continue
                text = _text(r.get("text"))
                if not text:
                    continue
                reasons += 1
                n = nominees.get(_text(r.get("nominee_uid"), 100)) if r.get("nominee_uid") else None
                if n is not None:
                    by_nominee.setdefault(n.id, []).append(text)
                    names.append(n.participant.name)
                else:
                    document = _text(r.get("document"), 200)
                    general.append(f"{document}: {text}" if document else text)
            summary = "; ".join(general) or "Cấp trên yêu cầu bổ sung hồ sơ (xem thông báo kèm theo)"
            if newest.id == sent.id:
                fresh = outcomes.return_for_more_information(
                    session, sent.id, summary, {nid: "; ".join(t) for nid, t in by_nominee.items()})
            else:
                # A correction was already started: the reasons go on its nominees, no third version.
                fresh = newest
                by_key = {(n.participant_id, n.award_form): n
                          for n in Nominee.select().where(Nominee.round == newest.id)}
                old = {n.id: n for n in Nominee.select().where(Nominee.id.in_(list(by_nominee) or [0]))}
                for nid, texts in by_nominee.items():
                    target_nominee = by_key.get((old[nid].participant_id, old[nid].award_form))
                    if target_nominee is not None:
                        Nominee.update(return_reason="; ".join(texts)).where(
                            Nominee.id == target_nominee.id).execute()
            newest = fresh
        if trust_fingerprint:
            Setting.insert(key=rules_pack.TRUST_SETTING, value=signer).on_conflict_replace().execute()
        seen[sequence] = {"packet_id": packet_id, "sha256": sha, "kind": kind, "round_uid": round_uid,
                          "file": relative, "imported_at": session.clock.now_iso()}
        Setting.insert(key=RECEIVED_SETTING, value=json.dumps({str(k): v for k, v in sorted(seen.items())},
                                                              ensure_ascii=False)).on_conflict_replace().execute()
    missing = tuple(s for s in range(1, max(seen) + 1) if s not in seen)
    newest = NominationRound.get_by_id(newest.id)
    return ReturnImport(kind, sequence, sent.number, newest.version, number, decided_on, awarded, not_awarded,
                        reasons, skipped, False, missing, relative, tuple(names), newest.id)


def describe(done: ReturnImport) -> str:
    """What the import did, in the officer's words (the window's message and the command line's output)."""
    if done.duplicate:
        return (f"Gói trả kết quả số {done.sequence} đã được nhận trước đây; không có gì thay đổi.")
    lines = []
    if done.kind == "quyet_dinh":
        when = done.decided_on.strftime("%d/%m/%Y") if done.decided_on else ""
        lines.append(f"Đã nhận quyết định số {done.decision_number} ngày {when} cho đợt đề nghị số "
                     f"{done.round_number} (lần {done.round_version}).")
        lines.append(f"Được khen thưởng: {done.awarded}; không được khen thưởng: {done.not_awarded}.")
        if done.awarded:
            lines.append("Các khen thưởng đã được ghi vào lịch sử khen thưởng của từng người, từng tập thể.")
        if done.skipped:
            lines.append(f"{done.skipped} người được đề nghị Giấy khen của xã: giữ nguyên quyết định của xã.")
    else:
        lines.append(f"Sở Nội vụ yêu cầu bổ sung hồ sơ đợt đề nghị số {done.round_number} ({done.reasons} nội dung).")
        lines.append(f"Đợt đã được mở lại để sửa: lần {done.round_version}; lý do ghi bên cạnh từng người được nêu.")
    if done.document:
        lines.append(f"Văn bản của Sở đã lưu tại: {done.document}")
    if done.missing_sequences:
        lines.append("Chưa nhận gói trả kết quả số " + ", ".join(str(s) for s in done.missing_sequences) +
                     " của Sở: hãy hỏi Sở Nội vụ.")
    return "\n".join(lines)
