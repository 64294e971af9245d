"""The one document model both renderers read: header, title, blocks (paragraphs, tables, signatures)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Literal, Union

Align = Literal["left", "center", "right", "justify"]


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False


_TAG = re.compile(r"(</?[bi]>)")


def parse_markup(markup: str, values: dict[str, object] | None = None) -> tuple[Run, ...]:
    """Template text with <b>…</b> and <i>…</i> → runs; {placeholders} are filled *after* parsing,
    so a user's text containing "<" or "{" can never change formatting or raise."""
    runs: list[Run] = []
    bold = italic = False
    for piece in _TAG.split(markup):
        if piece == "<b>":
            bold = True
        elif piece == "</b>":
            bold = False
        elif piece == "<i>":
            italic = True
        elif piece == "</i>":
            italic = False
        elif piece:
            text = piece.format_map(values) if values is not None else piece
            runs.append(Run(unicodedata.normalize("NFC", text), bold, italic))
    return tuple(r for r in runs if r.text)


_RANGE = re.compile(r"(?<=\d) - (?=\d)")


def keep_ranges(text: str) -> str:
    """'2022 - 2025' never breaks across lines: the spaces around a dash between numbers become non-breaking."""
    return _RANGE.sub("\u00a0-\u00a0", text)


def runs_text(runs: tuple[Run, ...]) -> str:
    return "".join(r.text for r in runs)


@dataclass(frozen=True)
class Paragraph:
    runs: tuple[Run, ...]
    align: Align = "justify"
    indent: bool = True                # first-line indent (body text)
    size: float | None = None          # None → the layout's body size
    space_before: float = 0            # points, on top of the layout's paragraph spacing
    keep_with_next: bool = False

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(frozen=True)
class Cell:
    runs: tuple[Run, ...]
    align: Align = "left"
    span: int = 1                      # columns this cell covers (section rows in lists)

    @property
    def text(self) -> str:
        return runs_text(self.runs)


@dataclass(frozen=True)
class Table:
    columns_mm: tuple[float, ...]      # widths; scaled to the text width when they do not add up
    header: tuple[tuple[Cell, ...], ...]  # header rows, repeated on every page
    rows: tuple[tuple[Cell, ...], ...]
    size: float = 12


@dataclass(frozen=True)
class Signature:
    """One signature column: authority line(s), title, a note in italics, blank space, the name."""

    lines: tuple[str, ...]             # bold capitals: ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    name: str
    note: str = ""                     # "(Ký, ghi rõ họ và tên)"
    space_mm: float = 28               # room for the signature and the seal


@dataclass(frozen=True)
class Closing:
    """The last block: "Nơi nhận" (left, optional) and signatures (right, or left and right)."""

    recipients: tuple[str, ...] = ()   # items without the leading "- " and trailing ";"
    right: Signature | None = None
    left: Signature | None = None      # second signature (biên bản: secretary; báo cáo: confirmation)
    # With two signatures, "Nơi nhận" goes under them (NĐ 30/2020 Phụ lục III, Mẫu 1.9).


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Chart:
    """A bar chart (documents/charts.py draws it in the PDF); the .docx carries its figures as a small table."""

    title: str
    labels: tuple[str, ...]
    series: tuple[tuple[int, ...], ...]        # one or two series of values, one value per label
    kind: str = "hbar"                         # hbar (long labels) | bar (years)
    legend: tuple[str, ...] = ()               # the series' names when there are two


Block = Union[Paragraph, Table, Closing, PageBreak, Chart]


@dataclass(frozen=True)
class Header:
    """The two-column header of NĐ 30/2020: issuing body | national motto, then Số | place and date."""

    body_lines: tuple[tuple[str, bool], ...]  # (text, bold); empty → motto alone, centred
    number_line: str = ""              # "Số: 05/TTr-UBND" ("" → none)
    date_line: str = ""                # "Quang Thuận, ngày 05 tháng 02 năm 2026" ("" → none)


@dataclass(frozen=True)
class Title:
    kind: str                          # "TỜ TRÌNH"
    summary: tuple[tuple[Run, ...], ...] = ()  # bold lines under it
    rule: bool = True                  # short rule under the summary


@dataclass(frozen=True)
class Document:
    header: Header
    title: Title
    blocks: tuple[Block, ...]
    meta_title: str = ""               # PDF /Title and docx core property
    page_numbers: bool = True          # centred in the top margin, from page 2
    fingerprint: str = ""              # small line at the end (signer key fingerprint)
    draft: bool = False                # "DỰ THẢO" on every page; no number
    author: str = ""                   # the issuing commune (PDF author, .docx creator)

    def plain_lines(self) -> list[str]:
        """Every text the document prints, one item per paragraph/cell, for tests and search."""
        out = [t for t, _ in self.header.body_lines]
        out += [x for x in (self.header.number_line, self.header.date_line, self.title.kind) if x]
        out += [runs_text(s) for s in self.title.summary]
        for b in self.blocks:
            if isinstance(b, Paragraph):
                out.append(b.text)
            elif isinstance(b, Table):
                for row in b.header + b.rows:
                    out += [c.text for c in row]
            elif isinstance(b, Chart):
                out.append(b.title)
            elif isinstance(b, Closing):
                out += list(b.recipients)
                for s in (b.left, b.right):
                    if s:
                        out += list(s.lines) + [s.note, s.name]
        if self.fingerprint:
            out.append(self.fingerprint)
        return [x for x in out if x]


@dataclass(frozen=True)
class Layout:
    """Page geometry and type sizes (NĐ 30/2020 Phụ lục I), read from resources/templates/layout_*.json."""

    page: tuple[float, float] = (210.0, 297.0)
    margin_top: float = 20
    margin_bottom: float = 20
    margin_left: float = 30
    margin_right: float = 15
    body_size: float = 14
    header_size: float = 13
    motto_upper_size: float = 13
    motto_lower_size: float = 14
    title_size: float = 14
    recipients_title_size: float = 12
    recipients_size: float = 11
    page_number_size: float = 13
    line_spacing: float = 1.2
    paragraph_spacing: float = 6
    first_line_indent_mm: float = 10
    header_left_mm: float = 65
    docx_font: str = "Times New Roman"
    extra: dict = field(default_factory=dict)

    @property
    def text_width_mm(self) -> float:
        return self.page[0] - self.margin_left - self.margin_right
