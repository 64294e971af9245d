"""Benchmarks against a baseline measured in the same run; prints one table.

    python bench/run.py            full size (100,000 participants, 300,000 achievements, 200 nominees, …)
    python bench/run.py --quick    small sizes, for CI (tests/test_bench_quick.py), so the script cannot rot

Every figure stands next to a baseline measured on the same machine in the same run, with the ratio and
the target from docs/performance.md. Data is generated deterministically (fixed seeds). Linux only
(peak memory is read from /proc/self/status).
"""
from __future__ import annotations

import argparse
import io
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
CHILD = Path(__file__).resolve().with_name("child.py")


@dataclass(frozen=True)
class Sizes:
    participants: int
    achievements: int
    nominees: int
    packet_mb: int
    start_runs: int
    typed: tuple[str, ...]


FULL = Sizes(100_000, 300_000, 200, 256, 7,
             ("nguyen van duc", "hoang thi mai", "chuyen doi so", "thon na lang", "tran", "ha thi ngoc anh",
              "cong chuc van phong", "dich vu cong truc tuyen", "lo", "be thi"))
QUICK = Sizes(2_000, 6_000, 10, 4, 2, ("nguyen van duc", "chuyen doi so"))


@dataclass
class Row:
    what: str
    value: float
    baseline: float
    unit: str
    baseline_name: str
    target: str
    ok: bool | None
    ratio_kind: str = "x"           # "x": value / baseline; "+": value - baseline


def env() -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


# ----- data -----------------------------------------------------------------------------------------

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
          "Dương", "Lý", "Nông", "Triệu", "Lường", "Hà", "Ma", "Bế", "Lò", "Đàm", "Lục"]
MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu", "Hữu", "Quang", "Thanh", "Xuân", "Hoàng", "Kim"]
GIVEN = ["Đức", "Mai", "Hoa", "Anh", "Hùng", "Thắng", "Lan", "Tuấn", "Phương", "Hải", "Dũng", "Hương", "Linh",
         "Nam", "Sơn", "Thảo", "Trang", "Quỳnh", "Kiên", "Phin", "Pẻng", "Slẳm", "Chang", "Ánh", "Khánh", "Cường",
         "Yến", "Nga", "Bình", "Tâm", "Vinh", "Hạnh", "Loan", "Thủy", "Long", "Quân", "Hiền", "Oanh", "Lợi", "Sinh"]
PLACES = ["Nà Làng", "Bản Chang", "Khuổi Slẳm", "Nà Khoang", "Bản Pjạc", "Khuổi Ỏn", "Pác Nặm", "Nà Pài"]
POSITIONS = ["Công chức Văn phòng - Thống kê", "Công chức Tư pháp - Hộ tịch", "Trưởng thôn", "Bí thư chi bộ",
             "Viên chức Trạm Y tế", "Giáo viên", "Nông dân", "Chủ hộ kinh doanh", "Công an viên"]
TITLES = ["Phổ cập kỹ năng số cho người dân", "Dịch vụ công trực tuyến toàn trình", "Chuyển đổi số trong y tế",
          "Vận động thanh toán không dùng tiền mặt", "Xây dựng nông thôn mới", "Số hóa hồ sơ hộ tịch",
          "Phát triển sản phẩm OCOP chè Shan tuyết", "Bảo vệ rừng đầu nguồn", "Khuyến học, khuyến tài"]


def open_bench_workspace(data_dir: Path):
    """The workspace as a Session, keys in memory: the benchmarks never touch the OS keyring."""
    from desktop_app.core.storage.secrets import InMemoryKeyring, SecretStore
    from desktop_app.core.workspace import open_workspace

    return open_workspace(data_dir, secrets=SecretStore(InMemoryKeyring()))


def build_search_database(data_dir: Path, sizes: Sizes) -> Path:
    """The app's schema (migrations), one commune, N participants and M achievements, FTS filled — in one
    transaction with insert_many, search text and sort key folded by the app's own functions."""
    from desktop_app.core.changes import Topic
    from desktop_app.core.register.communes import save_commune_settings
    from desktop_app.core.storage.migrations.m0005_search_documents import apply as rebuild_search_documents
    from desktop_app.core.storage.models import Achievement, Campaign, Participant
    from desktop_app.core.text import fold, name_sort_key

    ws = open_bench_workspace(data_dir)
    rng = random.Random(20260309)
    commune = save_commune_settings(ws, {
        "name": "Quang Thuận", "admin_code": "02095", "province": "Thái Nguyên",
        "receiving_authority": "Sở Nội vụ tỉnh Thái Nguyên", "receiving_level": "so_noi_vu",
        "chairman_name": "Hoàng Văn Thắng", "doc_prefix": "UBND"})
    campaign = Campaign.select().first()
    now = "2026-03-09T08:00:00+07:00"
    with ws.write(Topic.PARTICIPANTS, Topic.ACHIEVEMENTS):
        rows = []
        for i in range(sizes.participants):
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            position = rng.choice(POSITIONS)
            workplace = f"Thôn {rng.choice(PLACES)}"
            phone = f"09{rng.randrange(10**8):08d}"
            rows.append({
                "uid": f"{rng.getrandbits(128):032x}", "commune": commune.id, "kind": "individual",
                "category": "nguoi_dan", "name": name, "sort_key": name_sort_key(name),
                "search_text": fold(" ".join((name, position, workplace, phone))),
                "gender": rng.choice(("nam", "nu")), "birth_date": date(1950 + i % 55, 1 + i % 12, 1 + i % 28),
                "position": position, "workplace": workplace, "phone": phone, "created_at": now, "updated_at": now,
            })
            if len(rows) == 5000:
                Participant.insert_many(rows).execute()
                rows = []
        if rows:
            Participant.insert_many(rows).execute()
        ids = [r[0] for r in ws.db.execute_sql("SELECT id FROM participant ORDER BY id")]
        rows = []
        for i in range(sizes.achievements):
            title = f"{rng.choice(TITLES)} năm {2020 + i % 6}"
            description = f"Thôn {rng.choice(PLACES)}: tuyên truyền, hướng dẫn người dân."
            rows.append({
                "uid": f"{rng.getrandbits(128):032x}", "commune": commune.id, "participant": ids[i % len(ids)],
                "campaign": campaign.id, "title": title, "description": description, "content_codes": [],
                "field_codes": [], "results": "", "search_text": fold(" ".join((title, description))),
                "created_at": now, "updated_at": now,
            })
            if len(rows) == 5000:
                Achievement.insert_many(rows).execute()
                rows = []
        if rows:
            Achievement.insert_many(rows).execute()
        ws.db.execute_sql("INSERT INTO achievement_fts(rowid, search_text) SELECT id, search_text FROM achievement")
        # Each participant's search document (own fields + achievements) and its FTS row, exactly as the
        # app's migration builds them.
        rebuild_search_documents(ws.db.connection())
    ws.db.execute_sql("ANALYZE")
    ws.close()
    return data_dir


# ----- measurements ---------------------------------------------------------------------------------

def _time_child(args: list[str]) -> float:
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             env=env(), cwd=ROOT)
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    _, err = child.communicate(timeout=120)
    if line.strip() != b"shown" or child.returncode != 0:
        raise RuntimeError(f"{args[0]} failed: {line!r} {err.decode(errors='replace')[-2000:]}")
    return elapsed


def bench_start(sizes: Sizes, work: Path) -> Row:
    data = work / "start-ws"
    made = subprocess.run([sys.executable, str(ROOT / "main.py"), "demo", "--data-dir", str(data)],
                          capture_output=True, env=env(), cwd=ROOT)
    if made.returncode != 0:
        raise RuntimeError(made.stderr.decode(errors="replace"))
    _time_child(["start-empty"])            # warm the page cache for both,
    _time_child(["start-app", str(data)])   # and take today's automatic backup once
    empty, app = [], []
    for _ in range(sizes.start_runs):       # interleaved, so a slow moment hurts both alike
        empty.append(_time_child(["start-empty"]))
        app.append(_time_child(["start-app", str(data)]))
    e, a = statistics.median(empty), statistics.median(app)
    return Row(f"cold start to a shown main window (median of {sizes.start_runs})", a * 1000, e * 1000, "ms",
               "empty PySide6 QMainWindow", "≤ 1.3×", a <= 1.3 * e)


def _bare_page(conn: sqlite3.Connection, commune_id: int, text: str) -> None:
    """The first page of the register for a search, in plain sqlite3, using the same strategy as the app:
    FTS for selective words, a walk of the name-ordered covering index for common ones."""
    from desktop_app.core.register.participants import SELECTIVE_LIMIT
    from desktop_app.core.text import fts_query, tokens

    where = "commune_id = ? AND archived_at IS NULL"
    params: list = [commune_id]
    match = fts_query(text)
    if match:
        found = conn.execute("SELECT count(*) FROM (SELECT rowid FROM participant_fts WHERE participant_fts MATCH ? "
                             "LIMIT ?)", (match, SELECTIVE_LIMIT + 1)).fetchone()[0]
        if found <= SELECTIVE_LIMIT:
            where += " AND id IN (SELECT rowid FROM participant_fts WHERE participant_fts MATCH ?)"
            params.append(match)
        else:
            for token in sorted(set(tokens(text)), key=len, reverse=True):
                where += " AND instr(search_text, ?) > 0"
                params.append(" " + token)
    conn.execute(f"SELECT id, name, kind, category, birth_date, position, address, phone, workplace, sort_key "
                 f"FROM participant WHERE {where} ORDER BY sort_key, id LIMIT 200", params).fetchall()


def bench_search(sizes: Sizes, data: Path) -> list[Row]:
    from desktop_app.core.register import participants as core

    ws = open_bench_workspace(data)
    commune_id = ws.home_commune().id
    conn = sqlite3.connect(ws.paths.database)
    keystrokes = [q[:i] for q in sizes.typed for i in range(1, len(q) + 1) if not q[:i].endswith(" ")]

    def app_page(text):
        # What the register does on each keystroke before painting: the first page of light rows.
        core.list_participant_rows(ws, core.ParticipantFilter(commune_id=commune_id, search=text), limit=200)

    def app_count(text):
        # Then, on a worker thread (the window does not wait for it): the count, capped at 1,000.
        core.count_participants_capped(ws, core.ParticipantFilter(commune_id=commune_id, search=text))

    for text in keystrokes[:10]:  # warm both
        app_page(text)
        _bare_page(conn, commune_id, text)
    app_ms, bare_ms, count_ms = [], [], []
    for text in keystrokes:
        t = time.perf_counter()
        app_page(text)
        app_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        _bare_page(conn, commune_id, text)
        bare_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        app_count(text)
        count_ms.append((time.perf_counter() - t) * 1000)
    conn.close()
    ws.close()
    n = f"{sizes.participants:,} participants, {sizes.achievements:,} achievements, {len(keystrokes)} keystrokes"
    p50, p95 = percentile(app_ms, 0.5), percentile(app_ms, 0.95)
    b50, b95 = percentile(bare_ms, 0.5), percentile(bare_ms, 0.95)
    c95 = percentile(count_ms, 0.95)
    return [Row(f"search as you type p50, first page ({n})", p50, b50, "ms", "the same SQL through sqlite3", "—", None),
            Row("search as you type p95, first page", p95, b95, "ms", "the same SQL through sqlite3",
                "≤ 16 ms and ≤ 2×", p95 <= 16 and p95 <= 2 * b95),
            Row("match count p95 (worker thread, capped at 1,000)", c95, b95, "ms", "first page, bare SQL", "—", None)]


def round_of(nominees: int):
    from desktop_app.core.documents import Vote
    from desktop_app.core.documents.samples import long_dossier, sample_dossier

    base = sample_dossier()
    d = long_dossier(nominees)
    achievements = base.nominees[2].achievements
    people = tuple(replace(n, achievements=achievements, birth_year=1980 + i % 20)
                   for i, n in enumerate(d.nominees))
    meeting = replace(base.meeting, votes=tuple(Vote(n.key, 8, 0, 0, "Đề nghị khen thưởng") for n in people))
    return replace(d, nominees=people, meeting=meeting)


def plain_reportlab(lines_per_doc: list[list[str]]) -> list[bytes]:
    """The baseline: the same text, one Paragraph per line, in the same font, default ReportLab layout."""
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from desktop_app.core.documents.render_pdf import register_fonts
    from desktop_app.core.documents.templates import load_template_set

    family = register_fonts(load_template_set().font)
    style = ParagraphStyle("plain", fontName=family, fontSize=13, leading=15)
    out = []
    for lines in lines_per_doc:
        buf = io.BytesIO()
        SimpleDocTemplate(buf, initialFontName=family).build(
            [Paragraph(escape(line).replace("\n", "<br/>"), style) for line in lines if line.strip()])
        out.append(buf.getvalue())
    return out


def bench_documents(sizes: Sizes) -> list[Row]:
    from desktop_app.core.documents import (
        build_dossier,
        dossier_parts,
        load_template_set,
    )

    d = round_of(sizes.nominees)
    t = load_template_set()
    lines = [compose().plain_lines() for _, compose in dossier_parts(d, t)]
    plain_reportlab(lines[:2])             # fonts registered, modules imported: warm for both
    build_dossier(replace(d, nominees=d.nominees[:2]), formats=("pdf",))
    start = time.perf_counter()
    files = build_dossier(d, formats=("pdf",))
    app_pdf = time.perf_counter() - start
    start = time.perf_counter()
    plain = plain_reportlab(lines)
    base = time.perf_counter() - start
    start = time.perf_counter()
    build_dossier(d, formats=("pdf", "docx"))
    both = time.perf_counter() - start
    assert len(files) == len(plain)
    what = f"documents of a round of {sizes.nominees} nominees, PDF ({len(files)} files)"
    return [Row(what, app_pdf, base, "s", "plain ReportLab, same text", "≤ 1.3×", app_pdf <= 1.3 * base),
            Row("the same, PDF and .docx", both, base, "s", "plain ReportLab, same text (PDF only)", "—", None)]


def _sha256sum(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run(["sha256sum", str(path)], check=True, capture_output=True)
    return time.perf_counter() - start


def bench_packets(sizes: Sizes, work: Path) -> list[Row]:
    from datetime import datetime

    from desktop_app.core.exchange.keys import VN_TZ, get_or_create_commune_key
    from desktop_app.core.exchange.packets import (
        PacketHeader,
        check_packet,
        write_packet,
    )
    from desktop_app.core.storage.secrets import InMemoryKeyring, SecretStore

    src = work / "evidence-src"
    src.mkdir()
    rng = random.Random(635)
    files = {}
    per_file = 4 * 1024 * 1024
    for i in range(max(1, sizes.packet_mb * 1024 * 1024 // per_file)):
        path = src / f"anh-{i:03d}.jpg"   # photos: already compressed, stored as they are
        path.write_bytes(rng.randbytes(per_file))
        files[f"evidence/{i // 10}/anh-{i:03d}.jpg"] = path
    concatenated = work / "all-evidence.bin"
    with open(concatenated, "wb") as out:
        for path in files.values():
            out.write(path.read_bytes())
    key = get_or_create_commune_key(SecretStore(InMemoryKeyring()), "02095")
    data = {"commune": {"code": "02095", "name": "Xã Quang Thuận"}, "round": {"number": 1, "version": 1},
            "nominees": [{"id": 1, "name": "Nguyễn Văn Đức", "kind": "individual"}]}
    header = PacketHeader("02095", "Xã Quang Thuận", 1, 1, 1, None)
    size = concatenated.stat().st_size
    _sha256sum(concatenated)  # warm
    base_src = min(_sha256sum(concatenated) for _ in range(3))
    written_times, check_times, packet_times = [], [], []
    for run in range(3):
        out = work / f"usb-{run}"
        out.mkdir()
        start = time.perf_counter()
        written = write_packet(out, files=files, data=data, header=header, key=key,
                               now=datetime(2026, 3, 9, 9, 0, tzinfo=VN_TZ))
        written_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        check = check_packet(written.path)
        check_times.append(time.perf_counter() - start)
        assert check.is_valid
        packet_times.append(_sha256sum(written.path))
    mb = size / 1e6
    export, verify = mb / min(written_times), written.size / 1e6 / min(check_times)
    base_export, base_verify = mb / base_src, written.size / 1e6 / min(packet_times)
    return [Row(f"packet export incl. read-back ({sizes.packet_mb} MB of evidence)", export, base_export, "MB/s",
                "sha256sum over the evidence bytes", "—", None),
            Row("packet verification", verify, base_verify, "MB/s", "sha256sum over the packet file",
                "≥ 0.8×", verify >= 0.8 * base_verify)]


def _rss(args: list[str]) -> dict:
    import json

    r = subprocess.run([sys.executable, str(CHILD), *args], capture_output=True, env=env(), cwd=ROOT, timeout=600)
    if r.returncode != 0:
        raise RuntimeError(r.stderr.decode(errors="replace")[-2000:])
    return json.loads(r.stdout.decode().strip().splitlines()[-1])


def bench_memory(sizes: Sizes, data: Path) -> list[Row]:
    empty = statistics.median(_rss(["rss-empty"])["shown"] for _ in range(3)) / 1024
    app = _rss(["rss-app", str(data)])
    assert app["total"] == sizes.participants and app["fetched"] == sizes.participants, app
    shown, all_rows = app["shown"] / 1024, app["all_rows"] / 1024
    return [Row(f"peak RSS, register of {sizes.participants:,} shown", shown, empty, "MB",
                "empty PySide6 QMainWindow", "≤ +80 MB", shown <= empty + 80, "+"),
            Row("peak RSS, scrolled to the last row (all fetched)", all_rows, empty, "MB",
                "empty PySide6 QMainWindow", "≤ +80 MB", all_rows <= empty + 80, "+")]


def bench_start_checks(data: Path) -> list[str]:
    """Extra facts for docs/performance.md: what the start-up checks cost on the big database."""
    from desktop_app.core.storage import snapshots
    from desktop_app.core.storage.paths import workspace_for

    from desktop_app.core.storage import health

    ws = workspace_for(data)
    start = time.perf_counter()
    snapshots.check_database(ws.database)
    check = time.perf_counter() - start
    start = time.perf_counter()
    snapshots.check_database(ws.database, deep=False)
    app_check = time.perf_counter() - start
    start = time.perf_counter()
    health.check_folder(ws)
    folder = time.perf_counter() - start
    start = time.perf_counter()
    copy = snapshots.take_automatic_backup(ws, snapshots.IMPORT)
    copy_time = time.perf_counter() - start
    size = ws.database.stat().st_size / 1e6
    copy.unlink()
    return [f"database file: {size:.0f} MB; start-up check: {check * 1000:.0f} ms (of which the app's own — schema "
            f"and JSON cells — {app_check * 1000:.0f} ms; quick_check the rest); folder check (probe write + fsync): "
            f"{folder * 1000:.0f} ms; automatic backup (copy + check): {copy_time * 1000:.0f} ms"]


# ----- output ---------------------------------------------------------------------------------------

def bench_durability(sizes: Sizes, work: Path) -> list[Row]:
    """What the power-cut settings cost (issue 10): a participant save and a draft write with the app's settings
    (synchronous=FULL, a checkpoint after every commit) against the same with the settings before
    (synchronous=NORMAL, checkpoint every 1,000 pages) — same machine, same run, interleaved."""
    from desktop_app.core.register.communes import save_commune_settings
    from desktop_app.core.register.participants import save_participant
    from desktop_app.core.storage import database, drafts

    n = 40 if sizes is QUICK else 300
    settings = {"app": dict(database.PRAGMAS),
                "before": dict(database.PRAGMAS, synchronous="normal", wal_autocheckpoint=1000)}
    sessions = {}
    for name, pragmas in settings.items():
        saved = dict(database.PRAGMAS)
        database.PRAGMAS.clear()
        database.PRAGMAS.update(pragmas)
        try:
            ws = open_bench_workspace(work / f"durability-{name}")
        finally:
            database.PRAGMAS.clear()
            database.PRAGMAS.update(saved)
        save_commune_settings(ws, {"name": "Xã Thượng Quan", "admin_code": "02095", "province": "Thái Nguyên",
                                   "receiving_authority": "Sở Nội vụ", "receiving_level": "so_noi_vu",
                                   "chairman_name": "Hoàng Văn Thắng", "doc_prefix": "UBND"})
        sessions[name] = ws
    times = {(name, what): [] for name in settings for what in ("save", "draft")}
    rng = random.Random(10)
    for i in range(n):
        for name, ws in sessions.items():
            ws.activate()
            values = {"kind": "individual", "category": "nguoi_dan", "gender": "nu",
                      "name": f"{rng.choice(FAMILY)} Thị {rng.choice(GIVEN)} {i}", "note": "Ghi chú. " * 40}
            t = time.perf_counter()
            drafts.save_draft(ws, "participant:new:individual", "Thêm cá nhân", {"values": values})
            times[(name, "draft")].append(time.perf_counter() - t)
            t = time.perf_counter()
            save_participant(ws, values)
            times[(name, "save")].append(time.perf_counter() - t)
    for ws in sessions.values():
        ws.close()
    med = {key: statistics.median(v) * 1000 for key, v in times.items()}
    return [
        Row("save a participant, durable (synchronous=FULL, checkpoint each commit), median",
            med[("app", "save")], med[("before", "save")], "ms", "synchronous=NORMAL (before issue 10)",
            "—", None),
        Row("write a draft (every second of typing), durable, median", med[("app", "draft")],
            med[("before", "draft")], "ms", "synchronous=NORMAL (before issue 10)", "—", None),
    ]


def machine() -> str:
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal"))
        ram = f"{mem / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        ram = "? RAM"
    return f"{os.cpu_count()} CPUs ({cpu}), {ram}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def fmt(value: float, unit: str) -> str:
    if unit == "s":
        return f"{value:.2f} s"
    if unit in ("ms",):
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    return f"{value:.0f} {unit}"


def print_table(rows: list[Row], notes: list[str], sizes_name: str) -> None:
    print(f"\nSổ Thi đua benchmarks ({sizes_name}) — {machine()}\n")
    header = ("measure", "this app", "baseline", "ratio", "target", "met")
    table = [header]
    for r in rows:
        ratio = (f"{r.value / r.baseline:.2f}×" if r.baseline else "—") if r.ratio_kind == "x" \
            else f"+{r.value - r.baseline:.0f} {r.unit}"
        met = "—" if r.ok is None else ("yes" if r.ok else "NO")
        table.append((r.what, fmt(r.value, r.unit), f"{fmt(r.baseline, r.unit)} ({r.baseline_name})", ratio,
                      r.target, met))
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    for i, row in enumerate(table):
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths)))
        if i == 0:
            print("-+-".join("-" * w for w in widths))
    for note in notes:
        print(f"\nnote: {note}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes (CI)")
    parser.add_argument("--keep", metavar="DIR", help="build the data here and keep it (default: a temp folder)")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="sothidua-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        t0 = time.perf_counter()
        data = work / "search-ws"
        if not (data / "sothidua.sqlite3").exists():
            build_search_database(data, sizes)
        notes = [f"search database built in {time.perf_counter() - t0:.0f} s"]
        rows = [bench_start(sizes, work)]
        rows += bench_search(sizes, data)
        rows += bench_documents(sizes)
        rows += bench_packets(sizes, work)
        rows += bench_memory(sizes, data)
        rows += bench_durability(sizes, work)
        notes += bench_start_checks(data)
        print_table(rows, notes, "quick sizes" if args.quick else "full size")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
