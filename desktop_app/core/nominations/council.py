"""Council (Hội đồng Thi đua – Khen thưởng) meeting math: vote validation, thresholds, ranking with tie-breaks.

Pure logic, no storage. The rules come from data (resources/criteria/common.json → CouncilRules):
- Approval threshold: an optional share of ALL members (not of those present), per award form.
  NĐ 98/2023/NĐ-CP set none for Bằng khen and Giấy khen (≥ 80 % only for the CSTĐCS title), so
  the default is none. Without a threshold the app counts a nominee as approved when more members
  voted for than against — the app's choice, stated in every explanation, not a legal rule.
- Ranking for a limited quota: approved first, then more votes; among equal votes women, and
  collectives with ≥ 70 % women, rank first (NĐ 152/2025/NĐ-CP, Điều 4). Candidates still equal
  share a position; if such a group straddles the quota, the council must decide (selected=None).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Iterable, Mapping, Sequence

from .. import legal
from ..errors import UserError, ValidationError, message_text


def priority_citation() -> str:
    """NĐ 152/2025, Điều 4: the priority of women and collectives with ≥ 70 % women, cited from the registry."""
    return legal.source("nd_152_2025").reference("Điều 4")


def format_percent(share: Fraction) -> str:
    """Vietnamese percent, one decimal, comma separator: 7/9 → '77,8%', 4/5 → '80%'."""
    value = (Decimal(share.numerator) * 100 / Decimal(share.denominator)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    text = f"{value:.1f}".replace(".", ",")
    if text.endswith(",0"):
        text = text[:-2]
    return f"{text}%"


@dataclass(frozen=True)
class Meeting:
    """Members of the council in total, and present at the meeting."""

    members_total: int
    members_present: int


@dataclass(frozen=True)
class Vote:
    """Votes for one nominee. `nominee_id` is the caller's id; `name` is used in messages."""

    nominee_id: Any
    votes_for: int
    votes_against: int
    name: str = ""


@dataclass(frozen=True)
class VoteResult:
    """The computed result for one nominee, with a Vietnamese `explanation`."""

    nominee_id: Any
    votes_for: int
    votes_against: int
    members_total: int
    members_present: int
    threshold: Fraction | None
    passed: bool

    @property
    def share_of_all(self) -> Fraction:
        return Fraction(self.votes_for, self.members_total)

    @property
    def needed(self) -> int | None:
        """Votes for needed to reach the threshold (None without one)."""
        return None if self.threshold is None else math.ceil(self.threshold * self.members_total)

    @property
    def explanation(self) -> str:
        head = message_text("council.result.passed" if self.passed else "council.result.failed")
        counts = message_text(
            "council.result.counts", votes_for=self.votes_for, total=self.members_total,
            share=format_percent(self.share_of_all), votes_against=self.votes_against,
        )
        abstained = self.members_present - self.votes_for - self.votes_against
        if abstained:
            counts += message_text("council.result.abstained", count=abstained)
        if self.threshold is None:
            rule = message_text("council.result.no_threshold_pass" if self.passed else "council.result.no_threshold_fail")
        else:
            key = "council.result.threshold_pass" if self.passed else "council.result.threshold_fail"
            rule = message_text(key, threshold=format_percent(self.threshold), needed=self.needed)
        return message_text("council.result.sentence", head=head, counts=counts, rule=rule)


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def validate_meeting(meeting: Meeting, votes: Iterable[Vote] = ()) -> None:
    """Raise ValidationError naming every bad field: members_total ≥ 1; 1 ≤ present ≤ total;
    per nominee (field "votes.<nominee_id>") votes ≥ 0 and for + against ≤ present; ids unique."""
    fields: dict[str, str] = {}
    params: dict[str, dict] = {}
    total_ok = _is_count(meeting.members_total) and meeting.members_total >= 1
    if not total_ok:
        fields["members_total"] = "council.members_total_invalid"
    present_ok = _is_count(meeting.members_present) and meeting.members_present >= 1 and (
        not total_ok or meeting.members_present <= meeting.members_total
    )
    if not present_ok:
        fields["members_present"] = "council.members_present_invalid"
        params["members_present"] = {"total": meeting.members_total}
    seen: set = set()
    for v in votes:
        key = f"votes.{v.nominee_id}"
        name = v.name or str(v.nominee_id)
        if v.nominee_id in seen:
            fields[key] = "council.duplicate_nominee"
            params[key] = {"name": name}
            continue
        seen.add(v.nominee_id)
        if not (_is_count(v.votes_for) and _is_count(v.votes_against)) or v.votes_for < 0 or v.votes_against < 0:
            fields[key] = "council.votes_invalid"
            params[key] = {"name": name}
        elif present_ok and v.votes_for + v.votes_against > meeting.members_present:
            fields[key] = "council.votes_exceed_present"
            params[key] = {"name": name, "cast": v.votes_for + v.votes_against, "present": meeting.members_present}
    if fields:
        raise ValidationError(fields, params)


def check_threshold(threshold: Fraction | None) -> Fraction | None:
    """A threshold is None or a share in (0, 1]; floats are taken as shares too (0.8)."""
    if threshold is None:
        return None
    try:
        value = Fraction(str(threshold)) if isinstance(threshold, float) else Fraction(threshold)
    except (TypeError, ValueError):
        raise UserError("council.threshold_invalid", value=threshold) from None
    if not 0 < value <= 1:
        raise UserError("council.threshold_invalid", value=threshold)
    return value


def count_votes(meeting: Meeting, votes: Sequence[Vote], threshold: Fraction | None) -> list[VoteResult]:
    """Validate and compute every nominee's result, in the order given. `threshold` is a share of
    ALL members (e.g. Fraction(4, 5)) or None — take it from CouncilRules.threshold_for(award_form)."""
    threshold = check_threshold(threshold)
    validate_meeting(meeting, votes)
    results = []
    for v in votes:
        if threshold is None:
            passed = v.votes_for > v.votes_against
        else:
            passed = Fraction(v.votes_for, meeting.members_total) >= threshold
        results.append(VoteResult(v.nominee_id, v.votes_for, v.votes_against, meeting.members_total, meeting.members_present, threshold, passed))
    return results


# --------------------------------------------------------------------------- ranking


@dataclass(frozen=True)
class Candidate:
    """A nominee to rank. For individuals `gender` ("female" | "male" | ""); for collectives
    `member_count` and `female_count`. `passed` is the vote result (VoteResult.passed)."""

    nominee_id: Any
    name: str
    kind: str
    votes_for: int
    passed: bool = True
    gender: str = ""
    member_count: int | None = None
    female_count: int | None = None


@dataclass(frozen=True)
class RankReason:
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return message_text(self.code, **self.params)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class RankedNominee:
    """position: shared by candidates still equal after the tie-break (1, 2, 2, 4 …).
    selected: True within the quota, False outside, None when a tie straddles the quota (council decides)."""

    position: int
    candidate: Candidate
    priority: bool
    selected: bool | None
    reasons: tuple[RankReason, ...]

    @property
    def explanation(self) -> str:
        return "; ".join(r.text for r in self.reasons)


def _priority(c: Candidate, women_share_min: Fraction) -> tuple[bool, RankReason | None]:
    """(has priority, why) — NĐ 152/2025/NĐ-CP Điều 4: women, collectives with ≥ 70 % women."""
    if c.kind == "individual":
        if c.gender == "female":
            return True, RankReason("council.rank.why_woman")
        return False, None
    if not c.member_count or c.female_count is None:
        return False, RankReason("council.rank.no_female_data", {"name": c.name})
    share = Fraction(c.female_count, c.member_count)
    params = {"share": format_percent(share), "min": format_percent(women_share_min)}
    if share >= women_share_min:
        return True, RankReason("council.rank.why_collective_women", params)
    return False, None


def rank_nominees(candidates: Sequence[Candidate], quota: int | None, women_share_min: Fraction) -> list[RankedNominee]:
    """Order nominees for a limited quota and say why each got its place.

    `quota` None = no limit (every approved nominee is selected). `women_share_min` comes from
    CouncilRules.collective_women_share_min (0.7). Input order never decides between equals.
    """
    if quota is not None and (not _is_count(quota) or quota < 0):
        raise UserError("council.quota_invalid", value=quota)
    women_share_min = check_threshold(women_share_min)
    info = {id(c): _priority(c, women_share_min) for c in candidates}

    def key(c: Candidate):
        return (not c.passed, -c.votes_for, not info[id(c)][0])

    ordered = sorted(candidates, key=key)
    ranked: list[RankedNominee] = []
    i = 0
    while i < len(ordered):
        group = [c for c in ordered[i:] if key(c) == key(ordered[i])]
        position = i + 1
        last = i + len(group)
        for c in group:
            prio, why = info[id(c)]
            reasons = [RankReason("council.rank.votes", {"votes": c.votes_for})]
            if not c.passed:
                reasons.append(RankReason("council.rank.not_passed"))
            same_votes = [o for o in ordered if o is not c and o.passed == c.passed and o.votes_for == c.votes_for]
            if same_votes:
                below = [o.name for o in same_votes if prio and not info[id(o)][0]]
                above = [o.name for o in same_votes if not prio and info[id(o)][0]]
                equal = [o.name for o in same_votes if info[id(o)][0] == prio]
                if below:
                    reasons.append(RankReason("council.rank.ahead_of", {"names": ", ".join(below), "votes": c.votes_for, "why": why.text, "citation": priority_citation()}))
                if above:
                    reasons.append(RankReason("council.rank.behind", {"names": ", ".join(above), "votes": c.votes_for, "min": format_percent(women_share_min), "citation": priority_citation()}))
                if equal:
                    reasons.append(RankReason("council.rank.tied_with", {"names": ", ".join(equal)}))
                if why is not None and why.code == "council.rank.no_female_data":
                    reasons.append(why)
            if not c.passed:
                selected: bool | None = False
            elif quota is None:
                selected = True
            elif last <= quota:
                selected = True
            elif position > quota:
                selected = False
            else:
                selected = None
            if c.passed and quota is not None:
                code = {True: "council.rank.within_quota", False: "council.rank.outside_quota", None: "council.rank.tie_at_quota"}[selected]
                reasons.append(RankReason(code, {"quota": quota}))
            ranked.append(RankedNominee(position, c, prio, selected, tuple(reasons)))
        i = last
    return ranked
