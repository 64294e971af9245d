"""Issue 17: PAdES signatures on issued documents with a real PKCS#11 token (SoftHSM2) holding certificates of a
throwaway test CA; verified by pyHanko, by Poppler's pdfsig (with the test root in an NSS database) and by openssl
on the CMS taken out of the PDF. Every refusal (wrong PIN, locked PIN, no token, expired certificate, wrong key
usage, untrusted root, organisation before the person) writes no signed file."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pkcs11
import pytest
from asn1crypto import x509 as asn1_x509
from pypdf import PdfReader

from desktop_app.core.demo import create_demo_commune
from desktop_app.core.documents import round_documents as dossier
from desktop_app.core.errors import UserError
from desktop_app.core.exchange.keys import create_key
from desktop_app.core.nominations import rounds
from desktop_app.core.register.communes import commune_code_of
from desktop_app.core.signatures import certificates as certs
from desktop_app.core.signatures import records, signing, verification
from desktop_app.core.signatures.token import list_token_certificates
from desktop_app.core.storage.models import DocumentSignature, IssuedDocument
from tests import pki as P

pytestmark = pytest.mark.skipif(P.softhsm_library() is None, reason="softhsm2 not installed (tasks.py installs it)")


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("pki")
    k = P.make_pki()
    tok = P.make_token(base / "token", k)
    k.write(base / "pem")
    nss = base / "nss"
    nss.mkdir()
    if shutil.which("certutil"):
        subprocess.run(["certutil", "-N", "-d", f"sql:{nss}", "--empty-password"], check=True, capture_output=True)
        subprocess.run(["certutil", "-A", "-d", f"sql:{nss}", "-n", "root", "-t", "C,C,C", "-i",
                        str(base / "pem" / "root.pem")], check=True, capture_output=True)
    return k, tok, base / "pem", nss


@pytest.fixture
def ws(session, world):
    k, tok, pem, _nss = world
    P.use_token(tok)
    create_demo_commune(session)
    r = rounds.find_round(session, 1)
    st = {x.code: x for x in dossier.document_states(session, r.id)}
    dossier.issue_document(session, r.id, "bien_ban", 3, st["bien_ban"].fixed_date)
    fp = create_key(session, commune_code_of(session.home_commune())).fingerprint
    dossier.issue_document(session, r.id, "to_trinh", 15, st["to_trinh"].earliest, signer_fingerprint=fp)
    certs.import_certificates(session, pem / "root.pem")
    certs.import_certificates(session, pem / "intermediate.pem")
    records.save_signing_settings(session, tok.library)
    return session


def doc_id(session, code="to_trinh") -> int:
    return IssuedDocument.get(IssuedDocument.code == code).id


def folder(session) -> Path:
    return session.paths.documents_dir / "Dot_01_lan_1"


def sign(session, role, entity, pin=P.USER_PIN, **kw):
    return signing.sign_issued_document(session, doc_id(session), role=role, pin=pin,
                                        cka_id=entity.cka_id.hex(), **kw)


def pdfsig(path: Path, nss: Path) -> str:
    args = ["pdfsig"] + (["-nssdir", f"sql:{nss}"] if any(nss.iterdir()) else []) + [str(path)]
    # pdfsig cuts a long name at a byte count, sometimes inside a Vietnamese letter: decode what it prints leniently.
    out = subprocess.run(args, capture_output=True, timeout=60).stdout
    return out.decode("utf-8", errors="replace")


def nothing_signed(session) -> bool:
    return DocumentSignature.select().count() == 0 and not list(folder(session).glob("*.ky*.pdf"))


def test_the_token_lists_signing_certificates_paired_by_cka_id_not_by_label(world):
    k, tok, _pem, _ = world
    P.use_token(tok)
    contents = list_token_certificates(tok.library, P.USER_PIN)
    by_id = {c.cka_id: c for c in contents.certificates}
    assert by_id[k.personal.cka_id.hex()].info.name == P.CHAIRMAN
    assert by_id[k.organisation.cka_id.hex()].info.name == P.COMMUNE
    # The key's label differs from the certificate's: a lookup by label would find no key.
    assert k.personal.key_label != k.personal.cert_label
    assert by_id[k.personal.cka_id.hex()].label == k.personal.cert_label


def test_two_signatures_in_order_verify_with_pyhanko_pdfsig_and_openssl(ws, world):
    k, _tok, pem, nss = world
    personal = sign(ws, "personal", k.personal)
    assert personal.level == "B-B" and personal.signer.name == P.CHAIRMAN
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", personal.signed_at)
    one = folder(ws) / "01_To_trinh.ky1.pdf"
    report = verification.verify_file(one, certs.trust_store(ws))
    assert report.ok and [s.signer for s in report.signatures] == [P.CHAIRMAN]
    sign(ws, "organisation", k.organisation)
    two = folder(ws) / "01_To_trinh.ky2.pdf"
    report = verification.verify_file(two, certs.trust_store(ws))
    assert report.ok, [s.lines() for s in report.signatures]
    assert [(s.signer, s.organisation) for s in report.signatures] == [(P.CHAIRMAN, P.COMMUNE), (P.COMMUNE, P.COMMUNE)]
    assert all(s.signed_at.endswith("+07:00") for s in report.signatures)
    # Every PDF of the Tờ trình (its list and reports too) carries both signatures; the .docx are not signed.
    names = [f["name"] for f in IssuedDocument.get_by_id(doc_id(ws)).files if f["name"].endswith(".pdf")]
    assert len(names) > 2
    for name in names:
        assert (folder(ws) / name.replace(".pdf", ".ky2.pdf")).exists()
    # The issued file itself is untouched; the document is now the signed file (reprint, copy, packet).
    issued = dict(dossier.issued_files(ws, rounds.find_round(ws, 1).id, "to_trinh"))
    assert issued["01_To_trinh.pdf"] == two.read_bytes()
    # Poppler agrees: both signatures valid, the chain trusted (the test root in its NSS database).
    out = pdfsig(two, nss)
    assert out.count("Signature is Valid.") == 2, out
    assert P.CHAIRMAN in out and "ETSI.CAdES.detached" in out
    if shutil.which("certutil"):
        assert out.count("Certificate is Trusted.") == 2, out
    # openssl verifies the personal signature's CMS over the byte ranges it signed, up to the test root.
    data = two.read_bytes()
    reader = PdfReader(two)
    sig = next(f for f in reader.get_fields().values() if f.get("/FT") == "/Sig" and f["/T"] == "ChuKySoCaNhan")
    v = sig["/V"].get_object()
    a, b, c, d = [int(x) for x in v["/ByteRange"]]
    work = one.parent / "cms"
    work.mkdir()
    (work / "signed.bin").write_bytes(data[a:a + b] + data[c:c + d])
    (work / "sig.der").write_bytes(bytes(v["/Contents"]).rstrip(b"\0"))
    res = subprocess.run(["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", str(work / "sig.der"),
                          "-content", str(work / "signed.bin"), "-CAfile", str(pem / "root.pem"), "-certfile",
                          str(pem / "intermediate.pem"), "-purpose", "any", "-out", "/dev/null"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 0 and "Verification successful" in res.stderr, res.stderr


def test_one_changed_byte_after_signing_is_reported_by_pyhanko_and_pdfsig(ws, world):
    k, _tok, _pem, nss = world
    sign(ws, "personal", k.personal)
    path = folder(ws) / "01_To_trinh.ky1.pdf"
    data = bytearray(path.read_bytes())
    i = data.index(b"stream\n", 2000) + 40          # a byte inside a page's content, in the signed range
    data[i] ^= 0x01
    bad = path.parent / "changed.pdf"
    bad.write_bytes(bytes(data))
    report = verification.verify_file(bad, certs.trust_store(ws))
    assert not report.ok and not report.signatures[0].intact
    assert "đã bị sửa" in report.signatures[0].verdict
    out = pdfsig(bad, nss)
    assert "Signature is Valid." not in out and ("Digest Mismatch" in out or "Invalid" in out), out
    # …and the app refuses to hand the changed file on as the document.
    path.write_bytes(bytes(data))
    with pytest.raises(UserError) as e:
        dossier.issued_files(ws, rounds.find_round(ws, 1).id, "to_trinh")
    assert e.value.code == "documents.issued_file_changed"


def test_appearance_carries_images_names_time_and_embedded_font(ws, world, tmp_path):
    k, *_ = world
    records.save_signature_image(ws, "signature", P.signature_png(tmp_path / "ky.png"), 40, person=P.CHAIRMAN)
    records.save_signature_image(ws, "seal", P.seal_png(tmp_path / "dau.png"), 36)
    sign(ws, "personal", k.personal)
    sign(ws, "organisation", k.organisation)
    path = folder(ws) / "01_To_trinh.ky2.pdf"
    reader = PdfReader(path)
    widgets = {}
    for page_no, page in enumerate(reader.pages):
        for annot in page.get("/Annots", []) or []:
            a = annot.get_object()
            if a.get("/FT") == "/Sig" or a.get("/Parent", {}).get("/FT") == "/Sig":
                widgets[a.get("/T")] = (page_no, [float(x) for x in a["/Rect"]], a)
    p1, r1, _ = widgets["ChuKySoCaNhan"]
    p2, r2, seal = widgets["ChuKySoCoQuan"]
    assert p1 == p2 == len(reader.pages) - 1
    # The seal covers the left third of the personal signature: its right edge at x1 + width/3.
    third = r1[0] + (r1[2] - r1[0]) / 3
    assert r2[0] < r1[0] < third <= r2[2] + 1      # boxes are whole points
    seal_width_mm = (r2[2] - r2[0]) * 25.4 / 72
    assert seal_width_mm >= 36 - 0.5
    # The appearance's text is in the embedded Liberation Serif (Vietnamese letters show on any computer).
    raw = seal["/AP"]["/N"].get_object()
    fonts = []

    def walk(x, depth=0):
        x = x.get_object()
        res = x.get("/Resources", {})
        for f in (res.get("/Font", {}) or {}).values():
            f = f.get_object()
            fonts.append(f)
        for xo in (res.get("/XObject", {}) or {}).values():
            if depth < 6:
                walk(xo, depth + 1)
    walk(raw)
    assert fonts and all("LiberationSerif" in str(f.get("/BaseFont")) for f in fonts)
    assert all("/FontFile2" in f["/FontDescriptor"].get_object() for f in fonts if "/FontDescriptor" in f)
    # Rendered: the page shows blue (signature) and red (seal) pixels where the fields are.
    out = tmp_path / "page"
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", str(p1 + 1), "-l", str(p1 + 1), str(path), str(out)],
                   check=True, timeout=60)
    from PIL import Image
    png = next(tmp_path.glob("page*.png"))
    img = Image.open(png).convert("RGB")
    scale = 60 / 72
    h = img.height

    def colours(rect):
        x1, y1, x2, y2 = [v * scale for v in rect]
        box = img.crop((int(x1), int(h - y2), int(x2), int(h - y1)))
        px = [box.getpixel((x, y)) for x in range(box.width) for y in range(box.height)]
        return (sum(1 for r, g, b in px if b > 120 and r < 90),
                sum(1 for r, g, b in px if r > 150 and g < 90 and b < 90))
    blue, _ = colours(r1)
    _, red = colours(r2)
    assert blue > 30 and red > 30
    shots = Path(__import__("os").environ.get("SOTHIDUA_SHOTS", "")) if __import__("os").environ.get(
        "SOTHIDUA_SHOTS") else None
    if shots:
        shots.mkdir(parents=True, exist_ok=True)
        shutil.copy(png, shots / "signed_to_trinh_page2.png")


@pytest.mark.parametrize("case", ["wrong_pin", "empty_pin", "no_token", "no_library", "expired", "wrong_usage",
                                  "untrusted", "no_roots", "seal_first"])
def test_each_refusal_has_its_message_and_writes_nothing(ws, world, case):
    k, tok, _pem, _ = world
    kwargs = {}
    role, entity, pin = "personal", k.personal, P.USER_PIN
    expected = {"wrong_pin": "signatures.pin_wrong", "empty_pin": "signatures.pin_empty",
                "no_token": "signatures.token_absent", "no_library": "signatures.library_missing",
                "expired": "signatures.cert_expired", "wrong_usage": "signatures.cert_wrong_usage",
                "untrusted": "signatures.cert_untrusted", "no_roots": "signatures.no_trusted_roots",
                "seal_first": "signatures.personal_first"}[case]
    if case == "wrong_pin":
        pin = "000000"
    elif case == "empty_pin":
        pin = ""
    elif case == "no_token":
        kwargs["serial"] = "0000000000000000"        # the token the officer chose was pulled out
    elif case == "no_library":
        kwargs["library"] = str(Path(tok.library).with_name("khong_co_token.so"))
    elif case == "expired":
        entity = k.expired
    elif case == "wrong_usage":
        entity = k.wrong_usage
    elif case == "untrusted":
        entity = k.untrusted
    elif case == "no_roots":
        for row in certs.trusted_certificates(ws):
            certs.remove_trusted_certificate(ws, row.sha256)
    elif case == "seal_first":
        role, entity = "organisation", k.organisation
    with pytest.raises(UserError) as e:
        sign(ws, role, entity, pin=pin, **kwargs)
    assert e.value.code == expected
    assert str(e.value)            # a Vietnamese sentence exists for it
    assert nothing_signed(ws)


def test_a_locked_pin_is_refused_before_any_try(tmp_path, session, world):
    k, _tok, pem, _ = world
    own = P.make_token(tmp_path / "locked", k, entities=[k.personal])
    P.use_token(own)
    try:
        # A wrong PIN first (the token counts it), then the token marks its PIN locked.
        with pytest.raises(UserError):
            list_token_certificates(own.library, "999999")
        P.lock_user_pin(own)
        pkcs11.lib(own.library).reinitialize()     # the library reads the token's new state
        with pytest.raises(UserError) as e:
            list_token_certificates(own.library, P.USER_PIN)
        assert e.value.code == "signatures.pin_locked"
        assert "khóa" in str(e.value)
    finally:
        P.use_token(world[1])


def test_a_timestamp_server_that_does_not_answer_gives_b_b_and_says_so(ws, world):
    k, tok, *_ = world
    records.save_signing_settings(ws, tok.library, "http://127.0.0.1:9/tsa")
    out = sign(ws, "personal", k.personal)
    assert out.level == "B-B" and out.timestamp_skipped
    assert DocumentSignature.get().level == "B-B"


def test_a_timestamp_server_that_answers_gives_b_t_verified_by_pyhanko_and_pdfsig(ws, world):
    """PAdES B-T: the signature carries a timestamp token from the configured server (a local RFC 3161 server
    here, reached over HTTP as a CA's would be); pyHanko validates the token, Poppler still finds the signature
    valid."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    k, tok, _pem, nss = world
    tsa = P.make_tsa(k)
    with P.LocalTimestampServer(tsa, [k.intermediate, k.root]) as server:
        records.save_signing_settings(ws, tok.library, server.url)
        out = sign(ws, "personal", k.personal)
    assert out.level == "B-T" and not out.timestamp_skipped
    assert server.requests >= 1
    assert DocumentSignature.get().level == "B-T"
    signed = folder(ws) / "01_To_trinh.ky1.pdf"
    report = verification.verify_file(signed, certs.trust_store(ws))
    assert report.ok and report.signatures[0].timestamped
    assert "(có dấu thời gian)" in " ".join(report.signatures[0].lines())
    roots = [asn1_x509.Certificate.load(k.root.cert_der)]
    others = [asn1_x509.Certificate.load(e.cert_der) for e in (k.intermediate,)]
    with open(signed, "rb") as fh:
        embedded = PdfFileReader(fh).embedded_signatures[0]
        status = validate_pdf_signature(embedded, ValidationContext(trust_roots=roots, other_certs=others),
                                        ts_validation_context=ValidationContext(trust_roots=roots, other_certs=others))
    assert status.intact and status.valid
    assert status.timestamp_validity is not None and status.timestamp_validity.intact
    assert status.timestamp_validity.valid and status.timestamp_validity.trusted
    out = pdfsig(signed, nss)
    assert "Signature is Valid." in out, out


def test_signing_twice_in_the_same_role_is_refused(ws, world):
    k, *_ = world
    sign(ws, "personal", k.personal)
    with pytest.raises(UserError) as e:
        sign(ws, "personal", k.personal)
    assert e.value.code == "signatures.already_signed"


def test_trusted_roots_are_data_imported_from_files(session, world, tmp_path):
    k, _tok, pem, _ = world
    infos = certs.import_certificates(session, pem / "root.pem")
    assert [r.kind for r in certs.trusted_certificates(session)] == ["root"]
    assert infos[0].is_ca
    certs.import_certificates(session, pem / "intermediate.pem")
    assert sorted(r.kind for r in certs.trusted_certificates(session)) == ["intermediate", "root"]
    with pytest.raises(UserError) as e:
        certs.import_certificates(session, pem / "personal.pem")
    assert e.value.code == "signatures.cert_not_ca"
    junk = tmp_path / "junk.cer"
    junk.write_bytes(b"not a certificate")
    with pytest.raises(UserError) as e:
        certs.import_certificates(session, junk)
    assert e.value.code == "signatures.cert_file_invalid"


def test_images_must_be_transparent_png(ws, tmp_path):
    with pytest.raises(UserError) as e:
        records.save_signature_image(ws, "seal", P.opaque_png(tmp_path / "x.png"), 36)
    assert e.value.code == "signatures.image_not_transparent"
    (tmp_path / "x.jpg").write_bytes(b"\xff\xd8\xff\xe0not png")
    with pytest.raises(UserError) as e:
        records.save_signature_image(ws, "seal", tmp_path / "x.jpg", 36)
    assert e.value.code == "signatures.image_not_png"


def run_main(*args, cwd=None):
    root = Path(__file__).resolve().parents[2]
    import sys
    return subprocess.run([sys.executable, "-W", "error", str(root / "main.py"), *args], capture_output=True, text=True,
                          timeout=120, cwd=cwd or root)


def test_verify_pdf_command_prints_the_verdicts_and_exits_0_only_when_all_is_well(ws, world, tmp_path):
    k, _tok, pem, _ = world
    sign(ws, "personal", k.personal)
    sign(ws, "organisation", k.organisation)
    signed = folder(ws) / "01_To_trinh.ky2.pdf"
    ok = run_main("verify-pdf", str(signed), "--root", str(pem / "root.pem"), "--root", str(pem / "intermediate.pem"))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Chữ ký hợp lệ" in ok.stdout and P.CHAIRMAN in ok.stdout and P.COMMUNE in ok.stdout
    assert "+07:00" in ok.stdout and "không bị thay đổi" in ok.stdout
    # The same file against a root nobody installed here: intact but not trusted → exit 1.
    other = run_main("verify-pdf", str(signed), "--root", str(pem / "other_root.pem"))
    assert other.returncode == 1 and "không dẫn tới chứng thư gốc được tin cậy" in other.stdout
    # Changed after signing → exit 1 and said so.
    data = bytearray(signed.read_bytes())
    i = data.index(b"stream\n", 2000) + 40
    data[i] ^= 0x01
    bad = tmp_path / "sua.pdf"
    bad.write_bytes(bytes(data))
    changed = run_main("verify-pdf", str(bad), "--root", str(pem / "root.pem"))
    assert changed.returncode == 1 and "đã bị sửa" in changed.stdout
    # An issued PDF that was never signed is not "valid": exit 1.
    unsigned = run_main("verify-pdf", str(folder(ws) / "01_To_trinh.pdf"), "--root", str(pem / "root.pem"))
    assert unsigned.returncode == 1 and "Chưa ký số" in unsigned.stdout
    # Roots installed into a workspace serve later checks of that workspace.
    data_dir = tmp_path / "so_noi_vu"
    assert run_main("import-roots", str(pem / "root.pem"), str(pem / "intermediate.pem"),
                    "--data-dir", str(data_dir)).returncode == 0
    again = run_main("verify-pdf", str(signed), "--data-dir", str(data_dir))
    assert again.returncode == 0, again.stdout + again.stderr


def test_the_signature_space_is_marked_by_the_renderer_and_found_without_reading_the_text(ws):
    """The renderer leaves two named destinations where the authority signs; the appearance goes there without
    reading the page's text (the costly part of signing). A PDF made elsewhere (no marks) is still read."""
    import io

    from pypdf import PdfWriter

    from desktop_app.core.documents.render_pdf import SIGN_ABOVE, SIGN_NAME
    from desktop_app.core.signatures import appearance as ap

    for code, name in (("to_trinh", "01_To_trinh.pdf"), ("bien_ban", "04_Bien_ban_hop_Hoi_dong.pdf")):
        pdf = dict(dossier.issued_files(ws, rounds.find_round(ws, 1).id, code))[name]
        reader = PdfReader(io.BytesIO(pdf))
        assert {SIGN_ABOVE, SIGN_NAME} <= set(reader.named_destinations)
        marked = ap._marked_space(reader)
        assert marked is not None and marked.page == len(reader.pages) - 1
        # The same PDF without the marks: the text is read, and it finds the same space (within the few points
        # by which the scan's estimate of the title's width places the centre).
        writer = PdfWriter(clone_from=io.BytesIO(pdf))
        del writer._root_object["/Names"]
        out = io.BytesIO()
        writer.write(out)
        assert ap._marked_space(PdfReader(io.BytesIO(out.getvalue()))) is None
        scanned = ap.personal_box(out.getvalue())
        assert scanned.page == marked.page
        assert all(abs(a - b) <= 3 for a, b in zip(scanned.tuple(), marked.tuple())), (scanned, marked)
        assert ap.personal_box(pdf) == marked


def _containers(path: Path) -> list[tuple[int, int]]:
    """(room reserved in /Contents, size of the CMS container in it) for each signature of a signed PDF."""
    from asn1crypto import cms

    out = []
    for f in PdfReader(path).get_fields().values():
        if f.get("/FT") == "/Sig":
            raw = bytes(f["/V"].get_object()["/Contents"])
            out.append((len(raw), len(cms.ContentInfo.load(raw.rstrip(b"\0")).dump())))
    return out


def test_the_container_room_is_counted_from_the_certificates_and_every_container_fits(ws, world, tmp_path):
    """Without a timestamp server the room for the signature container is counted from the certificates it embeds
    (no trial signature): every container fits with room to spare, and the room is not wasteful — also for a
    4096-bit RSA key whose certificate carries a long Vietnamese name and organisation."""
    from cryptography.hazmat.primitives.asymmetric import rsa

    k, _tok, pem, nss = world
    sign(ws, "personal", k.personal)
    sign(ws, "organisation", k.organisation)
    for room, used in _containers(folder(ws) / "01_To_trinh.ky2.pdf"):
        assert used < room <= used + 3 * signing._CONTAINER_OVERHEAD, (room, used)
    # A big key and a long name, on a token of its own.
    day = P.dt.timedelta(days=1)
    key = rsa.generate_private_key(65537, 4096)
    long_org = "Ủy ban nhân dân xã Thượng Quan, huyện Ngân Sơn, tỉnh Bắc Kạn — Văn phòng HĐND và UBND " * 2
    cert = P._cert(P._name("Nguyễn Thị Hồng Nhung Phương Thảo", long_org.strip(), "Phó Chủ tịch"), key,
                   k.intermediate.cert, k.intermediate.key, ca=False, not_before=P.NOW - 10 * day,
                   not_after=P.NOW + 700 * day)
    big = P.Entity("big", key, cert, b"\xa1\x09", "PrivKey-a109", "big")
    tok = P.make_token(tmp_path / "token-big", k, entities=[big])
    P.use_token(tok)
    try:
        records.save_signing_settings(ws, tok.library)
        signing.sign_issued_document(ws, doc_id(ws, "bien_ban"), role="personal", pin=P.USER_PIN,
                                     cka_id=big.cka_id.hex())
        signed = folder(ws) / "04_Bien_ban_hop_Hoi_dong.ky1.pdf"
        [(room, used)] = _containers(signed)
        assert used < room <= used + 3 * signing._CONTAINER_OVERHEAD, (room, used)
        assert verification.verify_file(signed, certs.trust_store(ws)).ok
        assert pdfsig(signed, nss).count("Signature is Valid.") == 1
    finally:
        P.use_token(world[1])
