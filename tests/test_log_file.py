"""The workspace's log file: one per workspace, set aside when it grows large, never a reason not to start."""
from __future__ import annotations

import logging

from desktop_app import opening
from desktop_app.opening import LOG_KEPT, LOG_MAX_BYTES, rotate_log, setup_logging


def test_a_large_log_is_set_aside_when_opened_and_only_three_are_kept(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir()
    log = folder / "app.log"
    for generation in range(LOG_KEPT + 2):
        log.write_bytes(str(generation).encode() * LOG_MAX_BYTES)
        rotate_log(log)
        assert not log.exists()
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == [f"app.log.{n}" for n in range(1, LOG_KEPT + 1)]
    # The newest is .1, the oldest kept .3; the two oldest generations are gone.
    assert [(folder / f"app.log.{n}").read_bytes()[:1] for n in range(1, LOG_KEPT + 1)] == [b"4", b"3", b"2"]


def test_a_small_log_stays_and_a_missing_one_is_no_error(tmp_path):
    folder = tmp_path / "logs"
    folder.mkdir()
    log = folder / "app.log"
    rotate_log(log)
    log.write_text("một dòng\n", encoding="utf-8")
    rotate_log(log)
    assert log.read_text(encoding="utf-8") == "một dòng\n" and sorted(folder.iterdir()) == [log]


def test_a_log_that_cannot_be_set_aside_is_written_on(tmp_path, monkeypatch):
    log = tmp_path / "app.log"
    log.write_bytes(b"x" * LOG_MAX_BYTES)

    def refused(*_args):
        raise PermissionError(13, "the file is open in another process")

    monkeypatch.setattr(opening.os, "replace", refused)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        setup_logging(log)
        logging.getLogger("desktop_app.test").warning("Sổ Thi đua vẫn ghi")
    finally:
        for handler in root.handlers[:]:
            if handler not in before:
                root.removeHandler(handler)
                handler.close()
    text = log.read_bytes()
    assert len(text) > LOG_MAX_BYTES and "Sổ Thi đua vẫn ghi" in text[LOG_MAX_BYTES:].decode("utf-8")
