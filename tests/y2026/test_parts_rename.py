"""The criteria's sections are "parts" (Phần) in set files, so they are not confused with the
commune groups of 2026–2030; files written before (groups, sheet «Nhóm») still read the same."""
from __future__ import annotations

from openpyxl import Workbook, load_workbook

from db.catalogue import catalogue_document, load_catalogue_file, parse_catalogue, read_yaml
from db.models import CriteriaSet

OLD = {"code": "old", "name": "Bộ cũ 2021-2025", "groups": [{"code": "I", "name": "Quy hoạch"},
                                                           {"code": "II", "name": "Hạ tầng"}],
       "criteria": [{"code": "1", "name": "A", "group": "I", "indicators": [{"code": "1", "content": "a"}]},
                    {"code": "2", "name": "B", "group": "II", "indicators": [{"code": "2", "content": "b"}]}]}


def test_old_and_new_keys_read_the_same():
    new = {**OLD, "parts": OLD["groups"],
           "criteria": [{**{k: v for k, v in c.items() if k != "group"}, "part": c["group"]}
                        for c in OLD["criteria"]]}
    del new["groups"]
    for data in (OLD, new):
        spec = parse_catalogue(data)
        assert spec.groups == [("I", "Quy hoạch"), ("II", "Hạ tầng")]
        assert [c.group for c in spec.criteria] == ["I", "II"]


def test_unknown_part_is_named_as_a_part():
    bad = {**OLD, "criteria": [{**OLD["criteria"][0], "group": "IX"}]}
    try:
        parse_catalogue(bad)
    except Exception as exc:  # noqa: BLE001 (the message is what is checked)
        assert "phần không có: IX" in exc.message("vi")
    else:
        raise AssertionError("an unknown part was accepted")


def test_export_writes_parts_and_the_phan_sheet(demo_db, tmp_path):
    from db.catalogue import write_yaml
    from exports.xlsx import write_catalogue_xlsx

    document = catalogue_document(CriteriaSet.get(CriteriaSet.code == "an-giang-2021-2025"))
    assert "groups" not in document and [p["code"] for p in document["parts"]] == ["I", "II", "III", "IV", "V"]
    assert document["criteria"][0]["part"] == "I"
    write_yaml(document, tmp_path / "ag.yaml")
    assert "parts:" in (tmp_path / "ag.yaml").read_text(encoding="utf-8")
    assert read_yaml(tmp_path / "ag.yaml")["criteria"][1]["part"] == "II"
    write_catalogue_xlsx(document, tmp_path / "ag.xlsx")
    book = load_workbook(tmp_path / "ag.xlsx")
    assert book.sheetnames[:3] == ["Bộ tiêu chí", "Phần", "Chỉ tiêu"]  # then compound parts, versions
    assert book["Chỉ tiêu"]["C1"].value == "Phần"


def test_an_old_spreadsheet_with_nhom_still_imports(tmp_path):
    book = Workbook()
    head = book.active
    head.title = "Bộ tiêu chí"
    for row in (["Khóa", "Giá trị"], ["code", "old-xlsx"], ["name", "Bộ cũ"], ["period", "2021-2025"]):
        head.append(row)
    parts = book.create_sheet("Nhóm")
    for row in (["Mã nhóm", "Tên nhóm"], ["I", "Quy hoạch"], ["II", "Hạ tầng"]):
        parts.append(row)
    sheet = book.create_sheet("Chỉ tiêu")
    sheet.append(["Mã tiêu chí", "Tên tiêu chí", "Nhóm", "Mã chỉ tiêu", "Nội dung chỉ tiêu", "Loại"])
    sheet.append(["1", "A", "I", "1", "a", "Đạt/Không đạt"])
    sheet.append(["2", "B", "II", "2", "b", "Đạt/Không đạt"])
    book.save(tmp_path / "old.xlsx")
    spec = load_catalogue_file(tmp_path / "old.xlsx")
    assert spec.groups == [("I", "Quy hoạch"), ("II", "Hạ tầng")]
    assert [c.group for c in spec.criteria] == ["I", "II"]
