"""The review of received rounds at the province (issue 16): each round moves đã tiếp nhận → đang thẩm định → cần bổ
sung (returned, with the reasons per nominee or document) / đủ điều kiện trình → đã có quyết định (awarded or not per
nominee) → đã trả kết quả; officers and the communes assigned to them; the audit log of every action.

On a PostgreSQL server each officer signs in as their own role and the database's grants decide what they may do
(migration 0011): an action their role lacks fails in the database, whatever the window shows, and is told to the
officer as "not permitted". The audit log's who and when are written by the server there; on SQLite (one PC) the
actor is the PC's user.
"""
from __future__ import annotations

import getpass
import os
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import openpyxl
import openpyxl.styles
import peewee as pw

from ...changes import Topic
from ...errors import UserError
from ...text import fold
from ...nominations import rules_pack
from ...storage.files import copy_file_durably, sha256_file
from ...storage.migrations.m0011_province_review import DUTY_ROLES
from ...storage.models import (AuditLog, Commune, CommuneAssignment, CouncilMeeting, NominationRound, Nominee,
                               ReviewOutcome, Officer, ReceivedPacket, ReviewNote, RoundDecision, RoundReview)
from ...storage.session import Session
from ...vocabulary import (DECIDED, DUTIES, NOMINEE_OUTCOMES, NOT_AWARDED, READY, RECEIVED, RESULT_SENT, RETURNED,
                           REVIEW_STATES, SUPERSEDED, UNDER_REVIEW)

# Which state may follow which (the window offers only these; the core refuses the others).
TRANSITIONS = {
    RECEIVED: (UNDER_REVIEW,),
    UNDER_REVIEW: (RETURNED, READY),
    READY: (DECIDED, UNDER_REVIEW),
    RETURNED: (UNDER_REVIEW,),
    DECIDED: (RESULT_SENT,),
    RESULT_SENT: (),
}
WAITING = (RECEIVED, UNDER_REVIEW, READY)
LOGIN_RE = re.compile(r"[a-z][a-z0-9_]{2,40}")


# ----- who acts, and the log ---------------------------------------------------------------------------------

def actor(session: Session) -> str:
    """Who is acting: the PostgreSQL role this session signed in as; on SQLite the PC's user."""
    if session.is_postgres:
        return session.db.execute_sql("SELECT session_user").fetchone()[0]
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment
        return "?"


def log_action(session: Session, action: str, subject: str = "", detail: str = "") -> None:
    """Append one line to the audit log (call it inside the write that did the action: both or neither)."""
    AuditLog.create(at=session.clock.now_iso(), actor=actor(session), action=action, subject=subject,
                    detail=detail[:2000])


def audit_log(session: Session, subject: str | None = None) -> list[AuditLog]:
    session.activate()
    q = AuditLog.select()
    if subject is not None:
        q = q.where(AuditLog.subject == subject)
    return list(q.order_by(AuditLog.id))


class _Permitted:
    """Turns the server's "permission denied" into the officer's message (the grants decide, not the window)."""

    def __init__(self, duty: str):
        self.duty = duty

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is not None and isinstance(exc, pw.ProgrammingError) and "permission denied" in str(exc):
            raise UserError("review.not_permitted", duty=DUTIES.name(self.duty)) from exc
        return False


def permitted(duty: str) -> _Permitted:
    return _Permitted(duty)


# ----- reviews ------------------------------------------------------------------------------------------------

def _deadline(session: Session, round_: NominationRound) -> date | None:
    """The first deadline of the province's rules pack after the round's council meeting, if both are known."""
    try:
        pack = rules_pack.current_pack(session)
    except UserError:
        pack = None
    meeting = CouncilMeeting.get_or_none(CouncilMeeting.round == round_.id)
    if pack is None or not pack.deadlines or meeting is None or meeting.held_on is None:
        return None
    return min(d.due(meeting.held_on) for d in pack.deadlines)


def open_review(session: Session, round_: NominationRound) -> RoundReview:
    """The review of a round just imported (inside the import's write): a new round starts as received."""
    review = RoundReview.get_or_none(RoundReview.round == round_.id)
    if review is not None:
        return review
    review = RoundReview.create(round=round_.id, commune=round_.commune_id, state=RECEIVED,
                                deadline=_deadline(session, round_), updated_by=actor(session),
                                updated_at=session.clock.now_iso())
    log_action(session, "import", _subject(round_), f"đợt {round_.number} lần {round_.version}")
    return review


def _subject(round_: NominationRound) -> str:
    return f"round:{round_.uid}"


def get_review(session: Session, review_id: int) -> RoundReview:
    session.activate()
    review = RoundReview.get_or_none(RoundReview.id == review_id)
    if review is None:
        raise UserError("review.not_found")
    return review


def review_of_round(session: Session, round_id: int) -> RoundReview | None:
    session.activate()
    return RoundReview.get_or_none(RoundReview.round == round_id)


def _move(session: Session, review: RoundReview, state: str, reason: str = "") -> RoundReview:
    if state not in TRANSITIONS[review.state]:
        raise UserError("review.bad_transition", state=REVIEW_STATES.name(review.state),
                        target=REVIEW_STATES.name(state))
    if review.round.status == SUPERSEDED and state != RESULT_SENT:
        raise UserError("review.round_superseded")
    previous = review.state
    review.state, review.reason = state, reason
    review.updated_by, review.updated_at = actor(session), session.clock.now_iso()
    # only the columns a duty may change (PostgreSQL grants them column by column)
    review.save(only=[RoundReview.state, RoundReview.reason, RoundReview.updated_by, RoundReview.updated_at])
    log_action(session, f"state:{state}", _subject(review.round), f"{previous} → {state}" + (f": {reason}" if reason else ""))
    return review


def start_review(session: Session, review_id: int) -> RoundReview:
    """đã tiếp nhận (or cần bổ sung, reopened) → đang thẩm định."""
    with permitted("review"), session.write(Topic.REVIEWS):
        return _move(session, get_review(session, review_id), UNDER_REVIEW)


@dataclass(frozen=True)
class ReturnReason:
    """Why a round is returned: about one nominee (nominee_id), one document (its name), or the round (neither)."""

    text: str
    nominee_id: int | None = None
    document: str = ""


def request_more(session: Session, review_id: int, reasons: list[ReturnReason]) -> RoundReview:
    """đang thẩm định → cần bổ sung, with at least one reason, each one written out."""
    clean = [r for r in reasons if " ".join(r.text.split())]
    if not clean or len(clean) != len(reasons):
        raise UserError("review.reason_required")
    with permitted("review"), session.write(Topic.REVIEWS):
        review = get_review(session, review_id)
        for r in clean:
            if r.nominee_id is not None and Nominee.get_or_none(
                    (Nominee.id == r.nominee_id) & (Nominee.round == review.round_id)) is None:
                raise UserError("review.nominee_not_in_round")
            ReviewNote.create(review=review, nominee=r.nominee_id, document=r.document.strip(),
                              text=" ".join(r.text.split()), created_by=actor(session),
                              created_at=session.clock.now_iso())
        return _move(session, review, RETURNED, "; ".join(" ".join(r.text.split()) for r in clean)[:1000])


def mark_ready(session: Session, review_id: int) -> RoundReview:
    """đang thẩm định → đủ điều kiện trình."""
    with permitted("review"), session.write(Topic.REVIEWS):
        return _move(session, get_review(session, review_id), READY)


def reopen(session: Session, review_id: int, reason: str) -> RoundReview:
    """đủ điều kiện trình → đang thẩm định again, with the reason."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise UserError("review.reason_required")
    with permitted("review"), session.write(Topic.REVIEWS):
        return _move(session, get_review(session, review_id), UNDER_REVIEW, reason)


def notes_of(session: Session, review_id: int) -> list[ReviewNote]:
    session.activate()
    return list(ReviewNote.select().where(ReviewNote.review == review_id).order_by(ReviewNote.id))


def record_decision(session: Session, review_id: int, *, number: str, decided_on: date, signer: str,
                    signer_title: str, outcomes: dict[int, tuple[str, str]], decision_pdf: str | Path) -> RoundDecision:
    """đủ điều kiện trình → đã có quyết định: the decision (number, date, signer, its PDF kept in documents/) and the
    outcome of every nominee of the round (awarded, or not awarded with the reason)."""
    number, signer = " ".join((number or "").split()), " ".join((signer or "").split())
    if not number or not signer or decided_on is None:
        raise UserError("review.decision_incomplete")
    pdf = Path(decision_pdf)
    if pdf.suffix.lower() != ".pdf" or not pdf.is_file():
        raise UserError("review.decision_pdf_missing", path=str(pdf))
    review = get_review(session, review_id)
    nominee_ids = {n.id for n in Nominee.select(Nominee.id).where(Nominee.round == review.round_id)}
    if set(outcomes) != nominee_ids:
        raise UserError("review.outcome_for_every_nominee")
    for outcome, reason in outcomes.values():
        if outcome not in NOMINEE_OUTCOMES:
            raise UserError("review.bad_outcome")
        if outcome == NOT_AWARDED and not " ".join((reason or "").split()):
            raise UserError("review.reason_required")
    sha, _size = sha256_file(pdf)
    stored = session.paths.documents_dir / "province" / f"{sha[:16]}_quyet_dinh.pdf"
    if not stored.exists():
        copy_file_durably(pdf, stored)  # before the transaction, like every file
    with permitted("decide"), session.write(Topic.REVIEWS):
        review = get_review(session, review_id)
        if DECIDED not in TRANSITIONS[review.state]:
            raise UserError("review.bad_transition", state=REVIEW_STATES.name(review.state),
                            target=REVIEW_STATES.name(DECIDED))
        decision = RoundDecision.create(review=review, number=number, decided_on=decided_on, signer=signer,
                                        signer_title=" ".join((signer_title or "").split()),
                                        file_name=stored.relative_to(session.paths.root).as_posix(), file_sha256=sha,
                                        created_by=actor(session), created_at=session.clock.now_iso())
        for nominee_id, (outcome, reason) in sorted(outcomes.items()):
            ReviewOutcome.create(decision=decision, nominee=nominee_id, outcome=outcome,
                                  reason=" ".join((reason or "").split()))
        log_action(session, "decision", _subject(review.round), f"{number} ngày {decided_on.isoformat()}")
        _move(session, review, DECIDED)
        return decision


def decision_of(session: Session, review_id: int) -> RoundDecision | None:
    session.activate()
    return RoundDecision.get_or_none(RoundDecision.review == review_id)


def outcomes_of(session: Session, decision_id: int) -> list[ReviewOutcome]:
    session.activate()
    return list(ReviewOutcome.select().where(ReviewOutcome.decision == decision_id).order_by(ReviewOutcome.nominee))


# ----- officers and their communes --------------------------------------------------------------------------------

def add_officer(session: Session, login: str, full_name: str = "") -> Officer:
    login = (login or "").strip()
    if not login:
        raise UserError("review.officer_login_required")
    with permitted("admin"), session.write(Topic.REVIEWS):
        officer = Officer.get_or_none(Officer.login == login)
        if officer is None:
            officer = Officer.create(login=login, full_name=full_name.strip(), created_at=session.clock.now_iso())
        elif full_name.strip():
            officer.full_name = full_name.strip()
            officer.save()
        log_action(session, "officer", f"officer:{login}", full_name)
        return officer


def assign_commune(session: Session, commune_code: str, login: str) -> CommuneAssignment:
    """The officer `login` is in charge of commune `commune_code` from now on."""
    with permitted("admin"), session.write(Topic.REVIEWS):
        officer = Officer.get_or_none(Officer.login == login)
        if officer is None:
            raise UserError("review.unknown_officer", login=login)
        row = (CommuneAssignment.insert(commune_code=commune_code, officer=officer.id,
                                        assigned_at=session.clock.now_iso())
               .on_conflict(conflict_target=[CommuneAssignment.commune_code],
                            update={CommuneAssignment.officer: officer.id,
                                    CommuneAssignment.assigned_at: session.clock.now_iso()})
               .execute())
        log_action(session, "assign", f"commune:{commune_code}", login)
        return row


def create_officer_login(session: Session, login: str, password: str, duties: list[str], full_name: str = "") -> None:
    """PostgreSQL only, by the server's administrator (a role that may create roles): the officer's own login role,
    member of the group role of each duty (migration 0011's DUTY_ROLES), and their row in `officer`."""
    if not session.is_postgres:
        raise UserError("review.needs_server")
    if not LOGIN_RE.fullmatch(login or "") or not password:
        raise UserError("review.officer_login_required")
    unknown = [d for d in duties if d not in DUTY_ROLES]
    if unknown or not duties:
        raise UserError("review.bad_duty", duty=", ".join(unknown))
    from psycopg import sql as psycopg_sql  # noqa: PLC0415 (loaded with the server, storage/engines.load_psycopg)

    conn = session.db.connection()
    groups = ", ".join(DUTY_ROLES[d] for d in duties)
    exists = session.db.execute_sql("SELECT 1 FROM pg_roles WHERE rolname = %s", (login,)).fetchone()
    verb = "ALTER" if exists else "CREATE"
    statement = psycopg_sql.SQL(verb + " ROLE {} LOGIN PASSWORD {}").format(
        psycopg_sql.Identifier(login), psycopg_sql.Literal(password)).as_string(conn)
    session.db.execute_sql(statement)
    session.db.execute_sql(f'GRANT {groups} TO "{login}"')
    add_officer(session, login, full_name)


def my_commune_codes(session: Session) -> set[str]:
    """The communes assigned to the officer of this session (empty: none assigned, show all)."""
    session.activate()
    me = actor(session)
    return {a.commune_code for a in CommuneAssignment.select(CommuneAssignment.commune_code)
            .join(Officer).where(Officer.login == me)}


# ----- the dashboard ----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class CommuneRow:
    """One commune on the dashboard of a campaign."""

    code: str
    name: str
    last_packet_at: str        # received_at of its last accepted packet ('' none)
    last_sequence: int | None
    waiting: int               # rounds received, under review or ready
    returned: int              # rounds returned for more information
    decided: int               # rounds decided or answered
    next_deadline: date | None
    officer: str
    states: tuple[str, ...] = ()   # the review states its live rounds are in


def filter_rows(rows: list[CommuneRow], *, search: str = "", state: str | None = None,
                codes: set[str] | None = None) -> list[CommuneRow]:
    """The dashboard's filters, on rows already read (a filter change reads nothing from the database)."""
    needle = fold(search).strip()   # "thuong quan" finds "Thượng Quan"
    return [r for r in rows
            if (not needle or needle in r.code.lower() or needle in fold(r.name))
            and (state is None or state in r.states)
            and (codes is None or r.code in codes)]


def dashboard(session: Session, campaign_id: int | None = None, *, only_mine: bool = False,
              search: str = "", state: str | None = None) -> list[CommuneRow]:
    """Every commune known here (received from, or assigned) with its last packet and its rounds in each state.
    A few queries for the whole province, never one per commune."""
    session.activate()
    communes = {c.admin_code: c.name for c in Commune.select(Commune.admin_code, Commune.name)
                .where(Commune.is_home == False)}  # noqa: E712
    officers = {a.commune_code: (a.officer.full_name or a.officer.login)
                for a in CommuneAssignment.select(CommuneAssignment, Officer).join(Officer)}
    for code in officers:
        communes.setdefault(code, code)
    last: dict[str, tuple[str, int | None]] = {}
    for code, at, seq in (ReceivedPacket.select(ReceivedPacket.commune_code, pw.fn.MAX(ReceivedPacket.received_at),
                                                pw.fn.MAX(ReceivedPacket.sequence))
                          .where(ReceivedPacket.outcome.in_(("imported", "superseded")))
                          .group_by(ReceivedPacket.commune_code).tuples()):
        last[code] = (at, seq)
    counts: dict[str, dict[str, int]] = {}
    deadlines: dict[str, date] = {}
    q = (RoundReview.select(Commune.admin_code, RoundReview.state, RoundReview.deadline, NominationRound.status)
         .join(NominationRound, on=(RoundReview.round == NominationRound.id))
         .join(Commune, on=(RoundReview.commune == Commune.id)))
    if campaign_id is not None:
        q = q.where(NominationRound.campaign == campaign_id)
    for code, st, deadline, status in q.tuples():
        if status == SUPERSEDED:
            continue
        c = counts.setdefault(code, {})
        c[st] = c.get(st, 0) + 1
        if st in WAITING and deadline is not None:
            d = deadline if isinstance(deadline, date) else date.fromisoformat(str(deadline))
            deadlines[code] = min(deadlines.get(code, d), d)
    rows = []
    for code, name in communes.items():
        c = counts.get(code, {})
        at, seq = last.get(code, ("", None))
        rows.append(CommuneRow(code, name, at or "", seq, sum(c.get(s, 0) for s in WAITING), c.get(RETURNED, 0),
                               c.get(DECIDED, 0) + c.get(RESULT_SENT, 0), deadlines.get(code), officers.get(code, ""),
                               tuple(sorted(c))))
    rows.sort(key=lambda r: (r.next_deadline or date.max, r.code))
    mine = my_commune_codes(session) if only_mine else set()
    return filter_rows(rows, search=search, state=state, codes=mine if mine else None)


def reviews_of_commune(session: Session, commune_code: str) -> list[RoundReview]:
    session.activate()
    return list(RoundReview.select().join(Commune, on=(RoundReview.commune == Commune.id))
                .where(Commune.admin_code == commune_code).order_by(RoundReview.id))


def overdue(row: CommuneRow, today: date) -> bool:
    return row.next_deadline is not None and row.next_deadline < today and row.waiting > 0


def days_left(row: CommuneRow, today: date) -> int | None:
    return (row.next_deadline - today).days if row.next_deadline else None


DASHBOARD_HEADERS = ("Mã xã", "Tên xã", "Gói cuối nhận lúc", "Số thứ tự gói cuối", "Đợt chờ xử lý", "Đợt cần bổ sung",
                     "Đợt đã có quyết định", "Hạn gần nhất", "Cán bộ phụ trách")


def export_dashboard(rows: list[CommuneRow], path: str | Path) -> Path:
    """The dashboard as an .xlsx file (Excel on the officers' PCs), the header in Vietnamese, dates as dates."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Theo dõi hồ sơ"
    ws.append(DASHBOARD_HEADERS)
    for cell in ws[1]:
        cell.font = openpyxl.styles.Font(bold=True)
    for r in rows:
        ws.append([r.code, r.name, r.last_packet_at[:19].replace("T", " "), r.last_sequence, r.waiting, r.returned,
                   r.decided, r.next_deadline, r.officer])
        if r.next_deadline is not None:
            ws.cell(row=ws.max_row, column=8).number_format = "DD/MM/YYYY"
    for column, width in zip("ABCDEFGHI", (10, 28, 20, 10, 12, 12, 14, 14, 24)):
        ws.column_dimensions[column].width = width
    ws.freeze_panes = "A2"
    target = Path(path)
    tmp = target.with_name(target.name + ".tmp")
    wb.save(tmp)
    os.replace(tmp, target)
    return target
