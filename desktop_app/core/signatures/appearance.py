"""How a signature looks on the page (NĐ 30/2020 Phụ lục I, văn bản điện tử): the personal signature of the person
with authority — their signature image (PNG, transparent) centred in the space between the title and the name,
with their name and the signing time — and the organisation's signature: the seal image at its real size covering
the left third of the personal signature, with the organisation's name and the signing time. The signing time is
written in ISO 8601 with the Vietnam time zone. The appearance is drawn with ReportLab in the document's own font
(embedded, so Vietnamese letters show on every computer) and given to pyHanko as the signature's appearance."""
from __future__ import annotations

import io
import threading
from dataclasses import dataclass

from pypdf import PdfReader
from reportlab.lib.colors import Color
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from ..documents.render_pdf import AUTHORITY_TITLE, SIGN_ABOVE, SIGN_NAME
from ..errors import UserError
from ..resources import resource_path

MM = 72 / 25.4
FONT = "SoThiDua-Signature"
FONT_BOLD = "SoThiDua-Signature-Bold"
TEXT_SIZE = 6.5
LINE = 7.6
_fonts_lock = threading.Lock()
BLUE = Color(0.05, 0.15, 0.55)
RED = Color(0.75, 0.05, 0.05)

# The title line of the signature block ("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "CHỦ TỌA"): the signature goes below it.
TITLE_RE = AUTHORITY_TITLE


def _fonts() -> None:
    with _fonts_lock:
        if FONT in pdfmetrics.getRegisteredFontNames():
            return
        for face, file_name in ((FONT, "LiberationSerif-Regular.ttf"), (FONT_BOLD, "LiberationSerif-Bold.ttf")):
            path = resource_path("fonts", file_name)
            if not path.is_file():
                raise UserError("documents.font_missing", name=file_name)
            pdfmetrics.registerFont(TTFont(face, str(path)))


@dataclass(frozen=True)
class Box:
    page: int            # page index
    x1: float
    y1: float
    x2: float
    y2: float

    @property
    def width(self) -> float:
        return self.x2 - self.x1

    @property
    def height(self) -> float:
        return self.y2 - self.y1

    def tuple(self) -> tuple[int, int, int, int]:
        return (round(self.x1), round(self.y1), round(self.x2), round(self.y2))


@dataclass(frozen=True)
class Line:
    text: str
    x: float
    y: float


def _lines(page) -> list[Line]:
    out: list[Line] = []

    def visit(text, cm, tm, _font, _size):
        text = text.strip()
        if not text:
            return
        # The text matrix in user space: tm × cm.
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        out.append(Line(text, x, y))

    page.extract_text(visitor_text=visit)
    return out


def _width(text: str, size: float = 13) -> float:
    _fonts()
    return pdfmetrics.stringWidth(text, FONT_BOLD, size)


PERSONAL_W, PERSONAL_H = 170.0, 62.0


def personal_box(pdf: bytes) -> Box:
    """Where the personal signature goes: on the last page, in the space under the last signature title
    ("CHỦ TỊCH", "CHỦ TỌA", …) and above the signer's name; bottom right of the last page when the document has no
    such block."""
    reader = PdfReader(io.BytesIO(pdf))
    index = len(reader.pages) - 1
    marked = _marked_space(reader)
    if marked is not None:
        return marked
    page = reader.pages[index]
    lines = _lines(page)
    titles = [ln for ln in lines if TITLE_RE.match(" ".join(ln.text.upper().split()))]
    if titles:
        # The authority's block is the lowest, right-most title (the Biên bản's chair, the Tờ trình's chairman).
        title = max(titles, key=lambda ln: (-round(ln.y), ln.x))
        centre = title.x + _width(title.text) / 2
        below = sorted((ln for ln in lines if ln.y < title.y - 1 and abs(ln.x + _width(ln.text) / 2 - centre) < 120),
                       key=lambda ln: -ln.y)
        # The gap: from the last line right under the title ("(Ký, đóng dấu)") down to the name.
        top = title.y
        for ln in below:
            if top - ln.y > 30:
                name_y = ln.y
                y2 = top - 4
                y1 = max(name_y + 11, y2 - PERSONAL_H)
                return Box(index, centre - PERSONAL_W / 2, y1, centre + PERSONAL_W / 2, y2)
            top = ln.y
    box = page.mediabox
    return Box(index, float(box.right) - 60 - PERSONAL_W, 90, float(box.right) - 60, 90 + PERSONAL_H)


def _marked_space(reader: PdfReader) -> Box | None:
    """The space the app's renderer marked for the authority's signature (documents.render_pdf SIGN_*), found
    without reading the page's text; None for a PDF made elsewhere (then the text is read)."""
    try:
        dests = reader.named_destinations
        above, name = dests.get(SIGN_ABOVE), dests.get(SIGN_NAME)
        if above is None or name is None:
            return None
        index = reader.get_destination_page_number(above)
        if index != reader.get_destination_page_number(name) or index < 0:
            return None
        centre, top, name_y = float(above.left), float(above.top), float(name.top)
    except Exception:  # noqa: BLE001 — a damaged or foreign destination: fall back to reading the text
        return None
    if not top - name_y > 30:
        return None
    y2 = top - 4
    y1 = max(name_y + 11, y2 - PERSONAL_H)
    return Box(index, centre - PERSONAL_W / 2, y1, centre + PERSONAL_W / 2, y2)


def seal_box(personal: Box, seal_mm: int) -> Box:
    """The seal at its real size, its right edge at a third of the personal signature's width (so it covers the
    signature's left third), centred on it vertically; under it, from its left edge, two short lines: the
    organisation and the signing time."""
    d = seal_mm * MM
    text_h = 2 * LINE + 2
    right = personal.x1 + personal.width / 3
    centre_y = (personal.y1 + personal.y2) / 2
    x1 = right - d
    return Box(personal.page, x1, centre_y - d / 2 - text_h, max(right, x1 + SEAL_TEXT_W), centre_y + d / 2)


SEAL_TEXT_W = 84.0


def vn_lines(text: str, width: float, size: float = TEXT_SIZE) -> list[str]:
    words, out, line = text.split(), [], ""
    for w in words:
        probe = f"{line} {w}".strip()
        if line and pdfmetrics.stringWidth(probe, FONT, size) > width:
            out.append(line)
            line = w
        else:
            line = probe
    if line:
        out.append(line)
    return out


def _image(c, png: bytes, x: float, y: float, w: float, h_max: float) -> float:
    img = ImageReader(io.BytesIO(png))
    iw, ih = img.getSize()
    h = w * ih / iw
    if h > h_max:
        h, w = h_max, h_max * iw / ih
    c.drawImage(img, x - w / 2, y, width=w, height=h, mask="auto")
    return h


def render_personal(box: Box, *, name: str, signed_at: str, image: bytes | None, image_mm: int) -> bytes:
    """The personal signature's appearance as a one-page PDF of the box's size."""
    _fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(box.width, box.height), invariant=1, initialFontName=FONT)
    text = [f"Ký bởi: {name}", f"Thời gian ký: {signed_at}"]
    text_h = len(text) * LINE + 1
    if image:
        _image(c, image, box.width / 2, text_h, min(image_mm * MM, box.width), box.height - text_h)
    else:
        c.setFillColor(BLUE)
        c.setFont(FONT_BOLD, 10)
        c.drawCentredString(box.width / 2, text_h + (box.height - text_h) / 2 - 4, "Đã ký số")
    c.setFillColor(BLUE)
    c.setFont(FONT, TEXT_SIZE)
    for i, t in enumerate(text):
        c.drawCentredString(box.width / 2, text_h - (i + 1) * LINE + 1.5, t)
    c.showPage()
    c.save()
    return buf.getvalue()


def render_seal(box: Box, *, organisation: str, signed_at: str, image: bytes | None, seal_mm: int) -> bytes:
    """The organisation's signature: the seal image at its real size, the organisation and the signing time."""
    _fonts()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(box.width, box.height), invariant=1, initialFontName=FONT)
    d = seal_mm * MM
    text_h = 2 * LINE + 2
    cx = d / 2
    if image:
        _image(c, image, cx, text_h, d, d)
    else:
        c.setStrokeColor(RED)
        c.setLineWidth(1.2)
        c.circle(cx, text_h + d / 2, d / 2 - 1)
    c.setFillColor(RED)
    c.setFont(FONT, TEXT_SIZE)
    lines = vn_lines(organisation, SEAL_TEXT_W)[:1] + [signed_at]
    for i, t in enumerate(lines):
        c.drawString(1, text_h - (i + 1) * LINE + 1.5, t)
    c.showPage()
    c.save()
    return buf.getvalue()
