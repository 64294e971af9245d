"""One officer of the Sở Nội vụ working on the shared PostgreSQL database in their own process, as their own role
(tests/core/test_province_server.py starts several at once). Its password comes in PGPASSWORD (the test's stand-in
for the keyring of the officer's PC).

    python -m tests.core.province_officer DUTY DATABASE_URL DATA_DIR OUT_DIR [PACKET…]

import: receive the packets; review: take every received round into review and mark it ready (the first one of each
commune is returned for more information instead); decide: record the decision of every ready round and write its
return packet. Each works until there is nothing left for it (or 90 s), and prints one line per action."""
from __future__ import annotations

import os
import sys
import time
from datetime import date
from pathlib import Path

from desktop_app.core.errors import UserError
from desktop_app.core.exchange import receiving, returns
from desktop_app.core.exchange.keys import KEY_ENTRY
from desktop_app.core.exchange.receiving import review as rv
from desktop_app.core.nominations import rounds
from desktop_app.core.storage.memory_keyring import InMemoryKeyring
from desktop_app.core.storage.models import RoundReview
from desktop_app.core.storage.secrets import SecretStore
from desktop_app.core.vocabulary import AWARDED, READY, RECEIVED
from desktop_app.core.workspace import open_workspace


def main(duty: str, url: str, data_dir: str, out_dir: str, packet_paths: list[str]) -> int:
    secrets = SecretStore(InMemoryKeyring())
    session = open_workspace(data_dir, secrets=secrets, database=url)
    if duty in ("review", "decide"):  # the province's key is in this PC's keyring (restored from its backup)
        secrets.set(KEY_ENTRY.format(code=returns.DEFAULT_PROVINCE_CODE), os.environ["SOTHIDUA_TEST_PROVINCE_KEY"])
    deadline = time.monotonic() + 90
    try:
        if duty == "import":
            for p in packet_paths:
                result = receiving.receive_packet(session, p)
                print("import", Path(p).name, result.outcome, flush=True)
            return 0
        returned: set[int] = set()
        while time.monotonic() < deadline:
            session.activate()
            wanted = (RECEIVED,) if duty == "review" else (READY,)
            todo = list(RoundReview.select().where(RoundReview.state.in_(wanted)).order_by(RoundReview.id))
            if not todo:
                if Path(out_dir, f"stop-{duty}").exists():
                    return 0
                time.sleep(0.2)
                continue
            for review in todo:
                try:
                    if duty == "review":
                        rv.start_review(session, review.id)
                        if review.commune_id not in returned:
                            returned.add(review.commune_id)
                            rv.request_more(session, review.id, [rv.ReturnReason("Bổ sung minh chứng")])
                            returns.write_return_packet(session, review.id, out_dir)
                            rv.start_review(session, review.id)
                        rv.mark_ready(session, review.id)
                        print("review", review.id, "ready", flush=True)
                    else:
                        outcomes = {n.id: (AWARDED, "") for n in rounds.nominees_of(session, review.round_id)}
                        rv.record_decision(session, review.id, number=f"{review.id}/QĐ-UBND",
                                           decided_on=date(2026, 3, 2), signer="Trịnh Việt Hùng",
                                           signer_title="CHỦ TỊCH", outcomes=outcomes,
                                           decision_pdf=Path(out_dir, "decision.pdf"))
                        written = returns.write_return_packet(session, review.id, out_dir)
                        print("decide", review.id, written.path.name, flush=True)
                except UserError as exc:
                    print("refused", duty, review.id, exc.code, flush=True)
        return 1
    finally:
        session.close()


if __name__ == "__main__":
    duty, url, data_dir, out_dir, *paths = sys.argv[1:]
    if duty not in ("import", "review", "decide"):
        raise SystemExit(2)
    raise SystemExit(main(duty, url, data_dir, out_dir, paths))
