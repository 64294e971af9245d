"""Decisions coming back: each nominee's outcome lands once in the round and in the award history, linked to its
decision row; a return packet's payload applied twice changes nothing."""
from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.errors import UserError
from desktop_app.core.nominations import outcomes, rounds
from desktop_app.core.register.awards import list_awards
from desktop_app.core.storage.models import Award, AwardDecision, NominationRound, Nominee, NomineeOutcome


@pytest.fixture
def demo(session):
    made = create_demo_commune(session)
    return session, made["round"]


def _row(session, round_id, name):
    return next(r for r in outcomes.outcomes_of(session, round_id) if r.name == name)


PROVINCE = {"award_form": "bang_khen_tinh", "number": "3001/QĐ-UBND", "decided_on": "05/05/2026",
            "issuer": "Chủ tịch UBND tỉnh Thái Nguyên", "level": "tinh", "signer": "Trịnh Việt Hùng",
            "signer_title": "CHỦ TỊCH", "title": "Về việc tặng Bằng khen của Chủ tịch UBND tỉnh"}


def test_the_communes_own_decision_gives_outcomes(demo):
    session, r = demo
    rows = {x.name: x for x in outcomes.outcomes_of(session, r.id) if x.award_form == "giay_khen"}
    assert rows["Đặng Thị Huyền"].outcome == "awarded" and rows["Đặng Thị Huyền"].decision_number == "18/QĐ-UBND"
    assert "chuyển đổi số" in rows["Đặng Thị Huyền"].certificate_text
    assert rows["Mã Văn Long"].outcome == "not_awarded" and "3 phiếu" in rows["Mã Văn Long"].reason
    award = Award.get_by_id(rows["Đặng Thị Huyền"].award_id)
    assert award.decision.number == "18/QĐ-UBND" and award.decision.issuer == "Chủ tịch UBND xã Thượng Quan"


def test_a_paper_decision_typed_per_nominee_lands_once(demo):
    session, r = demo
    decision = outcomes.record_decision_back(session, r.id, PROVINCE)
    hoa = _row(session, r.id, "Ma Thị Lan")   # still waiting in the demo
    before = len(list_awards(session, hoa.participant_id))
    for _ in range(2):
        outcomes.set_outcome(session, hoa.nominee_id, "awarded", decision_id=decision.id,
                             certificate_text="Đã có thành tích xuất sắc trong chuyển đổi số", prize_amount=2_340_000)
    awards = list_awards(session, hoa.participant_id)
    assert len(awards) == before + 1
    got = [a for a in awards if a.decision_id == decision.id]
    assert len(got) == 1 and got[0].code == "bang_khen_tinh" and got[0].issuer == PROVINCE["issuer"]
    assert got[0].decision_number == "3001/QĐ-UBND" and got[0].decision_date == date(2026, 5, 5)
    row = _row(session, r.id, "Ma Thị Lan")
    assert (row.outcome, row.prize_amount, row.signer) == ("awarded", 2_340_000, "Trịnh Việt Hùng")
    # A corrected decision number follows into the history (linked by row, not by the number's text).
    outcomes.record_decision_back(session, r.id, {**PROVINCE, "decided_on": "06/05/2026"})
    assert Award.get_by_id(got[0].id).decision_date == date(2026, 5, 6)
    assert AwardDecision.select().where(AwardDecision.number == PROVINCE["number"]).count() == 1
    # Changed to not awarded: a reason is required; the award leaves the history (archived, kept).
    with pytest.raises(UserError, match="lý do"):
        outcomes.set_outcome(session, hoa.nominee_id, "not_awarded")
    outcomes.set_outcome(session, hoa.nominee_id, "not_awarded", reason="Chưa đủ tiêu chuẩn")
    assert len(list_awards(session, hoa.participant_id)) == before
    assert Award.get_by_id(got[0].id).archived_at is not None


def test_wrong_form_or_missing_decision_is_refused(demo):
    session, r = demo
    hoa = _row(session, r.id, "Nông Thị Hoa")
    with pytest.raises(UserError) as e:
        outcomes.set_outcome(session, hoa.nominee_id, "awarded")
    assert e.value.code == "outcomes.decision_required"
    gk = AwardDecision.get((AwardDecision.round == r.id) & (AwardDecision.award_form == "giay_khen"))
    with pytest.raises(UserError) as e:
        outcomes.set_outcome(session, hoa.nominee_id, "awarded", decision_id=gk.id)
    assert e.value.code == "outcomes.decision_other_form"
    with pytest.raises(UserError) as e:
        outcomes.record_decision_back(session, r.id, {**PROVINCE, "award_form": "giay_khen", "number": "18/QĐ-UBND"})
    assert e.value.code == "outcomes.commune_decision_exists"


def test_a_return_payload_lands_once(demo):
    session, r = demo
    nominees = {n.participant.name: n for n in Nominee.select().where(Nominee.round == r.id)}
    returned = outcomes.ReturnedDecision(
        packet_id="tra-0001", round_uid=r.uid, award_form="bang_khen_tinh", number="3002/QĐ-UBND",
        decided_on=date(2026, 5, 5), issuer="Chủ tịch UBND tỉnh Thái Nguyên", signer="Trịnh Việt Hùng",
        decision_file="quyet_dinh/2417.pdf", decision_sha256="ab" * 32,
        outcomes=(outcomes.ReturnedOutcome(nominees["Ma Thị Lan"].uid, "awarded", prize_amount=2_340_000),
                  outcomes.ReturnedOutcome(nominees["Trạm Y tế xã Thượng Quan"].uid, "not_awarded",
                                           reason="Chưa có số liệu minh chứng năm 2025")))
    count = Award.select().count()
    first = outcomes.apply_return(session, returned)
    assert (first.awarded, first.not_awarded, first.duplicate) == (1, 1, False)
    assert Award.select().count() == count + 1
    again = outcomes.apply_return(session, returned)
    assert again.duplicate and Award.select().count() == count + 1
    assert NomineeOutcome.select().join(Nominee).where(Nominee.round == r.id).count() == \
        len([x for x in outcomes.outcomes_of(session, r.id) if x.outcome])
    d = AwardDecision.get_by_id(first.decision_id)
    assert (d.source, d.file_name, d.return_packet_id) == ("return_packet", "quyet_dinh/2417.pdf", "tra-0001")
    # A nominee the round does not have: nothing is applied.
    stranger = outcomes.ReturnedDecision(**{**returned.__dict__, "packet_id": "tra-0002",
                                            "outcomes": (outcomes.ReturnedOutcome("f" * 32, "awarded"),)})
    with pytest.raises(UserError):
        outcomes.apply_return(session, stranger)
    assert AwardDecision.select().where(AwardDecision.return_packet_id == "tra-0002").count() == 0


def test_a_return_payload_for_a_corrected_round_lands_in_the_newest_version(demo):
    session, r = demo
    rounds.lock_round(session, r.id)
    fresh = rounds.new_version(session, r.id, "Trả lại: bổ sung minh chứng")
    old_hoa = next(n for n in Nominee.select().where(Nominee.round == r.id) if n.participant.name == "Nông Thị Hoa")
    report = outcomes.apply_return(session, outcomes.ReturnedDecision(
        packet_id="tra-0003", round_uid=r.uid, award_form="bang_khen_tinh", number="9/QĐ-UBND",
        decided_on=date(2026, 6, 1), issuer="Chủ tịch UBND tỉnh Thái Nguyên", signer="A",
        outcomes=(outcomes.ReturnedOutcome(old_hoa.uid, "awarded"),)))
    assert AwardDecision.get_by_id(report.decision_id).round_id == fresh.id
    assert _row(session, fresh.id, "Nông Thị Hoa").outcome == "awarded"
    assert NominationRound.get_by_id(r.id).status == "superseded"


def test_a_dossier_returned_for_more_information_reopens_the_round_with_the_reasons(demo):
    session, r = demo
    rows = {x.name: x for x in outcomes.outcomes_of(session, r.id)}
    with pytest.raises(UserError):
        outcomes.return_for_more_information(session, r.id, " ")
    rounds.lock_round(session, r.id, "sent")
    fresh = outcomes.return_for_more_information(session, r.id, "Thiếu minh chứng số liệu năm 2025",
                                                 {rows["Nguyễn Văn Đức"].nominee_id: "Bổ sung xác nhận của Trạm"})
    assert (fresh.version, fresh.status) == (2, "draft")
    assert fresh.correction_reason == "Trả lại để bổ sung: Thiếu minh chứng số liệu năm 2025"
    assert NominationRound.get_by_id(r.id).status == "superseded"
    new_rows = {x.name: x for x in outcomes.outcomes_of(session, fresh.id)}
    assert new_rows["Nguyễn Văn Đức"].return_reason == "Bổ sung xác nhận của Trạm"
    assert new_rows["Ma Thị Lan"].return_reason == ""
