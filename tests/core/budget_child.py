"""A process that reads or receives packets under the issue-11 budget, for tests/core/budget.py.

    python tests/core/budget_child.py JOB.json

The job says what to do with each file ("check": check_packet without trust, "verify": check_packet with the
trusted fingerprints, "receive": receive_packet into a receiving workspace that trusts them, "batch":
receive_many over all files). After everything is imported and the workspace is open (the idle process), the
address space is capped at the idle size + the budget (RLIMIT_AS) and CPU time is limited (RLIMIT_CPU), so an
input that needs more fails here instead of passing unnoticed. For each case one JSON line: verdict, reason,
outcome, the peak RSS above the idle RSS (VmHWM, reset before each case through /proc/self/clear_refs) and the
wall and CPU time.
"""
from __future__ import annotations

import json
import resource
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
MB = 1024 * 1024


def status(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(field)


def reset_peak() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # resets VmHWM to the current RSS (Linux ≥ 4.0)
    except OSError:
        pass


def written() -> int:
    """Bytes this process wrote through write calls so far (/proc/self/io wchar)."""
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("wchar:"):
            return int(line.split()[1])
    return 0


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main() -> int:
    job = json.loads(Path(sys.argv[1]).read_text())
    from desktop_app.core.errors import UserError
    from desktop_app.core.exchange import receiving
    from desktop_app.core.exchange.packets import check_packet, verify_packet
    from desktop_app.core.storage.memory_keyring import InMemoryKeyring
    from desktop_app.core.storage.secrets import SecretStore
    from desktop_app.core.workspace import open_workspace

    session = None
    if job["mode"] in ("receive", "batch", "serve"):
        session = open_workspace(Path(job["workspace"]), secrets=SecretStore(InMemoryKeyring()))
        receiving.make_receiver_workspace(session)
        for code, fp in job.get("trust", []):
            receiving.trust_key(session, code, fp, trusted_by="budget test")
    trusted = {fp for _, fp in job.get("trust", [])}
    # Warm every code path once on a small genuine packet, so the idle process has loaded what a case loads.
    for warm in job.get("warm", []):
        check_packet(warm)
    idle_rss = status("VmRSS")
    budget = job.get("budget_mb", 150) * MB
    resource.setrlimit(resource.RLIMIT_AS, (status("VmSize") + budget, resource.RLIM_INFINITY))
    seconds = job.get("cpu_seconds", 5)
    out = sys.stdout
    print(json.dumps({"idle_rss": idle_rss}), file=out, flush=True)

    def run(case: str):
        mode = job.get("current") or job["mode"]
        if mode == "check":
            c = check_packet(case)
            return {"verdict": c.verdict, "reason": c.reason, "detail": c.detail[:300]}
        if mode == "verify":
            c = verify_packet(case, trusted)
            return {"verdict": c.verdict, "reason": c.reason, "detail": c.detail[:300]}
        if mode == "receive":
            r = receiving.receive_packet(session, case)
            return {"verdict": r.record.verdict, "reason": r.record.reason, "outcome": r.outcome,
                    "detail": r.record.detail[:300]}
        report = receiving.receive_many(session, job["cases"])
        return {"results": [{"name": r.record.original_name, "verdict": r.record.verdict, "reason": r.record.reason,
                             "outcome": r.outcome} for r in report.results]}

    if job["mode"] == "serve":  # one case per line on stdin: {"path": …, "mode": "check" | "receive"}
        cases = iter(lambda: sys.stdin.readline(), "")
    else:
        cases = job["cases"] if job["mode"] != "batch" else ["(batch)"]
    for case in cases:
        if job["mode"] == "serve":
            if not case.strip():
                break
            request = json.loads(case)
            case, job["current"] = request["path"], request["mode"]
        used = cpu()
        resource.setrlimit(resource.RLIMIT_CPU, (int(used + seconds + 1), resource.RLIM_INFINITY))
        reset_peak()
        wrote = written()
        start = time.perf_counter()
        try:
            result = run(case)
        except UserError as exc:
            result = {"user_error": exc.code, "message": str(exc)[:300]}
        except MemoryError:
            result = {"crash": "MemoryError (over the memory budget)"}
        except BaseException as exc:  # noqa: BLE001 — reported to the test, which fails on it
            result = {"crash": "".join(traceback.format_exception(exc))[-2000:]}
        result.update(case=Path(case).name, wall=time.perf_counter() - start, cpu=cpu() - used,
                      peak_above_idle=status("VmHWM") - idle_rss, written=written() - wrote)
        print(json.dumps(result), file=out, flush=True)
    if session is not None:
        session.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
