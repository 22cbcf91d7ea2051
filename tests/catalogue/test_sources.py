"""The shipped An Giang set as its sources say (checked 12/2026), with the 2024 amendment as dated
versions, compound indicators, and the provenance an existing database picks up on replace."""
from __future__ import annotations

import json
import re

import pytest
import yaml
from openpyxl import load_workbook

from db import rules
from db.bootstrap import prepare
from db.catalogue import default_catalogue_path, load_catalogue_file
from db.connection import close_database
from db.models import ChangeLog, Indicator, IndicatorPart, IndicatorVersion, Result
from db.services.communes import get_commune
from db.services.results import set_result
from db.services.status import year_status

from .conftest import DATA, table_dump

OLD = DATA / "an-giang-2021-2025-before-12-2026.yaml"
TABLES = ("criteria_set", "criterion", "criterion_group", "indicator", "indicator_threshold",
          "indicator_version", "indicator_part", "result", "change_log")
# Text meant for developers, never for the officer: who researched what, in which session.
DEVELOPER_WORDS = re.compile(r"\bbrief\b|research|session|nghiên cứu viên|domain_notes|hard-cod|code = '",
                             re.IGNORECASE)


def _spec(code):
    spec = load_catalogue_file(default_catalogue_path())
    return next(i for c in spec.criteria for i in c.indicators if i.code == code)


def _status(code, year):
    return next(i for i in year_status(get_commune(), year).indicators() if i.code == code)


def test_shipped_set_applies_what_the_sources_say():
    assert (_spec("3.1").op, _spec("3.1").threshold, _spec("3.1").provenance["basis"]) == (">=", 80, "read")
    assert "1680/QĐ-BNN-VPĐP" in _spec("3.1").provenance["source"]
    assert (_spec("15.3").op, _spec("15.3").threshold) == ("<=", 19)
    assert _spec("15.1").op == ">"  # "trên 90%"
    assert _spec("9.2").threshold is None and "85%" in _spec("9.2").provenance["note"]
    assert "sổ khám chữa bệnh điện tử" in _spec("15.4").content  # before the health-record one
    assert "quản lý sức khỏe" in _spec("15.5").content
    assert "tin cậy và ổn định" in _spec("4.2").content
    school = _spec("5")
    assert school.kind == rules.COMPOUND
    assert [(p["key"], p["kind"], p["op"], p["threshold"]) for p in school.parts] == [
        ("tối thiểu", "percent", ">=", 100), ("mức độ 1", "percent", ">=", 70), ("số trường", "input", None, None)]
    assert (school.parts[1]["when_part"], school.parts[1]["when_op"], school.parts[1]["when_value"],
            school.parts[1]["when_threshold"]) == ("số trường", "<=", 3, 50)
    labour = _spec("12.1")
    assert labour.kind == rules.COMPOUND and [p["key"] for p in labour.parts] == ["nam", "nữ"]
    assert all((p["op"], p["threshold"]) == (">=", 70) for p in labour.parts)
    # Recalled items have no source; a plan-stated one names the plan, not who quoted it.
    spec = load_catalogue_file(default_catalogue_path())
    items = [i for c in spec.criteria for i in c.indicators]
    assert all(not i.provenance["source"] for i in items if i.provenance["basis"] == "recall")
    assert {i.provenance["basis"] for i in items} == {"read", "plan", "recall"}
    assert all("249/KH-BQL" in i.provenance["source"] for i in items if i.provenance["basis"] == "plan")
    amended = {i.code: i.versions for i in items if i.versions}
    assert sorted(amended, key=rules.code_key) == ["13.1", "15.4", "17.1", "18.5"]
    assert all(v[0]["valid_from"].isoformat() == "2024-03-01" and "211/QĐ-TTg" in v[0]["source"]
               for v in amended.values())
    assert amended["17.1"][0]["content"] == "Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn"
    assert amended["15.4"][0]["kind"] == rules.YESNO
    assert amended["18.5"][0]["kind"] == rules.COMPOUND and len(amended["18.5"][0]["parts"]) == 3


def test_no_shipped_or_shown_text_is_meant_for_developers(demo_db, cli, tmp_path):
    shipped = default_catalogue_path().read_text(encoding="utf-8")
    assert not DEVELOPER_WORDS.search(shipped), DEVELOPER_WORDS.search(shipped)
    assert cli("--db", demo_db, "catalogue", "export", tmp_path / "set.yaml")[0] == 0
    assert cli("--db", demo_db, "catalogue", "export", tmp_path / "set.xlsx")[0] == 0
    exported = (tmp_path / "set.yaml").read_text(encoding="utf-8")
    assert not DEVELOPER_WORDS.search(exported)
    book = load_workbook(tmp_path / "set.xlsx", read_only=True)
    cells = " ".join(str(v) for sheet in book for row in sheet.iter_rows(values_only=True)
                     for v in row if v is not None)
    assert not DEVELOPER_WORDS.search(cells) and "211/QĐ-TTg" in cells
    # What the detail screen shows of each indicator's provenance.
    from db.services.indicator_detail import indicator_detail

    from db.models import Criterion
    from db.services.communes import criteria_set_for_year

    prepare(demo_db, create=False)
    for year in (2024,):  # the demo commune's set (the national one is checked as a file above)
        cset = criteria_set_for_year(get_commune(), year)
        for ind in Indicator.select().join(Criterion).where(Criterion.criteria_set == cset):
            p = indicator_detail(get_commune(), year, ind.id).provenance
            shown = " ".join(str(x) for x in (p.basis, p.source, p.verified_source, p.note))
            assert not DEVELOPER_WORDS.search(shown), (year, ind.code, shown)
    close_database()
    from exports.pdf import export_report
    from tests.exports.pdfread import text_of

    prepare(demo_db, create=False)
    path = export_report("report", get_commune().id, 2023, tmp_path / "bc.pdf").path
    assert not DEVELOPER_WORDS.search(text_of(path))


def test_demo_2023_reads_as_before_and_2024_uses_the_amended_indicators(demo_db):
    status = year_status(get_commune(), 2023)
    assert status.counts.text() == "9/19 tiêu chí, 40/57 chỉ tiêu"
    old = _status("17.1", 2023)
    assert old.content.startswith("Tỷ lệ hộ được sử dụng nước sạch / nước hợp vệ sinh") and old.valid_from is None
    new = _status("17.1", 2024)
    assert new.content == "Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn"
    assert new.valid_from.isoformat() == "2024-03-01"
    assert _status("13.1", 2024).content.endswith("tiêu thụ sản phẩm chủ lực của địa phương")
    assert _status("13.1", 2024).status == rules.MET  # same kind: the result carries on
    # The health-record indicator became yes/no: the 2023 figure is not carried, it is asked again.
    assert (_status("15.4", 2023).kind, _status("15.4", 2024).kind) == (rules.PERCENT, rules.YESNO)
    assert _status("15.4", 2024).reenter and _status("15.4", 2024).status == rules.UNASSESSED
    assert set_result(get_commune(), 2024, "15.4", value="có").status == rules.MET
    assert set_result(get_commune(), 2024, "18.5", parts={"ban hanh van ban": "dat", "pho bien phap luat": "co",
                                                           "hoa giai": "khong"}).status == rules.NOT_MET
    assert _status("18.5", 2023).status == rules.MET  # 2023 keeps its own


def test_a_2024_value_of_17_1_is_judged_by_the_amended_threshold(demo_db, cli, tmp_path):
    path = tmp_path / "set.yaml"
    assert cli("--db", demo_db, "catalogue", "export", path)[0] == 0
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    water = next(i for c in data["criteria"] for i in c["indicators"] if i["code"] == "17.1")
    water["versions"][0]["target"]["value"] = 95  # the officer reads the amended threshold
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    rc, out, err = cli("--db", demo_db, "catalogue", "import", path, "--replace")
    assert rc == 0, err
    rc, out, err = cli("--db", demo_db, "set", "17.1", "--year", "2024", "--value", "94")
    assert rc == 0 and "Chưa đạt" in out, err
    rc, out, err = cli("--db", demo_db, "set", "17.1", "--year", "2024", "--value", "96")
    assert rc == 0 and "Đạt" in out and "Chưa" not in out
    # 2023 is read under the old wording, whose threshold is still unknown: set by hand.
    rc, out, err = cli("--db", demo_db, "set", "17.1", "--year", "2023", "--value", "96")
    assert rc == 0 and "Đạt" in out  # the demo's own result, unchanged
    data = json.loads(cli("--db", demo_db, "status", "--year", "2024", "--format", "json")[1])
    water = next(i for c in data["criteria"] for i in c["indicators"] if i["code"] == "17.1")
    assert (water["target"], water["content"]) == (">= 95%", "Tỷ lệ hộ được sử dụng nước sạch theo quy chuẩn")
    assert (water["amended_from"], water["reenter"]) == ("2024-03-01", False)
    from db.services.indicator_detail import indicator_detail

    prepare(demo_db, create=False)
    ind = Indicator.get(Indicator.code == "17.1")
    versions = indicator_detail(get_commune(), 2024, ind.id).versions
    assert [(v.valid_from and v.valid_from.isoformat(), v.first_year, v.last_year, v.in_force)
            for v in versions] == [(None, 2021, 2023, False), ("2024-03-01", 2024, 2025, True)]
    assert versions[1].target.describe() == ">= 95%" and versions[0].target.describe() == ">= ? %"


@pytest.mark.parametrize("suffix", ["yaml", "xlsx"])
def test_export_then_replace_with_the_same_file_changes_nothing(demo_db, cli, tmp_path, suffix):
    set_result(get_commune(), 2023, "5", value="tối thiểu: 100; mức độ 1: 60; số trường: 4")
    close_database()
    path = tmp_path / f"set.{suffix}"
    assert cli("--db", demo_db, "catalogue", "export", path)[0] == 0
    before = table_dump(demo_db, *TABLES)
    rc, out, err = cli("--db", demo_db, "catalogue", "import", path, "--replace")
    assert rc == 0, err
    assert table_dump(demo_db, *TABLES) == before
    again = tmp_path / f"again.{suffix}"
    assert cli("--db", demo_db, "catalogue", "export", again)[0] == 0
    if suffix == "yaml":
        assert again.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_an_existing_database_picks_up_the_provenance_and_keeps_every_result(tmp_path, cli):
    from db.services.catalogue_edit import import_catalogue, mark_verified
    from db.services.demo import build_demo

    db = tmp_path / "old.db"
    prepare(db)
    spec = load_catalogue_file(OLD)
    spec.code = "an-giang-2021-2025"
    import_catalogue(spec, replace=True)  # the set as shipped before December 2026
    build_demo()
    verified = Indicator.get(Indicator.code == "8.1")
    mark_verified(verified.id, "1260/QĐ-UBND, Phụ lục")  # the officer's act survives the update
    results = sorted(Result.select(Result.indicator, Result.year, Result.status, Result.value).tuples())
    health_record = Indicator.get(Indicator.code == "15.4")  # before 12/2026: «quản lý sức khỏe»
    assert health_record.content.startswith("Tỷ lệ dân số được quản lý sức khỏe")
    assert Indicator.get(Indicator.code == "12.1").basis == "brief"
    close_database()

    rc, out, err = cli("--db", db, "catalogue", "import", default_catalogue_path(), "--replace")
    assert rc == 0, err
    assert "thêm không có, bỏ không có" in out
    reworded = out.split("Nội dung đã đổi ở chỉ tiêu có kết quả: ")[1].split(";")[0].split(", ")
    assert "12.1" in reworded and "4.2" in reworded and "15.4" not in reworded
    prepare(db, create=False)
    assert sorted(Result.select(Result.indicator, Result.year, Result.status, Result.value).tuples()) == results
    assert not Indicator.select().where(Indicator.basis == "brief").count()
    assert Indicator.get(Indicator.code == "12.1").basis == "read"
    # 15.4 and 15.5 swapped places: each indicator moved with its results, not its code.
    assert Indicator.get(Indicator.code == "15.5").id == health_record.id
    assert Indicator.get(Indicator.code == "15.4").content == "Tỷ lệ dân số có sổ khám chữa bệnh điện tử"
    assert Indicator.get(Indicator.code == "3.1").threshold == 80
    assert Indicator.get(Indicator.code == "8.1").verified  # not said by the shipped file: kept
    assert IndicatorVersion.select().count() == 4 and IndicatorPart.select().count() == 2 + 3 + 3
    assert year_status(get_commune(), 2023).counts.text() == "9/19 tiêu chí, 40/57 chỉ tiêu"
    assert _status("12.1", 2023).value == "65"  # kept as recorded; the next entry asks for both sexes
    logged = ChangeLog.select().count()
    close_database()
    for argv in (["--shipped", default_catalogue_path()], []):  # a file or --shipped, not both
        rc, out, err = cli("--db", db, "catalogue", "import", *argv)
        assert rc == 2 and "--shipped" in err and len(err.strip().splitlines()) == 1
    close_database()
    rc, out, err = cli("--db", db, "catalogue", "import", "--shipped", "--replace")
    assert rc == 0 and "Nội dung đã đổi" not in out
    prepare(db, create=False)
    assert ChangeLog.select().count() == logged  # a second update finds nothing to change


def test_bad_parts_and_versions_are_named(tmp_path):
    from db.catalogue import parse_catalogue
    from db.errors import ValidationError

    def one(**indicator):
        return {"code": "t", "name": "Bộ thử 2021-2025", "criteria": [
            {"code": "1", "name": "A", "indicators": [{"code": "1", "content": "a", **indicator}]}]}

    for indicator, needle in [
        ({"kind": "compound"}, "parts"),
        ({"kind": "compound", "parts": [{"key": "a"}, {"key": "A"}]}, "trùng"),
        ({"kind": "compound", "parts": [{"key": "a", "when": {"part": "b", "value": 3}}]}, "b"),
        ({"kind": "compound", "parts": [{"key": "a", "kind": "input"}]}, "ngưỡng"),
        ({"parts": [{"key": "a"}]}, "compound"),
        ({"versions": [{"from": "31/02/2024"}]}, "31/02/2024"),
        ({"versions": [{"from": "2024-03-01"}, {"from": "01/03/2024"}]}, "cùng ngày"),
    ]:
        with pytest.raises(ValidationError, match=needle):
            parse_catalogue(one(**indicator))


async def test_detail_screen_shows_each_version_with_its_years(demo_db):
    from db.services.catalogue_edit import mark_verified
    from tests.tui.snap_app import make_app, settle
    from tests.tui.test_detail import open_detail, shown

    mark_verified(Indicator.get(Indicator.code == "15.4").id, "1260/QĐ-UBND, Phụ lục")
    app = make_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("right_square_bracket")  # 2024
        await settle(pilot)
        await open_detail(pilot, "15.4")
        head = " ".join(shown(app, "#detail-head").split())
        assert head.startswith("15.4 Xã triển khai thực hiện sổ khám chữa bệnh điện tử")
        assert "định nghĩa đã đổi: nhập lại giá trị" in head
        assert "· Từ đầu giai đoạn (năm 2021–2023): Tỷ lệ dân số có sổ khám chữa bệnh điện tử (>= ? %)" in head
        assert "▶ Từ 01/03/2024 (năm 2024–2025): Xã triển khai thực hiện sổ khám chữa bệnh điện tử (Đạt)" \
               " · Quyết định 211/QĐ-TTg" in head
        assert "đã đối chiếu 1260/QĐ-UBND, Phụ lục (tester, " in head  # who verified it


def test_report_pdf_prints_the_parts_and_their_targets(demo_db, tmp_path):
    from exports.pdf import export_report
    from tests.exports.pdfread import text_of

    set_result(get_commune(), 2023, "12.1", parts={"nam": "72,5", "nữ": "68"})
    close_database()
    prepare(demo_db, create=False)
    text = text_of(export_report("report", get_commune().id, 2023, tmp_path / "bc.pdf",
                                 annex=True).path)  # the annex prints every target
    flat = text.replace(" ", "")
    assert "nam≥70%;nữ≥70%" in flat and "nam:72,5;nữ:68" in flat
    assert "tốithiểu≥100%;mứcđộ1≥70%(≥50%khisốtrường≤3)" in flat


def test_the_officer_corrects_an_amendment_and_undo_restores_it(demo_db):
    from db.changelog import undo_batch
    from db.errors import ConflictError, NotFoundError, ValidationError
    from db.services.catalogue_edit import indicator_definition, update_version

    water = Indicator.get(Indicator.code == "17.1")
    assert [v["valid_from"].isoformat() for v in indicator_definition(water.id).versions] == ["2024-03-01"]
    for kwargs, error in [({"valid_from": "01/03/2023"}, NotFoundError), ({"threshold": "abc"}, ValidationError),
                          ({"kind": "compound"}, ValidationError), ({"expected_version": 99}, ConflictError)]:
        with pytest.raises(error):
            update_version(water.id, **{"valid_from": "01/03/2024", **kwargs})
    batch = update_version(water.id, "01/03/2024", threshold="95", expected_version=water.version)
    assert set_result(get_commune(), 2024, "17.1", value="94").status == rules.NOT_MET
    assert _status("17.1", 2023).target.threshold is None  # the old wording keeps its own
    assert update_version(water.id, "2024-03-01", threshold="95") == ""  # nothing changed
    undo_batch(batch)
    assert indicator_definition(water.id).versions[0]["threshold"] is None


def test_an_unchanged_2024_results_sheet_imports_as_no_change(demo_db, cli, tmp_path):
    path = tmp_path / "kq-2024.xlsx"
    assert cli("--db", demo_db, "results", "export", path, "--year", "2024")[0] == 0
    rows = {r[0]: r for r in load_workbook(path)["Kết quả"].iter_rows(min_row=2, values_only=True)}
    assert rows["15.4"][2] == "Đạt" and rows["15.4"][7] == "Chưa đánh giá"  # asked again
    before = table_dump(demo_db, "result", "change_log")
    rc, out, err = cli("--db", demo_db, "results", "import", path, "--year", "2024")
    assert rc == 0 and out.startswith("Không có thay đổi nào (57 hàng đã đọc)"), out + err
    assert table_dump(demo_db, "result", "change_log") == before  # not even the year's rows
