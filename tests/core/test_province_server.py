"""The receiving level on a real PostgreSQL server (issue 16): officers as their own roles, what a role may do decided
by the database's grants, three officers' processes importing, reviewing and returning at once — no duplicates, every
action logged with its role, a reviewer cannot decide, the return packets verify with sha256sum and openssl.
Skipped, with the reason, only where no PostgreSQL server can be started (tests/conftest.py)."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
import zipfile
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.errors import UserError
from desktop_app.core.exchange import receiving, return_intake, returns
from desktop_app.core.exchange.keys import KEY_ENTRY, get_or_create_commune_key
from desktop_app.core.exchange.receiving import review as rv
from desktop_app.core.nominations import rounds
from desktop_app.core.storage import engines
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.models import Award, AwardDecision
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.vocabulary import AWARDED, RESULT_SENT, SUPERSEDED
from desktop_app.core.workspace import open_workspace

from ..conftest import server_url
from .test_exports import opened
from .test_province_review import pdf_file
from .test_receiving import packets, store  # noqa: F401 (fixtures)
from .test_receiving_isolation import other_commune_packet

ROOT = Path(__file__).resolve().parents[2]
OFFICERS = {"can_bo_nhap": ["import"], "can_bo_tham_dinh": ["review"], "can_bo_quyet_dinh": ["decide"]}
PASSWORD = "mật-khẩu-thử"


def officer_url(admin_url: str, login: str, password: str | None = None) -> str:
    """The same database, signed in as `login` (password given apart, from the keyring, unless set here)."""
    return server_url(admin_url, admin_url.rsplit("/", 1)[1], login, password)


@pytest.fixture
def province(postgres_url, tmp_path, store):  # noqa: F811
    """The Sở Nội vụ's database as its administrator made it: the receiving workspace, three officers' roles, the
    communes' keys trusted (compared on paper), the province's own key."""
    with opened(tmp_path / "shared", store, database=postgres_url) as admin:
        receiving.make_receiver_workspace(admin)
        for login, duties in OFFICERS.items():
            rv.create_officer_login(admin, login, PASSWORD, duties, full_name=login.replace("_", " "))
        yield admin


def verify_with_stock_tools(zip_path: Path, folder: Path, fingerprint: str) -> None:
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(folder)
    [top] = list(folder.iterdir())
    sums = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=top, capture_output=True, text=True)
    assert sums.returncode == 0 and "FAILED" not in sums.stdout, sums.stdout + sums.stderr
    sig = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "signer.pem", "-rawin", "-in",
                          "SHA256SUMS", "-sigfile", "SHA256SUMS.sig"], cwd=top, capture_output=True, text=True)
    assert "Signature Verified Successfully" in sig.stdout, sig.stdout + sig.stderr
    der = subprocess.run(["openssl", "pkey", "-pubin", "-in", "signer.pem", "-outform", "DER"], cwd=top,
                         capture_output=True, check=True).stdout
    assert hashlib.sha256(der).hexdigest() == fingerprint


def test_an_officer_signs_in_with_the_password_from_the_keyring(province, postgres_url, tmp_path):
    url = officer_url(postgres_url, "can_bo_tham_dinh")
    assert not engines.has_password(url)
    secrets = SecretStore(InMemoryKeyring())
    with pytest.raises(UserError, match="Không kết nối được"):       # no password in the keyring yet
        open_workspace(tmp_path / "shared", secrets=secrets, database=url)
    secrets.set(engines.password_key(url), "sai")
    with pytest.raises(UserError, match="Không kết nối được"):
        open_workspace(tmp_path / "shared", secrets=secrets, database=url)
    secrets.set(engines.password_key(url), PASSWORD)
    session = open_workspace(tmp_path / "shared", secrets=secrets, database=url)
    try:
        assert rv.actor(session) == "can_bo_tham_dinh"
        assert PASSWORD not in engines.redact(session.db.database)
    finally:
        session.close()


def test_what_a_role_may_do_is_decided_by_the_database(province, packets, postgres_url, tmp_path):  # noqa: F811
    fp = packets["p1"].signer_fingerprint
    done = receiving.receive_packet(province, packets["p1"].path, trust_fingerprint=fp)
    [review] = rv.reviews_of_commune(province, "02095")
    pdf = pdf_file(tmp_path / "scan")
    sessions = {}
    try:
        for login in OFFICERS:
            sessions[login] = open_workspace(tmp_path / "shared", secrets=SecretStore(InMemoryKeyring()),
                                             database=officer_url(postgres_url, login, PASSWORD))
        importer, reviewer, decider = (sessions[k] for k in OFFICERS)
        # the importer cannot review; the reviewer can
        with pytest.raises(UserError, match="không có quyền"):
            rv.start_review(importer.activate(), review.id)
        rv.start_review(reviewer.activate(), review.id)
        rv.mark_ready(reviewer, review.id)
        outcomes = {n.id: (AWARDED, "") for n in rounds.nominees_of(reviewer, done.record.round_id)}
        # a reviewer's role cannot decide — neither through the app nor by writing the tables itself
        with pytest.raises(UserError, match="không có quyền"):
            rv.record_decision(reviewer, review.id, number="1/QĐ-UBND", decided_on=date(2026, 3, 2), signer="A",
                               signer_title="CHỦ TỊCH", outcomes=outcomes, decision_pdf=pdf)
        for statement in ("INSERT INTO round_decision (review_id, number, decided_on, signer, created_at) "
                          f"VALUES ({review.id}, '1', '2026-03-02', 'A', '')",
                          f"UPDATE round_review SET state = 'da_co_quyet_dinh' WHERE id = {review.id}",
                          "UPDATE audit_log SET actor = 'someone'", "DELETE FROM audit_log",
                          "TRUNCATE audit_log"):
            with pytest.raises(Exception) as err:
                with reviewer.write():
                    reviewer.db.execute_sql(statement)
            assert "permission denied" in str(err.value) or "needs its decision" in str(err.value), statement
        # who wrote a line is the server's to say
        with reviewer.write():
            reviewer.db.execute_sql("INSERT INTO audit_log (at, actor, action) VALUES ('1999', 'can_bo_quyet_dinh', 'x')")
        forged = [a for a in rv.audit_log(reviewer) if a.action == "x"]
        assert [a.actor for a in forged] == ["can_bo_tham_dinh"] and forged[0].at != "1999"
        decision = rv.record_decision(decider.activate(), review.id, number="1/QĐ-UBND", decided_on=date(2026, 3, 2),
                                      signer="Trịnh Việt Hùng", signer_title="CHỦ TỊCH", outcomes=outcomes,
                                      decision_pdf=pdf)
        assert decision.created_by == "can_bo_quyet_dinh"
        actors = {a.action: a.actor for a in rv.audit_log(decider)}
        assert actors["import"] == "postgres" and actors["state:dang_tham_dinh"] == "can_bo_tham_dinh"
        assert actors["decision"] == "can_bo_quyet_dinh"
    finally:
        for s in sessions.values():
            s.close()
        province.activate()


def test_three_officers_import_review_and_return_at_once(province, packets, postgres_url, store, tmp_path):  # noqa: F811
    """Done means (issue 16): separate processes, separate roles, at the same time, on the real server."""
    out = tmp_path / "out"
    out.mkdir()
    pdf_file(out).rename(out / "decision.pdf")
    key = returns.province_key(province)
    all_packets = [packets["p1"].path, packets["p2"].path, packets["p3"].path]
    for code in ("02096", "02097", "02098"):
        written, ckey = other_commune_packet(tmp_path, store, code)
        all_packets.append(written.path)
        receiving.trust_key(province, code, ckey.fingerprint, trusted_by="giấy")
    receiving.trust_key(province, "02095", packets["p1"].signer_fingerprint, trusted_by="giấy")
    env = dict(os.environ, PGPASSWORD=PASSWORD,
               SOTHIDUA_TEST_PROVINCE_KEY=province.secrets.get(KEY_ENTRY.format(code="SNV")))

    def start(login: str, duty: str, paths=()):
        url = officer_url(postgres_url, login)
        return subprocess.Popen([sys.executable, "-m", "tests.core.province_officer", duty, url,
                                 str(tmp_path / "shared"), str(out), *map(str, paths)],
                                cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    started = time.monotonic()
    procs = {"import-1": start("can_bo_nhap", "import", all_packets),
             "import-2": start("can_bo_nhap", "import", list(reversed(all_packets[3:])) + all_packets[:3]),
             "review": start("can_bo_tham_dinh", "review"), "decide": start("can_bo_quyet_dinh", "decide")}
    for name in ("import-1", "import-2"):
        stdout, stderr = procs[name].communicate(timeout=300)
        assert procs[name].returncode == 0, stdout + stderr
    (out / "stop-review").touch()
    stdout, stderr = procs["review"].communicate(timeout=300)
    assert procs["review"].returncode == 0, stdout + stderr
    (out / "stop-decide").touch()
    stdout, stderr = procs["decide"].communicate(timeout=300)
    assert procs["decide"].returncode == 0, stdout + stderr
    print(f"three officers' processes: {time.monotonic() - started:.1f} s")

    province.activate()
    records = receiving.received_packets(province)
    accepted = Counter((r.commune_code, r.packet_id) for r in records if r.outcome in receiving.ACCEPTED_OUTCOMES)
    assert len(accepted) == 6 and set(accepted.values()) == {1}, accepted          # no packet twice
    assert Counter(r.outcome for r in records)[receiving.DUPLICATE_OUTCOME] == 6    # the other importer's copies
    seqs = sorted(r.sequence for r in records if r.commune_code == "02095" and r.outcome in receiving.ACCEPTED_OUTCOMES)
    assert seqs == [1, 2, 3]                                                         # the commune's order kept
    imported = receiving.imported_rounds(province)
    assert len(imported) == len({r.uid for r in imported}) == 5                     # 02095 v1, v2 + three communes
    live = [r for r in imported if r.status != SUPERSEDED]
    for r in live:
        review = rv.review_of_round(province, r.id)
        assert review.state == RESULT_SENT, (r.commune.admin_code, review.state)
        kinds = [p.kind for p in returns.returns_of(province, review.id)]
        assert kinds.count("quyet_dinh") == 1, kinds
    # every action logged with its role
    log = rv.audit_log(province)
    by_action = {}
    for a in log:
        by_action.setdefault(a.action.split(":")[0], set()).add(a.actor)
    assert by_action["import"] == {"can_bo_nhap"}
    assert by_action["decision"] == {"can_bo_quyet_dinh"}
    assert {a.actor for a in log if a.action == "state:dang_tham_dinh"} == {"can_bo_tham_dinh"}
    assert {a.actor for a in log if a.action == "return:bo_sung"} == {"can_bo_tham_dinh"}
    # the return packets: one sequence per commune without gaps, each verified with stock tools and by the reader
    all_returns = [p for r in imported for p in returns.returns_of(province, rv.review_of_round(province, r.id).id)]
    per_commune = Counter(p.commune_code for p in all_returns)
    for code, n in per_commune.items():
        assert sorted(p.sequence for p in all_returns if p.commune_code == code) == list(range(1, n + 1))
    for i, p in enumerate(all_returns):
        verify_with_stock_tools(out / p.file_name, tmp_path / f"check-{i}", key.fingerprint)
        check = returns.verify_return_packet(out / p.file_name, key.fingerprint)
        assert check.manifest["packet_id"] == p.packet_id and check.manifest["sequence"] == p.sequence
    # ...and the demo commune imports its own, each exactly once (read twice from the stick: nothing doubles).
    mine = sorted((p for p in all_returns if p.commune_code == "02095"), key=lambda p: p.sequence)
    with opened(tmp_path / "commune", store) as commune:
        results = [return_intake.import_return_packet(commune, out / p.file_name, trust_fingerprint=key.fingerprint)
                   for p in mine]
        assert [r.duplicate for r in results] == [False] * len(mine) and results[-1].kind == "quyet_dinh"
        awards = Award.select().count()
        assert all(return_intake.import_return_packet(commune, out / p.file_name).duplicate for p in mine)
        assert Award.select().count() == awards
        from_packets = AwardDecision.select().where(AwardDecision.source == "return_packet")
        # a decision per decision packet (the round decided before its correction arrived has its own)
        assert from_packets.count() == sum(1 for p in mine if p.kind == "quyet_dinh")
    province.activate()


def test_the_migrations_on_the_server(postgres_server, tmp_path):
    """A fresh database gets every migration once even when three processes open it at the same moment; a database
    migrated by a newer program is refused untouched; earlier versions with data migrate up."""
    import psycopg  # noqa: PLC0415

    from desktop_app.core.storage.database import discover_migrations, latest_version

    name = f"m_{os.getpid()}_{int(time.time())}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = server_url(postgres_server, name)
    code = ("import sys; from desktop_app.core.workspace import open_workspace; "
            "from desktop_app.core.storage.memory_keyring import InMemoryKeyring; "
            "from desktop_app.core.storage.secrets import SecretStore; "
            "s = open_workspace(sys.argv[1], secrets=SecretStore(InMemoryKeyring()), database=sys.argv[2]); "
            "print(s.db.execute_sql('SELECT count(*) FROM campaign').fetchone()[0]); s.close()")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(tmp_path / f"ws{i}"), url], cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(3)]
    results = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), results
    assert len({out.strip() for out, _ in results}) == 1 and int(results[0][0]) > 0   # campaigns synced once
    db = engines.connect_postgres(url)
    try:
        versions = [r[0] for r in db.execute_sql("SELECT version FROM schema_migration ORDER BY version")]
        assert versions == [n for n, _ in discover_migrations()] and versions[-1] == latest_version()
        db.execute_sql("INSERT INTO schema_migration (version) VALUES (%s)", (latest_version() + 1,))
    finally:
        db.close()
    with pytest.raises(UserError, match="mới hơn"):
        open_workspace(tmp_path / "ws", secrets=SecretStore(InMemoryKeyring()), database=url)
    # from every earlier version, with rows written then, up to the latest
    steps = discover_migrations()
    for stop in (3, 5, 8):
        name2 = f"{name}_{stop}"
        with psycopg.connect(postgres_server, autocommit=True) as conn:
            conn.execute(f"CREATE DATABASE {name2}")
        db = engines.connect_postgres(server_url(postgres_server, name2))
        try:
            engines.migrate_postgres(db, steps, target=stop)
            db.execute_sql("INSERT INTO commune (uid, name, is_home, created_at, updated_at) VALUES ('c', 'X', 0, '', '')")
            db.execute_sql("INSERT INTO participant (uid, commune_id, kind, category, name, sort_key, search_text, "
                           "created_at, updated_at) VALUES ('p', 1, 'individual', 'can_bo', 'Đức', 'x', ' ', '', '')")
            db.execute_sql("INSERT INTO campaign (code, number, title, data) VALUES ('k', '1', 'T', '{}')")
            db.execute_sql("INSERT INTO award (uid, commune_id, participant_id, category, code, name, year, award_type, "
                           "created_at) VALUES ('a', 1, 1, 'hinh_thuc', %s, 'GK', 2025, 'chuyen_de', '')",
                           ("GIAY_KHEN" if stop < 6 else "giay_khen",))
            applied = engines.migrate_postgres(db, steps)
            assert applied == [n for n, _ in steps if n > stop]
            assert db.execute_sql("SELECT code FROM award").fetchone()[0] == "giay_khen"
            sort_key = db.execute_sql("SELECT sort_key FROM participant").fetchone()[0]
            assert (sort_key == "x") == (stop >= 4)     # 0004 recomputed the keys of rows written before it
            with pytest.raises(Exception, match="check|violates"):   # the vocabulary's codes, enforced
                with db.atomic():
                    db.execute_sql("UPDATE participant SET category = 'khong_co'")
        finally:
            db.close()


def test_the_two_commands_on_the_server_pc(postgres_server, packets, tmp_path):  # noqa: F811
    """README: create the database, then start the app pointing at it; officers added with their duties; the
    dashboard exported as .xlsx; a dry run of a packet."""
    import openpyxl  # noqa: PLC0415

    url = server_url(postgres_server, f"snv_{os.getpid()}_{int(time.time())}")
    shared = tmp_path / "shared"

    def cli(*args, stdin=""):
        return subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args), "--database", url,
                               "--data-dir", str(shared)], input=stdin, capture_output=True, text=True, cwd=ROOT,
                              timeout=180)

    created = cli("receiving-db", "create", "--province-code", "SNV-TN", "--province-name", "Sở Nội vụ tỉnh Thái Nguyên")
    assert created.returncode == 0 and "Đã tạo cơ sở dữ liệu" in created.stdout, created.stdout + created.stderr
    again = cli("receiving-db", "create")   # idempotent: the database is there, nothing to migrate
    assert again.returncode == 0 and "Đã tạo" not in again.stdout, again.stdout + again.stderr
    added = cli("receiving-db", "add-officer", "can_bo_moi", "--duty", "import", "--duty", "review",
                "--name", "Lê Văn Mới", stdin="pw-1\npw-1\n")
    assert added.returncode == 0, added.stdout + added.stderr
    assigned = cli("receiving-db", "assign", "can_bo_moi", "--commune", "02095")
    assert assigned.returncode == 0, assigned.stdout + assigned.stderr
    preview = cli("preview", packets["p1"].path)
    assert preview.returncode == 1 and "chưa được tin cậy" in preview.stdout, preview.stdout + preview.stderr
    received = cli("receive", packets["p1"].path, "--trust-fingerprint", packets["p1"].signer_fingerprint)
    assert received.returncode == 0, received.stdout + received.stderr
    export = cli("dashboard", "--xlsx", tmp_path / "theo-doi.xlsx")
    assert export.returncode == 0, export.stdout + export.stderr
    sheet = openpyxl.load_workbook(tmp_path / "theo-doi.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Mã xã" and rows[1][0] == "02095" and rows[1][4] == 1 and rows[1][8] == "Lê Văn Mới"
    # the officer signs in as their own role, the password given to the keyring, never in a file
    officer = url.replace("//postgres@", "//can_bo_moi@")
    secrets = SecretStore(InMemoryKeyring())
    secrets.set(engines.password_key(officer), "pw-1")
    session = open_workspace(shared, secrets=secrets, database=officer)
    try:
        assert rv.my_commune_codes(session) == {"02095"} and rv.actor(session) == "can_bo_moi"
        assert not any("pw-1" in p.read_text(errors="ignore") for p in shared.rglob("*") if p.is_file())
    finally:
        session.close()
