"""The engine's input: a participant's record (kind, flags, award history) and the officer's answers.

Plain frozen dataclasses, no database: the storage layer maps its rows onto them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

#: Answer statuses; None means "not answered yet".
ANSWER_STATUSES = ("met", "not_met", "not_applicable")
GENDERS = ("female", "male", "")


@dataclass(frozen=True)
class HistoryEntry:
    """One line of award history: a title (danh_hieu), an award form (hinh_thuc), an annual rating
    (xep_loai, e.g. HTXSNV) or a recognised initiative / research work (sang_kien).

    `award_type` is cong_trang | chuyen_de | dot_xuat | cong_hien (None for ratings is fine);
    chuyên đề and đột xuất entries never count towards history-computed (annual-merit) criteria.
    `ref` is the caller's own id (e.g. Award.uid) so the UI can link provenance back to the row.
    """

    category: str
    code: str
    year: int
    award_type: str | None = None
    decision_number: str = ""
    name: str = ""
    ref: Any = None


@dataclass(frozen=True)
class ParticipantRecord:
    """What the engine needs to know about one participant.

    flags: blocking flags by name (under_discipline, under_inspection, under_complaint); a flag that
      is missing or None is "not confirmed" and makes the verdict incomplete, never eligible.
    assessment_year: the last year of work the nomination considers (e.g. 2025 for a proposal made
      in early 2026); consecutive-year criteria must end in it. None = the latest run in the history.
    gender: "female" | "male" | "" (individuals); member_count / female_count (collectives) feed
      the council tie-break.
    """

    kind: str
    flags: Mapping[str, bool | None] = field(default_factory=dict)
    history: tuple[HistoryEntry, ...] = ()
    assessment_year: int | None = None
    name: str = ""
    gender: str = ""
    member_count: int | None = None
    female_count: int | None = None
    registrations: tuple[HistoryEntry, ...] = ()   # đăng ký thi đua: the title/form registered (code, year)


@dataclass(frozen=True)
class Answer:
    """The officer's answer to one judgement criterion. `evidence_ids` are evidence-file ids."""

    status: str | None = None
    note: str = ""
    evidence_ids: tuple[Any, ...] = ()

    def __post_init__(self):
        if self.status is not None and self.status not in ANSWER_STATUSES:
            raise ValueError(f"unknown answer status {self.status!r}")
        object.__setattr__(self, "evidence_ids", tuple(self.evidence_ids))

    def to_dict(self) -> dict:
        """JSON-ready form, for storing a checklist's answers."""
        return {"status": self.status, "note": self.note, "evidence_ids": list(self.evidence_ids)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "Answer":
        return cls(data.get("status"), data.get("note", ""), tuple(data.get("evidence_ids", ())))
