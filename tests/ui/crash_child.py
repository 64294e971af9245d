"""Child process for the kill -9 and power-cut tests: the real window (desktop_app.app.WindowHost, the composition
root's own opening path), typing into forms and saving them with the mouse, record after record — participants,
and achievements with a new evidence file each — until it is killed (or, with a count, until it is done).

It prints, flushing each line:
  "draft <json>"                      at start: the draft a recovery would offer (then discards it);
  "typed <json>"                      after each key typed into the participant form;
  "committed participant <name>"      once the Save of a participant finished on the runner (committed);
  "committed achievement <json>"      once an achievement with its evidence is saved: title, participant, sha256.
With SOTHIDUA_MARKS=1 it also looks up `<data>/.powercut-mark-<n>` right after each "committed" line: the
recording filesystem of the power-cut test writes that moment into its log (the lookup finds nothing).
With SOTHIDUA_PHASE_LOG=1 it prints "phase <name>" at the moments the kill -9 test aims at (before a Save click,
while an evidence file is being copied, right after a commit).

Usage: crash_child.py DATA_DIR RUN [RECORDS]   (RECORDS: stop after that many saved records; default: never)
"""
from __future__ import annotations

import hashlib
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from desktop_app.app import WindowHost
from desktop_app.core.register import participants as register
from desktop_app.core.storage import drafts
from desktop_app.ui.achievement_dialog import EditAchievementDialog
from desktop_app.ui.participant_dialog import EditParticipantDialog

NAMES = ["Thôn Nà Ánh", "Tổ Đạt Quỳnh", "Bản Xuân Lộc"]
NOTE = "Hướng dẫn người dân cài VNeID, nộp hồ sơ trực tuyến. "
KEY_INTERVAL_MS = 25
DRAFT_KEY = "participant:new:collective"
MARKS = os.environ.get("SOTHIDUA_MARKS") == "1"
PHASES = os.environ.get("SOTHIDUA_PHASE_LOG") == "1"
EVIDENCE_BYTES = int(os.environ.get("SOTHIDUA_EVIDENCE_BYTES", str(256 * 1024)))


def main() -> None:
    data, run = sys.argv[1], int(sys.argv[2])
    limit = int(sys.argv[3]) if len(sys.argv) > 3 else None
    app = QApplication(sys.argv[:1])
    host = WindowHost(data)
    window = host.open()
    window.show()
    session, runner = host.session, host.runner
    pending = drafts.get_draft(session, DRAFT_KEY)
    print("draft " + json.dumps(pending.payload["values"] if pending else None, ensure_ascii=False), flush=True)
    drafts.discard_draft(session, DRAFT_KEY)
    state = {"n": run * 1000, "dialog": None, "script": [], "pos": 0, "saving": False, "saved": 0, "marks": 0}
    sources = os.path.join(os.path.dirname(os.path.abspath(data)), f"usb-{os.getpid()}")
    os.makedirs(sources, exist_ok=True)

    def mark() -> None:
        if MARKS:
            state["marks"] += 1
            os.path.exists(os.path.join(data, f".powercut-mark-{run}-{state['marks']}"))

    def phase(name: str) -> None:
        if PHASES:
            print(f"phase {name}", flush=True)

    def finished_one() -> None:
        state["saved"] += 1
        state["n"] += 1
        state.update(dialog=None, saving=False)
        if limit is not None and state["saved"] >= limit:
            timer.stop()
            QTimer.singleShot(0, app.quit)

    def participant_saved(dialog) -> None:
        print(f"committed participant {dialog.saved_participant.name}", flush=True)
        mark()
        phase("after-commit")
        dialog.deleteLater()
        finished_one()

    def achievement_saved(dialog, title, digest, person_id) -> None:
        print("committed achievement " + json.dumps({"title": title, "sha256": digest, "participant": person_id},
                                                     ensure_ascii=False), flush=True)
        mark()
        phase("after-commit")
        dialog.deleteLater()
        finished_one()

    def new_participant_dialog():
        dialog = EditParticipantDialog(runner, "collective", parent=window)
        dialog.accepted.connect(lambda: participant_saved(dialog))
        dialog.show()
        name = f"{NAMES[state['n'] % len(NAMES)]} {state['n']}"
        state.update(dialog=dialog, pos=0, script=[("name", ch) for ch in name] + [("note", ch) for ch in NOTE])
        return dialog

    def save_achievement():
        """An achievement with a new evidence file, through the dialog a user fills and saves."""
        person_id = _some_participant(session)
        person = register.get_participant(session, person_id)
        dialog = EditAchievementDialog(runner, person, parent=window)
        title = f"Thành tích {state['n']}"
        dialog.fields["title"].setText(title)
        dialog.fields["date_from"].setText("05/02/2025")
        source = os.path.join(sources, f"minh-chung-{state['n']}.pdf")
        content = (f"%PDF-1.4 minh chứng {state['n']} ".encode() + os.urandom(EVIDENCE_BYTES))
        with open(source, "wb") as fh:
            fh.write(content)
        dialog.add_evidence_paths([source])
        digest = hashlib.sha256(content).hexdigest()
        dialog.accepted.connect(lambda: achievement_saved(dialog, title, digest, person_id))
        dialog.show()
        state.update(dialog=dialog, saving=True)
        phase("evidence-copy")
        QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)

    def step():
        if state["saving"]:
            return
        if state["dialog"] is None and state["n"] % 2 == 1:
            save_achievement()
            return
        dialog = state["dialog"] or new_participant_dialog()
        if state["pos"] < len(state["script"]):
            field, ch = state["script"][state["pos"]]
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(dialog.fields[field], QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))
            state["pos"] += 1
            typed = {"name": dialog.fields["name"].text(), "note": dialog.fields["note"].toPlainText()}
            print("typed " + json.dumps(typed, ensure_ascii=False), flush=True)
            return
        state["saving"] = True
        phase("save-click")
        QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(KEY_INTERVAL_MS)
    app.exec()
    runner.wait()
    host.close()
    print("done", flush=True)
    # A test child: leave without Qt's teardown (PySide6 6.12 sometimes frees twice at exit).
    os._exit(0)


def _some_participant(session) -> int:
    from desktop_app.core.storage.models import Participant  # a test helper may read the model

    session.activate()
    return Participant.select(Participant.id).order_by(Participant.id).first().id


if __name__ == "__main__":
    main()
