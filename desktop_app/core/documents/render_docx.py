"""Document model → .docx with python-docx, the same layout as the PDF so officers can edit the wording."""
from __future__ import annotations

from datetime import datetime
from typing import BinaryIO

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from reportlab.pdfbase import pdfmetrics

from .model import Closing, Document, Layout, PageBreak, Paragraph, Run, Signature, Table, keep_ranges
from .render_pdf import _registered, _registered_italic, register_fonts

LANGUAGE = "vi-VN"                     # Word must not spell-check the documents as English

_ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
          "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}
_PBDR_SUCCESSORS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
                    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
                    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


def _set_font(rpr_owner_font, name: str) -> None:
    """Set all four rFonts slots; Word otherwise falls back to another font for Vietnamese letters."""
    rpr = rpr_owner_font.element.get_or_add_rPr() if hasattr(rpr_owner_font, "element") else rpr_owner_font
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


class _DocxRenderer:
    def __init__(self, layout: Layout, font: dict):
        self.L = layout
        self.family = register_fonts(font)   # metrics only: to size the header rules like the PDF
        self.bold_face = _registered[self.family]
        self.width_mm = layout.text_width_mm

    # ------------------------------------------------------------ low level
    def fmt(self, p, align="justify", indent=False, size=None, space_after=None, space_before=0.0,
            single=False, keep_with_next=False):
        pf = p.paragraph_format
        pf.alignment = _ALIGN[align]
        pf.first_line_indent = Mm(self.L.first_line_indent_mm) if indent else Mm(0)
        pf.space_after = Pt(self.L.paragraph_spacing if space_after is None else space_after)
        pf.space_before = Pt(space_before)
        pf.line_spacing = 1.0 if single else self.L.line_spacing
        pf.keep_with_next = keep_with_next
        p._size = size or self.L.body_size
        return p

    def runs(self, p, runs, size=None) -> None:
        for r in runs:
            parts = keep_ranges(r.text).split("\n")
            for i, part in enumerate(parts):
                run = p.add_run(part)
                run.bold, run.italic = r.bold, r.italic
                run.font.size = Pt(size or getattr(p, "_size", self.L.body_size))
                if i < len(parts) - 1:
                    run.add_break()

    def add(self, container, runs, **kw):
        p = container.add_paragraph()
        self.fmt(p, **kw)
        self.runs(p, runs, kw.get("size"))
        return p

    def line(self, container, text, size, align="center", bold=False, italic=False, space_after=0.0):
        return self.add(container, [Run(text, bold, italic)], size=size, align=align, single=True,
                        space_after=space_after)

    def rule(self, container, length_pt: float, avail_mm: float, space_before: float = 0):
        """A short rule: an empty tiny paragraph whose bottom border spans exactly `length_pt`."""
        p = container.add_paragraph()
        side = max(0.0, (avail_mm * 72 / 25.4 - length_pt) / 2)
        self.fmt(p, align="center", single=True, space_after=2, space_before=space_before)
        p.paragraph_format.left_indent = Pt(side)
        p.paragraph_format.right_indent = Pt(side)
        run = p.add_run("")
        run.font.size = Pt(2)
        ppr = p._p.get_or_add_pPr()
        bdr = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            bottom.set(qn(k), v)
        bdr.append(bottom)
        ppr.insert_element_before(bdr, *_PBDR_SUCCESSORS)
        # The paragraph mark's own size sets the height of an empty paragraph: keep it tiny.
        rpr = OxmlElement("w:rPr")
        sz = OxmlElement("w:sz")
        sz.set(qn("w:val"), "4")
        rpr.append(sz)
        ppr.append(rpr)
        return p

    def table(self, doc, widths_mm, borders: bool):
        t = doc.add_table(rows=0, cols=len(widths_mm))
        if borders:
            t.style = "Table Grid"
        t.autofit = False
        # Word reads the cell widths; LibreOffice reads the table grid: set both, and a fixed layout, so the
        # columns are the same everywhere (without this LibreOffice shared the width out equally).
        for column, w in zip(t.columns, widths_mm):
            column.width = Mm(w)
        tbl_pr = t._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.append(layout)
        width = OxmlElement("w:tblW")
        width.set(qn("w:w"), str(int(sum(widths_mm) / 25.4 * 1440)))
        width.set(qn("w:type"), "dxa")
        for old in tbl_pr.findall(qn("w:tblW")):
            tbl_pr.remove(old)
        tbl_pr.append(width)
        self._widths = widths_mm
        return t

    def row(self, t, widths_mm, cant_split: bool = False):
        r = t.add_row()
        if cant_split:
            trpr = r._tr.get_or_add_trPr()
            trpr.insert(0, OxmlElement("w:cantSplit"))
        for cell, w in zip(r.cells, widths_mm):
            cell.width = Mm(w)
        return r

    @staticmethod
    def clear(cell):
        """A new cell holds one empty paragraph; drop it once real content was added."""
        first = cell.paragraphs[0]
        if len(cell.paragraphs) > 1 and not first.text:
            first._p.getparent().remove(first._p)

    # ------------------------------------------------------------ parts
    def header(self, d, doc: Document):
        L, h = self.L, doc.header
        motto1, motto2 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
        two = bool(h.body_lines)
        widths = [L.header_left_mm, self.width_mm - L.header_left_mm] if two else [self.width_mm]
        t = self.table(d, widths, borders=False)
        top, bottom = self.row(t, widths), self.row(t, widths)
        right_top, right_bottom = top.cells[-1], bottom.cells[-1]
        m1 = L.motto_upper_size
        while m1 > 12 and pdfmetrics.stringWidth(motto1, self.bold_face, m1) > (widths[-1] - 2) * 72 / 25.4:
            m1 -= 0.5
        self.line(right_top, motto1, m1, bold=True)
        self.line(right_top, motto2, L.motto_lower_size, bold=True)
        self.rule(right_top, pdfmetrics.stringWidth(motto2, self.bold_face, L.motto_lower_size), widths[-1])
        if h.date_line:
            size = L.body_size
            italic = _registered_italic.get(self.family, self.family)
            while size > 13 and pdfmetrics.stringWidth(h.date_line, italic, size) > widths[-1] * 72 / 25.4:
                size -= 0.5
            self.line(right_bottom, h.date_line, size, italic=True)
        if two:
            left_top, left_bottom = top.cells[0], bottom.cells[0]
            for text, bold in h.body_lines:
                self.line(left_top, text, L.header_size, bold=bold)
            text, bold = h.body_lines[-1]
            w = min(pdfmetrics.stringWidth(text, self.bold_face if bold else self.family, L.header_size),
                    (widths[0] - 2) * 72 / 25.4)
            self.rule(left_top, w * 0.4, widths[0])
            if h.number_line:
                self.line(left_bottom, h.number_line, L.header_size)
        for c in list(top.cells) + list(bottom.cells):
            self.clear(c)

    def title(self, d, doc: Document):
        L, ti = self.L, doc.title
        self.line(d, ti.kind, L.title_size, bold=True, space_after=0).paragraph_format.space_before = Pt(14)
        for runs in ti.summary:
            self.add(d, runs, size=L.title_size, align="center", single=True, space_after=0)
        if ti.rule and ti.summary:
            first = "".join(r.text for r in ti.summary[0])
            w = min(pdfmetrics.stringWidth(first, self.bold_face, L.title_size), self.width_mm * 72 / 25.4)
            self.rule(d, w * 0.35, self.width_mm, space_before=2)
        self.add(d, [], size=6, single=True, space_after=0)

    def data_table(self, d, tb: Table):
        scale = self.width_mm / sum(tb.columns_mm)
        widths = [w * scale for w in tb.columns_mm]
        t = self.table(d, widths, borders=True)
        for r_index, row in enumerate(tb.header + tb.rows):
            r = self.row(t, widths, cant_split=True)   # a list row never splits across pages
            if r_index < len(tb.header):
                # Word repeats rows marked tblHeader at the top of every page.
                trpr = r._tr.get_or_add_trPr()
                h = OxmlElement("w:tblHeader")
                h.set(qn("w:val"), "true")
                trpr.append(h)
            col = 0
            for c in row:
                cell = r.cells[col]
                if c.span > 1:
                    cell = cell.merge(r.cells[col + c.span - 1])
                p = cell.paragraphs[0]
                self.fmt(p, align=c.align, size=tb.size, single=True, space_after=0)
                self.runs(p, c.runs, tb.size)
                if r_index < len(tb.header):
                    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
                col += c.span

    def signature_top(self, cell, s: Signature | None):
        if s is None:
            return
        for x in s.lines:
            self.line(cell, x, self.L.body_size, bold=True).paragraph_format.keep_with_next = True
        if s.note:
            self.line(cell, s.note, self.L.body_size, italic=True).paragraph_format.keep_with_next = True

    def signature_name(self, cell, s: Signature | None):
        if s is None:
            return
        gap = self.line(cell, "", self.L.body_size)
        gap.paragraph_format.space_before = Mm(s.space_mm - 6)
        gap.paragraph_format.keep_with_next = True
        self.line(cell, s.name, self.L.body_size, bold=True)

    def recipients(self, cell, items):
        L = self.L
        self.line(cell, "Nơi nhận:", L.recipients_title_size, align="left", bold=True, italic=True)
        for i, item in enumerate(items):
            end = "." if i == len(items) - 1 else ";"
            self.line(cell, f"- {item.rstrip(' ;.')}{end}", L.recipients_size, align="left")

    def closing(self, d, c: Closing, fingerprint: str):
        if c.left is not None:
            # One unsplittable row holds both signatures with their names: a signature never leaves its name.
            widths = [self.width_mm / 2] * 2
            t = self.table(d, widths, borders=False)
            row = self.row(t, widths, True)
            for cell, s in zip(row.cells, (c.left, c.right)):
                self.signature_top(cell, s)
                self.signature_name(cell, s)
            cells = list(row.cells)
            if c.recipients:           # Mẫu 1.9: "Nơi nhận" under the signatures
                extra = self.row(t, widths, True)
                merged = extra.cells[0].merge(extra.cells[1])
                merged.paragraphs[0].paragraph_format.space_before = Pt(10)
                self.recipients(merged, c.recipients)
                cells.append(merged)
        else:
            widths = [self.width_mm * 0.45, self.width_mm * 0.55]
            t = self.table(d, widths, borders=False)
            row = self.row(t, widths, True)
            left, right = row.cells
            if c.recipients:
                self.recipients(left, c.recipients)
            if fingerprint:
                p = self.line(left, fingerprint, 9, align="left", italic=True)
                p.paragraph_format.space_before = Pt(8)
            self.signature_top(right, c.right)
            self.signature_name(right, c.right)
            cells = [left, right]
        for cell in cells:
            self.clear(cell)
        return True

    def page_numbers(self, section):
        """PAGE field centred in the header of every page but the first (NĐ 30/2020)."""
        section.different_first_page_header_footer = True
        p = section.header.paragraphs[0]
        self.fmt(p, align="center", single=True, space_after=0)
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
        for header in (section.first_page_header, section.header):
            first = header.paragraphs[0]
            if first.text or first._p.findall(qn("w:fldSimple")):
                p = header.add_paragraph()
                first._p.addprevious(p._p)
            else:
                p = first
            self.fmt(p, align="right", single=True, space_after=0)
            run = p.add_run("DỰ THẢO")
            run.bold = True
            run.font.size = Pt(13)
            ppr = p._p.get_or_add_pPr()
            bdr = OxmlElement("w:pBdr")
            for side in ("top", "left", "bottom", "right"):
                e = OxmlElement(f"w:{side}")
                for k, v in (("w:val", "single"), ("w:sz", "8"), ("w:space", "1"), ("w:color", "000000")):
                    e.set(qn(k), v)
                bdr.append(e)
            ppr.insert_element_before(bdr, *_PBDR_SUCCESSORS)
            p.paragraph_format.left_indent = Mm(self.width_mm - 32)

    def render(self, doc: Document, created: datetime | None = None):
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
        if doc.page_numbers:
            self.page_numbers(sec)
        if doc.draft:
            sec.different_first_page_header_footer = True
            self.draft_mark(sec)
        props = d.core_properties
        props.title = doc.meta_title
        props.subject = doc.title.kind
        props.author = doc.author
        props.last_modified_by = doc.author
        props.language = LANGUAGE
        props.keywords = "DỰ THẢO" if doc.draft else ""
        # The real creation time (python-docx's template carries its own from 2013); an issued file keeps its own.
        when = (created or datetime.now()).replace(microsecond=0, tzinfo=None)
        props.created = when
        props.modified = when
        props.revision = 1
        self.header(d, doc)
        self.title(d, doc)
        placed = False
        for b in doc.blocks:
            if isinstance(b, Paragraph):
                self.add(d, b.runs, align=b.align, indent=b.indent, size=b.size, space_before=b.space_before,
                         keep_with_next=b.keep_with_next)
            elif isinstance(b, Table):
                self.data_table(d, b)
            elif isinstance(b, Closing):
                if d.paragraphs:       # the signature never starts a page alone
                    d.paragraphs[-1].paragraph_format.keep_with_next = True
                placed = self.closing(d, b, doc.fingerprint)
            elif isinstance(b, PageBreak):
                d.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        if doc.fingerprint and not placed:
            self.add(d, [Run(doc.fingerprint, italic=True)], size=9, align="left")
        return d


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
    """Write `doc` as .docx to the binary stream `out`."""
    _DocxRenderer(layout, font).render(doc, created).save(out)
