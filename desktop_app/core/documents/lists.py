"""Lists an officer prints from the register: a (filtered) list of participants, and one person's or collective's
award history (trích ngang thành tích khen thưởng) — A4, the NĐ 30/2020 header of the commune, page numbers.
These are working lists, not issued documents: they carry no number, and the date line is the day printed."""
from __future__ import annotations

from datetime import date
from typing import Callable

from ..dates import format_vn_date
from ..errors import UserCancelled, UserError
from ..formats import format_count
from ..register import awards as award_history
from ..register import participants
from ..storage.session import Session
from ..vocabulary import (AWARD_CATEGORIES, COMMENDATION_TYPES, GENDERS, INDIVIDUAL, PARTICIPANT_CATEGORIES,
                          PARTICIPANT_KINDS)
from .build import render
from .model import Cell, Closing, Document, Header, Paragraph, Run, Signature, Table, Title
from .numbering import date_line
from .round_documents import commune_settings
from .templates import load_template_set

MAX_LIST_ROWS = 20_000   # a printed list longer than this is not a list anyone reads: narrow it first
Progress = Callable[[int, int, str], None]


def _header(session: Session, when: date) -> Header:
    c = commune_settings(session.home_commune())
    return Header(body_lines=((c.body_upper, True), (c.body_lower, True)), number_line="",
                  date_line=date_line(c.place_name, when))


def _cell(text: str, align: str = "left", bold: bool = False) -> Cell:
    return Cell((Run(text or "", bold=bold),), align=align)


def register_list(session: Session, flt: participants.ParticipantFilter, *, subtitle: str = "",
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Document:
    """The register as the screen lists it (the same filter and search), as a printable table."""
    rows = []
    page, offset = 500, 0
    total, more = participants.count_participants_capped(session, flt, cap=MAX_LIST_ROWS)
    if more:
        raise UserError("documents.list_too_long", count=format_count(total), max=format_count(MAX_LIST_ROWS))
    while True:
        chunk = participants.list_participant_rows(session, flt, offset=offset, limit=page)
        for pid, name, kind, category, birth, position, address, phone, workplace, _key in chunk:
            rows.append((
                _cell(str(len(rows) + 1), "center"), _cell(name), _cell(PARTICIPANT_KINDS.name(kind)),
                _cell(PARTICIPANT_CATEGORIES.name(category)), _cell(format_vn_date(birth), "center"),
                _cell((position or workplace) if kind == INDIVIDUAL else address)))
        offset += len(chunk)
        if progress is not None:
            progress(offset, max(total, offset), "")
        if cancelled is not None and cancelled():
            raise UserCancelled()
        if len(chunk) < page:
            break
    header = (tuple(_cell(h, "center", bold=True) for h in
                    ("STT", "Họ và tên / Tên tập thể", "Loại", "Thành phần", "Ngày sinh", "Chức vụ, đơn vị / Địa chỉ")),)
    table = Table(columns_mm=(11, 50, 18, 25, 22, 39), header=header, rows=tuple(rows), size=11)
    summary = [(Run("ĐỐI TƯỢNG THAM GIA PHONG TRÀO THI ĐUA", bold=True),)]
    if subtitle:
        summary.append((Run(subtitle, bold=False),))
    count = Paragraph((Run(f"Tổng số: {format_count(len(rows))}."),), align="left", indent=False)
    return Document(header=_header(session, session.clock.today()), title=Title("DANH SÁCH", tuple(summary)),
                    blocks=(table, count), meta_title="Danh sách đối tượng tham gia phong trào thi đua")


def award_history_extract(session: Session, participant_id: int) -> Document:
    """Trích ngang: who the participant is and every entry of the award history, newest first."""
    p = participants.get_participant(session, participant_id)
    if p is None:
        raise UserError("participant.not_found")
    facts = []
    if p.kind == INDIVIDUAL:
        facts = [("Họ và tên", p.name), ("Giới tính", GENDERS.name(p.gender)),
                 ("Ngày sinh", format_vn_date(p.birth_date)), ("Dân tộc", p.ethnicity),
                 ("Chức vụ", p.position), ("Đơn vị công tác", p.workplace)]
    else:
        facts = [("Tên tập thể", p.name), ("Thành phần", PARTICIPANT_CATEGORIES.name(p.category)),
                 ("Địa chỉ", p.address), ("Người đứng đầu", p.head_name),
                 ("Số thành viên", "" if p.member_count is None else format_count(p.member_count))]
    blocks: list = [Paragraph((Run(f"{label}: ", bold=True), Run(value)), align="left", indent=False)
                    for label, value in facts if value]
    rows = []
    for i, a in enumerate(award_history.list_awards(session, p.id), start=1):
        decision = ", ".join(x for x in (a.decision_number, format_vn_date(a.decision_date)) if x)
        rows.append((_cell(str(i), "center"), _cell(str(a.year), "center"), _cell(a.name),
                     _cell(AWARD_CATEGORIES.name(a.category)), _cell(COMMENDATION_TYPES.name(a.award_type)),
                     _cell(decision), _cell(a.issuer)))
    header = (tuple(_cell(h, "center", bold=True) for h in
                    ("STT", "Năm", "Danh hiệu / hình thức", "Loại", "Loại khen", "Số, ngày quyết định",
                     "Cơ quan quyết định")),)
    if rows:
        blocks.append(Table(columns_mm=(10, 13, 42, 24, 20, 28, 28), header=header, rows=tuple(rows), size=11))
    else:
        blocks.append(Paragraph((Run("Chưa có mục nào trong lịch sử khen thưởng."),), align="left", indent=False))
    closing = Closing(right=Signature(lines=("NGƯỜI LẬP",), name="", note="(Ký, ghi rõ họ và tên)", space_mm=20))
    blocks.append(closing)
    title = Title("TRÍCH NGANG", ((Run("THÀNH TÍCH KHEN THƯỞNG", bold=True),), (Run(p.name, bold=True),)))
    return Document(header=_header(session, session.clock.today()), title=title, blocks=tuple(blocks),
                    meta_title=f"Trích ngang thành tích khen thưởng — {p.name}")


def render_pdf_bytes(doc: Document) -> bytes:
    return render(doc, "pdf", load_template_set())


def print_register_list(session: Session, flt: participants.ParticipantFilter, subtitle: str = "", *,
                        progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> bytes:
    """The register list as PDF bytes (an operation the window runs)."""
    return render_pdf_bytes(register_list(session, flt, subtitle=subtitle, progress=progress, cancelled=cancelled))


def print_award_history(session: Session, participant_id: int) -> bytes:
    """A participant's trích ngang as PDF bytes."""
    return render_pdf_bytes(award_history_extract(session, participant_id))
