"""The whole dossier of a round: every document as (ASCII file name, PDF or .docx bytes)."""
from __future__ import annotations

import io
import re
from dataclasses import replace
from typing import Callable, Iterable

from ..errors import UserCancelled
from ..text import fold
from .compose import COMPOSERS, compose_bao_cao
from .inputs import Dossier
from .model import Document
from .numbering import NumberAllocator
from .render_docx import render_docx
from .render_pdf import render_pdf
from .templates import TemplateSet, load_template_set

Progress = Callable[[int, int, str], None]
FORMATS = ("pdf", "docx")


def ascii_name(text: str, limit: int = 60) -> str:
    """'Hà Thị Ngọc Ánh' → 'Ha_Thi_Ngoc_Anh' (safe on FAT32 USB sticks and in zip files)."""
    folded = fold(text)
    words = re.findall(r"[0-9a-z]+", folded)
    original = re.findall(r"\w+", text)
    # fold() lower-cases; keep the capitals of the original words.
    out = []
    for w, o in zip(words, original + [""] * len(words)):
        out.append(w.capitalize() if o[:1].isupper() else w)
    return "_".join(out)[:limit].rstrip("_") or "x"


def _names(d: Dossier, t: TemplateSet) -> list[str]:
    names: list[str] = []
    if d.proposed():
        names += t.data["dossiers"]["propose"]
    if d.decision is not None and d.decided_here():
        names += [n for n in t.data["dossiers"]["decide"] if n not in names]
    if d.meeting is None:
        names = [n for n in names if n != "bien_ban"]
    if d.reward is None:
        names = [n for n in names if n != "danh_sach_chi_thuong"]
    cover = t.data["dossiers"].get("cover")
    if cover and names and not d.proposed():
        # A dossier that goes up without a Tờ trình still travels with a cover letter carrying the key's fingerprint.
        names.append(cover)
    return names


def dossier_parts(d: Dossier, t: TemplateSet) -> list[tuple[str, Callable[[], Document]]]:
    """(file stem, composer) in dossier order; which documents come from the template's dossier lists."""
    return [(stem, compose) for stem, compose, _unit in dossier_units(d, t)]


def dossier_units(d: Dossier, t: TemplateSet) -> list[tuple[str, Callable[[], Document], str]]:
    """(file stem, composer, issue unit) in dossier order. The issue unit is the numbered document a file is issued
    with (template `issue_units`): the list and the reports go with the Tờ trình that sends them, the lists of a
    decision with the decision."""
    files = t.data["files"]
    units = t.data["issue_units"]
    unit_of = {name: code for code, names in units.items() for name in names if name != "bao_cao"}
    proposed = {n.key for n in d.proposed()}
    parts: list[tuple[str, Callable[[], Document], str]] = []
    seq = 0
    for name in _names(d, t):
        seq += 1
        if name == "bao_cao":
            for i, n in enumerate(d.reported(), 1):
                stem = files["bao_cao"].format(index=f"{i:02d}", name=ascii_name(n.name))
                unit = "to_trinh" if n.key in proposed else "quyet_dinh"
                parts.append((f"{seq:02d}_{stem}", lambda n=n: compose_bao_cao(d, t, n), unit))
        else:
            parts.append((f"{seq:02d}_{files[name]}", lambda name=name: COMPOSERS[name](d, t), unit_of[name]))
    return parts


def assign_numbers(d: Dossier, allocator: NumberAllocator, t: TemplateSet | None = None) -> Dossier:
    """Give the Tờ trình, biên bản and quyết định a number where they have none yet.

    Call it once when the documents are *issued* (not for every preview): each call to the
    allocator burns a number for good. Returns a new Dossier; store the numbers it carries.
    """
    t = t or load_template_set()
    c = d.commune
    r = d.round
    if r.submission_number is None and d.proposed():
        code = f"{t.doc('to_trinh')['type_code']}-{c.number_suffix}"
        r = replace(r, submission_number=allocator.allocate(code, (r.submitted_on.year if r.submitted_on else r.year)))
    m = d.meeting
    if m is not None and m.number is None:
        m = replace(m, number=allocator.allocate(f"{t.doc('bien_ban')['type_code']}-{c.council_suffix}", m.held_on.year))
    dec = d.decision
    if dec is not None and dec.number is None:
        year = dec.issued_on.year if dec.issued_on else r.year
        dec = replace(dec, number=allocator.allocate(f"{t.doc('quyet_dinh')['type_code']}-{c.number_suffix}", year))
    return replace(d, round=r, meeting=m, decision=dec)


def render(doc: Document, fmt: str, t: TemplateSet, *, invariant: bool = False, author: str = "",
           created=None) -> bytes:
    buf = io.BytesIO()
    if fmt == "pdf":
        render_pdf(doc, buf, t.layout, t.font, invariant=invariant, author=author or doc.author)
    elif fmt == "docx":
        render_docx(doc, buf, t.layout, t.font, created=created)
    else:
        raise ValueError(fmt)
    return buf.getvalue()


def build_dossier(d: Dossier, *, template: TemplateSet | None = None, formats: Iterable[str] = FORMATS,
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                  invariant: bool = False, units: Iterable[str] | None = None, created=None
                  ) -> list[tuple[str, bytes]]:
    """Every document of the round in every format, in dossier order.

    `progress(done, total, label)` is called before each file and once at the end; `cancelled()` is
    polled between files and the build stops with UserCancelled when it returns True. No widget is
    touched and nothing is written to disk: the caller saves the bytes (or zips them).
    """
    t = template or load_template_set()
    formats = tuple(formats)
    wanted = set(units) if units is not None else None
    parts = [(stem, compose) for stem, compose, unit in dossier_units(d, t) if wanted is None or unit in wanted]
    total = len(parts) * len(formats)
    done = 0
    out: list[tuple[str, bytes]] = []
    for stem, compose in parts:
        doc = None
        for fmt in formats:
            if cancelled is not None and cancelled():
                raise UserCancelled()
            if progress is not None:
                progress(done, total, f"{stem}.{fmt}")
            doc = doc or compose()
            out.append((f"{stem}.{fmt}", render(doc, fmt, t, invariant=invariant, author=d.commune.name,
                                                created=created)))
            done += 1
    if progress is not None:
        progress(done, total, "")
    return out
