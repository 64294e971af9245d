"""The Tờ trình printed from the dossier carries the commune's key fingerprint once a key exists, so the
receiving level can compare the paper with the packet's signer."""
from __future__ import annotations

import io

from pypdf import PdfReader

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.documents import round_documents as dossier
from desktop_app.core.exchange.keys import get_or_create_commune_key, known_fingerprint
from desktop_app.core.nominations import rounds
from desktop_app.core.register.communes import commune_code_of


def to_trinh_text(session, round_id) -> str:
    """The Tờ trình as the dossier prints it, with the fingerprint known to the session's own keyring."""
    fingerprint = known_fingerprint(session.secrets, session.home_commune())
    files = dict(dossier.round_documents(session, round_id, issue=False, formats=("pdf",),
                                         signer_fingerprint=fingerprint))
    pdf = PdfReader(io.BytesIO(files["01_To_trinh.pdf"]))
    return " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)


def test_no_key_yet_no_fingerprint(session, keyring_backend):
    create_demo_commune(session)
    assert known_fingerprint(session.secrets, session.home_commune()) == ""
    assert "SHA256:" not in to_trinh_text(session, rounds.find_round(session, 1).id)
    assert keyring_backend.entries == {}  # asking for the fingerprint never creates a key


def test_fingerprint_printed_once_the_key_exists(session, keyring_backend):
    create_demo_commune(session)
    commune = session.home_commune()
    key = get_or_create_commune_key(session.secrets, commune_code_of(commune))
    assert keyring_backend.entries  # the key lives in the session's (in-memory) keyring, nowhere else
    assert known_fingerprint(session.secrets, commune) == key.fingerprint
    text = to_trinh_text(session, rounds.find_round(session, 1).id)
    first_groups = " ".join(key.fingerprint.upper()[i:i + 4] for i in range(0, 16, 4))
    assert "SHA256:" in text and first_groups in text
