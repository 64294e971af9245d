"""The Tờ trình printed from the dossier carries the commune's key fingerprint once a key exists, so the
receiving level can compare the paper with the packet's signer."""
from __future__ import annotations

import io

import keyring
import pytest
from pypdf import PdfReader

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.documents import round_documents as dossier
from desktop_app.core.exchange.keys import get_or_create_commune_key, known_fingerprint
from desktop_app.core.nominations import rounds
from desktop_app.core.register.communes import commune_code_of, home_commune
from desktop_app.core.storage.secrets import InMemoryKeyring, SecretStore


@pytest.fixture
def memory_keyring():
    previous = keyring.get_keyring()
    backend = InMemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


def to_trinh_text(round_) -> str:
    files = dict(dossier.round_documents(round_, issue=False, formats=("pdf",),
                                         signer_fingerprint=known_fingerprint(SecretStore(), home_commune())))
    pdf = PdfReader(io.BytesIO(files["01_To_trinh.pdf"]))
    return " ".join(" ".join(page.extract_text().split()) for page in pdf.pages)


def test_no_key_yet_no_fingerprint(workspace, memory_keyring):
    create_demo_commune()
    assert known_fingerprint(SecretStore(), home_commune()) == ""
    assert "SHA256:" not in to_trinh_text(rounds.find_round(home_commune(), 1))


def test_fingerprint_printed_once_the_key_exists(workspace, memory_keyring):
    create_demo_commune()
    commune = home_commune()
    key = get_or_create_commune_key(SecretStore(), commune_code_of(commune))
    assert known_fingerprint(SecretStore(), commune) == key.fingerprint
    text = to_trinh_text(rounds.find_round(commune, 1))
    first_groups = " ".join(key.fingerprint.upper()[i:i + 4] for i in range(0, 16, 4))
    assert "SHA256:" in text and first_groups in text
