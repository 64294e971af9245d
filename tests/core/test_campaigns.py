"""Campaigns as data files: the shipped KH 635, broken files reported by name, a new file adds a campaign."""
from __future__ import annotations

import hashlib
import json
import shutil
import unicodedata
from datetime import date

import pytest

from desktop_app.core.register.campaigns import (content_text, field_text, list_campaigns, read_campaign_files,
                                                 sync_campaigns)
from desktop_app.core.resources import resource_path
from desktop_app.core.storage.models import Campaign
from desktop_app.core.vocabulary import AWARD_FORMS

SHIPPED = resource_path("campaigns", "kh-635-2022-bac-kan-cds.json")


def shipped() -> dict:
    return json.loads(SHIPPED.read_text(encoding="utf-8"))


def test_shipped_kh_635_loads(session):
    assert session.problems == []
    c = Campaign.get(Campaign.code == "KH-635-2022-BK")
    assert c.number == "635/KH-UBND"
    assert c.issued_on == date(2022, 10, 10)
    assert "Bắc Kạn" in c.issuer
    assert (c.period_start, c.period_end) == (2022, 2025)
    assert [x["code"] for x in c.data["contents"]] == ["ND1", "ND2", "ND3", "ND4", "ND5"]
    assert len(c.data["priority_fields"]) == 10
    assert len(c.data["award_forms"]) == 2
    assert c.source
    assert field_text(c, "LV03") == "Y tế"
    assert content_text(c, "ND9") == "ND9"


def test_every_shipped_campaign_file_is_valid():
    campaigns, problems = read_campaign_files(resource_path("campaigns"))
    assert problems == []
    assert len(campaigns) == len(list(resource_path("campaigns").glob("*.json")))


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "campaigns"
    d.mkdir()
    shutil.copy(SHIPPED, d / "a-good.json")
    return d


def test_broken_file_reported_by_name_good_one_still_loads(folder):
    (folder / "hong.json").write_text('{"code": "X", ', encoding="utf-8")
    missing = shipped()
    del missing["contents"]
    missing["code"] = "KH-MISSING"
    (folder / "thieu-truong.json").write_text(json.dumps(missing), encoding="utf-8")
    dup = shipped()
    dup["code"] = "KH-DUP"
    dup["contents"].append(dict(dup["contents"][0]))
    (folder / "trung-ma.json").write_text(json.dumps(dup), encoding="utf-8")
    (folder / "latin1.json").write_bytes('{"title": "Kế hoạch"}'.encode("utf-16"))

    campaigns, problems = read_campaign_files(folder)
    assert [c.code for c in campaigns] == ["KH-635-2022-BK"]
    (good,) = campaigns
    assert good.file == "a-good.json"
    assert good.sha256 == hashlib.sha256((folder / "a-good.json").read_bytes()).hexdigest()
    assert good.content.number == "635/KH-UBND" and good.content.issued_on == date(2022, 10, 10)
    assert sorted(p.file for p in problems) == ["hong.json", "latin1.json", "thieu-truong.json", "trung-ma.json"]
    for p in problems:
        assert p.file in p.text
    assert "contents" in next(p.detail for p in problems if p.file == "thieu-truong.json")


def test_sync_skips_bad_files(session, folder):
    (folder / "hong.json").write_text("not json at all", encoding="utf-8")
    problems = sync_campaigns(session, folder)
    assert [p.file for p in problems] == ["hong.json"]
    assert [c.code for c in list_campaigns(session)] == ["KH-635-2022-BK"]


def test_adding_a_file_adds_a_campaign(session, folder):
    second = shipped()
    second.update(code="KH-12-2026-TQ", number="12/KH-UBND", issued_on="2026-01-15",
                  title=unicodedata.normalize("NFD", "Thi đua thực hiện chuyển đổi số năm 2026"),
                  period_start=2026, period_end=2026)
    (folder / "kh-12-2026.json").write_text(json.dumps(second, ensure_ascii=False), encoding="utf-8")
    assert sync_campaigns(session, folder) == []
    assert [c.code for c in list_campaigns(session)] == ["KH-12-2026-TQ", "KH-635-2022-BK"]  # newest first
    added = Campaign.get(Campaign.code == "KH-12-2026-TQ")
    assert added.title == "Thi đua thực hiện chuyển đổi số năm 2026"  # stored NFC
    # Syncing again changes nothing; an edited file updates its campaign in place.
    sync_campaigns(session, folder)
    assert Campaign.select().count() == 2
    second["number"] = "12/KH-UBND (sửa đổi)"
    (folder / "kh-12-2026.json").write_text(json.dumps(second, ensure_ascii=False), encoding="utf-8")
    sync_campaigns(session, folder)
    assert Campaign.select().count() == 2
    assert Campaign.get_by_id(added.id).number == "12/KH-UBND (sửa đổi)"


def test_removed_file_keeps_campaign(session, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    assert sync_campaigns(session, empty) == []
    assert Campaign.select().count() == 1  # achievements refer to it; never deleted


def test_shipped_award_forms_use_the_unified_codes(session):
    c = Campaign.get(Campaign.code == "KH-635-2022-BK")
    assert [f["code"] for f in c.data["award_forms"]] == ["bang_khen_tinh", "giay_khen"]
    assert all(f["code"] in AWARD_FORMS for f in c.data["award_forms"])


def test_old_award_form_spellings_read_as_todays_codes(session, folder):
    older = shipped()
    older["award_forms"][0]["code"] = "bang_khen_chu_tich_tinh"
    older["award_forms"][1]["code"] = "GIAY_KHEN"
    (folder / "a-good.json").write_text(json.dumps(older, ensure_ascii=False), encoding="utf-8")
    campaigns, problems = read_campaign_files(folder)
    assert problems == []
    assert [f.code for f in campaigns[0].content.award_forms] == ["bang_khen_tinh", "giay_khen"]
    sync_campaigns(session, folder)
    stored = Campaign.get(Campaign.code == "KH-635-2022-BK")
    assert [f["code"] for f in stored.data["award_forms"]] == ["bang_khen_tinh", "giay_khen"]
