"""The lists of the two ends of the year, in the NĐ 30/2020 layout: the registration list of a unit (bản đăng ký thi
đua), the ceremony list of a round's awards (danh sách khen thưởng) and the prize payout list (danh sách chi tiền
thưởng, amounts from the rules data, a column to sign) — as PDF and .xlsx. Working lists: no number."""
from __future__ import annotations

import io
from datetime import date

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

from ..errors import UserError
from ..formats import format_count
from ..dates import format_vn_date
from ..nominations import outcomes as outcome_queries
from ..nominations.rounds import require_round
from ..register import registrations
from ..storage.models import Campaign, Participant
from ..storage.session import Session
from ..vocabulary import AWARD_FORMS, AWARDED, COLLECTIVE, award_name
from .build import render
from .inputs import RewardRule
from .model import Cell, Closing, Document, Header, Paragraph, Run, Signature, Table, Title
from .numbering import amount_words, date_line
from .round_documents import commune_settings, document_settings
from .templates import load_rewards, load_template_set


def _cell(text: str, align: str = "left", bold: bool = False) -> Cell:
    return Cell((Run(text or "", bold=bold),), align=align)


def _money(n: int | None) -> str:
    return "" if n is None else f"{n:,}".replace(",", ".")


def _commune_header(session: Session, when: date, unit: str = "") -> Header:
    c = commune_settings(session.home_commune(), document_settings(session))
    if unit:
        # A unit's own list: the commune above it in regular weight, the unit bold (NĐ 30/2020 Phụ lục I).
        lines = ((f"UBND {c.name.upper()}", False), (unit.upper(), True))
    else:
        lines = ((c.body_upper, True), (c.body_lower, True))
    return Header(body_lines=lines, number_line="", date_line=date_line(c.place_name, when))


# ----- bản đăng ký thi đua ----------------------------------------------------------------------------------

def registration_units(session: Session, campaign_id: int, year: int) -> list[tuple[int | None, str]]:
    """(collective id, name) of every unit with registrations that year; None = the commune's own list (people who
    registered on no collective's list)."""
    units: dict[int | None, str] = {}
    for r in registrations.list_registrations(session, campaign_id, year):
        if r.kind == COLLECTIVE:
            units[r.participant_id] = r.name
        elif r.collective_name:
            coll = Participant.get_or_none(Participant.name == r.collective_name)
            units[coll.id if coll else None] = r.collective_name
        else:
            units[None] = ""
    return sorted(units.items(), key=lambda kv: (kv[0] is None, kv[1]))


def registration_list(session: Session, campaign_id: int, year: int, collective_id: int | None = None) -> Document:
    """Bản đăng ký thi đua of one unit (a collective and the members on its list), or with collective_id None the
    commune's list of everyone who registered that year."""
    campaign = Campaign.get_or_none(Campaign.id == campaign_id)
    rows = registrations.list_registrations(session, campaign_id, year, collective_id=collective_id)
    if not rows:
        raise UserError("registration.nothing_to_print")
    unit = Participant.get_by_id(collective_id).name if collective_id else ""
    body = []
    collectives = [r for r in rows if r.kind == COLLECTIVE]
    people = [r for r in rows if r.kind != COLLECTIVE]
    intro = (f"Thực hiện {campaign.number and 'Kế hoạch số ' + campaign.number} phát động phong trào thi đua "
             f"“{campaign.title}”, " if campaign else "")
    who = unit or commune_settings(session.home_commune()).name
    body.append(Paragraph((Run(f"{intro}{who} đăng ký thi đua năm {year} như sau:"),)))
    head = (tuple(_cell(h, "center", True) for h in ("STT", "Tên tập thể / Họ và tên", "Chức vụ, đơn vị",
                                                       "Danh hiệu, hình thức đăng ký", "Ngày đăng ký")),)
    sections = []
    if collectives:
        sections.append(("I. TẬP THỂ", collectives))
    if people:
        sections.append((("II. " if collectives else "I. ") + "CÁ NHÂN", people))
    table_rows = []
    for label, items in sections:
        table_rows.append((Cell((Run(label, bold=True),), span=5),))
        for i, r in enumerate(items, start=1):
            p = Participant.get_by_id(r.participant_id)
            where = p.address if r.kind == COLLECTIVE else ", ".join(x for x in (p.position, r.unit_name) if x)
            table_rows.append((_cell(str(i), "center"), _cell(r.name), _cell(where), _cell(r.aim_name),
                               _cell(format_vn_date(r.registered_on), "center")))
    body.append(Table(columns_mm=(11, 46, 46, 38, 24), header=head, rows=tuple(table_rows), size=12))
    body.append(Paragraph((Run(f"Tổng số: {format_count(len(collectives))} tập thể, {format_count(len(people))} cá nhân "
                               "đăng ký."),), align="left", indent=False))
    body.append(Paragraph((Run("Chúng tôi cam kết thực hiện tốt các nội dung thi đua đã đăng ký."),)))
    if unit:
        closing = Closing(left=Signature(("NGƯỜI LẬP",), "", "(Ký, ghi rõ họ và tên)", 20),
                          right=Signature(("THỦ TRƯỞNG ĐƠN VỊ",), "", "(Ký, ghi rõ họ và tên, đóng dấu)", 24))
    else:
        c = session.home_commune()
        closing = Closing(left=Signature(("NGƯỜI LẬP",), "", "(Ký, ghi rõ họ và tên)", 20),
                          right=Signature(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), c.chairman_name, "", 24))
    body.append(closing)
    title = Title("BẢN ĐĂNG KÝ THI ĐUA", ((Run(f"Năm {year}", bold=True),),
                                         *(((Run(unit, bold=True),),) if unit else ())))
    return Document(header=_commune_header(session, session.clock.today(), unit), title=title, blocks=tuple(body),
                    meta_title=f"Bản đăng ký thi đua năm {year}" + (f" — {unit}" if unit else ""),
                    author=commune_settings(session.home_commune()).name)


# ----- the ceremony list and the payout list ----------------------------------------------------------------

def reward_rule(session: Session, award_form: str) -> RewardRule | None:
    data = load_rewards()
    form = data.get("forms", {}).get(award_form)
    if form is None:
        return None
    return RewardRule(individual=form["individual"], collective=form["collective"],
                      base_salary=document_settings(session)["base_salary"], round_to=data.get("round_to", 1000))


def default_prize(session: Session, kind: str, award_form: str) -> int | None:
    """The prize money the rules data gives for this form and kind (NĐ 152/2025, unverified: see the data's note)."""
    rule = reward_rule(session, award_form)
    return rule.amount(kind) if rule else None


def _awarded(session: Session, round_id: int):
    rows = [r for r in outcome_queries.outcomes_of(session, round_id) if r.outcome == AWARDED]
    if not rows:
        raise UserError("outcomes.no_awarded")
    return rows


def _decision_line(rows) -> str:
    seen = []
    for r in rows:
        line = f"Quyết định số {r.decision_number} ngày {format_vn_date(r.decided_on)} của {r.issuer}"
        if line not in seen:
            seen.append(line)
    return "; ".join(seen)


def ceremony_rows(session: Session, round_id: int) -> list[tuple[str, list[tuple[str, ...]]]]:
    """(section title, rows: STT, name, position/unit, form, decision) per award form and kind, for PDF and .xlsx."""
    rows = _awarded(session, round_id)
    out = []
    for form in AWARD_FORMS.codes:
        for kind, label in ((COLLECTIVE, "tập thể"), ("individual", "cá nhân")):
            items = [r for r in rows if r.award_form == form and r.kind == kind]
            if not items:
                continue
            lines = []
            for i, r in enumerate(items, start=1):
                p = Participant.get_by_id(r.participant_id)
                where = p.address if kind == COLLECTIVE else ", ".join(x for x in (p.position, p.workplace) if x)
                lines.append((str(i), r.name, where, f"{r.decision_number} ({format_vn_date(r.decided_on)})"))
            out.append((f"{AWARD_FORMS.short_name(form)} — {label}", lines))
    return out


def ceremony_list(session: Session, round_id: int) -> Document:
    """Danh sách khen thưởng: who receives what at the ceremony, by form and kind, with the decision."""
    round_ = require_round(session, round_id)
    rows = _awarded(session, round_id)
    head = (tuple(_cell(h, "center", True) for h in ("STT", "Tên tập thể / Họ và tên", "Chức vụ, đơn vị / Địa chỉ",
                                                       "Quyết định")),)
    table_rows = []
    for section, lines in ceremony_rows(session, round_id):
        table_rows.append((Cell((Run(section, bold=True),), span=4),))
        table_rows += [(_cell(a, "center"), _cell(b), _cell(c), _cell(d, "center")) for a, b, c, d in lines]
    blocks = (Paragraph((Run(f"(Kèm theo {_decision_line(rows)})", italic=True),), align="center", indent=False),
              Table(columns_mm=(11, 55, 62, 37), header=head, rows=tuple(table_rows), size=12),
              Paragraph((Run(f"Tổng số: {format_count(len(rows))}."),), align="left", indent=False),
              Closing(right=Signature(("NGƯỜI LẬP DANH SÁCH",), "", "(Ký, ghi rõ họ và tên)", 20)))
    title = Title("DANH SÁCH", ((Run("TẬP THỂ, CÁ NHÂN ĐƯỢC KHEN THƯỞNG", bold=True),),
                                (Run(round_.title or f"Đợt đề nghị số {round_.number}", bold=False),)))
    return Document(header=_commune_header(session, session.clock.today()), title=title, blocks=blocks,
                    meta_title="Danh sách tập thể, cá nhân được khen thưởng",
                    author=commune_settings(session.home_commune()).name)


def payout_rows(session: Session, round_id: int) -> tuple[list[tuple[str, str, str, int]], int]:
    """(name, form, kind, amount) of every award of the round with money, and the total. The amount recorded with
    the outcome wins; otherwise the rules data's amount."""
    out = []
    for r in _awarded(session, round_id):
        amount = r.prize_amount if r.prize_amount is not None else default_prize(session, r.kind, r.award_form)
        if amount:
            out.append((r.name, AWARD_FORMS.short_name(r.award_form), r.kind, amount))
    return out, sum(a for *_, a in out)


def payout_list(session: Session, round_id: int) -> Document:
    """Danh sách chi tiền thưởng: amounts, the total in words, a column for each receiver's signature."""
    rows, total = payout_rows(session, round_id)
    if not rows:
        raise UserError("outcomes.no_awarded")
    decisions = _decision_line(_awarded(session, round_id))
    head = (tuple(_cell(h, "center", True) for h in ("STT", "Tên tập thể / Họ và tên", "Hình thức", "Số tiền (đồng)",
                                                       "Ký nhận")),)
    body = [(_cell(str(i), "center"), _cell(name), _cell(f"{form} ({'tập thể' if kind == COLLECTIVE else 'cá nhân'})"),
             _cell(_money(amount), "right"), _cell("")) for i, (name, form, kind, amount) in enumerate(rows, start=1)]
    body.append((Cell((Run("Tổng cộng", bold=True),), align="center", span=3), _cell(_money(total), "right", True),
                 _cell("")))
    blocks = (Paragraph((Run(f"(Kèm theo {decisions})", italic=True),), align="center", indent=False),
              Table(columns_mm=(11, 60, 42, 30, 28), header=head, rows=tuple(body), size=12),
              Paragraph((Run(f"Số tiền bằng chữ: {amount_words(total)}."),), align="left", indent=False),
              Closing(left=Signature(("NGƯỜI LẬP",), "", "(Ký, ghi rõ họ và tên)", 20),
                      right=Signature(("KẾ TOÁN",), "", "(Ký, ghi rõ họ và tên)", 20)))
    title = Title("DANH SÁCH", ((Run("CHI TIỀN THƯỞNG", bold=True),),))
    return Document(header=_commune_header(session, session.clock.today()), title=title, blocks=blocks,
                    meta_title="Danh sách chi tiền thưởng", author=commune_settings(session.home_commune()).name)


# ----- files -----------------------------------------------------------------------------------------------

def render_pdf_bytes(doc: Document) -> bytes:
    return render(doc, "pdf", load_template_set())


def render_docx_bytes(doc: Document) -> bytes:
    return render(doc, "docx", load_template_set())


def print_registration_list(session: Session, campaign_id: int, year: int, collective_id: int | None = None) -> bytes:
    return render_pdf_bytes(registration_list(session, campaign_id, year, collective_id))


def print_ceremony_list(session: Session, round_id: int) -> bytes:
    return render_pdf_bytes(ceremony_list(session, round_id))


def print_payout_list(session: Session, round_id: int) -> bytes:
    return render_pdf_bytes(payout_list(session, round_id))


_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def _sheet(title: str, subtitle: str, head: tuple[str, ...], rows: list[tuple], widths: tuple[int, ...]) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = title[:31]
    ws.append([title])
    ws["A1"].font = Font(name="Times New Roman", bold=True, size=14)
    ws.append([subtitle])
    ws.append([])
    ws.append(list(head))
    for cell in ws[4]:
        cell.font = Font(name="Times New Roman", bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = _BOX
    for row in rows:
        ws.append(list(row))
        for cell in ws[ws.max_row]:
            cell.font = Font(name="Times New Roman")
            cell.alignment = Alignment(vertical="top", wrap_text=True)
            cell.border = _BOX
            if isinstance(cell.value, int):
                cell.number_format = "#,##0"
    for i, w in enumerate(widths):
        ws.column_dimensions[chr(ord("A") + i)].width = w
    ws.freeze_panes = "A5"
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def ceremony_xlsx(session: Session, round_id: int) -> bytes:
    rows = []
    for section, lines in ceremony_rows(session, round_id):
        rows.append((section, "", "", ""))
        rows += [(int(a), b, c, d) for a, b, c, d in lines]
    round_ = require_round(session, round_id)
    return _sheet("Danh sách khen thưởng", round_.title, ("STT", "Tên tập thể / Họ và tên", "Chức vụ, đơn vị / Địa chỉ",
                                                          "Quyết định"), rows, (6, 40, 50, 28))


def payout_xlsx(session: Session, round_id: int) -> bytes:
    rows, total = payout_rows(session, round_id)
    lines = [(i, name, form, "Tập thể" if kind == COLLECTIVE else "Cá nhân", amount, "")
             for i, (name, form, kind, amount) in enumerate(rows, start=1)]
    lines.append(("", "Tổng cộng", "", "", total, ""))
    return _sheet("Danh sách chi tiền thưởng", f"Bằng chữ: {amount_words(total)}",
                  ("STT", "Tên tập thể / Họ và tên", "Hình thức", "Loại", "Số tiền (đồng)", "Ký nhận"), lines,
                  (6, 40, 18, 10, 16, 18))



# ----- the yearly statistics of awards (biểu 0603.N structure, unverified) -------------------------------------

FORM_0603_LABEL = ("Số liệu khen thưởng năm {year} — sắp xếp theo cấu trúc biểu 0603.N của Thông tư 02/2023/TT-BNV "
                   "(biểu của Thông tư 18/2025/TT-BNV chưa được kiểm chứng). TIÊU ĐỀ CỘT CHƯA ĐỐI CHIẾU VỚI VĂN BẢN "
                   "GỐC: kiểm tra với biểu Sở Nội vụ phát hành trước khi gửi.")
FORM_0603_COLUMNS = ("Danh hiệu, hình thức", "Tổng số", "Tập thể", "Hộ gia đình", "Cá nhân", "Trong đó: cán bộ",
                     "Cá nhân khác", "Thường xuyên (công trạng)", "Chuyên đề", "Đột xuất", "Cống hiến")
_TYPES = ("cong_trang", "chuyen_de", "dot_xuat", "cong_hien")


def statistics_form_rows(session: Session, year: int) -> list[tuple]:
    """Per title or award form given in `year` (decision year) to the commune's participants: total, collectives,
    households (the register has none: 0), individuals, of whom cán bộ (by category — the register does not record
    who leads), other individuals, and by award type. Counted from the award history."""
    home = session.home_commune()
    rows = session.db.execute_sql(
        """SELECT w.category, w.code, p.kind, p.category, w.award_type, COUNT(*) FROM award AS w
           JOIN participant AS p ON p.id = w.participant_id
           WHERE w.commune_id = ? AND w.year = ? AND w.archived_at IS NULL AND p.archived_at IS NULL
             AND w.category IN ('danh_hieu', 'hinh_thuc')
           GROUP BY 1, 2, 3, 4, 5 ORDER BY 1 DESC, 2""", (home.id if home else -1, year)).fetchall()
    table: dict[tuple[str, str], list[int]] = {}
    for category, code, kind, pcat, award_type, n in rows:
        line = table.setdefault((category, code), [0] * 10)
        line[0] += n
        if kind == COLLECTIVE:
            line[1] += n
        else:
            line[3] += n
            line[4 if pcat == "can_bo" else 5] += n
        if award_type in _TYPES:
            line[6 + _TYPES.index(award_type)] += n
    return [(award_name(cat, code), *values) for (cat, code), values in table.items()]


def statistics_form(session: Session, year: int) -> Document:
    rows = statistics_form_rows(session, year)
    head = (tuple(_cell(h, "center", True) for h in FORM_0603_COLUMNS),)
    body = tuple((_cell(label), *(_cell(format_count(v), "right") for v in values)) for label, *values in rows)
    if not body:
        body = ((Cell((Run("Không có khen thưởng nào trong năm."),), span=len(FORM_0603_COLUMNS)),),)
    blocks = (Paragraph((Run(FORM_0603_LABEL.format(year=year), italic=True),), align="left", indent=False),
              Table(columns_mm=(38, 12, 11, 12, 12, 14, 12, 17, 16, 12, 13), header=head, rows=body, size=10),
              Closing(left=Signature(("NGƯỜI LẬP BIỂU",), "", "(Ký, ghi rõ họ và tên)", 20),
                      right=Signature(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), session.home_commune().chairman_name)))
    title = Title("BIỂU SỐ LIỆU KHEN THƯỞNG", ((Run(f"Năm {year}", bold=True),),))
    return Document(header=_commune_header(session, session.clock.today()), title=title, blocks=blocks,
                    meta_title=f"Biểu số liệu khen thưởng năm {year}",
                    author=commune_settings(session.home_commune()).name)


def print_statistics_form(session: Session, year: int) -> bytes:
    return render_pdf_bytes(statistics_form(session, year))


def statistics_form_xlsx(session: Session, year: int) -> bytes:
    return _sheet("Biểu số liệu khen thưởng", FORM_0603_LABEL.format(year=year), FORM_0603_COLUMNS,
                  statistics_form_rows(session, year), (34, 9, 9, 9, 9, 10, 9, 13, 10, 9, 9))
