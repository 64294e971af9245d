"""Translatable labels for the codes the core stores (kinds, categories, genders, award types)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

KIND_LABELS = {
    "individual": QT_TRANSLATE_NOOP("labels", "Individual"),
    "collective": QT_TRANSLATE_NOOP("labels", "Collective"),
}
CATEGORY_LABELS = {
    "co_quan": QT_TRANSLATE_NOOP("labels", "Agency"),
    "don_vi": QT_TRANSLATE_NOOP("labels", "Unit"),
    "thon_ban": QT_TRANSLATE_NOOP("labels", "Village (thôn, bản)"),
    "to_dan_pho": QT_TRANSLATE_NOOP("labels", "Residential group"),
    "doanh_nghiep": QT_TRANSLATE_NOOP("labels", "Enterprise"),
    "hop_tac_xa": QT_TRANSLATE_NOOP("labels", "Cooperative"),
    "can_bo": QT_TRANSLATE_NOOP("labels", "Elected official (cán bộ)"),
    "cong_chuc": QT_TRANSLATE_NOOP("labels", "Civil servant"),
    "vien_chuc": QT_TRANSLATE_NOOP("labels", "Public employee"),
    "nguoi_lao_dong": QT_TRANSLATE_NOOP("labels", "Worker"),
    "nguoi_dan": QT_TRANSLATE_NOOP("labels", "Resident"),
}
GENDER_LABELS = {
    "nam": QT_TRANSLATE_NOOP("labels", "Male"),
    "nu": QT_TRANSLATE_NOOP("labels", "Female"),
}
AWARD_CATEGORY_LABELS = {
    "danh_hieu": QT_TRANSLATE_NOOP("labels", "Emulation title"),
    "hinh_thuc": QT_TRANSLATE_NOOP("labels", "Award form"),
    "xep_loai": QT_TRANSLATE_NOOP("labels", "Annual rating"),
    "sang_kien": QT_TRANSLATE_NOOP("labels", "Recognised initiative"),
}
AWARD_TYPE_LABELS = {
    "cong_trang": QT_TRANSLATE_NOOP("labels", "Annual merit"),
    "chuyen_de": QT_TRANSLATE_NOOP("labels", "Thematic"),
    "dot_xuat": QT_TRANSLATE_NOOP("labels", "Exceptional"),
    "cong_hien": QT_TRANSLATE_NOOP("labels", "Career"),
}
AWARD_FORM_LABELS = {
    "giay_khen": QT_TRANSLATE_NOOP("labels", "Certificate of merit of the commune chairman"),
    "bang_khen_chu_tich_tinh": QT_TRANSLATE_NOOP("labels", "Certificate of merit of the provincial chairman"),
}
RECEIVING_LEVEL_LABELS = {
    "so_noi_vu": QT_TRANSLATE_NOOP("labels", "Province — Department of Home Affairs"),
    "huyen": QT_TRANSLATE_NOOP("labels", "District (before 01/7/2025)"),
    "khac": QT_TRANSLATE_NOOP("labels", "Other"),
}


def label(table: dict[str, str], code: str | None) -> str:
    if not code:
        return ""
    source = table.get(code)
    return QCoreApplication.translate("labels", source) if source else code
