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


def run_command(args) -> int:
    func, _ = COMMANDS[args.command]
    try:
        return func(args)
    except UserError as error:
        print(f"Lỗi: {error}", file=sys.stderr)
        return 2
