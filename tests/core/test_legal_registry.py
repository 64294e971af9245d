"""One registry of legal sources: every citation of the templates, criteria sets, campaigns and screens is a key of
resources/legal/sources.json, rendered in the NĐ 30/2020 form; nothing cites a source not in force on its date."""
from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core import legal
from desktop_app.core.documents import load_template_set
from desktop_app.core.errors import UserError
from desktop_app.core.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
# A document number of a law, decree or circular typed as text ("152/2025/NĐ-CP", "06/2022/QH15", "15/2025/TT-BNV").
TYPED_CITATION = re.compile(r"\b\d{1,4}/(19|20)\d\d/(NĐ-CP|QH\d+|TT-[A-ZĐ]+|QĐ-TTg)")


def test_every_entry_says_where_it_was_read_and_what_was_not_verified():
    reg = legal.registry()
    assert {"luat_tdkt_2022", "nd_152_2025", "nd_98_2023", "luat_tcchqdp_2025"} <= set(reg)
    for key, s in reg.items():
        assert s.read_at, key
        assert s.number and s.kind and s.issuer, key
        assert set(s.verified) <= {"kind", "number", "date", "issuer", "title", "effective_from"}, key
    for key, s in reg.items():
        for replaced in s.replaces:
            assert replaced in reg and reg[replaced].effective_to is not None, (key, replaced)
            assert reg[replaced].effective_to < s.effective_from, (key, replaced)


def test_citations_in_the_form_of_nd_30():
    assert legal.source("nd_152_2025").citation() == (
        "Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong "
        "lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen "
        "thưởng")
    assert legal.source("luat_tdkt_2022").citation() == "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022"
    assert legal.source("luat_tdkt_2022").reference("Điều 75 khoản 1") == \
        "Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 75 khoản 1"
    with pytest.raises(UserError) as e:
        legal.source("nd_28_2024").citation()                 # date and title not verified: never printed
    assert e.value.code == "legal.incomplete"
    with pytest.raises(UserError) as e:
        legal.source("khong_co")
    assert e.value.code == "legal.unknown_source"


def test_in_force_on_the_documents_date():
    nd98, nd152 = legal.source("nd_98_2023"), legal.source("nd_152_2025")
    assert nd98.in_force(date(2025, 6, 30)) and not nd98.in_force(date(2025, 7, 1))
    assert nd152.in_force(date(2025, 7, 1)) and not nd152.in_force(date(2025, 6, 30))
    legal.require_in_force(["nd_152_2025"], date(2026, 3, 1))
    with pytest.raises(UserError) as e:
        legal.require_in_force(["nd_98_2023"], date(2026, 3, 1), "Tờ trình")
    assert e.value.code == "legal.not_in_force" and "98/2023" in str(e.value)


def test_templates_cite_registry_keys_in_force_and_complete():
    t = load_template_set()
    keys = t.cited_sources()
    assert {"luat_tdkt_2022", "nd_152_2025"} <= keys
    for name in t.data["documents"]:
        for key in t.legal(name):
            s = legal.source(key)
            assert s.complete and s.in_force(date(2026, 1, 1)), (name, key)
    assert legal.source(json.loads(resource_path("templates", "rewards_nd152_2025.json").read_text(
        encoding="utf-8"))["source"])


def _json_files():
    for folder in ("templates", "criteria", "campaigns", "messages"):
        yield from resource_path(folder).glob("*.json")


def _walk_citations(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "citation":
                yield v
            yield from _walk_citations(v)
    elif isinstance(node, list):
        for v in node:
            yield from _walk_citations(v)


def test_criteria_cite_by_registry_key_only():
    for path in resource_path("criteria").glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        found = list(_walk_citations(data))
        assert found, path.name
        for c in found:
            assert isinstance(c, dict) and c["source"] in legal.registry(), (path.name, c)
        for b in data.get("legal_basis", []):
            if b["kind"] in ("law", "decree", "circular"):
                assert "source" in b and "text" not in b and b["source"] in legal.registry(), (path.name, b)


def test_no_citation_is_typed_outside_the_registry():
    offenders = []
    for path in _json_files():
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if TYPED_CITATION.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{line_no}: {line.strip()[:90]}")
    for path in (ROOT / "desktop_app" / "ui").glob("*.py"):
        for line_no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if TYPED_CITATION.search(line):
                offenders.append(f"{path.relative_to(ROOT)}:{line_no}: {line.strip()[:90]}")
    assert offenders == []
