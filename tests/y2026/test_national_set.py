"""The shipped 2026–2030 national set: official names and counts, honest placeholder slots,
installed into new and existing databases, chosen by year."""
from __future__ import annotations

import sqlite3

from db.bootstrap import prepare
from db.catalogue import default_catalogue_path, load_catalogue_file
from db.connection import close_database
from db.models import CommuneCriteriaSet, CriteriaSet, Criterion, Indicator

NAMES = ["Quy hoạch", "Hạ tầng kinh tế - xã hội", "Phát triển kinh tế nông thôn",
         "Đào tạo nguồn nhân lực nông thôn", "Văn hóa, giáo dục, y tế", "Giảm nghèo và an sinh xã hội",
         "Khoa học công nghệ và chuyển đổi số", "Môi trường và cảnh quan nông thôn",
         "Xây dựng hệ thống chính trị và hành chính công", "Tiếp cận pháp luật và an ninh, quốc phòng"]


def test_the_file_has_the_official_names_counts_and_groups():
    spec = load_catalogue_file(default_catalogue_path("national-2026-2030"))
    assert (spec.code, spec.period_start, spec.period_end) == ("national-2026-2030", 2026, 2030)
    assert [c.name for c in spec.criteria] == NAMES
    assert [c.code for c in spec.criteria] == [str(n) for n in range(1, 11)]
    assert spec.indicator_count == 47
    assert spec.national_decision.startswith("51/2025/QĐ-TTg ngày 29/12/2025")
    assert "15/02/2026" in spec.national_decision
    groups = {g["code"]: g["definition"] for g in spec.meta["commune_groups"]}
    assert groups["2"] == "Xã không thuộc nhóm 1 và nhóm 3"
    assert groups["1"].startswith("Xã liền kề đô thị hiện hữu") and "dưới 10%" in groups["1"]
    assert groups["3"].startswith("Xã khu vực II và xã khu vực III")


def test_every_slot_says_it_is_a_placeholder_with_nothing_invented():
    spec = load_catalogue_file(default_catalogue_path("national-2026-2030"))
    slots = [i for c in spec.criteria for i in c.indicators]
    for number, slot in enumerate(slots, start=1):
        assert slot.content.startswith(f"Ô trống {number}/47"), slot.content
        assert "Phụ lục I" in slot.content
        assert slot.threshold is None and all(t["threshold"] is None for t in slot.thresholds)
        assert sorted(t["commune_group"] for t in slot.thresholds) == ["1", "2", "3"]
        prov = slot.provenance
        assert (prov["verified"], prov["basis"], prov["source"]) == (False, "unknown", "")
        assert "không phải văn bản chính thức" in prov["note"]
    for crit in spec.criteria:  # the split is declared provisional on every criterion
        assert "không phải số chỉ tiêu chính thức" in crit.note


def test_a_new_database_holds_both_sets(empty_db):
    sets = {c.code: c for c in CriteriaSet.select()}
    assert set(sets) == {"an-giang-2021-2025", "national-2026-2030"}
    national = sets["national-2026-2030"]
    assert Criterion.select().where(Criterion.criteria_set == national).count() == 10
    inds = Indicator.select().join(Criterion).where(Criterion.criteria_set == national)
    assert inds.count() == 47 and inds.where(Indicator.verified == True).count() == 0  # noqa: E712


def test_an_existing_database_gets_the_new_set_and_its_commune_goes_on_with_it(tmp_path, cli):
    db = tmp_path / "old.db"
    assert cli("--db", db, "init", "--commune", "Tân Thạnh", "--district", "thị xã Tân Châu",
               "--province", "An Giang", "--today", "2023-03-01")[0] == 0
    # As made by the previous release: the national set absent, the commune on An Giang only.
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    nid = con.execute("SELECT id FROM criteria_set WHERE code = 'national-2026-2030'").fetchone()[0]
    con.execute("DELETE FROM commune_criteria_set WHERE criteria_set_id = ?", (nid,))
    con.execute("DELETE FROM criteria_set WHERE id = ?", (nid,))
    con.commit()
    con.close()
    prepare(db, create=False)
    try:
        periods = [(p.criteria_set.code, p.from_year) for p in
                   CommuneCriteriaSet.select().order_by(CommuneCriteriaSet.from_year)]
        assert periods == [("an-giang-2021-2025", 2021), ("national-2026-2030", 2026)]
    finally:
        close_database()
    code, out, _ = cli("--db", db, "catalogue", "list")
    line = next(row for row in out.splitlines() if row.startswith("national-2026-2030"))
    assert "10/47" in line and "0/47" in line and "Tân Thạnh (2026)" in line
    # The commune browses both periods.
    assert cli("--db", db, "status", "--year", "2025")[0] == 0
    code, out, err = cli("--db", db, "status", "--year", "2026")
    assert code == 0, err
    assert "Quy hoạch" in out and "Tiếp cận pháp luật và an ninh, quốc phòng" in out


def test_catalogue_list_shows_the_unverified_count(empty_db, cli):
    close_database()
    code, out, _ = cli("--db", empty_db, "catalogue", "list", "--lang", "en")
    assert code == 0
    line = next(row for row in out.splitlines() if row.startswith("national-2026-2030"))
    cells = line.split()
    assert "10/47" in cells and "0/47" in cells and "47" in cells
