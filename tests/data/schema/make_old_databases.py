"""Make the workspace databases in this folder with the code of older releases (kept for the record;
the test suite does not run it).

For each target below: `git worktree add` the commit into a temporary folder, run THIS file with
`--child` under that checkout (PYTHONPATH = the checkout, cwd = the checkout), so the old release's own
code creates a workspace and fills it (its demo commune plus the calls listed in `_child`), then copy
the database here checkpointed into one file (no -wal/-shm), in rollback-journal mode and vacuumed,
and remove the worktree.

    .venv/bin/python tests/data/schema/make_old_databases.py            # all files
    .venv/bin/python tests/data/schema/make_old_databases.py v2 v4      # some of them

Nothing here writes SQL into the workspaces: every row comes from the old code's functions. Exports
sign with the old code's InMemoryKeyring test backend, never the OS keyring. The files are not
byte-for-byte reproducible (uids and timestamps are generated at run time); the row counts are.
"""
from __future__ import annotations

import argparse
import inspect
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

# name → (commit, user_version it must have, extra receiving-workspace file or None)
TARGETS = {
    # m0001 only: the newest commit before m0002 was added (01cd13f^).
    "v1": ("3d21cff", 1, None),
    # m0001 + m0002: the newest commit before m0004 was added (a71de26^). m0004 came before m0003.
    "v2": ("e5b3cb2", 2, None),
    # m0001 + m0002 + m0004 and NO m0003 (packet tables): every release from a71de26 to 98c7839 saved
    # this; 98c7839 is the newest of them (42866ea^, the commit that added m0003).
    "v4-without-m0003": ("98c7839", 4, None),
    # m0001..m0004: the newest commit before m0005 was added (04177cf^).
    "v4": ("75698a7", 4, "receiver-v4"),
    # m0001..m0005: the last commit before the core was regrouped into packages (a52a86c).
    "v5": ("1b9c882", 5, "receiver-v5"),
}


# ----- driver (any Python 3.9+; runs git and the old code) ------------------------------------------------

def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


def _finish(source: Path, target: Path, expected_version: int) -> None:
    """Copy the closed workspace database into one self-contained, vacuumed file and check it."""
    tmp = target.with_name(target.name + ".tmp")
    for p in (tmp, Path(str(tmp) + "-wal"), Path(str(tmp) + "-shm"), Path(str(tmp) + "-journal")):
        p.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    try:
        src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        src.close()
    shutil.copyfile(source, tmp)  # after the checkpoint the main file holds everything
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
        conn.execute("VACUUM")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
    if mode != "delete" or version != expected_version or check != "ok":
        raise SystemExit(f"{target.name}: journal_mode={mode} user_version={version} integrity={check}")
    os.replace(tmp, target)
    for suffix in ("-wal", "-shm", "-journal"):
        if Path(str(target) + suffix).exists():
            raise SystemExit(f"{target.name}{suffix} left behind")


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' ORDER BY name")]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def make(name: str, python: str, repo: Path) -> list[Path]:
    commit, version, receiver_name = TARGETS[name]
    full = _git("rev-parse", "--verify", f"{commit}^{{commit}}", cwd=repo)
    made = []
    with tempfile.TemporaryDirectory(prefix=f"sothidua-{name}-") as tmp:
        tree = Path(tmp) / "tree"
        work = Path(tmp) / "work"
        work.mkdir()
        _git("worktree", "add", "--detach", str(tree), full, cwd=repo)
        try:
            env = dict(os.environ, PYTHONPATH=str(tree), PYTHONDONTWRITEBYTECODE="1", QT_QPA_PLATFORM="offscreen",
                       PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")  # the real keyring is never used
            subprocess.run([python, str(Path(__file__).resolve()), "--child", name, str(work)],
                           cwd=tree, env=env, check=True)
            target = HERE / f"{name}.sqlite3"
            _finish(work / "commune" / "sothidua.sqlite3", target, version)
            made.append(target)
            if receiver_name:
                target = HERE / f"{receiver_name}.sqlite3"
                _finish(work / "receiver" / "sothidua.sqlite3", target, version)
                made.append(target)
        finally:
            _git("worktree", "remove", "--force", str(tree), cwd=repo)
    return made


def main(argv: list[str]) -> int:
    if argv[:1] == ["--child"]:
        _child(argv[1], Path(argv[2]))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"which files to make (default: all of {', '.join(TARGETS)})")
    parser.add_argument("--python", default=None,
                        help="interpreter with the app's dependencies (default: the repository's .venv)")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in TARGETS]
    if unknown:
        parser.error(f"unknown name(s) {', '.join(unknown)}; choose from {', '.join(TARGETS)}")
    repo = Path(_git("rev-parse", "--show-toplevel", cwd=HERE))
    python = args.python or str(repo / ".venv" / "bin" / "python")
    made = []
    for name in args.names or list(TARGETS):
        made += make(name, python, repo)
    for path in made:
        print(f"{path.name}: {path.stat().st_size} bytes")
        print("  " + json.dumps(row_counts(path), ensure_ascii=False))
    return 0


# ----- child (runs inside the old checkout, with the old code on sys.path) --------------------------------

def _module(name: str):
    import importlib
    import importlib.util

    full = f"desktop_app.core.{name}"
    return importlib.import_module(full) if importlib.util.find_spec(full) else None


def _write(folder: Path, name: str, content: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(content)
    return path


def _register_extras(ws, commune, stick: Path) -> None:
    """What the demo commune lacks in the register: evidence, an archived participant, more award kinds,
    archived rows, drafts. Uses only the old release's own functions."""
    from desktop_app.core import achievements, awards, drafts, participants
    from desktop_app.core.models import Achievement, Campaign, Participant

    by_name = {p.name: p for p in Participant.select().where(Participant.commune == commune)}
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")

    # Evidence copied off a "USB stick" (the demo of some releases attaches none; later ones attach
    # evidence to the checklists' people only).
    for owner, file_name, note in (
            ("Thôn Nà Khoang", "Biên bản nghiệm thu Tổ công nghệ số cộng đồng.pdf", "Biên bản nghiệm thu"),
            ("Nông Văn Kiên", "Ảnh buổi tuyên truyền VNeID tại nhà văn hóa.jpg", "Ảnh hoạt động"),
            ("Triệu Thị Mai", "Danh sách hồ sơ hộ tịch đã số hóa.xlsx", "Danh sách kèm theo"),
            ("Hợp tác xã Nông nghiệp và Dịch vụ Chè Shan tuyết Thượng Quan",
             "Hợp đồng gian hàng sàn TMĐT.pdf", "Hợp đồng")):
        p = by_name[owner]
        a = achievements.list_achievements(p)[0]
        source = _write(stick, file_name, f"{file_name}\n{p.name}\n{a.title}\n{a.results}\n".encode("utf-8"))
        achievements.add_evidence(ws.paths.evidence_dir, p, source, a, note=note)
    # A file attached by mistake and removed (the row stays, archived).
    p = by_name["Nông Văn Kiên"]
    wrong = _write(stick, "Ảnh chụp nhầm.jpg", b"\xff\xd8\xff\xe0 not the right photo")
    achievements.remove_evidence(achievements.add_evidence(ws.paths.evidence_dir, p, wrong,
                                                           achievements.list_achievements(p)[0]))
    # An achievement recorded twice, the copy archived.
    p = by_name["Thôn Nà Làng"]
    a = achievements.list_achievements(p)[0]
    copy = achievements.save_achievement(p, {**achievements.achievement_form_values(a), "title": a.title + " (nhập trùng)"})
    achievements.set_archived(copy, True)

    # Someone who moved away: kept, archived.
    leaver = participants.save_participant(commune, {
        "kind": "individual", "category": "cong_chuc", "name": "Phạm Thị Ngọc Ánh", "gender": "nu",
        "birth_date": "04/07/1992", "ethnicity": "Kinh", "position": "Công chức Văn phòng - Thống kê (đã chuyển công tác)",
        "workplace": by_name["Văn phòng HĐND và UBND xã Thượng Quan"].name,
        "organization_id": by_name["Văn phòng HĐND và UBND xã Thượng Quan"].id, "phone": "0912345678",
        "cccd": "006192004517", "note": "Chuyển công tác về UBND huyện từ tháng 01/2025"})
    achievements.save_achievement(leaver, {
        "campaign_id": campaign.id, "title": "Xây dựng trang thông tin điện tử của xã",
        "description": "Cập nhật tin bài, công khai thủ tục hành chính trên trang thông tin điện tử.",
        "results": "Đăng 120 tin bài; công khai 100% thủ tục hành chính cấp xã.", "content_codes": ["ND2"],
        "field_codes": ["LV10"], "date_from": "01/01/2023", "date_to": "31/12/2023"})
    awards.save_award(leaver, {"category": "xep_loai", "code": "HTXSNV", "year": "2023",
                               "issuer": "Chủ tịch UBND xã Thượng Quan", "award_type": "cong_trang"})
    participants.set_archived(leaver, True)

    # Award history of the kinds the demo lacks (people outside the demo round).
    for owner, values in (
            ("Hoàng Văn Thắng", {"category": "hinh_thuc", "code": "BANG_KHEN_TINH", "year": "2024",
                                 "decision_number": "2154/QĐ-UBND", "decision_date": "16/12/2024",
                                 "issuer": "Chủ tịch UBND tỉnh Thái Nguyên", "award_type": "cong_trang",
                                 "note": "Đã có thành tích xuất sắc trong công tác năm 2024"}),
            ("Lường Văn Hùng", {"category": "hinh_thuc", "code": "GIAY_KHEN", "year": "2023",
                                "decision_number": "95/QĐ-UBND", "decision_date": "22/12/2023",
                                "issuer": "Chủ tịch UBND xã Thượng Quan", "award_type": "dot_xuat",
                                "note": "Phòng chống bão số 3 (Yagi)"}),
            ("Triệu Thị Mai", {"category": "sang_kien", "code": "SANG_KIEN", "year": "2024",
                               "decision_number": "07/QĐ-HĐSK", "decision_date": "05/11/2024",
                               "issuer": "Hội đồng sáng kiến huyện", "award_type": "cong_trang",
                               "note": "Quy trình số hóa sổ hộ tịch tại xã"}),
            ("Văn phòng HĐND và UBND xã Thượng Quan", {
                "category": "danh_hieu", "code": "TTLDXS", "year": "2024", "decision_number": "2290/QĐ-UBND",
                "decision_date": "25/12/2024", "issuer": "Chủ tịch UBND tỉnh Thái Nguyên",
                "award_type": "cong_trang"}),
            ("Thôn Khuổi Slẳm", {"category": "danh_hieu", "code": "THON_VH", "year": "2025",
                                 "decision_number": "31/QĐ-UBND", "decision_date": "10/01/2025",
                                 "issuer": "Chủ tịch UBND xã Thượng Quan", "award_type": "cong_trang"})):
        awards.save_award(by_name[owner], values)
    # An entry typed for the wrong person, archived.
    mistake = awards.save_award(by_name["Lường Văn Hùng"], {
        "category": "danh_hieu", "code": "CSTDCS", "year": "2022", "issuer": "Chủ tịch UBND xã Thượng Quan",
        "award_type": "cong_trang", "note": "Nhập nhầm người"})
    awards.set_archived(mistake, True)

    # Forms left open when the app was closed (payloads as the dialogs of these releases write them).
    ma = by_name["Mã Văn Long"]
    drafts.save_draft("participant:new:individual", "Thêm cá nhân", {
        "form": "participant", "kind": "individual", "participant_id": None,
        "values": {"kind": "individual", "category": "nguoi_dan", "name": "Hà Văn Định", "gender": "nam",
                   "birth_date": "15/08/19", "ethnicity": "Tày", "position": "", "workplace": "Thôn Nà Khoang",
                   "organization_id": by_name["Thôn Nà Khoang"].id, "cccd": "", "phone": "", "note": "",
                   "under_discipline": False, "under_inspection": False, "under_complaint": False}})
    drafts.save_draft(f"achievement:new:{ma.id}", "Thêm thành tích", {
        "form": "achievement", "participant_id": ma.id, "achievement_id": None,
        "values": {"campaign_id": campaign.id, "title": "Hướng dẫn người cao tuổi dùng dịch vụ công trực tuyến",
                   "description": "", "results": "Hướng dẫn 35 người", "date_from": "01/03/2025", "date_to": "",
                   "content_codes": ["ND1"], "field_codes": [], "pending_files": []}})
    drafts.save_draft(f"award:new:{by_name['Đặng Thị Huyền'].id}", "Thêm khen thưởng", {
        "form": "award", "participant_id": by_name["Đặng Thị Huyền"].id, "award_id": None,
        "values": {"category": "danh_hieu", "code": "CSTDCS", "year": "2025", "decision_number": "",
                   "decision_date": "", "issuer": "Chủ tịch UBND xã Thượng Quan", "award_type": "cong_trang",
                   "note": ""}})
    assert Achievement.select().count() > 0


# The demo round of the releases whose demo had none yet (ported from 98c7839's demo.py to that API).
V2_CHECKLISTS = [
    ("Nông Thị Hoa", "bang_khen_tinh.ca_nhan.chuyen_de", "all"),
    ("Ma Thị Lan", "bang_khen_tinh.ca_nhan.chuyen_de", "all"),
    ("Trạm Y tế xã Thượng Quan", "bang_khen_tinh.tap_the.chuyen_de", "all"),
    ("Đặng Thị Huyền", "giay_khen.ca_nhan", "all"),
    ("Thôn Bản Chang", "giay_khen.tap_the", "all"),
    ("Mã Văn Long", "giay_khen.ca_nhan", "missing_evidence"),
    ("Hoàng Văn Thắng", "bang_khen_tinh.ca_nhan.cong_trang", "all"),
    ("Vi Thị Nga", "giay_khen.ca_nhan", "incomplete"),
]
V2_ROUND = [  # (name, award form, for, against, abstain)
    ("Nông Thị Hoa", "bang_khen_chu_tich_tinh", 8, 0, 0),
    ("Ma Thị Lan", "bang_khen_chu_tich_tinh", 7, 1, 0),
    ("Trạm Y tế xã Thượng Quan", "bang_khen_chu_tich_tinh", 8, 0, 0),
    ("Đặng Thị Huyền", "giay_khen", 8, 0, 0),
    ("Thôn Bản Chang", "giay_khen", 7, 1, 0),
    ("Mã Văn Long", "giay_khen", 3, 4, 1),
]


def _checklists_and_round(ws, commune, stick: Path):
    """Checklists with answers and evidence, round 1 with nominees of both forms, council meeting, votes and
    the Giấy khen decision, through the old release's checklists/rounds API."""
    from datetime import date

    from desktop_app.core import achievements, checklists, rounds
    from desktop_app.core.models import Campaign, Participant

    by_name = {p.name: p for p in Participant.select().where(Participant.commune == commune)}
    campaign = Campaign.get(Campaign.code == "KH-635-2022-BK")
    made, evidence = {}, {}
    for name, set_id, how in V2_CHECKLISTS:
        p = Participant.get_by_id(by_name[name].id)
        checklist = checklists.start_checklist(p, set_id, 2025)
        checklists.set_principles_confirmed(checklist, True)
        judgements = [c for c in checklists.criteria_set_of(checklist).walk() if c.kind == "judgement"]
        if how == "incomplete":
            judgements = judgements[:1]
        for c in judgements:
            ids = []
            if c.evidence_required and how != "missing_evidence":
                if name not in evidence:
                    a = achievements.list_achievements(p)[0]
                    source = _write(stick, f"Báo cáo số liệu - {p.name}.txt",
                                    f"BÁO CÁO SỐ LIỆU\n{p.name}\n{a.title}\n{a.results}\n".encode("utf-8"))
                    evidence[name] = achievements.add_evidence(ws.paths.evidence_dir, p, source, a,
                                                               note="Báo cáo số liệu")
                ids = [evidence[name].id]
            note = "Theo nhận xét của cơ quan quản lý" if c.code == "guong_mau" else ""
            checklist = checklists.save_answer(checklist, c.code, "met", note, ids)
        made[name] = checklist
    r = rounds.create_round(commune, campaign, date(2026, 3, 10), "Đề nghị khen thưởng phong trào thi đua "
                            "“Bắc Kạn đẩy mạnh chương trình chuyển đổi số giai đoạn 2022 - 2025”")
    for name, form, *_ in V2_ROUND:
        p = by_name[name]
        a = achievements.list_achievements(p)[0]
        rounds.add_nominee(r, p, form, made[name], summary=f"{a.title}: {a.results}",
                           override_reason=("Biên bản nghiệm thu đang chờ Tổ công nghệ số ký; Hội đồng thống nhất "
                                            "xét, sẽ bổ sung minh chứng trước khi trình." if made[name].verdict != "eligible" else ""))
    rounds.save_meeting(r, {
        "held_on": "12/03/2026", "start_time": "14:00", "end_time": "16:00", "place": "Hội trường UBND xã Thượng Quan",
        "chair": "Hoàng Văn Thắng", "chair_title": "Chủ tịch UBND xã, Chủ tịch Hội đồng",
        "secretary": "Triệu Thị Mai", "secretary_title": "Công chức Tư pháp - Hộ tịch, Thư ký Hội đồng",
        "members_total": "9", "members_present": "8",
        "conclusion": "Hội đồng thống nhất đề nghị Chủ tịch UBND tỉnh tặng Bằng khen và Chủ tịch UBND xã tặng "
                      "Giấy khen cho các tập thể, cá nhân đạt biểu quyết."})
    votes = {(name, form): v for name, form, *v in V2_ROUND}
    for n in rounds.nominees_of(r):
        rounds.set_votes(n, *votes[(n.participant.name, n.award_form)])
    rounds.record_decision(r, "18/QĐ-UBND", date(2026, 3, 20), commune.chairman_name)
    return r


def _issue_numbers_without_dossier(round_) -> None:
    """Releases before the dossier module (no app path issued numbers yet): the Tờ trình and biên bản numbers
    come from rounds.DbNumberAllocator, the persistent allocator those releases shipped, in the series their
    documents package uses ("TTr-UBND", "BB-HĐTĐKT"), and are stored on the round and the meeting."""
    from datetime import date

    from desktop_app.core import rounds
    from desktop_app.core.documents import load_template_set
    from desktop_app.core.documents.inputs import CommuneSettings

    t = load_template_set()
    defaults = CommuneSettings.__dataclass_fields__
    number_suffix = round_.commune.doc_prefix or defaults["number_suffix"].default
    council_suffix = defaults["council_suffix"].default
    allocator = rounds.DbNumberAllocator(round_.commune, purpose=f"round {round_.number} v{round_.version}")
    round_.submitted_on = date(2026, 3, 25)
    round_.submission_number = allocator.allocate(f"{t.doc('to_trinh')['type_code']}-{number_suffix}", 2026)
    round_.save()
    meeting = rounds.meeting_of(round_)
    meeting.document_number = allocator.allocate(f"{t.doc('bien_ban')['type_code']}-{council_suffix}", 2026)
    meeting.save()
    # The Giấy khen decision keeps the number the officer typed ("18/QĐ-UBND"): no QĐ number is drawn
    # (these releases had no typed-number reservation; drawing one would give the decision two numbers).


def _child(name: str, work: Path) -> None:
    import logging

    from desktop_app.core import demo
    from desktop_app.core.workspace import open_workspace

    logging.basicConfig(level=logging.WARNING)
    stick = work / "USB"
    ws = open_workspace(work / "commune", log_to_file=False)
    try:
        kwargs = {"evidence_dir": ws.paths.evidence_dir} \
            if "evidence_dir" in inspect.signature(demo.create_demo_commune).parameters else {}
        result = demo.create_demo_commune(**kwargs)
        commune = result["commune"]
        rounds = _module("rounds")
        exports = _module("exports")
        round_ = None
        if rounds is not None:
            round_ = result.get("round") or _checklists_and_round(ws, commune, stick / "minh-chung")
        _register_extras(ws, commune, stick / "minh-chung")
        if round_ is not None and exports is None:
            _issue_numbers_without_dossier(round_)
            rounds.lock_round(round_)
        if exports is not None:
            _export_and_receive(ws, round_, work)
        print(f"{name}: made with {inspect.getsourcefile(demo)}")
    finally:
        ws.close()


def _export_and_receive(ws, round_, work: Path) -> None:
    """Send round 1 (numbers issued, documents, signed packet, round locked as sent), correct it as version 2
    and send that; then a receiving workspace takes both packets (and the first one again: a duplicate)."""
    from desktop_app.core import exports, receiving, rounds
    from desktop_app.core.secrets import InMemoryKeyring, SecretStore
    from desktop_app.core.workspace import open_workspace

    store = SecretStore(InMemoryKeyring())  # the old code's test backend: nothing reaches the OS keyring
    kwargs = {"evidence_dir": ws.paths.evidence_dir}
    if "outbox_dir" in inspect.signature(exports.export_round).parameters:
        kwargs["outbox_dir"] = ws.paths.root / "outbox"
    sent, resent = work / "USB" / "Gửi Sở Nội vụ", work / "USB" / "Gửi lại"
    sent.mkdir(parents=True)
    resent.mkdir(parents=True)
    first = exports.export_round(round_, sent, store, **kwargs)
    v2 = rounds.new_version(rounds.NominationRound.get_by_id(round_.id),
                            "Biên bản ghi sai số phiếu của bà Ma Thị Lan (8 phiếu đồng ý, không phải 7)")
    lan = next(n for n in rounds.nominees_of(v2) if n.participant.name == "Ma Thị Lan")
    rounds.set_votes(lan, 8, 0, 0)
    second = exports.export_round(v2, resent, store, **kwargs)
    ws.close()

    receiver = open_workspace(work / "receiver", log_to_file=False)
    try:
        receiving.make_receiver_workspace()
        for packet in (first, second, first):
            receiving.receive_packet(receiver.paths, packet.path, trust_fingerprint=first.signer_fingerprint,
                                     trusted_by="Nguyễn Thị Thu Trang, Phòng Thi đua - Khen thưởng")
    finally:
        receiver.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
