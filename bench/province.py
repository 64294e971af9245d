"""The receiving level at province scale (issue 16): a year's packets imported by 4 importers on PostgreSQL against
the same packets imported by one importer on SQLite (same run, same machine), and the dashboard's first paint and
filter changes on the full year's data.

    python bench/province.py            92 communes × 5 rounds × 200 nominees, one evidence file each
    python bench/province.py --quick    6 communes × 2 rounds × 10 nominees (a check that the script runs)
    python bench/province.py --communes 24 --rounds 3 --nominees 50

Target (docs/performance.md): PostgreSQL with 4 importers ≤ 1.5 × (SQLite with one importer ÷ the speed-up the
hardware allows, min(4, cores)). A PostgreSQL server is started in a temporary folder (tools/pgcluster.py) unless
SOTHIDUA_TEST_POSTGRES names one.
"""
from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pgcluster  # noqa: E402

from desktop_app.core.exchange import receiving  # noqa: E402
from desktop_app.core.exchange.keys import get_or_create_commune_key  # noqa: E402
from desktop_app.core.exchange.packets import PacketHeader, write_packet  # noqa: E402
from desktop_app.core.storage.memory_keyring import InMemoryKeyring  # noqa: E402
from desktop_app.core.storage.secrets import SecretStore  # noqa: E402
from desktop_app.core.workspace import open_workspace  # noqa: E402

IMPORTER = """
import sys, time
sys.path.insert(0, {root!r})
from desktop_app.core.exchange import receiving
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.workspace import open_workspace
s = open_workspace(sys.argv[1], secrets=SecretStore(InMemoryKeyring()), database=sys.argv[2])
for p in sys.argv[3:]:
    r = receiving.receive_packet(s, p)
    assert r.outcome == "imported", (p, r.outcome, r.record.reason, r.record.detail)
s.close()
"""


def make_packets(folder: Path, communes: int, rounds: int, nominees: int, store: SecretStore) -> dict[str, list[Path]]:
    """Every commune's packets of the year, in order (round r = packet r of the commune), each nominee with an
    achievement-less evidence photo."""
    photo = folder / "anh.jpg"
    photo.parent.mkdir(parents=True, exist_ok=True)
    photo.write_bytes(os.urandom(40_000))
    out: dict[str, list[Path]] = {}
    for c in range(communes):
        code = f"{3000 + c:05d}"
        key = get_or_create_commune_key(store, code)
        previous = None
        for r in range(1, rounds + 1):
            people = [{"uid": f"{code}p{r:02d}{i:05d}".ljust(32, "0"), "kind": "individual", "category": "can_bo",
                       "name": f"Người số {i} xã {code}"} for i in range(nominees)]
            data = {"data_version": 1, "commune": {"uid": f"{code}c".ljust(32, "0"), "code": code,
                                                   "name": f"Xã {code}"},
                    "campaign": {"code": "KH-635", "title": "Chuyển đổi số"},
                    "round": {"uid": f"{code}r{r:02d}".ljust(32, "0"), "number": r, "version": 1},
                    "participants": people,
                    "nominees": [{"uid": f"{code}n{r:02d}{i:05d}".ljust(32, "0"), "participant_uid": p["uid"],
                                  "award_form": "giay_khen", "votes_for": 7, "votes_against": 0}
                                 for i, p in enumerate(people)],
                    "evidence": [{"uid": f"{code}e{r:02d}{i:05d}".ljust(32, "0"), "participant_uid": p["uid"],
                                  "path": f"evidence/{i}/anh.jpg", "original_name": "anh.jpg"}
                                 for i, p in enumerate(people)],
                    "checklists": [], "council_votes": []}
            files = {f"evidence/{i}/anh.jpg": photo for i in range(nominees)}
            target = folder / code
            target.mkdir(exist_ok=True)
            written = write_packet(target, files=files, data=data, key=key,
                                   header=PacketHeader(code, f"Xã {code}", r, 1, r, previous))
            previous = written.sha256
            out.setdefault(code, []).append(written.path)
    return out


def trust_all(session, packets: dict[str, list[Path]], store: SecretStore) -> None:
    receiving.make_receiver_workspace(session)
    for code in packets:
        receiving.trust_key(session, code, get_or_create_commune_key(store, code).fingerprint, trusted_by="bench")


def dashboard_timings(session) -> tuple[float, float]:
    """First paint of the review screen (built, shown, painted) and the p95 of a filter change, in ms."""
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 (Qt only for this measure)

    from desktop_app.ui.operations import OperationRunner  # noqa: PLC0415
    from desktop_app.ui.review_screen import ReviewScreen  # noqa: PLC0415

    app = QApplication.instance() or QApplication([])
    runner = OperationRunner(session)
    t = time.perf_counter()
    screen = ReviewScreen(runner)
    screen.resize(1136, 678)
    screen.show()
    app.processEvents()
    screen.grab()
    first = (time.perf_counter() - t) * 1000
    changes = []
    for text in ["30", "300", "3001", "", "Xã 30", "x", "3", ""] * 3:
        t = time.perf_counter()
        screen.search.setText(text)
        app.processEvents()
        changes.append((time.perf_counter() - t) * 1000)
    screen.close()
    runner.shutdown()
    return first, statistics.quantiles(changes, n=20)[-1]


def _exit_cleanly(signum, _frame):
    # Killed (a timeout, a closed terminal): leave through the finally blocks, which stop the PostgreSQL server.
    raise SystemExit(128 + signum)


def main() -> int:
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _exit_cleanly)
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--communes", type=int)
    parser.add_argument("--rounds", type=int)
    parser.add_argument("--nominees", type=int)
    parser.add_argument("--importers", type=int, default=4)
    args = parser.parse_args()
    communes, rounds, nominees = (6, 2, 10) if args.quick else (92, 5, 200)
    communes, rounds, nominees = args.communes or communes, args.rounds or rounds, args.nominees or nominees
    cores = os.cpu_count() or 1
    store = SecretStore(InMemoryKeyring())
    with tempfile.TemporaryDirectory(prefix="sothidua-province-") as tmp:
        tmp = Path(tmp)
        t = time.perf_counter()
        packets = make_packets(tmp / "packets", communes, rounds, nominees, store)
        print(f"{communes} communes × {rounds} rounds × {nominees} nominees: {communes * rounds} packets written in "
              f"{time.perf_counter() - t:.1f} s; {cores} cores", flush=True)
        in_order = [p for code in sorted(packets) for p in packets[code]]

        sqlite = open_workspace(tmp / "sqlite", secrets=store)
        trust_all(sqlite, packets, store)
        t = time.perf_counter()
        report = receiving.receive_many(sqlite, in_order)
        sqlite_s = time.perf_counter() - t
        assert report.count(receiving.IMPORTED) == len(in_order), report.summary()
        sqlite_dash = dashboard_timings(sqlite)
        sqlite.close()

        url = os.environ.get(pgcluster.URL_ENV)
        cluster = None if url else pgcluster.start()
        url = url or cluster.url
        try:
            import psycopg  # noqa: PLC0415

            name = f"bench_{os.getpid()}"
            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(f"CREATE DATABASE {name}")
            db_url = url.rsplit("/", 1)[0] + "/" + name
            pg = open_workspace(tmp / "shared", secrets=store, database=db_url)
            trust_all(pg, packets, store)
            codes = sorted(packets)
            shares = [codes[i::args.importers] for i in range(args.importers)]
            t = time.perf_counter()
            procs = [subprocess.Popen([sys.executable, "-c", IMPORTER.format(root=str(ROOT)), str(tmp / "shared"),
                                       db_url, *[str(p) for code in share for p in packets[code]]])
                     for share in shares if share]
            assert all(p.wait() == 0 for p in procs)
            pg_s = time.perf_counter() - t
            pg.activate()
            imported = len(receiving.imported_rounds(pg))
            assert imported == len(in_order), imported
            pg_dash = dashboard_timings(pg)
            pg.close()
        finally:
            if cluster is not None:
                cluster.stop()
    speedup = min(args.importers, cores)
    allowed = 1.5 * sqlite_s / speedup
    print("what | value | baseline | ratio | target")
    print(f"year's import, PostgreSQL, {args.importers} importers | {pg_s:.1f} s | SQLite, 1 importer: "
          f"{sqlite_s:.1f} s | {pg_s / sqlite_s:.2f}× | ≤ 1.5 × {sqlite_s:.1f} s ÷ {speedup} = {allowed:.1f} s: "
          f"{'met' if pg_s <= allowed else 'NOT met'}")
    for engine, (first, p95) in (("SQLite", sqlite_dash), ("PostgreSQL", pg_dash)):
        print(f"dashboard of {communes} communes, {engine}: first paint | {first:.0f} ms | — | — | ≤ 300 ms: "
              f"{'met' if first <= 300 else 'NOT met'}")
        print(f"dashboard filter change p95, {engine} | {p95:.1f} ms | — | — | ≤ 50 ms: "
              f"{'met' if p95 <= 50 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
