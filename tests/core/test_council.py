"""Council meeting math: thresholds of ALL members, vote validation, ranking with the women-first tie-break."""
from __future__ import annotations

from fractions import Fraction

import pytest

from desktop_app.core.errors import UserError, ValidationError
from desktop_app.core.nominations.council import (Candidate, Meeting, Vote, check_threshold, count_votes,
                                                  format_percent, rank_nominees, validate_meeting)
from desktop_app.core.nominations.criteria import load_catalog
from desktop_app.core.vocabulary import BANG_KHEN_TINH, GIAY_KHEN

SEVENTY = Fraction(7, 10)


@pytest.mark.parametrize("share, text", [(Fraction(7, 9), "77,8%"), (Fraction(4, 5), "80%"), (Fraction(2, 3), "66,7%"),
                                         (Fraction(1), "100%"), (Fraction(1, 8), "12,5%"), (Fraction(1, 200), "0,5%")])
def test_format_percent(share, text):
    assert format_percent(share) == text


@pytest.mark.parametrize(
    "total, present, votes_for, against, threshold, passed, explanation",
    [
        # No threshold (Bằng khen, Giấy khen by default): more for than against.
        (9, 9, 7, 2, None, True, "Đạt: 7/9 thành viên đồng ý (77,8%), 2 không đồng ý; không đặt ngưỡng, số đồng ý nhiều hơn số không đồng ý."),
        (9, 8, 4, 4, None, False, "Không đạt: 4/9 thành viên đồng ý (44,4%), 4 không đồng ý; không đặt ngưỡng, nhưng số đồng ý không nhiều hơn số không đồng ý."),
        (9, 5, 3, 1, None, True, "Đạt: 3/9 thành viên đồng ý (33,3%), 1 không đồng ý, 1 không biểu quyết; không đặt ngưỡng, số đồng ý nhiều hơn số không đồng ý."),
        # 50 % of all members: reaching it exactly passes.
        (10, 10, 5, 5, Fraction(1, 2), True, "Đạt: 5/10 thành viên đồng ý (50%), 5 không đồng ý; đạt ngưỡng 50% tổng số thành viên (cần ít nhất 5 phiếu)."),
        (10, 9, 4, 5, Fraction(1, 2), False, "Không đạt: 4/10 thành viên đồng ý (40%), 5 không đồng ý; chưa đạt ngưỡng 50% tổng số thành viên (cần ít nhất 5 phiếu)."),
        # 80 % of ALL members (CSTĐCS): 7 of 9 is not enough, 8 of 9 is.
        (9, 9, 7, 2, Fraction(4, 5), False, "Không đạt: 7/9 thành viên đồng ý (77,8%), 2 không đồng ý; chưa đạt ngưỡng 80% tổng số thành viên (cần ít nhất 8 phiếu)."),
        (9, 9, 8, 1, Fraction(4, 5), True, "Đạt: 8/9 thành viên đồng ý (88,9%), 1 không đồng ý; đạt ngưỡng 80% tổng số thành viên (cần ít nhất 8 phiếu)."),
        # The share is of all members, not of those present: 7 of 8 present is 87,5 % but 7/10 of the council.
        (10, 8, 7, 1, Fraction(4, 5), False, "Không đạt: 7/10 thành viên đồng ý (70%), 1 không đồng ý; chưa đạt ngưỡng 80% tổng số thành viên (cần ít nhất 8 phiếu)."),
        (10, 8, 8, 0, 0.8, True, "Đạt: 8/10 thành viên đồng ý (80%), 0 không đồng ý; đạt ngưỡng 80% tổng số thành viên (cần ít nhất 8 phiếu)."),
    ],
)
def test_vote_thresholds(total, present, votes_for, against, threshold, passed, explanation):
    (result,) = count_votes(Meeting(total, present), [Vote("n1", votes_for, against, "Nguyễn Văn A")], threshold)
    assert result.passed is passed
    assert result.explanation == explanation


def test_thresholds_come_from_data():
    rules = load_catalog().common.council
    # The award forms by the rounds' codes (core/vocabulary.py); listed with "no threshold", not just missing.
    assert rules.threshold_for(BANG_KHEN_TINH) is None and BANG_KHEN_TINH in rules.thresholds
    assert rules.threshold_for(GIAY_KHEN) is None and GIAY_KHEN in rules.thresholds
    assert (BANG_KHEN_TINH, GIAY_KHEN) == ("bang_khen_tinh", "giay_khen")
    # The CSTĐCS 80% threshold came from the repealed NĐ 98/2023: not in the national data any more.
    assert rules.threshold_for("chien_si_thi_dua_co_so") is None
    assert rules.collective_women_share_min == SEVENTY


@pytest.mark.parametrize(
    "meeting, votes, fields",
    [
        (Meeting(0, 0), [], {"members_total": "council.members_total_invalid", "members_present": "council.members_present_invalid"}),
        (Meeting(9, 0), [], {"members_present": "council.members_present_invalid"}),
        (Meeting(9, 10), [], {"members_present": "council.members_present_invalid"}),
        (Meeting(9, True), [], {"members_present": "council.members_present_invalid"}),
        (Meeting(9, 7), [Vote(1, 5, 3, "Bà B")], {"votes.1": "council.votes_exceed_present"}),
        (Meeting(9, 7), [Vote(1, -1, 3, "Bà B")], {"votes.1": "council.votes_invalid"}),
        (Meeting(9, 7), [Vote(1, 2.5, 3, "Bà B")], {"votes.1": "council.votes_invalid"}),
        (Meeting(9, 7), [Vote(1, 5, 2, "Bà B"), Vote(1, 5, 2, "Bà B")], {"votes.1": "council.duplicate_nominee"}),
        (Meeting(9, 7), [Vote(1, 7, 0, "A"), Vote(2, 0, 8, "B"), Vote(3, 3, 3, "C")], {"votes.2": "council.votes_exceed_present"}),
    ],
)
def test_invalid_votes(meeting, votes, fields):
    with pytest.raises(ValidationError) as info:
        validate_meeting(meeting, votes)
    assert info.value.fields == fields
    for f in fields:
        text = info.value.field_text(f)
        assert text and not text.startswith("council.")


def test_invalid_vote_messages_are_specific():
    with pytest.raises(ValidationError) as info:
        count_votes(Meeting(9, 7), [Vote("x", 5, 3, "Thôn Nà Pài")], None)
    assert info.value.field_text("votes.x") == "Thôn Nà Pài: tổng phiếu đồng ý và không đồng ý (8) vượt số thành viên có mặt (7)."
    with pytest.raises(ValidationError) as info:
        validate_meeting(Meeting(9, 12))
    assert info.value.field_text("members_present") == "Số thành viên có mặt phải từ 1 đến 9."


def test_valid_meeting_passes_validation():
    validate_meeting(Meeting(9, 9), [Vote(1, 9, 0), Vote(2, 0, 9), Vote(3, 0, 0)])


@pytest.mark.parametrize("bad", [0, Fraction(3, 2), -0.5, "80%"])
def test_invalid_threshold(bad):
    with pytest.raises(UserError) as info:
        check_threshold(bad)
    assert info.value.code == "council.threshold_invalid"


def _positions(ranked):
    return [(r.position, r.candidate.name, r.selected) for r in ranked]


def test_more_votes_rank_first_whatever_the_gender():
    ranked = rank_nominees([Candidate(1, "Bà B", "individual", 7, gender="female"),
                            Candidate(2, "Ông A", "individual", 8, gender="male")], 1, SEVENTY)
    assert _positions(ranked) == [(1, "Ông A", True), (2, "Bà B", False)]
    assert ranked[1].explanation == "7 phiếu đồng ý; ngoài chỉ tiêu 1"


def test_equal_votes_women_and_collectives_with_70_percent_women_first():
    candidates = [
        Candidate(1, "Ông A", "individual", 8, gender="male"),
        Candidate(2, "Thôn Bản Pjạc", "collective", 8, member_count=10, female_count=6),  # 60 %: no priority
        Candidate(3, "Bà B", "individual", 8, gender="female"),
        Candidate(4, "Thôn Nà Pài", "collective", 8, member_count=10, female_count=7),  # exactly 70 %
        Candidate(5, "Ông C", "individual", 9, gender="male"),
    ]
    ranked = rank_nominees(candidates, 3, SEVENTY)
    assert _positions(ranked) == [
        (1, "Ông C", True), (2, "Bà B", True), (2, "Thôn Nà Pài", True), (4, "Ông A", False), (4, "Thôn Bản Pjạc", False)]
    by_name = {r.candidate.name: r for r in ranked}
    assert by_name["Bà B"].priority and by_name["Thôn Nà Pài"].priority and not by_name["Thôn Bản Pjạc"].priority
    assert "xếp trước Ông A, Thôn Bản Pjạc (cùng 8 phiếu) vì là nữ" in by_name["Bà B"].explanation
    assert "vì là tập thể có 70% nữ (từ 70% trở lên)" in by_name["Thôn Nà Pài"].explanation
    assert "xếp sau Bà B, Thôn Nà Pài (cùng 8 phiếu) do ưu tiên nữ, tập thể có từ 70% nữ (Nghị định số 152/2025/NĐ-CP, Điều 4)" in by_name["Ông A"].explanation
    assert "ngang hạng với Thôn Bản Pjạc" in by_name["Ông A"].explanation
    assert by_name["Ông C"].explanation == "9 phiếu đồng ý; trong chỉ tiêu 3"


def test_input_order_never_decides():
    a = Candidate(1, "Ông A", "individual", 8, gender="male")
    b = Candidate(2, "Bà B", "individual", 8, gender="female")
    assert _positions(rank_nominees([a, b], 1, SEVENTY)) == _positions(rank_nominees([b, a], 1, SEVENTY)) == [
        (1, "Bà B", True), (2, "Ông A", False)]


def test_tie_straddling_the_quota_goes_to_the_council():
    candidates = [Candidate(1, "Bà B", "individual", 8, gender="female"), Candidate(2, "Bà D", "individual", 8, gender="female"),
                  Candidate(3, "Ông E", "individual", 9, gender="male")]
    ranked = rank_nominees(candidates, 2, SEVENTY)
    assert _positions(ranked) == [(1, "Ông E", True), (2, "Bà B", None), (2, "Bà D", None)]
    assert ranked[1].explanation.endswith("ngang hạng đúng tại giới hạn chỉ tiêu 2: Hội đồng cần quyết định")


def test_failed_vote_is_never_selected_and_ranks_last():
    candidates = [Candidate(1, "Ông A", "individual", 9, passed=False), Candidate(2, "Ông G", "individual", 5)]
    ranked = rank_nominees(candidates, 2, SEVENTY)
    assert _positions(ranked) == [(1, "Ông G", True), (2, "Ông A", False)]
    assert "không đạt biểu quyết" in ranked[1].explanation


def test_no_quota_selects_every_approved_nominee():
    ranked = rank_nominees([Candidate(1, "A", "individual", 3), Candidate(2, "B", "individual", 2, passed=False)], None, SEVENTY)
    assert [r.selected for r in ranked] == [True, False]


def test_collective_without_women_count_gets_no_priority_and_says_so():
    ranked = rank_nominees([Candidate(1, "Thôn X", "collective", 6, member_count=None),
                            Candidate(2, "Ông H", "individual", 6, gender="male")], 1, SEVENTY)
    assert [r.priority for r in ranked] == [False, False]
    assert all(r.selected is None for r in ranked)
    assert "Thôn X chưa có số thành viên nữ nên không được xét ưu tiên" in ranked[0].explanation


def test_invalid_quota():
    with pytest.raises(UserError) as info:
        rank_nominees([], -1, SEVENTY)
    assert info.value.code == "council.quota_invalid"


def test_ranking_with_vote_results():
    results = count_votes(Meeting(9, 9), [Vote(1, 8, 1, "Ông A"), Vote(2, 8, 1, "Bà B"), Vote(3, 4, 5, "Ông C")], None)
    meta = {1: ("Ông A", "male"), 2: ("Bà B", "female"), 3: ("Ông C", "male")}
    candidates = [Candidate(r.nominee_id, meta[r.nominee_id][0], "individual", r.votes_for, r.passed, gender=meta[r.nominee_id][1])
                  for r in results]
    assert _positions(rank_nominees(candidates, 2, SEVENTY)) == [(1, "Bà B", True), (2, "Ông A", True), (3, "Ông C", False)]
