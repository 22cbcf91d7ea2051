"""`plan get` / `plan put`: the year's plan as a file, read back identical, refused with its lines."""
from __future__ import annotations

import hashlib

from db.connection import close_database
from ntm_tui.__main__ import main


def run(capsys, *argv):
    close_database()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def state(db) -> str:
    """The data as a dump (the file itself may differ by its WAL)."""
    import json

    from db.portable import dump_document

    close_database()
    data = dump_document(db)
    data = {k: v for k, v in data.items() if k != "meta"}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()


def test_demo_plan_round_trip_is_identical(demo_template, tmp_path, capsys):
    import shutil

    db = tmp_path / "demo.db"
    shutil.copy(demo_template, db)
    one, two = tmp_path / "p1.yaml", tmp_path / "p2.yaml"
    assert run(capsys, "--db", str(db), "plan", "get", "-o", str(one))[0] == 0
    text = one.read_text(encoding="utf-8")
    for needle in ("number: 249/KH-BQL", "date: 24/02/2023", "authority: TM. BQL NTM XÃ", "'12.1'",
                   "Nâng cấp đường cộ Núi Nổi", "to_chuc_ap: "):
        assert needle in text, needle
    works_before = work_ids(db)
    code, _, err = run(capsys, "--db", str(db), "plan", "put", str(one))
    assert code == 0, err
    assert run(capsys, "--db", str(db), "plan", "get", "-o", str(two))[0] == 0
    assert two.read_text(encoding="utf-8") == text
    assert work_ids(db) == works_before  # works keep their rows: their deadline IDs (W12) hold


def work_ids(db) -> list[int]:
    import sqlite3

    from contextlib import closing

    close_database()
    with closing(sqlite3.connect(db)) as conn:
        return [row[0] for row in conn.execute("SELECT id FROM work_item ORDER BY id")]


def test_edited_file_changes_the_plan_and_a_bad_one_is_refused_with_its_lines(tmp_path, capsys):
    db = tmp_path / "x.db"
    assert run(capsys, "--db", str(db), "init", "--commune", "Vĩnh Hòa", "--district", "",
               "--province", "An Giang", "--today", "2023-01-05")  # on the 2021–2025 set[0] == 0
    plan = tmp_path / "kh.yaml"
    plan.write_text(
        "year: 2024\nnumber: 31/KH-UBND\nparent_body: UBND XÃ VĨNH HÒA\nissuer: ''\n"
        "signer: {authority: KT. CHỦ TỊCH, position: PHÓ CHỦ TỊCH, name: Lê Thị Hoa}\n"
        "bases:\n- Căn cứ Quyết định số 12/QĐ-UBND;\n"
        "targets: ['5', '9.2']\n"
        "sections:\n  muc_dich: |-\n    Dòng một.\n    Dòng hai.\n"
        "indicators:\n  '9.2':\n    tasks: [Hỗ trợ xây nhà]\n    works:\n    - {title: Nhà ấp 1, due: 30/9/2024}\n",
        encoding="utf-8")
    assert run(capsys, "--db", str(db), "plan", "put", str(plan))[0] == 0
    code, out, _ = run(capsys, "--db", str(db), "plan", "get", "--year", "2024")
    assert code == 0
    for needle in ("number: 31/KH-UBND", "issuer: ''", "name: Lê Thị Hoa", "- '9.2'",
                   "muc_dich: |-\n    Dòng một.\n    Dòng hai.", "- Hỗ trợ xây nhà", "due: 30/09/2024"):
        assert needle in out, needle
    code, out, _ = run(capsys, "--db", str(db), "targets", "--year", "2024", "--format", "json")
    assert '"9.2"' in out
    before = state(db)
    bad = tmp_path / "bad.yaml"
    bad.write_text("year: 2024\nnumbr: 1\ndate: 31/02/2024\ntargets: ['99.9']\n"
                   "sections:\n  muc: x\nindicators:\n  '9.2':\n    works:\n    - {hamlet: x}\n",
                   encoding="utf-8")
    code, _, err = run(capsys, "--db", str(db), "plan", "put", str(bad))
    assert code == 2 and "Traceback" not in err
    for needle in ("dòng 2: khóa không biết: numbr", "dòng 3: Ngày không hợp lệ", "dòng 4: Không có chỉ tiêu mã 99.9",
                   "dòng 6: khóa không biết: sections.muc", "dòng 10: thiếu «title»"):
        assert needle in err, needle
    assert state(db) == before
    code, _, err = run(capsys, "--db", str(db), "plan", "put", str(bad), "--year", "2023")
    assert code == 2 and "không phải năm 2023" in err
