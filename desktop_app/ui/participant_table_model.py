"""ParticipantTableModel: the register as a lazy table over SQL (filter and sort in the database)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QT_TRANSLATE_NOOP

from desktop_app.core import participants as core
from desktop_app.core.dates import format_vn_date

from .labels import CATEGORY_LABELS, KIND_LABELS, label

PAGE = 200
OBJECT_ROLE = Qt.UserRole + 1
SORT_ROLE = Qt.UserRole + 2


class ParticipantTableModel(QAbstractTableModel):
    COL_NAME, COL_KIND, COL_CATEGORY, COL_BIRTH, COL_POSITION, COL_PHONE = range(6)
    HEADERS = (QT_TRANSLATE_NOOP("ParticipantTableModel", "Name"),
               QT_TRANSLATE_NOOP("ParticipantTableModel", "Kind"),
               QT_TRANSLATE_NOOP("ParticipantTableModel", "Category"),
               QT_TRANSLATE_NOOP("ParticipantTableModel", "Date of birth"),
               QT_TRANSLATE_NOOP("ParticipantTableModel", "Position / address"),
               QT_TRANSLATE_NOOP("ParticipantTableModel", "Phone"))
    SORT_KEYS = ("name", "kind", "category", "birth_date", "position", None)

    def __init__(self, commune_id: int, parent=None):
        super().__init__(parent)
        self._filter = core.ParticipantFilter(commune_id=commune_id)
        self._order = "name"
        self._descending = False
        self._rows: list = []
        self._total = 0
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
        self._total = core.count_participants(self._filter)
        self._rows = core.list_participants(self._filter, order=self._order, descending=self._descending,
                                            offset=0, limit=PAGE)
        self.endResetModel()

    @property
    def total(self) -> int:
        return self._total

    # --- lazy fetching ---
    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        more = core.list_participants(self._filter, order=self._order, descending=self._descending,
                                      offset=len(self._rows), limit=PAGE)
        if not more:
            self._total = len(self._rows)
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
        p = self._rows[index.row()]
        column = index.column()
        if role == OBJECT_ROLE:
            return p
        if role == SORT_ROLE:
            key = self.SORT_KEYS[column]
            return getattr(p, key if key != "name" else "sort_key", None) if key else p.phone
        if role == Qt.DisplayRole:
            if column == self.COL_NAME:
                return p.name
            if column == self.COL_KIND:
                return label(KIND_LABELS, p.kind)
            if column == self.COL_CATEGORY:
                return label(CATEGORY_LABELS, p.category)
            if column == self.COL_BIRTH:
                return format_vn_date(p.birth_date)
            if column == self.COL_POSITION:
                return p.position if p.kind == "individual" else p.address
            if column == self.COL_PHONE:
                return p.phone
        if role == Qt.ToolTipRole and column == self.COL_NAME:
            return p.workplace or p.address or None
        return None

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        key = self.SORT_KEYS[column] if 0 <= column < len(self.SORT_KEYS) else None
        if key is None:
            return
        self._order = key
        self._descending = order == Qt.DescendingOrder
        self.refresh()

    def participant_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None
