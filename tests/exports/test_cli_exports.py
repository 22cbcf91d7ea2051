"""`ntm-tui export`, `assignments`, `evidence` and the Markdown of `status --format github`."""
from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
import unicodedata

import pytest

from db.connection import close_database
from ntm_tui.__main__ import main


def run(capsys, *argv):
    close_database()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(demo_db):
    close_database()
    return str(demo_db)


def test_export_to_the_default_folder_then_refuse_to_overwrite(db, capsys, tmp_path):
    code, out, err = run(capsys, "--db", db, "--today", "05/04/2023", "export", "report",
                         "--year", "2023", "--period", "2023-Q1")
    target = tmp_path / "exports" / "bao-cao-2023-Q1.pdf"  # NTM_TUI_EXPORTS from conftest
    assert code == 0, err
    assert str(target) in out and "trang" in out
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    before = target.read_bytes()
    code, out, err = run(capsys, "--db", db, "export", "report", "--period", "2023-Q1")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--overwrite" in err and "Traceback" not in err
    assert target.read_bytes() == before
    code, _, err = run(capsys, "--db", db, "export", "report", "--period", "2023-Q1", "--overwrite")
    assert code == 0, err


def test_export_plan_with_output_and_config_font(db, capsys, tmp_path, monkeypatch):
    from exports.pdf.fonts import BUNDLED

    (tmp_path / "config.json").write_text(json.dumps({"font_path": str(BUNDLED["regular"])}))
    out_file = tmp_path / "out" / "kh.pdf"
    code, out, err = run(capsys, "--db", db, "export", "plan", "--year", "2023", "-o", str(out_file))
    assert code == 0, err
    assert out.strip().startswith("Đã ghi") and out_file.exists()
    (tmp_path / "config.json").write_text(json.dumps({"font_path": str(tmp_path / "none.ttf")}))
    code, out, err = run(capsys, "--db", db, "export", "plan", "-o", str(tmp_path / "k2.pdf"))
    assert code == 2 and "Không tìm thấy tệp phông chữ" in err and err.count("\n") == 1


@pytest.mark.parametrize("argv, words", [
    (["export", "bogus"], "Loại báo cáo không hợp lệ"),
    (["export", "report", "--period", "2023-13"], "Kỳ báo cáo không hợp lệ"),
    (["export", "report", "--year", "2023", "--period", "2022-Q1"], "không thuộc năm 2023"),
])
def test_export_bad_input_is_one_vietnamese_line(db, capsys, argv, words):
    code, out, err = run(capsys, "--db", db, *argv)
    assert code == 2 and out == ""
    assert words in err and err.count("\n") == 1


def test_export_in_a_real_process(demo_db, tmp_path):
    close_database()
    env = {**os.environ, "NTM_TUI_DB": str(demo_db)}
    target = tmp_path / "pc.pdf"
    proc = subprocess.run([sys.executable, "-m", "ntm_tui", "export", "assignments", "-o", str(target)],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"Đã ghi {target} ({proc.stdout.split('(')[1].split()[0]} trang)"


def _is_markdown_table(text: str, columns: int) -> list[list[str]]:
    lines = text.strip().splitlines()
    assert all(line.startswith("|") and line.endswith("|") for line in lines)
    assert all(line.count("|") == columns + 1 for line in lines)
    assert set(lines[1].replace("|", "").replace(" ", "")) <= {"-", ":"}
    return [[c.strip() for c in line.strip("|").split("|")] for line in lines]


def test_status_github_is_markdown(db, capsys):
    code, out, _ = run(capsys, "--db", db, "status", "--year", "2023", "--format", "github")
    table = out.split("\n\n")[0]
    cells = _is_markdown_table(table, 4)
    assert cells[0] == ["Mã", "Tiêu chí", "Chỉ tiêu đạt", "Kết quả"]
    assert len(cells) == 2 + 19
    assert cells[2 + 10] == ["11", "Nghèo đa chiều", "0/1", "Chưa đạt"]


def test_assignments_table_formats(db, capsys):
    code, out, _ = run(capsys, "--db", db, "assignments", "--format", "github", "--criteria")
    cells = _is_markdown_table(out, 5)
    assert len(cells) == 2 + 19
    row = {c[0]: c for c in cells[2:]}["2"]
    assert row[2] == "Nguyễn Văn An (minh họa)"
    assert row[4] == "Ban phát triển ấp Hòa Tân, Ban phát triển ấp Hòa Thạnh"
    code, out, _ = run(capsys, "--db", db, "assignments", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 1 + 19 + 57 and all(len(r) == 5 for r in rows)
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "assignments", "--format", "json")
    data = json.loads(out)
    assert data[0] == {"code": "1", "content": "Quy hoạch", "lead": "Nguyễn Văn An (minh họa)",
                       "position": "Công chức Địa chính - Xây dựng", "supports": ""}


def test_evidence_table_and_missing_filter(db, capsys):
    code, out, _ = run(capsys, "--db", db, "evidence", "--year", "2023", "--format", "json")
    items = json.loads(out)
    titles = {i["title"] for i in items}
    assert "Xác nhận điểm phục vụ bưu chính" in titles
    assert all(unicodedata.is_normalized("NFC", i["title"]) for i in items)
    code, out, _ = run(capsys, "--db", db, "evidence", "--missing", "--format", "json")
    missing = json.loads(out)
    assert {i["state"] for i in missing} == {"Còn thiếu", "Chưa có hồ sơ"}
    assert "Xác nhận điểm phục vụ bưu chính" not in {i["title"] for i in missing}
    assert sum(1 for i in missing if i["state"] == "Còn thiếu") == 4
    code, out, _ = run(capsys, "--db", db, "--lang", "en", "evidence", "--missing", "--format", "grid")
    assert code == 0 and "Missing" in out and "No evidence" in out
