"""Child process for test_kill9: the real window (built by the composition root, desktop_app.app.WindowHost), and a
participant form typed into and saved with the mouse, record after record, until the process is killed.

At start it reports the draft a recovery would offer ("draft <json>") and discards it. Then it prints
"committed <name>" once each record's save has finished on the operation runner (the transaction committed),
and "typed <json>" after each key, flushing each line, so the parent knows what must survive a kill -9.
"""
from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialogButtonBox  # noqa: E402

from desktop_app.app import WindowHost  # noqa: E402
from desktop_app.core.storage import drafts  # noqa: E402
from desktop_app.ui.participant_dialog import EditParticipantDialog  # noqa: E402

NAMES = ["Thôn Nà Ánh", "Tổ Đạt Quỳnh", "Bản Xuân Lộc"]
NOTE = "Hướng dẫn người dân cài VNeID, nộp hồ sơ trực tuyến, thanh toán không dùng tiền mặt. "
KEY_INTERVAL_MS = 25
DRAFT_KEY = "participant:new:collective"


def main() -> None:
    app = QApplication(sys.argv[:1])
    host = WindowHost(sys.argv[1])
    window = host.open()
    window.show()
    session, runner = host.session, host.runner
    pending = drafts.get_draft(session, DRAFT_KEY)
    print("draft " + json.dumps(pending.payload["values"] if pending else None, ensure_ascii=False), flush=True)
    drafts.discard_draft(session, DRAFT_KEY)
    state = {"n": int(sys.argv[2]) * 1000, "dialog": None, "script": [], "pos": 0, "saving": False}

    def saved(dialog) -> None:
        # The save ran on the runner and its transaction committed: only now is the record promised.
        print(f"committed {dialog.saved_participant.name}", flush=True)
        dialog.deleteLater()
        state["n"] += 1
        state.update(dialog=None, saving=False)

    def new_dialog():
        dialog = EditParticipantDialog(runner, "collective", parent=window)
        dialog.accepted.connect(lambda: saved(dialog))
        dialog.show()
        name = f"{NAMES[state['n'] % len(NAMES)]} {state['n']}"
        state.update(dialog=dialog, pos=0, script=[("name", ch) for ch in name] + [("note", ch) for ch in NOTE])
        return dialog

    def step():
        if state["saving"]:
            return
        dialog = state["dialog"] or new_dialog()
        if state["pos"] < len(state["script"]):
            field, ch = state["script"][state["pos"]]
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(dialog.fields[field], QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))
            state["pos"] += 1
            typed = {"name": dialog.fields["name"].text(), "note": dialog.fields["note"].toPlainText()}
            print("typed " + json.dumps(typed, ensure_ascii=False), flush=True)
            return
        state["saving"] = True
        QTest.mouseClick(dialog.buttons.button(QDialogButtonBox.Save), Qt.LeftButton)

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(KEY_INTERVAL_MS)
    app.exec()
    host.close()


if __name__ == "__main__":
    main()
