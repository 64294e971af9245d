"""Document templates are data: resources/templates/<id>.json (wording, form numbers, căn cứ) + a layout file."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any

import msgspec

from ..decoding import DecodeProblem, decode_json
from ..errors import UserError
from ..resources import resource_path
from .model import Layout

DEFAULT_TEMPLATE_SET = "chuyen_de_nd152_2025"
REQUIRED_DOCUMENTS = ("to_trinh", "danh_sach", "bao_cao", "bien_ban", "quyet_dinh", "danh_sach_quyet_dinh",
                      "danh_sach_chi_thuong", "phieu_gui")
REWARDS = "rewards_nd152_2025"


@dataclass(frozen=True)
class TemplateSet:
    id: str
    version: int
    data: dict
    layout: Layout
    font: dict                         # family name and the four TTF file names (PDF only)

    def doc(self, name: str) -> dict:
        return self.data["documents"][name]

    def legal(self, name: str) -> tuple[str, ...]:
        """Registry keys (resources/legal/) a document cites as its căn cứ, in order."""
        return tuple(self.doc(name).get("legal", ()))

    def cited_sources(self) -> set[str]:
        """Every registry key the template set names (its sources and each document's căn cứ)."""
        keys = set(self.data.get("sources", ()))
        for name in self.data["documents"]:
            keys |= set(self.legal(name))
        return keys

    @property
    def words(self) -> dict[str, str]:
        return self.data.get("words", {})


Size = Annotated[float, msgspec.Meta(gt=0, le=400)]


class _Margins(msgspec.Struct):
    top: Size
    bottom: Size
    left: Size
    right: Size


class _Sizes(msgspec.Struct):
    body: Size
    header: Size
    motto_upper: Size
    motto_lower: Size
    title: Size
    recipients_title: Size
    recipients: Size
    page_number: Size


class _Font(msgspec.Struct):
    family: Annotated[str, msgspec.Meta(min_length=1, max_length=100)]
    files: dict[str, Annotated[str, msgspec.Meta(min_length=1, max_length=200)]]


class LayoutFile(msgspec.Struct):
    """resources/templates/layout_*.json: the shape and the bounds of every value the renderers read."""

    margins_mm: _Margins
    sizes_pt: _Sizes
    pdf_font: _Font
    page_mm: Annotated[list[Size], msgspec.Meta(min_length=2, max_length=2)] = msgspec.field(
        default_factory=lambda: [210, 297])
    line_spacing: Annotated[float, msgspec.Meta(ge=0.5, le=5)] = 1.2
    paragraph_spacing_pt: Annotated[float, msgspec.Meta(ge=0, le=100)] = 6
    first_line_indent_mm: Annotated[float, msgspec.Meta(ge=0, le=100)] = 10
    header_left_mm: Annotated[float, msgspec.Meta(ge=0, le=200)] = 65
    docx_font: Annotated[str, msgspec.Meta(min_length=1, max_length=100)] = "Times New Roman"


class TemplateSetFile(msgspec.Struct):
    """resources/templates/<set>.json: the shape of what the documents read (their wording stays free-form)."""

    documents: dict[str, dict[str, Any]]
    version: Annotated[int, msgspec.Meta(ge=1, le=1_000_000)] = 1
    layout: Annotated[str, msgspec.Meta(pattern=r"^[0-9a-z_]{1,80}\Z")] = "layout_nd30_2020"
    legal_bases: dict[str, str] = msgspec.field(default_factory=dict)
    words: dict[str, str] = msgspec.field(default_factory=dict)


MAX_TEMPLATE_BYTES = 4 << 20


def _read_json(path: Path, name: str, type_=dict):
    """A template file decoded into its declared shape: a clear message, never a traceback, for any other."""
    if not path.is_file():
        raise UserError("documents.template_missing", name=name)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_TEMPLATE_BYTES + 1)
        if len(raw) > MAX_TEMPLATE_BYTES:
            raise DecodeProblem(f"tệp lớn hơn {MAX_TEMPLATE_BYTES >> 20} MB")
        data = decode_json(raw, dict[str, Any])
        if type_ is not dict:
            decode_json(raw, type_)        # the shape and bounds; the renderers read the plain dict
        return data
    except DecodeProblem as exc:
        raise UserError("documents.template_invalid", name=name, detail=exc.text) from exc
    except OSError as exc:
        raise UserError("documents.template_invalid", name=name, detail=exc.strerror or str(exc)) from exc


def _layout(raw: dict) -> Layout:
    m, s = raw["margins_mm"], raw["sizes_pt"]
    return Layout(
        page=tuple(raw.get("page_mm", (210, 297))),
        margin_top=m["top"], margin_bottom=m["bottom"], margin_left=m["left"], margin_right=m["right"],
        body_size=s["body"], header_size=s["header"], motto_upper_size=s["motto_upper"],
        motto_lower_size=s["motto_lower"], title_size=s["title"],
        recipients_title_size=s["recipients_title"], recipients_size=s["recipients"],
        page_number_size=s["page_number"],
        line_spacing=raw.get("line_spacing", 1.2),
        paragraph_spacing=raw.get("paragraph_spacing_pt", 6),
        first_line_indent_mm=raw.get("first_line_indent_mm", 10),
        header_left_mm=raw.get("header_left_mm", 65),
        docx_font=raw.get("docx_font", "Times New Roman"),
    )


def load_template_set(set_id: str = DEFAULT_TEMPLATE_SET, root: Path | None = None) -> TemplateSet:
    """Read and check a template set; `root` lets tests point at another folder. Cached per (id, root)."""
    return _load(set_id, str(root) if root else "")


@lru_cache(maxsize=8)
def _load(set_id: str, root: str) -> TemplateSet:
    base = Path(root) if root else resource_path("templates")
    data = _read_json(base / f"{set_id}.json", set_id, TemplateSetFile)
    layout_id = data.get("layout", "layout_nd30_2020")
    raw_layout = _read_json(base / f"{layout_id}.json", layout_id, LayoutFile)
    missing = [d for d in REQUIRED_DOCUMENTS if d not in data.get("documents", {})]
    if missing:
        raise UserError("documents.template_invalid", name=set_id, detail="thiếu " + ", ".join(missing))
    try:
        layout = _layout(raw_layout)
        font = raw_layout["pdf_font"]
    except (KeyError, TypeError) as exc:
        raise UserError("documents.template_invalid", name=layout_id, detail=f"thiếu {exc}") from exc
    return TemplateSet(id=set_id, version=int(data.get("version", 1)), data=data, layout=layout, font=font)


@lru_cache(maxsize=4)
def load_rewards(root: str = "") -> dict:
    """Prize money as data (resources/templates/rewards_*.json): coefficients of the base salary per award form."""
    base = Path(root) if root else resource_path("templates")
    return _read_json(base / f"{REWARDS}.json", REWARDS)
