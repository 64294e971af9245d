"""The same services without a window: demo data, self-test helpers, and (later) dossiers and packets."""
from __future__ import annotations

import argparse
import sys

from .core.errors import UserError
from .core.workspace import open_workspace

COMMANDS = {}


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


@command("demo", "tạo xã mẫu (dữ liệu giả lập) trong một thư mục dữ liệu trống")
def cmd_demo(args) -> int:
    from .core.demo import create_demo_commune

    ws = open_workspace(getattr(args, "data_dir", None))
    try:
        result = create_demo_commune()
    finally:
        ws.close()
    print(f"Đã tạo xã mẫu {result['commune'].name}: {result['participants']} người/tập thể, "
          f"{result['achievements']} thành tích, {result['awards']} mục khen thưởng — tại {ws.paths.root}")
    return 0


@command("backup", "sao lưu toàn bộ dữ liệu (cơ sở dữ liệu và tệp minh chứng) thành một tệp .zip trong thư mục --out")
def cmd_backup(args) -> int:
    from .core.backup import export_backup

    ws = open_workspace(getattr(args, "data_dir", None))
    try:
        path = export_backup(ws, args.out)
    finally:
        ws.close()
    print(f"Đã sao lưu và kiểm tra lại: {path}")
    print("Bản sao lưu không chứa khóa ký của xã (khóa nằm trong kho khóa của hệ điều hành).")
    return 0


cmd_backup.configure = lambda p: p.add_argument("--out", required=True, metavar="DIR",
                                                 help="thư mục ghi bản sao lưu (ví dụ thẻ nhớ USB)")


@command("restore", "khôi phục dữ liệu từ một bản sao lưu (.zip, hoặc bản tự động .sqlite3 trong backups/); "
                    "dữ liệu hiện tại được giữ lại trong backups/. Hãy đóng cửa sổ phần mềm trước.")
def cmd_restore(args) -> int:
    from .core.backup import restore_backup
    from .core.paths import workspace_for

    paths = workspace_for(getattr(args, "data_dir", None))
    result = restore_backup(paths, args.file)
    print(f"Đã khôi phục từ {result.source} vào {paths.root}; {result.evidence_restored} tệp minh chứng được chép lại.")
    if result.previous_copy:
        print(f"Dữ liệu trước khi khôi phục được giữ tại {result.previous_copy}")
    if result.damaged_kept:
        print(f"Tệp dữ liệu bị hỏng được giữ lại tại {result.damaged_kept}")
    return 0


cmd_restore.configure = lambda p: p.add_argument("file", metavar="TỆP", help="tệp sao lưu cần khôi phục")


def run_command(args) -> int:
    func, _ = COMMANDS[args.command]
    try:
        return func(args)
    except UserError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
