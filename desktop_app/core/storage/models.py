"""Peewee models of every table of the workspace, in one place. The schema itself is owned by the numbered
migrations (storage/migrations/); tests/core/test_schema.py fails when the two disagree. The models have no
database of their own: the session binds them to its database when it opens."""
from __future__ import annotations

import json
import uuid

import peewee as pw

def new_uid() -> str:
    return uuid.uuid4().hex


class JSONField(pw.TextField):
    """A list or dict stored as UTF-8 JSON text."""

    def db_value(self, value):
        return json.dumps(value if value is not None else [], ensure_ascii=False, sort_keys=True)

    def python_value(self, value):
        return json.loads(value) if value else []


class BaseModel(pw.Model):
    class Meta:
        database = None  # bound by the session at run time
        legacy_table_names = False


class Setting(BaseModel):
    """Settings of the workspace itself (its role, …): no commune."""

    key = pw.TextField(primary_key=True)
    value = pw.TextField()


class Commune(BaseModel):
    uid = pw.TextField(unique=True, default=new_uid)
    name = pw.TextField()
    admin_code = pw.TextField(default="")
    former_codes = JSONField(default=list)
    province = pw.TextField(default="")
    receiving_authority = pw.TextField(default="")
    receiving_level = pw.TextField(default="so_noi_vu")
    chairman_name = pw.TextField(default="")
    doc_prefix = pw.TextField(default="UBND")
    is_home = pw.BooleanField(default=False)
    created_at = pw.TextField()
    updated_at = pw.TextField()


class Campaign(BaseModel):
    """An emulation campaign: reference data shared by every commune of the workspace (no commune)."""

    code = pw.TextField(unique=True)
    number = pw.TextField()
    title = pw.TextField()
    issued_on = pw.DateField(null=True)
    issuer = pw.TextField(default="")
    period_start = pw.IntegerField(null=True)
    period_end = pw.IntegerField(null=True)
    data = JSONField(default=dict)
    source = pw.TextField(default="")
    file_sha256 = pw.TextField(default="")


class Participant(BaseModel):
    uid = pw.TextField(unique=True, default=new_uid)
    commune = pw.ForeignKeyField(Commune, backref="participants")
    kind = pw.TextField()  # 'individual' | 'collective'
    category = pw.TextField()
    name = pw.TextField()
    sort_key = pw.TextField()
    search_text = pw.TextField()
    gender = pw.TextField(default="")
    birth_date = pw.DateField(null=True)
    ethnicity = pw.TextField(default="")
    position = pw.TextField(default="")
    workplace = pw.TextField(default="")
    organization = pw.ForeignKeyField("self", null=True, backref="members")
    cccd = pw.TextField(default="")
    phone = pw.TextField(default="")
    address = pw.TextField(default="")
    head_name = pw.TextField(default="")
    member_count = pw.IntegerField(null=True)
    female_count = pw.IntegerField(null=True)
    under_discipline = pw.BooleanField(default=False)
    under_inspection = pw.BooleanField(default=False)
    under_complaint = pw.BooleanField(default=False)
    note = pw.TextField(default="")
    archived_at = pw.TextField(null=True)
    created_at = pw.TextField()
    updated_at = pw.TextField()

    @property
    def is_collective(self) -> bool:
        return self.kind == "collective"


class Achievement(BaseModel):
    uid = pw.TextField(unique=True, default=new_uid)
    commune = pw.ForeignKeyField(Commune)
    participant = pw.ForeignKeyField(Participant, backref="achievements")
    campaign = pw.ForeignKeyField(Campaign, backref="achievements")
    title = pw.TextField()
    description = pw.TextField(default="")
    content_codes = JSONField(default=list)
    field_codes = JSONField(default=list)
    date_from = pw.DateField(null=True)
    date_to = pw.DateField(null=True)
    results = pw.TextField(default="")
    search_text = pw.TextField()
    archived_at = pw.TextField(null=True)
    created_at = pw.TextField()
    updated_at = pw.TextField()


class EvidenceFile(BaseModel):
    uid = pw.TextField(unique=True, default=new_uid)
    commune = pw.ForeignKeyField(Commune)
    participant = pw.ForeignKeyField(Participant, backref="evidence")
    achievement = pw.ForeignKeyField(Achievement, null=True, backref="evidence")
    original_name = pw.TextField()
    stored_name = pw.TextField()
    sha256 = pw.TextField()
    size = pw.IntegerField()
    note = pw.TextField(default="")
    archived_at = pw.TextField(null=True)
    added_at = pw.TextField()


class Award(BaseModel):
    uid = pw.TextField(unique=True, default=new_uid)
    commune = pw.ForeignKeyField(Commune)
    participant = pw.ForeignKeyField(Participant, backref="awards")
    category = pw.TextField()  # danh_hieu | hinh_thuc | xep_loai | sang_kien
    code = pw.TextField()
    name = pw.TextField()
    year = pw.IntegerField()
    decision_number = pw.TextField(default="")
    decision_date = pw.DateField(null=True)
    issuer = pw.TextField(default="")
    award_type = pw.TextField()  # cong_trang | chuyen_de | dot_xuat | cong_hien
    decision = pw.DeferredForeignKey("AwardDecision", null=True, backref="awards")  # the decision that gave it
    note = pw.TextField(default="")
    archived_at = pw.TextField(null=True)
    created_at = pw.TextField()


class Draft(BaseModel):
    """An unsaved form of this workspace's user (no commune: one user, one workspace)."""

    form_key = pw.TextField(unique=True)
    title = pw.TextField()
    payload = JSONField(default=dict)
    updated_at = pw.TextField()


class Checklist(BaseModel):
    uid = pw.TextField(unique=True, default=new_uid)
    commune = pw.ForeignKeyField(Commune)
    participant = pw.ForeignKeyField(Participant, backref="checklists")
    set_id = pw.TextField()
    set_version = pw.IntegerField()
    set_fingerprint = pw.TextField()
    set_snapshot = JSONField(default=dict)
    answers = JSONField(default=dict)
    principles_confirmed = pw.BooleanField(default=False)
    assessment_year = pw.IntegerField(null=True)
    verdict = pw.TextField(default="incomplete")
    assessment = JSONField(default=dict)
    replaces = pw.ForeignKeyField("self", null=True, backref="replaced_by")
    archived_at = pw.TextField(null=True)
    created_at = pw.TextField()
    updated_at = pw.TextField()


class NominationRound(BaseModel):
    uid = pw.TextField(unique=True, default=new_uid)
    commune = pw.ForeignKeyField(Commune, backref="rounds")
    campaign = pw.ForeignKeyField(Campaign)
    number = pw.IntegerField()
    version = pw.IntegerField(default=1)
    supersedes = pw.ForeignKeyField("self", null=True, backref="superseded_by")
    title = pw.TextField(default="")
    round_date = pw.DateField()
    year = pw.IntegerField()
    status = pw.TextField(default="draft")
    locked_at = pw.TextField(null=True)
    correction_reason = pw.TextField(default="")
    thresholds = JSONField(default=dict)  # award form → percent of all members (absent = none)
    submission_number = pw.IntegerField(null=True)
    submitted_on = pw.DateField(null=True)
    created_at = pw.TextField()
    updated_at = pw.TextField()

    class Meta:
        table_name = "nomination_round"

    @property
    def editable(self) -> bool:
        return self.status == "draft"  # nominees, meeting and votes change only in a draft round


class Nominee(BaseModel):
    uid = pw.TextField(unique=True, default=new_uid)
    round = pw.ForeignKeyField(NominationRound, backref="nominees")
    commune = pw.ForeignKeyField(Commune)
    participant = pw.ForeignKeyField(Participant)
    award_form = pw.TextField()
    checklist = pw.ForeignKeyField(Checklist, null=True)
    verdict_at_add = pw.TextField(default="")
    override_reason = pw.TextField(default="")
    summary = pw.TextField(default="")
    votes_for = pw.IntegerField(null=True)
    votes_against = pw.IntegerField(null=True)
    votes_abstain = pw.IntegerField(null=True)
    position = pw.IntegerField(default=0)
    created_at = pw.TextField()
    return_reason = pw.TextField(default="")  # trả lại: what the receiving level asked to add for this nominee


class CouncilMeeting(BaseModel):
    round = pw.ForeignKeyField(NominationRound, unique=True, backref="meetings")
    commune = pw.ForeignKeyField(Commune)
    held_on = pw.DateField()
    start_time = pw.TextField(default="")
    end_time = pw.TextField(default="")
    place = pw.TextField(default="")
    chair = pw.TextField(default="")
    chair_title = pw.TextField(default="")
    secretary = pw.TextField(default="")
    secretary_title = pw.TextField(default="")
    members_total = pw.IntegerField()
    members_present = pw.IntegerField()
    conclusion = pw.TextField(default="")
    document_number = pw.IntegerField(null=True)
    voting_method = pw.TextField(default="")


class AwardDecision(BaseModel):
    uid = pw.TextField(unique=True, default=new_uid)
    round = pw.ForeignKeyField(NominationRound, backref="decisions")
    commune = pw.ForeignKeyField(Commune)
    award_form = pw.TextField()
    number = pw.TextField()
    document_number = pw.IntegerField(null=True)
    decided_on = pw.DateField()
    signer = pw.TextField()
    signer_title = pw.TextField(default="CHỦ TỊCH")
    created_at = pw.TextField()
    issuer = pw.TextField(default="")              # "Chủ tịch UBND tỉnh Thái Nguyên"
    level = pw.TextField(default="xa")             # xa | tinh | trung_uong
    title = pw.TextField(default="")               # "Về việc tặng Bằng khen …"
    source = pw.TextField(default="commune")       # commune | paper | return_packet
    file_name = pw.TextField(default="")           # the decision's PDF under documents/ (a return packet's)
    file_sha256 = pw.TextField(default="")
    return_packet_id = pw.TextField(null=True)     # the return packet it came in (idempotent import)


class Registration(BaseModel):
    """Đăng ký thi đua: a collective or an individual aims at a title or an award form in a campaign's year."""

    uid = pw.TextField(unique=True, default=new_uid)
    commune = pw.ForeignKeyField(Commune)
    campaign = pw.ForeignKeyField(Campaign)
    year = pw.IntegerField()
    participant = pw.ForeignKeyField(Participant, backref="registrations")
    collective = pw.ForeignKeyField(Participant, null=True, backref="member_registrations")  # the list it is on
    aim_category = pw.TextField()  # danh_hieu | hinh_thuc
    aim_code = pw.TextField()
    registered_on = pw.DateField()
    note = pw.TextField(default="")
    source = pw.TextField(default="window")  # window | excel | command
    archived_at = pw.TextField(null=True)
    created_at = pw.TextField()
    updated_at = pw.TextField()

    class Meta:
        indexes = ((("campaign", "year", "participant", "aim_code"), True),)


class NomineeOutcome(BaseModel):
    """What the decision that came back says of one nominee: awarded (its decision, the certificate's text, the
    prize) or not awarded (the reason given). One per nominee."""

    uid = pw.TextField(unique=True, default=new_uid)
    commune = pw.ForeignKeyField(Commune)
    nominee = pw.ForeignKeyField(Nominee, unique=True, backref="outcomes")
    outcome = pw.TextField()  # awarded | not_awarded
    decision = pw.ForeignKeyField(AwardDecision, null=True, backref="outcomes")
    award = pw.ForeignKeyField(Award, null=True)
    reason = pw.TextField(default="")
    certificate_text = pw.TextField(default="")
    prize_amount = pw.IntegerField(null=True)  # đồng
    recorded_at = pw.TextField()

    class Meta:
        table_name = "nominee_outcome"


class DocumentNumber(BaseModel):
    commune = pw.ForeignKeyField(Commune)
    series = pw.TextField()
    year = pw.IntegerField()
    number = pw.IntegerField()
    purpose = pw.TextField(default="")
    issued_at = pw.TextField()


class IssuedDocument(BaseModel):
    """A document issued with its number and signing date; its files are frozen (folder + files with SHA-256)."""

    uid = pw.TextField(unique=True, default=new_uid)
    commune = pw.ForeignKeyField(Commune)
    round = pw.ForeignKeyField(NominationRound, backref="issued_documents")
    code = pw.TextField()  # bien_ban | to_trinh | quyet_dinh | phieu_gui
    series = pw.TextField()
    year = pw.IntegerField()
    number = pw.IntegerField()
    signed_on = pw.DateField()
    folder = pw.TextField()  # relative to the workspace's documents folder
    files = JSONField(default=list)  # [{"name", "sha256", "size", "label"}] in dossier order
    replaces = pw.ForeignKeyField("self", null=True, backref="replaced_by")
    signer_fingerprint = pw.TextField(default="")
    issued_at = pw.TextField()

    class Meta:
        table_name = "issued_document"
        indexes = ((("commune", "series", "year", "number"), True), (("round", "code"), True))


class PacketExport(BaseModel):
    round = pw.ForeignKeyField(NominationRound, backref="exports")
    commune = pw.ForeignKeyField(Commune)
    commune_code = pw.TextField()
    packet_id = pw.TextField(unique=True)
    sequence = pw.IntegerField()
    sha256 = pw.TextField()
    size = pw.IntegerField()
    file_name = pw.TextField()
    written_to = pw.TextField()
    signer_fingerprint = pw.TextField()
    supersedes_packet_id = pw.TextField(null=True)
    created_at = pw.TextField()

    class Meta:
        table_name = "packet_export"


class ReceivedPacket(BaseModel):
    packet_id = pw.TextField(null=True)
    commune_code = pw.TextField(null=True)
    commune_name = pw.TextField(default="")
    round_number = pw.IntegerField(null=True)
    round_version = pw.IntegerField(null=True)
    sequence = pw.IntegerField(null=True)
    previous_packet_sha256 = pw.TextField(null=True)
    supersedes_packet_id = pw.TextField(null=True)
    created_at = pw.TextField(null=True)
    signer_fingerprint = pw.TextField(null=True)
    signer_public_key = pw.TextField(null=True)
    verdict = pw.TextField()
    reason = pw.TextField(null=True)
    detail = pw.TextField(default="")
    file_sha256 = pw.TextField()
    file_size = pw.IntegerField()
    original_name = pw.TextField()
    source_path = pw.TextField(default="")
    kept_path = pw.TextField()
    extracted_path = pw.TextField(null=True)
    outcome = pw.TextField()
    round = pw.ForeignKeyField(NominationRound, null=True)
    commune = pw.ForeignKeyField(Commune, null=True)  # known once the packet's commune has a record here
    received_at = pw.TextField()

    class Meta:
        table_name = "received_packet"


# At most one accepted record per packet of a commune (migration 0008): a packet id is the commune's own.
ReceivedPacket.add_index(ReceivedPacket.index(ReceivedPacket.commune_code, ReceivedPacket.packet_id, unique=True,
                                              name="received_packet_accepted")
                         .where(ReceivedPacket.outcome.in_(("imported", "superseded"))))


class TrustedKey(BaseModel):
    """A key the receiving level trusts for a commune, by the commune's code (trusted before the commune's
    first record exists here)."""

    commune_code = pw.TextField()
    fingerprint = pw.TextField()
    public_key = pw.TextField(default="")
    how = pw.TextField()  # 'paper' (compared with the printed Tờ trình) | 'rotation' (announced by a trusted key)
    trusted_at = pw.TextField()
    trusted_by = pw.TextField(default="")
    received_packet = pw.ForeignKeyField(ReceivedPacket, null=True)
    retired_at = pw.TextField(null=True)    # replaced: trusted only for packets created before this time
    replaced_by = pw.TextField(null=True)   # the fingerprint of the key that replaced it

    class Meta:
        table_name = "trusted_key"


class ImportedRound(BaseModel):
    round = pw.ForeignKeyField(NominationRound, unique=True)
    commune = pw.ForeignKeyField(Commune)
    received_packet = pw.ForeignKeyField(ReceivedPacket)
    packet_id = pw.TextField()
    commune_code = pw.TextField()
    extracted_path = pw.TextField()
    imported_at = pw.TextField()

    class Meta:
        table_name = "imported_round"


class ImportBatch(BaseModel):
    """One import from Excel (migration 0009): what it read and what it changed, so it can be undone."""

    uid = pw.TextField(unique=True, default=new_uid)
    commune = pw.ForeignKeyField(Commune)
    list_kind = pw.TextField()  # individuals | collectives | achievements | awards | registrations (0013)
    file_name = pw.TextField()
    file_sha256 = pw.TextField()
    sheet = pw.TextField(default="")
    counts = JSONField(default=dict)
    changes = JSONField(default=list)  # [{"t": table, "id": id, "a": "new"|"upd", "before": {...}, "stamp": ...}]
    created_at = pw.TextField()
    undone_at = pw.TextField(null=True)

    class Meta:
        table_name = "import_batch"


# ----- the receiving level at province scale (migration 0011) ---------------------------------------------------

class Officer(BaseModel):
    """An officer of the receiving level: on PostgreSQL their own login role (login = the role's name)."""

    login = pw.TextField(unique=True)
    full_name = pw.TextField(default="")
    created_at = pw.TextField()


class CommuneAssignment(BaseModel):
    """Which officer is in charge of a commune (by its code: assigned before its first packet arrives)."""

    commune_code = pw.TextField(unique=True)
    officer = pw.ForeignKeyField(Officer, backref="assignments")
    assigned_at = pw.TextField()

    class Meta:
        table_name = "commune_assignment"


class RoundReview(BaseModel):
    """The review of one received round: its state in the workflow (vocabulary.REVIEW_STATES)."""

    round = pw.ForeignKeyField(NominationRound, unique=True)
    commune = pw.ForeignKeyField(Commune)
    state = pw.TextField(default="da_tiep_nhan")
    reason = pw.TextField(default="")
    deadline = pw.DateField(null=True)
    updated_by = pw.TextField(default="")
    updated_at = pw.TextField()

    class Meta:
        table_name = "round_review"


class ReviewNote(BaseModel):
    """A reason the round is returned for more information: about one nominee, one document, or the round."""

    review = pw.ForeignKeyField(RoundReview, backref="notes")
    nominee = pw.ForeignKeyField(Nominee, null=True)
    document = pw.TextField(default="")
    text = pw.TextField()
    created_by = pw.TextField(default="")
    created_at = pw.TextField()

    class Meta:
        table_name = "review_note"


class RoundDecision(BaseModel):
    """The province's decision on a round (the Chủ tịch UBND tỉnh's Quyết định): number, date, signer, its PDF."""

    review = pw.ForeignKeyField(RoundReview, unique=True)
    number = pw.TextField()
    decided_on = pw.DateField()
    signer = pw.TextField()
    signer_title = pw.TextField(default="")
    file_name = pw.TextField(default="")
    file_sha256 = pw.TextField(default="")
    created_by = pw.TextField(default="")
    created_at = pw.TextField()

    class Meta:
        table_name = "round_decision"


class ReviewOutcome(BaseModel):
    """What the province's decision on a received round says of one of its nominees (the receiving level's own
    record; the commune keeps its nominees' outcomes in nominee_outcome)."""

    decision = pw.ForeignKeyField(RoundDecision, backref="outcomes")
    nominee = pw.ForeignKeyField(Nominee)
    outcome = pw.TextField()  # 'awarded' | 'not_awarded'
    reason = pw.TextField(default="")

    class Meta:
        table_name = "review_outcome"
        indexes = ((("decision", "nominee"), True),)


class ReturnPacket(BaseModel):
    """A signed packet written back down to a commune (a decision, or a notice asking for more information)."""

    review = pw.ForeignKeyField(RoundReview)
    commune_code = pw.TextField()
    packet_id = pw.TextField(unique=True)
    kind = pw.TextField()  # 'quyet_dinh' | 'bo_sung'
    sequence = pw.IntegerField()
    sha256 = pw.TextField()
    file_name = pw.TextField()
    signer_fingerprint = pw.TextField()
    created_by = pw.TextField(default="")
    created_at = pw.TextField()

    class Meta:
        table_name = "return_packet"
        indexes = ((("commune_code", "sequence"), True),)


class AuditLog(BaseModel):
    """Append-only: every action with who and when (on PostgreSQL the server writes both)."""

    at = pw.TextField()
    actor = pw.TextField()
    action = pw.TextField()
    subject = pw.TextField(default="")
    detail = pw.TextField(default="")

    class Meta:
        table_name = "audit_log"


class TrustedCertificate(BaseModel):
    """A root (trust anchor) or intermediate certificate the workspace trusts for document signatures — installed
    from a file by the officer or the province, never fetched (issue 17)."""

    sha256 = pw.TextField(unique=True)
    kind = pw.TextField()  # root | intermediate
    subject = pw.TextField()
    der = pw.TextField()   # base64 of the DER
    not_after = pw.TextField()
    source = pw.TextField(default="")
    imported_at = pw.TextField()

    class Meta:
        table_name = "trusted_certificate"


class SignatureImage(BaseModel):
    """The image a signature shows (NĐ 30/2020 Phụ lục I): a person's signature or the commune's seal, PNG."""

    commune = pw.ForeignKeyField(Commune)
    kind = pw.TextField()  # signature | seal
    person = pw.TextField(default="")  # the signer's name for a signature; '' for the seal
    png = pw.TextField()  # base64
    width_mm = pw.IntegerField()
    updated_at = pw.TextField()

    class Meta:
        table_name = "signature_image"
        indexes = ((("commune", "kind", "person"), True),)


class DocumentSignature(BaseModel):
    """One PAdES signature applied to an issued PDF: 1 the person with authority, 2 the organisation (the seal)."""

    document = pw.ForeignKeyField(IssuedDocument, backref="signatures")
    file_name = pw.TextField()     # the issued file's name (e.g. to_trinh.pdf)
    position = pw.IntegerField()   # 1 | 2
    role = pw.TextField()          # personal | organisation
    signer_name = pw.TextField()
    organisation = pw.TextField(default="")
    certificate_sha256 = pw.TextField()
    signed_at = pw.TextField()     # ISO 8601 with +07:00
    level = pw.TextField()         # B-B | B-T
    stored_name = pw.TextField()   # the signed file beside the issued one
    sha256 = pw.TextField()
    size = pw.IntegerField()

    class Meta:
        table_name = "document_signature"
        indexes = ((("document", "file_name", "position"), True),)


class AchievementCount(BaseModel):
    """The statistics' count of live achievements per commune, campaign, year, unit and content or field code
    (dimension 'all' | 'content' | 'field'), kept by the database's triggers (migration 0014); nothing writes it."""

    commune_id = pw.IntegerField()
    campaign_id = pw.IntegerField()
    year = pw.IntegerField()
    unit_id = pw.IntegerField()    # the collective, or the individual's thôn / đơn vị; 0: none
    dimension = pw.TextField()
    code = pw.TextField()
    n = pw.IntegerField()

    class Meta:
        table_name = "achievement_count"
        indexes = ((("commune_id", "campaign_id", "dimension", "year", "code", "unit_id"), True),)


class ParticipantActivity(BaseModel):
    """The years a participant takes part in a commune's campaign (a live achievement or a registration), with what
    the statistics need of it; kept by the database's triggers (migration 0014); nothing writes it."""

    commune_id = pw.IntegerField()
    campaign_id = pw.IntegerField()
    participant_id = pw.IntegerField()
    years = pw.TextField()         # "2024,2025"
    kind = pw.TextField()
    gender = pw.TextField()
    member_count = pw.IntegerField(null=True)
    female_count = pw.IntegerField(null=True)

    class Meta:
        table_name = "participant_activity"
        indexes = ((("participant_id", "commune_id", "campaign_id"), True),)


class RegistrationCount(BaseModel):
    """The statistics' count of registrations not withdrawn per commune, campaign, year and aim, and of those an
    award of the aim in that year answered (reached); kept by the database's triggers (migration 0014)."""

    commune_id = pw.IntegerField()
    campaign_id = pw.IntegerField()
    year = pw.IntegerField()
    aim_category = pw.TextField()
    aim_code = pw.TextField()
    n = pw.IntegerField()
    reached = pw.IntegerField()

    class Meta:
        table_name = "registration_count"
        indexes = ((("commune_id", "campaign_id", "year", "aim_category", "aim_code"), True),)


class AwardCount(BaseModel):
    """The statistics' count of live awards of live participants per commune, year, category, code and type; kept
    by the database's triggers (migration 0014)."""

    commune_id = pw.IntegerField()
    year = pw.IntegerField()
    category = pw.TextField()
    code = pw.TextField()
    award_type = pw.TextField()
    n = pw.IntegerField()

    class Meta:
        table_name = "award_count"
        indexes = ((("commune_id", "year", "category", "code", "award_type"), True),)


MODELS = [Setting, Commune, Campaign, Participant, Achievement, EvidenceFile, Award, Draft, Checklist,
          NominationRound, Nominee, CouncilMeeting, AwardDecision, Registration, NomineeOutcome, DocumentNumber, IssuedDocument, PacketExport,
          ReceivedPacket,
          TrustedKey, ImportedRound, ImportBatch, Officer, CommuneAssignment, RoundReview, ReviewNote,
          RoundDecision, ReviewOutcome, ReturnPacket, AuditLog, TrustedCertificate, SignatureImage,
          DocumentSignature, AchievementCount, ParticipantActivity, RegistrationCount, AwardCount]
