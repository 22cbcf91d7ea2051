"""Two-tier government: a commune with no district. Every PDF read back with pdfplumber has no
"UBND" of a district, no empty district, and reports go to the province."""
from __future__ import annotations

import re
from datetime import date

import pytest

from exports.pdf.docinfo import province_name, report_to
from tests.exports.pdfread import flat, page_texts

TODAY = date(2026, 12, 2)


@pytest.fixture
def tan_an(empty_db):
    from db.services.communes import create_commune

    return create_commune("Tân An", "", "An Giang", code="30316", group="2", today=TODAY)


@pytest.mark.parametrize("kind", ["plan", "report", "evidence", "assignments"])
def test_no_district_anywhere_and_the_province_receives_reports(tan_an, tmp_path, kind):
    from exports.pdf import default_filename, export_report

    name = default_filename(kind, 2026, "2026" if kind == "report" else None)
    assert name in {"ke-hoach-2026.pdf", "bao-cao-2026.pdf", "ho-so-minh-chung-2026.pdf", "phan-cong-2026.pdf"}
    result = export_report(kind, tan_an.id, 2026, tmp_path / name,
                           period="2026" if kind == "report" else None, today=TODAY)
    text = flat(" ".join(page_texts(result.path)))
    assert "UBND XÃ TÂN AN" in text and "Tân An, ngày 02 tháng 12 năm 2026" in text
    # "UBND <who>", not a document code such as "QĐ-UBND ngày …": only the commune's own, or
    # the province's (the plan template's căn cứ cite the province's decisions)
    ubnd = re.findall(r"(?<![-/])UBND\s+(\S+(?:\s+\S+)?)", text)
    assert ubnd and all(u.startswith(("XÃ", "xã", "tỉnh")) for u in ubnd), ubnd
    for wrong in ("Tân Châu", "thị xã", "huyện", "UBND (", "UBND ;", "()"):
        assert wrong not in text, wrong
    if kind == "plan":
        assert "Sở Nông nghiệp" not in text  # the plan keeps its own recipients
    else:
        assert "Sở Nông nghiệp và Môi trường tỉnh An Giang;" in text
        assert "Văn phòng Điều phối nông thôn mới tỉnh An Giang;" in text


def test_a_district_commune_still_reports_to_its_town(empty_db):
    from db.services.communes import create_commune

    commune = create_commune("Vĩnh Xương", "thị xã Tân Châu", "An Giang", today=date(2023, 3, 1))
    assert report_to(commune) == ["UBND thị xã Tân Châu (Văn phòng Điều phối NTM)"]


@pytest.mark.parametrize("given, expected", [
    ("An Giang", "tỉnh An Giang"), ("Cần Thơ", "thành phố Cần Thơ"), ("Hồ Chí Minh", "thành phố Hồ Chí Minh"),
    ("tỉnh Đồng Tháp", "tỉnh Đồng Tháp"), ("thành phố Huế", "thành phố Huế"), ("  ", ""),
])
def test_province_names(given, expected):
    assert province_name(given) == expected


def test_no_province_either_still_names_the_bodies(empty_db):
    from db.services.communes import create_commune

    commune = create_commune("Tân An", today=TODAY)
    assert report_to(commune) == ["Sở Nông nghiệp và Môi trường",
                                  "Văn phòng Điều phối nông thôn mới tỉnh"]
