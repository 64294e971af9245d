"""Every list leaves as a proper .xlsx (openpyxl, write-only: the 100,000-row register streams through): the
header row in Vietnamese, real Excel dates and numbers (never text), column widths that fit, the header row frozen
and filtered, A4 landscape fitted to the page width with the header row repeated on every printed page, the commune
and the export time in the page header. Or a UTF-8 CSV with a BOM (Excel on Windows garbles Vietnamese without it).

The column headings are those the importer recognises: an exported list imported again reports no change."""
from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..dates import format_vn_date, format_vn_datetime
from ..errors import UserCancelled, UserError
from ..nominations import rounds
from ..register import participants
from ..storage.models import Award, Checklist, Participant
from ..storage.session import Session
from ..vocabulary import (AWARD_CATEGORIES, AWARD_FORMS, COMMENDATION_TYPES, GENDERS, INDIVIDUAL,
                          PARTICIPANT_CATEGORIES, PARTICIPANT_KINDS, VERDICTS, award_name)

Progress = Callable[[int, int, str], None]
TEXT, DATE, INTEGER, DECIMAL = "text", "date", "integer", "decimal"
_WIDTH_SAMPLE = 1000
_MAX_WIDTH = 60


@dataclass(frozen=True)
class Column:
    heading: str
    kind: str = TEXT
    width: int | None = None   # characters; None = from the heading and the first rows


@dataclass
class Table:
    """A list to write: its sheet title (also the printed title), columns and rows (an iterator is fine)."""

    title: str
    columns: list[Column]
    rows: Iterable[list]
    total: int = 0


def _width(value) -> int:
    if value is None:
        return 0
    if isinstance(value, (dt.date, dt.datetime)):
        return 10
    text = str(value)
    return max(len(line) for line in text.split("\n")) if text else 0


def _sheet_title(title: str) -> str:
    bad = '[]:*?/\\'
    clean = "".join("-" if ch in bad else ch for ch in title).strip("'") or "Danh sách"
    return clean[:31]


def write_xlsx(path: str | os.PathLike, table: Table, *, commune: str, exported_at: dt.datetime,
               progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    """Write `table` as one sheet; the file appears only when complete (written beside it, then renamed)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    path = Path(path)
    partial = path.with_name(path.name + ".dang-ghi")
    rows = iter(table.rows)
    head: list[list] = []
    for row in rows:
        head.append(row)
        if len(head) >= _WIDTH_SAMPLE:
            break
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_sheet_title(table.title))
    n = len(table.columns)
    for i, col in enumerate(table.columns):
        width = col.width or min(_MAX_WIDTH, max([_width(col.heading) // (2 if len(col.heading) > 16 else 1)]
                                                 + [_width(r[i]) for r in head if i < len(r)]) + 2)
        ws.column_dimensions[get_column_letter(i + 1)].width = max(width, 6)
    last = get_column_letter(n)
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = "9"  # A4 (ECMA-376 ST_PaperSize)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.oddHeader.left.text = commune
    ws.oddHeader.center.text = table.title
    ws.oddHeader.center.font = "Times New Roman,Bold"
    ws.oddHeader.right.text = "Xuất lúc " + format_vn_datetime(exported_at)
    ws.oddFooter.center.text = "Trang &P/&N"

    thin = Side(style="thin", color="808080")
    heading_font, heading_fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    heading_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    header = []
    for col in table.columns:
        cell = WriteOnlyCell(ws, value=col.heading)
        cell.font, cell.fill, cell.alignment = heading_font, heading_fill, heading_align
        cell.border = Border(top=thin, bottom=thin, left=thin, right=thin)
        header.append(cell)
    ws.append(header)
    date_columns = [i for i, c in enumerate(table.columns) if c.kind == DATE]
    decimal_columns = [i for i, c in enumerate(table.columns) if c.kind == DECIMAL]

    def cells(row: list) -> list:
        out = list(row)
        for i in date_columns:
            value = out[i] if i < len(out) else None
            if value is not None:
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "dd/mm/yyyy"
                out[i] = cell
        for i in decimal_columns:
            value = out[i] if i < len(out) else None
            if value is not None:
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "#,##0.0"
                out[i] = cell
        return out

    count = 0
    try:
        for source in (head, rows):
            for row in source:
                if count % 2000 == 0:
                    if cancelled is not None and cancelled():
                        raise UserCancelled()
                    if progress is not None:
                        progress(count, table.total or count, "")
                ws.append(cells(row))
                count += 1
        ws.auto_filter.ref = f"A1:{last}{count + 1}"
        wb.save(partial)
        os.replace(partial, path)
    except PermissionError:
        partial.unlink(missing_ok=True)
        raise UserError("xlsx.export_locked", file=path.name) from None
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError("xlsx.export_failed", file=path.name, detail=exc.strerror or str(exc)) from None
    except BaseException:
        _abandon(ws)
        partial.unlink(missing_ok=True)
        raise
    return path


def _abandon(ws) -> None:
    """A cancelled write-only sheet still has its XML writer open on a temporary file: close and remove it."""
    try:
        ws.close()
    except Exception:  # already closed, or failed half-way: nothing more to finish
        pass
    out = getattr(getattr(ws, "_writer", None), "out", None)
    if out and os.path.exists(out):
        os.remove(out)


def write_csv(path: str | os.PathLike, table: Table, *, progress: Progress | None = None,
              cancelled: Callable[[], bool] | None = None) -> Path:
    """UTF-8 with a BOM, comma-separated, dates as dd/mm/yyyy."""
    path = Path(path)
    partial = path.with_name(path.name + ".dang-ghi")
    try:
        with open(partial, "w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow([c.heading for c in table.columns])
            for count, row in enumerate(table.rows, start=1):
                writer.writerow([format_vn_date(v) if isinstance(v, (dt.date, dt.datetime)) else
                                 ("" if v is None else v) for v in row])
                if count % 2000 == 0 and cancelled is not None and cancelled():
                    raise UserCancelled()
        os.replace(partial, path)
    except PermissionError:
        partial.unlink(missing_ok=True)
        raise UserError("xlsx.export_locked", file=path.name) from None
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UserError("xlsx.export_failed", file=path.name, detail=exc.strerror or str(exc)) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


# ----- the lists -------------------------------------------------------------------------------------------

REGISTER_COLUMNS = [
    Column("STT", INTEGER, 6), Column("Họ và tên / Tên tập thể", TEXT), Column("Đối tượng", TEXT, 10),
    Column("Thành phần", TEXT), Column("Giới tính", TEXT, 9), Column("Ngày sinh", DATE, 12),
    Column("Dân tộc", TEXT), Column("Chức vụ", TEXT), Column("Đơn vị công tác", TEXT), Column("Số CCCD", TEXT, 15),
    Column("Điện thoại", TEXT, 13), Column("Địa chỉ", TEXT), Column("Người đứng đầu", TEXT),
    Column("Số thành viên", INTEGER, 11), Column("Số thành viên nữ", INTEGER, 11), Column("Ghi chú", TEXT),
]


def register_table(session: Session, flt: participants.ParticipantFilter, title: str = "") -> Table:
    """The register as the screen lists it (the same search and filters), in its order."""
    session.activate()
    total = participants.count_participants(session, flt)
    columns = (Participant.id, Participant.name, Participant.kind, Participant.category, Participant.gender,
               Participant.birth_date, Participant.ethnicity, Participant.position, Participant.workplace,
               Participant.cccd, Participant.phone, Participant.address, Participant.head_name,
               Participant.member_count, Participant.female_count, Participant.note)

    def rows() -> Iterator[list]:
        n = 0
        for chunk in participants.iter_participant_tuples(session, flt, columns):
            for (_pid, name, kind, category, gender, birth, ethnicity, position, workplace, cccd, phone, address,
                 head, members, women, note) in chunk:
                n += 1
                individual = kind == INDIVIDUAL
                yield [n, name, PARTICIPANT_KINDS.name(kind), PARTICIPANT_CATEGORIES.name(category),
                       GENDERS.name(gender) if individual else None, birth, ethnicity or None, position or None,
                       workplace or None, cccd or None, phone or None, address or None, head or None, members,
                       women, note or None]

    return Table(title or "Danh sách người và tập thể tham gia phong trào", REGISTER_COLUMNS, rows(), total)


AWARD_COLUMNS = [
    Column("STT", INTEGER, 6), Column("Họ và tên / Tên tập thể", TEXT), Column("Ngày sinh", DATE, 12),
    Column("Số CCCD", TEXT, 15), Column("Loại mục", TEXT), Column("Danh hiệu / Hình thức", TEXT),
    Column("Năm", INTEGER, 7), Column("Số quyết định", TEXT), Column("Ngày quyết định", DATE, 12),
    Column("Cơ quan ban hành", TEXT), Column("Loại khen thưởng", TEXT, 12), Column("Ghi chú", TEXT),
]


def award_history_table(session: Session, participant_id: int | None = None) -> Table:
    """The award history of the commune (or of one participant), newest year first."""
    session.activate()
    commune = session.home_commune()
    query = (Award.select(Award, Participant).join(Participant)
             .where((Award.commune == commune) & Award.archived_at.is_null() & Participant.archived_at.is_null())
             .order_by(Award.year.desc(), Participant.sort_key, Award.id))
    if participant_id is not None:
        query = query.where(Award.participant == participant_id)

    def rows() -> Iterator[list]:
        for n, a in enumerate(query.iterator(), start=1):
            p = a.participant
            yield [n, p.name, p.birth_date, p.cccd or None, AWARD_CATEGORIES.name(a.category),
                   award_name(a.category, a.code), a.year, a.decision_number or None, a.decision_date,
                   a.issuer or None, COMMENDATION_TYPES.name(a.award_type), a.note or None]

    return Table("Lịch sử khen thưởng", AWARD_COLUMNS, rows(), query.count())


ROUND_COLUMNS = [
    Column("STT", INTEGER, 6), Column("Họ và tên / Tên tập thể", TEXT), Column("Đối tượng", TEXT, 10),
    Column("Ngày sinh", DATE, 12), Column("Chức vụ, đơn vị / Địa chỉ", TEXT), Column("Hình thức đề nghị", TEXT),
    Column("Kết quả phiếu tiêu chuẩn", TEXT), Column("Lý do đề nghị dù chưa đủ điều kiện", TEXT),
    Column("Số phiếu đồng ý", INTEGER, 10), Column("Số phiếu không đồng ý", INTEGER, 10),
    Column("Tóm tắt thành tích", TEXT),
]


def round_table(session: Session, round_id: int) -> Table:
    """A round's danh sách: its nominees in order, with the checklist verdict when added and the votes."""
    round_ = rounds.require_round(session, round_id)
    nominees = rounds.nominees_of(session, round_id)

    def rows() -> Iterator[list]:
        for n, nom in enumerate(nominees, start=1):
            p = nom.participant
            where = ", ".join(x for x in (p.position, p.workplace) if x) if p.kind == INDIVIDUAL else p.address
            yield [n, p.name, PARTICIPANT_KINDS.name(p.kind), p.birth_date, where or None,
                   AWARD_FORMS.name(nom.award_form), VERDICTS.name(nom.verdict_at_add) or None,
                   nom.override_reason or None, nom.votes_for, nom.votes_against, nom.summary or None]

    title = f"Danh sách đề nghị khen thưởng đợt {round_.number}" + (f" (lần {round_.version})"
                                                                    if round_.version > 1 else "")
    return Table(title, ROUND_COLUMNS, rows(), len(nominees))


CHECKLIST_COLUMNS = [
    Column("STT", INTEGER, 6), Column("Họ và tên / Tên tập thể", TEXT), Column("Đối tượng", TEXT, 10),
    Column("Hình thức khen thưởng", TEXT), Column("Bộ tiêu chuẩn", TEXT), Column("Phiên bản", INTEGER, 8),
    Column("Năm đánh giá", INTEGER, 9), Column("Kết luận", TEXT, 16), Column("Số tiêu chí đã trả lời", INTEGER, 10),
    Column("Số tiêu chí cần trả lời", INTEGER, 10), Column("Lý do", TEXT, 80), Column("Cập nhật lúc", TEXT, 16),
]


def checklist_table(session: Session) -> Table:
    """Every current checklist of the commune with its verdict and the reasons behind it (as stored with the
    checklist: the screen and the documents show the same)."""
    session.activate()
    commune = session.home_commune()
    query = (Checklist.select(Checklist, Participant).join(Participant)
             .where((Checklist.commune == commune) & Checklist.archived_at.is_null()
                    & Participant.archived_at.is_null())
             .order_by(Participant.sort_key, Checklist.id))

    def rows() -> Iterator[list]:
        for n, c in enumerate(query.iterator(), start=1):
            p = c.participant
            snap = c.set_snapshot or {}
            assessment = c.assessment or {}
            reasons = "\n".join(r.get("text", "") for r in assessment.get("reasons", []) if r.get("text"))
            yield [n, p.name, PARTICIPANT_KINDS.name(p.kind), snap.get("award_form_name") or None,
                   snap.get("title") or c.set_id, c.set_version, c.assessment_year, VERDICTS.name(c.verdict),
                   assessment.get("answered"), assessment.get("answerable"), reasons or None,
                   format_vn_datetime(c.updated_at)]

    return Table("Kết quả phiếu tiêu chuẩn", CHECKLIST_COLUMNS, rows(), query.count())


def export_checklists(session: Session, target: str | os.PathLike, *, as_csv: bool = False,
                      progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    return export_table(session, checklist_table(session), target, as_csv=as_csv, progress=progress,
                        cancelled=cancelled)


def export_table(session: Session, table: Table, target: str | os.PathLike, *, as_csv: bool = False,
                 progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    """Write a list prepared by one of the functions above (a read: nothing in the database changes)."""
    if as_csv:
        return write_csv(target, table, progress=progress, cancelled=cancelled)
    commune = session.home_commune()
    now = dt.datetime.fromisoformat(session.clock.now_iso())
    return write_xlsx(target, table, commune=f"{commune.name}" if commune else "", exported_at=now,
                      progress=progress, cancelled=cancelled)


def export_register(session: Session, flt: participants.ParticipantFilter, target: str | os.PathLike, *,
                    subtitle: str = "", as_csv: bool = False, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None) -> Path:
    title = "Danh sách người và tập thể tham gia phong trào" + (f" — {subtitle}" if subtitle else "")
    return export_table(session, register_table(session, flt, title), target, as_csv=as_csv, progress=progress,
                        cancelled=cancelled)


def export_award_history(session: Session, target: str | os.PathLike, participant_id: int | None = None, *,
                         as_csv: bool = False, progress: Progress | None = None,
                         cancelled: Callable[[], bool] | None = None) -> Path:
    return export_table(session, award_history_table(session, participant_id), target, as_csv=as_csv,
                        progress=progress, cancelled=cancelled)


def export_round(session: Session, round_id: int, target: str | os.PathLike, *, as_csv: bool = False,
                 progress: Progress | None = None, cancelled: Callable[[], bool] | None = None) -> Path:
    return export_table(session, round_table(session, round_id), target, as_csv=as_csv, progress=progress,
                        cancelled=cancelled)
