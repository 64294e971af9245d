"""Dossier documents (Tờ trình, danh sách, báo cáo thành tích, biên bản, quyết định) as PDF and .docx.

Inputs are plain dataclasses (inputs.py); templates are data (resources/templates/); one document
model (model.py) is rendered by ReportLab (render_pdf.py) and python-docx (render_docx.py).
"""
from .build import ascii_name, assign_numbers, build_dossier, dossier_parts, dossier_units, render
from .compose import (compose_bao_cao, compose_bien_ban, compose_danh_sach, compose_danh_sach_chi_thuong,
                      compose_danh_sach_quyet_dinh, compose_quyet_dinh, compose_to_trinh)
from .inputs import (Achievement, AwardForm, Campaign, CommuneSettings, CouncilMeeting, Decision, Dossier, Nominee,
                     Replaced, RewardRule, Round, Vote)
from .numbering import InMemoryNumberAllocator, NumberAllocator, date_line, date_words, format_number
from .templates import DEFAULT_TEMPLATE_SET, TemplateSet, load_template_set

__all__ = [
    "Achievement", "AwardForm", "Campaign", "CommuneSettings", "CouncilMeeting", "Decision", "Dossier",
    "Nominee", "Round", "Vote", "Replaced", "RewardRule",
    "NumberAllocator", "InMemoryNumberAllocator", "format_number", "date_words", "date_line",
    "TemplateSet", "load_template_set", "DEFAULT_TEMPLATE_SET",
    "build_dossier", "assign_numbers", "dossier_parts", "dossier_units", "render", "ascii_name",
    "compose_to_trinh", "compose_danh_sach", "compose_bao_cao", "compose_bien_ban", "compose_quyet_dinh",
    "compose_danh_sach_quyet_dinh", "compose_danh_sach_chi_thuong",
]
