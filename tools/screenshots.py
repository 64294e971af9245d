"""Screenshots of every screen and dialog of a demo workspace, for a person to look at.

Usage: python tools/screenshots.py OUT_DIR [--data-dir DIR]   (run under Xvfb, or with QT_QPA_PLATFORM=offscreen)
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--data-dir")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from desktop_app.core import communes
    from desktop_app.core.demo import create_demo_commune
    from desktop_app.core.models import Participant
    from desktop_app.core.workspace import open_workspace
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
        for _ in range(5):
            app.processEvents()
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
    from desktop_app.ui.participant_dialog import EditParticipantDialog
    from desktop_app.ui.achievement_dialog import EditAchievementDialog
    from desktop_app.ui.award_dialog import EditAwardDialog
    from desktop_app.ui.commune_settings_dialog import CommuneSettingsDialog
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
    dossier_screen = getattr(window, "dossier", None)
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
    ws.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
