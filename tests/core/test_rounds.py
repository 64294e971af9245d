"""Nomination rounds on the demo commune's records: who may be nominated, the council meeting and its votes,
thresholds of all members, tie-breaks, locking, corrections as new versions, Giấy khen decisions."""
from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.nominations import checklists, rounds
from desktop_app.core.nominations.criteria import load_catalog
from desktop_app.core.register.achievements import add_evidence, list_achievements
from desktop_app.core.storage.models import (Award, Campaign, Checklist, CouncilMeeting, NominationRound, Participant)

MEETING = {"held_on": "12/03/2026", "start_time": "14:00", "end_time": "16h30", "place": "Hội trường UBND xã",
           "chair": "Hoàng Văn Thắng", "chair_title": "Chủ tịch UBND xã", "secretary": "Nông Thị Hoa",
           "secretary_title": "Công chức Văn phòng - Thống kê", "members_total": "9", "members_present": "8",
           "conclusion": "Thống nhất đề nghị."}


@pytest.fixture
def demo(session):
    # The demo commune brings its own round 1; these tests start their own rounds next to it.
    return create_demo_commune(session)


def person(name: str) -> Participant:
    return Participant.get(Participant.name == name)


def eligible(session, tmp_path, name: str, set_id: str) -> Checklist:
    """A checklist answered "met" everywhere, with evidence where the set demands it."""
    p = person(name)
    source = tmp_path / f"{p.id}.pdf"
    source.write_bytes(b"%PDF-1.4 " + name.encode())
    evidence = add_evidence(session, p.id, source, list_achievements(session, p.id)[0].id)
    checklist = checklists.start_checklist(session, p.id, set_id, 2025)
    checklists.set_principles_confirmed(session, checklist.id, True)
    for c in checklists.criteria_set_of(checklist).walk():
        if c.kind == "judgement":
            checklists.save_answer(session, checklist.id, c.code, "met",
                                   evidence_ids=[evidence.id] if c.evidence_required else [])
    checklist = checklists.get_checklist(session, checklist.id)
    assert checklist.verdict == "eligible", checklist.assessment["reasons"]
    return checklist


def new_round(session, **kw) -> NominationRound:
    return rounds.create_round(session, Campaign.get(Campaign.code == "KH-635-2022-BK").id,
                               kw.pop("round_date", date(2026, 3, 10)), kw.pop("title", "Đợt kiểm tra"), **kw)


def test_round_numbers_follow_the_demo_round(demo, session):
    assert [r.number for r in rounds.current_rounds(session)] == [1]
    r = new_round(session)
    assert (r.number, r.version, r.status, r.year) == (2, 1, "draft", 2026)
    assert r.commune_id == session.home_commune().id
    assert rounds.find_round(session, 2) == r
    with pytest.raises(UserError) as info:
        new_round(session, number=2)
    assert info.value.code == "rounds.number_taken"
    with pytest.raises(UserError):
        rounds.find_round(session, 99)


def test_only_eligible_unless_a_written_reason(demo, session, tmp_path):
    r = new_round(session)
    hoa_ok = eligible(session, tmp_path, "Nông Thị Hoa", "giay_khen.ca_nhan")
    hoa = person("Nông Thị Hoa")
    added = rounds.add_nominee(session, r.id, hoa.id, rounds.GIAY_KHEN, hoa_ok.id, summary="Số hóa hồ sơ")
    assert (added.verdict_at_add, added.override_reason, added.position) == ("eligible", "", 1)
    # Every nominee carries its commune.
    assert added.commune_id == r.commune_id == session.home_commune().id
    assert rounds.get_nominee(session, added.id).commune_id == session.home_commune().id
    duc = person("Nguyễn Văn Đức")
    incomplete = checklists.start_checklist(session, duc.id, "giay_khen.ca_nhan", 2025)
    for checklist in (incomplete, None):
        with pytest.raises(UserError) as info:
            rounds.add_nominee(session, r.id, duc.id, rounds.GIAY_KHEN, checklist.id if checklist else None,
                               override_reason="   ")
        assert info.value.code == "rounds.not_eligible"
    overridden = rounds.add_nominee(session, r.id, duc.id, rounds.GIAY_KHEN, incomplete.id,
                                    override_reason="Hồ sơ minh chứng đang bổ sung, Hội đồng thống nhất xét")
    assert overridden.verdict_at_add == "incomplete"
    assert rounds.get_nominee(session, overridden.id).override_reason == \
        "Hồ sơ minh chứng đang bổ sung, Hội đồng thống nhất xét"
    # The same person and award form once per round; a checklist of another form or person is refused.
    with pytest.raises(UserError) as info:
        rounds.add_nominee(session, r.id, hoa.id, rounds.GIAY_KHEN, hoa_ok.id)
    assert info.value.code == "rounds.duplicate_nominee"
    with pytest.raises(UserError) as info:
        rounds.add_nominee(session, r.id, hoa.id, rounds.BANG_KHEN, hoa_ok.id)
    assert info.value.code == "rounds.checklist_mismatch"
    with pytest.raises(UserError) as info:
        rounds.add_nominee(session, r.id, duc.id, rounds.BANG_KHEN, hoa_ok.id, override_reason="x")
    assert info.value.code == "rounds.checklist_mismatch"
    assert [n.participant.name for n in rounds.nominees_of(session, r.id)] == ["Nông Thị Hoa", "Nguyễn Văn Đức"]


def _round_with_votes(session, tmp_path, votes: dict[str, tuple[int, int]], award_form=rounds.GIAY_KHEN,
                      set_ids=("giay_khen.ca_nhan", "giay_khen.tap_the")):
    r = new_round(session)
    for name in votes:
        p = person(name)
        set_id = set_ids[0] if p.kind == "individual" else set_ids[1]
        rounds.add_nominee(session, r.id, p.id, award_form, eligible(session, tmp_path, name, set_id).id)
    with pytest.raises(UserError) as info:
        rounds.set_votes(session, rounds.nominees_of(session, r.id)[0].id, 1, 0)
    assert info.value.code == "rounds.no_meeting"
    rounds.save_meeting(session, r.id, dict(MEETING))
    for n in rounds.nominees_of(session, r.id):
        rounds.set_votes(session, n.id, *votes[n.participant.name])
    return rounds.get_round(session, r.id)


def _results_by_name(session, r):
    results = rounds.vote_results(session, r.id)
    return {n.participant.name: results[n.id] for n in rounds.nominees_of(session, r.id)}


def _threshold(session, r, form):
    return rounds.threshold_for(rounds.get_round(session, r.id), form)


def test_meeting_validation(demo, session):
    r = new_round(session)
    with pytest.raises(ValidationError) as info:
        rounds.save_meeting(session, r.id, {**MEETING, "members_present": "10", "start_time": "2 giờ", "chair": ""})
    assert set(info.value.fields) == {"members_present", "start_time", "chair"}
    assert rounds.meeting_of(session, r.id) is None
    meeting = rounds.save_meeting(session, r.id, dict(MEETING))
    assert (meeting.members_total, meeting.members_present, meeting.held_on) == (9, 8, date(2026, 3, 12))
    # Every council meeting carries its commune.
    assert meeting.commune_id == r.commune_id == session.home_commune().id
    assert rounds.meeting_of(session, r.id).commune_id == session.home_commune().id
    rounds.save_meeting(session, r.id, {**MEETING, "members_present": "7"})
    assert rounds.meeting_of(session, r.id).members_present == 7 and CouncilMeeting.select().where(
        CouncilMeeting.round == r.id).count() == 1


def test_thresholds_none_50_80_percent_of_all_members(demo, session, tmp_path):
    votes = {"Nông Thị Hoa": (5, 3), "Lý Thị Hằng": (7, 1), "Vi Thị Nga": (8, 0), "Mã Văn Long": (4, 4)}
    r = _round_with_votes(session, tmp_path, votes)
    first = rounds.nominees_of(session, r.id)[0]
    with pytest.raises(UserError) as info:
        rounds.set_votes(session, first.id, 6, 3)  # 9 votes cast, 8 present
    assert isinstance(info.value, ValidationError)
    with pytest.raises(UserError) as info:
        rounds.set_votes(session, first.id, 5, 2, 2)
    assert info.value.code == "rounds.votes_exceed_present"
    # No threshold by default (NĐ 98/2023 set none): more for than against.
    assert _threshold(session, r, rounds.GIAY_KHEN) is None
    passed = {name: res.passed for name, res in _results_by_name(session, r).items()}
    assert passed == {"Nông Thị Hoa": True, "Lý Thị Hằng": True, "Vi Thị Nga": True, "Mã Văn Long": False}
    assert _results_by_name(session, r)["Nông Thị Hoa"].explanation == (
        "Đạt: 5/9 thành viên đồng ý (55,6%), 3 không đồng ý; không đặt ngưỡng, số đồng ý nhiều hơn số không đồng ý.")
    rounds.set_threshold(session, r.id, rounds.GIAY_KHEN, 50)
    passed = {name: res.passed for name, res in _results_by_name(session, r).items()}
    assert passed == {"Nông Thị Hoa": True, "Lý Thị Hằng": True, "Vi Thị Nga": True, "Mã Văn Long": False}
    # 80 % of ALL nine members is 8 votes: 7 of the 8 present is not enough.
    rounds.set_threshold(session, r.id, rounds.GIAY_KHEN, 80)
    results = _results_by_name(session, r)
    assert {name: res.passed for name, res in results.items()} == {
        "Nông Thị Hoa": False, "Lý Thị Hằng": False, "Vi Thị Nga": True, "Mã Văn Long": False}
    assert results["Lý Thị Hằng"].explanation == (
        "Không đạt: 7/9 thành viên đồng ý (77,8%), 1 không đồng ý; "
        "chưa đạt ngưỡng 80% tổng số thành viên (cần ít nhất 8 phiếu).")
    with pytest.raises(UserError):
        rounds.set_threshold(session, r.id, rounds.GIAY_KHEN, 120)
    rounds.set_threshold(session, r.id, rounds.GIAY_KHEN, None)
    assert _threshold(session, r, rounds.GIAY_KHEN) is None


def test_tie_break_women_and_collectives_with_70_percent_women(demo, session, tmp_path):
    votes = {"Nguyễn Văn Đức": (7, 1), "Nông Thị Hoa": (7, 1), "Lộc Văn Tuấn": (8, 0),
             "Thôn Nà Khoang": (6, 2), "Trạm Y tế xã Thượng Quan": (6, 2)}
    r = _round_with_votes(session, tmp_path, votes, rounds.BANG_KHEN,
                          ("bang_khen_tinh.ca_nhan.chuyen_de", "bang_khen_tinh.tap_the.chuyen_de"))
    assert {n.award_form for n in rounds.nominees_of(session, r.id)} == {"bang_khen_tinh"}
    ranked = rounds.ranking(session, r.id, rounds.BANG_KHEN)
    assert [x.candidate.name for x in ranked] == ["Lộc Văn Tuấn", "Nông Thị Hoa", "Nguyễn Văn Đức",
                                                  "Trạm Y tế xã Thượng Quan", "Thôn Nà Khoang"]
    by_name = {x.candidate.name: x for x in ranked}
    assert "xếp trước Nguyễn Văn Đức (cùng 7 phiếu) vì là nữ" in by_name["Nông Thị Hoa"].explanation
    assert "xếp sau Nông Thị Hoa" in by_name["Nguyễn Văn Đức"].explanation
    assert "vì là tập thể có 80% nữ (từ 70% trở lên)" in by_name["Trạm Y tế xã Thượng Quan"].explanation
    assert [x.position for x in ranked] == [1, 2, 3, 4, 5]
    quota = rounds.ranking(session, r.id, rounds.BANG_KHEN, quota=2)
    assert [x.selected for x in quota] == [True, True, False, False, False]
    assert rounds.ranking(session, r.id, rounds.GIAY_KHEN) == []


def test_lock_refuses_every_edit_and_correction_is_a_new_version(demo, session, tmp_path):
    votes = {"Nông Thị Hoa": (6, 2), "Lý Thị Hằng": (7, 1)}
    r = _round_with_votes(session, tmp_path, votes)
    with pytest.raises(UserError) as info:
        rounds.new_version(session, r.id, "Sửa")
    assert info.value.code == "rounds.still_draft"
    empty = new_round(session)
    with pytest.raises(UserError) as info:
        rounds.lock_round(session, empty.id)
    assert info.value.code == "rounds.empty"
    r = rounds.lock_round(session, r.id)
    assert r.status == "locked" and r.locked_at
    assert rounds.get_round(session, r.id).status == "locked"
    first, second = rounds.nominees_of(session, r.id)
    vi = person("Vi Thị Nga")
    edits = [
        lambda: rounds.add_nominee(session, r.id, vi.id, rounds.GIAY_KHEN, None, override_reason="x"),
        lambda: rounds.remove_nominee(session, first.id),
        lambda: rounds.set_summary(session, first.id, "Sửa lén"),
        lambda: rounds.set_votes(session, first.id, 8, 0),
        lambda: rounds.save_meeting(session, r.id, dict(MEETING)),
        lambda: rounds.set_threshold(session, r.id, rounds.GIAY_KHEN, 80),
    ]
    for edit in edits:
        with pytest.raises(UserError) as info:
            edit()
        assert info.value.code == "rounds.locked"
    stored = rounds.get_nominee(session, first.id)
    assert (stored.votes_for, stored.summary) == (6, "")
    with pytest.raises(UserError) as info:
        rounds.new_version(session, r.id, "  ")
    assert info.value.code == "rounds.correction_reason_required"

    v2 = rounds.new_version(session, r.id, "Bổ sung minh chứng theo yêu cầu của Sở Nội vụ")
    old = rounds.get_round(session, r.id)
    assert old.status == "superseded"
    assert (v2.number, v2.version, v2.supersedes_id, v2.status) == (r.number, 2, r.id, "draft")
    assert v2.correction_reason == "Bổ sung minh chứng theo yêu cầu của Sở Nội vụ"
    assert rounds.find_round(session, r.number) == v2
    assert rounds.newer_version(session, r.id) == v2
    assert r.id not in [x.id for x in rounds.current_rounds(session)]
    copied = rounds.nominees_of(session, v2.id)
    assert [(n.participant_id, n.votes_for, n.checklist_id) for n in copied] == [
        (n.participant_id, n.votes_for, n.checklist_id) for n in (first, second)]
    assert {n.commune_id for n in copied} == {r.commune_id}
    assert rounds.meeting_of(session, v2.id).members_present == 8
    assert rounds.meeting_of(session, v2.id).commune_id == r.commune_id
    # The new version is edited; the old one keeps what was sent.
    rounds.set_votes(session, copied[0].id, 8, 0)
    assert rounds.get_nominee(session, first.id).votes_for == 6
    with pytest.raises(UserError) as info:
        rounds.set_votes(session, first.id, 8, 0)
    assert info.value.code == "rounds.locked"
    with pytest.raises(UserError) as info:
        rounds.new_version(session, old.id, "Lần nữa")
    assert info.value.code == "rounds.superseded"
    rounds.lock_round(session, v2.id, "sent")
    v3 = rounds.new_version(session, v2.id, "Sửa tên đơn vị")
    assert (v3.version, v3.supersedes_id) == (3, v2.id)


def test_giay_khen_decision_adds_a_chuyen_de_award_to_each_approved_awardee(demo, session, tmp_path):
    votes = {"Nông Thị Hoa": (6, 2), "Lý Thị Hằng": (3, 5), "Thôn Bản Chang": (8, 0)}
    r = _round_with_votes(session, tmp_path, votes)
    before = Award.select().count()
    with pytest.raises(UserError) as info:
        rounds.record_decision(session, r.id, "", date(2026, 3, 20), "Hoàng Văn Thắng")
    assert info.value.code == "rounds.decision_incomplete"
    with pytest.raises(UserError) as info:
        rounds.record_decision(session, r.id, "25/QĐ-UBND", date(2026, 3, 20), "Hoàng Văn Thắng",
                               award_form=rounds.BANG_KHEN)
    assert info.value.code == "rounds.decision_not_commune_level"
    decision = rounds.record_decision(session, r.id, "25/QĐ-UBND", date(2026, 3, 20), "Hoàng Văn Thắng")
    assert (decision.number, decision.signer) == ("25/QĐ-UBND", "Hoàng Văn Thắng")
    assert decision.commune_id == r.commune_id
    added = list(Award.select().where(Award.decision_number == "25/QĐ-UBND"))
    assert Award.select().count() == before + 2
    assert sorted(a.participant.name for a in added) == ["Nông Thị Hoa", "Thôn Bản Chang"]
    for a in added:
        # Award-form codes are the one lower-case vocabulary code, in rounds and in the award history alike.
        assert (a.category, a.code, a.award_type, a.year) == ("hinh_thuc", "giay_khen", "chuyen_de", 2026)
        assert a.code == rounds.GIAY_KHEN
        assert a.decision_date == date(2026, 3, 20)
        assert a.decision_id == decision.id
    # The decision knows exactly the awards it gave: those of the approved nominees, linked by key.
    results = rounds.vote_results(session, r.id)
    approved = {n.participant_id for n in rounds.nominees_of(session, r.id) if results[n.id].passed}
    given = rounds.decision_awards(session, decision.id)
    assert sorted(a.id for a in given) == sorted(a.id for a in added)
    assert sorted(a.participant_id for a in given) == sorted(approved)
    assert sorted(a.participant.name for a in given) == ["Nông Thị Hoa", "Thôn Bản Chang"]
    with pytest.raises(UserError) as info:
        rounds.record_decision(session, r.id, "26/QĐ-UBND", date(2026, 3, 21), "Hoàng Văn Thắng")
    assert info.value.code == "rounds.decision_exists"
    assert Award.select().count() == before + 2
    # A chuyên đề Giấy khen never feeds the annual-merit route.
    hoa = person("Nông Thị Hoa")
    checklist = checklists.start_checklist(session, hoa.id, "bang_khen_tinh.ca_nhan.cong_trang", 2026)
    assert not checklist.assessment["computed"]["cstdcs_02_lan"]["met"]


def test_correction_keeps_the_decision_without_adding_awards_twice(demo, session, tmp_path):
    r = _round_with_votes(session, tmp_path, {"Nông Thị Hoa": (6, 2)})
    rounds.record_decision(session, r.id, "25/QĐ-UBND", date(2026, 3, 20), "Hoàng Văn Thắng")
    before = Award.select().count()
    rounds.lock_round(session, r.id)
    v2 = rounds.new_version(session, r.id, "Sửa chức vụ")
    assert [(d.number, d.signer) for d in rounds.decisions_of(session, v2.id)] == [("25/QĐ-UBND", "Hoàng Văn Thắng")]
    assert Award.select().count() == before
    with pytest.raises(UserError) as info:
        rounds.record_decision(session, v2.id, "27/QĐ-UBND", date(2026, 3, 22), "Hoàng Văn Thắng")
    assert info.value.code == "rounds.decision_exists"


def test_thresholds_come_from_data(demo):
    assert (rounds.GIAY_KHEN, rounds.BANG_KHEN) == ("giay_khen", "bang_khen_tinh")
    common = load_catalog().common
    assert common.council.threshold_for(rounds.GIAY_KHEN) is None
    assert common.council.threshold_for(rounds.BANG_KHEN) is None
