"""The register screen driven as an officer would: typing Vietnamese, searching without accents, archiving."""
from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from desktop_app.core.register.participants import get_participant
from desktop_app.core.storage.models import Participant
from desktop_app.ui.participant_dialog import EditParticipantDialog
from desktop_app.ui.participant_list_screen import ParticipantListScreen

from .conftest import answer_next_message, commit_text, type_text


def make_screen(qtbot, runner):
    screen = ParticipantListScreen(runner)
    qtbot.addWidget(screen)
    screen.show()
    runner.wait()   # the match count is computed on the runner
    return screen


def name_at(screen, row):
    return get_participant(screen.session, screen.model.id_at(row)).name


def click_save(qtbot, dialog, runner):
    """Press Save as the officer does, then wait for the save running on the operation runner."""
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)
    assert runner.wait()


def test_search_as_you_type_without_accents(qtbot, runner, demo):
    screen = make_screen(qtbot, runner)
    assert screen.model.rowCount() == 30
    type_text(screen.search, "nguyen van duc")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert name_at(screen, 0) == "Nguyễn Văn Đức"
    qtbot.waitUntil(lambda: screen.count_label.text() == "1 kết quả", timeout=3000)
    screen.search.clear()
    commit_text(screen.search, unicodedata.normalize("NFD", "Đức"))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert name_at(screen, 0) == "Nguyễn Văn Đức"


def test_kind_filter_and_archive_restore(qtbot, runner, demo):
    screen = make_screen(qtbot, runner)
    screen.kind_filter.setCurrentIndex(screen.kind_filter.findData("collective"))
    assert screen.model.rowCount() == 10
    screen.table.selectRow(0)
    target = screen.selected()
    assert screen.archive_button.text() == "Lưu trữ"
    # The officer is asked first; "No" changes nothing.
    asked = answer_next_message(QMessageBox.No)
    qtbot.mouseClick(screen.archive_button, Qt.LeftButton)
    assert runner.wait()
    assert target.name in asked["text"] and "không bị xóa" in asked["text"]
    assert Participant.get_by_id(target.id).archived_at is None and screen.model.rowCount() == 10
    answer_next_message(QMessageBox.Yes)
    qtbot.mouseClick(screen.archive_button, Qt.LeftButton)
    assert runner.wait()
    assert screen.model.rowCount() == 9   # the list reloaded from the change notice
    assert Participant.get_by_id(target.id).archived_at is not None
    screen.archived.setChecked(True)
    assert [screen.model.id_at(r) for r in range(screen.model.rowCount())] == [target.id]
    assert screen.archive_button.text() == "Khôi phục"
    screen.table.selectRow(0)
    answer_next_message(QMessageBox.Yes)
    qtbot.mouseClick(screen.archive_button, Qt.LeftButton)
    assert runner.wait()
    assert Participant.get_by_id(target.id).archived_at is None
    assert screen.model.rowCount() == 0


def test_new_individual_typed_in_vietnamese_is_saved_nfc(qtbot, runner, demo):
    dialog = EditParticipantDialog(runner, "individual")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["name"], "Hoàng Thị Ánh Tuyết")
    dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("nu"))
    type_text(dialog.fields["birth_date"], "7/3/1995")
    commit_text(dialog.fields["ethnicity"], unicodedata.normalize("NFD", "Tày"))
    type_text(dialog.fields["position"], "Công chức Văn phòng - Thống kê")
    click_save(qtbot, dialog, runner)
    assert dialog.result() == QDialog.Accepted
    saved = Participant.get(Participant.name == "Hoàng Thị Ánh Tuyết")
    assert dialog.saved_participant.id == saved.id
    assert saved.ethnicity == "Tày" and unicodedata.is_normalized("NFC", saved.ethnicity)
    assert saved.birth_date.isoformat() == "1995-03-07"


def test_invalid_form_shows_messages_next_to_fields_and_saves_nothing(qtbot, runner, demo):
    before = Participant.select().count()
    dialog = EditParticipantDialog(runner, "individual")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["birth_date"], "31/02/1990")
    type_text(dialog.fields["cccd"], "12345")
    click_save(qtbot, dialog, runner)
    assert dialog.isVisible()
    assert dialog.errors.text("name") == "Không được để trống."
    assert "Ngày không hợp lệ" in dialog.errors.text("birth_date")
    assert dialog.errors.text("cccd") == "Số CCCD phải gồm đúng 12 chữ số."
    assert Participant.select().count() == before
    dialog.autosave.discard()


def test_duplicate_warning_then_confirm(qtbot, runner, demo, monkeypatch):
    before = Participant.select().count()
    dialog = EditParticipantDialog(runner, "individual")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["name"], "nguyễn văn đức")
    dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("nam"))
    type_text(dialog.fields["birth_date"], "12/03/1988")
    click_save(qtbot, dialog, runner)
    assert dialog.duplicate_label.isVisible()
    assert "Nguyễn Văn Đức (12/03/1988)" in dialog.duplicate_label.text()
    assert Participant.select().count() == before
    click_save(qtbot, dialog, runner)
    assert Participant.select().count() == before + 1


def test_cancel_asks_before_discarding_typed_text(qtbot, runner, demo, monkeypatch):
    dialog = EditParticipantDialog(runner, "collective")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["name"], "Thôn Pác Nặm")
    cancel = dialog.buttons.button(QDialogButtonBox.Cancel)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    qtbot.mouseClick(cancel, Qt.LeftButton)
    assert dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    qtbot.mouseClick(cancel, Qt.LeftButton)
    assert not dialog.isVisible()
    assert runner.wait()


def _ids(screen):
    return [screen.model.id_at(r) for r in range(screen.model.rowCount())]


def _choose(combo, data):
    combo.setCurrentIndex(combo.findData(data))


def test_filters_an_officer_reaches_for(qtbot, runner, demo, session):
    from desktop_app.core.nominations.checklists import list_checklists
    from desktop_app.core.register.awards import list_awards

    screen = make_screen(qtbot, runner)
    qtbot.waitUntil(lambda: screen.filters["unit"].count() > 1, timeout=2000)  # filled after the first paint
    assert not screen.clear_filters_button.isEnabled()
    _choose(screen.filters["gender"], "nu")
    women = _ids(screen)
    assert women and all(get_participant(session, i).gender == "nu" for i in women)
    assert screen.clear_filters_button.isEnabled()
    qtbot.mouseClick(screen.clear_filters_button, Qt.LeftButton)
    assert screen.model.rowCount() == 30
    # A thôn: the collective itself and the people who work there.
    unit = next(p for p in (get_participant(session, i) for i in _ids(screen)) if p.name == "Thôn Nà Khoang")
    _choose(screen.filters["unit"], unit.id)
    listed = [get_participant(session, i) for i in _ids(screen)]
    assert unit.id in _ids(screen) and all(p.id == unit.id or p.organization_id == unit.id for p in listed)
    qtbot.mouseClick(screen.clear_filters_button, Qt.LeftButton)
    # An award year and a title: exactly those with that entry in their history.
    _choose(screen.filters["award_year"], 2024)
    _choose(screen.filters["award_code"], "CSTDCS")
    expected = {pid for pid in (p for p in _all_ids(session))
                if any(a.year == 2024 and a.code == "CSTDCS" for a in list_awards(session, pid))}
    assert expected and set(_ids(screen)) == expected
    qtbot.mouseClick(screen.clear_filters_button, Qt.LeftButton)
    _choose(screen.filters["verdict"], "eligible")
    expected = {pid for pid in _all_ids(session)
                if any(c.verdict == "eligible" for c in list_checklists(session, pid))}
    assert expected and set(_ids(screen)) == expected
    # Filters and the search work together, and the count says how many.
    type_text(screen.search, "thon")
    qtbot.waitUntil(lambda: screen.model.rowCount() < len(expected), timeout=2000)
    runner.wait()
    assert screen.count_label.text().startswith(str(screen.model.rowCount()))


def _all_ids(session):
    from desktop_app.core.register.participants import ParticipantFilter, list_participant_rows

    return [row[0] for row in list_participant_rows(
        session, ParticipantFilter(commune_id=session.home_commune().id), limit=1000)]


def test_printing_the_filtered_list_and_a_trich_ngang(qtbot, runner, demo, session, monkeypatch):
    import io

    from pypdf import PdfReader

    from desktop_app.ui import print_preview_dialog

    shown = []
    monkeypatch.setattr(print_preview_dialog.PrintPreviewDialog, "exec",
                        lambda self: shown.append((self.windowTitle(), self.pdf.pageCount(), self.pdf_bytes)) or 0)
    screen = make_screen(qtbot, runner)
    qtbot.waitUntil(lambda: screen.filters["gender"].count() > 1, timeout=2000)
    _choose(screen.filters["gender"], "nu")
    qtbot.mouseClick(screen.print_button, Qt.LeftButton)
    assert runner.wait()
    title, pages, pdf = shown[-1]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert pages >= 1 and "DANH SÁCH" in text and "Nữ" in text
    women = [get_participant(session, i).name for i in _ids(screen)]
    men = [p for p in (get_participant(session, i) for i in _all_ids(session)) if p.gender == "nam"]
    assert all(name in text for name in women) and not any(p.name in text for p in men)
    assert f"Tổng số: {len(women)}" in text
    screen.table.selectRow(0)
    qtbot.mouseClick(screen.extract_button, Qt.LeftButton)
    assert runner.wait()
    title, pages, pdf = shown[-1]
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "TRÍCH NGANG" in text and name_at(screen, 0) in text


def test_keyboard_shortcuts(qtbot, runner, demo):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    screen = make_screen(qtbot, runner)
    screen.table.setFocus()
    qtbot.keyClick(screen, Qt.Key_F, Qt.ControlModifier)
    assert screen.search.hasFocus()
    opened = []

    def close_dialog():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, EditParticipantDialog)
                      and w.isVisible())
        opened.append((dialog.kind, dialog.participant))
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.Cancel), Qt.LeftButton)

    QTimer.singleShot(100, close_dialog)
    qtbot.keyClick(screen, Qt.Key_N, Qt.ControlModifier)
    assert opened == [("individual", None)]
    screen.table.setFocus()
    screen.table.selectRow(2)
    QTimer.singleShot(100, close_dialog)
    qtbot.keyClick(screen.table, Qt.Key_Return)
    assert opened[-1][1] is not None and opened[-1][1].id == screen.model.id_at(2)
