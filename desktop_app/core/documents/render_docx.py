"""Document model → .docx, the same layout as the PDF so officers can edit the wording.

The body is written as WordprocessingML text and parsed once (python-docx builds every paragraph, run and cell
through its element API, which made the .docx twins of a 200-nominee round cost 3× their PDFs); python-docx still
makes the package: styles, page set-up, the headers with the page number or the draft mark, the properties.
"""
from __future__ import annotations

import io
import threading
import zipfile
from datetime import datetime, timezone
from typing import BinaryIO
from xml.sax.saxutils import escape

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt
from reportlab.pdfbase import pdfmetrics

from .model import Cell, Chart, Closing, Document, Layout, PageBreak, Paragraph, Run, Signature, Table, keep_ranges
from .render_pdf import _registered, _registered_italic, register_fonts

LANGUAGE = "vi-VN"                     # Word must not spell-check the documents as English
_JC = {"left": "left", "center": "center", "right": "right", "justify": "both"}
_TWIPS_PER_MM = 1440 / 25.4
_PBDR_SUCCESSORS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _set_font(rpr, name: str) -> None:
    """Set all four rFonts slots; Word otherwise falls back to another font for Vietnamese letters."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _tw(mm: float) -> int:
    return int(round(mm * _TWIPS_PER_MM))


def _half(size: float) -> int:
    return int(round(size * 2))


def _rpr(bold: bool, italic: bool, size: float) -> str:
    return ("<w:rPr>" + ("<w:b/><w:bCs/>" if bold else "") + ("<w:i/><w:iCs/>" if italic else "")
            + f'<w:sz w:val="{_half(size)}"/><w:szCs w:val="{_half(size)}"/></w:rPr>')


_BORDER = '<w:{side} w:val="single" w:sz="{sz}" w:space="1" w:color="000000"/>'


class _DocxRenderer:
    def __init__(self, layout: Layout, font: dict):
        self.L = layout
        self.family = register_fonts(font)   # metrics only: to size the rules and the header like the PDF
        self.bold_face = _registered[self.family]
        self.width_mm = layout.text_width_mm

    # ------------------------------------------------------------ paragraphs
    def p(self, runs, *, align="justify", indent=False, size=None, space_after=None, space_before=0.0,
          single=False, keep_with_next=False, left_mm=0.0, right_mm=0.0, border="") -> str:
        L = self.L
        size = size or L.body_size
        after = L.paragraph_spacing if space_after is None else space_after
        line = 240 if single else int(round(240 * L.line_spacing))
        ppr = ["<w:pPr>"]
        if keep_with_next:
            ppr.append("<w:keepNext/>")
        if border:
            ppr.append(border)
        ppr.append(f'<w:spacing w:before="{int(round(space_before * 20))}" w:after="{int(round(after * 20))}" '
                   f'w:line="{line}" w:lineRule="auto"/>')
        ind = []
        if left_mm:
            ind.append(f'w:left="{_tw(left_mm)}"')
        if right_mm:
            ind.append(f'w:right="{_tw(right_mm)}"')
        ind.append(f'w:firstLine="{_tw(L.first_line_indent_mm) if indent else 0}"')
        ppr.append(f"<w:ind {' '.join(ind)}/>")
        ppr.append(f'<w:jc w:val="{_JC[align]}"/>')
        ppr.append(f'<w:rPr><w:sz w:val="{_half(size)}"/></w:rPr>' if border else "")
        ppr.append("</w:pPr>")
        out = ["<w:p>", "".join(ppr)]
        for r in runs:
            props = _rpr(r.bold, r.italic, size)
            parts = keep_ranges(r.text).split("\n")
            for i, part in enumerate(parts):
                out.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(part)}</w:t></w:r>')
                if i < len(parts) - 1:
                    out.append(f"<w:r>{props}<w:br/></w:r>")
        out.append("</w:p>")
        return "".join(out)

    def line(self, text, size, align="center", bold=False, italic=False, space_after=0.0, **kw) -> str:
        return self.p([Run(text, bold, italic)], size=size, align=align, single=True, space_after=space_after,
                      **kw)

    def rule(self, length_pt: float, avail_mm: float, space_before: float = 0) -> str:
        """A short rule: an empty tiny paragraph whose bottom border spans exactly `length_pt`."""
        side = max(0.0, (avail_mm * 72 / 25.4 - length_pt) / 2) * 25.4 / 72
        border = "<w:pBdr>" + _BORDER.format(side="bottom", sz=6) + "</w:pBdr>"
        return self.p([], align="center", single=True, space_after=2, space_before=space_before, left_mm=side,
                      right_mm=side, border=border, size=2)

    # ------------------------------------------------------------ tables
    def table(self, widths_mm, rows: list[str], borders: bool) -> str:
        total = sum(_tw(w) for w in widths_mm)
        grid = "".join(f'<w:gridCol w:w="{_tw(w)}"/>' for w in widths_mm)
        style = '<w:tblStyle w:val="TableGrid"/>' if borders else ""
        # Word reads the cell widths; LibreOffice reads the table grid: set both, and a fixed layout, so the
        # columns are the same everywhere (without this LibreOffice shared the width out equally).
        return (f'<w:tbl><w:tblPr>{style}<w:tblW w:w="{total}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
                f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" '
                f'w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{"".join(rows)}</w:tbl>')

    @staticmethod
    def row(cells: list[str], *, cant_split=True, header=False) -> str:
        props = ("<w:cantSplit/>" if cant_split else "") + ('<w:tblHeader w:val="true"/>' if header else "")
        return f"<w:tr><w:trPr>{props}</w:trPr>{''.join(cells)}</w:tr>" if props else \
            f"<w:tr>{''.join(cells)}</w:tr>"

    @staticmethod
    def cell(width_mm: float, content: list[str], span: int = 1, middle: bool = False) -> str:
        props = f'<w:tcW w:w="{_tw(width_mm)}" w:type="dxa"/>'
        if span > 1:
            props += f'<w:gridSpan w:val="{span}"/>'
        if middle:
            props += '<w:vAlign w:val="center"/>'
        body = "".join(content) or "<w:p/>"       # a cell always holds a paragraph
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{body}</w:tc>"

    # ------------------------------------------------------------ parts
    def header(self, doc: Document) -> str:
        L, h = self.L, doc.header
        motto1, motto2 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
        two = bool(h.body_lines)
        widths = [L.header_left_mm, self.width_mm - L.header_left_mm] if two else [self.width_mm]
        m1 = L.motto_upper_size
        while m1 > 12 and pdfmetrics.stringWidth(motto1, self.bold_face, m1) > (widths[-1] - 2) * 72 / 25.4:
            m1 -= 0.5
        right_top = [self.line(motto1, m1, bold=True), self.line(motto2, L.motto_lower_size, bold=True),
                     self.rule(pdfmetrics.stringWidth(motto2, self.bold_face, L.motto_lower_size), widths[-1])]
        right_bottom = []
        if h.date_line:
            size = L.body_size
            italic = _registered_italic.get(self.family, self.family)
            while size > 13 and pdfmetrics.stringWidth(h.date_line, italic, size) > widths[-1] * 72 / 25.4:
                size -= 0.5
            right_bottom.append(self.line(h.date_line, size, italic=True))
        if not two:
            return self.table(widths, [self.row([self.cell(widths[0], right_top)], cant_split=False),
                                       self.row([self.cell(widths[0], right_bottom)], cant_split=False)], False)
        left_top = [self.line(text, L.header_size, bold=bold) for text, bold in h.body_lines]
        text, bold = h.body_lines[-1]
        w = min(pdfmetrics.stringWidth(text, self.bold_face if bold else self.family, L.header_size),
                (widths[0] - 2) * 72 / 25.4)
        left_top.append(self.rule(w * 0.4, widths[0]))
        left_bottom = [self.line(h.number_line, L.header_size)] if h.number_line else []
        rows = [self.row([self.cell(widths[0], left_top), self.cell(widths[1], right_top)], cant_split=False),
                self.row([self.cell(widths[0], left_bottom), self.cell(widths[1], right_bottom)], cant_split=False)]
        return self.table(widths, rows, False)

    def title(self, doc: Document) -> str:
        L, ti = self.L, doc.title
        out = [self.line(ti.kind, L.title_size, bold=True, space_before=14)]
        for runs in ti.summary:
            out.append(self.p(runs, size=L.title_size, align="center", single=True, space_after=0))
        if ti.rule and ti.summary:
            first = "".join(r.text for r in ti.summary[0])
            w = min(pdfmetrics.stringWidth(first, self.bold_face, L.title_size), self.width_mm * 72 / 25.4)
            out.append(self.rule(w * 0.35, self.width_mm, space_before=2))
        out.append(self.p([], size=6, single=True, space_after=0))
        return "".join(out)

    def data_table(self, tb: Table) -> str:
        scale = self.width_mm / sum(tb.columns_mm)
        widths = [w * scale for w in tb.columns_mm]
        rows = []
        for r_index, row in enumerate(tb.header + tb.rows):
            header = r_index < len(tb.header)   # Word repeats rows marked tblHeader at the top of every page
            cells, col = [], 0
            for c in row:
                width = sum(widths[col:col + c.span])
                para = self.p(c.runs, align=c.align, size=tb.size, single=True, space_after=0)
                cells.append(self.cell(width, [para], span=c.span, middle=header))
                col += c.span
            while col < len(widths):            # a short row is filled with empty cells
                cells.append(self.cell(widths[col], []))
                col += 1
            rows.append(self.row(cells, header=header))   # a list row never splits across pages
        return self.table(widths, rows, True)

    def signature(self, s: Signature | None) -> list[str]:
        if s is None:
            return []
        size = self.L.body_size
        out = [self.line(x, size, bold=True, keep_with_next=True) for x in s.lines]
        if s.note:
            out.append(self.line(s.note, size, italic=True, keep_with_next=True))
        out.append(self.line("", size, space_before=(s.space_mm - 6) * 72 / 25.4, keep_with_next=True))
        out.append(self.line(s.name, size, bold=True))
        return out

    def recipients(self, items) -> list[str]:
        L = self.L
        out = [self.line("Nơi nhận:", L.recipients_title_size, align="left", bold=True, italic=True)]
        for i, item in enumerate(items):
            end = "." if i == len(items) - 1 else ";"
            out.append(self.line(f"- {item.rstrip(' ;.')}{end}", L.recipients_size, align="left"))
        return out

    def closing(self, c: Closing, fingerprint: str) -> str:
        if c.left is not None:
            # One unsplittable row holds both signatures with their names: a signature never leaves its name.
            widths = [self.width_mm / 2] * 2
            rows = [self.row([self.cell(widths[0], self.signature(c.left)),
                              self.cell(widths[1], self.signature(c.right))])]
            if c.recipients:           # Mẫu 1.9: "Nơi nhận" under the signatures
                items = self.recipients(c.recipients)
                items[0] = items[0].replace('w:before="0"', 'w:before="200"', 1)
                rows.append(self.row([self.cell(self.width_mm, items, span=2)]))
            return self.table(widths, rows, False)
        widths = [self.width_mm * 0.45, self.width_mm * 0.55]
        left = self.recipients(c.recipients) if c.recipients else []
        if fingerprint:
            left.append(self.line(fingerprint, 9, align="left", italic=True, space_before=8))
        return self.table(widths, [self.row([self.cell(widths[0], left),
                                             self.cell(widths[1], self.signature(c.right))])], False)

    def body(self, doc: Document) -> str:
        out = [self.header(doc), self.title(doc)]
        placed = False
        for b in doc.blocks:
            if isinstance(b, Paragraph):
                out.append(self.p(b.runs, align=b.align, indent=b.indent, size=b.size, space_before=b.space_before,
                                  keep_with_next=b.keep_with_next))
            elif isinstance(b, Table):
                out.append(self.data_table(b))
            elif isinstance(b, Closing):
                # The signature never starts a page alone: the paragraph before it keeps with it.
                if out and out[-1].startswith("<w:p>") and "<w:keepNext/>" not in out[-1][:40]:
                    out[-1] = out[-1].replace("<w:pPr>", "<w:pPr><w:keepNext/>", 1)
                out.append(self.closing(b, doc.fingerprint))
                placed = True
            elif isinstance(b, PageBreak):
                out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
            elif isinstance(b, Chart):
                # No image renderer in the bundle: the chart's figures as a small table under its title.
                out.append(self.p([Run(b.title, italic=True)], align="center", keep_with_next=True))
                names = b.legend or ("Số lượng",)
                head = (tuple(Cell((Run(x, bold=True),), align="center") for x in ("", *names)),)
                rows = tuple((Cell((Run(label),)), *(Cell((Run(str(s[i])),), align="right") for s in b.series))
                             for i, label in enumerate(b.labels))
                out.append(self.data_table(Table(columns_mm=(90,) + (30,) * len(b.series), header=head, rows=rows,
                                                 size=11)))
        if doc.fingerprint and not placed:
            out.append(self.p([Run(doc.fingerprint, italic=True)], size=9, align="left"))
        return "".join(out)

    # ------------------------------------------------------------ the package
    def page_numbers(self, section):
        """PAGE field centred in the header of every page but the first (NĐ 30/2020)."""
        section.different_first_page_header_footer = True
        p = section.header.paragraphs[0]
        p._p.append(parse_xml(f'<w:pPr {nsdecls("w")}><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
                              f'<w:jc w:val="center"/></w:pPr>'))
        fld = OxmlElement("w:fldSimple")
        fld.set(qn("w:instr"), "PAGE")
        r = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = "2"
        r.append(t)
        fld.append(r)
        p._p.append(fld)
        section.header_distance = Mm(self.L.margin_top / 2 - 3)

    def draft_mark(self, section):
        """"DỰ THẢO" in a box at the top of every page (first page included) of a draft."""
        borders = "".join(_BORDER.format(side=s, sz=8) for s in ("top", "left", "bottom", "right"))
        for header in (section.first_page_header, section.header):
            first = header.paragraphs[0]
            xml = (f'<w:p {nsdecls("w")}><w:pPr><w:pBdr>{borders}</w:pBdr>'
                   f'<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
                   f'<w:ind w:left="{_tw(self.width_mm - 32)}"/><w:jc w:val="right"/></w:pPr>'
                   f'<w:r>{_rpr(True, False, 13)}<w:t>DỰ THẢO</w:t></w:r></w:p>')
            mark = parse_xml(xml)
            if first.text or first._p.findall(qn("w:fldSimple")):
                first._p.addprevious(mark)
            else:
                first._p.addprevious(mark)
                first._p.getparent().remove(first._p)

    def package(self, page_numbers: bool, draft: bool):
        """The package without a body: styles, page set-up, headers, properties with markers to fill in."""
        L = self.L
        d = new_docx()
        st = d.styles["Normal"]
        st.font.name = L.docx_font
        st.font.size = Pt(L.body_size)
        _set_font(st.element.get_or_add_rPr(), L.docx_font)
        _set_language(d)
        sec = d.sections[0]
        sec.orientation = WD_ORIENT.PORTRAIT
        sec.page_width, sec.page_height = Mm(L.page[0]), Mm(L.page[1])
        sec.left_margin, sec.right_margin = Mm(L.margin_left), Mm(L.margin_right)
        sec.top_margin, sec.bottom_margin = Mm(L.margin_top), Mm(L.margin_bottom)
        if page_numbers:
            self.page_numbers(sec)
        if draft:
            sec.different_first_page_header_footer = True
            self.draft_mark(sec)
        props = d.core_properties
        props.title, props.subject, props.author, props.last_modified_by = _MARKS
        props.language = LANGUAGE
        props.keywords = "DỰ THẢO" if draft else ""
        props.created = props.modified = _MARK_TIME
        props.revision = 1
        return d

    def render(self, doc: Document, created: datetime | None = None):
        """The whole document as python-docx (for callers that want the object; render_docx writes faster)."""
        d = self.package(doc.page_numbers, doc.draft)
        body = d.element.body
        fragment = parse_xml(f'<w:body {nsdecls("w")}>{self.body(doc)}</w:body>')
        sect_pr = body.sectPr
        for child in list(fragment):
            sect_pr.addprevious(child)
        return d


_MARKS = ("\u2063TITLE\u2063", "\u2063SUBJECT\u2063", "\u2063AUTHOR\u2063", "\u2063EDITOR\u2063")
_MARK_TIME = datetime(2000, 1, 1, 0, 0, 0)
_MARK_TIME_TEXT = b"2000-01-01T00:00:00Z"
_parts_lock = threading.Lock()
_parts_cache: dict[tuple, list[tuple[str, bytes]]] = {}


def _base_parts(r: _DocxRenderer, page_numbers: bool, draft: bool) -> list[tuple[str, bytes]]:
    """Every part of the package of a given kind, made once per process (opening python-docx's template and
    writing it costs more than writing a list's body)."""
    key = (repr(r.L), page_numbers, draft)
    with _parts_lock:
        found = _parts_cache.get(key)
        if found is None:
            buf = io.BytesIO()
            r.package(page_numbers, draft).save(buf)
            with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
                found = [(info.filename, zf.read(info.filename)) for info in zf.infolist()]
            _parts_cache[key] = found
        return found


def _xml_text(value: str) -> bytes:
    return escape(value).encode("utf-8")
def _set_language(d) -> None:
    """Vietnamese as the language of every run (styles' defaults and Normal), so Word checks it as Vietnamese."""
    styles = d.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    targets = []
    if defaults is not None:
        rpr_default = defaults.find(qn("w:rPrDefault"))
        if rpr_default is not None and rpr_default.find(qn("w:rPr")) is not None:
            targets.append(rpr_default.find(qn("w:rPr")))
    targets.append(d.styles["Normal"].element.get_or_add_rPr())
    for rpr in targets:
        for old in rpr.findall(qn("w:lang")):
            rpr.remove(old)
        lang = OxmlElement("w:lang")
        lang.set(qn("w:val"), LANGUAGE)
        lang.set(qn("w:eastAsia"), LANGUAGE)
        lang.set(qn("w:bidi"), "ar-SA")
        rpr.append(lang)


def render_docx(doc: Document, out: BinaryIO, layout: Layout, font: dict, *, created: datetime | None = None) -> None:
    """Write `doc` as .docx to the binary stream `out`: the cached package parts, this document's body and its
    properties (title, the commune as author, the real creation time)."""
    r = _DocxRenderer(layout, font)
    at = created or datetime.now(timezone.utc)
    if at.tzinfo is not None:       # dcterms:created is written in UTC ("Z"); a Vietnam time is converted
        at = at.astimezone(timezone.utc)
    when = at.replace(microsecond=0, tzinfo=None).isoformat().encode() + b"Z"
    body = r.body(doc).encode("utf-8")
    # Level 1: the static parts were deflated at level 6 for every file, half the time of a list; level 1 costs
    # a fifth of that for files a few per cent larger.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, data in _base_parts(r, doc.page_numbers, doc.draft):
            if name == "word/document.xml":
                at = data.index(b"<w:sectPr")
                data = data[:at] + body + data[at:]
            elif name == "docProps/core.xml":
                for mark, value in zip(_MARKS, (doc.meta_title, doc.title.kind, doc.author, doc.author)):
                    data = data.replace(mark.encode("utf-8"), _xml_text(value))
                data = data.replace(_MARK_TIME_TEXT, when)
            zf.writestr(name, data)
