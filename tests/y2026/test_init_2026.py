"""`init` for a commune created in 2026: official code, commune group, no district; the set of
the current year; bad input refused with one line, the database unchanged."""
from __future__ import annotations

import pytest

from db.bootstrap import prepare
from db.connection import close_database
from db.models import Commune, CommuneCriteriaSet
from tests.y2026.conftest import digest


def periods(db):
    prepare(db, create=False)
    try:
        return [(p.criteria_set.code, p.from_year) for p in
                CommuneCriteriaSet.select().order_by(CommuneCriteriaSet.commune, CommuneCriteriaSet.from_year)]
    finally:
        close_database()


def test_a_commune_created_in_2026_gets_the_national_set_and_its_group(tmp_path, cli):
    db = tmp_path / "ntm.db"
    code, out, err = cli("--db", db, "--today", "2026-12-02", "init", "--commune", "Tân An",
                         "--province", "An Giang", "--code", "30316", "--group", "2")
    assert code == 0, err
    assert "national-2026-2030 từ năm 2026" in out and "Nhóm xã: 2" in out
    assert periods(db) == [("national-2026-2030", 2026)]
    prepare(db, create=False)
    commune = Commune.get()
    assert (commune.district, commune.province, commune.code, commune.commune_group) == \
        ("", "An Giang", "30316", "2")
    close_database()
    code, out, err = cli("--db", db, "--today", "2026-12-02", "status")
    assert code == 0, err
    assert "Năm 2026: 0/10 tiêu chí, 0/47 chỉ tiêu" in out  # opens on the current year


def test_a_2023_today_picks_an_giang_then_the_national_set(tmp_path, cli):
    db = tmp_path / "ntm.db"
    assert cli("--db", db, "--today", "2023-03-16", "init", "--commune", "Tân Thạnh",
               "--province", "An Giang")[0] == 0
    assert periods(db) == [("an-giang-2021-2025", 2021), ("national-2026-2030", 2026)]
    for year, criteria in (("2023", "19"), ("2025", "19"), ("2026", "10"), ("2030", "10")):
        code, out, err = cli("--db", db, "status", "--year", year)
        assert code == 0, (year, err)
        assert f"/{criteria} tiêu chí" in out, (year, out)
    code, _, err = cli("--db", db, "status", "--year", "2031")
    assert code == 2 and "2031" in err


@pytest.mark.parametrize("extra, words", [
    (["--code", "3031"], "5 chữ số"),
    (["--code", "3031a"], "5 chữ số"),
    (["--code", "٣٠٣١٦"], "5 chữ số"),  # Arabic-Indic digits are digits to Python, not a code
    (["--group", "4"], "Nhóm xã"),
    (["--group", "hai"], "Nhóm xã"),
])
def test_bad_code_or_group_is_one_line_and_changes_nothing(tmp_path, cli, extra, words):
    db = tmp_path / "ntm.db"
    assert cli("--db", db, "init", "--commune", "Tân An", "--province", "An Giang")[0] == 0
    before = digest(db)
    code, out, err = cli("--db", db, "init", "--commune", "Long An", "--province", "An Giang", *extra)
    assert code == 2 and words in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err and digest(db) == before


def test_duplicate_name_or_code_is_refused(tmp_path, cli):
    db = tmp_path / "ntm.db"
    assert cli("--db", db, "init", "--commune", "Tân An", "--province", "An Giang",
               "--code", "30316")[0] == 0
    before = digest(db)
    code, _, err = cli("--db", db, "init", "--commune", "TÂN AN", "--province", "Đồng Tháp")
    assert code == 2 and "đã có" in err
    code, _, err = cli("--db", db, "init", "--commune", "Long Phú", "--code", "30316")
    assert code == 2 and "30316" in err and "Tân An" in err
    assert digest(db) == before


def test_a_name_typed_with_xa_in_front_is_kept_without_it(tmp_path, cli):
    """Documents write "UBND XÃ {name}": "Xã Phú Lộc" typed as the name printed "UBND XÃ XÃ PHÚ
    LỘC" and "Xã Phú Lộc, ngày …". Names that merely begin with the letters stay whole."""
    import pdfplumber

    db = tmp_path / "ntm.db"
    code, out, err = cli("--db", db, "--today", "2026-12-02", "init", "--commune", "XÃ  Phú Lộc",
                         "--province", "Cần Thơ", "--group", "2")
    assert code == 0, err
    assert "Đã tạo xã Phú Lộc" in out
    assert cli("--db", db, "--today", "2026-12-02", "init", "--commune", "Xuân Thới")[0] == 0
    pdf = tmp_path / "kh.pdf"
    code, _, err = cli("--db", db, "--today", "2026-12-02", "--commune", "Phú Lộc", "export", "plan",
                       "-o", pdf)
    assert code == 0, err
    with pdfplumber.open(pdf) as document:
        first = document.pages[0].extract_text()
    assert "UBND XÃ PHÚ LỘC" in first and "XÃ XÃ" not in first and "Phú Lộc, ngày" in first
    prepare(db, create=False)
    try:
        assert sorted(c.name for c in Commune.select()) == ["Phú Lộc", "Xuân Thới"]
    finally:
        close_database()
