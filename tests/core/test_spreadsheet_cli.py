"""`python main.py import-xlsx / export-xlsx / template-xlsx / undo-import`: the same services without a window."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import openpyxl

from . import xlsx_samples as samples

ROOT = Path(__file__).resolve().parents[2]


def _runner(data: Path):
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "PYTHONIOENCODING": "utf-8"}
    return lambda *args: subprocess.run([sys.executable, str(ROOT / "main.py"), *args, "--data-dir", str(data)],
                                        capture_output=True, text=True, timeout=300, cwd=ROOT, env=env)


def test_import_dry_run_then_import_then_undo_and_export(tmp_path):
    data = tmp_path / "data"
    run = _runner(data)
    assert run("demo").returncode == 0
    source = samples.commune_individuals(tmp_path / "thon.xlsx", encoding="vni")

    dry = run("import-xlsx", str(source), "--dry-run", "--errors-out", str(tmp_path / "loi.xlsx"))
    assert dry.returncode == 1, dry.stderr                       # a row has an error
    assert 'cột B "Họ và tên" → Họ và tên / Tên tập thể [bảng mã VNI → Unicode]' in dry.stdout
    assert "dòng 6: Mới — Nguyễn Thị Đào" in dry.stdout
    assert "Dòng 10, cột C: ngày sinh 31/02/1980 không có thật" in dry.stdout
    assert "6 dòng: 4 mới, 0 sẽ cập nhật, 0 đã có không đổi, 0 trùng trong tệp, 1 lỗi, 1 bỏ qua." in dry.stdout
    assert "chưa ghi gì" in dry.stdout
    assert list(openpyxl.load_workbook(tmp_path / "loi.xlsx").active.values)[0][-1] == "Lý do"

    refused = run("import-xlsx", str(source))
    assert refused.returncode == 1 and "chưa nhập gì" in refused.stderr
    done = run("import-xlsx", str(source), "--skip-errors")
    assert done.returncode == 0, done.stderr
    assert "Đã nhập: 4 mới" in done.stdout and "undo-import 1" in done.stdout
    again = run("import-xlsx", str(source), "--skip-errors")
    assert "Đã nhập: 0 mới, 0 cập nhật, 4 đã có không đổi" in again.stdout and "đã được nhập lúc" in again.stdout

    out = tmp_path / "so.xlsx"
    exported = run("export-xlsx", "register", "--out", str(out), "--search", "dao")
    assert exported.returncode == 0, exported.stderr
    names = [r[1] for r in openpyxl.load_workbook(out).active.iter_rows(min_row=2, values_only=True)]
    assert "Nguyễn Thị Đào" in names

    listed = run("undo-import")
    assert "1: " in listed.stdout and "còn hiệu lực" in listed.stdout
    undone = run("undo-import", "1")
    assert undone.returncode == 0 and "4 bản ghi" in undone.stdout
    out2 = tmp_path / "so2.xlsx"
    run("export-xlsx", "register", "--out", str(out2), "--search", "dao")
    names = [r[1] for r in openpyxl.load_workbook(out2).active.iter_rows(min_row=2, values_only=True)]
    assert "Nguyễn Thị Đào" not in names

    blank = tmp_path / "mau.xlsx"
    assert run("template-xlsx", "awards", "--out", str(blank)).returncode == 0
    assert openpyxl.load_workbook(blank).sheetnames[:2] == ["Danh sách", "Hướng dẫn"]


def test_a_bad_file_exits_2_with_its_message(tmp_path):
    data = tmp_path / "data"
    run = _runner(data)
    assert run("demo").returncode == 0
    renamed = tmp_path / "danh-sach.xlsx"
    renamed.write_text("STT;Họ và tên\n1;Nguyễn Thị Đào\n", encoding="utf-8")
    result = run("import-xlsx", str(renamed), "--dry-run")
    assert result.returncode == 2
    assert "CSV" in result.stderr and "danh-sach.xlsx" in result.stderr
