"""data.json of a packet (data_version 1), declared once as typed structures: what sending.py writes, what the
packet reader decodes (once, straight from the bytes, after the signature, the trust check and the hashes) and
what the importer reads. Decoding checks every type, size, bound and required field while it parses; a packet
whose data has another shape is refused with the place named ($.nominees[3].votes_for).

Every list has a maximum length and every number a range, so no field can make the receiver build more than the
packet limits allow (docs/packet-format.md §7); the free-form parts (a criteria set's snapshot, an assessment,
a campaign's data) are bounded by the element count of the whole file, checked before decoding
(archive.check_json_bounds)."""
from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

import msgspec

from ...vocabulary import current_code

Uid = Annotated[str, msgspec.Meta(min_length=1, max_length=64)]
Text = Annotated[str, msgspec.Meta(max_length=20_000)]
Short = Annotated[str, msgspec.Meta(max_length=500)]
Count = Annotated[int, msgspec.Meta(ge=0, le=2**31 - 1)]
Year = Annotated[int, msgspec.Meta(ge=1900, le=2200)]
Percent = Annotated[float, msgspec.Meta(ge=0, le=100)]


def Many(item, n: int = 5000):  # noqa: N802 (reads like a type)
    """A list of at most n items."""
    return Annotated[list[item], msgspec.Meta(max_length=n)]


Codes = Annotated[list[Short], msgspec.Meta(max_length=200)]
Free = Annotated[dict[str, Any], msgspec.Meta(max_length=5000)]


class _Struct(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=False):
    pass


class CommuneData(_Struct):
    uid: Uid
    code: Short
    name: Short = ""
    former_codes: Codes = []
    province: Short = ""
    receiving_authority: Short = ""
    receiving_level: Short = ""
    chairman_name: Short = ""
    doc_prefix: Short = ""


class CampaignData(_Struct):
    code: Short
    number: Short = ""
    title: Text = ""
    issued_on: dt.date | None = None
    issuer: Short = ""
    period_start: Year | None = None
    period_end: Year | None = None
    source: Text = ""
    file_sha256: Short = ""
    data: Free = {}


class RoundInfo(_Struct):
    uid: Uid
    number: Count
    version: Count
    supersedes_uid: Uid | None = None
    title: Text = ""
    round_date: dt.date | None = None
    year: Year | None = None
    locked_at: Short | None = None
    correction_reason: Text = ""
    thresholds: Annotated[dict[Short, Percent], msgspec.Meta(max_length=50)] = {}
    submission_number: Count | None = None
    submitted_on: dt.date | None = None


class ParticipantData(_Struct):
    uid: Uid
    kind: Short
    name: Short
    category: Short = ""
    gender: Short = ""
    ethnicity: Short = ""
    position: Short = ""
    workplace: Short = ""
    cccd: Short = ""
    phone: Short = ""
    address: Short = ""
    head_name: Short = ""
    member_count: Count | None = None
    female_count: Count | None = None
    under_discipline: bool = False
    under_inspection: bool = False
    under_complaint: bool = False
    note: Text = ""
    birth_date: dt.date | None = None
    organization_uid: Uid | None = None


class AchievementData(_Struct):
    uid: Uid
    participant_uid: Uid
    campaign_code: Short = ""
    title: Text = ""
    description: Text = ""
    results: Text = ""
    content_codes: Codes = []
    field_codes: Codes = []
    date_from: dt.date | None = None
    date_to: dt.date | None = None


class AwardData(_Struct):
    uid: Uid
    participant_uid: Uid
    category: Short
    code: Short
    year: Year
    name: Short = ""
    decision_number: Short = ""
    decision_date: dt.date | None = None
    issuer: Short = ""
    award_type: Short = ""
    note: Text = ""


class AnswerData(_Struct):
    status: Short | None = None
    note: Text = ""
    evidence_ids: Many(Count, 2000) = []   # the commune's local ids: meaningless here, replaced by evidence_uids
    evidence_uids: Many(Uid, 2000) = []


class ChecklistData(_Struct):
    uid: Uid
    participant_uid: Uid
    set_id: Short
    set_version: Count = 1
    set_fingerprint: Short = ""
    set_snapshot: Free = {}
    answers: Annotated[dict[Short, AnswerData], msgspec.Meta(max_length=500)] = {}
    principles_confirmed: bool = False
    assessment_year: Year | None = None
    verdict: Short = "incomplete"
    assessment: Free = {}
    created_at: Short = ""
    updated_at: Short = ""


class NomineeData(_Struct):
    uid: Uid
    participant_uid: Uid
    award_form: Short
    checklist_uid: Uid | None = None
    verdict_at_add: Short = ""
    override_reason: Text = ""
    summary: Text = ""
    votes_for: Count | None = None
    votes_against: Count | None = None
    votes_abstain: Count | None = None
    position: Count = 0


class MeetingData(_Struct):
    held_on: dt.date
    members_total: Count
    members_present: Count
    start_time: Short = ""
    end_time: Short = ""
    place: Short = ""
    chair: Short = ""
    chair_title: Short = ""
    secretary: Short = ""
    secretary_title: Short = ""
    conclusion: Text = ""
    document_number: Count | None = None


class VoteData(_Struct):
    nominee_uid: Uid
    votes_for: Count | None = None
    votes_against: Count | None = None
    votes_abstain: Count | None = None
    passed: bool | None = None
    explanation: Text = ""


class DecisionData(_Struct):
    uid: Uid
    award_form: Short
    decided_on: dt.date
    number: Short = ""
    document_number: Count | None = None
    signer: Short = ""
    signer_title: Short = ""


class DocumentData(_Struct):
    path: Short
    title: Short = ""


class EvidenceData(_Struct):
    uid: Uid
    participant_uid: Uid
    path: Short
    achievement_uid: Uid | None = None
    original_name: Short = ""
    sha256: Short = ""
    size: Count = 0
    note: Text = ""
    added_at: Short = ""


class CriteriaSetRef(_Struct):
    id: Short
    version: Count
    fingerprint: Short = ""


class RoundData(_Struct):
    """The whole data.json of a round's packet."""

    data_version: Annotated[int, msgspec.Meta(ge=1, le=1)]
    commune: CommuneData
    campaign: CampaignData
    round: RoundInfo
    participants: Many(ParticipantData) = []
    achievements: Many(AchievementData, 20_000) = []
    awards: Many(AwardData, 20_000) = []
    checklists: Many(ChecklistData) = []
    criteria_sets: Many(CriteriaSetRef, 200) = []
    nominees: Many(NomineeData) = []
    council_meeting: MeetingData | None = None
    council_votes: Many(VoteData) = []
    decisions: Many(DecisionData, 200) = []
    documents: Many(DocumentData, 2000) = []
    evidence: Many(EvidenceData, 2000) = []

    def __post_init__(self) -> None:
        # Packets written before the vocabulary was unified carry the old award-form codes.
        for n in self.nominees:
            n.award_form = current_code(n.award_form)
        for d in self.decisions:
            d.award_form = current_code(d.award_form)
        for a in self.awards:
            a.code = current_code(a.code)
