"""The two ends of the year in the window, driven as the officer does: register a collective with its members, print
its registration list; type a decision that came back and each nominee's outcome; print the Giấy khen and the
lists; open the statistics, click a figure to see its records, look at a chart, write the report's own parts and
open the summary report."""
from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox

from desktop_app.core.nominations import outcomes
from desktop_app.core.register import registrations
from desktop_app.core.storage.models import Award, Participant
from desktop_app.ui import outcome_screen, registration_screen
from desktop_app.ui.main_window import MainWindow
from desktop_app.ui.outcome_dialogs import OutcomeDialog, ReturnedDecisionDialog
from desktop_app.ui.registration_dialog import RegistrationDialog
from desktop_app.ui.report_dialog import ReportTextsDialog

from .conftest import commit_text, type_text


def click(qtbot, widget, runner):
    qtbot.mouseClick(widget, Qt.LeftButton)
    assert runner.wait()


def open_screen(qtbot, runner, key):
    window = MainWindow(runner)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    row = next(r for r in range(window.nav.count()) if window.nav.item(r).data(Qt.UserRole) == key)
    rect = window.nav.visualItemRect(window.nav.item(row))
    qtbot.mouseClick(window.nav.viewport(), Qt.LeftButton, pos=rect.center())
    assert runner.wait()
    return window, window.screens[key]


def pick(answer):
    """QInputDialog.getItem answered with the item whose text contains `answer` (the officer's choice)."""
    def get_item(_parent, _title, _label, items, _current=0, _editable=False):
        return next(i for i in items if answer in i), True
    return get_item


def test_register_a_collective_with_members_and_print_its_list(qtbot, runner, demo, monkeypatch):
    window, screen = open_screen(qtbot, runner, "registrations")
    assert window.nav.currentItem().text() == "Đăng ký thi đua"
    screen.year.setValue(2023)
    assert screen.table.rowCount() == 0 and not screen.print_button.isEnabled()
    made = []

    def fill(dialog):
        made.append(dialog)
        dialog.show()
        type_text(dialog.search, "tram y te")
        dialog.apply_filter()
        item = next(dialog.people.item(r) for r in range(dialog.people.count())
                    if dialog.people.item(r).text().startswith("Trạm Y tế"))
        qtbot.mouseClick(dialog.people.viewport(), Qt.LeftButton, pos=dialog.people.visualItemRect(item).center())
        assert dialog.participant.name == "Trạm Y tế xã Thượng Quan"
        dialog.aim.setCurrentIndex(dialog.aim.findText("Tập thể lao động tiên tiến"))
        type_text(dialog.fields["registered_on"], "12/01/2023")
        for r in range(dialog.members.count()):     # tick every member, as the officer does, box by box
            rect = dialog.members.visualItemRect(dialog.members.item(r))
            qtbot.mouseClick(dialog.members.viewport(), Qt.LeftButton, pos=QPoint(rect.left() + 9, rect.center().y()))
        assert len(dialog.member_ids()) == 2
        click(qtbot, dialog.buttons.button(QDialogButtonBox.Save), runner)
        return dialog.result()

    monkeypatch.setattr(RegistrationDialog, "exec", fill)
    click(qtbot, screen.add_button, runner)
    assert made[0].saved_registration.aim_code == "TTLDTT"
    names = sorted(screen.table.item(r, 0).text() for r in range(screen.table.rowCount()))
    assert names == ["Lý Thị Hằng", "Ma Thị Lan", "Trạm Y tế xã Thượng Quan"]
    assert screen.summary.text() == "1 tập thể và 2 cá nhân đăng ký thi đua năm 2023."
    monkeypatch.setattr(registration_screen.QInputDialog, "getItem", pick("Trạm Y tế"))
    click(qtbot, screen.print_button, runner)
    assert screen.preview.isVisible() and "1 trang" in screen.preview.pages.text()
    assert "Trạm Y tế xã Thượng Quan" in screen.preview.windowTitle()


def test_a_typo_in_the_registration_shows_under_the_field_and_saves_nothing(qtbot, runner, demo):
    dialog = RegistrationDialog(runner, None, 2026)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_participant(Participant.get(Participant.name == "Nông Thị Hoa").id)
    click(qtbot, dialog.buttons.button(QDialogButtonBox.Save), runner)
    assert dialog.isVisible() and dialog.errors.text("year").startswith("Năm đăng ký phải nằm trong")
    assert registrations.registrations_of(runner.session, dialog.participant.id)[0].year == 2025  # only the demo's


def test_a_decision_received_and_an_outcome_typed_by_hand(qtbot, runner, demo, monkeypatch):
    window, screen = open_screen(qtbot, runner, "outcomes")
    rows = {screen.table.item(r, 0).text(): r for r in range(screen.table.rowCount())}
    assert screen.table.item(rows["Nông Thị Hoa"], 2).text() == "Được khen thưởng"
    assert screen.table.item(rows["Thôn Nà Khoang"], 2).text() == "Không được khen thưởng"
    assert screen.table.item(rows["Ma Thị Lan"], 2).text() == "Chưa có kết quả"

    def type_decision(dialog):
        dialog.show()
        type_text(dialog.fields["number"], "2500/QĐ-UBND")
        type_text(dialog.fields["decided_on"], "02/06/2026")
        type_text(dialog.fields["signer"], "Trịnh Văn B")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.Save), runner)
        return dialog.result()

    monkeypatch.setattr(ReturnedDecisionDialog, "exec", type_decision)
    click(qtbot, screen.decision_button, runner)
    assert "2500/QĐ-UBND ngày 02/06/2026" in screen.decisions.text()

    def type_outcome(dialog):
        dialog.show()
        dialog.fields["decision_id"].setCurrentIndex(dialog.fields["decision_id"].findText("Số 2500", Qt.MatchStartsWith))
        commit_text(dialog.fields["certificate_text"], "Đã có thành tích xuất sắc trong xây dựng Trạm Y tế số")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.Save), runner)
        return dialog.result()

    monkeypatch.setattr(OutcomeDialog, "exec", type_outcome)
    rect = screen.table.visualItemRect(screen.table.item(rows["Ma Thị Lan"], 0))
    qtbot.mouseClick(screen.table.viewport(), Qt.LeftButton, pos=rect.center())
    click(qtbot, screen.outcome_button, runner)
    rows = {screen.table.item(r, 0).text(): r for r in range(screen.table.rowCount())}
    assert screen.table.item(rows["Ma Thị Lan"], 2).text() == "Được khen thưởng"
    assert screen.table.item(rows["Ma Thị Lan"], 4).text() == "Đã có thành tích xuất sắc trong xây dựng Trạm Y tế số"
    lan = Participant.get(Participant.name == "Ma Thị Lan")
    award = Award.get((Award.participant == lan) & (Award.code == "bang_khen_tinh"))
    assert award.decision.number == "2500/QĐ-UBND" and award.archived_at is None

    # Not awarded without a reason: the message stays in the dialog.
    def refuse_without_reason(dialog):
        dialog.show()
        # on the round button itself (a radio button answers clicks on its circle and its words only)
        qtbot.mouseClick(dialog.not_awarded, Qt.LeftButton, pos=QPoint(8, dialog.not_awarded.height() // 2))
        assert dialog.not_awarded.isChecked() and not dialog.fields["certificate_text"].isEnabled()
        click(qtbot, dialog.buttons.button(QDialogButtonBox.Save), runner)
        assert dialog.isVisible() and dialog.errors.text("reason").startswith("Ghi rõ lý do")
        dialog.autosave.discard()
        dialog.done(0)
        return 0

    monkeypatch.setattr(OutcomeDialog, "exec", refuse_without_reason)
    click(qtbot, screen.outcome_button, runner)
    lan_row = next(r for r in outcomes.outcomes_of(runner.session, screen.round.id) if r.name == "Ma Thị Lan")
    assert lan_row.outcome == "awarded"      # nothing changed


def test_certificates_and_lists_from_the_window(qtbot, runner, demo, monkeypatch):
    window, screen = open_screen(qtbot, runner, "outcomes")
    monkeypatch.setattr(outcome_screen.QInputDialog, "getItem", pick("Phôi"))
    click(qtbot, screen.print_button, runner)
    preview = screen.preview
    assert preview.isVisible() and "3 trang" in preview.pages.text() and preview.landscape
    qtbot.mouseClick(preview.true_size, Qt.LeftButton)
    assert preview.view.zoomFactor() == 1.0
    preview.close()
    click(qtbot, screen.payout_button, runner)
    assert screen.preview.windowTitle() == "Danh sách chi tiền thưởng" and not screen.preview.landscape
    screen.preview.close()
    click(qtbot, screen.ceremony_button, runner)
    assert "1 trang" in screen.preview.pages.text()


def test_statistics_click_through_chart_and_report(qtbot, runner, demo, monkeypatch):
    window, screen = open_screen(qtbot, runner, "statistics")
    sections = [screen.tree.topLevelItem(i).text(0) for i in range(screen.tree.topLevelItemCount())]
    assert sections[:3] == ["Đối tượng tham gia", "Thành tích theo nội dung của Kế hoạch",
                            "Thành tích theo lĩnh vực ưu tiên"]
    women = screen.tree.topLevelItem(sections.index("Nữ")).child(0)
    assert women.text(1) == "10/20"
    screen.tree.scrollToItem(women)
    rect = screen.tree.visualItemRect(women)
    qtbot.mouseClick(screen.tree.viewport(), Qt.LeftButton, pos=rect.center())
    assert runner.wait()
    assert screen.records.rowCount() == 10 and "10 hồ sơ" in screen.records_title.text()
    assert all(Participant.get(Participant.name == screen.records.item(r, 0).text()).gender == "nu"
               for r in range(10))
    qtbot.mouseClick(screen.tabs.tabBar(), Qt.LeftButton, pos=screen.tabs.tabBar().tabRect(1).center())
    assert screen.chart.renderer.isValid() and screen.chart.isVisible()

    def write(dialog):
        dialog.show()
        commit_text(dialog.fields["situation"], "Xã vùng cao, 4 thôn.")
        click(qtbot, dialog.buttons.button(QDialogButtonBox.Save), runner)
        return dialog.result()

    monkeypatch.setattr(ReportTextsDialog, "exec", write)
    click(qtbot, screen.texts_button, runner)
    click(qtbot, screen.report_button, runner)
    assert screen.preview.isVisible() and "Báo cáo tổng kết" in screen.preview.windowTitle()


def test_typing_in_the_new_forms_survives_a_crash(qtbot, runner, demo):
    """What was typed in a registration, a decision, an outcome or the report's text is offered back at start."""
    from desktop_app.core.storage import drafts
    from desktop_app.ui.draft_recovery import dialog_for_draft

    session = runner.session
    window, screen = open_screen(qtbot, runner, "outcomes")
    lan = next(r for r in screen.rows if r.name == "Ma Thị Lan")
    typed = []
    for dialog, widget, text in (
            (RegistrationDialog(runner, None, 2026), "note", "Đăng ký bổ sung"),
            (ReturnedDecisionDialog(runner, screen.round, "bang_khen_tinh"), "number", "2600/QĐ-UBND"),
            (OutcomeDialog(runner, screen.round, lan), "certificate_text", "Thành tích tiêu biểu"),
            (ReportTextsDialog(runner, screen.round.campaign_id), "proposals", "Đề nghị hỗ trợ máy tính")):
        qtbot.addWidget(dialog)
        dialog.show()
        commit_text(dialog.fields[widget], text)
        dialog.autosave.save_now()
        assert runner.wait()
        typed.append((dialog.autosave.form_key, widget, text))
        dialog.autosave.stop()      # the app dies here: nothing else is written
    pending = {d.form_key: d for d in drafts.pending_drafts(session)}
    for key, widget, text in typed:
        again = dialog_for_draft(runner, pending[key], None)
        qtbot.addWidget(again)
        value = again.fields[widget]
        assert (value.toPlainText() if hasattr(value, "toPlainText") else value.text()) == text
        again.autosave.stop()


def test_a_dossier_returned_reopens_the_round_with_the_reasons_shown(qtbot, runner, demo, monkeypatch):
    from desktop_app.core.nominations import rounds
    from desktop_app.ui.outcome_dialogs import ReturnedDossierDialog

    window, screen = open_screen(qtbot, runner, "outcomes")
    assert not screen.returned_button.isEnabled()          # a draft round has not been sent: nothing to return
    rounds.lock_round(runner.session, screen.round.id, "sent")
    assert runner.wait()
    screen.reload()
    assert screen.returned_button.isEnabled()

    def write(dialog):
        dialog.show()
        commit_text(dialog.reason, "Thiếu minh chứng số liệu năm 2025")
        row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).text() == "Nguyễn Văn Đức")
        dialog.table.setCurrentCell(row, 1)
        dialog.table.editItem(dialog.table.item(row, 1))
        editor = dialog.table.viewport().focusWidget() or dialog.table.focusWidget()
        commit_text(editor, "Bổ sung xác nhận của Trạm Y tế")
        dialog.table.setCurrentCell(0, 0)                 # leaving the cell commits what was typed
        click(qtbot, dialog.save_button, runner)
        return dialog.result()

    monkeypatch.setattr(ReturnedDossierDialog, "exec", write)
    click(qtbot, screen.returned_button, runner)
    assert "(version 2)" not in screen.round_box.currentText() and "lần 2" in screen.round_box.currentText()
    rows = {screen.table.item(r, 0).text(): r for r in range(screen.table.rowCount())}
    assert screen.table.item(rows["Nguyễn Văn Đức"], 4).text() == "Trả lại — cần bổ sung: Bổ sung xác nhận của Trạm Y tế"


def test_the_statistics_say_they_are_counting_until_the_figures_come(qtbot, runner, demo):
    window, screen = open_screen(qtbot, runner, "statistics")
    assert screen.busy.isHidden()
    screen.year_from.setValue(2023)         # a new range: counted again on the worker thread
    assert screen.busy.isVisible() and screen.busy.text() == "Đang tính số liệu…"
    assert runner.wait()
    assert screen.busy.isHidden() and screen.tree.topLevelItem(0).child(0).text(1) == "20"


def test_the_yearly_statistics_form_is_saved_from_the_screen(qtbot, runner, demo, tmp_path, monkeypatch):
    from desktop_app.ui import statistics_screen

    window, screen = open_screen(qtbot, runner, "statistics")
    out = tmp_path / "usb"
    monkeypatch.setattr(statistics_screen.QFileDialog, "getExistingDirectory", lambda *a, **k: str(out))
    monkeypatch.setattr(statistics_screen.QMessageBox, "information", lambda *a, **k: None)
    click(qtbot, screen.form_button, runner)
    assert sorted(p.name for p in out.iterdir()) == ["Bieu_so_lieu_khen_thuong_2025.pdf",
                                                         "Bieu_so_lieu_khen_thuong_2025.xlsx"]


def answer_box_titled(title: str, button_text: str | None = None, timeout_ms: int = 30000) -> dict:
    """Click `button_text` (None: the box's OK button, whatever its translation) on the message box titled `title`
    when it opens (another box may open before it)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    seen: dict = {}
    left = [timeout_ms // 20]

    def poll():
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
                    and w.windowTitle() == title), None)
        if box is None:
            left[0] -= 1
            if left[0] > 0:
                QTimer.singleShot(20, poll)
            return
        seen.update(text=box.text(), default=box.defaultButton().text() if box.defaultButton() else "")
        target = box.button(QMessageBox.Ok) if button_text is None else next(
            b for b in box.buttons() if b.text().replace("&", "") == button_text)
        QTest.mouseClick(target, Qt.LeftButton)

    QTimer.singleShot(0, poll)
    return seen


def test_the_provinces_return_packet_received_from_the_window(qtbot, runner, demo, monkeypatch, tmp_path):
    """The Sở's signed decision on a USB stick: the officer clicks, compares the key's fingerprint with the letter,
    trusts it; the outcomes appear in the round; the same packet again changes nothing; a tampered one is refused."""
    import zipfile

    from desktop_app.core.fingerprints import format_fingerprint
    from desktop_app.core.storage.memory_keyring import InMemoryKeyring
    from desktop_app.core.storage.secrets import SecretStore
    from tests.core.test_return_intake import DECISION, province_answers

    made = province_answers(runner.session, tmp_path, SecretStore(InMemoryKeyring()))
    packet = made["decision"].path
    window, screen = open_screen(qtbot, runner, "outcomes")
    assert screen.packet_button.text() == "Nhận gói trả kết quả của Sở…" and screen.packet_button.isEnabled()
    chosen = [str(packet)]
    monkeypatch.setattr(outcome_screen.QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (chosen[0], "")))
    # First: "Not now" (the default: Enter never trusts) — nothing is imported.
    asked = answer_box_titled("Khóa ký của Sở Nội vụ", "Để sau")
    click(qtbot, screen.packet_button, runner)
    assert format_fingerprint(made["decision"].signer_fingerprint) in asked["text"]
    assert asked["default"] == "Để sau"
    assert not any(r.decision_number == DECISION for r in screen.rows)
    # Then compared and trusted.
    answer_box_titled("Khóa ký của Sở Nội vụ", "Giống bản giấy — tin cậy và nhập")
    told = answer_box_titled("Đã nhận gói trả kết quả")
    click(qtbot, screen.packet_button, runner)
    assert runner.wait()
    assert f"Đã nhận quyết định số {DECISION} ngày 20/05/2026" in told["text"], told
    rows = {screen.table.item(r, 0).text(): r for r in range(screen.table.rowCount())}
    refused = rows[made["refused"]]
    assert screen.table.item(refused, 2).text() == "Không được khen thưởng"
    assert screen.table.item(refused, 4).text() == "Chưa đủ hai năm liền hoàn thành xuất sắc nhiệm vụ"
    assert screen.table.item(rows[made["first"]], 3).text() == f"{DECISION} (20/05/2026)"
    assert DECISION in screen.decisions.text()
    # The same packet again: said, nothing changed.
    told = answer_box_titled("Đã nhận gói trả kết quả")
    click(qtbot, screen.packet_button, runner)
    assert runner.wait()
    assert "đã được nhận trước đây" in told["text"]
    # A changed copy: refused with the reason, in Vietnamese.
    bad = tmp_path / "sua.zip"
    with zipfile.ZipFile(packet) as src, zipfile.ZipFile(bad, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            out.writestr(info, data.replace(b"20", b"21") if info.filename.endswith("data.json") else data)
    chosen[0] = str(bad)
    warned = answer_box_titled("Kết quả khen thưởng")
    click(qtbot, screen.packet_button, runner)
    assert runner.wait()
    assert "Gói trả kết quả bị từ chối: tệp bị sửa đổi: data.json" in warned["text"], warned


def test_outcome_rows_are_as_tall_as_their_text_when_the_screen_opens(qtbot, runner, demo):
    """The rows are measured at the columns' real widths: a long reason measured before the table was laid out
    made one row the height of the screen."""
    window, screen = open_screen(qtbot, runner, "outcomes")
    table = screen.table
    line = table.fontMetrics().lineSpacing()
    long_text = max(range(table.rowCount()), key=lambda r: len(table.item(r, 4).text()))
    assert len(table.item(long_text, 4).text()) > 80
    qtbot.waitUntil(lambda: all(table.rowHeight(r) <= 5 * line + 12 for r in range(table.rowCount())))
    assert table.rowHeight(long_text) >= 2 * line          # wrapped, not cut to one line


def _name_x(pdf: bytes, name: str) -> float:
    """Where a nominee's name starts on the first certificate (points from the page's left edge)."""
    import io

    from pypdf import PdfReader

    xs = []
    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(
        visitor_text=lambda text, cm, tm, _f, _s: xs.append(tm[4] * cm[0] + cm[4]) if name in text else None)
    assert xs, name
    return xs[0]


def test_certificates_are_laid_out_again_for_the_printer_chosen_in_the_print_dialog(qtbot, runner, demo, tmp_path,
                                                                                     monkeypatch):
    """The preview is laid out for the default printer with its saved offset; the officer picks another in Qt's
    print dialog (here: print to a PDF file, "any printer") — the certificates are laid out again with that one's
    offset before anything is printed, and the preview and its title say so."""
    from PySide6.QtCore import QTimer
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit

    from desktop_app.core.documents import certificates

    office = "Máy in phòng Văn hóa"
    certificates.save_printer_offset(runner.session, office, 5.0, 0.0)
    monkeypatch.setattr(outcome_screen.QPrinterInfo, "defaultPrinterName", staticmethod(lambda: office))
    window, screen = open_screen(qtbot, runner, "outcomes")
    monkeypatch.setattr(outcome_screen.QInputDialog, "getItem", pick("Phôi"))
    click(qtbot, screen.print_button, runner)
    preview = screen.preview
    assert office in preview.windowTitle() and "lệch phải 5 mm" in preview.windowTitle()
    name = certificates.certificate_texts(runner.session, screen.round.id, None)[0].values["name"]
    before = _name_x(preview.pdf_bytes, name)
    outputs = [tmp_path / "giay_khen_in.pdf", tmp_path / "giay_khen_in_lan_2.pdf"]

    def choose_file_output():
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(20, choose_file_output)
            return
        # No printer on this machine: Qt's dialog offers "Print to File (PDF)"; the officer types the file's name
        # and clicks Print.
        name_box = dialog.findChild(QLineEdit, "filename")
        name_box.selectAll()
        QTest.keyClicks(name_box, str(outputs[0]))
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.Ok)
        QTest.mouseClick(ok, Qt.LeftButton)

    QTimer.singleShot(0, choose_file_output)
    qtbot.mouseClick(preview.print_button, Qt.LeftButton)
    assert runner.wait()
    qtbot.waitUntil(lambda: outputs[0].exists() and outputs[0].stat().st_size > 0)
    assert "PDF" in preview.windowTitle() and "lệch phải 0 mm" in preview.windowTitle()
    assert preview.made_for == "" and preview.print_button.isEnabled()
    after = _name_x(preview.pdf_bytes, name)
    assert abs((before - after) - 5 * 72 / 25.4) < 0.5, (before, after)
    # Printed again to a file: laid out for it already, printed at once as it is shown.
    outputs.pop(0)
    shown = preview.pdf_bytes
    QTimer.singleShot(0, choose_file_output)
    qtbot.mouseClick(preview.print_button, Qt.LeftButton)
    assert outputs[0].exists() and outputs[0].stat().st_size > 0
    assert preview.pdf_bytes is shown and not runner.busy
