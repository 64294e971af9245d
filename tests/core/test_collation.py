"""Vietnamese alphabetical order of names (what officers expect in every list and danh sách)."""
from __future__ import annotations

import unicodedata

from desktop_app.core.register.participants import ParticipantFilter, list_participants, save_participant
from desktop_app.core.text import collation_key, name_sort_key


def test_letters_then_tones_in_dictionary_order():
    words = ["đa", "da", "ăn", "an", "ân", "ơn", "ôn", "on", "ưa", "ua", "ả", "à", "á", "ạ", "a", "ã", "b"]
    ordered = sorted(words, key=collation_key)
    assert ordered == ["a", "à", "ả", "ã", "á", "ạ", "an", "ăn", "ân", "b", "da", "đa", "on", "ôn", "ơn", "ua", "ưa"]


def test_nfd_input_sorts_like_nfc():
    assert collation_key(unicodedata.normalize("NFD", "Đặng Thị Ưng")) == collation_key("Đặng Thị Ưng")


def test_given_name_first_d_before_đ(session, commune):
    for name in ("Nguyễn Văn Đức", "Trần Văn Dũng", "Lê Thị Ánh", "Hoàng Văn An", "Bế Thị Ân"):
        save_participant(session, {"kind": "individual", "category": "nguoi_dan", "name": name, "gender": "nam"})
    listed = [p.name for p in list_participants(session, ParticipantFilter(commune_id=commune.id))]
    assert listed == ["Hoàng Văn An", "Lê Thị Ánh", "Bế Thị Ân", "Trần Văn Dũng", "Nguyễn Văn Đức"]


def test_shorter_given_name_first():
    assert name_sort_key("Lê An") < name_sort_key("Lê Anh") < name_sort_key("Lê Ánh")
