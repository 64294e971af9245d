"""ParticipantTableModel: the register as a lazy table over SQL (filter and sort in the database)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from desktop_app.core.dates import format_vn_date
from desktop_app.core.register import participants as core
from desktop_app.core.storage.models import Participant

from .labels import CATEGORY_LABELS, KIND_LABELS, label
from .signals import emit

PAGE = 200
OBJECT_ROLE = Qt.UserRole + 1
SORT_ROLE = Qt.UserRole + 2
ID_ROLE = Qt.UserRole + 3
ROW_ID, ROW_SORT_KEY = 0, 9  # positions in core.participants.ROW_COLUMNS


class ParticipantTableModel(QAbstractTableModel):
    COL_NAME, COL_KIND, COL_CATEGORY, COL_BIRTH, COL_POSITION, COL_PHONE = range(6)
    HEADERS = (QT_TRANSLATE_NOOP("ParticipantTableModel", "Name"),
               QT_TRANSLATE_NOOP("ParticipantTableModel", "Kind"),
               QT_TRANSLATE_NOOP("ParticipantTableModel", "Category"),
               QT_TRANSLATE_NOOP("ParticipantTableModel", "Date of birth"),
               QT_TRANSLATE_NOOP("ParticipantTableModel", "Position / address"),
               QT_TRANSLATE_NOOP("ParticipantTableModel", "Phone"))
    SORT_KEYS = ("name", "kind", "category", "birth_date", "position", None)

    count_needed = Signal(object)  # the filter whose count is wanted (when counting on a worker thread)
    count_changed = Signal()

    def __init__(self, commune_id: int, parent=None, *, count_later: bool = False):
        super().__init__(parent)
        # The window counts on a worker thread so typing never waits for the count; tests count at once.
        self.count_later = count_later
        self._filter = core.ParticipantFilter(commune_id=commune_id)
        self._order = "name"
        self._descending = False
        # Light tuples (core.ROW_COLUMNS), not ORM objects: 100,000 rows stay a few tens of MB.
        self._rows: list[tuple] = []
        self._exhausted = True
        self._total = 0
        self._more = False
        self.refresh()

    # --- query state ---
    @property
    def filter(self) -> core.ParticipantFilter:
        return self._filter

    def set_filter(self, **changes) -> None:
        self._filter = core.ParticipantFilter(**{**self._filter.__dict__, **changes})
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = self._page(None)
        self._exhausted = len(self._rows) < PAGE
        self.endResetModel()
        if self.count_later:
            self._total, self._more = None, False
            emit(self.count_needed, self._filter)
        else:
            self._total, self._more = core.count_participants_capped(self._filter)
        emit(self.count_changed)

    def set_count(self, flt: core.ParticipantFilter, total: int, more: bool) -> None:
        """A count computed elsewhere; ignored when the filter has changed since (the latest search wins)."""
        if flt == self._filter:
            self._total, self._more = total, more
            emit(self.count_changed)

    def _page(self, last: tuple | None) -> list[tuple]:
        after = (last[ROW_SORT_KEY], last[ROW_ID]) if last is not None and self._order == "name" else None
        return core.list_participant_rows(self._filter, order=self._order, descending=self._descending,
                                          after=after, offset=len(self._rows) if last is not None else 0,
                                          limit=PAGE)

    @property
    def total(self) -> int | None:
        """Matches counted (exact up to core.COUNT_CAP while searching; see `more`); None while counting."""
        return self._total

    @property
    def more(self) -> bool:
        """True when a search matches more than `total` (the count is capped to stay fast)."""
        return self._more

    # --- lazy fetching ---
    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid() or self._exhausted:
            return
        more = self._page(self._rows[-1] if self._rows else None)
        self._exhausted = len(more) < PAGE
        if not more:
            return
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # --- Qt model API ---
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("ParticipantTableModel", self.HEADERS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        pid, name, kind, category, birth, position, address, phone, workplace, key = row
        column = index.column()
        if role == OBJECT_ROLE:
            return Participant.get_or_none(Participant.id == pid)
        if role == ID_ROLE:
            return pid
        if role == SORT_ROLE:
            return (key, kind, category, birth, position, phone)[column]
        if role == Qt.DisplayRole:
            if column == self.COL_NAME:
                return name
            if column == self.COL_KIND:
                return label(KIND_LABELS, kind)
            if column == self.COL_CATEGORY:
                return label(CATEGORY_LABELS, category)
            if column == self.COL_BIRTH:
                return format_vn_date(birth)
            if column == self.COL_POSITION:
                return position if kind == "individual" else address
            if column == self.COL_PHONE:
                return phone
        if role == Qt.ToolTipRole and column == self.COL_NAME:
            return workplace or address or None
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = self.SORT_KEYS[column] if 0 <= column < len(self.SORT_KEYS) else None
        if key is None:
            return
        self._order = key
        self._descending = order == Qt.DescendingOrder
        self.refresh()

    def participant_at(self, row: int):
        return Participant.get_or_none(Participant.id == self._rows[row][ROW_ID]) if 0 <= row < len(self._rows) else None

    def id_at(self, row: int) -> int | None:
        return self._rows[row][ROW_ID] if 0 <= row < len(self._rows) else None
