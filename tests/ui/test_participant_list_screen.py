"""The register screen driven as an officer would: typing Vietnamese, searching without accents, archiving."""
from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from desktop_app.core.register.participants import get_participant
from desktop_app.core.storage.models import Participant
from desktop_app.ui.participant_dialog import EditParticipantDialog
from desktop_app.ui.participant_list_screen import ParticipantListScreen

from .conftest import commit_text, type_text


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
    qtbot.mouseClick(screen.archive_button, Qt.LeftButton)
    assert runner.wait()
    assert screen.model.rowCount() == 9   # the list reloaded from the change notice
    assert Participant.get_by_id(target.id).archived_at is not None
    screen.archived.setChecked(True)
    assert [screen.model.id_at(r) for r in range(screen.model.rowCount())] == [target.id]
    assert screen.archive_button.text() == "Khôi phục"
    screen.table.selectRow(0)
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
