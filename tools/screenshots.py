"""Screenshots of every screen and dialog of a demo workspace, for a person to look at, at the size of the
officers' screens (1366×768).

Usage: python tools/screenshots.py OUT_DIR [--data-dir DIR] [--guide DIR]
(run under Xvfb, or with QT_QPA_PLATFORM=offscreen). --guide docs/images refreshes the user guide's pictures: a few
of the shots, scaled to the width of the Help window.

The workspace is opened with its keys in memory: screenshots never touch the computer's real keyring.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    # Without a display: a screen of the officers' size, the taskbar taken off (as tests/conftest.py does).
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={ROOT / 'tests' / 'data' / 'screen-1366x728.json'}"

SCREEN = (1366, 768)   # the commune officers' laptops
GUIDE_WIDTH = 840       # the Help window shows the guide about 880 px wide
GUIDE = {"00_first_run": "lan-dau.png", "01_register": "so-theo-doi.png", "06_achievement": "thanh-tich.png",
         "09_date_picker": "chon-ngay.png", "30_checklist_eligible_computed": "phieu-tieu-chuan.png",
         "35_round_votes": "bieu-quyet.png", "23_dossier_issued": "ho-so.png", "40_export_dialog": "gui-ho-so.png",
         "11_backup_dialog": "sao-luu.png", "43_first_contact_fingerprint": "dau-van-tay.png",
         "44_receiving_screen": "tiep-nhan.png"}


def open_session(data_dir):
    from desktop_app.core.storage.memory_keyring import InMemoryKeyring
    from desktop_app.core.storage.secrets import SecretStore
    from desktop_app.core.workspace import open_workspace

    return open_workspace(data_dir, secrets=SecretStore(InMemoryKeyring()))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--data-dir")
    parser.add_argument("--guide", help="also write the user guide's pictures into this folder")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from desktop_app.core.demo import create_demo_commune
    from desktop_app.core.register import achievements, awards
    from desktop_app.core.storage.models import Participant
    from desktop_app.ui.application import create_application
    from desktop_app.ui.main_window import MainWindow
    from desktop_app.ui.operations import OperationRunner

    app = create_application(sys.argv[:1])
    session = open_session(args.data_dir or tempfile.mkdtemp())
    if session.home_commune() is None:
        create_demo_commune(session)
    runner = OperationRunner(session)
    window = MainWindow(runner)
    window.resize(*SCREEN)
    window.show()
    app.processEvents()
    runner.wait()

    def shot(widget, name):
        widget.show()
        runner.wait()
        # QPdfView renders pages on a thread: give the previews a moment before grabbing.
        settle = time.monotonic() + (1.5 if name.startswith("2") else 0.05)
        while time.monotonic() < settle:
            app.processEvents()
            time.sleep(0.01)
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    def person(name):
        return Participant.get(Participant.name == name)

    screen = window.participants
    screen.select_participant(person("Nguyễn Văn Đức").id)
    shot(window, "01_register")
    screen.search.setText("che shan")
    screen.apply_filter()
    shot(window, "02_search")
    screen.search.setText("")
    screen.apply_filter()
    screen.detail.tabs.setCurrentIndex(1)
    screen.select_participant(person("Nông Thị Hoa").id)
    shot(window, "03_award_history")
    from desktop_app.ui.achievement_dialog import EditAchievementDialog
    from desktop_app.ui.award_dialog import EditAwardDialog
    from desktop_app.ui.commune_settings_dialog import CommuneSettingsDialog
    from desktop_app.ui.participant_dialog import EditParticipantDialog
    hoa = person("Nông Thị Hoa")
    dialog = EditParticipantDialog(runner, "individual", hoa)
    dialog.show()
    dialog.fields["cccd"].setText("123")
    dialog.fields["birth_date"].setText("31/02/1990")
    dialog.save()   # invalid: the messages show next to the fields, nothing is saved
    shot(dialog, "04_participant_errors")
    dialog.autosave.discard()
    shot(EditParticipantDialog(runner, "collective", person("Thôn Nà Khoang")), "05_collective")
    shot(EditAchievementDialog(runner, hoa, achievements.list_achievements(session, hoa.id)[0]), "06_achievement")
    shot(EditAwardDialog(runner, hoa, awards.list_awards(session, hoa.id)[0]), "07_award")
    shot(CommuneSettingsDialog(runner), "08_commune_settings")
    birth = EditParticipantDialog(runner, "individual", hoa)
    birth.show()
    birth.fields["birth_date"].actions()[0].trigger()          # the calendar icon at the end of the field
    popup = birth.fields["birth_date"].calendar_popup
    app.processEvents()
    from PySide6.QtGui import QPainter, QPixmap

    canvas = QPixmap(birth.size())
    canvas.fill()
    painter = QPainter(canvas)
    painter.drawPixmap(0, 0, birth.grab())
    painter.drawPixmap(popup.mapTo(birth, popup.rect().topLeft()) if popup.parent() is birth else
                       birth.mapFromGlobal(popup.pos()), popup.grab())
    painter.end()
    canvas.save(str(out / "09_date_picker.png"))
    print(out / "09_date_picker.png")
    popup.close()
    birth.autosave.discard()
    birth.close()
    from desktop_app.core.documents import lists
    from desktop_app.ui.print_preview_dialog import PrintPreviewDialog

    pdf = lists.print_register_list(session, screen.model.filter, screen.filter_description())
    shot(PrintPreviewDialog("In danh sách", pdf, "Danh_sach_doi_tuong.pdf", window), "10_print_preview")
    from desktop_app.ui.backup_dialog import BackupDialog, RestoreDialog
    from desktop_app.core.exchange.packets import RemovableDrive as _Drive

    shot(BackupDialog(runner, window, drives=[_Drive("/media/usb", "KINGSTON", 7_516_192_768)]), "11_backup_dialog")
    shot(RestoreDialog(runner, window), "12_restore_dialog")
    from desktop_app.ui.crash_dialog import CrashDialog

    shot(CrashDialog("Traceback (most recent call last):\n  File \"round_screen.py\", line 412, in save_votes\n"
                     "ZeroDivisionError: division by zero\n", session.paths.log_file, window), "13_crash_dialog")
    from desktop_app.ui.help_window import HelpWindow

    shot(HelpWindow(window), "14_help_window")
    checklist_screen = window.screen_named("checklists") if "checklists" in window.screens else None
    if checklist_screen is not None:
        from desktop_app.core.storage.models import Checklist

        def checklist_of(name, set_id):
            return Checklist.get((Checklist.participant == person(name).id) & (Checklist.set_id == set_id)).id

        window.show_screen("checklists")
        checklist_screen.open_checklist(checklist_of("Hoàng Văn Thắng", "bang_khen_tinh.ca_nhan.cong_trang"))
        shot(window, "30_checklist_eligible_computed")
        checklist_screen.open_checklist(checklist_of("Nguyễn Văn Đức", "bang_khen_tinh.ca_nhan.cong_trang"))
        shot(window, "31_checklist_not_eligible")
        checklist_screen.open_checklist(checklist_of("Mã Văn Long", "giay_khen.ca_nhan"))
        checklist_screen.panel.scroll.verticalScrollBar().setValue(600)
        shot(window, "32_checklist_missing_evidence")
    round_screen = window.screen_named("rounds") if "rounds" in window.screens else None
    if round_screen is not None:
        window.show_screen("rounds")
        round_screen.reload()
        for index, name in enumerate(("33_round_nominees", "34_round_meeting", "35_round_votes", "36_round_ranking",
                                      "37_round_decision")):
            round_screen.tabs.setCurrentIndex(index)
            shot(window, name)
        round_screen.tabs.setCurrentIndex(0)
        from desktop_app.ui.round_nominee_dialog import AddNomineeDialog

        dialog = AddNomineeDialog(runner, round_screen.round)
        dialog.select_participant(person("Vi Thị Nga").id)
        dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("giay_khen"))
        dialog.save()   # refused on the runner: a written reason is required
        runner.wait()
        shot(dialog, "38_nominee_reason_required")
    dossier_screen = window.screen_named("dossier") if "dossier" in window.screens else None
    if dossier_screen is not None:
        window.show_screen("dossier")
        dossier_screen.reload_rounds()
        shot(window, "20_dossier_not_numbered")
        dossier_screen.generate(issue=False)
        runner.wait(120000)
        shot(window, "21_dossier_preview")
        if not args.data_dir:  # issuing uses numbers up for good: only in the throw-away demo workspace
            from desktop_app.ui.dossier_screen import IssueDialog

            state = dossier_screen.selected_state()      # the Biên bản, the first to issue
            dialog = IssueDialog(dossier_screen, dossier_screen._doc_name(state.code), state,
                                 today=session.clock.today())
            dialog.number_edit.setText("3")
            shot(dialog, "22_dossier_issue_step")
            number, signed = dialog.values()
            dialog.close()
            dossier_screen._issue(dossier_screen.current_round_id(), state.code, number, signed, "")
            runner.wait(120000)
            runner.wait(120000)
            dossier_screen.document_list.setCurrentRow(len(dossier_screen.files) // 2 - 4)
            shot(window, "23_dossier_issued")
    extra = getattr(window, "screenshot_extras", None)
    if extra:
        extra(shot)
    packets_screenshots(app, session, runner, window, shot, out)
    if args.guide:
        guide_pictures(out, Path(args.guide))
    return 0


def guide_pictures(shots: Path, guide: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    guide.mkdir(parents=True, exist_ok=True)
    for shot_name, picture in GUIDE.items():
        image = QImage(str(shots / f"{shot_name}.png"))
        if image.isNull():
            raise SystemExit(f"missing screenshot {shot_name}")
        if image.width() > GUIDE_WIDTH:
            image = image.scaledToWidth(GUIDE_WIDTH, Qt.SmoothTransformation)
        image.save(str(guide / picture), "PNG", 80)
        print(guide / picture)


def packets_screenshots(app, session, runner, window, shot, out: Path) -> None:
    """Gửi hồ sơ (export), the signing key, then a receiving workspace: first contact, verdicts, imported round."""
    import zipfile

    from PySide6.QtCore import Qt

    from desktop_app.core.exchange import receiving
    from desktop_app.core.exchange.packets import RemovableDrive
    from desktop_app.ui.export_dialog import ExportDialog
    from desktop_app.ui.key_settings_dialog import KeySettingsDialog
    from desktop_app.ui.operations import OperationRunner
    from desktop_app.ui.receiving_screen import FingerprintDialog, ReceivingScreen

    stick = Path(tempfile.mkdtemp()) / "USB_XA"
    stick.mkdir()
    drives = [RemovableDrive(str(stick), "USB_XA", 7_500_000_000)]
    dialog = ExportDialog(runner, drives=lambda: drives, parent=window)
    shot(dialog, "40_export_dialog")
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def send_drafts_anyway():
        """The demo's documents are not issued: shoot the warning, then choose "Vẫn gửi bản dự thảo"."""
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, send_drafts_anyway)
            return
        box.grab().save(str(out / "40b_export_drafts_warning.png"))
        next(b for b in box.buttons() if b.text() == "Vẫn gửi bản dự thảo").click()
    QTimer.singleShot(0, send_drafts_anyway)
    dialog.export_button.click()
    runner.wait(120000)
    shot(dialog, "41_export_done")
    shot(KeySettingsDialog(runner, parent=window), "42_key_settings")
    [packet] = stick.glob("*.zip")
    bad = stick / "goi_bi_sua.zip"
    with zipfile.ZipFile(packet) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data + b" " if info.filename.endswith("data.json") else data)
    runner.shutdown()
    session.close()
    receiver = open_session(tempfile.mkdtemp())
    receiver_runner = OperationRunner(receiver)
    try:
        from desktop_app.ui.commune_settings_dialog import CommuneSettingsDialog

        first_run = CommuneSettingsDialog(receiver_runner, first_run=True)
        shot(first_run, "00_first_run")
        first_run.autosave.discard()
        first_run.done(0)
        receiving.make_receiver_workspace(receiver)
        first = receiving.receive_packet(receiver, packet)
        shot(FingerprintDialog(first.record, window), "43_first_contact_fingerprint")
        screen = ReceivingScreen(receiver_runner, drives=lambda: drives, confirm=lambda record: 1)
        screen.setParent(window, screen.windowFlags() | Qt.Window)
        screen.resize(*SCREEN)
        screen.confirm_pending()
        receiver_runner.wait(120000)
        screen.receive_files([bad, packet], wait=True)
        screen.tree.setCurrentItem(screen.tree.topLevelItem(0))
        shot(screen, "44_receiving_screen")
    finally:
        receiver_runner.shutdown()
        receiver.close()


if __name__ == "__main__":
    raise SystemExit(main())
