"""Set-up and the two everyday commands, the same on Windows and Linux (Python 3.11+ is all you need).

    python tasks.py start [ARGS]   create .venv if needed, install the app, start it (demo commune if no data)
    python tasks.py test [ARGS]    create .venv if needed, install the app and test tools, run the whole test suite
    python tasks.py bundle         build the one-folder PyInstaller bundle into dist/SoThiDua
"""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
# Debian packages the tests use: PDF tools, Qt's runtime libraries, a virtual screen, a real keyring.
DEBIAN_PACKAGES = [
    "poppler-utils", "openssl", "xvfb", "xauth", "dbus", "gnome-keyring", "libgl1", "libegl1", "libfontconfig1",
    "libxkbcommon0", "libxkbcommon-x11-0", "libdbus-1-3", "libglib2.0-0", "libxcb-icccm4", "libxcb-keysyms1",
    "libxcb-image0", "libxcb-render-util0", "libxcb-xkb1", "libxcb-cursor0", "libxcb-randr0", "libxcb-shape0",
    "libxcb-xinerama0", "binutils",  # binutils: objdump/strip for the PyInstaller bundle
    "libreoffice-calc-nogui",  # the tests open exported .xlsx files in LibreOffice headless
    "softhsm2", "libnss3-tools",  # a real PKCS#11 token for the signing tests; certutil gives pdfsig its trust roots
    "fuse3", "libfuse3-3",  # the power-cut test's recording filesystem (tests/powercut/)
    "postgresql",  # the receiving level's server: tests start a throwaway cluster (tools/pgcluster.py)
]


def venv_python() -> Path:
    return VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def ensure_venv(requirements: str) -> Path:
    """Create .venv and install `requirements` into it, skipping pip when nothing changed since last time."""
    if not venv_python().exists():
        print(f"Creating {VENV} …", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    req = ROOT / requirements
    digest = hashlib.sha256(b"".join((ROOT / f).read_bytes() for f in ("requirements.txt", requirements))).hexdigest()
    stamp = VENV / f".installed-{req.stem}"
    if not stamp.exists() or stamp.read_text() != digest:
        print(f"Installing {requirements} …", flush=True)
        subprocess.run([str(venv_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q",
                        "-r", str(req)], check=True)
        stamp.write_text(digest)
    return venv_python()


def ensure_debian_packages() -> None:
    """On Debian/Ubuntu as root, install what the tests need; elsewhere say what is missing."""
    if not sys.platform.startswith("linux") or not shutil.which("dpkg-query"):
        return
    missing = [p for p in DEBIAN_PACKAGES if subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True).stdout.strip() != "install ok installed"]
    if not missing:
        return
    if os.geteuid() != 0:
        print("Missing Debian packages (install them with sudo apt-get install): " + " ".join(missing), flush=True)
        return
    print("Installing Debian packages: " + " ".join(missing), flush=True)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(["apt-get", "install", "-y", "-qq", *missing], check=True, env=env)


def start(args: list[str]) -> int:
    python = ensure_venv("requirements.txt")
    return subprocess.call([str(python), str(ROOT / "main.py"), "--demo-if-empty", *args])


def test(args: list[str]) -> int:
    """The whole suite; the receiving and migration tests also run against a real PostgreSQL server started here
    in a temporary folder and stopped at the end (tools/pgcluster.py; skipped with the reason where none starts)."""
    ensure_debian_packages()
    python = ensure_venv("requirements-dev.txt")
    sys.path.insert(0, str(ROOT / "tools"))
    import pgcluster  # noqa: PLC0415 (tools/ is not a package; standard library only)

    os.chdir(ROOT)
    return pgcluster.run([str(python), "-m", "pytest", *args])


def bundle(args: list[str]) -> int:
    ensure_debian_packages()
    python = ensure_venv("requirements-dev.txt")
    return subprocess.call([str(python), "-m", "PyInstaller", "--noconfirm", "--clean", "installer.spec", *args],
                           cwd=ROOT)


if __name__ == "__main__":
    commands = {"start": start, "test": test, "bundle": bundle}
    if len(sys.argv) < 2 or sys.argv[1] not in commands:
        print(__doc__)
        raise SystemExit(2)
    raise SystemExit(commands[sys.argv[1]](sys.argv[2:]))
