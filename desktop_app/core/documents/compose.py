"""Inputs + a template set → Document models (no rendering here; both renderers read the result)."""
from __future__ import annotations

import re
from typing import Callable, Iterable

from .. import legal
from ..errors import UserError
from .inputs import _PLACE_PREFIX, Dossier, Nominee
from .model import Block, Cell, Closing, Document, Header, Paragraph, Run, Signature, Table, Title, parse_markup
from .numbering import amount_words, count_words, date_line, date_words, format_number, money, short_date
from .templates import TemplateSet

_PAREN_TAIL = re.compile(r"\s*\([^()]*\)\s*$")


class _Strict(dict):
    def __missing__(self, key):
        raise KeyError(key)


def _fmt(t: TemplateSet, markup: str, values: dict) -> tuple[Run, ...]:
    try:
        return parse_markup(markup, _Strict(values))
    except (KeyError, AttributeError) as exc:
        name = exc.args[0] if exc.args else "?"
        raise UserError("documents.template_placeholder", template=t.id, name=name) from exc


def _plain(t: TemplateSet, markup: str, values: dict) -> str:
    return "".join(r.text for r in _fmt(t, markup, values))


def _upper(s: str) -> str:
    return s.upper()


def _unit_kind(name: str) -> str:
    """'xã Quang Thuận' → 'xã' (also phường, thị trấn, đặc khu)."""
    m = _PLACE_PREFIX.match(name)
    return m.group(1) if m else ""


def counts_phrase(t: TemplateSet, nominees: Iterable[Nominee]) -> str:
    """'02 tập thể và 05 cá nhân' (a part with zero members is left out)."""
    nominees = list(nominees)
    w = t.words
    parts = []
    nc = sum(1 for n in nominees if n.kind == "collective")
    ni = len(nominees) - nc
    if nc:
        parts.append(f"{count_words(nc)} {w.get('collective', 'tập thể')}")
    if ni:
        parts.append(f"{count_words(ni)} {w.get('individual', 'cá nhân')}")
    return f" {w.get('and', 'và')} ".join(parts)


def _kind_name(kind: str) -> str:
    return kind[:1] + kind[1:].lower()          # "TỜ TRÌNH" → "Tờ trình"


def base_values(d: Dossier, t: TemplateSet, counted: Iterable[Nominee] | None = None) -> dict:
    c, camp, r = d.commune, d.campaign, d.round
    counted = list(d.nominees if counted is None else counted)
    award = counted[0].award_form if counted else r.award_form
    extra = tuple(x for x in c.recipients_extra if x.strip())
    values: dict = {
        "commune": c.name,
        "commune_upper": _upper(c.name),
        "province": c.province,
        "body_upper": c.body_upper,
        "body_lower": c.body_lower,
        "body_short": f"UBND {c.body_lower}",
        "body_short_upper": _upper(f"UBND {c.name}"),
        "unit_kind_upper": _unit_kind(c.name).upper(),
        "council_name": c.council_name,
        "place": c.place_name,
        "chairman": c.chairman,
        "signer_title": c.signer_title,
        "signer_authority": c.signer_authority,
        "receiving_authority": c.receiving_authority,
        "receiving_short": _PAREN_TAIL.sub("", c.receiving_authority),
        "campaign_ref": f"{camp.document_kind} số {camp.number} ngày {legal.long_date(camp.issued_on)} của {camp.issuer}",
        "campaign_short": f"{camp.document_kind} số {camp.number}",
        "campaign_title": camp.title,
        "campaign_number": camp.number,
        "award_name": award.name,
        "award_short": award.short,
        "counts": counts_phrase(t, counted),
        "round_number": r.number,
        "year": r.year,
        "submission_ref": format_number(r.submission_number, t.doc("to_trinh")["type_code"], c.number_suffix),
        "submission_date_words": date_words(r.submitted_on),
        "fingerprint": d.signer_fingerprint,
        "meeting": d.meeting is not None,
        "conclusion": "",
        "reward_note": "",
        "reward": False,
        "recipients_extra": "\n".join(extra),
        # Offices named in the decision come from the settings: none is written into the template.
        "executors_lead": f"{c.executors.strip().rstrip(',;.')}, các cơ quan, đơn vị có liên quan và "
                          if c.executors.strip() else "Các cơ quan, đơn vị có liên quan và ",
        "meeting_ref": "",
        "last_article": 2,
    }
    m = d.meeting
    if m is not None:
        number = format_number(m.number, t.doc("bien_ban")["type_code"], c.council_suffix)
        values.update(
            meeting_date=short_date(m.held_on), meeting_date_words=date_words(m.held_on),
            meeting_place=m.place, start_time=m.start_time or "\u2026 giờ \u2026",
            end_time=m.end_time or "\u2026 giờ \u2026", chair=m.chair, chair_title=m.chair_title,
            secretary=m.secretary, secretary_title=m.secretary_title,
            members_total=m.members_total, members_present=m.members_present,
            members_absent=max(0, m.members_total - m.members_present), conclusion=m.conclusion,
            voting_method=m.voting_method or t.words.get("voting_method_blank", "\u2026"),
            meeting_ref=(f"Biên bản số {number} ngày {legal.long_date(m.held_on)} của Hội đồng Thi đua - "
                         f"Khen thưởng {c.name}"),
        )
    dec = d.decision
    if dec is not None:
        values.update(
            decision_ref=format_number(dec.number, t.doc("quyet_dinh")["type_code"], c.number_suffix),
            decision_date_words=date_words(dec.issued_on), decision_signer=dec.signer,
            decision_title=dec.signer_title, decision_authority=dec.signer_authority,
            reward_note=dec.reward_note,
        )
    return values


def reward_values(d: Dossier, awardees: list[Nominee]) -> dict:
    """The prize money article and list: rates, each awardee's amount, the total in figures and words."""
    rule = d.reward
    if rule is None or not awardees:
        return {"reward": False, "last_article": 2}
    kinds = {n.kind for n in awardees}
    rates = []
    if "individual" in kinds:
        rates.append(f"cá nhân {money(rule.amount('individual'))} đồng "
                     f"({_coef(rule.individual)} lần mức lương cơ sở)")
    if "collective" in kinds:
        rates.append(f"tập thể {money(rule.amount('collective'))} đồng "
                     f"({_coef(rule.collective)} lần mức lương cơ sở)")
    total = sum(rule.amount(n.kind) for n in awardees)
    return {"reward": True, "last_article": 3, "reward_total": money(total), "reward_words": amount_words(total),
            "reward_rates": "; ".join(rates) + f" (mức lương cơ sở {money(rule.base_salary)} đồng)"}


def _coef(x: float) -> str:
    return (f"{x:.2f}".rstrip("0").rstrip(".") if x != int(x) else f"{int(x)},0").replace(".", ",")


def _nominee_values(t: TemplateSet, n: Nominee, base: dict) -> dict:
    v = dict(base)
    v.update(
        name=n.name, name_upper=_upper(n.name), gender=n.gender,
        birth_year=str(n.birth_year) if n.birth_year else "", position=n.position, unit=n.unit,
        address=n.address, phone=n.phone, head_name=n.head_name,
        head_title=n.head_title or t.doc("bao_cao").get("default_head_title", ""),
        member_count="" if n.member_count is None else n.member_count,
        female_count="" if n.female_count is None else n.female_count,
        position_unit=n.position_unit, award_name=n.award_form.name, award_short=n.award_form.short,
        summary=n.summary, description=n.description, duties=n.duties,
        head_note=t.words["seal_note"] if n.has_seal else t.words["no_seal_note"],
    )
    return v


# ---------------------------------------------------------------- shared pieces

def _header(t: TemplateSet, spec: list[str], values: dict, number_line: str, when, dated: bool = True) -> Header:
    lines = []
    for markup in spec:
        runs = _fmt(t, markup, values)
        if runs:
            lines.append(("".join(r.text for r in runs), all(r.bold for r in runs)))
    return Header(body_lines=tuple(lines), number_line=number_line,
                  date_line=date_line(values["place"], when) if dated else "")


def _title(t: TemplateSet, spec: dict, values: dict) -> Title:
    return Title(kind=spec["kind"], summary=tuple(_fmt(t, s, values) for s in spec.get("summary", ())),
                 rule=spec.get("rule", True))


_STYLES = {
    "body": dict(align="justify", indent=True),
    "plain": dict(align="justify", indent=False),
    "center": dict(align="center", indent=False),
    "heading": dict(align="left", indent=False),
    "item": dict(align="justify", indent=True),
}


def _para(runs, style="body", space_before=0.0, keep_with_next=False) -> Paragraph:
    st = _STYLES[style]
    if style == "heading":
        runs = tuple(Run(r.text, True, r.italic) for r in runs)
        keep_with_next = True
    return Paragraph(runs, align=st["align"], indent=st["indent"], space_before=space_before,
                     keep_with_next=keep_with_next)


def _legal_inserts(d: Dossier, t: TemplateSet, name: str, values: dict, when) -> dict:
    """Căn cứ paragraphs: the registry's sources (checked in force on the document's date), the plan, the minutes."""
    keys = t.legal(name)
    on = when or (d.meeting.held_on if d.meeting is not None else None)
    if on is not None:
        legal.require_in_force(keys, on, _kind_name(t.doc(name)["kind"]))
    lines = [f"Căn cứ {legal.source(k).citation()};" for k in keys]
    if d.provincial is not None and t.doc(name).get("provincial"):
        # The province's own regulation, from its signed rules pack: cited only where the commune imported one.
        if on is not None and not d.provincial.in_force(on):
            raise UserError("legal.not_in_force", citation=d.provincial.short(), date=on.strftime("%d/%m/%Y"),
                            document=_kind_name(t.doc(name)["kind"]))
        lines.append(f"Căn cứ {d.provincial.citation()};")
    lines.append(f"Căn cứ {values['campaign_ref']} về việc phát động phong trào thi đua “{values['campaign_title']}”;")
    if name == "to_trinh" and values["meeting_ref"]:
        lines.append(f"Căn cứ {values['meeting_ref']};")

    def make(italic: bool):
        return lambda: [_para((Run(x, italic=italic),)) for x in lines]
    return {"legal": make(False), "legal_italic": make(True), "replaces": lambda: _replaces(d, t, name)}


def _replaces(d: Dossier, t: TemplateSet, name: str) -> list[Block]:
    old = d.replaces.get(name)
    if old is None:
        return []
    kind = _kind_name(t.doc(name)["kind"])
    text = (f"{kind} này thay thế {kind} số {old.number_text} ngày {legal.long_date(old.signed_on)}"
            + (f" (lý do: {old.reason.rstrip('.')})" if old.reason else "") + ".")
    return [_para((Run(text, italic=True),))]


def _body(t: TemplateSet, specs: list, values: dict, inserts: dict[str, Callable[[], list[Block]]]) -> list[Block]:
    out: list[Block] = []
    for spec in specs:
        if isinstance(spec, str):
            spec = {"text": spec}
        if "insert" in spec:
            out += inserts[spec["insert"]]()
            continue
        when = spec.get("when")
        if when and not values.get(when):
            continue
        runs = _fmt(t, spec["text"], values)
        if runs:
            out.append(_para(runs, spec.get("style", "body"), spec.get("space_before", 0)))
    return out


def _signature(t: TemplateSet, spec: dict | None, values: dict) -> Signature | None:
    if not spec:
        return None
    lines = tuple(x for x in (_plain(t, s, values) for s in spec["lines"]) if x)
    return Signature(lines=tuple(_upper(x) for x in lines), name=_plain(t, spec["name"], values),
                     note=_plain(t, spec.get("note", ""), values))


def _closing(t: TemplateSet, spec: dict, values: dict) -> Closing:
    recipients = []
    for r in spec.get("recipients", ()):
        recipients += [x for x in _plain(t, r, values).split("\n") if x.strip()]
    return Closing(recipients=tuple(recipients),
                   right=_signature(t, spec.get("right"), values), left=_signature(t, spec.get("left"), values))


def _list_table(t: TemplateSet, spec: dict, nominees: list[Nominee], base: dict,
                 row_values: Callable[[Nominee, dict], dict] | None = None) -> Table:
    """A list of nominees, collectives first then individuals, each section numbered from 1."""
    ncols = len(spec["columns_mm"])
    aligns = spec.get("align", ["left"] * ncols)
    header = (tuple(Cell((Run(h, bold=True),), align="center") for h in spec["header"]),)
    rows: list[tuple[Cell, ...]] = []
    coll = [n for n in nominees if n.kind == "collective"]
    ind = [n for n in nominees if n.kind == "individual"]
    w = t.words
    sections = []
    if coll:
        sections.append((w["section_collectives"], coll))
    if ind:
        sections.append((w["section_individuals"] if coll else w["section_individuals_only"], ind))
    for title, members in sections:
        rows.append((Cell((Run(title.format(n=count_words(len(members))), bold=True),), span=ncols),))
        for i, n in enumerate(members, 1):
            v = _nominee_values(t, n, base)
            v["stt"] = i
            if row_values:
                v.update(row_values(n, v))
            rows.append(tuple(Cell(_fmt(t, markup, v), align=aligns[k]) for k, markup in enumerate(spec["cells"])))
    return Table(columns_mm=tuple(spec["columns_mm"]), header=header, rows=tuple(rows), size=spec.get("size", 12))


def _require_nominees(nominees) -> None:
    if not nominees:
        raise UserError("documents.no_nominees")


# ---------------------------------------------------------------- the documents

def _document(d: Dossier, header: Header, title: Title, blocks, meta: str, fingerprint: str = "") -> Document:
    return Document(header=header, title=title, blocks=tuple(blocks), meta_title=meta, fingerprint=fingerprint,
                    draft=d.draft, author=d.commune.name)


def compose_to_trinh(d: Dossier, t: TemplateSet) -> Document:
    nominees = list(d.proposed())
    _require_nominees(nominees)
    spec = t.doc("to_trinh")
    v = base_values(d, t, nominees)
    number = "Số: " + format_number(d.round.submission_number, spec["type_code"], d.commune.number_suffix)
    blocks = _body(t, spec["body"], v, _legal_inserts(d, t, "to_trinh", v, d.round.submitted_on))
    blocks.append(_closing(t, spec["closing"], v))
    fp = _plain(t, spec["fingerprint"], v) if d.signer_fingerprint and spec.get("fingerprint") else ""
    return _document(d, _header(t, spec["header"], v, number, d.round.submitted_on), _title(t, spec, v), blocks,
                     f"{_kind_name(spec['kind'])} {v['submission_ref'].strip()}", fp)


def compose_danh_sach(d: Dossier, t: TemplateSet) -> Document:
    nominees = list(d.proposed())
    _require_nominees(nominees)
    return _compose_list(d, t, "danh_sach", nominees, d.round.submitted_on)


def compose_danh_sach_quyet_dinh(d: Dossier, t: TemplateSet) -> Document:
    dec = _require_decision(d)
    return _compose_list(d, t, "danh_sach_quyet_dinh", _awardees(d), dec.issued_on)


def compose_danh_sach_chi_thuong(d: Dossier, t: TemplateSet) -> Document:
    """The payout list for the accountant: each awardee's amount, the total in figures and words."""
    dec = _require_decision(d)
    awardees = _awardees(d)
    if d.reward is None:
        raise UserError("documents.no_reward")
    spec = t.doc("danh_sach_chi_thuong")
    v = base_values(d, t, awardees)
    v.update(reward_values(d, awardees))
    table = _list_table(t, spec["table"], awardees, v,
                        lambda n, _v: {"amount": money(d.reward.amount(n.kind))})
    total = (Cell((Run(_plain(t, spec["total_row"], v), bold=True),), span=len(spec["table"]["columns_mm"])),)
    table = Table(columns_mm=table.columns_mm, header=table.header, rows=table.rows + (total,), size=table.size)
    blocks: list[Block] = [table, _closing(t, spec["closing"], v)]
    return _document(d, _header(t, spec["header"], v, "", dec.issued_on, spec.get("date_line", True)),
                     _title(t, spec, v), blocks, f"Danh sách chi tiền thưởng — {v['campaign_title']}")


def _compose_list(d: Dossier, t: TemplateSet, name: str, nominees: list[Nominee], when) -> Document:
    spec = t.doc(name)
    v = base_values(d, t, nominees)
    blocks: list[Block] = [_list_table(t, spec["table"], nominees, v)]
    blocks += _body(t, spec.get("body_after", []), v, {})
    if spec.get("closing"):
        blocks.append(_closing(t, spec["closing"], v))
    return _document(d, _header(t, spec["header"], v, "", when, spec.get("date_line", True)), _title(t, spec, v),
                     blocks, f"{_kind_name(spec['kind'])} — {v['campaign_title']}")


def _text_paragraphs(text: str, style: str = "body") -> list[Paragraph]:
    return [_para((Run(line.strip()),), style) for line in text.splitlines() if line.strip()]


def _numbers(items) -> str:
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " và " + items[-1]


def compose_bao_cao(d: Dossier, t: TemplateSet, nominee: Nominee) -> Document:
    spec = t.doc("bao_cao")
    v = _nominee_values(t, nominee, base_values(d, t, [nominee]))
    kind = nominee.kind
    empty = spec.get("empty_text", "\u2026")
    blocks: list[Block] = [_para((Run(spec["general_heading"]),), "heading", space_before=6)]
    for label, field in spec[f"general_{kind}"]:
        if field == "head":
            value = ", ".join(x for x in (nominee.head_name, (nominee.head_title or "").capitalize()) if x)
        elif field == "members":
            if nominee.member_count is None:
                value = ""
            else:
                key = "members_text" if nominee.female_count is not None else "members_text_no_female"
                value = _plain(t, spec[key], v)
        else:
            value = str(v.get(field, "") or "")
        # An empty line of the form is printed empty (to be filled), never silently left out.
        lines = [x.strip() for x in value.splitlines() if x.strip()] or [empty]
        blocks.append(_para((Run(f"- {label}: "), Run(lines[0])), "item"))
        blocks += _text_paragraphs("\n".join(lines[1:]))
    blocks.append(_para((Run(spec["achievements_heading"]),), "heading", space_before=6))
    if not nominee.achievements:
        blocks.append(_para((Run(spec["no_achievements"], italic=True),)))
    for i, a in enumerate(nominee.achievements, 1):
        av = dict(v, index=i, content=a.content, period=a.period,
                  content_ref=t.words["content_ref"].format(numbers=_numbers(a.contents), campaign_short=v["campaign_short"])
                  if a.contents else "")
        title = _fmt(t, spec["achievement_title"], av)
        title = tuple(Run(r.text, True, r.italic) for r in title)
        if a.period:
            title += _fmt(t, spec["achievement_period"], av)
        if a.contents and spec.get("achievement_contents"):
            title += _fmt(t, spec["achievement_contents"], av)
        blocks.append(_para(title, "plain", keep_with_next=True))
        blocks.append(_para((Run(spec["measures_heading"], italic=True),), "body", keep_with_next=True))
        blocks += _text_paragraphs(a.measures) or [_para((Run(empty),))]
        blocks.append(_para((Run(spec["results_heading"], italic=True),), "body", keep_with_next=True))
        blocks += _text_paragraphs(a.results) or [_para((Run(empty),))]
    blocks.append(_closing(t, spec[f"closing_{kind}"], v))
    when = d.report_dates.get(nominee.key, d.round.submitted_on)
    return _document(d, _header(t, spec[f"header_{kind}"], v, "", when), _title(t, spec, v), blocks,
                     f"Báo cáo thành tích — {nominee.name}")


def _percent(agree: int, total: int, decimal: str) -> str:
    if total <= 0:
        return ""
    return f"{100.0 * agree / total:.1f}".replace(".", decimal)


def compose_bien_ban(d: Dossier, t: TemplateSet) -> Document:
    m = d.meeting
    if m is None:
        raise UserError("documents.no_meeting")
    _require_nominees(d.nominees)
    spec = t.doc("bien_ban")
    v = base_values(d, t, d.nominees)
    v["positive_result"] = spec.get("positive_result", "")

    def votes_row(n: Nominee, _v: dict) -> dict:
        vote = m.vote_for(n.key)
        if vote is None:
            return dict(agree="", disagree="", percent="", result="")
        return dict(agree=vote.agree, disagree=vote.disagree, result=vote.result,
                    percent=_percent(vote.agree, m.members_total, t.words.get("percent_decimal", ",")))

    inserts = {"votes_table": lambda: [_list_table(t, spec["votes_table"], list(d.nominees), v, votes_row)],
               "replaces": lambda: _replaces(d, t, "bien_ban")}
    blocks = _body(t, spec["body"], v, inserts)
    blocks.append(_closing(t, spec["closing"], v))
    number = "Số: " + format_number(m.number, spec["type_code"], d.commune.council_suffix)
    # Mẫu 1.9 (NĐ 30/2020 Phụ lục III): no place-and-date line; the meeting's date is in the body.
    return _document(d, _header(t, spec["header"], v, number, m.held_on, spec.get("date_line", True)),
                     _title(t, spec, v), blocks, f"Biên bản họp Hội đồng {short_date(m.held_on)}")


def _require_decision(d: Dossier):
    if d.decision is None:
        raise UserError("documents.no_decision")
    return d.decision


def _awardees(d: Dossier) -> list[Nominee]:
    dec = _require_decision(d)
    out = []
    for key in dec.awardee_keys:
        try:
            out.append(d.nominee(key))
        except KeyError:
            raise UserError("documents.unknown_awardee", key=key) from None
    _require_nominees(out)
    return out


def compose_quyet_dinh(d: Dossier, t: TemplateSet) -> Document:
    dec = _require_decision(d)
    awardees = _awardees(d)
    spec = t.doc("quyet_dinh")
    v = base_values(d, t, awardees)
    v.update(reward_values(d, awardees))
    blocks = _body(t, spec["body"], v, _legal_inserts(d, t, "quyet_dinh", v, dec.issued_on))
    blocks.append(_closing(t, spec["closing"], v))
    number = "Số: " + format_number(dec.number, spec["type_code"], d.commune.number_suffix)
    return _document(d, _header(t, spec["header"], v, number, dec.issued_on), _title(t, spec, v), blocks,
                     f"Quyết định {v['decision_ref'].strip()}")


def compose_phieu_gui(d: Dossier, t: TemplateSet) -> Document:
    """The covering letter (phiếu gửi) of a dossier sent up without a Tờ trình: what is sent, and the fingerprint."""
    spec = t.doc("phieu_gui")
    v = base_values(d, t, d.nominees)
    number = "Số: " + format_number(d.cover_number, spec["type_code"], d.commune.number_suffix)
    sent = []
    if d.meeting is not None:
        sent.append(f"- {v['meeting_ref']};")
    if d.decision is not None:
        sent.append(f"- Quyết định số {v['decision_ref'].strip()} {v['decision_date_words']} của Chủ tịch Ủy ban "
                    f"nhân dân {d.commune.name} tặng Giấy khen, kèm danh sách;")
    sent.append(f"- Báo cáo thành tích của {counts_phrase(t, d.reported())}.")
    inserts = {"sent_documents": lambda: [_para((Run(x),), "item") for x in sent],
               "replaces": lambda: _replaces(d, t, "phieu_gui")}
    blocks = _body(t, spec["body"], v, inserts)
    blocks.append(_closing(t, spec["closing"], v))
    fp = _plain(t, spec["fingerprint"], v) if d.signer_fingerprint else ""
    return _document(d, _header(t, spec["header"], v, number, d.cover_on), _title(t, spec, v), blocks,
                     f"Phiếu gửi hồ sơ đợt {d.round.number}", fp)


COMPOSERS = {
    "to_trinh": compose_to_trinh,
    "danh_sach": compose_danh_sach,
    "bien_ban": compose_bien_ban,
    "quyet_dinh": compose_quyet_dinh,
    "danh_sach_quyet_dinh": compose_danh_sach_quyet_dinh,
    "danh_sach_chi_thuong": compose_danh_sach_chi_thuong,
    "phieu_gui": compose_phieu_gui,
}

__all__ = ["base_values", "counts_phrase", "compose_to_trinh", "compose_danh_sach", "compose_bao_cao",
           "compose_bien_ban", "compose_quyet_dinh", "compose_danh_sach_quyet_dinh", "compose_danh_sach_chi_thuong",
           "COMPOSERS"]
