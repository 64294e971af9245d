"""The checklist engine: a participant's record + the officer's answers → verdict with every reason.

Verdict rules (documented for the officer in resources/criteria/README.md):
- **not_eligible** (chưa đủ điều kiện) when something is known to fail: a blocking principle holds
  (discipline, inspection, complaint), a required criterion is answered "not met", a computed
  criterion is not met by the award history, no alternative of a "one of" group can be met, or the
  set is for the other participant kind;
- otherwise **incomplete** (chưa hoàn thành) while anything is still open: an unanswered criterion,
  a "met" answer without the required evidence, a blocking flag not confirmed, "not applicable"
  chosen where it is not accepted, or the common principles could not be loaded;
- otherwise **eligible** (đủ điều kiện).
Every reason is listed in both failing cases, so the officer sees all that is left to do. Reasons
inside a "one of" group that is already satisfied are irrelevant and not listed.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from ...errors import message_text
from .record import Answer, ParticipantRecord
from .rules import RULES, ComputedValue
from .schema import AWARD_FORMS, CommonData, CriteriaCatalog, CriteriaSet, Criterion, Principle

ELIGIBLE, NOT_ELIGIBLE, INCOMPLETE = "eligible", "not_eligible", "incomplete"
VERDICTS = (ELIGIBLE, NOT_ELIGIBLE, INCOMPLETE)

#: Reason kinds that make a verdict "not eligible"; any other reason only makes it "incomplete".
FAILING_KINDS = frozenset({"blocked", "not_met", "wrong_kind"})


@dataclass(frozen=True)
class Reason:
    """One reason behind a verdict. `kind` is one of: blocked, not_met, wrong_kind (failing) or
    unanswered, missing_evidence, not_confirmed, na_not_allowed, no_principles (open).
    `subject` is the criterion or principle code it is about; `text` is the Vietnamese sentence."""

    kind: str
    code: str
    subject: str | None = None
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def failing(self) -> bool:
        return self.kind in FAILING_KINDS

    @property
    def text(self) -> str:
        return message_text(self.code, **self.params)

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class CriterionResult:
    """Outcome of one criterion: met | not_met | not_applicable | pending, with its own reasons."""

    criterion: Criterion
    outcome: str
    answer: Answer | None = None
    computed: ComputedValue | None = None
    children: tuple["CriterionResult", ...] = ()
    reasons: tuple[Reason, ...] = ()

    def walk(self) -> Iterable["CriterionResult"]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class PrincipleResult:
    """clear | blocked | unknown (flag not confirmed)."""

    principle: Principle
    outcome: str


@dataclass(frozen=True)
class Assessment:
    """The engine's answer for one checklist."""

    set_id: str
    set_version: int
    set_fingerprint: str
    verdict: str
    reasons: tuple[Reason, ...]
    principles: tuple[PrincipleResult, ...]
    results: tuple[CriterionResult, ...]
    ignored_answers: tuple[str, ...] = ()
    answered: int = 0
    answerable: int = 0

    @property
    def verdict_text(self) -> str:
        return message_text(f"criteria.verdict.{self.verdict}")

    def result(self, code: str) -> CriterionResult | None:
        for top in self.results:
            for r in top.walk():
                if r.criterion.code == code:
                    return r
        return None

    @property
    def computed(self) -> dict[str, ComputedValue]:
        """Computed values by criterion code, to show (and store) with their provenance."""
        return {r.criterion.code: r.computed for top in self.results for r in top.walk() if r.computed is not None}

    def reasons_of(self, *kinds: str) -> list[Reason]:
        return [r for r in self.reasons if r.kind in kinds]

    def to_dict(self) -> dict:
        """JSON-ready summary to store with a checklist (verdict, reasons, computed values with
        provenance), so lists and documents can show it without re-running the engine."""
        return {
            "set_id": self.set_id,
            "set_version": self.set_version,
            "set_fingerprint": self.set_fingerprint,
            "verdict": self.verdict,
            "verdict_text": self.verdict_text,
            "answered": self.answered,
            "answerable": self.answerable,
            "reasons": [
                {"kind": r.kind, "code": r.code, "subject": r.subject, "params": dict(r.params), "text": r.text}
                for r in self.reasons
            ],
            "computed": {
                code: {
                    "met": v.met,
                    "value_text": v.value_text,
                    "provenance_text": v.provenance_text,
                    "excluded_text": v.excluded_text,
                    "provenance_refs": [e.ref for e in v.provenance],
                }
                for code, v in self.computed.items()
            },
        }


def _judgement(c: Criterion, answer: Answer | None, in_one_of: bool) -> CriterionResult:
    status = answer.status if answer else None
    p = {"text": c.text}
    if status is None:
        return CriterionResult(c, "pending", answer, reasons=(Reason("unanswered", "criteria.reason.unanswered", c.code, p),))
    if status == "met":
        if c.evidence_required and not answer.evidence_ids:
            return CriterionResult(c, "pending", answer, reasons=(Reason("missing_evidence", "criteria.reason.missing_evidence", c.code, p),))
        return CriterionResult(c, "met", answer)
    if status == "not_met":
        return CriterionResult(c, "not_met", answer, reasons=(Reason("not_met", "criteria.reason.not_met", c.code, p),))
    # not_applicable: inside "one of" it just means "not this alternative"; elsewhere only if allowed.
    if in_one_of or c.not_applicable_allowed:
        return CriterionResult(c, "not_applicable", answer)
    return CriterionResult(c, "pending", answer, reasons=(Reason("na_not_allowed", "criteria.reason.na_not_allowed", c.code, p),))


def _computed(c: Criterion, record: ParticipantRecord, common: CommonData | None, answer: Answer | None) -> CriterionResult:
    value = RULES[c.rule].compute(c.params, record, common)
    if value.met:
        return CriterionResult(c, "met", answer, value)
    reason = Reason("not_met", "criteria.reason.computed_not_met", c.code, {"text": c.text, "value": value.value_text})
    extra = ()
    if value.excluded_text:
        # Say it out loud: the officer will otherwise wonder why a recorded award did not count.
        extra = (Reason("not_met", "criteria.reason.excluded_awards", c.code, {"text": c.text, "detail": value.excluded_text}),)
    return CriterionResult(c, "not_met", answer, value, reasons=(reason, *extra))


def _evaluate(c: Criterion, record, common, answers: Mapping[str, Answer], in_one_of: bool = False) -> CriterionResult:
    answer = answers.get(c.code)
    if c.kind == "judgement":
        return _judgement(c, answer, in_one_of)
    if c.kind == "computed":
        return _computed(c, record, common, answer)
    children = tuple(_evaluate(ch, record, common, answers, in_one_of=(c.kind == "one_of")) for ch in c.children)
    if c.kind == "one_of":
        if any(r.outcome == "met" for r in children):
            return CriterionResult(c, "met", None, children=children)
        if all(r.outcome in ("not_met", "not_applicable") for r in children):
            options = "; ".join(r.criterion.text for r in children)
            why = Reason("not_met", "criteria.reason.one_of_not_met", c.code, {"text": c.text, "options": options})
            # Then each alternative's own reasons, e.g. which recorded award was not counted.
            return CriterionResult(c, "not_met", None, children=children, reasons=(why, *(r for ch in children for r in ch.reasons)))
        # Some alternative is still open: list what would complete it. Alternatives that already
        # failed are not reasons here (another one may still be met), so they do not block.
        open_reasons = tuple(r for ch in children if ch.outcome == "pending" for r in ch.reasons)
        why = Reason("unanswered", "criteria.reason.one_of_pending", c.code, {"text": c.text})
        return CriterionResult(c, "pending", None, children=children, reasons=(why, *open_reasons))
    # all_of (and the set's top level)
    return _combine_all(c, children)


def _combine_all(c: Criterion | None, children: tuple[CriterionResult, ...]) -> CriterionResult:
    reasons = tuple(r for ch in children for r in ch.reasons)
    if any(ch.outcome == "not_met" for ch in children):
        outcome = "not_met"
    elif any(ch.outcome == "pending" for ch in children):
        outcome = "pending"
    else:
        outcome = "met"
    return CriterionResult(c, outcome, None, children=children, reasons=reasons)


def _principles(record: ParticipantRecord, common: CommonData | None) -> tuple[list[PrincipleResult], list[Reason]]:
    if common is None:
        return [], [Reason("no_principles", "criteria.reason.no_principles")]
    results, reasons = [], []
    for p in common.principles:
        flag = record.flags.get(p.flag)
        params = {"text": p.text, "citation": p.citation}
        if flag is True:
            results.append(PrincipleResult(p, "blocked"))
            reasons.append(Reason("blocked", "criteria.reason.blocked", p.code, params))
        elif flag is False:
            results.append(PrincipleResult(p, "clear"))
        else:
            results.append(PrincipleResult(p, "unknown"))
            reasons.append(Reason("not_confirmed", "criteria.reason.flag_unconfirmed", p.code, params))
    return results, reasons


def evaluate(
    criteria_set: CriteriaSet,
    record: ParticipantRecord,
    answers: Mapping[str, Answer],
    common: CommonData | None,
) -> Assessment:
    """Run one checklist. `answers` maps criterion code → Answer (judgements only; answers to
    computed criteria keep their note but the value always comes from `record.history`).
    `common` is `catalog.common`; None (broken common.json) gives at best "incomplete"."""
    reasons: list[Reason] = []
    if record.kind != criteria_set.participant_kind:
        reasons.append(Reason("wrong_kind", "criteria.reason.wrong_kind", None, {
            "set_kind": message_text(f"criteria.kind.{criteria_set.participant_kind}"),
            "kind": message_text(f"criteria.kind.{record.kind}"),
        }))
    principle_results, principle_reasons = _principles(record, common)
    reasons += principle_reasons
    results = tuple(_evaluate(c, record, common, answers) for c in criteria_set.criteria)
    top = _combine_all(None, results)
    reasons += top.reasons
    codes = {c.code: c for c in criteria_set.walk()}
    ignored = tuple(sorted(k for k in answers if k not in codes or codes[k].is_group))
    answerable = [c for c in codes.values() if c.answerable]
    answered = sum(1 for c in answerable if answers.get(c.code) and answers[c.code].status is not None)
    if any(r.failing for r in reasons):
        verdict = NOT_ELIGIBLE
    elif reasons:
        verdict = INCOMPLETE
    else:
        verdict = ELIGIBLE
    return Assessment(
        set_id=criteria_set.id, set_version=criteria_set.version, set_fingerprint=criteria_set.fingerprint,
        verdict=verdict, reasons=tuple(reasons), principles=tuple(principle_results), results=results,
        ignored_answers=ignored, answered=answered, answerable=len(answerable),
    )


def suggest_sets(
    sets: CriteriaCatalog | Mapping[str, CriteriaSet] | Iterable[CriteriaSet],
    participant_kind: str,
    award_form: str | None = None,
    on: _dt.date | None = None,
) -> list[CriteriaSet]:
    """The criteria sets (routes) that fit a participant kind, optionally one award form and a date
    (sets not in force that day are left out). Ordered by award form, then the thematic route
    (chuyên đề — the one the movement uses) first, then by id."""
    if isinstance(sets, CriteriaCatalog):
        sets = sets.sets
    if isinstance(sets, Mapping):
        sets = sets.values()
    found = [
        s for s in sets
        if s.participant_kind == participant_kind
        and (award_form is None or s.award_form == award_form)
        and (on is None or s.is_effective(on))
    ]
    form_order = {f: i for i, f in enumerate(AWARD_FORMS)}
    return sorted(found, key=lambda s: (form_order.get(s.award_form, len(form_order)), s.route.code != "chuyen_de", s.id))
