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


def dossier_parts(d: Dossier, t: TemplateSet) -> list[tuple[str, Callable[[], Document]]]:
    """(file stem, composer) in dossier order; which documents come from the template's dossier lists."""
    names: list[str] = []
    if d.proposed():
        names += t.data["dossiers"]["propose"]
    if d.decision is not None and d.decided_here():
        names += [n for n in t.data["dossiers"]["decide"] if n not in names]
    if d.meeting is None:
        names = [n for n in names if n != "bien_ban"]
    files = t.data["files"]
    parts: list[tuple[str, Callable[[], Document]]] = []
    seq = 0
    for name in names:
        seq += 1
        if name == "bao_cao":
            for i, n in enumerate(d.reported(), 1):
                stem = files["bao_cao"].format(index=f"{i:02d}", name=ascii_name(n.name))
                parts.append((f"{seq:02d}_{stem}", lambda n=n: compose_bao_cao(d, t, n)))
        else:
            parts.append((f"{seq:02d}_{files[name]}", lambda name=name: COMPOSERS[name](d, t)))
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


def render(doc: Document, fmt: str, t: TemplateSet, *, invariant: bool = False, author: str = "") -> bytes:
    buf = io.BytesIO()
    if fmt == "pdf":
        render_pdf(doc, buf, t.layout, t.font, invariant=invariant, author=author)
    elif fmt == "docx":
        render_docx(doc, buf, t.layout, t.font)
    else:
        raise ValueError(fmt)
    return buf.getvalue()


def build_dossier(d: Dossier, *, template: TemplateSet | None = None, formats: Iterable[str] = FORMATS,
                  progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                  invariant: bool = False) -> list[tuple[str, bytes]]:
    """Every document of the round in every format, in dossier order.

    `progress(done, total, label)` is called before each file and once at the end; `cancelled()` is
    polled between files and the build stops with UserCancelled when it returns True. No widget is
    touched and nothing is written to disk: the caller saves the bytes (or zips them).
    """
    t = template or load_template_set()
    formats = tuple(formats)
    parts = dossier_parts(d, t)
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
            out.append((f"{stem}.{fmt}", render(doc, fmt, t, invariant=invariant, author=d.commune.name)))
            done += 1
    if progress is not None:
        progress(done, total, "")
    return out
