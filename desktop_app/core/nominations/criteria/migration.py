"""Moving a checklist filled against one version of a criteria set to another (pure).

An answer is kept when its criterion still exists with the same code, kind and wording; anything
new or reworded must be answered again. The old set's definition stays readable because the
checklist stores the snapshot it was filled against (CriteriaSet.snapshot / fingerprint).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ...errors import UserError
from ...text import nfc
from .record import Answer
from .schema import CriteriaSet, Criterion

NEW, CHANGED = "new", "changed"


@dataclass(frozen=True)
class ReanswerItem:
    """A criterion of the new version that needs an answer: `reason` is "new" or "changed"."""

    code: str
    text: str
    reason: str
    old_text: str = ""


@dataclass(frozen=True)
class DroppedAnswer:
    """An answer whose criterion no longer exists (or changed) — shown to the officer, not silently lost."""

    code: str
    old_text: str
    answer: Answer


@dataclass(frozen=True)
class MigrationResult:
    from_version: int
    to_version: int
    answers: dict[str, Answer]
    kept: tuple[str, ...]
    to_reanswer: tuple[ReanswerItem, ...]
    dropped: tuple[DroppedAnswer, ...]

    @property
    def clean(self) -> bool:
        """Nothing to re-answer and nothing lost."""
        return not self.to_reanswer and not self.dropped


def _signature(c: Criterion) -> tuple:
    # Wording is compared after NFC and whitespace folding: re-flowing a sentence is not a change.
    # Help text and citations may change without invalidating an answer; the criterion's meaning
    # (its text), its kind and the evidence demand may not.
    return (c.kind, nfc(c.text), c.evidence_required, c.not_applicable_allowed, c.rule, dict(c.params))


def migrate_answers(old_set: CriteriaSet, new_set: CriteriaSet, answers: Mapping[str, Answer]) -> MigrationResult:
    """Answers for `new_set` from answers filled against `old_set` (same set id, any versions).

    Kept: answers whose criterion code exists in both with the same signature (kind, text, evidence
    demand, rule). To re-answer: judgement criteria of the new set that are new or changed
    (criteria merely left unanswered stay "unanswered" in the engine's verdict). Dropped: answers whose criterion vanished or changed (their old text is kept
    in the result so the UI can show "you had answered … to …").
    """
    if old_set.id != new_set.id:
        raise UserError("criteria.migrate.different_set", old=old_set.id, new=new_set.id)
    old = {c.code: c for c in old_set.walk()}
    new = {c.code: c for c in new_set.walk()}
    kept_answers: dict[str, Answer] = {}
    kept: list[str] = []
    dropped: list[DroppedAnswer] = []
    for code, answer in answers.items():
        before, after = old.get(code), new.get(code)
        if after is not None and before is not None and _signature(before) == _signature(after):
            kept_answers[code] = answer
            kept.append(code)
        else:
            dropped.append(DroppedAnswer(code, before.text if before else "", answer))
    to_reanswer: list[ReanswerItem] = []
    for code, c in new.items():
        if not c.answerable:
            continue
        before = old.get(code)
        if before is None:
            to_reanswer.append(ReanswerItem(code, c.text, NEW))
        elif _signature(before) != _signature(c):
            to_reanswer.append(ReanswerItem(code, c.text, CHANGED, before.text))
    return MigrationResult(
        from_version=old_set.version, to_version=new_set.version, answers=kept_answers,
        kept=tuple(kept), to_reanswer=tuple(to_reanswer), dropped=tuple(dropped),
    )


def needs_migration(stored_fingerprint: str, current: CriteriaSet) -> bool:
    """True when a checklist's stored set differs from the current file (version bump or edit)."""
    return stored_fingerprint != current.fingerprint
