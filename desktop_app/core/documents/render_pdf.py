"""Document model → PDF with ReportLab, in the layout of NĐ 30/2020 Phụ lục I, bundled font only."""
from __future__ import annotations

import re
import threading
from typing import BinaryIO
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFString
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Spacer, TableStyle
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable

from ..errors import UserError
from ..resources import resource_path
from .charts import chart_drawing
from .model import Chart, Closing, Document, Layout, PageBreak, Paragraph, Run, Signature, Table, keep_ranges

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
_SINGLE = 1.15                         # Word's "single" line of Times New Roman, in font sizes

# The title line of the authority's signature block ("CHỦ TỊCH", "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", "CHỦ TỌA").
AUTHORITY_TITLE = re.compile(r"^(KT\.\s*)?(PHÓ\s+)?CHỦ\s+T[ỊỌ][CA]H?$")
# Where the authority signs, left in the PDF as two named destinations (invisible; a PDF viewer may list them):
# the last line above the signature's space and the signer's name under it, each at the block's centre. A digital
# signature's appearance goes between them (signatures/appearance.py) without reading the page's text.
SIGN_ABOVE, SIGN_NAME = "SoThiDua.ChuKy.Tren", "SoThiDua.ChuKy.Ten"
_lock = threading.Lock()
_registered: dict[str, str] = {}       # family → bold face name (one registration per process)
_registered_italic: dict[str, str] = {}  # family → italic face name
_registered_bold_italic: dict[str, str] = {}


def register_fonts(font: dict) -> str:
    """Register the four styles of the bundled family once; <b>/<i> in Paragraphs then map to them."""
    family = font["family"]
    with _lock:
        if family in _registered:
            return family
        names = {}
        for style, file_name in font["files"].items():
            path = resource_path("fonts", file_name)
            if not path.is_file():
                raise UserError("documents.font_missing", name=file_name)
            face = family if style == "regular" else f"{family}-{style.replace('_', '')}"
            pdfmetrics.registerFont(TTFont(face, str(path)))
            names[style] = face
        pdfmetrics.registerFontFamily(family, normal=names["regular"], bold=names["bold"],
                                      italic=names["italic"], boldItalic=names["bold_italic"])
        _registered[family] = names["bold"]
        _registered_italic[family] = names["italic"]
        _registered_bold_italic[family] = names["bold_italic"]
    return family


def _markup(runs: tuple[Run, ...] | list[Run]) -> str:
    out = []
    for r in runs:
        s = escape(keep_ranges(r.text)).replace("\n", "<br/>")
        if r.italic:
            s = f"<i>{s}</i>"
        if r.bold:
            s = f"<b>{s}</b>"
        out.append(s)
    return "".join(out)


class _Rule(Flowable):
    """A centred horizontal rule of a given length (the short rules of the header and title)."""

    def __init__(self, length: float, gap_before: float = 1, gap_after: float = 2, thickness: float = 0.6):
        super().__init__()
        self.length, self.gap_before, self.gap_after, self.thickness = length, gap_before, gap_after, thickness

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        return avail_width, self.gap_before + self.gap_after + self.thickness

    def draw(self):
        y = self.gap_after
        x0 = (self.width - self.length) / 2
        self.canv.setLineWidth(self.thickness)
        self.canv.line(x0, y, x0 + self.length, y)


class _Lines(Flowable):
    """Rows of columns of single-style lines, drawn straight on the canvas: the header and the signature blocks.

    Each has a few lines of one font each; as tables of paragraphs they were laid out (and measured for splitting)
    several times per document, a third of the time of a report. A line wraps between words (simpleSplit), never
    inside one. Items: ("text", text, face, size, align, space_before) or ("rule", length, gap_before, gap_after).
    Rows are (space_before, [column items…]) with the column widths given once; the tallest column sets a row's
    height, so the names under two signatures stand on one line."""

    def __init__(self, widths: list[float], rows: list[tuple[float, list[list[tuple]]]], h_align: str = "LEFT",
                 mark: int | None = None):
        super().__init__()
        self.widths, self.rows = widths, rows
        self.hAlign = h_align
        self.mark = mark           # the column of the authority's signature block: its space is marked (SIGN_*)

    def _layout(self):
        out, total = [], 0.0
        for space_before, columns in self.rows:
            row, height = [], 0.0
            for width, items in zip(self.widths, columns):
                placed, y = [], 0.0
                for item in items:
                    if item[0] == "rule":
                        _, length, gap_before, gap_after = item
                        y += gap_before
                        placed.append(("rule", y, length, width))
                        y += gap_after
                        continue
                    _, text, face, size, align, before = item
                    y += before
                    for piece in (simpleSplit(text, face, size, width) or [""]):
                        y += size * _SINGLE
                        placed.append(("text", y, piece, face, size, align, width))
                row.append(placed)
                height = max(height, y)
            out.append((total + space_before, row))
            total += space_before + height
        return out, total

    def wrap(self, avail_width, avail_height):
        self._placed, self.height = self._layout()
        self.width = sum(self.widths)
        return self.width, self.height

    def draw(self):
        c = self.canv
        marked: list[tuple[float, float]] = []
        for top, row in self._placed:
            x = 0.0
            for column, (width, placed) in enumerate(zip(self.widths, row)):
                for item in placed:
                    if item[0] == "rule":
                        _, y, length, w = item
                        x0 = x + (w - length) / 2
                        c.setLineWidth(0.6)
                        c.line(x0, self.height - top - y, x0 + length, self.height - top - y)
                        continue
                    _, y, text, face, size, align, w = item
                    c.setFont(face, size)
                    base = self.height - top - y + size * (_SINGLE - 1) + size * 0.22
                    if align == "center":
                        c.drawCentredString(x + w / 2, base, text)
                    elif align == "right":
                        c.drawRightString(x + w, base, text)
                    else:
                        c.drawString(x, base, text)
                    if column == self.mark and text.strip():
                        marked.append((x + w / 2, base))
                x += width
        if len(marked) >= 2:
            dests = {}
            for key, (mx, my) in ((SIGN_ABOVE, marked[-2]), (SIGN_NAME, marked[-1])):
                ax, ay = c.absolutePosition(mx, my)
                dests[key] = c.bookmarkPage(key, fit="XYZ", left=round(ax, 2), top=round(ay, 2), zoom=0)
            # ReportLab writes a destination only where something links to it: name them in the catalog.
            c._doc.Catalog.Names = PDFDictionary({"Dests": PDFDictionary({"Names": PDFArray(
                [x for key in sorted(dests) for x in (PDFString(key), dests[key])])})})


def _authority(s: Signature | None) -> bool:
    """A signature block whose title is the authority's (the one a digital signature goes on)."""
    return s is not None and bool(s.name) and any(AUTHORITY_TITLE.match(" ".join(line.upper().split()))
                                                  for line in s.lines)


class _Renderer:
    def __init__(self, layout: Layout, font: dict):
        self.L = layout
        self.family = register_fonts(font)
        self.bold_face = _registered[self.family]
        self.width = layout.text_width_mm * mm
        self._styles: dict[tuple, ParagraphStyle] = {}
        self.italic_face = _registered_italic[self.family]
        self.bold_italic_face = _registered_bold_italic[self.family]

    def face(self, bold=False, italic=False) -> str:
        if bold and italic:
            return self.bold_italic_face
        return self.bold_face if bold else self.italic_face if italic else self.family

    def text(self, text, size, align="center", bold=False, italic=False, before=0.0) -> tuple:
        return ("text", text, self.face(bold, italic), size, align, before)

    def style(self, size=None, align="justify", indent=False, leading=None, space_after=None, space_before=0.0,
              keep_with_next=False):
        # A document uses a handful of styles thousands of times: make each once (ParagraphStyle is costly).
        key = (size, align, indent, leading, space_after, space_before, keep_with_next)
        found = self._styles.get(key)
        if found is None:
            found = self._styles[key] = self._style(*key)
        return found

    def _style(self, size, align, indent, leading, space_after, space_before, keep_with_next):
        size = size or self.L.body_size
        return ParagraphStyle(
            "s", fontName=self.family, fontSize=size,
            leading=leading or size * _SINGLE * self.L.line_spacing,
            alignment=_ALIGN[align], firstLineIndent=self.L.first_line_indent_mm * mm if indent else 0,
            spaceAfter=self.L.paragraph_spacing if space_after is None else space_after,
            spaceBefore=space_before, keepWithNext=1 if keep_with_next else 0,
        )

    def para(self, runs, **kw) -> RLParagraph:
        return RLParagraph(_markup(runs), self.style(**kw))

    def line(self, text, size, align="center", bold=False, italic=False, space_after=0.0) -> RLParagraph:
        return self.para([Run(text, bold, italic)], size=size, align=align, leading=size * _SINGLE,
                         space_after=space_after)

    # ------------------------------------------------------------ header and title
    def header(self, doc: Document) -> list:
        L, h = self.L, doc.header
        left_w = L.header_left_mm * mm
        right_w = self.width - left_w
        motto1, motto2 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
        m1 = L.motto_upper_size
        while m1 > 12 and pdfmetrics.stringWidth(motto1, self.bold_face, m1) > right_w - 4:
            m1 -= 0.5
        right = [self.text(motto1, m1, bold=True), self.text(motto2, L.motto_lower_size, bold=True),
                 ("rule", pdfmetrics.stringWidth(motto2, self.bold_face, L.motto_lower_size), 4, 2)]
        left = [self.text(text, L.header_size, bold=bold) for text, bold in h.body_lines]
        if left:
            last = h.body_lines[-1][0]
            face = self.bold_face if h.body_lines[-1][1] else self.family
            w = min(pdfmetrics.stringWidth(last, face, L.header_size), left_w - 4)
            left.append(("rule", w * 0.4, 4, 2))
        below_left = [self.text(h.number_line, L.header_size)] if h.number_line else []
        below_right = []
        if h.date_line:
            # The place-and-date line stays on one line: 13 pt is allowed when 14 pt would wrap.
            size = L.body_size
            while size > 13 and pdfmetrics.stringWidth(h.date_line, self.italic_face, size) > right_w:
                size -= 0.5
            below_right = [self.text(h.date_line, size, italic=True)]
        if left:
            return [_Lines([left_w, right_w], [(0, [left, right]), (6, [below_left, below_right])])]
        # motto alone (an individual's report): centred on the page
        return [_Lines([self.width], [(0, [right]), (6, [below_right])])]

    def title(self, doc: Document) -> list:
        L, ti = self.L, doc.title
        out = [Spacer(1, 14), self.line(ti.kind, L.title_size, bold=True, space_after=2)]
        for runs in ti.summary:
            out.append(self.para(runs, size=L.title_size, align="center", leading=L.title_size * _SINGLE,
                                 space_after=0))
        if ti.rule and ti.summary:
            first = "".join(r.text for r in ti.summary[0])
            w = min(pdfmetrics.stringWidth(first, self.bold_face, L.title_size), self.width)
            out.append(_Rule(w * 0.35, gap_before=5))
        out.append(Spacer(1, 6))
        return out

    # ------------------------------------------------------------ blocks
    def paragraph(self, p: Paragraph):
        return self.para(p.runs, size=p.size, align=p.align, indent=p.indent, space_before=p.space_before,
                         keep_with_next=p.keep_with_next)

    def table(self, t: Table) -> RLTable:
        widths = [w * mm for w in t.columns_mm]
        scale = self.width / sum(widths)
        widths = [w * scale for w in widths]
        ncols = len(widths)
        data, commands = [], [
            ("FONTNAME", (0, 0), (-1, -1), self.family),
            ("FONTSIZE", (0, 0), (-1, -1), t.size),
            ("GRID", (0, 0), (-1, -1), 0.5, "black"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("VALIGN", (0, 0), (-1, len(t.header) - 1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]
        for r, row in enumerate(t.header + t.rows):
            cells, col = [], 0
            for c in row:
                cells.append(self.para(c.runs, size=t.size, align=c.align, leading=t.size * _SINGLE,
                                       space_after=0))
                if c.span > 1:
                    commands.append(("SPAN", (col, r), (col + c.span - 1, r)))
                    cells += [""] * (c.span - 1)
                col += c.span
            cells += [""] * (ncols - len(cells))
            data.append(cells)
        tbl = RLTable(data, colWidths=widths, repeatRows=len(t.header), hAlign="LEFT")
        tbl.setStyle(TableStyle(commands))
        return tbl

    def signature_top(self, s: Signature | None) -> list:
        """Authority lines and the italic note; the name goes in a second row so both names align."""
        if s is None:
            return []
        L = self.L
        out = [self.text(x, L.body_size, bold=True) for x in s.lines]
        if s.note:
            out.append(self.text(s.note, L.body_size, italic=True))
        return out

    def signature_name(self, s: Signature | None) -> list:
        if s is None:
            return []
        return [self.text(s.name, self.L.body_size, bold=True, before=s.space_mm * mm)]

    def recipients(self, items: tuple[str, ...]) -> list:
        L = self.L
        out = [self.text("Nơi nhận:", L.recipients_title_size, align="left", bold=True, italic=True)]
        for i, item in enumerate(items):
            end = "." if i == len(items) - 1 else ";"
            out.append(self.text(f"- {item.rstrip(' ;.')}{end}", L.recipients_size, align="left"))
        return out

    def closing(self, c: Closing, fingerprint: str = "") -> Flowable:
        if c.left is not None:         # two signatures side by side (biên bản, báo cáo)
            half = self.width / 2
            rows = [(6, [self.signature_top(c.left), self.signature_top(c.right)]),
                    (0, [self.signature_name(c.left), self.signature_name(c.right)])]
            if c.recipients:           # Mẫu 1.9: "Nơi nhận" under the two signatures
                rows.append((10, [self.recipients(c.recipients), []]))
            return _Lines([half, half], rows, mark=1 if _authority(c.right) else None)
        left = self.recipients(c.recipients) if c.recipients else []
        if fingerprint:                # under "Nơi nhận", so it never lands alone on a new page
            left.append(self.text(fingerprint, 9, align="left", italic=True, before=8))
        right = self.signature_top(c.right) + self.signature_name(c.right)
        return _Lines([self.width * 0.45, self.width * 0.55], [(6, [left, right])],
                      mark=1 if _authority(c.right) else None)

    def story(self, doc: Document) -> list:
        story = self.header(doc) + self.title(doc)
        placed_fingerprint = False
        for b in doc.blocks:
            if isinstance(b, Paragraph):
                story.append(self.paragraph(b))
            elif isinstance(b, Table):
                story.append(self.table(b))
            elif isinstance(b, Closing):
                # Keep the signature with the last lines of text: a signature alone on a page is refused.
                tail = [story.pop()] if story and isinstance(story[-1], RLParagraph) else []
                # ...and the headings kept with that text ("b) Kết quả đạt được:"), not orphaned above it.
                while tail and story and isinstance(story[-1], RLParagraph) and story[-1].style.keepWithNext:
                    tail.insert(0, story.pop())
                story.append(KeepTogether(tail + [self.closing(b, doc.fingerprint)]))
                placed_fingerprint = True
            elif isinstance(b, PageBreak):
                story.append(RLPageBreak())
            elif isinstance(b, Chart):
                story.append(KeepTogether([Spacer(1, 4), chart_drawing(b, self.family, self.width / mm), Spacer(1, 6)]))
        if doc.fingerprint and not placed_fingerprint:
            story.append(Spacer(1, 6))
            story.append(self.para([Run(doc.fingerprint, italic=True)], size=10, align="left", leading=12))
        return story


def render_pdf(doc: Document, out: BinaryIO, layout: Layout, font: dict, *, invariant: bool = False,
               author: str = "") -> None:
    """Write `doc` as PDF to the binary stream `out`. `invariant` gives byte-identical output (tests)."""
    r = _Renderer(layout, font)
    L = layout
    page_w, page_h = L.page[0] * mm, L.page[1] * mm

    def draft_mark(canvas):
        # A draft says so on every page: a boxed "DỰ THẢO" in the top margin and a light mark across the page.
        if not doc.draft:
            return
        canvas.saveState()
        size = 13
        text = "DỰ THẢO"
        w = pdfmetrics.stringWidth(text, r.bold_face, size)
        x = page_w - L.margin_right * mm - w - 6
        y = page_h - L.margin_top * mm / 2 - size / 3
        canvas.setFont(r.bold_face, size)
        canvas.drawString(x + 3, y, text)
        canvas.setLineWidth(0.8)
        canvas.rect(x, y - 4, w + 6, size + 5)
        canvas.setFillGray(0.85)
        canvas.setFont(r.bold_face, 90)
        canvas.translate(page_w / 2, page_h / 2)
        canvas.rotate(45)
        canvas.drawCentredString(0, -30, text)
        canvas.restoreState()

    def first_page(canvas, _doc):
        draft_mark(canvas)

    def later_pages(canvas, _doc):
        # NĐ 30/2020: page numbers centred in the top margin, from page 2 only.
        draft_mark(canvas)
        if not doc.page_numbers:
            return
        canvas.saveState()
        canvas.setFont(r.family, L.page_number_size)
        x = L.margin_left * mm + r.width / 2
        canvas.drawCentredString(x, page_h - L.margin_top * mm / 2 - L.page_number_size / 3, str(canvas.getPageNumber()))
        canvas.restoreState()

    template = BaseDocTemplate(
        out, pagesize=(page_w, page_h),
        leftMargin=L.margin_left * mm, rightMargin=L.margin_right * mm,
        topMargin=L.margin_top * mm, bottomMargin=L.margin_bottom * mm,
        title=doc.meta_title, author=author, creator="Sổ Thi đua", subject=doc.title.kind,
        initialFontName=r.family, initialFontSize=L.body_size, invariant=1 if invariant else 0,
    )
    # Frames pad 6 pt on every side by default: that would quietly widen the margins (and make
    # full-width tables overflow the frame), so the frame is exactly the text area.
    frame = Frame(template.leftMargin, template.bottomMargin, template.width, template.height,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    first = PageTemplate(id="first", frames=[frame], onPage=first_page, autoNextPageTemplate="later")
    later = PageTemplate(id="later", frames=[frame], onPage=later_pages)
    template.addPageTemplates([first, later])
    template.build(r.story(doc))
