"""Peewee models of the workspace. The schema itself is owned by the numbered migrations."""
from __future__ import annotations

import json
import uuid

import peewee as pw

database_proxy = pw.DatabaseProxy()


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
        database = database_proxy
        legacy_table_names = False


class Setting(BaseModel):
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
    note = pw.TextField(default="")
    archived_at = pw.TextField(null=True)
    created_at = pw.TextField()


class Draft(BaseModel):
    form_key = pw.TextField(unique=True)
    title = pw.TextField()
    payload = JSONField(default=dict)
    updated_at = pw.TextField()


MODELS = [Setting, Commune, Campaign, Participant, Achievement, EvidenceFile, Award, Draft]


def bind_models(database: pw.Database) -> None:
    """Every model (this module's and other capabilities') uses database_proxy; bind it once."""
    database_proxy.initialize(database)
