"""A year's results to Excel and back: exactly the cells changed are previewed and applied."""
from datetime import date, datetime

from openpyxl import load_workbook

from .conftest import log_rows, table_dump

TABLES = ("result", "change_log")


def _export(cli, db, path, year=2023):
    rc, out, err = cli("--db", db, "results", "export", path, "--year", year, "--overwrite")
    assert rc == 0, err
    book = load_workbook(path)
    sheet = book["Kết quả"]
    head = [c.value for c in sheet[1]]
    rows = {sheet.cell(row=r, column=1).value: r for r in range(2, sheet.max_row + 1)}
    return book, sheet, head, rows


def test_export_is_a_readable_table(demo_db, cli, tmp_path):
    path = tmp_path / "kq.xlsx"
    book, sheet, head, rows = _export(cli, demo_db, path)
    assert head == ["Mã chỉ tiêu", "Nội dung", "Chỉ tiêu yêu cầu", "Giá trị", "Tử số", "Mẫu số",
                    "Ngày số liệu", "Kết quả", "Phụ trách", "Minh chứng (đủ/tổng)"]
    assert sheet.freeze_panes == "A2"
    assert len(rows) == 57 and list(rows)[:3] == ["1.1", "1.2", "2.1"]
    assert "17.10" in rows  # codes stay text
    assert sheet.cell(rows["12.1"], 3).value == "nam >= 70%; nữ >= 70%"  # both sexes, each
    r = rows["12.2"]
    assert sheet.cell(r, 3).value == ">= 25%" and sheet.cell(r, 4).value == 20
    assert sheet.cell(r, 7).value == datetime(2022, 12, 31) and sheet.cell(r, 8).value == "Chưa đạt"
    assert sheet.cell(r, 2).alignment.wrap_text
    assert sheet.column_dimensions["B"].width == 60
    assert 6 <= sheet.column_dimensions["A"].width <= 40
    info = {row[0]: row[1] for row in book["Thông tin"].iter_rows(values_only=True)}
    assert info["Năm"] == 2023 and info["Xã"] == "Tân Thạnh"
    rc, out, err = cli("--db", demo_db, "--lang", "en", "results", "export", tmp_path / "en.xlsx",
                       "--year", "2023")
    assert load_workbook(tmp_path / "en.xlsx")["Kết quả"]["A1"].value == "Indicator code"


def test_two_edits_previewed_then_applied_exactly(demo_db, cli, tmp_path):
    path = tmp_path / "kq.xlsx"
    book, sheet, head, rows = _export(cli, demo_db, path)
    sheet.cell(rows["12.1"], 4).value = "nam: 66; nu: 75"  # nữ meets 70, nam does not: "Chưa đạt"
    sheet.cell(rows["2.4"], 7).value = date(2023, 6, 30)  # a newer data date
    book.save(path)

    before = table_dump(demo_db, *TABLES)
    rc, out, err = cli("--db", demo_db, "results", "import", path, "--year", "2023", "--dry-run")
    assert rc == 0, err
    assert out.splitlines() == [  # in the sheet's row order
        "2.4 | Ngày số liệu: 31/12/2022 → 30/06/2023",
        "12.1 | Giá trị: 65 → nam: 66; nữ: 75",
        "2 thay đổi, chưa ghi (chạy thử)",
    ]
    assert table_dump(demo_db, *TABLES) == before

    rc, out, err = cli("--db", demo_db, "results", "import", path, "--year", "2023")
    assert rc == 0, err
    assert out.splitlines()[:2] == ["2.4 | Ngày số liệu: 31/12/2022 → 30/06/2023",
                                    "12.1 | Giá trị: 65 → nam: 66; nữ: 75"]
    batch = out.split("lô ")[1].rstrip(")\n")
    assert log_rows(demo_db, batch) == [
        ("2.4 / 2023", "data_date", "2022-12-31", "2023-06-30"),
        ("12.1 / 2023", "value", "65", "nam: 66; nữ: 75"),  # several parts: no value_number
    ]
    # Importing the same file again finds nothing to change.
    rc, out, err = cli("--db", demo_db, "results", "import", path, "--year", "2023")
    assert rc == 0 and out.startswith("Không có thay đổi nào (57 hàng đã đọc)")


def test_result_and_ratio_columns_import(demo_db, cli, tmp_path):
    path = tmp_path / "kq.xlsx"
    book, sheet, head, rows = _export(cli, demo_db, path)
    sheet.cell(rows["12.2"], 5).value = 45  # numerator
    sheet.cell(rows["12.2"], 6).value = 60  # denominator → 75%
    sheet.cell(rows["1.2"], 8).value = "Không áp dụng"
    book.save(path)
    rc, out, err = cli("--db", demo_db, "results", "import", path, "--year", "2023", "--dry-run")
    assert rc == 0, err
    assert "12.2 | Tử số: (trống) → 45" in out and "12.2 | Mẫu số: (trống) → 60" in out
    assert "12.2 | Giá trị: 20 → 75" in out
    assert "12.2 | Kết quả: Chưa đạt → Đạt" in out  # 75% reaches the 70% target: shown before writing
    assert "1.2 | Kết quả: Chưa đạt → Không áp dụng" in out
    assert out.splitlines()[-1] == "5 thay đổi, chưa ghi (chạy thử)"


def test_malformed_sheets_are_refused_row_by_row(demo_db, cli, tmp_path):
    path = tmp_path / "kq.xlsx"
    book, sheet, head, rows = _export(cli, demo_db, path)
    sheet.cell(rows["12.2"], 4).value = "abc"  # text in a number cell
    sheet.cell(rows["12.1"], 4).value = "nam: 66; tre em: 3"  # no such part
    sheet.cell(rows["2.1"], 5).value = "mười"  # text in the numerator
    sheet.cell(rows["2.1"], 6).value = 10
    sheet.cell(rows["4.2"], 7).value = "31/02/2023"  # no such date
    sheet.cell(rows["11"], 1).value = "99.9"  # unknown code
    sheet.cell(rows["1.1"], 8).value = "Có lẽ"  # not a result
    book.save(path)
    before = table_dump(demo_db, *TABLES)
    rc, out, err = cli("--db", demo_db, "results", "import", path, "--year", "2023")
    assert rc == 2 and out == ""
    lines = err.strip().splitlines()
    assert lines == [
        f"ntm-tui: Hàng {rows['1.1']}, cột «Kết quả»: kết quả không hợp lệ: Có lẽ "
        "(Đạt, Chưa đạt, Không áp dụng, Chưa đánh giá)",
        f"ntm-tui: Hàng {rows['2.1']}, cột «Tử số»: Giá trị phải là số (vd. 72,5 hoặc 72.5): mười",
        f"ntm-tui: Hàng {rows['4.2']}, cột «Ngày số liệu»: Ngày không hợp lệ (dd/mm/yyyy hoặc yyyy-mm-dd): 31/02/2023",
        f"ntm-tui: Hàng {rows['11']}: không có chỉ tiêu mã 99.9 trong bộ an-giang-2021-2025",
        f"ntm-tui: Hàng {rows['12.1']}, cột «Giá trị»: Chỉ tiêu không có phần «tre em» (các phần: nam, nữ); "
        "ghi dạng «nam: 72; nữ: 68»",
        f"ntm-tui: Hàng {rows['12.2']}, cột «Giá trị»: Giá trị phải là số (vd. 72,5 hoặc 72.5): abc",
    ]
    assert table_dump(demo_db, *TABLES) == before

    book, sheet, head, rows = _export(cli, demo_db, path)
    sheet.delete_cols(4)  # no "Giá trị" column
    book.save(path)
    rc, out, err = cli("--db", demo_db, "results", "import", path, "--year", "2023", "--dry-run")
    assert rc == 2 and err.strip() == "ntm-tui: Hàng 1: thiếu cột «Giá trị»"
    rc, out, err = cli("--db", demo_db, "--lang", "en", "results", "import", path, "--year", "2023")
    assert rc == 2 and err.strip() == "ntm-tui: Row 1: the column “Value” is missing"

    _export(cli, demo_db, path)
    rc, out, err = cli("--db", demo_db, "results", "import", path, "--year", "2022")
    assert rc == 2 and "năm 2023, không phải năm 2022" in err
    (tmp_path / "x.xlsx").write_text("not excel")
    rc, out, err = cli("--db", demo_db, "results", "import", tmp_path / "x.xlsx", "--year", "2023")
    assert rc == 2 and "Không đọc được tệp Excel" in err
    rc, out, err = cli("--db", demo_db, "results", "import", tmp_path / "none.xlsx", "--year", "2023")
    assert rc == 2 and "none.xlsx" in err
    assert table_dump(demo_db, *TABLES) == before


def test_a_stale_result_column_and_an_earlier_date_are_not_applied_and_the_preview_says_why(
        demo_db, cli, tmp_path):
    """Issue 16: the sheet was exported while 12.2 was 20 (Chưa đạt); the result was set to 30
    (Đạt) in the app since; the officer edits only «Giá trị» to 26,5 and puts an older date on
    2.4. The stale «Chưa đạt» is not applied (26,5 ≥ 25 % is Đạt) and the date does not move back."""
    path = tmp_path / "kq.xlsx"
    book, sheet, head, rows = _export(cli, demo_db, path)
    rc, _, err = cli("--db", demo_db, "set", "12.2", "--year", "2023", "--value", "30",
                     "--data-date", "15/06/2023")
    assert rc == 0, err
    sheet.cell(rows["12.2"], 4).value = 26.5  # «Kết quả» left as exported: "Chưa đạt"
    sheet.cell(rows["12.2"], 7).value = date(2023, 6, 15)
    sheet.cell(rows["2.4"], 7).value = date(2022, 6, 30)  # earlier than 31/12/2022
    book.save(path)
    rc, out, err = cli("--db", demo_db, "results", "import", path, "--year", "2023")
    assert rc == 0, err
    assert "12.2 | Giá trị: 30 → 26,5" in out
    assert "Kết quả: Đạt → Chưa đạt" not in out
    assert ("Dòng {} (12.2): cột Kết quả «Chưa đạt» không khớp giá trị mới, không áp dụng; "
            "kết quả tính theo giá trị: Đạt").format(rows["12.2"]) in out
    assert "ngày số liệu 30/06/2022 sớm hơn ngày đã ghi 31/12/2022, giữ ngày 31/12/2022" in out
    rc, out, _ = cli("--db", demo_db, "status", "--year", "2023", "--indicators", "--format", "csv")
    line = next(x for x in out.splitlines() if x.startswith("12.2,"))
    assert line.endswith(",26,5,Đạt,Trần Thị Bình (minh họa)") or ",Đạt," in line
