"""The same services without a window: demo data, backups, dossiers, packets — each command opens the workspace
(a Session, through the composition root's `open_session`), runs core operations, and closes it."""
from __future__ import annotations

import argparse
import contextlib
import logging
import sys

from .core.errors import UserError
from .opening import open_session

log = logging.getLogger(__name__)
COMMANDS = {}
MAX_ROUND_NUMBER = 1_000_000


def round_number(text: str) -> int:
    """--round N: a whole number a round can have (not 99999999999999999999, which SQLite cannot hold)."""
    t = text.strip()
    if not (t.isascii() and t.isdigit()) or len(t.lstrip("0")) > 7 or not 1 <= int(t) <= MAX_ROUND_NUMBER:
        raise argparse.ArgumentTypeError(f"số đợt phải là số nguyên từ 1 đến {MAX_ROUND_NUMBER:,}".replace(",", ".")
                                         + f", không phải {text[:40]!r}")
    return int(t)


def command(name: str, help_text: str):
    def register(func):
        COMMANDS[name] = (func, help_text)
        return func
    return register


def add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="thư mục dữ liệu (mặc định: thư mục của người dùng); dùng để chạy từ USB")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Sổ Thi đua — sổ theo dõi phong trào thi đua cấp xã")
    add_common(parser)
    parser.add_argument("--self-test", action="store_true",
                        help="mở thư mục dữ liệu, dựng cửa sổ chính (không hiển thị) rồi thoát; mã 0 nếu mọi thứ ổn")
    parser.add_argument("--demo-if-empty", action="store_true",
                        help="tạo xã mẫu nếu thư mục dữ liệu chưa có dữ liệu (dùng thử)")
    # Hidden: the bundle's smoke test (are keyring backends found through the package metadata?).
    parser.add_argument("--keyring-check", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name, (func, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_common(p)
        getattr(func, "configure", lambda _p: None)(p)
    return parser


@contextlib.contextmanager
def opened(args):
    """The workspace of --data-dir as a Session, closed at the end."""
    session = open_session(getattr(args, "data_dir", None))
    try:
        yield session
    finally:
        session.close()


@command("demo", "tạo xã mẫu (dữ liệu giả lập) trong một thư mục dữ liệu trống")
def cmd_demo(args) -> int:
    from .core.demo import create_demo_commune

    with opened(args) as ws:
        result = create_demo_commune(ws)
    print(f"Đã tạo xã mẫu {result['commune'].name}: {result['participants']} người/tập thể, "
          f"{result['achievements']} thành tích, {result['awards']} mục khen thưởng — tại {ws.paths.root}")
    return 0


@command("backup", "sao lưu toàn bộ dữ liệu (cơ sở dữ liệu và tệp minh chứng) thành một tệp .zip trong thư mục --out")
def cmd_backup(args) -> int:
    from .core.storage.backup import export_backup

    with opened(args) as ws:
        path = export_backup(ws, args.out)
    print(f"Đã sao lưu và kiểm tra lại: {path}")
    print("Bản sao lưu không chứa khóa ký của xã (khóa nằm trong kho khóa của hệ điều hành).")
    return 0


cmd_backup.configure = lambda p: p.add_argument("--out", required=True, metavar="DIR",
                                                 help="thư mục ghi bản sao lưu (ví dụ thẻ nhớ USB)")


@command("restore", "khôi phục dữ liệu từ một bản sao lưu (.zip, hoặc bản tự động .sqlite3 trong backups/); "
                    "dữ liệu hiện tại được giữ lại trong backups/. Hãy đóng cửa sổ phần mềm trước.")
def cmd_restore(args) -> int:
    from .core.storage.backup import restore_backup
    from .core.storage.paths import workspace_for

    paths = workspace_for(getattr(args, "data_dir", None))
    result = restore_backup(paths, args.file)
    print(f"Đã khôi phục từ {result.source} vào {paths.root}; {result.evidence_restored} tệp minh chứng được chép lại.")
    if result.previous_copy:
        print(f"Dữ liệu trước khi khôi phục được giữ tại {result.previous_copy}")
    if result.damaged_kept:
        print(f"Tệp dữ liệu bị hỏng được giữ lại tại {result.damaged_kept}")
    return 0


cmd_restore.configure = lambda p: p.add_argument("file", metavar="TỆP", help="tệp sao lưu cần khôi phục")


@command("dossier", "hồ sơ đề nghị của một đợt: ghi bản dự thảo (và các văn bản đã ban hành) vào thư mục; "
                    "--issue ban hành một văn bản với số và ngày ký")
def cmd_dossier(args) -> int:
    from datetime import date

    from .core.dates import DateParseError, parse_vn_date
    from .core.documents import round_documents as dossier
    from .core.exchange.keys import create_key, known_fingerprint
    from .core.nominations import rounds
    from .core.register import communes

    with opened(args) as ws:
        commune = communes.require_home_commune(ws)
        round_ = rounds.find_round(ws, args.round)
        if args.issue:
            state = next((s for s in dossier.document_states(ws, round_.id) if s.code == args.issue), None)
            if state is None:
                raise UserError("documents.not_in_dossier", document=dossier.DOCUMENT_NAMES[args.issue])
            number = args.number if args.number is not None else state.proposed_number
            if number is None:
                raise UserError("documents.number_invalid")
            try:
                signed = parse_vn_date(args.date) if args.date else (state.fixed_date or state.proposed_date)
            except DateParseError as exc:
                raise UserError(exc.code, **exc.params) from None
            fingerprint = known_fingerprint(ws.secrets, commune)
            if args.issue in dossier.COVERS and not fingerprint:
                # The cover document carries the key's fingerprint: the key is made before the first dossier.
                fingerprint = create_key(ws, communes.commune_code_of(commune)).fingerprint
            done = dossier.issue_document(ws, round_.id, args.issue, number, signed or date.today(),
                                          signer_fingerprint=fingerprint)
            print(f"Đã ban hành {dossier.DOCUMENT_NAMES[done.code]} số {done.number_text} "
                  f"ngày {done.signed_on.strftime('%d/%m/%Y')}:")
            for name in done.files:
                print(f"  {ws.paths.documents_dir / dossier.round_folder_name(round_) / name}")
            return 0
        if not args.out:
            raise UserError("documents.out_required")
        paths = dossier.write_dossier(ws, round_.id, args.out, issue=False,
                                      signer_fingerprint=known_fingerprint(ws.secrets, commune))
        states = dossier.document_states(ws, round_.id)
    print(f"Hồ sơ đợt {round_.number} (lần {round_.version}): {len(paths)} tệp trong {args.out}")
    for s in states:
        if s.issued:
            print(f"  Đã ban hành: {dossier.DOCUMENT_NAMES[s.code]} số {s.number_text} "
                  f"ngày {s.signed_on.strftime('%d/%m/%Y')}")
        else:
            print(f"  Dự thảo (chưa có số): {dossier.DOCUMENT_NAMES[s.code]}")
    for path in paths:
        print(path)
    return 0


cmd_dossier.configure = lambda p: (
    p.add_argument("--round", type=round_number, required=True, metavar="N", help="số đợt đề nghị (bản điều chỉnh mới nhất)"),
    p.add_argument("--out", metavar="DIR", help="thư mục ghi hồ sơ (tạo nếu chưa có)"),
    p.add_argument("--issue", choices=("bien_ban", "to_trinh", "quyet_dinh", "phieu_gui"),
                   help="ban hành một văn bản: bien_ban, to_trinh, quyet_dinh hoặc phieu_gui"),
    p.add_argument("--number", type=int, metavar="SỐ", help="số văn bản do văn thư cấp (ví dụ 5 cho 05/TTr-UBND)"),
    p.add_argument("--date", metavar="NGÀY", help="ngày ký dd/mm/yyyy (mặc định: ngày họp cho biên bản, hôm nay "
                                                  "cho văn bản khác)"))


@command("import-rules", "nhập gói quy định thi đua, khen thưởng của tỉnh (tệp do tỉnh ký); lần đầu cần "
                         "--trust-fingerprint sau khi đối chiếu dấu vân tay tỉnh công bố")
def cmd_import_rules(args) -> int:
    from .core.fingerprints import format_fingerprint
    from .core.nominations import rules_pack

    with opened(args) as ws:
        try:
            pack = rules_pack.import_pack(ws, args.file, trust_fingerprint=args.trust_fingerprint)
        except UserError as error:
            if error.code == "rules_pack.confirm_fingerprint":
                print(str(error), file=sys.stderr)
                return 3
            raise
    print(f"Đã nhập: {pack.label}")
    print(f"  Căn cứ: {pack.citation()}")
    print(f"  Khóa ký của tỉnh: {format_fingerprint(pack.fingerprint)}")
    print(f"  Bộ tiêu chuẩn của tỉnh: {len(pack.criteria_sets)}; thời hạn: {len(pack.deadlines)}")
    return 0


cmd_import_rules.configure = lambda p: (
    p.add_argument("file", metavar="TỆP", help="tệp gói quy định (.json) do tỉnh ký"),
    p.add_argument("--trust-fingerprint", metavar="DẤU_VÂN_TAY",
                   help="dấu vân tay khóa ký của tỉnh, đã đối chiếu với bản tỉnh công bố"))


@command("export-packet", "xuất gói hồ sơ đã ký của một đợt đề nghị (để chép sang thẻ nhớ USB gửi cấp trên)")
def cmd_export_packet(args) -> int:
    from .core.exchange import sending as exports
    from .core.fingerprints import format_fingerprint
    from .core.nominations import rounds

    with opened(args) as ws:
        round_ = rounds.find_round(ws, args.round)
        drafts = exports.unissued_documents(ws, round_.id)
        written = exports.export_round(ws, round_.id, args.out)
    if drafts:
        say(f"Cảnh báo: chưa ban hành {', '.join(drafts)} — gói mang bản dự thảo (ghi “DỰ THẢO”, chưa có số); cấp "
            "trên sẽ trả lại hồ sơ. Ban hành: python main.py dossier --round N --issue …", file=sys.stderr)
    print(f"Đã xuất và kiểm tra lại gói hồ sơ đợt {round_.number} (lần {round_.version}), gói số {written.sequence}:")
    print(f"  {written.path}")
    print(f"  SHA-256 của tệp: {written.sha256}")
    print(f"  Dấu vân tay khóa ký của xã: {format_fingerprint(written.signer_fingerprint)}")
    return 0


cmd_export_packet.configure = lambda p: (
    p.add_argument("--round", type=round_number, required=True, metavar="N",
                   help="số đợt đề nghị (bản điều chỉnh mới nhất)"),
    p.add_argument("--out", required=True, metavar="DIR", help="thư mục ghi gói (ví dụ ổ USB)"))


def say(text: str = "", file=None) -> None:
    """Print text that may come from a packet: every control, escape, bidi or zero-width character (and anything
    the console cannot encode) shown escaped, never acted on by the terminal."""
    from .core.exchange.packets import shown_escaped

    stream = file or sys.stdout
    line = shown_escaped(str(text), keep_newlines=True) + "\n"
    encoding = getattr(stream, "encoding", None) or "utf-8"
    stream.write(line.encode(encoding, "backslashreplace").decode(encoding, "strict"))


@command("verify", "kiểm tra một gói hồ sơ (chữ ký, mã băm, cấu trúc); mã thoát 0 chỉ khi hợp lệ")
def cmd_verify(args) -> int:
    from .core.exchange.packets import check_packet
    from .core.fingerprints import format_fingerprint

    check = check_packet(args.packet)
    m = check.manifest
    lines = [f"{args.packet}: {check.label}"]
    if check.reason:
        lines.append(f"  Lý do: {check.reason_text}" + (f" ({check.detail})" if check.detail else ""))
    if m is not None:
        lines.append(f"  Xã {m.commune_name} (mã {m.commune_code}), đợt {m.round_number} lần {m.round_version}, "
                     f"gói số {m.sequence}, tạo lúc {m.created_at}")
    if check.signer_fingerprint:
        lines.append(f"  Dấu vân tay người ký: {format_fingerprint(check.signer_fingerprint)}")
        if check.is_valid:
            lines.append("  (Hợp lệ nghĩa là nguyên vẹn và được ký bằng khóa trên; hãy so dấu vân tay với bản giấy "
                         "để biết đó là khóa của xã.)")
    say("\n".join(lines))
    return 0 if check.is_valid else 1


cmd_verify.configure = lambda p: p.add_argument("packet", metavar="PACKET", help="tệp .zip của gói hồ sơ")


@command("verify-pdf", "kiểm tra chữ ký số trên văn bản PDF (người ký, cơ quan, thời gian, chứng thư, văn bản có "
                       "bị sửa sau khi ký); mã thoát 0 chỉ khi mọi chữ ký nguyên vẹn và dẫn tới chứng thư gốc tin cậy")
def cmd_verify_pdf(args) -> int:
    from .core.signatures import certificates, verification

    if args.root and not getattr(args, "data_dir", None):
        roots, inter = [], []
        for path in args.root:
            for cert in certificates.read_certificate_file(path):
                (roots if cert.self_signed in ("maybe", "yes") else inter).append(cert)
        store = certificates.TrustStore(tuple(roots), tuple(inter))
    else:
        with opened(args) as ws:
            if args.root:
                for path in args.root:
                    certificates.import_certificates(ws, path)
            store = certificates.trust_store(ws)
    ok = True
    for path in args.file:
        report = verification.verify_file(path, store)
        lines = [f"{path}: {report.summary}"]
        for i, sig in enumerate(report.signatures, start=1):
            lines.append(f"  Chữ ký {i}: {sig.verdict}")
            lines += [f"    {line}" for line in sig.lines()]
        if not store.roots:
            lines.append("  (Chưa cài chứng thư gốc nào: không chữ ký nào được coi là tin cậy. Dùng --root TỆP.)")
        say("\n".join(lines))
        ok = ok and report.ok
    return 0 if ok else 1


cmd_verify_pdf.configure = lambda p: (
    p.add_argument("file", nargs="+", metavar="FILE", help="tệp PDF đã ký số"),
    p.add_argument("--root", action="append", default=[], metavar="TỆP",
                   help="chứng thư gốc/trung gian tin cậy (.cer, .crt, .pem); với --data-dir thì được cài vào thư "
                        "mục dữ liệu"))


@command("import-roots", "cài chứng thư gốc (và trung gian) tin cậy để kiểm tra chữ ký số (tệp do Ban Cơ yếu Chính phủ "
                         "hoặc tỉnh cung cấp)")
def cmd_import_roots(args) -> int:
    from .core.signatures import certificates

    with opened(args) as ws:
        for path in args.file:
            for info in certificates.import_certificates(ws, path):
                say(f"Đã cài: {info.name} — hiệu lực đến {info.not_after:%d/%m/%Y}, SHA-256 {info.sha256}")
    return 0


cmd_import_roots.configure = lambda p: p.add_argument("file", nargs="+", metavar="FILE",
                                                       help="tệp chứng thư (.cer, .crt, .pem)")


@command("receive", "tiếp nhận gói hồ sơ vào thư mục tiếp nhận (tạo mới nếu thư mục trống)")
def cmd_receive(args) -> int:
    from .core.errors import message_text
    from .core.exchange import receiving

    if not getattr(args, "data_dir", None):
        raise UserError("cli.receive_needs_data_dir")
    if args.trust_fingerprint and len(args.packet) != 1:
        raise UserError("cli.trust_one_packet")
    with opened(args) as ws:
        receiving.make_receiver_workspace(ws)
        report = receiving.ImportReport()
        if args.trust_fingerprint:
            report.results.append(receiving.receive_packet(
                ws, args.packet[0], trust_fingerprint=args.trust_fingerprint, second_key_over=args.second_key_over,
                trusted_by="dòng lệnh (--trust-fingerprint)", accept_order=args.accept_out_of_order or ""))
        elif len(args.packet) == 1 or args.accept_out_of_order:
            for packet in args.packet:
                report.results.append(receiving.receive_packet(ws, packet,
                                                               accept_order=args.accept_out_of_order or ""))
        elif args.packet:  # a batch: every packet gets its record, whatever happens to one of them
            report = receiving.receive_many(ws, args.packet)
    if not args.packet:
        say(f"Thư mục tiếp nhận hồ sơ: {ws.paths.root}\n"
            f"Mở cửa sổ tiếp nhận: python main.py --data-dir \"{ws.paths.root}\"")
        return 0
    say(report.text())
    for result in report.results:
        if result.needs_confirmation:
            r = result.record
            key = "receiving.second_key_cli" if r.reason == "unknown_signer" else "receiving.needs_confirmation_cli"
            say(message_text(key, commune=r.commune_name, commune_code=r.commune_code,
                             fingerprint=receiving.record_fingerprint_display(r)), file=sys.stderr)
    if report.count(receiving.NEEDS_CONFIRMATION):
        return 3
    return 1 if report.count(receiving.REJECTED) else 0


cmd_receive.configure = lambda p: (
    p.add_argument("packet", nargs="*", metavar="PACKET",
                   help="tệp .zip của gói hồ sơ (không ghi gói nào: chỉ tạo thư mục tiếp nhận)"),
    p.add_argument("--trust-fingerprint", metavar="FP",
                   help="dấu vân tay in trên Tờ trình bản giấy; chỉ tin cậy khi khớp với người ký gói"),
    p.add_argument("--second-key-over", metavar="FP_CŨ",
                   help="chỉ khi xã đã có khóa được tin cậy: dấu vân tay của khóa cũ đó, để xác nhận xã đã thay "
                        "khóa (đã gọi điện hỏi xã); khóa cũ không còn được tin cậy cho gói tạo sau gói này"),
    p.add_argument("--accept-out-of-order", metavar="LÝ_DO",
                   help="nhận gói dù sai thứ tự (gói trước bị mất, xã khôi phục bản sao lưu…); ghi rõ lý do đã kiểm tra"))


def run_command(args) -> int:
    """Run one command: a message and exit 2 for what the user can fix; never a traceback on the console (an
    unexpected error is written to the log with its traceback, and named in one line, exit 70)."""
    from .core.storage.health import storage_error
    from .core.storage.paths import workspace_for

    func, _ = COMMANDS[args.command]
    try:
        return func(args)
    except UserError as error:
        say(f"Lỗi: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        say("Đã dừng theo yêu cầu.", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 — the console shows a sentence, the log keeps the traceback
        known = None
        try:
            known = storage_error(exc, workspace_for(getattr(args, "data_dir", None)))
        except Exception:  # noqa: BLE001
            pass
        if known is not None:
            say(f"Lỗi: {known}", file=sys.stderr)
            return 2
        log.exception("command %s failed", args.command)
        say(f"Lỗi không mong đợi khi chạy lệnh {args.command}: {type(exc).__name__}: {str(exc)[:300]}. "
              "Chi tiết đã được ghi vào tệp nhật ký logs/sothidua.log trong thư mục dữ liệu (nếu mở được); "
              "hãy gửi tệp đó cho người hỗ trợ phần mềm.", file=sys.stderr)
        return 70
