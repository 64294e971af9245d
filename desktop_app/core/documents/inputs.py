"""What the dossier documents need, as plain frozen dataclasses (the lead fills them from the database)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Kind = Literal["collective", "individual"]

_PLACE_PREFIX = re.compile(r"^(xã|phường|thị trấn|đặc khu)\s+", re.IGNORECASE)
# A ward named by a number ("Phường 3", "Phường IV") keeps its kind in the date line, as the law names it.
_KEEPS_KIND = re.compile(r"^(\d+|[IVXLC]+)$")


def place_of(name: str) -> str:
    """'xã Quang Thuận' → 'Quang Thuận'; 'phường 3' → 'Phường 3' (a number alone is no place name)."""
    m = _PLACE_PREFIX.match(name)
    if not m:
        return name.strip()
    rest = name[m.end():].strip()
    if _KEEPS_KIND.match(rest):
        return f"{m.group(1).capitalize()} {rest}"
    return rest


@dataclass(frozen=True)
class CommuneSettings:
    """The commune as an issuing body; all of it is user settings, none of it is hard-coded."""

    name: str                          # "xã Quang Thuận"
    province: str                      # "tỉnh Thái Nguyên"
    body_upper: str                    # "ỦY BAN NHÂN DÂN" (first header line, regular)
    body_lower: str                    # "XÃ QUANG THUẬN" (second header line, bold)
    chairman: str                      # "Nguyễn Văn An" — signs the Tờ trình and the Quyết định
    receiving_authority: str           # "Chủ tịch UBND tỉnh Thái Nguyên (qua Sở Nội vụ)"
    number_suffix: str = "UBND"        # the issuing body's sign in "05/TTr-UBND"
    council_suffix: str = "HĐTĐKT"     # the council's sign in "03/BB-HĐTĐKT"
    council_name: str = "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG"
    place: str | None = None           # place in the date line; default: name without "xã "
    signer_title: str = "CHỦ TỊCH"     # "PHÓ CHỦ TỊCH" when a deputy signs (with KT. in authority)
    signer_authority: str = "TM. ỦY BAN NHÂN DÂN"
    executors: str = ""                # offices named in the decision's last article (a setting; "" → none named)
    recipients_extra: tuple[str, ...] = ()  # extra "Nơi nhận" lines (a setting)

    @property
    def place_name(self) -> str:
        """The place in the date line: a setting when the officer set one, else the name as the law keeps it."""
        return self.place or place_of(self.name)


@dataclass(frozen=True)
class Campaign:
    """The emulation movement (kế hoạch phát động) the round belongs to."""

    number: str                        # "635/KH-UBND"
    issued_on: date                    # 10/10/2022
    issuer: str                        # "UBND tỉnh Bắc Kạn"
    title: str                         # "Bắc Kạn đẩy mạnh chương trình chuyển đổi số giai đoạn 2022 - 2025"
    document_kind: str = "Kế hoạch"    # "Kế hoạch" / "Quyết định" … as cited in the căn cứ


@dataclass(frozen=True)
class AwardForm:
    """A hình thức khen thưởng; `decided_here` is False when the commune only proposes it."""

    name: str                          # "Bằng khen của Chủ tịch UBND tỉnh"
    short: str                         # "Bằng khen" — used inside sentences ("tặng Bằng khen cho …")
    decided_here: bool = False         # True for the commune chairman's Giấy khen


@dataclass(frozen=True)
class Achievement:
    """One achievement in the movement; each becomes a numbered part of section II of the report."""

    content: str                       # nội dung thi đua (heading of the part)
    measures: str = ""                 # biện pháp, cách làm (multi-line text allowed)
    results: str = ""                  # kết quả đạt được (multi-line text allowed)
    period: str = ""                   # "năm 2024 - 2025"
    contents: tuple[str, ...] = ()     # numbers of the movement's contents it serves ("1", "5")


@dataclass(frozen=True)
class Nominee:
    """A proposed collective or individual. `key` is stable (database id) and links votes to nominees."""

    key: str
    kind: Kind
    name: str                          # person's full name, or the collective's name ("Thôn Nà Làng")
    award_form: AwardForm
    summary: str = ""                  # tóm tắt thành tích, one or two sentences for the lists
    # individual
    gender: str = ""                   # "Nam" / "Nữ"
    birth_year: int | None = None
    position: str = ""                 # "Công chức Văn phòng - Thống kê"
    unit: str = ""                     # "UBND xã Quang Thuận"
    # collective
    address: str = ""
    phone: str = ""
    head_name: str = ""                # trưởng thôn / thủ trưởng — signs the collective's report
    head_title: str = ""               # "TRƯỞNG THÔN"
    member_count: int | None = None
    female_count: int | None = None
    description: str = ""              # đặc điểm, tình hình (collective) — multi-line
    duties: str = ""                   # chức năng, nhiệm vụ được giao (collective) — multi-line
    has_seal: bool = False             # the collective has its own seal: its head signs "(Ký, đóng dấu)"
    achievements: tuple[Achievement, ...] = ()

    @property
    def position_unit(self) -> str:
        if self.kind == "collective":
            return self.unit or self.address
        return ", ".join(p for p in (self.position, self.unit) if p)


@dataclass(frozen=True)
class Vote:
    """The council's vote on one nominee."""

    nominee_key: str
    agree: int
    disagree: int = 0
    abstain: int = 0
    result: str = ""                   # "Đề nghị khen thưởng" / "Không đề nghị"
    passed: bool | None = None         # False: the council did not approve — left out of the Tờ trình and list


@dataclass(frozen=True)
class CouncilMeeting:
    """The meeting of the commune's Hội đồng Thi đua – Khen thưởng that considered the round."""

    held_on: date
    place: str                         # "Hội trường UBND xã Quang Thuận"
    chair: str                         # name of the chair (Chủ tịch Hội đồng)
    secretary: str
    members_total: int
    members_present: int
    votes: tuple[Vote, ...] = ()
    start_time: str = ""               # "14 giờ 00"
    end_time: str = ""                 # "16 giờ 30"
    chair_title: str = "Chủ tịch UBND xã, Chủ tịch Hội đồng"
    secretary_title: str = "Công chức Văn phòng - Thống kê, Thư ký Hội đồng"
    conclusion: str = ""               # extra conclusion text; the template supplies the standard one
    number: int | None = None          # số biên bản (None → a draft: the number line stays blank)
    voting_method: str = ""            # "bỏ phiếu kín" / "giơ tay" ("" → left for the clerk to fill)

    def vote_for(self, key: str) -> Vote | None:
        return next((v for v in self.votes if v.nominee_key == key), None)


@dataclass(frozen=True)
class Round:
    """A nomination round (đợt xét) of one campaign."""

    number: int                        # đợt 1, 2 …
    year: int
    award_form: AwardForm              # the round's main form (nominees may carry their own)
    submitted_on: date | None = None   # date of the Tờ trình (None → "ngày … tháng … năm …")
    submission_number: int | None = None  # số Tờ trình (None → blank)


@dataclass(frozen=True)
class Decision:
    """The commune chairman's decision awarding Giấy khen; awardees are nominee keys."""

    number: int | None
    issued_on: date | None
    signer: str
    awardee_keys: tuple[str, ...]
    signer_title: str = "CHỦ TỊCH"
    signer_authority: str = ""         # "" when the chairman signs in person; "KT. CHỦ TỊCH" for a deputy
    reward_note: str = ""              # optional Điều 2 text on the money award


@dataclass(frozen=True)
class RewardRule:
    """Prize money of an award form (NĐ 152/2025, as data): coefficients of the base salary (lương cơ sở)."""

    individual: float                  # 0.3 → 0,3 × lương cơ sở
    collective: float
    base_salary: int                   # đồng (a setting: it changes by decree)
    round_to: int = 1000               # amounts rounded up to whole thousands of đồng

    def amount(self, kind: str) -> int:
        raw = (self.collective if kind == "collective" else self.individual) * self.base_salary
        step = self.round_to or 1
        return int(-(-round(raw) // step) * step)


@dataclass(frozen=True)
class Replaced:
    """An issued document a correction replaces: named in the new document ("thay thế … số … ngày …")."""

    number_text: str                   # "01/TTr-UBND"
    signed_on: date
    reason: str = ""


@dataclass(frozen=True)
class Dossier:
    """Everything the documents of one round read. Pure data: building it touches no database."""

    commune: CommuneSettings
    campaign: Campaign
    round: Round
    nominees: tuple[Nominee, ...]
    meeting: CouncilMeeting | None = None
    decision: Decision | None = None
    signer_fingerprint: str = ""       # printed on the Tờ trình so the receiver can compare on paper
    report_dates: dict[str, date] = field(default_factory=dict)  # nominee key → date of its report
    draft: bool = False                # every document is marked "DỰ THẢO" and carries no number
    replaces: dict[str, Replaced] = field(default_factory=dict)  # document code → the issued one it replaces
    reward: RewardRule | None = None   # prize money of the decision (None: no money article)
    provincial: object | None = None   # the province's regulation (legal.LegalSource) from its rules pack, if any
    cover_number: int | None = None    # the covering letter (phiếu gửi) of a dossier without a Tờ trình
    cover_on: date | None = None

    @property
    def collectives(self) -> tuple[Nominee, ...]:
        return tuple(n for n in self.nominees if n.kind == "collective")

    @property
    def individuals(self) -> tuple[Nominee, ...]:
        return tuple(n for n in self.nominees if n.kind == "individual")

    def rejected(self, key: str) -> bool:
        """The council voted and did not approve this nominee (it stays in the biên bản only)."""
        vote = self.meeting.vote_for(key) if self.meeting is not None else None
        return vote is not None and vote.passed is False

    def proposed(self) -> tuple[Nominee, ...]:
        """Nominees sent upward (the Tờ trình and its list): not decided here, not rejected by the council."""
        return tuple(n for n in self.nominees if not n.award_form.decided_here and not self.rejected(n.key))

    def reported(self) -> tuple[Nominee, ...]:
        """Nominees who need a báo cáo thành tích: those proposed upward and those awarded here."""
        awarded = set(self.decision.awardee_keys) if self.decision is not None else set()
        return tuple(n for n in self.nominees
                     if n.key in awarded or (not n.award_form.decided_here and not self.rejected(n.key)))

    def decided_here(self) -> tuple[Nominee, ...]:
        return tuple(n for n in self.nominees if n.award_form.decided_here)

    def nominee(self, key: str) -> Nominee:
        for n in self.nominees:
            if n.key == key:
                return n
        raise KeyError(key)
