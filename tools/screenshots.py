"""Screenshots of every screen and dialog of a demo workspace, for a person to look at.

Usage: python tools/screenshots.py OUT_DIR [--data-dir DIR]   (run under Xvfb, or with QT_QPA_PLATFORM=offscreen)
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--data-dir")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from desktop_app.core.demo import create_demo_commune
    from desktop_app.core.register import communes
    from desktop_app.core.storage.models import Participant
    from desktop_app.core.storage.session import open_workspace
    from desktop_app.ui.application import create_application

    app = create_application(sys.argv[:1])
    ws = open_workspace(args.data_dir or tempfile.mkdtemp(), log_to_file=False)
    if communes.home_commune() is None:
        create_demo_commune()
    from desktop_app.app import build_main_window

    window = build_main_window(ws)
    window.resize(1280, 800)
    window.show()
    app.processEvents()

    def shot(widget, name):
        widget.show()
        # QPdfView renders pages on a thread: give the previews a moment before grabbing.
        settle = time.monotonic() + (1.5 if name.startswith("2") else 0.05)
        while time.monotonic() < settle:
            app.processEvents()
            time.sleep(0.01)
        widget.grab().save(str(out / f"{name}.png"))
        print(out / f"{name}.png")

    screen = window.participants
    screen.select_participant(Participant.get(Participant.name == "Nguyễn Văn Đức").id)
    shot(window, "01_register")
    screen.search.setText("che shan")
    screen.apply_filter()
    shot(window, "02_search")
    screen.search.setText("")
    screen.apply_filter()
    screen.detail.tabs.setCurrentIndex(1)
    screen.select_participant(Participant.get(Participant.name == "Nông Thị Hoa").id)
    shot(window, "03_award_history")
    from desktop_app.ui.achievement_dialog import EditAchievementDialog
    from desktop_app.ui.award_dialog import EditAwardDialog
    from desktop_app.ui.commune_settings_dialog import CommuneSettingsDialog
    from desktop_app.ui.participant_dialog import EditParticipantDialog
    person = Participant.get(Participant.name == "Nông Thị Hoa")
    dialog = EditParticipantDialog(communes.home_commune(), "individual", person)
    dialog.show()
    dialog.fields["cccd"].setText("123")
    dialog.fields["birth_date"].setText("31/02/1990")
    dialog.save()
    shot(dialog, "04_participant_errors")
    dialog.autosave.discard()
    group = Participant.get(Participant.name == "Thôn Nà Khoang")
    shot(EditParticipantDialog(communes.home_commune(), "collective", group), "05_collective")
    shot(EditAchievementDialog(ws.paths.evidence_dir, person, person.achievements[0]), "06_achievement")
    shot(EditAwardDialog(person, person.awards[0]), "07_award")
    shot(CommuneSettingsDialog(communes.home_commune()), "08_commune_settings")
    checklist_screen = window.screen("checklists") if "checklists" in window.screens else None
    if checklist_screen is not None:
        from desktop_app.core.storage.models import Checklist

        def checklist_of(name, set_id):
            return Checklist.get((Checklist.participant == Participant.get(Participant.name == name).id)
                                 & (Checklist.set_id == set_id)).id

        window.show_screen("checklists")
        checklist_screen.open_checklist(checklist_of("Hoàng Văn Thắng", "bang_khen_tinh.ca_nhan.cong_trang"))
        shot(window, "30_checklist_eligible_computed")
        checklist_screen.open_checklist(checklist_of("Nguyễn Văn Đức", "bang_khen_tinh.ca_nhan.cong_trang"))
        shot(window, "31_checklist_not_eligible")
        checklist_screen.open_checklist(checklist_of("Mã Văn Long", "giay_khen.ca_nhan"))
        checklist_screen.panel.scroll.verticalScrollBar().setValue(600)
        shot(window, "32_checklist_missing_evidence")
    round_screen = window.screen("rounds") if "rounds" in window.screens else None
    if round_screen is not None:
        window.show_screen("rounds")
        round_screen.reload()
        for index, name in enumerate(("33_round_nominees", "34_round_meeting", "35_round_votes", "36_round_ranking",
                                      "37_round_decision")):
            round_screen.tabs.setCurrentIndex(index)
            shot(window, name)
        round_screen.tabs.setCurrentIndex(0)
        from desktop_app.ui.round_nominee_dialog import AddNomineeDialog

        dialog = AddNomineeDialog(round_screen.round)
        dialog.select_participant(Participant.get(Participant.name == "Vi Thị Nga").id)
        dialog.form_combo.setCurrentIndex(dialog.form_combo.findData("giay_khen"))
        dialog.save()
        shot(dialog, "38_nominee_reason_required")
    dossier_screen = window.screen("dossier") if "dossier" in window.screens else None
    if dossier_screen is not None:
        window.show_screen("dossier")
        dossier_screen.reload_rounds()
        shot(window, "20_dossier_not_numbered")
        dossier_screen.generate(issue=False)
        dossier_screen.runner.wait(120000)
        shot(window, "21_dossier_preview")
        if not args.data_dir:  # issuing uses numbers up for good: only in the throw-away demo workspace
            dossier_screen.confirm_issue = lambda _round: True
            dossier_screen.generate(issue=True)
            dossier_screen.runner.wait(120000)
            dossier_screen.document_list.setCurrentRow(5)
            shot(window, "22_dossier_issued")
    extra = getattr(window, "screenshot_extras", None)
    if extra:
        extra(shot)
    packets_screenshots(app, ws, window, shot)
    ws.close()
    return 0


def packets_screenshots(app, ws, window, shot) -> None:
    """Gửi hồ sơ (export), the signing key, then a receiving workspace: first contact, verdicts, imported round."""
    import zipfile

    from PySide6.QtCore import Qt

    from desktop_app.core.exchange import receiving
    from desktop_app.core.exchange.packets import RemovableDrive
    from desktop_app.core.register import communes
    from desktop_app.core.storage.secrets import InMemoryKeyring, SecretStore
    from desktop_app.core.storage.session import open_workspace
    from desktop_app.ui.export_dialog import ExportDialog
    from desktop_app.ui.key_settings_dialog import KeySettingsDialog
    from desktop_app.ui.receiving_screen import FingerprintDialog, ReceivingScreen

    store = SecretStore(InMemoryKeyring())  # screenshots never touch the real keyring
    stick = Path(tempfile.mkdtemp()) / "USB_XA"
    stick.mkdir()
    drives = [RemovableDrive(str(stick), "USB_XA", 7_500_000_000)]
    dialog = ExportDialog(communes.home_commune(), ws.paths.evidence_dir, store, drives=lambda: drives, parent=window)
    shot(dialog, "40_export_dialog")
    dialog.export_button.click()
    dialog.runner.wait(120000)
    shot(dialog, "41_export_done")
    shot(KeySettingsDialog(communes.home_commune(), store, parent=window), "42_key_settings")
    [packet] = stick.glob("*.zip")
    bad = stick / "goi_bi_sua.zip"
    with zipfile.ZipFile(packet) as src, zipfile.ZipFile(bad, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            dst.writestr(info, data + b" " if info.filename.endswith("data.json") else data)
    ws.close()
    receiver = open_workspace(tempfile.mkdtemp(), log_to_file=False)
    try:
        receiving.make_receiver_workspace()
        first = receiving.receive_packet(receiver.paths, packet)
        shot(FingerprintDialog(first.record, window), "43_first_contact_fingerprint")
        screen = ReceivingScreen(receiver.paths, drives=lambda: drives, confirm=lambda record: 1)
        screen.setParent(window, screen.windowFlags() | Qt.Window)
        screen.resize(1200, 760)
        screen.confirm_pending()
        screen.receive_files([bad, packet], wait=True)
        screen.tree.setCurrentItem(screen.tree.topLevelItem(0))
        shot(screen, "44_receiving_screen")
    finally:
        receiver.close()


if __name__ == "__main__":
    raise SystemExit(main())
