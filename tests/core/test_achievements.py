"""Achievements in a campaign, and evidence files copied into the workspace (content-addressed, SHA-256)."""
from __future__ import annotations

import hashlib
import unicodedata
from datetime import date

import pytest

from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.register.achievements import (achievement_form_values, add_evidence, evidence_path,
                                                    list_achievements, list_evidence, remove_evidence, save_achievement,
                                                    set_archived, validate_achievement)
from desktop_app.core.register.participants import save_participant
from desktop_app.core.storage.models import Achievement, Campaign, EvidenceFile

PDF = b"%PDF-1.4\n% bien ban nghiem thu\n" + bytes(range(256)) * 40


@pytest.fixture
def campaign(workspace):
    return Campaign.get(Campaign.code == "KH-635-2022-BK")


@pytest.fixture
def participant(commune):
    return save_participant(commune, {"kind": "individual", "category": "cong_chuc", "name": "Nguyễn Văn Đức",
                                      "gender": "nam", "birth_date": "12/03/1988"})


def values(campaign, **extra):
    base = {"campaign_id": campaign.id, "title": "Triển khai Tổ công nghệ số cộng đồng",
            "description": "Hướng dẫn người dân cài VNeID", "results": "Hướng dẫn 320 hộ",
            "content_codes": ["ND5", "ND1"], "field_codes": ["LV10"],
            "date_from": "01/01/2024", "date_to": "31/12/2024"}
    base.update(extra)
    return base


def errors_of(vals, campaign) -> dict[str, str]:
    with pytest.raises(ValidationError) as info:
        validate_achievement(vals, campaign)
    return info.value.fields


def test_save_and_read_back(participant, campaign):
    a = save_achievement(participant, values(campaign))
    stored = Achievement.get_by_id(a.id)
    assert stored.participant_id == participant.id
    assert stored.commune_id == participant.commune_id
    assert stored.campaign_id == campaign.id
    assert stored.content_codes == ["ND1", "ND5"]
    assert stored.field_codes == ["LV10"]
    assert (stored.date_from, stored.date_to) == (date(2024, 1, 1), date(2024, 12, 31))
    assert "cong nghe so" in stored.search_text
    assert achievement_form_values(stored)["date_to"] == "31/12/2024"
    assert [x.id for x in list_achievements(participant)] == [a.id]


def test_edit_and_archive(participant, campaign):
    a = save_achievement(participant, values(campaign))
    save_achievement(participant, values(campaign, title="Số hóa hồ sơ hộ tịch"), achievement_id=a.id)
    assert Achievement.select().count() == 1
    assert Achievement.get_by_id(a.id).title == "Số hóa hồ sơ hộ tịch"
    set_archived(a, True)
    assert list_achievements(participant) == []
    assert [x.id for x in list_achievements(participant, include_archived=True)] == [a.id]


def test_text_stored_nfc(participant, campaign):
    a = save_achievement(participant, values(campaign, title=unicodedata.normalize("NFD", "Ứng dụng sổ sức khỏe")))
    assert Achievement.get_by_id(a.id).title == "Ứng dụng sổ sức khỏe"


def test_date_range_order(campaign):
    assert errors_of(values(campaign, date_from="01/06/2024", date_to="31/05/2024"), campaign) == \
        {"date_to": "date.range_order"}
    validate_achievement(values(campaign, date_from="01/06/2024", date_to="01/06/2024"), campaign)
    validate_achievement(values(campaign, date_from="01/06/2024", date_to=""), campaign)
    assert errors_of(values(campaign, date_from="31/02/2024"), campaign) == {"date_from": "date.invalid"}


def test_required_title_and_campaign(campaign):
    assert errors_of(values(campaign, title=" "), campaign) == {"title": "field.required"}
    assert errors_of(values(campaign), None) == {"campaign_id": "achievement.campaign_required"}


def test_unknown_content_or_field_codes_refused(campaign):
    assert errors_of(values(campaign, content_codes=["ND1", "ND9"]), campaign) == \
        {"content_codes": "field.invalid_choice"}
    assert errors_of(values(campaign, field_codes=["LV99"]), campaign) == {"field_codes": "field.invalid_choice"}
    # A priority field code is not a content code.
    assert errors_of(values(campaign, content_codes=["LV01"]), campaign) == {"content_codes": "field.invalid_choice"}


def test_nothing_saved_when_invalid(workspace, participant, campaign):
    with pytest.raises(ValidationError):
        save_achievement(participant, values(campaign, field_codes=["LV99"]))
    with pytest.raises(ValidationError):
        save_achievement(participant, values(campaign, campaign_id=None))
    assert Achievement.select().count() == 0
    assert workspace.db.execute_sql("SELECT count(*) FROM achievement_fts").fetchone()[0] == 0


# --- evidence -----------------------------------------------------------------------------------------

@pytest.fixture
def usb(tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    source = stick / "Biên bản nghiệm thu.PDF"
    source.write_bytes(PDF)
    return source


def test_evidence_copied_with_sha256_and_survives_the_original(workspace, participant, campaign, usb):
    a = save_achievement(participant, values(campaign))
    ev = add_evidence(workspace.paths.evidence_dir, participant, usb, achievement=a, note="Bản chụp")
    expected = hashlib.sha256(PDF).hexdigest()
    assert ev.sha256 == expected
    assert ev.size == len(PDF)
    assert ev.original_name == "Biên bản nghiệm thu.PDF"
    stored = evidence_path(workspace.paths.evidence_dir, ev)
    assert stored.is_relative_to(workspace.paths.evidence_dir)
    assert stored.suffix == ".pdf"
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == expected

    usb.unlink()  # the stick leaves
    again = EvidenceFile.get_by_id(ev.id)
    assert evidence_path(workspace.paths.evidence_dir, again).read_bytes() == PDF
    assert [e.id for e in list_evidence(a)] == [ev.id]
    assert not list(workspace.paths.evidence_dir.rglob("*.part"))


def test_same_content_stored_once(workspace, participant, usb, tmp_path):
    copy = tmp_path / "ban-sao.pdf"
    copy.write_bytes(PDF)
    first = add_evidence(workspace.paths.evidence_dir, participant, usb)
    second = add_evidence(workspace.paths.evidence_dir, participant, copy)
    assert first.id != second.id
    assert first.stored_name == second.stored_name
    assert len([p for p in workspace.paths.evidence_dir.rglob("*") if p.is_file()]) == 1


def test_nfd_file_name_stored_nfc(workspace, participant, tmp_path):
    source = tmp_path / unicodedata.normalize("NFD", "Ảnh tuyên truyền.jpg")
    source.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    ev = add_evidence(workspace.paths.evidence_dir, participant, source)
    assert ev.original_name == "Ảnh tuyên truyền.jpg"


def test_missing_source(workspace, participant, tmp_path):
    with pytest.raises(UserError) as info:
        add_evidence(workspace.paths.evidence_dir, participant, tmp_path / "usb" / "khong-co.pdf")
    assert info.value.code == "evidence.source_missing"
    assert "khong-co.pdf" in str(info.value)
    with pytest.raises(UserError) as info:
        add_evidence(workspace.paths.evidence_dir, participant, tmp_path)  # a folder is not a file
    assert info.value.code == "evidence.source_missing"
    assert EvidenceFile.select().count() == 0


def test_removed_evidence_hidden_but_file_kept(workspace, participant, campaign, usb):
    a = save_achievement(participant, values(campaign))
    ev = add_evidence(workspace.paths.evidence_dir, participant, usb, achievement=a)
    remove_evidence(ev)
    assert list_evidence(a) == []
    assert evidence_path(workspace.paths.evidence_dir, ev).read_bytes() == PDF


def test_stored_file_gone_is_reported(workspace, participant, usb):
    ev = add_evidence(workspace.paths.evidence_dir, participant, usb)
    evidence_path(workspace.paths.evidence_dir, ev).unlink()
    with pytest.raises(UserError) as info:
        evidence_path(workspace.paths.evidence_dir, ev)
    assert info.value.code == "evidence.missing_in_workspace"
