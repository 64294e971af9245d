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
    parser.add_argument("--database", metavar="postgresql://…", default=argparse.SUPPRESS,
                        help="cấp tiếp nhận: cơ sở dữ liệu PostgreSQL dùng chung (postgresql://tài_khoản@máy_chủ/tên); "
                             "mật khẩu lấy từ kho khóa của hệ điều hành (lệnh db-password); --data-dir là thư mục "
                             "dùng chung chứa tệp hồ sơ")


#: The options of the window's start; with these alone no command's parser is built (WINDOW_OPTIONS_ONLY).
VALUE_OPTIONS = ("--data-dir", "--database")
FLAG_OPTIONS = ("--self-test", "--demo-if-empty", "--keyring-check")


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line. The officer's start (`main.py`, perhaps with --data-dir) is parsed without building the
    parsers of the forty commands (14 ms of the start); anything else — a command, a typo, --help — gets the
    whole parser and its messages."""
    return build_parser(with_commands=not window_options_only(argv)).parse_args(argv)


def window_options_only(argv: list[str]) -> bool:
    expect_value = False
    for word in argv:
        if expect_value:
            expect_value = False
        elif word in VALUE_OPTIONS:
            expect_value = True
        elif word not in FLAG_OPTIONS and word.partition("=")[0] not in VALUE_OPTIONS:   # --data-dir=X
            return False
    return not expect_value


def build_parser(with_commands: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Sổ Thi đua — sổ theo dõi phong trào thi đua cấp xã")
    add_common(parser)
    parser.add_argument("--self-test", action="store_true",
                        help="mở thư mục dữ liệu, dựng cửa sổ chính (không hiển thị) rồi thoát; mã 0 nếu mọi thứ ổn")
    parser.add_argument("--demo-if-empty", action="store_true",
                        help="tạo xã mẫu nếu thư mục dữ liệu chưa có dữ liệu (dùng thử)")
    # Hidden: the bundle's smoke test (are keyring backends found through the package metadata?).
    parser.add_argument("--keyring-check", action="store_true", help=argparse.SUPPRESS)
    if not with_commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(dest="command", metavar="LỆNH")
    for name, (func, help_text) in COMMANDS.items():
        p = sub.add_parser(name, help=help_text, description=help_text)
        add_common(p)
        getattr(func, "configure", lambda _p: None)(p)
    return parser


@contextlib.contextmanager
def opened(args):
    """The workspace of --data-dir as a Session, closed at the end."""
    session = open_session(getattr(args, "data_dir", None), database=getattr(args, "database", None))
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
            done = dossier.issue_document(ws, round_.id, args.issue, number, signed or ws.clock.today(),
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


@command("import-return", "nhận gói trả kết quả do Sở Nội vụ ký (quyết định khen thưởng hoặc thông báo bổ sung); "
                          "lần đầu cần --trust-fingerprint sau khi đối chiếu dấu vân tay in trên văn bản của Sở")
def cmd_import_return(args) -> int:
    from .core.exchange import return_intake

    with opened(args) as ws:
        try:
            done = return_intake.import_return_packet(ws, args.file, trust_fingerprint=args.trust_fingerprint)
        except UserError as error:
            if error.code in ("returns.confirm_fingerprint", "returns.key_changed"):
                print(str(error), file=sys.stderr)
                return 3
            raise
    print(return_intake.describe(done))
    return 0


cmd_import_return.configure = lambda p: (
    p.add_argument("file", metavar="TỆP", help="tệp gói trả kết quả (.zip), ví dụ SNV_tra_02095_001.zip"),
    p.add_argument("--trust-fingerprint", metavar="DẤU_VÂN_TAY",
                   help="dấu vân tay khóa ký của Sở Nội vụ, đã đối chiếu với bản in trên văn bản của Sở"))


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


@command("import-xlsx", "nhập danh sách cá nhân, tập thể, thành tích, lịch sử khen thưởng hoặc đăng ký thi đua từ "
                        "tệp Excel (.xlsx, .xlsm, .xls); --dry-run chỉ xem trước, không ghi gì")
def cmd_import_xlsx(args) -> int:
    from .core.spreadsheets import importing

    with opened(args) as ws:
        plan = importing.read_import(ws, args.file, sheet=args.sheet, kind=args.kind,
                                     default_category=args.category, year=args.year, registered_on=args.date or "")
        say(f"Tệp {plan.file_name}, trang tính \"{plan.sheet}\", dòng tiêu đề {plan.header_row}: "
            f"{importing.cols.LIST_KINDS[plan.kind]}")
        for index, (heading, key, detected) in enumerate(zip(plan.headings, plan.mapping, plan.encodings)):
            if not heading and not key:
                continue
            target = importing.cols.FIELD_BY_KEY[key].label if key else "(không nhập)"
            code = "" if detected == "unicode" else f" [bảng mã {detected.upper()} → Unicode]"
            shown = " ".join(heading.split())
            say(f"  cột {importing.cols.column_letter(index)} \"{shown}\" → {target}{code}")
        if plan.already_imported:
            say(f"Tệp này (cùng SHA-256) đã được nhập lúc {plan.already_imported}.")
        for row in plan.rows:
            line = f"  dòng {row.row}: {importing.VERDICT_LABELS[row.verdict]}"
            if row.name:
                line += f" — {row.name}"
            if row.changes:
                line += " (" + "; ".join(f"{label}: \"{old}\" → \"{new}\"" for label, old, new in row.changes) + ")"
            if row.reason:
                line += f" — {row.reason}"
            say(line)
        say(plan.summary())
        if args.errors_out and (plan.errors or plan.count(importing.DUPLICATE)):
            path = importing.write_error_report(ws, plan, args.errors_out)
            say(f"Đã ghi các dòng chưa nhập (cột \"Lý do\") vào {path}")
        if args.dry_run:
            say("Xem trước (--dry-run): chưa ghi gì vào sổ.")
            return 1 if plan.errors else 0
        if plan.errors and not args.skip_errors:
            say(f"Có {len(plan.errors)} dòng lỗi: chưa nhập gì. Sửa tệp rồi nhập lại, hoặc dùng --skip-errors để "
                f"nhập các dòng hợp lệ.", file=sys.stderr)
            return 1
        result = importing.apply_import(ws, plan)
    say(f"Đã nhập: {result.created} mới, {result.updated} cập nhật, {result.unchanged} đã có không đổi"
        + (f", {result.not_imported} dòng không nhập" if result.not_imported else "")
        + (f". Lần nhập số {result.batch_id} (hoàn tác: python main.py undo-import {result.batch_id})"
           if result.batch_id else "."))
    return 0


cmd_import_xlsx.configure = lambda p: (
    p.add_argument("file", metavar="TỆP", help="tệp Excel (.xlsx, .xlsm, .xls)"),
    p.add_argument("--sheet", metavar="TÊN", help="tên trang tính (mặc định: trang đầu tiên)"),
    p.add_argument("--kind", choices=("individuals", "collectives", "achievements", "awards", "registrations"),
                   help="loại danh sách (mặc định: đoán theo tiêu đề cột)"),
    p.add_argument("--year", type=int, metavar="NĂM",
                   help="đăng ký thi đua: năm đăng ký khi tệp không có cột Năm"),
    p.add_argument("--date", metavar="NGÀY",
                   help="đăng ký thi đua: ngày của bản đăng ký (dd/mm/yyyy) khi tệp không có cột Ngày đăng ký"),
    p.add_argument("--category", metavar="MÃ", help="thành phần cho người/tập thể mới khi tệp không có cột này "
                                                    "(ví dụ can_bo, thon_ban)"),
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước từng dòng, không ghi gì"),
    p.add_argument("--skip-errors", action="store_true", help="nhập các dòng hợp lệ dù có dòng lỗi"),
    p.add_argument("--errors-out", metavar="TỆP.xlsx", help="ghi các dòng lỗi, trùng kèm cột \"Lý do\" để sửa"))


@command("undo-import", "hoàn tác một lần nhập từ Excel (khi chưa có gì khác thay đổi các bản ghi đó)")
def cmd_undo_import(args) -> int:
    from .core.spreadsheets import importing

    with opened(args) as ws:
        if args.batch is None:
            for b in importing.import_batches(ws):
                state = f"đã hoàn tác {b.undone_at}" if b.undone_at else "còn hiệu lực"
                say(f"  {b.id}: {b.created_at} {b.file_name} ({importing.cols.LIST_KINDS[b.kind]}) — {state}")
            return 0
        count = importing.undo_import(ws, args.batch)
    say(f"Đã hoàn tác lần nhập số {args.batch} ({count} bản ghi).")
    return 0


cmd_undo_import.configure = lambda p: p.add_argument("batch", type=int, nargs="?", metavar="SỐ",
                                                     help="số lần nhập (không ghi: liệt kê các lần nhập)")


@command("export-xlsx", "xuất một danh sách ra tệp Excel .xlsx (hoặc CSV UTF-8 có BOM)")
def cmd_export_xlsx(args) -> int:
    from .core.register.participants import ParticipantFilter
    from .core.spreadsheets import exporting
    from .core.vocabulary import COLLECTIVE, INDIVIDUAL

    with opened(args) as ws:
        commune = ws.home_commune()
        if commune is None:
            raise UserError("commune.not_configured")
        if args.list == "register":
            kind = {"individuals": INDIVIDUAL, "collectives": COLLECTIVE}.get(args.kind)
            flt = ParticipantFilter(commune_id=commune.id, kind=kind, search=args.search or "",
                                    archived=args.archived)
            path = exporting.export_register(ws, flt, args.out, as_csv=args.csv)
        elif args.list == "awards":
            path = exporting.export_award_history(ws, args.out, as_csv=args.csv)
        elif args.list == "checklists":
            path = exporting.export_checklists(ws, args.out, as_csv=args.csv)
        else:
            from .core.nominations import rounds

            if args.round is None:
                raise UserError("cli.round_needed")
            round_ = rounds.find_round(ws, args.round)
            path = exporting.export_round(ws, round_.id, args.out, as_csv=args.csv)
    say(f"Đã ghi {path}")
    return 0


cmd_export_xlsx.configure = lambda p: (
    p.add_argument("list", choices=("register", "awards", "round", "checklists"),
                   help="register: sổ theo dõi; awards: lịch sử khen thưởng; round: danh sách của một đợt; "
                        "checklists: kết quả phiếu tiêu chuẩn kèm lý do"),
    p.add_argument("--out", required=True, metavar="TỆP", help="tệp ghi ra (.xlsx, hoặc .csv với --csv)"),
    p.add_argument("--csv", action="store_true", help="ghi CSV UTF-8 có BOM thay cho .xlsx"),
    p.add_argument("--kind", choices=("individuals", "collectives"), help="chỉ cá nhân hoặc chỉ tập thể"),
    p.add_argument("--search", metavar="CHỮ", help="như ô tìm kiếm của sổ theo dõi"),
    p.add_argument("--archived", action="store_true", help="danh sách đã lưu trữ"),
    p.add_argument("--round", type=int, metavar="N", help="số đợt (với round)"))


@command("template-xlsx", "ghi tệp Excel mẫu (trống) cho một loại danh sách")
def cmd_template_xlsx(args) -> int:
    from .core.spreadsheets import template

    with opened(args) as ws:
        path = template.write_template(ws, args.kind, args.out)
    say(f"Đã ghi tệp mẫu {path}")
    return 0


cmd_template_xlsx.configure = lambda p: (
    p.add_argument("kind", choices=("individuals", "collectives", "achievements", "awards")),
    p.add_argument("--out", required=True, metavar="TỆP.xlsx"))


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


# ----- the two ends of the year (issue 15) ------------------------------------------------------------------

def _campaign(args):
    from .core.register.campaigns import list_campaigns

    found = [c for c in list_campaigns(args._session) if not getattr(args, "campaign", None) or c.code == args.campaign]
    if not found:
        raise UserError("registration.campaign_required")
    return found[0]


@command("register", "đăng ký thi đua đầu năm: một tập thể hoặc cá nhân đăng ký danh hiệu, hình thức khen thưởng "
                     "(tập thể có thể kèm danh sách thành viên --member)")
def cmd_register(args) -> int:
    from .core.register import registrations
    from .core.vocabulary import AWARD_CODES_BY_CATEGORY

    with opened(args) as ws:
        args._session = ws
        campaign = _campaign(args)
        who = registrations.participant_named(ws, args.participant)
        category = next((cat for cat, terms in AWARD_CODES_BY_CATEGORY.items() if args.aim in terms), "")
        values = {"campaign_id": campaign.id, "year": str(args.year), "participant_id": who.id,
                  "aim_category": category, "aim_code": args.aim, "registered_on": args.date, "note": args.note or ""}
        if args.member:
            members = [registrations.participant_named(ws, m).id for m in args.member]
            made = registrations.register_collective(ws, values, members)
        else:
            made = [registrations.save_registration(ws, values, source="command")]
    print(f"Đã ghi {len(made)} đăng ký thi đua năm {args.year} ({who.name}).")
    return 0


def _configure_register(p):
    p.add_argument("--participant", required=True, metavar="TÊN", help="tên tập thể hoặc cá nhân, đúng như trong sổ")
    p.add_argument("--aim", required=True, metavar="MÃ", help="mã danh hiệu hoặc hình thức: LDTT, CSTDCS, TTLDXS, "
                                                               "THON_VH, giay_khen, bang_khen_tinh…")
    p.add_argument("--year", required=True, type=int)
    p.add_argument("--date", required=True, metavar="dd/mm/yyyy", help="ngày đăng ký")
    p.add_argument("--member", action="append", metavar="TÊN", help="thành viên đăng ký theo danh sách của tập thể "
                                                                      "(Lao động tiên tiến); lặp lại cho mỗi người")
    p.add_argument("--campaign", metavar="MÃ", help="mã phong trào (mặc định: phong trào mới nhất)")
    p.add_argument("--note")


cmd_register.configure = _configure_register


@command("registrations", "bản đăng ký thi đua của một năm (của xã, hoặc của một đơn vị --unit) thành PDF")
def cmd_registrations(args) -> int:
    from .core.documents import year_end
    from .core.documents.round_documents import save_files
    from .core.register import registrations

    with opened(args) as ws:
        args._session = ws
        campaign = _campaign(args)
        unit = registrations.participant_named(ws, args.unit).id if args.unit else None
        rows = registrations.list_registrations(ws, campaign.id, args.year, collective_id=unit)
        for r in rows:
            print(f"{r.name}\t{r.aim_name}\t{r.collective_name}")
        written = save_files([(f"Ban_dang_ky_thi_dua_{args.year}.pdf",
                               year_end.print_registration_list(ws, campaign.id, args.year, unit))], args.out)
    print(f"{len(rows)} đăng ký; đã ghi {written[0]}")
    return 0


cmd_registrations.configure = lambda p: (
    p.add_argument("--year", required=True, type=int), p.add_argument("--unit", metavar="TÊN_TẬP_THỂ"),
    p.add_argument("--campaign", metavar="MÃ"), p.add_argument("--out", required=True, metavar="DIR"))


@command("decision", "nhập quyết định khen thưởng nhận về (bản giấy) cho một đợt đề nghị")
def cmd_decision(args) -> int:
    from .core.nominations import outcomes, rounds

    with opened(args) as ws:
        r = rounds.find_round(ws, args.round)
        issuer, level = outcomes.decision_issuer_default(ws, args.form)
        d = outcomes.record_decision_back(ws, r.id, {
            "award_form": args.form, "number": args.number, "decided_on": args.date, "issuer": args.issuer or issuer,
            "level": level, "signer": args.signer, "signer_title": args.signer_title, "title": args.title or ""})
    print(f"Đã ghi quyết định số {d.number} ngày {args.date} ({d.issuer}) cho đợt số {args.round}.")
    return 0


cmd_decision.configure = lambda p: (
    p.add_argument("--round", required=True, type=int, metavar="N"),
    p.add_argument("--form", default="bang_khen_tinh", metavar="MÃ", help="hình thức (mặc định bang_khen_tinh)"),
    p.add_argument("--number", required=True), p.add_argument("--date", required=True, metavar="dd/mm/yyyy"),
    p.add_argument("--issuer"), p.add_argument("--signer", required=True),
    p.add_argument("--signer-title", default="CHỦ TỊCH"), p.add_argument("--title"))


@command("outcome", "ghi kết quả của một người được đề nghị theo quyết định nhận về: được khen (--decision SỐ) "
                    "hoặc không được khen (--reason)")
def cmd_outcome(args) -> int:
    from .core.nominations import outcomes, rounds
    from .core.register import registrations

    with opened(args) as ws:
        r = rounds.find_round(ws, args.round)
        who = registrations.participant_named(ws, args.participant)
        row = next((x for x in outcomes.outcomes_of(ws, r.id) if x.participant_id == who.id
                    and (not args.form or x.award_form == args.form)), None)
        if row is None:
            raise UserError("outcomes.nominee_not_found")
        if args.reason:
            outcomes.set_outcome(ws, row.nominee_id, "not_awarded", reason=args.reason)
            print(f"{who.name}: không được khen thưởng — {args.reason}")
            return 0
        decision = next((d for d in outcomes.decisions_back(ws, r.id) if d.number == args.decision), None)
        if decision is None:
            raise UserError("outcomes.decision_required")
        o = outcomes.set_outcome(ws, row.nominee_id, "awarded", decision_id=decision.id,
                                 certificate_text=args.text or "", prize_amount=args.prize)
        print(f"{who.name}: được khen thưởng theo quyết định số {decision.number}; đã ghi vào lịch sử khen thưởng "
              f"(mục {o.award_id}).")
    return 0


cmd_outcome.configure = lambda p: (
    p.add_argument("--round", required=True, type=int, metavar="N"),
    p.add_argument("--participant", required=True, metavar="TÊN"), p.add_argument("--form", metavar="MÃ"),
    p.add_argument("--decision", metavar="SỐ"), p.add_argument("--reason", metavar="LÝ_DO"),
    p.add_argument("--text", metavar="NỘI_DUNG", help="nội dung ghi trên giấy khen"),
    p.add_argument("--prize", type=int, metavar="ĐỒNG"))


@command("certificates", "in giấy khen của một đợt (PDF, A4 ngang) theo mẫu phôi, kèm danh sách khen thưởng và "
                         "danh sách chi tiền thưởng (PDF, .xlsx); --calibration: trang căn chỉnh")
def cmd_certificates(args) -> int:
    from .core.documents import certificates, year_end
    from .core.documents.round_documents import save_files
    from .core.nominations import rounds

    with opened(args) as ws:
        if args.calibration:
            files = [("Trang_can_chinh.pdf", certificates.print_calibration(ws, args.design, args.printer or ""))]
        else:
            r = rounds.find_round(ws, args.round)
            files = [("Giay_khen.pdf", certificates.print_certificates(ws, r.id, None, args.design, args.printer or "")),
                     ("Danh_sach_khen_thuong.pdf", year_end.print_ceremony_list(ws, r.id)),
                     ("Danh_sach_khen_thuong.xlsx", year_end.ceremony_xlsx(ws, r.id)),
                     ("Danh_sach_chi_thuong.pdf", year_end.print_payout_list(ws, r.id)),
                     ("Danh_sach_chi_thuong.xlsx", year_end.payout_xlsx(ws, r.id))]
        for path in save_files(files, args.out):
            print(path)
    return 0


cmd_certificates.configure = lambda p: (
    p.add_argument("--round", type=int, metavar="N"), p.add_argument("--out", required=True, metavar="DIR"),
    p.add_argument("--design", metavar="MẪU", help="phoi_giay_khen_xa | a4_khung_giay_khen (mặc định: mẫu đã chọn)"),
    p.add_argument("--printer", metavar="MÁY_IN", help="dùng độ lệch đã lưu cho máy in này"),
    p.add_argument("--calibration", action="store_true"))


@command("report", "số liệu phong trào và báo cáo tổng kết (PDF, .docx) cho một khoảng năm, kèm biểu số liệu khen "
                   "thưởng của năm cuối (PDF, .xlsx; tiêu đề theo biểu 0603.N, chưa đối chiếu)")
def cmd_report(args) -> int:
    from .core.documents import movement_report, year_end
    from .core.documents.round_documents import save_files
    from .core.nominations import statistics

    with opened(args) as ws:
        args._session = ws
        campaign = _campaign(args)
        s = statistics.movement_statistics(ws, campaign.id, args.year_from, args.year_to)
        for title, figures in (("Tham gia", s.participants), ("Nội dung", s.by_content), ("Lĩnh vực", s.by_field),
                               ("Năm", s.by_year), ("Khen thưởng", s.awards), ("Nữ", s.women),
                               ("Kết quả đề nghị", s.outcomes)):
            print(title + ": " + "; ".join(f"{f.label} {f.value}" + (f"/{f.total}" if f.total is not None else "")
                                           for f in figures))
        stem = f"Bao_cao_tong_ket_{args.year_from}-{args.year_to}"
        for path in save_files([(f"{stem}.pdf", movement_report.print_summary_report(ws, campaign.id, args.year_from,
                                                                                      args.year_to)),
                                (f"{stem}.docx", movement_report.print_summary_report(
                                    ws, campaign.id, args.year_from, args.year_to, "docx")),
                                (f"Bieu_so_lieu_khen_thuong_{args.year_to}.pdf",
                                 year_end.print_statistics_form(ws, args.year_to)),
                                (f"Bieu_so_lieu_khen_thuong_{args.year_to}.xlsx",
                                 year_end.statistics_form_xlsx(ws, args.year_to))], args.out):
            print(path)
    return 0


cmd_report.configure = lambda p: (
    p.add_argument("--from", dest="year_from", required=True, type=int),
    p.add_argument("--to", dest="year_to", required=True, type=int), p.add_argument("--campaign", metavar="MÃ"),
    p.add_argument("--out", required=True, metavar="DIR"))
def _ask_password(prompt: str) -> str:
    import getpass

    password = getpass.getpass(prompt)
    if not password:
        raise UserError("cli.password_empty")
    return password


@command("db-password", "lưu mật khẩu tài khoản PostgreSQL của cán bộ vào kho khóa của hệ điều hành (không lưu ra tệp)")
def cmd_db_password(args) -> int:
    from .core.storage import engines
    from .core.storage.secrets import SecretStore

    url = getattr(args, "database", None)
    if not engines.is_postgres_url(url) or engines.has_password(url):
        raise UserError("cli.database_url_needed")
    SecretStore().set(engines.password_key(url), _ask_password(f"Mật khẩu của {engines.url_user(url)}: "))
    say(f"Đã lưu mật khẩu vào kho khóa của hệ điều hành cho {engines.redact(url)}.")
    return 0


@command("receiving-db", "quản trị cơ sở dữ liệu tiếp nhận dùng chung của Sở (PostgreSQL): create — tạo và nâng cấp; "
         "add-officer — thêm tài khoản cán bộ với quyền; assign — giao xã cho cán bộ")
def cmd_receiving_db(args) -> int:
    import psycopg
    from psycopg import sql as psql

    from .core.exchange import receiving
    from .core.exchange.receiving import review
    from .core.storage import engines
    from .core.storage.secrets import SecretStore
    from .core.register.communes import set_setting

    url = getattr(args, "database", None)
    if not engines.is_postgres_url(url):
        raise UserError("cli.database_url_needed")
    if not getattr(args, "data_dir", None):
        raise UserError("cli.receive_needs_data_dir")
    if args.action == "create":
        # the database itself, made by the server's administrator (a role that may create databases and roles)
        password = None
        if not engines.has_password(url):
            try:
                password = SecretStore().get(engines.password_key(url))
            except UserError:
                password = None
        base = url.rsplit("/", 1)[0] + "/postgres"
        name = url.rsplit("/", 1)[1].split("?", 1)[0]
        try:
            with psycopg.connect(base, password=password, autocommit=True, connect_timeout=10) as conn:
                if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
                    conn.execute(psql.SQL("CREATE DATABASE {} ENCODING 'UTF8' TEMPLATE template0").format(
                        psql.Identifier(name)))
                    say(f"Đã tạo cơ sở dữ liệu {name}.")
        except psycopg.Error as exc:
            raise UserError("db.postgres_unreachable", url=engines.redact(base), detail=str(exc).splitlines()[0]) from exc
    with opened(args) as ws:
        if args.action == "create":
            receiving.make_receiver_workspace(ws)
            if args.province_code:
                set_setting(ws, "province_code", args.province_code)
            if args.province_name:
                set_setting(ws, "province_name", args.province_name)
            say(f"Cơ sở dữ liệu tiếp nhận sẵn sàng: {engines.redact(url)}; thư mục dùng chung: {ws.paths.root}")
        elif args.action == "add-officer":
            if not args.login or not args.duty:
                raise UserError("cli.officer_needs_login_and_duty")
            password = _ask_password(f"Mật khẩu mới cho {args.login}: ")
            if _ask_password("Nhập lại mật khẩu: ") != password:
                raise UserError("cli.passwords_differ")
            review.create_officer_login(ws, args.login, password, args.duty, full_name=args.name or "")
            say(f"Đã tạo tài khoản {args.login} với quyền: {', '.join(args.duty)}.")
        elif args.action == "assign":
            if not args.login or not args.commune:
                raise UserError("cli.assign_needs_commune_and_login")
            review.assign_commune(ws, args.commune, args.login)
            say(f"Đã giao xã {args.commune} cho {args.login}.")
    return 0


cmd_receiving_db.configure = lambda p: (
    p.add_argument("action", choices=["create", "add-officer", "assign"]),
    p.add_argument("login", nargs="?", help="tên tài khoản của cán bộ (chữ thường, số, _)"),
    p.add_argument("--duty", action="append", choices=["import", "review", "decide", "admin"],
                   help="quyền: import (tiếp nhận), review (thẩm định), decide (ghi quyết định), admin; lặp lại được"),
    p.add_argument("--name", help="họ và tên cán bộ"),
    p.add_argument("--commune", metavar="MÃ_XÃ", help="mã xã giao cho cán bộ (assign)"),
    p.add_argument("--province-code", help="mã của Sở dùng trong tên gói trả kết quả (create)"),
    p.add_argument("--province-name", help="tên cơ quan in trên thông báo (create)"))


@command("preview", "xem trước việc tiếp nhận một gói: sẽ thêm, cập nhật, thay thế gì (không ghi gì)")
def cmd_preview(args) -> int:
    from .core.exchange.receiving.preview import preview_packet

    with opened(args) as ws:
        p = preview_packet(ws, args.packet)
    say(f"{p.file_name}: {p.verdict_label}" + (f" — xã {p.commune_name} ({p.commune_code}), đợt {p.round_number} "
                                               f"lần {p.round_version}" if p.commune_code else ""))
    for table in p.added:
        say(f"  {table}: thêm {p.added[table]}, cập nhật {p.updated[table]}")
    for name in p.superseded:
        say(f"  thay thế: {name}")
    return 0 if p.would_import else 1


cmd_preview.configure = lambda p: p.add_argument("packet", metavar="PACKET")


@command("dashboard", "bảng theo dõi hồ sơ của các xã (cấp tiếp nhận); --xlsx ghi ra tệp Excel")
def cmd_dashboard(args) -> int:
    from .core.exchange.receiving import review

    with opened(args) as ws:
        rows = review.dashboard(ws, only_mine=args.mine)
    if args.xlsx:
        say(f"Đã ghi {review.export_dashboard(rows, args.xlsx)}")
        return 0
    for r in rows:
        say(f"{r.code}\t{r.name}\tchờ {r.waiting}\tbổ sung {r.returned}\tquyết định {r.decided}\t"
            f"hạn {r.next_deadline.strftime('%d/%m/%Y') if r.next_deadline else '—'}\t{r.officer}")
    return 0


cmd_dashboard.configure = lambda p: (p.add_argument("--xlsx", metavar="FILE"),
                                     p.add_argument("--mine", action="store_true", help="chỉ các xã giao cho tôi"))


@command("publish-rules", "cấp tiếp nhận: ký bộ quy định của tỉnh (PACK.json) bằng khóa của Sở trong kho khóa, ghi ra --out")
def cmd_publish_rules(args) -> int:
    import json

    from .core.exchange import returns
    from .core.fingerprints import format_fingerprint

    with opened(args) as ws:
        pack = json.loads(open(args.pack, encoding="utf-8").read())
        signed = returns.publish_rules_pack(ws, pack.get("pack", pack), args.out)
    say(f"Đã ký và ghi {args.out}\nDấu vân tay khóa của Sở (công bố để xã đối chiếu): {format_fingerprint(signed.fingerprint)}")
    return 0


cmd_publish_rules.configure = lambda p: (p.add_argument("pack", metavar="PACK.json"),
                                         p.add_argument("--out", required=True, metavar="OUT.json"))


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
