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
from desktop_app.core.register.communes import home_commune
from desktop_app.core.storage.models import Award, Campaign, Participant

MEETING = {"held_on": "12/03/2026", "start_time": "14:00", "end_time": "16h30", "place": "Hội trường UBND xã",
           "chair": "Hoàng Văn Thắng", "chair_title": "Chủ tịch UBND xã", "secretary": "Nông Thị Hoa",
           "secretary_title": "Công chức Văn phòng - Thống kê", "members_total": "9", "members_present": "8",
           "conclusion": "Thống nhất đề nghị."}


@pytest.fixture
def demo(workspace):
    # The demo commune brings its own round 1; these tests start their own rounds next to it.
    return create_demo_commune()


def person(name: str) -> Participant:
    return Participant.get(Participant.name == name)


def eligible(workspace, tmp_path, name: str, set_id: str) -> checklists.Checklist:
    """A checklist answered "met" everywhere, with evidence where the set demands it."""
    p = person(name)
    source = tmp_path / f"{p.id}.pdf"
    source.write_bytes(b"%PDF-1.4 " + name.encode())
    evidence = add_evidence(workspace.paths.evidence_dir, p, source, list_achievements(p)[0])
    checklist = checklists.start_checklist(p, set_id, 2025)
    checklists.set_principles_confirmed(checklist, True)
    for c in checklists.criteria_set_of(checklist).walk():
        if c.kind == "judgement":
            checklists.save_answer(checklist, c.code, "met", evidence_ids=[evidence.id] if c.evidence_required else [])
    checklist = checklists.Checklist.get_by_id(checklist.id)
    assert checklist.verdict == "eligible", checklist.assessment["reasons"]
    return checklist


def new_round(**kw) -> rounds.NominationRound:
    return rounds.create_round(home_commune(), Campaign.get(Campaign.code == "KH-635-2022-BK"),
                               kw.pop("round_date", date(2026, 3, 10)), kw.pop("title", "Đợt kiểm tra"), **kw)


def test_round_numbers_follow_the_demo_round(demo):
    assert [r.number for r in rounds.current_rounds(home_commune())] == [1]
    r = new_round()
    assert (r.number, r.version, r.status, r.year) == (2, 1, "draft", 2026)
    assert rounds.find_round(home_commune(), 2) == r
    with pytest.raises(UserError) as info:
        new_round(number=2)
    assert info.value.code == "rounds.number_taken"
    with pytest.raises(UserError):
        rounds.find_round(home_commune(), 99)


def test_only_eligible_unless_a_written_reason(demo, workspace, tmp_path):
    r = new_round()
    hoa_ok = eligible(workspace, tmp_path, "Nông Thị Hoa", "giay_khen.ca_nhan")
    added = rounds.add_nominee(r, person("Nông Thị Hoa"), rounds.GIAY_KHEN, hoa_ok, summary="Số hóa hồ sơ")
    assert (added.verdict_at_add, added.override_reason, added.position) == ("eligible", "", 1)
    duc = person("Nguyễn Văn Đức")
    incomplete = checklists.start_checklist(duc, "giay_khen.ca_nhan", 2025)
    for checklist in (incomplete, None):
        with pytest.raises(UserError) as info:
            rounds.add_nominee(r, duc, rounds.GIAY_KHEN, checklist, override_reason="   ")
        assert info.value.code == "rounds.not_eligible"
    overridden = rounds.add_nominee(r, duc, rounds.GIAY_KHEN, incomplete,
                                    override_reason="Hồ sơ minh chứng đang bổ sung, Hội đồng thống nhất xét")
    assert overridden.verdict_at_add == "incomplete"
    assert rounds.Nominee.get_by_id(overridden.id).override_reason == "Hồ sơ minh chứng đang bổ sung, Hội đồng thống nhất xét"
    # The same person and award form once per round; a checklist of another form or person is refused.
    with pytest.raises(UserError) as info:
        rounds.add_nominee(r, person("Nông Thị Hoa"), rounds.GIAY_KHEN, hoa_ok)
    assert info.value.code == "rounds.duplicate_nominee"
    with pytest.raises(UserError) as info:
        rounds.add_nominee(r, person("Nông Thị Hoa"), rounds.BANG_KHEN, hoa_ok)
    assert info.value.code == "rounds.checklist_mismatch"
    with pytest.raises(UserError) as info:
        rounds.add_nominee(r, duc, rounds.BANG_KHEN, hoa_ok, override_reason="x")
    assert info.value.code == "rounds.checklist_mismatch"
    assert [n.participant.name for n in rounds.nominees_of(r)] == ["Nông Thị Hoa", "Nguyễn Văn Đức"]


def _round_with_votes(workspace, tmp_path, votes: dict[str, tuple[int, int]], award_form=rounds.GIAY_KHEN,
                      set_ids=("giay_khen.ca_nhan", "giay_khen.tap_the")):
    r = new_round()
    for name in votes:
        p = person(name)
        set_id = set_ids[0] if p.kind == "individual" else set_ids[1]
        rounds.add_nominee(r, p, award_form, eligible(workspace, tmp_path, name, set_id))
    with pytest.raises(UserError) as info:
        rounds.set_votes(rounds.nominees_of(r)[0], 1, 0)
    assert info.value.code == "rounds.no_meeting"
    rounds.save_meeting(r, dict(MEETING))
    for n in rounds.nominees_of(r):
        rounds.set_votes(n, *votes[n.participant.name])
    return r


def _results_by_name(r):
    results = rounds.vote_results(r)
    return {n.participant.name: results[n.id] for n in rounds.nominees_of(r)}


def test_meeting_validation(demo):
    r = new_round()
    with pytest.raises(ValidationError) as info:
        rounds.save_meeting(r, {**MEETING, "members_present": "10", "start_time": "2 giờ", "chair": ""})
    assert set(info.value.fields) == {"members_present", "start_time", "chair"}
    assert rounds.meeting_of(r) is None
    meeting = rounds.save_meeting(r, dict(MEETING))
    assert (meeting.members_total, meeting.members_present, meeting.held_on) == (9, 8, date(2026, 3, 12))
    rounds.save_meeting(r, {**MEETING, "members_present": "7"})
    assert rounds.meeting_of(r).members_present == 7 and rounds.CouncilMeeting.select().where(
        rounds.CouncilMeeting.round == r).count() == 1


def test_thresholds_none_50_80_percent_of_all_members(demo, workspace, tmp_path):
    votes = {"Nông Thị Hoa": (5, 3), "Lý Thị Hằng": (7, 1), "Vi Thị Nga": (8, 0), "Mã Văn Long": (4, 4)}
    r = _round_with_votes(workspace, tmp_path, votes)
    with pytest.raises(UserError) as info:
        rounds.set_votes(rounds.nominees_of(r)[0], 6, 3)  # 9 votes cast, 8 present
    assert isinstance(info.value, ValidationError)
    with pytest.raises(UserError) as info:
        rounds.set_votes(rounds.nominees_of(r)[0], 5, 2, 2)
    assert info.value.code == "rounds.votes_exceed_present"
    # No threshold by default (NĐ 98/2023 set none): more for than against.
    assert rounds.threshold_for(r, rounds.GIAY_KHEN) is None
    passed = {name: res.passed for name, res in _results_by_name(r).items()}
    assert passed == {"Nông Thị Hoa": True, "Lý Thị Hằng": True, "Vi Thị Nga": True, "Mã Văn Long": False}
    assert _results_by_name(r)["Nông Thị Hoa"].explanation == (
        "Đạt: 5/9 thành viên đồng ý (55,6%), 3 không đồng ý; không đặt ngưỡng, số đồng ý nhiều hơn số không đồng ý.")
    rounds.set_threshold(r, rounds.GIAY_KHEN, 50)
    passed = {name: res.passed for name, res in _results_by_name(r).items()}
    assert passed == {"Nông Thị Hoa": True, "Lý Thị Hằng": True, "Vi Thị Nga": True, "Mã Văn Long": False}
    # 80 % of ALL nine members is 8 votes: 7 of the 8 present is not enough.
    rounds.set_threshold(r, rounds.GIAY_KHEN, 80)
    results = _results_by_name(r)
    assert {name: res.passed for name, res in results.items()} == {
        "Nông Thị Hoa": False, "Lý Thị Hằng": False, "Vi Thị Nga": True, "Mã Văn Long": False}
    assert results["Lý Thị Hằng"].explanation == (
        "Không đạt: 7/9 thành viên đồng ý (77,8%), 1 không đồng ý; "
        "chưa đạt ngưỡng 80% tổng số thành viên (cần ít nhất 8 phiếu).")
    with pytest.raises(UserError):
        rounds.set_threshold(r, rounds.GIAY_KHEN, 120)
    rounds.set_threshold(r, rounds.GIAY_KHEN, None)
    assert rounds.threshold_for(r, rounds.GIAY_KHEN) is None


def test_tie_break_women_and_collectives_with_70_percent_women(demo, workspace, tmp_path):
    votes = {"Nguyễn Văn Đức": (7, 1), "Nông Thị Hoa": (7, 1), "Lộc Văn Tuấn": (8, 0),
             "Thôn Nà Khoang": (6, 2), "Trạm Y tế xã Thượng Quan": (6, 2)}
    r = _round_with_votes(workspace, tmp_path, votes, rounds.BANG_KHEN,
                          ("bang_khen_tinh.ca_nhan.chuyen_de", "bang_khen_tinh.tap_the.chuyen_de"))
    ranked = rounds.ranking(r, rounds.BANG_KHEN)
    assert [x.candidate.name for x in ranked] == ["Lộc Văn Tuấn", "Nông Thị Hoa", "Nguyễn Văn Đức",
                                                  "Trạm Y tế xã Thượng Quan", "Thôn Nà Khoang"]
    by_name = {x.candidate.name: x for x in ranked}
    assert "xếp trước Nguyễn Văn Đức (cùng 7 phiếu) vì là nữ" in by_name["Nông Thị Hoa"].explanation
    assert "xếp sau Nông Thị Hoa" in by_name["Nguyễn Văn Đức"].explanation
    assert "vì là tập thể có 80% nữ (từ 70% trở lên)" in by_name["Trạm Y tế xã Thượng Quan"].explanation
    assert [x.position for x in ranked] == [1, 2, 3, 4, 5]
    quota = rounds.ranking(r, rounds.BANG_KHEN, quota=2)
    assert [x.selected for x in quota] == [True, True, False, False, False]
    assert rounds.ranking(r, rounds.GIAY_KHEN) == []


def test_lock_refuses_every_edit_and_correction_is_a_new_version(demo, workspace, tmp_path):
    votes = {"Nông Thị Hoa": (6, 2), "Lý Thị Hằng": (7, 1)}
    r = _round_with_votes(workspace, tmp_path, votes)
    with pytest.raises(UserError) as info:
        rounds.new_version(r, "Sửa")
    assert info.value.code == "rounds.still_draft"
    empty = new_round()
    with pytest.raises(UserError) as info:
        rounds.lock_round(empty)
    assert info.value.code == "rounds.empty"
    rounds.lock_round(r)
    assert r.status == "locked" and r.locked_at
    first, second = rounds.nominees_of(r)
    edits = [
        lambda: rounds.add_nominee(r, person("Vi Thị Nga"), rounds.GIAY_KHEN, None, override_reason="x"),
        lambda: rounds.remove_nominee(first),
        lambda: rounds.set_summary(first, "Sửa lén"),
        lambda: rounds.set_votes(first, 8, 0),
        lambda: rounds.save_meeting(r, dict(MEETING)),
        lambda: rounds.set_threshold(r, rounds.GIAY_KHEN, 80),
    ]
    for edit in edits:
        with pytest.raises(UserError) as info:
            edit()
        assert info.value.code == "rounds.locked"
    assert (rounds.Nominee.get_by_id(first.id).votes_for, rounds.Nominee.get_by_id(first.id).summary) == (6, "")
    with pytest.raises(UserError) as info:
        rounds.new_version(r, "  ")
    assert info.value.code == "rounds.correction_reason_required"

    v2 = rounds.new_version(r, "Bổ sung minh chứng theo yêu cầu của Sở Nội vụ")
    old = rounds.NominationRound.get_by_id(r.id)
    assert old.status == "superseded"
    assert (v2.number, v2.version, v2.supersedes_id, v2.status) == (r.number, 2, r.id, "draft")
    assert v2.correction_reason == "Bổ sung minh chứng theo yêu cầu của Sở Nội vụ"
    assert rounds.find_round(home_commune(), r.number) == v2
    assert r.id not in [x.id for x in rounds.current_rounds(home_commune())]
    copied = rounds.nominees_of(v2)
    assert [(n.participant_id, n.votes_for, n.checklist_id) for n in copied] == [
        (n.participant_id, n.votes_for, n.checklist_id) for n in (first, second)]
    assert rounds.meeting_of(v2).members_present == 8
    # The new version is edited; the old one keeps what was sent.
    rounds.set_votes(copied[0], 8, 0)
    assert rounds.Nominee.get_by_id(first.id).votes_for == 6
    with pytest.raises(UserError) as info:
        rounds.set_votes(first, 8, 0)
    assert info.value.code == "rounds.locked"
    with pytest.raises(UserError) as info:
        rounds.new_version(old, "Lần nữa")
    assert info.value.code == "rounds.superseded"
    rounds.lock_round(v2, "sent")
    v3 = rounds.new_version(v2, "Sửa tên đơn vị")
    assert (v3.version, v3.supersedes_id) == (3, v2.id)


def test_giay_khen_decision_adds_a_chuyen_de_award_to_each_approved_awardee(demo, workspace, tmp_path):
    votes = {"Nông Thị Hoa": (6, 2), "Lý Thị Hằng": (3, 5), "Thôn Bản Chang": (8, 0)}
    r = _round_with_votes(workspace, tmp_path, votes)
    before = Award.select().count()
    with pytest.raises(UserError) as info:
        rounds.record_decision(r, "", date(2026, 3, 20), "Hoàng Văn Thắng")
    assert info.value.code == "rounds.decision_incomplete"
    with pytest.raises(UserError) as info:
        rounds.record_decision(r, "25/QĐ-UBND", date(2026, 3, 20), "Hoàng Văn Thắng", award_form=rounds.BANG_KHEN)
    assert info.value.code == "rounds.decision_not_commune_level"
    decision = rounds.record_decision(r, "25/QĐ-UBND", date(2026, 3, 20), "Hoàng Văn Thắng")
    assert (decision.number, decision.signer) == ("25/QĐ-UBND", "Hoàng Văn Thắng")
    added = list(Award.select().where(Award.decision_number == "25/QĐ-UBND"))
    assert Award.select().count() == before + 2
    assert sorted(a.participant.name for a in added) == ["Nông Thị Hoa", "Thôn Bản Chang"]
    for a in added:
        assert (a.category, a.code, a.award_type, a.year) == ("hinh_thuc", "GIAY_KHEN", "chuyen_de", 2026)
        assert a.decision_date == date(2026, 3, 20)
    with pytest.raises(UserError) as info:
        rounds.record_decision(r, "26/QĐ-UBND", date(2026, 3, 21), "Hoàng Văn Thắng")
    assert info.value.code == "rounds.decision_exists"
    assert Award.select().count() == before + 2
    # A chuyên đề Giấy khen never feeds the annual-merit route.
    hoa = person("Nông Thị Hoa")
    checklist = checklists.start_checklist(hoa, "bang_khen_tinh.ca_nhan.cong_trang", 2026)
    assert not checklist.assessment["computed"]["cstdcs_02_lan"]["met"]


def test_correction_keeps_the_decision_without_adding_awards_twice(demo, workspace, tmp_path):
    r = _round_with_votes(workspace, tmp_path, {"Nông Thị Hoa": (6, 2)})
    rounds.record_decision(r, "25/QĐ-UBND", date(2026, 3, 20), "Hoàng Văn Thắng")
    before = Award.select().count()
    rounds.lock_round(r)
    v2 = rounds.new_version(r, "Sửa chức vụ")
    assert [(d.number, d.signer) for d in rounds.decisions_of(v2)] == [("25/QĐ-UBND", "Hoàng Văn Thắng")]
    assert Award.select().count() == before
    with pytest.raises(UserError) as info:
        rounds.record_decision(v2, "27/QĐ-UBND", date(2026, 3, 22), "Hoàng Văn Thắng")
    assert info.value.code == "rounds.decision_exists"


def test_document_numbers_unique_per_series_and_year_never_reused(demo):
    commune = home_commune()
    first = rounds.DbNumberAllocator(commune, "tờ trình đợt 1")
    assert [first.allocate("TTr-UBND", 2026) for _ in range(3)] == [1, 2, 3]
    assert first.allocate("BB-HĐTĐKT", 2026) == 1
    assert first.allocate("TTr-UBND", 2027) == 1
    # Another allocator (another session, after a restart) continues the same series.
    assert rounds.DbNumberAllocator(commune).allocate("TTr-UBND", 2026) == 4
    issued = [(n.series, n.year, n.number) for n in rounds.DocumentNumber.select().order_by(rounds.DocumentNumber.id)]
    assert len(issued) == len(set(issued))
    assert rounds.DocumentNumber.get(rounds.DocumentNumber.number == 1, rounds.DocumentNumber.series == "TTr-UBND",
                                     rounds.DocumentNumber.year == 2026).purpose == "tờ trình đợt 1"


def test_thresholds_come_from_data(demo):
    common = load_catalog().common
    assert common.council.threshold_for(rounds.GIAY_KHEN) is None
    assert common.council.threshold_for(rounds.BANG_KHEN) is None
