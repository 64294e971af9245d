"""Child process for test_kill9: types into a participant form and saves records until it is killed.

At start it reports the draft a recovery would offer ("draft <json>") and discards it. Then it prints
"committed <name>" after each record is saved and "typed <json>" after each key, flushing each line,
so the parent knows what must survive a kill -9.
"""
from __future__ import annotations

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QKeyEvent  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop_app.core.register import communes
from desktop_app.core.storage import drafts  # noqa: E402
from desktop_app.core.storage.session import open_workspace  # noqa: E402
from desktop_app.ui.participant_dialog import EditParticipantDialog  # noqa: E402

NAMES = ["Thôn Nà Ánh", "Tổ Đạt Quỳnh", "Bản Xuân Lộc"]
NOTE = "Hướng dẫn người dân cài VNeID, nộp hồ sơ trực tuyến, thanh toán không dùng tiền mặt. "
KEY_INTERVAL_MS = 25


def main() -> None:
    app = QApplication(sys.argv[:1])
    workspace = open_workspace(sys.argv[1], log_to_file=False)
    commune = communes.home_commune()
    pending = drafts.get_draft("participant:new:collective")
    print("draft " + json.dumps(pending.payload["values"] if pending else None, ensure_ascii=False), flush=True)
    drafts.discard_draft("participant:new:collective")
    state = {"n": int(sys.argv[2]) * 1000, "dialog": None, "script": [], "pos": 0}

    def new_dialog():
        dialog = EditParticipantDialog(commune, "collective")
        dialog.show()
        name = f"{NAMES[state['n'] % len(NAMES)]} {state['n']}"
        state.update(dialog=dialog, pos=0, script=[("name", ch) for ch in name] + [("note", ch) for ch in NOTE])
        return dialog

    def step():
        dialog = state["dialog"] or new_dialog()
        if state["pos"] < len(state["script"]):
            field, ch = state["script"][state["pos"]]
            for kind in (QEvent.KeyPress, QEvent.KeyRelease):
                QApplication.sendEvent(dialog.fields[field], QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, ch))
            state["pos"] += 1
            typed = {"name": dialog.fields["name"].text(), "note": dialog.fields["note"].toPlainText()}
            print("typed " + json.dumps(typed, ensure_ascii=False), flush=True)
            return
        dialog.save()
        print(f"committed {dialog.fields['name'].text()}", flush=True)
        dialog.deleteLater()
        state["n"] += 1
        state["dialog"] = None

    timer = QTimer()
    timer.timeout.connect(step)
    timer.start(KEY_INTERVAL_MS)
    app.exec()
    workspace.close()


if __name__ == "__main__":
    main()
