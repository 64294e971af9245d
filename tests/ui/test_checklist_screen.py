"""The checklist screen driven like an officer: find a person without accents, answer criteria, add evidence,
watch the verdict change; computed criteria show their provenance; old checklists are read only."""
from __future__ import annotations

import json
import shutil

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from desktop_app.core.nominations import checklists
from desktop_app.core.nominations.criteria import load_catalog
from desktop_app.core.register.participants import get_participant
from desktop_app.core.resources import resource_path
from desktop_app.core.text import fold
from desktop_app.ui.checklist_dialog import MigrateChecklistDialog
from desktop_app.ui.checklist_screen import ChecklistScreen
from desktop_app.ui.signals import emit

from .conftest import commit_text, type_text


def make_screen(qtbot, runner):
    screen = ChecklistScreen(runner)
    qtbot.addWidget(screen)
    screen.resize(1200, 800)
    screen.show()
    return screen


def click(qtbot, widget, runner) -> None:
    """Click as the officer does; the answer is saved on the operation runner at once."""
    qtbot.mouseClick(widget, Qt.LeftButton, pos=widget.rect().center())
    assert runner.wait()


def find(screen, text: str, qtbot, name: str | None = None) -> None:
    """Type a search without accents; pick the only match, or the row of `name`."""
    screen.search.clear()
    type_text(screen.search, text)
    qtbot.waitUntil(lambda: not screen._search_timer.isActive(), timeout=2000)  # search as you type ran
    rows = lambda: [screen.participant_list.item(i).text() for i in range(screen.participant_list.count())]  # noqa: E731
    if name is None:
        # Words may also match other people's achievements: the officer picks the row whose name was typed.
        named = lambda: [i for i, row in enumerate(rows()) if fold(row).startswith(fold(text) + " ")]  # noqa: E731
        qtbot.waitUntil(lambda: len(named()) == 1, timeout=2000)
        screen.participant_list.setCurrentRow(named()[0])
        return
    qtbot.waitUntil(lambda: f"{name} — Tập thể" in rows(), timeout=2000)
    screen.participant_list.setCurrentRow(rows().index(f"{name} — Tập thể"))


def banner(screen) -> str:
    return screen.panel.verdict_banner.text()


def stored(screen) -> checklists.Checklist:
    return checklists.get_checklist(screen.session, screen.panel.checklist.id)


def test_answering_changes_the_verdict_and_is_saved_at_once(qtbot, runner, demo, tmp_path):
    screen = make_screen(qtbot, runner)
    find(screen, "vi thi nga", qtbot)
    assert screen.participant_list.currentItem().text() == "Vi Thị Nga — Cá nhân"
    # The demo checklist (Giấy khen) opens, not finished.
    assert "CHƯA HOÀN THÀNH" in banner(screen)
    assert "Chưa đánh giá: Hoàn thành tốt nhiệm vụ, nghĩa vụ công dân" in banner(screen)
    assert screen.panel.saved_label.text() == "Mỗi câu trả lời được lưu ngay khi chọn."
    cards = screen.panel.cards
    click(qtbot, cards["hoan_thanh_nhiem_vu"].buttons["met"], runner)
    assert checklists.answers_of(stored(screen))["hoan_thanh_nhiem_vu"].status == "met"
    assert screen.panel.saved_label.text().startswith("Đã lưu lúc ")
    click(qtbot, cards["thanh_tich_phong_trao"].buttons["met"], runner)
    assert "Thiếu minh chứng: Có thành tích được bình xét trong phong trào thi đua" in banner(screen)
    assert cards["thanh_tich_phong_trao"].status.text() == "… Chưa xong"
    # Inside a "one of" group the other alternative may be "not applicable".
    assert cards["thanh_tich_linh_vuc"].buttons["not_applicable"].isEnabled()
    assert not cards["guong_mau"].buttons["not_applicable"].isEnabled()
    source = tmp_path / "Báo cáo kết quả VNeID.pdf"
    source.write_bytes(b"%PDF-1.4 bao cao")
    screen.panel.add_evidence_file("thanh_tich_phong_trao", str(source))
    assert runner.wait()
    box = next(b for b in cards["thanh_tich_phong_trao"].evidence_boxes.values() if "Báo cáo kết quả VNeID.pdf" in b.text())
    assert box.isChecked()
    assert "ĐỦ ĐIỀU KIỆN" in banner(screen)
    assert stored(screen).verdict == "eligible"
    assert cards["thanh_tich_phong_trao"].status.text() == "✔ Đạt"
    # A note typed in Vietnamese is written when the field is left.
    type_text(cards["thanh_tich_phong_trao"].note, "Hướng dẫn ")
    commit_text(cards["thanh_tich_phong_trao"].note, "người dân cài VNeID")
    emit(cards["thanh_tich_phong_trao"].note.editingFinished)
    assert runner.wait()
    assert checklists.answers_of(stored(screen))["thanh_tich_phong_trao"].note == "Hướng dẫn người dân cài VNeID"
    # Not met makes it not eligible, with the reason.
    click(qtbot, cards["hoan_thanh_nhiem_vu"].buttons["not_met"], runner)
    assert "CHƯA ĐỦ ĐIỀU KIỆN" in banner(screen)
    assert "Không đạt: Hoàn thành tốt nhiệm vụ, nghĩa vụ công dân" in banner(screen)
    assert stored(screen).verdict == "not_eligible"


def test_new_checklist_suggests_the_routes_of_the_participant_kind(qtbot, runner, demo):
    screen = make_screen(qtbot, runner)
    find(screen, "truong pho thong", qtbot, "Trường Phổ thông dân tộc bán trú Tiểu học Thượng Quan")
    screen.form_combo.setCurrentIndex(screen.form_combo.findData("bang_khen_tinh"))
    routes = [screen.route_combo.itemData(i) for i in range(screen.route_combo.count())]
    assert routes == ["bang_khen_tinh.tap_the.chuyen_de", "bang_khen_tinh.tap_the.cong_trang"]
    click(qtbot, screen.start_button, runner)
    checklist = stored(screen)
    assert checklist.set_id == "bang_khen_tinh.tap_the.chuyen_de"
    assert checklist.participant.name == "Trường Phổ thông dân tộc bán trú Tiểu học Thượng Quan"
    assert "Chưa xác nhận: Đang trong thời gian bị xem xét xử lý kỷ luật" in banner(screen)
    click(qtbot, screen.panel.principles_check, runner)
    assert stored(screen).principles_confirmed
    assert "Chưa xác nhận" not in banner(screen)
    assert screen.checklist_list.count() == 1
    assert screen.checklist_list.item(0).text().startswith("CHƯA HOÀN THÀNH — Bằng khen")


def test_blocking_flag_and_computed_provenance_are_shown(qtbot, runner, demo):
    screen = make_screen(qtbot, runner)
    find(screen, "ban van son", qtbot)
    assert "CHƯA ĐỦ ĐIỀU KIỆN" in banner(screen)
    assert "Chưa được khen thưởng: Có đơn thư khiếu nại, tố cáo đang được xem xét, giải quyết" in banner(screen)
    labels = "".join(w.text() for w in screen.panel.findChildren(QLabel))
    assert "Có đơn thư khiếu nại, tố cáo đang được xem xét, giải quyết — <b style='color:#b71c1c'>CÓ GHI NHẬN" in labels
    find(screen, "hoang van thang", qtbot)
    card = screen.panel.cards["cstdcs_02_lan"]
    assert "Tính từ lịch sử khen thưởng: đạt 2 năm liên tục CSTĐCS (2024, 2025)" in card.value_label.text()
    assert "Căn cứ: CSTĐCS 2024 (QĐ " in card.value_label.text()
    assert card.status.text() == "✔ Đạt"
    assert "ĐỦ ĐIỀU KIỆN" in banner(screen)


def test_outdated_checklist_moves_to_the_new_version_old_one_read_only(qtbot, runner, demo, tmp_path, monkeypatch):
    folder = tmp_path / "criteria"
    shutil.copytree(resource_path("criteria"), folder)
    path = folder / "giay_khen.ca_nhan.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["version"] = 2
    data["criteria"].insert(2, {"code": "dung_dich_vu_cong", "kind": "judgement",
                                "text": "Sử dụng thành thạo dịch vụ công trực tuyến", "citation": "Quy định của tỉnh",
                                "evidence_required": False, "help": ""})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    changed = load_catalog(folder)
    monkeypatch.setattr(checklists, "catalog", lambda: changed)
    screen = make_screen(qtbot, runner)
    find(screen, "dang thi huyen", qtbot)
    old = stored(screen)
    assert old.verdict == "eligible"
    assert screen.panel.outdated_box.isVisible()
    # "Chuyển sang phiên bản tiêu chuẩn mới…" opens the dialog (modal): the test presses its button.
    shown = []

    def press_move(dialog):
        shown.append(dialog)
        dialog.show()
        text = dialog.details.toPlainText()
        assert "Câu trả lời được giữ lại (4)" in text
        assert "Cần đánh giá lại (1)" in text and "Sử dụng thành thạo dịch vụ công trực tuyến (tiêu chuẩn mới)" in text
        qtbot.mouseClick(dialog.move_button, Qt.LeftButton)
        assert runner.wait()
        return dialog.result()

    monkeypatch.setattr(MigrateChecklistDialog, "exec", press_move)
    click(qtbot, screen.panel.migrate_button, runner)
    [dialog] = shown
    assert dialog.new_checklist is not None and screen.panel.checklist.id == dialog.new_checklist.id
    assert "CHƯA HOÀN THÀNH" in banner(screen)
    assert "Chưa đánh giá: Sử dụng thành thạo dịch vụ công trực tuyến" in banner(screen)
    assert not screen.panel.outdated_box.isVisible()
    items = [screen.checklist_list.item(i).text() for i in range(screen.checklist_list.count())]
    assert any(t.startswith("[bản cũ, chỉ xem] ĐỦ ĐIỀU KIỆN") for t in items)
    # The old checklist opens read only, exactly as filled.
    old_row = next(i for i, t in enumerate(items) if t.startswith("[bản cũ"))
    screen.checklist_list.setCurrentRow(old_row)
    assert screen.panel.checklist.id == old.id
    assert screen.panel.old_banner.isVisible()
    assert "ĐỦ ĐIỀU KIỆN" in banner(screen)
    assert "dung_dich_vu_cong" not in screen.panel.cards
    card = screen.panel.cards["guong_mau"]
    assert card.buttons["met"].isChecked() and not card.buttons["not_met"].isEnabled()
    assert not screen.panel.principles_check.isEnabled()
    assert get_participant(screen.session, old.participant_id).name == "Đặng Thị Huyền"
    assert screen.panel.cards["guong_mau"].note.isReadOnly()
    assert screen.panel.verdict_banner.textFormat() == Qt.RichText
