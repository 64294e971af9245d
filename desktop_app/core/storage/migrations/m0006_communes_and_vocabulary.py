"""Every record carries its commune; one code per award form; the award history links to its decision; the
vocabulary's codes enforced by the database.

- nominee, council_meeting, award_decision, packet_export and imported_round get commune_id (from their round),
  received_packet a nullable one (known once the packet's commune has a record);
- award forms had two codes ("GIAY_KHEN" in the award history, "giay_khen" in rounds; "BANG_KHEN_TINH" and
  "bang_khen_chu_tich_tinh"): one lower-case code each now, everywhere (rounds' thresholds and the frozen
  criteria snapshots of checklists included);
- award.decision_id: the commune's Giấy khen decision that gave an award (filled here for earlier decisions by
  their number, date and commune — the last time numbers are matched);
- codes outside core/vocabulary.py as of this version are refused by triggers (SQLite cannot add CHECK
  constraints to existing tables); tests/core/test_schema.py keeps them equal to the vocabulary.
This file is frozen: a later change of the vocabulary is a new migration.
"""

_AWARD_FORMS = ("'giay_khen', 'bang_khen_tinh', 'bang_khen_ttcp', 'huan_chuong_ld3'")
_TITLES = "'LDTT', 'CSTDCS', 'CSTD_TINH', 'TTLDTT', 'TTLDXS', 'THON_VH'"
_RATINGS = "'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'"
_INITIATIVES = "'SANG_KIEN', 'DE_TAI'"
_CATEGORIES = ("'co_quan', 'don_vi', 'thon_ban', 'to_dan_pho', 'doanh_nghiep', 'hop_tac_xa', "
               "'can_bo', 'cong_chuc', 'vien_chuc', 'nguoi_lao_dong', 'nguoi_dan'")
_NOMINATION_FORMS = "'bang_khen_tinh', 'giay_khen'"
_VERDICTS = "'eligible', 'not_eligible', 'incomplete'"


def _guard(table: str, columns: str, condition: str, code: str) -> list[str]:
    """BEFORE INSERT and BEFORE UPDATE triggers that abort when `condition` (on NEW) is false."""
    return [
        f"""CREATE TRIGGER {table}_{code}_insert BEFORE INSERT ON {table}
            WHEN NOT ({condition}) BEGIN SELECT RAISE(ABORT, 'invalid {table}.{code}'); END""",
        f"""CREATE TRIGGER {table}_{code}_update BEFORE UPDATE OF {columns} ON {table}
            WHEN NOT ({condition}) BEGIN SELECT RAISE(ABORT, 'invalid {table}.{code}'); END""",
    ]


STEPS = [
    # --- every record carries its commune ---
    "ALTER TABLE nominee ADD COLUMN commune_id INTEGER REFERENCES commune(id)",
    "UPDATE nominee SET commune_id = (SELECT r.commune_id FROM nomination_round r WHERE r.id = nominee.round_id)",
    "ALTER TABLE council_meeting ADD COLUMN commune_id INTEGER REFERENCES commune(id)",
    """UPDATE council_meeting
       SET commune_id = (SELECT r.commune_id FROM nomination_round r WHERE r.id = council_meeting.round_id)""",
    "ALTER TABLE award_decision ADD COLUMN commune_id INTEGER REFERENCES commune(id)",
    """UPDATE award_decision
       SET commune_id = (SELECT r.commune_id FROM nomination_round r WHERE r.id = award_decision.round_id)""",
    "ALTER TABLE packet_export ADD COLUMN commune_id INTEGER REFERENCES commune(id)",
    """UPDATE packet_export
       SET commune_id = (SELECT r.commune_id FROM nomination_round r WHERE r.id = packet_export.round_id)""",
    "ALTER TABLE imported_round ADD COLUMN commune_id INTEGER REFERENCES commune(id)",
    """UPDATE imported_round
       SET commune_id = (SELECT r.commune_id FROM nomination_round r WHERE r.id = imported_round.round_id)""",
    "ALTER TABLE received_packet ADD COLUMN commune_id INTEGER REFERENCES commune(id)",
    """UPDATE received_packet SET commune_id = coalesce(
           (SELECT r.commune_id FROM nomination_round r WHERE r.id = received_packet.round_id),
           (SELECT c.id FROM commune c WHERE c.admin_code = received_packet.commune_code AND c.is_home = 0))""",
    *_guard("nominee", "commune_id", "NEW.commune_id IS NOT NULL", "commune"),
    *_guard("council_meeting", "commune_id", "NEW.commune_id IS NOT NULL", "commune"),
    *_guard("award_decision", "commune_id", "NEW.commune_id IS NOT NULL", "commune"),
    *_guard("packet_export", "commune_id", "NEW.commune_id IS NOT NULL", "commune"),
    *_guard("imported_round", "commune_id", "NEW.commune_id IS NOT NULL", "commune"),
    "CREATE INDEX nominee_commune ON nominee(commune_id)",
    "CREATE INDEX award_decision_commune ON award_decision(commune_id)",
    "CREATE INDEX received_packet_commune_id ON received_packet(commune_id)",
    # --- one code per award form ---
    "UPDATE award SET code = 'giay_khen' WHERE category = 'hinh_thuc' AND code = 'GIAY_KHEN'",
    "UPDATE award SET code = 'bang_khen_tinh' WHERE category = 'hinh_thuc' AND code = 'BANG_KHEN_TINH'",
    "UPDATE award SET code = 'bang_khen_ttcp' WHERE category = 'hinh_thuc' AND code = 'BANG_KHEN_TTCP'",
    "UPDATE award SET code = 'huan_chuong_ld3' WHERE category = 'hinh_thuc' AND code = 'HUAN_CHUONG_LD3'",
    "UPDATE nominee SET award_form = 'bang_khen_tinh' WHERE award_form = 'bang_khen_chu_tich_tinh'",
    "UPDATE award_decision SET award_form = 'bang_khen_tinh' WHERE award_form = 'bang_khen_chu_tich_tinh'",
    """UPDATE nomination_round SET thresholds = replace(thresholds, '"bang_khen_chu_tich_tinh"', '"bang_khen_tinh"')""",
    """UPDATE checklist SET set_snapshot = replace(set_snapshot, '"bang_khen_chu_tich_tinh"', '"bang_khen_tinh"')""",
    """UPDATE campaign SET data = replace(data, '"bang_khen_chu_tich_tinh"', '"bang_khen_tinh"')""",
    """UPDATE draft SET payload = replace(payload, '"bang_khen_chu_tich_tinh"', '"bang_khen_tinh"')""",
    # --- the award history links to its decision ---
    "ALTER TABLE award ADD COLUMN decision_id INTEGER REFERENCES award_decision(id)",
    """UPDATE award SET decision_id = (
           SELECT d.id FROM award_decision d JOIN nomination_round r ON r.id = d.round_id
           WHERE d.award_form = 'giay_khen' AND d.number = award.decision_number
             AND d.decided_on = award.decision_date AND r.commune_id = award.commune_id
           ORDER BY d.id LIMIT 1)
       WHERE category = 'hinh_thuc' AND code = 'giay_khen' AND award_type = 'chuyen_de'""",
    "CREATE INDEX award_decision_link ON award(decision_id)",
    # --- the vocabulary, enforced ---
    *_guard("participant", "category", f"NEW.category IN ({_CATEGORIES})", "category"),
    *_guard("participant", "gender", "NEW.gender IN ('', 'nam', 'nu')", "gender"),
    *_guard("award", "category, code",
            f"(NEW.category = 'hinh_thuc' AND NEW.code IN ({_AWARD_FORMS}))"
            f" OR (NEW.category = 'danh_hieu' AND NEW.code IN ({_TITLES}))"
            f" OR (NEW.category = 'xep_loai' AND NEW.code IN ({_RATINGS}))"
            f" OR (NEW.category = 'sang_kien' AND NEW.code IN ({_INITIATIVES}))", "code"),
    *_guard("nominee", "award_form", f"NEW.award_form IN ({_NOMINATION_FORMS})", "award_form"),
    *_guard("award_decision", "award_form", f"NEW.award_form IN ({_NOMINATION_FORMS})", "award_form"),
    *_guard("checklist", "verdict", f"NEW.verdict IN ({_VERDICTS})", "verdict"),
]
