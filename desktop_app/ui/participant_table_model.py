"""ParticipantTableModel: the register as a lazy table over SQL (filter and sort in the database).

Memory stays bounded however far the officer scrolls: the model keeps, for every row it has listed, only the
row's id, 8 bytes in an array (keyset paging continues from the last row's sort key, the only one kept); the columns it shows come from a small cache
of recently shown rows, filled by id a block at a time (as Anki's browser holds row ids and fetches lazily).
"""
from __future__ import annotations

from array import array
from collections import OrderedDict

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal

from desktop_app.core.dates import format_vn_date
from desktop_app.core.register import participants as core
from desktop_app.core.storage.session import Session
from desktop_app.core.vocabulary import INDIVIDUAL, PARTICIPANT_CATEGORIES, PARTICIPANT_KINDS

from .signals import emit

PAGE = 200
CACHE_ROWS = 2000   # rows whose shown columns are kept; the rest are fetched again by id when shown
BLOCK = 100         # rows fetched by id at once when an uncached row is shown
SORT_ROLE = Qt.UserRole + 2
ID_ROLE = Qt.UserRole + 3


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

    def __init__(self, session: Session, commune_id: int, parent=None, *, count_later: bool = False):
        super().__init__(parent)
        self.session = session
        # The window counts on a worker thread so typing never waits for the count; tests count at once.
        self.count_later = count_later
        self._filter = core.ParticipantFilter(commune_id=commune_id)
        self._order = "name"
        self._descending = False
        self._ids = array("q")                           # the id of every row listed so far, in order
        self._last_key: str | None = None                # sort key of the last listed row (keyset paging)
        self._cache: OrderedDict[int, tuple] = OrderedDict()   # id → core.ROW_COLUMNS tuple, least recent first
        self._exhausted = True
        self._total: int | None = 0
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
        self._ids = array("q")
        self._last_key = None
        self._cache.clear()
        first = self._page()
        self._exhausted = len(first) < PAGE
        self.endResetModel()
        if self.count_later:
            self._total, self._more = None, False
            emit(self.count_needed, self._filter)
        else:
            self._total, self._more = core.count_participants_capped(self.session, self._filter)
        emit(self.count_changed)

    def set_count(self, flt: core.ParticipantFilter, total: int, more: bool) -> None:
        """A count computed elsewhere; ignored when the filter has changed since (the latest search wins)."""
        if flt == self._filter:
            self._total, self._more = total, more
            emit(self.count_changed)

    def _page(self) -> list[tuple]:
        """The next page of rows after those listed; their keys are listed and their columns cached."""
        after = (self._last_key, self._ids[-1]) if self._ids and self._order == "name" else None
        rows = core.list_participant_rows(self.session, self._filter, order=self._order, descending=self._descending,
                                          after=after, offset=len(self._ids), limit=PAGE)
        for row in rows:
            self._ids.append(row[core.ROW_ID])
            self._remember(row)
        if rows:
            self._last_key = rows[-1][core.ROW_SORT_KEY]
        return rows

    def _remember(self, row: tuple) -> None:
        self._cache[row[core.ROW_ID]] = row
        self._cache.move_to_end(row[core.ROW_ID])
        while len(self._cache) > CACHE_ROWS:
            self._cache.popitem(last=False)

    def _row(self, index: int) -> tuple | None:
        ident = self._ids[index]
        row = self._cache.get(ident)
        if row is None:
            start = max(0, index - BLOCK // 2)
            ids = list(self._ids[start:start + BLOCK])
            for fetched in core.participant_rows_by_id(self.session, ids):
                self._remember(fetched)
            row = self._cache.get(ident)
        else:
            self._cache.move_to_end(ident)
        return row

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
        start = len(self._ids)
        more = self._page()
        self._exhausted = len(more) < PAGE
        if not more:
            return
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self.endInsertRows()

    # --- Qt model API ---
    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.HEADERS):
            return QCoreApplication.translate("ParticipantTableModel", self.HEADERS[section])
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.DisplayRole, SORT_ROLE, Qt.ToolTipRole):
            return None
        row = self._row(index.row())
        if row is None:  # deleted since it was listed
            return None
        pid, name, kind, category, birth, position, address, phone, workplace, key = row
        column = index.column()
        if role == SORT_ROLE:
            return (key, kind, category, birth, position, phone)[column]
        if role == Qt.DisplayRole:
            if column == self.COL_NAME:
                return name
            if column == self.COL_KIND:
                return PARTICIPANT_KINDS.name(kind)
            if column == self.COL_CATEGORY:
                return PARTICIPANT_CATEGORIES.name(category)
            if column == self.COL_BIRTH:
                return format_vn_date(birth)
            if column == self.COL_POSITION:
                return position if kind == INDIVIDUAL else address
            if column == self.COL_PHONE:
                return phone
        if role == Qt.ToolTipRole and column == self.COL_NAME:
            return workplace or address or None
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = self.SORT_KEYS[column] if 0 <= column < len(self.SORT_KEYS) else None
        if key is None:
            return
        descending = order == Qt.DescendingOrder
        if (key, descending) == (self._order, self._descending):
            return   # already listed in this order (the view asks again when sorting is switched on)
        self._order = key
        self._descending = descending
        self.refresh()

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, participant_id: int) -> int | None:
        """The row of a participant among those listed so far (None if not listed yet)."""
        try:
            return self._ids.index(participant_id)
        except ValueError:
            return None
