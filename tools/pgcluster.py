"""A throwaway local PostgreSQL server for the tests (issue 16): initdb in a temporary folder, started on a free port
of 127.0.0.1, stopped and removed at the end. Standard library only (tasks.py imports it before the venv exists).

    python tools/pgcluster.py run -- CMD ARGS…   start a cluster, run CMD with SOTHIDUA_TEST_POSTGRES set, stop it

SOTHIDUA_TEST_POSTGRES is the superuser's URL (postgresql://postgres@127.0.0.1:PORT/postgres, no password: the
superuser may connect only from this machine; every other role signs in with its password). When no cluster can be
started, SOTHIDUA_TEST_POSTGRES_SKIP says why, and the PostgreSQL tests are reported skipped with that reason.
As root (CI) the server runs as the Debian package's `postgres` user, since PostgreSQL refuses to run as root.
"""
from __future__ import annotations

import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import pwd  # POSIX only: the 'postgres' user when running as root
except ImportError:  # pragma: no cover (Windows)
    pwd = None

URL_ENV = "SOTHIDUA_TEST_POSTGRES"
SKIP_ENV = "SOTHIDUA_TEST_POSTGRES_SKIP"


class Unavailable(Exception):
    """No PostgreSQL server can be started here (the reason is the message)."""


def _bindir() -> Path:
    for candidate in [os.environ.get("PG_BINDIR", "")] + sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if candidate and (Path(candidate) / "initdb").exists():
            return Path(candidate)
    found = shutil.which("initdb")
    if found:
        return Path(found).resolve().parent
    raise Unavailable("initdb not found (Debian package 'postgresql' not installed)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self) -> None:
        self.bindir = _bindir()
        self.root = Path(tempfile.mkdtemp(prefix="sothidua-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_user: list[str] = []
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            runuser = shutil.which("runuser")
            if not runuser:
                raise Unavailable("running as root without runuser")
            try:
                pw = pwd.getpwnam("postgres")
            except (KeyError, AttributeError) as exc:
                raise Unavailable("running as root and there is no 'postgres' user") from exc
            os.chown(self.root, pw.pw_uid, pw.pw_gid)
            self.as_user = [runuser, "-u", "postgres", "--"]

    @property
    def url(self) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/postgres"

    def _run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*self.as_user, *args], capture_output=True, text=True, timeout=120)

    def start(self) -> "Cluster":
        r = self._run(str(self.bindir / "initdb"), "-D", str(self.data), "-U", "postgres", "-E", "UTF8",
                      "--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync")
        if r.returncode != 0:
            raise Unavailable(f"initdb failed: {r.stderr.strip()[-300:]}")
        # The superuser connects without a password from this machine only; every officer's role needs its password.
        hba = self.data / "pg_hba.conf"
        lines = ["local all all trust", "host all postgres 127.0.0.1/32 trust",
                 "host all all 127.0.0.1/32 scram-sha-256"]
        hba.write_text("\n".join(lines) + "\n")
        with open(self.data / "postgresql.conf", "a") as conf:
            # A test server: durability is not what is tested, speed on 2 shared cores is.
            conf.write(f"\nlisten_addresses = '127.0.0.1'\nport = {self.port}\n"
                       f"unix_socket_directories = '{self.root}'\nfsync = off\nsynchronous_commit = off\n"
                       "full_page_writes = off\nmax_connections = 60\nshared_buffers = 32MB\n")
        r = self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.root / "server.log"),
                      "-w", "-t", "60", "start")
        if r.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace")[-500:] if (self.root / "server.log").exists() else ""
            raise Unavailable(f"pg_ctl start failed: {r.stderr.strip()[-300:]} {log}")
        for _ in range(50):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        return self

    def stop(self) -> None:
        try:
            self._run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start() -> Cluster:
    cluster = Cluster()
    try:
        return cluster.start()
    except BaseException:
        cluster.stop()
        raise


def run(command: list[str]) -> int:
    """Run `command` with a cluster started for it (or with the reason none could be)."""
    env = dict(os.environ)
    cluster = None
    if not env.get(URL_ENV):
        try:
            cluster = start()
            env[URL_ENV] = cluster.url
            print(f"PostgreSQL for the tests: {cluster.url} ({cluster.bindir})", flush=True)
        except Unavailable as exc:
            env[SKIP_ENV] = str(exc)
            print(f"PostgreSQL tests will be skipped: {exc}", flush=True)
    child = None

    def _stop(signum, _frame):
        # Killed (CI's timeout, Ctrl+C, a terminal closed): stop the tests, then the server — never leave it running.
        if child is not None and child.poll() is None:
            child.terminate()
        raise SystemExit(128 + signum)

    previous = {}
    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        if hasattr(signal, name):
            try:
                previous[name] = signal.signal(getattr(signal, name), _stop)
            except ValueError:  # not the main thread: the caller handles its own signals
                pass
    try:
        child = subprocess.Popen(command, env=env)
        return child.wait()
    finally:
        if child is not None and child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
        if cluster is not None:
            cluster.stop()
        for name, handler in previous.items():
            signal.signal(getattr(signal, name), handler)


if __name__ == "__main__":
    args = sys.argv[1:]
    if len(args) < 2 or args[0] != "run" or "--" not in args:
        print(__doc__)
        raise SystemExit(2)
    raise SystemExit(run(args[args.index("--") + 1:]))
