"""Achievements in a campaign, and evidence files copied into the workspace (content-addressed, SHA-256)."""
from __future__ import annotations

import hashlib
import unicodedata
from datetime import date

import pytest

from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.register.achievements import (achievement_form_values, add_evidence, evidence_counts,
                                                    evidence_path, list_achievements, list_evidence,
                                                    list_participant_evidence, remove_evidence, save_achievement,
                                                    set_archived, validate_achievement)
from desktop_app.core.register.participants import save_participant
from desktop_app.core.storage.models import Achievement, Campaign, EvidenceFile

PDF = b"%PDF-1.4\n% bien ban nghiem thu\n" + bytes(range(256)) * 40


@pytest.fixture
def campaign(session):
    return Campaign.get(Campaign.code == "KH-635-2022-BK")


@pytest.fixture
def participant(session, commune):
    return save_participant(session, {"kind": "individual", "category": "cong_chuc", "name": "Nguyễn Văn Đức",
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


def test_save_and_read_back(session, participant, campaign):
    a = save_achievement(session, participant.id, values(campaign))
    stored = Achievement.get_by_id(a.id)
    assert stored.participant_id == participant.id
    assert stored.commune_id == participant.commune_id
    assert stored.campaign_id == campaign.id
    assert stored.content_codes == ["ND1", "ND5"]
    assert stored.field_codes == ["LV10"]
    assert (stored.date_from, stored.date_to) == (date(2024, 1, 1), date(2024, 12, 31))
    assert "cong nghe so" in stored.search_text
    assert achievement_form_values(stored)["date_to"] == "31/12/2024"
    assert [x.id for x in list_achievements(session, participant.id)] == [a.id]


def test_edit_and_archive(session, participant, campaign):
    a = save_achievement(session, participant.id, values(campaign))
    save_achievement(session, participant.id, values(campaign, title="Số hóa hồ sơ hộ tịch"),
                     achievement_id=a.id)
    assert Achievement.select().count() == 1
    assert Achievement.get_by_id(a.id).title == "Số hóa hồ sơ hộ tịch"
    set_archived(session, a.id, True)
    assert list_achievements(session, participant.id) == []
    assert [x.id for x in list_achievements(session, participant.id, include_archived=True)] == [a.id]


def test_text_stored_nfc(session, participant, campaign):
    title = unicodedata.normalize("NFD", "Ứng dụng sổ sức khỏe")
    a = save_achievement(session, participant.id, values(campaign, title=title))
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


def test_nothing_saved_when_invalid(session, participant, campaign):
    with pytest.raises(ValidationError):
        save_achievement(session, participant.id, values(campaign, field_codes=["LV99"]))
    with pytest.raises(ValidationError):
        save_achievement(session, participant.id, values(campaign, campaign_id=None))
    assert Achievement.select().count() == 0
    assert session.db.execute_sql("SELECT count(*) FROM achievement_fts").fetchone()[0] == 0


# --- evidence -----------------------------------------------------------------------------------------

@pytest.fixture
def usb(tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    source = stick / "Biên bản nghiệm thu.PDF"
    source.write_bytes(PDF)
    return source


def stored_files(session) -> list:
    return [p for p in session.paths.evidence_dir.rglob("*") if p.is_file()]


def test_evidence_copied_with_sha256_and_survives_the_original(session, participant, campaign, usb):
    a = save_achievement(session, participant.id, values(campaign))
    ev = add_evidence(session, participant.id, usb, achievement_id=a.id, note="Bản chụp")
    expected = hashlib.sha256(PDF).hexdigest()
    assert ev.sha256 == expected
    assert ev.size == len(PDF)
    assert ev.original_name == "Biên bản nghiệm thu.PDF"
    assert ev.note == "Bản chụp"
    stored = evidence_path(session, ev)
    assert stored.is_relative_to(session.paths.evidence_dir)
    assert stored.suffix == ".pdf"
    assert hashlib.sha256(stored.read_bytes()).hexdigest() == expected

    usb.unlink()  # the stick leaves
    again = EvidenceFile.get_by_id(ev.id)
    assert evidence_path(session, again).read_bytes() == PDF
    assert [e.id for e in list_evidence(session, a.id)] == [ev.id]
    assert not list(session.paths.evidence_dir.rglob("*.part"))


def test_same_content_stored_once(session, participant, usb, tmp_path):
    copy = tmp_path / "ban-sao.pdf"
    copy.write_bytes(PDF)
    first = add_evidence(session, participant.id, usb)
    second = add_evidence(session, participant.id, copy)
    assert first.id != second.id
    assert first.stored_name == second.stored_name
    assert len(stored_files(session)) == 1


def test_nfd_file_name_stored_nfc(session, participant, tmp_path):
    source = tmp_path / unicodedata.normalize("NFD", "Ảnh tuyên truyền.jpg")
    source.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    ev = add_evidence(session, participant.id, source)
    assert ev.original_name == "Ảnh tuyên truyền.jpg"


def test_missing_source(session, participant, tmp_path):
    with pytest.raises(UserError) as info:
        add_evidence(session, participant.id, tmp_path / "usb" / "khong-co.pdf")
    assert info.value.code == "evidence.source_missing"
    assert "khong-co.pdf" in str(info.value)
    with pytest.raises(UserError) as info:
        add_evidence(session, participant.id, tmp_path)  # a folder is not a file
    assert info.value.code == "evidence.source_missing"
    assert EvidenceFile.select().count() == 0


def test_removed_evidence_hidden_but_file_kept(session, participant, campaign, usb):
    a = save_achievement(session, participant.id, values(campaign))
    ev = add_evidence(session, participant.id, usb, achievement_id=a.id)
    remove_evidence(session, ev.id)
    assert list_evidence(session, a.id) == []
    assert evidence_path(session, ev).read_bytes() == PDF


def test_stored_file_gone_is_reported(session, participant, usb):
    ev = add_evidence(session, participant.id, usb)
    evidence_path(session, ev).unlink()
    with pytest.raises(UserError) as info:
        evidence_path(session, ev)
    assert info.value.code == "evidence.missing_in_workspace"


# --- an achievement and its evidence saved together (one transaction) -----------------------------------

@pytest.fixture
def photo(tmp_path):
    source = tmp_path / "usb" / "Ảnh buổi tuyên truyền.jpg"
    source.parent.mkdir(exist_ok=True)
    source.write_bytes(b"\xff\xd8\xff\xe0 jpeg " * 50)
    return source


def test_new_achievement_saved_with_its_evidence(session, participant, campaign, usb, photo):
    a = save_achievement(session, participant.id, values(campaign), new_evidence=[usb, photo])
    evidence = list_evidence(session, a.id)
    assert [e.original_name for e in evidence] == ["Biên bản nghiệm thu.PDF", "Ảnh buổi tuyên truyền.jpg"]
    assert all(e.participant_id == participant.id and e.commune_id == participant.commune_id for e in evidence)
    assert [e.id for e in list_participant_evidence(session, participant.id)] == [e.id for e in evidence]
    usb.unlink()  # the stick leaves once the achievement is saved
    assert evidence_path(session, evidence[0]).read_bytes() == PDF
    assert len(stored_files(session)) == 2


def test_edit_adds_and_removes_evidence_at_save(session, participant, campaign, usb, photo):
    a = save_achievement(session, participant.id, values(campaign), new_evidence=[usb])
    (old,) = list_evidence(session, a.id)
    save_achievement(session, participant.id, values(campaign, title="Số hóa hồ sơ hộ tịch"),
                     achievement_id=a.id, new_evidence=[photo], removed_evidence=[old.id])
    assert [e.original_name for e in list_evidence(session, a.id)] == ["Ảnh buổi tuyên truyền.jpg"]
    assert Achievement.get_by_id(a.id).title == "Số hóa hồ sơ hộ tịch"
    # The removed one is detached, not deleted: its row and its stored file stay.
    assert EvidenceFile.get_by_id(old.id).archived_at is not None
    assert evidence_path(session, old).read_bytes() == PDF


def test_removed_evidence_of_another_achievement_is_left_alone(session, participant, campaign, usb, photo):
    first = save_achievement(session, participant.id, values(campaign), new_evidence=[usb])
    second = save_achievement(session, participant.id, values(campaign, title="Số hóa"), new_evidence=[photo])
    (theirs,) = list_evidence(session, second.id)
    save_achievement(session, participant.id, values(campaign), achievement_id=first.id,
                     removed_evidence=[theirs.id])
    assert [e.id for e in list_evidence(session, second.id)] == [theirs.id]
    assert len(list_evidence(session, first.id)) == 1


def test_evidence_counts_per_achievement_in_one_query(session, participant, campaign, usb, photo):
    first = save_achievement(session, participant.id, values(campaign), new_evidence=[usb, photo])
    second = save_achievement(session, participant.id, values(campaign, title="Số hóa"), new_evidence=[photo])
    bare = save_achievement(session, participant.id, values(campaign, title="Không có tệp"))
    assert evidence_counts(session, participant.id) == {first.id: 2, second.id: 1}
    remove_evidence(session, list_evidence(session, first.id)[0].id)
    add_evidence(session, participant.id, usb)                  # the participant's, not an achievement's
    assert evidence_counts(session, participant.id) == {first.id: 1, second.id: 1}
    assert bare.id not in evidence_counts(session, participant.id)
    assert evidence_counts(session, participant.id + 999) == {}


def test_invalid_achievement_records_no_evidence(session, participant, campaign, usb):
    with pytest.raises(ValidationError):
        save_achievement(session, participant.id, values(campaign, title=""), new_evidence=[usb])
    assert Achievement.select().count() == 0
    assert EvidenceFile.select().count() == 0


def test_missing_evidence_file_saves_nothing(session, participant, campaign, usb, tmp_path):
    with pytest.raises(UserError) as info:
        save_achievement(session, participant.id, values(campaign),
                         new_evidence=[usb, tmp_path / "usb" / "khong-co.pdf"])
    assert info.value.code == "evidence.source_missing"
    assert Achievement.select().count() == 0
    assert EvidenceFile.select().count() == 0


def test_failure_during_the_save_leaves_neither_achievement_nor_evidence(session, participant, campaign, usb,
                                                                         monkeypatch):
    from desktop_app.core.register import achievements

    def broken_index(*_args):
        raise RuntimeError("power cut")  # after the achievement and its evidence rows were written

    monkeypatch.setattr(achievements, "index_achievement", broken_index)
    with pytest.raises(RuntimeError):
        save_achievement(session, participant.id, values(campaign), new_evidence=[usb])
    assert Achievement.select().count() == 0
    assert EvidenceFile.select().count() == 0
    assert session.db.execute_sql("SELECT count(*) FROM achievement_fts").fetchone()[0] == 0


def test_failed_edit_keeps_the_old_evidence(session, participant, campaign, usb, photo):
    a = save_achievement(session, participant.id, values(campaign), new_evidence=[usb])
    (old,) = list_evidence(session, a.id)
    with pytest.raises(ValidationError):
        save_achievement(session, participant.id, values(campaign, date_to="01/01/2000"), achievement_id=a.id,
                         new_evidence=[photo], removed_evidence=[old.id])
    assert [e.id for e in list_evidence(session, a.id)] == [old.id]
    assert Achievement.get_by_id(a.id).title == values(campaign)["title"]


def test_achievement_of_unknown_participant_refused(session, commune, campaign, usb):
    with pytest.raises(UserError) as info:
        save_achievement(session, 999_999, values(campaign), new_evidence=[usb])
    assert info.value.code == "participant.not_found"
    assert EvidenceFile.select().count() == 0
