"""The register screen driven as an officer would: typing Vietnamese, searching without accents, archiving."""
from __future__ import annotations

import unicodedata

from PySide6.QtWidgets import QDialog, QMessageBox

from desktop_app.core.storage.models import Participant
from desktop_app.ui.participant_dialog import EditParticipantDialog
from desktop_app.ui.participant_list_screen import ParticipantListScreen

from .conftest import commit_text, type_text


def make_screen(qtbot, workspace, demo):
    screen = ParticipantListScreen(demo["commune"], workspace.paths.evidence_dir)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def test_search_as_you_type_without_accents(qtbot, workspace, demo):
    screen = make_screen(qtbot, workspace, demo)
    assert screen.model.rowCount() == 30
    type_text(screen.search, "nguyen van duc")
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert screen.model.participant_at(0).name == "Nguyễn Văn Đức"
    qtbot.waitUntil(lambda: screen.count_label.text() == "1 kết quả", timeout=3000)
    screen.search.clear()
    commit_text(screen.search, unicodedata.normalize("NFD", "Đức"))
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=2000)
    assert screen.model.participant_at(0).name == "Nguyễn Văn Đức"


def test_kind_filter_and_archive_restore(qtbot, workspace, demo):
    screen = make_screen(qtbot, workspace, demo)
    screen.kind_filter.setCurrentIndex(screen.kind_filter.findData("collective"))
    assert screen.model.rowCount() == 10
    screen.table.selectRow(0)
    target = screen.selected()
    screen.toggle_archive()
    assert screen.model.rowCount() == 9
    assert Participant.get_by_id(target.id).archived_at is not None
    screen.archived.setChecked(True)
    assert [screen.model.participant_at(r).id for r in range(screen.model.rowCount())] == [target.id]
    assert screen.archive_button.text() == "Khôi phục"
    screen.table.selectRow(0)
    screen.toggle_archive()
    assert Participant.get_by_id(target.id).archived_at is None


def test_new_individual_typed_in_vietnamese_is_saved_nfc(qtbot, workspace, demo):
    dialog = EditParticipantDialog(demo["commune"], "individual")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["name"], "Hoàng Thị Ánh Tuyết")
    dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("nu"))
    type_text(dialog.fields["birth_date"], "7/3/1995")
    commit_text(dialog.fields["ethnicity"], unicodedata.normalize("NFD", "Tày"))
    type_text(dialog.fields["position"], "Công chức Văn phòng - Thống kê")
    dialog.save()
    assert dialog.result() == QDialog.Accepted
    saved = Participant.get(Participant.name == "Hoàng Thị Ánh Tuyết")
    assert saved.ethnicity == "Tày" and unicodedata.is_normalized("NFC", saved.ethnicity)
    assert saved.birth_date.isoformat() == "1995-03-07"


def test_invalid_form_shows_messages_next_to_fields_and_saves_nothing(qtbot, workspace, demo):
    before = Participant.select().count()
    dialog = EditParticipantDialog(demo["commune"], "individual")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["birth_date"], "31/02/1990")
    type_text(dialog.fields["cccd"], "12345")
    dialog.save()
    assert dialog.isVisible()
    assert dialog.errors.text("name") == "Không được để trống."
    assert "Ngày không hợp lệ" in dialog.errors.text("birth_date")
    assert dialog.errors.text("cccd") == "Số CCCD phải gồm đúng 12 chữ số."
    assert Participant.select().count() == before
    dialog.autosave.discard()


def test_duplicate_warning_then_confirm(qtbot, workspace, demo, monkeypatch):
    before = Participant.select().count()
    dialog = EditParticipantDialog(demo["commune"], "individual")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["name"], "nguyễn văn đức")
    dialog.fields["gender"].setCurrentIndex(dialog.fields["gender"].findData("nam"))
    type_text(dialog.fields["birth_date"], "12/03/1988")
    dialog.save()
    assert dialog.duplicate_label.isVisible()
    assert "Nguyễn Văn Đức (12/03/1988)" in dialog.duplicate_label.text()
    assert Participant.select().count() == before
    dialog.save()
    assert Participant.select().count() == before + 1


def test_cancel_asks_before_discarding_typed_text(qtbot, workspace, demo, monkeypatch):
    dialog = EditParticipantDialog(demo["commune"], "collective")
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.fields["name"], "Thôn Pác Nặm")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.No)
    dialog.reject()
    assert dialog.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.Yes)
    dialog.reject()
    assert not dialog.isVisible()
