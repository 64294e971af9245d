"""ParticipantTableModel: a valid Qt model (qtmodeltester), lazy paging, SQL filtering and sorting."""
from __future__ import annotations

from PySide6.QtCore import Qt

from desktop_app.core.register.participants import get_participant, save_participant
from desktop_app.ui.participant_table_model import ID_ROLE, PAGE, ParticipantTableModel


def participant_in(model, session, row):
    """The stored participant shown in `row` (the model holds ids; rows are read through the core)."""
    return get_participant(session, model.data(model.index(row, 0), ID_ROLE))


def test_model_passes_qtmodeltester(qtmodeltester, session, demo):
    model = ParticipantTableModel(session, demo["commune"].id)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 30
    assert model.headerData(0, Qt.Horizontal) == "Tên"


def test_lazy_paging_over_many_rows(qtmodeltester, session, commune):
    for i in range(PAGE * 2 + 15):
        save_participant(session, {"kind": "collective", "category": "thon_ban", "name": f"Thôn số {i:04d}"})
    model = ParticipantTableModel(session, commune.id)
    assert model.total == PAGE * 2 + 15
    assert model.rowCount() == PAGE
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == PAGE * 2 + 15
    assert not model.canFetchMore()
    names = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
    assert len(set(names)) == len(names)
    qtmodeltester.check(model, force_py=True)


def test_filter_and_sort_in_sql(session, demo):
    model = ParticipantTableModel(session, demo["commune"].id)
    model.set_filter(search="nguyen van duc")
    assert model.rowCount() == 1
    assert participant_in(model, session, 0).name == "Nguyễn Văn Đức"
    model.set_filter(search="", kind="collective")
    assert model.rowCount() == 10
    assert {model.data(model.index(r, 1)) for r in range(10)} == {"Tập thể"}
    model.set_filter(kind="individual")
    model.sort(ParticipantTableModel.COL_BIRTH, Qt.AscendingOrder)
    births = [participant_in(model, session, r).birth_date for r in range(model.rowCount())]
    assert births == sorted(births)
    model.sort(ParticipantTableModel.COL_BIRTH, Qt.DescendingOrder)
    births = [participant_in(model, session, r).birth_date for r in range(model.rowCount())]
    assert births == sorted(births, reverse=True)
