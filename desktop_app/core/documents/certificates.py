"""Giấy khen printed onto the official pre-printed blank (phôi) or onto plain A4 with a frame: each field placed by
the coordinates of its design (resources/certificates/*.json, millimetres from the sheet's top-left corner), shifted
by the printer's saved offset; a calibration page shows every box on plain paper to lay over a blank. Long names and
texts shrink until they fit their box — they never overflow it."""
from __future__ import annotations

import io
import json
from dataclasses import dataclass


from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..changes import Topic
from ..errors import UserError
from ..nominations import outcomes as outcome_queries
from ..resources import resource_path
from ..storage.models import Participant, Setting
from ..storage.session import Session
from ..text import nfc
from ..vocabulary import AWARDED, COLLECTIVE, FEMALE, NOMINATION_FORMS
from .numbering import date_words
from .render_pdf import register_fonts
from .round_documents import commune_settings, document_settings
from .templates import load_template_set

FIELDS = ("issuer_title", "name", "unit", "achievement", "decision", "place_date", "signer_title", "signer")
FIELD_LABELS = {"issuer_title": "Người tặng", "name": "Họ và tên / Tên tập thể", "unit": "Đơn vị",
                "achievement": "Thành tích", "decision": "Số, ngày quyết định", "place_date": "Địa danh, ngày tháng",
                "signer_title": "Chức vụ người ký", "signer": "Người ký"}
HARD_MIN_SIZE = 5.0          # below the design's min_size the text still shrinks, down to this, rather than overflow
OFFSET_KEY = "certificates.offset."   # + printer name → {"dx": mm, "dy": mm}
DESIGN_KEY = "certificates.design"
MAX_OFFSET_MM = 30


@dataclass(frozen=True)
class FieldSpec:
    box: tuple[float, float, float, float]   # x, y, width, height in mm from the top-left corner
    size: float
    min_size: float
    bold: bool = False
    italic: bool = False
    align: str = "center"
    max_lines: int = 1


@dataclass(frozen=True)
class Design:
    id: str
    name: str
    kind: str                                # blank | plain
    page_mm: tuple[float, float]
    fields: dict[str, FieldSpec]
    fixed: tuple[dict, ...] = ()
    frame: dict | None = None


def _spec(raw: dict) -> FieldSpec:
    return FieldSpec(box=tuple(float(x) for x in raw["box"]), size=float(raw["size"]),
                     min_size=float(raw.get("min_size", raw["size"])), bold=bool(raw.get("bold", False)),
                     italic=bool(raw.get("italic", False)), align=raw.get("align", "center"),
                     max_lines=int(raw.get("max_lines", 1)))


def list_designs() -> list[Design]:
    return [load_design(p.stem) for p in sorted(resource_path("certificates").glob("*.json"))]


def load_design(design_id: str) -> Design:
    path = resource_path("certificates", f"{design_id}.json")
    if not path.is_file():
        raise UserError("certificates.design_unknown", name=design_id)
    raw = json.loads(path.read_text(encoding="utf-8"))
    fields = {name: _spec(raw["fields"][name]) for name in FIELDS if name in raw["fields"]}
    return Design(id=raw["id"], name=raw["name"], kind=raw["kind"], page_mm=tuple(raw["page_mm"]), fields=fields,
                  fixed=tuple(raw.get("fixed", ())), frame=raw.get("frame"))


# ----- the printer's offset and the chosen design (settings of the workspace) -------------------------------

def printer_offset(session: Session, printer: str = "") -> tuple[float, float]:
    """The offset saved for this printer, else the one saved for any printer ("")."""
    raw = session.setting(OFFSET_KEY + printer, "") or session.setting(OFFSET_KEY, "")
    try:
        d = json.loads(raw) if raw else {}
        return float(d.get("dx", 0)), float(d.get("dy", 0))
    except (ValueError, AttributeError):
        return 0.0, 0.0


def save_printer_offset(session: Session, printer: str, dx: float, dy: float) -> None:
    """Millimetres to move everything right (dx) and down (dy) on this printer; measured with the calibration page."""
    if abs(dx) > MAX_OFFSET_MM or abs(dy) > MAX_OFFSET_MM:
        raise UserError("certificates.offset_too_large", max=MAX_OFFSET_MM)
    with session.write(Topic.COMMUNE):
        Setting.insert(key=OFFSET_KEY + printer, value=json.dumps({"dx": round(dx, 1), "dy": round(dy, 1)})) \
            .on_conflict_replace().execute()


def chosen_design(session: Session) -> str:
    return session.setting(DESIGN_KEY, "") or "a4_khung_giay_khen"


def choose_design(session: Session, design_id: str) -> None:
    load_design(design_id)
    with session.write(Topic.COMMUNE):
        Setting.insert(key=DESIGN_KEY, value=design_id).on_conflict_replace().execute()


# ----- fitting text in a box -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Fitted:
    lines: tuple[str, ...]
    size: float
    font: str


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines, current = [], ""
    for word in text.split():
        trial = f"{current} {word}" if current else word
        if stringWidth(trial, font, size) <= width:
            current = trial
        else:
            if current:
                lines.append(current)
            current = word
    if current:
        lines.append(current)
    return lines


def fit_text(text: str, spec: FieldSpec, font: str, leading: float = 1.2) -> Fitted:
    """The largest size (from the design's size down, in half points) at which the text fits its box in at most
    max_lines lines, every line no wider than the box. Never overflows: a word too long for the box at the design's
    minimum keeps shrinking down to HARD_MIN_SIZE, and at that size it is still cut to the box's width."""
    text = " ".join(nfc(text).split())
    width, height = spec.box[2] * mm, spec.box[3] * mm
    size = spec.size
    while True:
        lines = _wrap(text, font, size, width)
        fits = (len(lines) <= spec.max_lines and all(stringWidth(x, font, size) <= width for x in lines)
                and len(lines) * size * leading <= height + size * (leading - 1))
        if fits or size <= HARD_MIN_SIZE:
            break
        size = max(HARD_MIN_SIZE, size - 0.5)
    if not fits:
        lines = lines[:spec.max_lines]
        lines = [_cut(x, font, size, width) for x in lines]
    return Fitted(tuple(lines), size, font)


def _cut(line: str, font: str, size: float, width: float) -> str:
    while line and stringWidth(line, font, size) > width:
        line = line[:-2] + "…"
    return line


# ----- what each certificate says --------------------------------------------------------------------------

@dataclass(frozen=True)
class CertificateText:
    participant_id: int
    values: dict[str, str]


def certificate_texts(session: Session, round_id: int, nominee_ids: list[int] | None = None) -> list[CertificateText]:
    """The text of every Giấy khen of the round that was awarded (or only of the given nominees)."""
    c = commune_settings(session.home_commune(), document_settings(session))
    out = []
    for r in outcome_queries.outcomes_of(session, round_id):
        if r.outcome != AWARDED or (nominee_ids is not None and r.nominee_id not in nominee_ids):
            continue
        form = NOMINATION_FORMS.get(r.award_form)
        if form is None or not form.decided_here:
            continue
        p = Participant.get_by_id(r.participant_id)
        if p.kind == COLLECTIVE:
            name, unit = p.name, ""
        else:
            name = f"{'Bà' if p.gender == FEMALE else 'Ông'} {p.name}"
            unit = ", ".join(x for x in (p.position, p.workplace) if x)
        decided = r.decided_on
        out.append(CertificateText(p.id, {
            "issuer_title": f"CHỦ TỊCH ỦY BAN NHÂN DÂN {c.name.upper()}",
            "name": name, "unit": unit, "achievement": r.certificate_text,
            "decision": f"Quyết định số {r.decision_number} ngày {decided:%d/%m/%Y}" if decided else "",
            "place_date": f"{c.place_name}, {date_words(decided)}" if decided else "",
            "signer_title": r.signer_title or "CHỦ TỊCH", "signer": r.signer}))
    if not out:
        raise UserError("certificates.nothing_to_print")
    return out


# ----- drawing ---------------------------------------------------------------------------------------------

def _fonts() -> dict[tuple[bool, bool], str]:
    family = register_fonts(load_template_set().font)
    return {(False, False): family, (True, False): f"{family}-bold", (False, True): f"{family}-italic",
            (True, True): f"{family}-bolditalic"}


def _draw_text(canvas: Canvas, page_h: float, spec: FieldSpec, text: str, fonts, dx: float, dy: float,
               color=(0, 0, 0)) -> Fitted:
    font = fonts[(spec.bold, spec.italic)]
    fitted = fit_text(text, spec, font)
    x, y, w, h = (v * mm for v in spec.box)
    x, y = x + dx * mm, y + dy * mm
    leading = fitted.size * 1.2
    block = len(fitted.lines) * leading
    top = page_h - y - (h - block) / 2          # centred vertically in the box
    canvas.setFillColorRGB(*color)
    canvas.setFont(font, fitted.size)
    for i, line in enumerate(fitted.lines):
        baseline = top - (i + 1) * leading + (leading - fitted.size) / 2 + fitted.size * 0.22
        if spec.align == "left":
            canvas.drawString(x, baseline, line)
        elif spec.align == "right":
            canvas.drawRightString(x + w, baseline, line)
        else:
            canvas.drawCentredString(x + w / 2, baseline, line)
    return fitted


def _draw_frame(canvas: Canvas, design: Design, dx: float, dy: float) -> None:
    f = design.frame or {}
    pw, ph = design.page_mm
    canvas.setStrokeColorRGB(*f.get("color", (0.6, 0.1, 0.1)))
    for inset, width in ((f.get("outer_mm", 10), 2.4), (f.get("inner_mm", 13), 0.8)):
        canvas.setLineWidth(width)
        canvas.rect((inset + dx) * mm, (inset - dy) * mm, (pw - 2 * inset) * mm, (ph - 2 * inset) * mm)
    corner = f.get("corner_mm", 8)
    inner = f.get("inner_mm", 13)
    canvas.setLineWidth(1.2)
    for cx, cy in ((inner, inner), (pw - inner, inner), (inner, ph - inner), (pw - inner, ph - inner)):
        canvas.circle((cx + dx) * mm, (cy - dy) * mm, corner / 3 * mm)


def render_certificates(design: Design, items: list[CertificateText], *, offset: tuple[float, float] = (0, 0),
                        title: str = "Giấy khen", invariant: bool = False) -> bytes:
    """One page per certificate, the page size of the design (A4 landscape)."""
    fonts = _fonts()
    pw, ph = design.page_mm[0] * mm, design.page_mm[1] * mm
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(pw, ph), invariant=invariant, pageCompression=1,
                    initialFontName=fonts[(False, False)])
    canvas.setTitle(title)
    canvas.setAuthor("Sổ Thi đua")
    dx, dy = offset
    for item in items:
        if design.kind == "plain":
            _draw_frame(canvas, design, dx, dy)
            for fixed in design.fixed:
                spec = _spec({"size": fixed["size"], "box": fixed["box"], "bold": fixed.get("bold", False),
                              "italic": fixed.get("italic", False)})
                _draw_text(canvas, ph, spec, fixed["text"], fonts, dx, dy, tuple(fixed.get("color", (0, 0, 0))))
                if fixed.get("rule_mm"):
                    x, y, w, h = spec.box
                    canvas.setStrokeColorRGB(0, 0, 0)
                    canvas.setLineWidth(0.6)
                    mid = (x + w / 2 + dx) * mm
                    canvas.line(mid - fixed["rule_mm"] / 2 * mm, ph - (y + h + dy) * mm,
                                mid + fixed["rule_mm"] / 2 * mm, ph - (y + h + dy) * mm)
        for name, spec in design.fields.items():
            text = item.values.get(name, "")
            if text:
                _draw_text(canvas, ph, spec, text, fonts, dx, dy)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def calibration_page(design: Design, *, offset: tuple[float, float] = (0, 0), invariant: bool = False) -> bytes:
    """Plain paper laid over the blank against the light: every field's box dashed with its name, a millimetre
    ruler along the top and left edges, and the offset in force. Where the boxes miss the blank's lines, measure by
    how many millimetres and save that as the printer's offset."""
    fonts = _fonts()
    pw, ph = design.page_mm[0] * mm, design.page_mm[1] * mm
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(pw, ph), invariant=invariant, initialFontName=fonts[(False, False)])
    canvas.setTitle(f"Trang căn chỉnh — {design.name}")
    dx, dy = offset
    canvas.setLineWidth(0.3)
    canvas.setFont(fonts[(False, False)], 6)
    for x_mm in range(0, int(design.page_mm[0]) + 1, 5):
        length = 5 if x_mm % 10 == 0 else 2.5
        canvas.line(x_mm * mm, ph, x_mm * mm, ph - length * mm)
        if x_mm % 20 == 0 and x_mm:
            canvas.drawCentredString(x_mm * mm, ph - 8 * mm, str(x_mm))
    for y_mm in range(0, int(design.page_mm[1]) + 1, 5):
        length = 5 if y_mm % 10 == 0 else 2.5
        canvas.line(0, ph - y_mm * mm, length * mm, ph - y_mm * mm)
        if y_mm % 20 == 0 and y_mm:
            canvas.drawString(6 * mm, ph - y_mm * mm - 2, str(y_mm))
    for name, spec in design.fields.items():
        x, y, w, h = spec.box
        canvas.setDash(3, 2)
        canvas.setStrokeColorRGB(0, 0, 0)
        canvas.rect((x + dx) * mm, ph - (y + h + dy) * mm, w * mm, h * mm)
        canvas.setDash()
        canvas.setFont(fonts[(False, True)], 7)
        canvas.drawString((x + dx) * mm + 2, ph - (y + dy) * mm - 8,
                          f"{FIELD_LABELS[name]} (x={x:g}, y={y:g} mm)")
    canvas.setFont(fonts[(True, False)], 10)
    canvas.drawCentredString(pw / 2, 14 * mm, f"TRANG CĂN CHỈNH — {design.name}")
    canvas.setFont(fonts[(False, False)], 9)
    canvas.drawCentredString(pw / 2, 9 * mm, f"In trên giấy trắng, đặt chồng lên phôi, soi đèn; đo độ lệch (mm). "
                                             f"Độ lệch đang dùng: ngang {dx:+g} mm, dọc {dy:+g} mm.")
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def print_certificates(session: Session, round_id: int, nominee_ids: list[int] | None = None,
                       design_id: str | None = None, printer: str = "") -> bytes:
    """The round's Giấy khen as PDF bytes (an operation the window runs): the chosen design, the printer's offset."""
    design = load_design(design_id or chosen_design(session))
    return render_certificates(design, certificate_texts(session, round_id, nominee_ids),
                               offset=printer_offset(session, printer))


def print_calibration(session: Session, design_id: str | None = None, printer: str = "") -> bytes:
    return calibration_page(load_design(design_id or chosen_design(session)), offset=printer_offset(session, printer))



