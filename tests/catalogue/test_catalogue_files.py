"""Criteria sets written to YAML and xlsx files, read back, replaced, refused."""
import json

import pytest
import yaml
from openpyxl import load_workbook

from db.catalogue import catalogue_document, load_catalogue_file, read_xlsx
from db.errors import ValidationError
from db.models import CriteriaSet

from .conftest import NATIONAL, log_rows, table_dump

CATALOGUE_TABLES = ("criteria_set", "criterion_group", "criterion", "indicator", "indicator_threshold",
                    "result", "change_log")


def _document(db, code):
    from db.bootstrap import prepare
    from db.connection import close_database

    close_database()
    prepare(db, create=False)
    doc = catalogue_document(CriteriaSet.get(CriteriaSet.code == code))
    close_database()
    return doc


def _same_but_code(a, b):
    a, b = dict(a), dict(b)
    a.pop("code"), b.pop("code")
    return json.dumps(a, sort_keys=True, ensure_ascii=False) == json.dumps(b, sort_keys=True, ensure_ascii=False)


@pytest.mark.parametrize("suffix", ["yaml", "xlsx"])
def test_round_trip_of_both_sets(demo_db, cli, tmp_path, suffix):
    assert cli("--db", demo_db, "catalogue", "import", NATIONAL)[0] == 0
    for code in ("an-giang-2021-2025", "test-national-2026-2030"):
        path = tmp_path / f"{code}.{suffix}"
        rc, out, err = cli("--db", demo_db, "catalogue", "export", path, "--set", code)
        assert rc == 0, err
        # Re-importing the exported file over the set changes nothing at all.
        before = log_rows(demo_db)
        rc, out, err = cli("--db", demo_db, "catalogue", "import", path, "--replace")
        assert rc == 0, err
        assert log_rows(demo_db) == before
        # The same file under another code gives an identical set.
        copy = tmp_path / f"copy.{suffix}"
        if suffix == "yaml":
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data["code"] = "copy"
            copy.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        else:
            book = load_workbook(path)
            sheet = book["Bộ tiêu chí"]
            row = next(r for r in sheet.iter_rows() if r[0].value == "code")
            row[1].value = "copy"
            book.save(copy)
        rc, out, err = cli("--db", demo_db, "catalogue", "import", copy)
        assert rc == 0, err
        assert _same_but_code(_document(demo_db, code), _document(demo_db, "copy"))
        rc, out, err = cli("--db", demo_db, "catalogue", "import", copy)
        assert rc == 2 and "--replace" in err
        from db.bootstrap import prepare
        from db.connection import close_database
        from db.models import CriteriaSet as CS

        prepare(demo_db, create=False)
        CS.get(CS.code == "copy").delete_instance(recursive=True)
        close_database()


def test_xlsx_form_is_documented_shape(demo_db, cli, tmp_path):
    path = tmp_path / "ag.xlsx"
    assert cli("--db", demo_db, "catalogue", "export", path)[0] == 0
    book = load_workbook(path)
    assert book.sheetnames == ["Bộ tiêu chí", "Phần", "Chỉ tiêu", "Các phần", "Phiên bản"]
    sheet = book["Chỉ tiêu"]
    head = [c.value for c in sheet[1]]
    assert head[:10] == ["Mã tiêu chí", "Tên tiêu chí", "Phần", "Ngành phụ trách tiêu chí", "Mã chỉ tiêu",
                         "Nội dung chỉ tiêu", "Loại", "So sánh", "Ngưỡng", "Đơn vị"]
    assert sheet.freeze_panes == "A2"
    rows = {r[4]: dict(zip(head, r)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert len(rows) == 57
    assert rows["12.2"]["Ngưỡng"] == 25 and rows["12.2"]["Đơn vị"] == "%" and rows["12.2"]["Loại"] == "Tỷ lệ"
    assert rows["12.1"]["Loại"] == "Nhiều phần" and rows["12.1"]["Ngưỡng"] is None
    parts = [r for r in book["Các phần"].iter_rows(min_row=2, values_only=True) if r[0] == "12.1"]
    assert [(r[2], r[5], r[6], r[7]) for r in parts] == [("nam", ">=", 70, "%"), ("nữ", ">=", 70, "%")]
    versions = {r[0]: r for r in book["Phiên bản"].iter_rows(min_row=2, values_only=True)}
    assert versions["17.1"][1:3] == ("2024-03-01", "Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn")
    assert rows["10"]["Ngưỡng theo năm"] == "2025: >= 62 triệu đồng/người/năm"
    assert rows["17.12"]["Đã xác minh"] == "Không"
    # provenance in words the officer reads, never the stored codes (low, recall, …)
    codes = {"high", "medium", "low", "read", "brief", "plan", "recall", "unknown"}
    for row in rows.values():
        assert not codes & {row["Độ tin cậy nội dung"], row["Độ tin cậy ngưỡng"], row["Cơ sở"]}
    assert rows["12.2"]["Độ tin cậy nội dung"] in ("cao", "trung bình", "thấp")


def test_yaml_errors_name_the_line_and_change_nothing(demo_db, cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    text = NATIONAL.read_text(encoding="utf-8")
    lines = text.splitlines()
    # Find indicator 2.2's threshold line and make it text.
    start = lines.index("  - code: '2.2'")
    value_line = next(i for i in range(start, len(lines)) if lines[i].strip().startswith("value:"))
    lines[value_line] = lines[value_line].split("value:")[0] + "value: abc"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    before = table_dump(demo_db, *CATALOGUE_TABLES)
    rc, out, err = cli("--db", demo_db, "catalogue", "import", bad)
    assert rc == 2
    assert f"dòng {start + 1}" in err and "chỉ tiêu 2.2" in err and "abc" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert table_dump(demo_db, *CATALOGUE_TABLES) == before

    broken = tmp_path / "broken.yaml"
    broken.write_text("code: x\nname: [unclosed\n", encoding="utf-8")
    rc, out, err = cli("--db", demo_db, "catalogue", "import", broken)
    assert rc == 2 and "dòng" in err
    rc, out, err = cli("--db", demo_db, "catalogue", "import", tmp_path / "set.txt")
    assert rc == 2 and ".xlsx" in err


def test_xlsx_errors_name_the_row_and_change_nothing(demo_db, cli, tmp_path):
    path = tmp_path / "n.xlsx"
    cli("--db", demo_db, "catalogue", "import", NATIONAL)
    assert cli("--db", demo_db, "catalogue", "export", path, "--set", "test-national-2026-2030")[0] == 0
    before = table_dump(demo_db, *CATALOGUE_TABLES)
    cases = []
    book = load_workbook(path)
    book["Chỉ tiêu"].cell(row=4, column=9).value = "abc"  # a percentage's threshold as text
    cases.append(("threshold.xlsx", book, ["hàng 4", "2.2", "abc"]))
    book = load_workbook(path)
    book["Chỉ tiêu"].cell(row=5, column=9).value = 50  # a number on a yes/no indicator
    cases.append(("yesno.xlsx", book, ["hàng 5", "Đạt/Không đạt"]))
    book = load_workbook(path)
    book["Chỉ tiêu"].delete_cols(7)  # the kind column
    cases.append(("column.xlsx", book, ["hàng 1", "thiếu cột «Loại»"]))
    book = load_workbook(path)
    book["Chỉ tiêu"].cell(row=9, column=11).value = "2026 >= 70"  # no colon
    cases.append(("by-year.xlsx", book, ["hàng 9", "2026 >= 70"]))
    book = load_workbook(path)
    book["Chỉ tiêu"].cell(row=12, column=5).value = "9.9"  # code outside its criterion
    cases.append(("code.xlsx", book, ["hàng 12", "9.9"]))
    for name, book, needles in cases:
        book.save(tmp_path / name)
        rc, out, err = cli("--db", demo_db, "catalogue", "import", tmp_path / name, "--replace")
        assert rc == 2, name
        assert all(n in err for n in needles), (name, err)
        assert len(err.strip().splitlines()) == 1
    assert table_dump(demo_db, *CATALOGUE_TABLES) == before
    (tmp_path / "junk.xlsx").write_bytes(b"not a spreadsheet")
    with pytest.raises(ValidationError, match="junk.xlsx"):
        read_xlsx(tmp_path / "junk.xlsx")


def test_replace_refuses_when_removed_indicators_hold_results(demo_db, cli, tmp_path):
    path = tmp_path / "ag.yaml"
    cli("--db", demo_db, "catalogue", "export", path)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    crit12 = next(c for c in data["criteria"] if c["code"] == "12")
    crit12["indicators"] = [i for i in crit12["indicators"] if i["code"] != "12.2"]
    crit12["indicators"][0]["parts"][0]["target"]["value"] = 75
    data["stated_counts"]["indicators"] = 56
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    before = table_dump(demo_db, *CATALOGUE_TABLES)
    rc, out, err = cli("--db", demo_db, "catalogue", "import", path, "--replace")
    assert rc == 2 and "12.2" in err and "kết quả" in err
    assert table_dump(demo_db, *CATALOGUE_TABLES) == before


def test_replace_updates_in_place_and_keeps_results(empty_db, cli, tmp_path):
    """Without data on them, indicators can be removed, added and changed; all logged."""
    path = tmp_path / "n.yaml"
    assert cli("--db", empty_db, "catalogue", "import", NATIONAL)[0] == 0
    data = yaml.safe_load(NATIONAL.read_text(encoding="utf-8"))
    crit = data["criteria"][9]
    crit["indicators"].pop()  # 10.3 goes
    crit["indicators"].append({"code": "10.4", "content": "Chỉ tiêu mới", "kind": "yesno"})
    data["criteria"][0]["indicators"][0]["target_by_group"]["3"]["value"] = 65
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rc, out, err = cli("--db", empty_db, "catalogue", "import", path, "--replace")
    assert rc == 0, err
    assert "thêm 10.4, bỏ 10.3" in out
    spec = load_catalogue_file(path)
    assert spec.indicator_count == 47
    rows = log_rows(empty_db)
    labels = {r[0] for r in rows[-6:]}
    assert "test-national-2026-2030 10.4" in labels and "test-national-2026-2030 10.3" in labels
    assert any(r[0] == "test-national-2026-2030 1" and r[3] == "3: >= 65.0" for r in rows)


def test_replace_can_be_undone(empty_db, tmp_path):
    """A replace is one batch in the change log; undo gives back the set as it was."""
    from db.catalogue import parse_catalogue, read_yaml
    from db.changelog import undo_batch
    from db.services.catalogue_edit import import_catalogue

    import_catalogue(load_catalogue_file(NATIONAL))
    cset = CriteriaSet.get(CriteriaSet.code == "test-national-2026-2030")
    original = catalogue_document(cset)
    data = read_yaml(NATIONAL)
    data["name"] = "Bộ đã sửa"
    data["criteria"][1]["indicators"][0]["target_by_year"]["2027"]["value"] = 80
    data["criteria"][9]["indicators"].pop()
    data["criteria"][9]["indicators"].append({"code": "10.9", "content": "Mới", "kind": "yesno"})
    summary = import_catalogue(parse_catalogue(data), replace=True)
    assert (summary.added, summary.removed) == (["10.9"], ["10.3"])
    assert catalogue_document(CriteriaSet.get_by_id(cset.id))["name"] == "Bộ đã sửa"
    undo_batch(summary.batch)
    assert catalogue_document(CriteriaSet.get_by_id(cset.id)) == original


def test_groups_named_only_on_rows_are_kept(tmp_path):
    from db.catalogue import parse_catalogue

    spec = parse_catalogue({"code": "g", "name": "Bộ 2026-2030", "criteria": [
        {"code": "1", "name": "A", "group": "I", "indicators": [{"code": "1", "content": "a"}]},
        {"code": "2", "name": "B", "group": "II", "indicators": [{"code": "2", "content": "b"}]}]})
    assert spec.groups == [("I", "I"), ("II", "II")]
