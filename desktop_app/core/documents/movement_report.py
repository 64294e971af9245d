"""Báo cáo tổng kết (sơ kết) phong trào thi đua, in the NĐ 30/2020 layout: the fixed sections of such a report —
situation, organisation, results per content with the figures and charts, typical examples taken from the
achievements, the commendation work, shortcomings, proposals — generated from the data, with the officer's own text
where only a person can write it (kept per campaign in the workspace's settings). PDF and .docx."""
from __future__ import annotations

import json

from ..changes import Topic
from ..errors import UserError
from ..formats import format_count
from ..nominations import statistics as stats
from ..storage.models import Achievement, Campaign, Draft, Participant, Setting
from ..storage.session import Session
from ..text import nfc_multiline
from .build import render
from .charts import chart_svg
from .model import Chart, Closing, Document, Header, Paragraph, Run, Signature, Table, Title
from .numbering import date_line
from .render_pdf import register_fonts
from .round_documents import commune_settings, document_settings
from .templates import load_template_set
from .year_end import _cell

#: The parts only a person can write, in the report's order, with what each asks for.
OFFICER_PARTS = {
    "situation": "Đặc điểm tình hình của xã (thuận lợi, khó khăn)",
    "organisation": "Công tác chỉ đạo, tổ chức phát động, tuyên truyền phong trào",
    "shortcomings": "Tồn tại, hạn chế và nguyên nhân",
    "proposals": "Phương hướng, đề xuất, kiến nghị",
}
TEXTS_KEY = "bao_cao_tong_ket."   # + campaign code → JSON {part: text}
MAX_PART = 8000
NBSP = "\u00a0"   # the number is left blank for the records officer (NĐ 30/2020 Điều 15)
EXAMPLES_PER_CONTENT = 3


def report_texts(session: Session, campaign_id: int) -> dict[str, str]:
    campaign = Campaign.get_by_id(campaign_id)
    try:
        stored = json.loads(session.setting(TEXTS_KEY + campaign.code, "") or "{}")
    except ValueError:
        stored = {}
    return {part: str(stored.get(part, "")) for part in OFFICER_PARTS}


def save_report_texts(session: Session, campaign_id: int, texts: dict[str, str], *, draft_key: str | None = None) -> None:
    clean = {part: nfc_multiline(texts.get(part, "")) for part in OFFICER_PARTS}
    for part, text in clean.items():
        if len(text) > MAX_PART:
            raise UserError("report.text_too_long", part=OFFICER_PARTS[part], max=format_count(MAX_PART))
    with session.write(Topic.COMMUNE, Topic.DRAFTS):
        if draft_key:
            Draft.delete().where(Draft.form_key == draft_key).execute()
        campaign = Campaign.get_by_id(campaign_id)
        Setting.insert(key=TEXTS_KEY + campaign.code, value=json.dumps(clean, ensure_ascii=False)) \
            .on_conflict_replace().execute()


def _p(text: str, **kw) -> Paragraph:
    return Paragraph((Run(text),), **kw)


def _heading(text: str) -> Paragraph:
    return Paragraph((Run(text, bold=True),), align="left", indent=False, keep_with_next=True, space_before=4)


def _officer(texts: dict[str, str], part: str) -> list[Paragraph]:
    text = texts.get(part, "").strip()
    if not text:
        return [Paragraph((Run(f"[Cán bộ viết phần này: {OFFICER_PARTS[part].lower()}.]", italic=True),))]
    return [_p(line) for line in text.splitlines() if line.strip()]


def _pct(part: int, whole: int) -> str:
    return "0%" if not whole else f"{part * 100 / whole:.1f}%".replace(".", ",")


def examples(session: Session, campaign_id: int, year_from: int, year_to: int, content: str,
             limit: int = EXAMPLES_PER_CONTENT) -> list[tuple[str, str, str]]:
    """(participant, achievement title, results) — the typical examples of one content: achievements with written
    results, the most recent first."""
    rows = stats.figure_records(session, campaign_id, year_from, year_to, f"content:{content}", limit=200)
    ids = [r.participant_id for r in rows]
    if not ids:
        return []
    home = session.home_commune()
    q = (Achievement.select(Achievement, Participant).join(Participant)
         .where((Achievement.commune == home.id) & (Achievement.campaign == campaign_id)
                & Achievement.archived_at.is_null() & (Achievement.results != ""))
         .order_by(Achievement.date_to.desc(), Achievement.id))
    out, seen = [], set()
    for a in q:
        if content in (a.content_codes or []) and a.participant_id not in seen and \
                year_from <= (a.date_to or a.date_from).year <= year_to:
            out.append((a.participant.name, a.title, a.results))
            seen.add(a.participant_id)
        if len(out) >= limit:
            break
    return out


def statistics_charts(s: stats.Statistics) -> dict[str, Chart]:
    """The charts an officer would rather look at than read, from one Statistics."""
    return {
        "content": Chart("Thành tích theo nội dung thi đua", tuple(f.label for f in s.by_content),
                         (tuple(f.value for f in s.by_content),)),
        "field": Chart("Thành tích theo lĩnh vực ưu tiên", tuple(f.label for f in s.by_field),
                       (tuple(f.value for f in s.by_field),)),
        "year": Chart("Thành tích theo năm", tuple(f.label for f in s.by_year), (tuple(f.value for f in s.by_year),),
                      kind="bar"),
        "women": Chart("Tỷ lệ nữ", tuple(f.label for f in s.women),
                       (tuple(f.total or 0 for f in s.women), tuple(f.value for f in s.women)),
                       legend=("Tổng số", "Nữ / từ 70% nữ")),
        "registrations": Chart("Đăng ký và kết quả đạt được", tuple(r.label for r, _ in s.registrations),
                               (tuple(r.value for r, _ in s.registrations), tuple(x.value for _, x in s.registrations)),
                               legend=("Đăng ký", "Đạt")),
    }


def chart_svgs(session: Session, campaign_id: int, year_from: int, year_to: int, width_mm: float = 150) -> dict[str, bytes]:
    """The statistics screen's charts as SVG (a read the window runs on its worker)."""
    font = register_fonts(load_template_set().font)
    s = stats.movement_statistics(session, campaign_id, year_from, year_to)
    return {k: chart_svg(c, font, width_mm) for k, c in statistics_charts(s).items() if c.labels}


def summary_report(session: Session, campaign_id: int, year_from: int, year_to: int) -> Document:
    campaign = Campaign.get_by_id(campaign_id)
    home = session.home_commune()
    c = commune_settings(home, document_settings(session))
    s = stats.movement_statistics(session, campaign_id, year_from, year_to)
    texts = report_texts(session, campaign_id)
    charts = statistics_charts(s)
    people = next((f.value for f in s.participants if f.key == "kind:individual"), 0)
    groups = next((f.value for f in s.participants if f.key == "kind:collective"), 0)
    period = f"{year_from} - {year_to}" if year_from != year_to else str(year_from)
    b: list = []
    b.append(_p(f"Thực hiện {campaign.number and 'Kế hoạch số ' + campaign.number + ' ngày ' + campaign.issued_on.strftime('%d/%m/%Y') if campaign.issued_on else campaign.number} "
                f"của {campaign.issuer or 'cấp trên'} phát động phong trào thi đua “{campaign.title}”, "
                f"Ủy ban nhân dân {c.name} báo cáo kết quả thực hiện phong trào giai đoạn {period} như sau:"))
    b.append(_heading("I. ĐẶC ĐIỂM TÌNH HÌNH"))
    b += _officer(texts, "situation")
    b.append(_heading("II. CÔNG TÁC CHỈ ĐẠO, TỔ CHỨC THỰC HIỆN"))
    b += _officer(texts, "organisation")
    reg_total = sum(r.value for r, _ in s.registrations)
    reg_reached = sum(x.value for _, x in s.registrations)
    b.append(_p(f"Có {format_count(groups)} tập thể và {format_count(people)} cá nhân tham gia phong trào (có thành tích "
                f"hoặc đăng ký thi đua); {format_count(reg_total)} lượt đăng ký danh hiệu, hình thức khen thưởng, trong "
                f"đó {format_count(reg_reached)} lượt đạt ({_pct(reg_reached, reg_total)})."))
    b.append(_heading("III. KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG THI ĐUA"))
    b.append(_p(f"Toàn xã ghi nhận {format_count(s.achievements_total)} thành tích trong phong trào. Kết quả theo từng "
                f"nội dung của Kế hoạch:"))
    contents = {x["code"]: x["text"] for x in (campaign.data or {}).get("contents", [])}
    for i, f in enumerate(s.by_content, start=1):
        code = f.key.split(":", 1)[1]
        b.append(Paragraph((Run(f"{i}. {contents.get(code, f.label)}", bold=True, italic=True),), keep_with_next=True))
        b.append(_p(f"Số thành tích: {format_count(f.value)}."))
        for name, title, results in examples(session, campaign_id, year_from, year_to, code):
            b.append(Paragraph((Run("- "), Run(f"{name}: ", bold=True), Run(f"{title}. {results}")),))
    b.append(charts["content"])
    b.append(_p("Kết quả theo lĩnh vực ưu tiên và theo năm:", keep_with_next=True))
    b.append(charts["field"])
    b.append(charts["year"])
    head = (tuple(_cell(h, "center", True) for h in ("STT", "Thôn, đơn vị", "Số thành tích")),)
    rows = tuple((_cell(str(i), "center"), _cell(f.label), _cell(format_count(f.value), "right"))
                 for i, f in enumerate(s.by_unit, start=1))
    b.append(_p("Kết quả theo thôn, đơn vị:", keep_with_next=True))
    b.append(Table(columns_mm=(12, 120, 33), header=head, rows=rows, size=12))
    women_p, women_c = s.women
    b.append(_p(f"Cá nhân là nữ: {format_count(women_p.value)}/{format_count(women_p.total or 0)} "
                f"({_pct(women_p.value, women_p.total or 0)}); tập thể có từ 70% nữ: {format_count(women_c.value)}/"
                f"{format_count(women_c.total or 0)} ({_pct(women_c.value, women_c.total or 0)})."))
    b.append(_heading("IV. CÔNG TÁC KHEN THƯỞNG"))
    if s.awards:
        head = (tuple(_cell(h, "center", True) for h in ("STT", "Danh hiệu, hình thức (loại khen)", "Số lượng")),)
        rows = tuple((_cell(str(i), "center"), _cell(f.label), _cell(format_count(f.value), "right"))
                     for i, f in enumerate(s.awards, start=1))
        b.append(Table(columns_mm=(12, 120, 33), header=head, rows=rows, size=12))
    sent = sum(f.value for f in s.rounds)
    b.append(_p(f"Xã đã lập {format_count(sent)} đợt đề nghị khen thưởng; kết quả: "
                + ("; ".join(f"{f.label.lower()} {format_count(f.value)}" for f in s.outcomes) or "chưa có kết quả")
                + "."))
    b.append(_heading("V. TỒN TẠI, HẠN CHẾ"))
    b += _officer(texts, "shortcomings")
    b.append(_heading("VI. PHƯƠNG HƯỚNG, ĐỀ XUẤT, KIẾN NGHỊ"))
    b += _officer(texts, "proposals")
    b.append(Closing(recipients=(f"{home.receiving_authority or 'Cấp trên'} (để b/c)", "Thường trực Đảng ủy, HĐND xã",
                                 "Lưu: VT"),
                     right=Signature(("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"), home.chairman_name)))
    header = Header(body_lines=((c.body_upper, True), (c.body_lower, True)),
                    number_line=f"Số:{NBSP * 8}/BC-{c.number_suffix}", date_line=date_line(c.place_name, session.clock.today()))
    title = Title("BÁO CÁO", ((Run(f"Tổng kết phong trào thi đua “{campaign.title}”", bold=True),),))
    return Document(header=header, title=title, blocks=tuple(b), meta_title=f"Báo cáo tổng kết phong trào {period}",
                    author=c.name)


def print_summary_report(session: Session, campaign_id: int, year_from: int, year_to: int, fmt: str = "pdf") -> bytes:
    return render(summary_report(session, campaign_id, year_from, year_to), fmt, load_template_set())
