"""Two criteria sets side by side: a commune moves to the 2026–2030 set from 2026 while 2023
stays on the An Giang 19/57 set."""
import json

from db.models import Commune, Indicator, Result
from db.services.communes import criteria_set_for_year

from .conftest import NATIONAL, log_rows

CODE = "test-national-2026-2030"


def status(cli, db, year):
    code, out, err = cli("--db", db, "status", "--year", year, "--format", "json")
    assert code == 0, err
    return json.loads(out)


def test_national_set_imports_and_commune_switches_for_2026(demo_db, cli):
    code, out, err = cli("--db", demo_db, "catalogue", "import", NATIONAL)
    assert code == 0, err
    assert "10 tiêu chí, 47 chỉ tiêu" in out
    # Before the switch 2026 is outside the An Giang set's period.
    code, _, err = cli("--db", demo_db, "status", "--year", "2026")
    assert code == 2 and "2026" in err and "2021–2025" in err
    code, out, err = cli("--db", demo_db, "catalogue", "use", CODE, "--from-year", "2026", "--group", "2")
    assert code == 0, err
    assert "từ năm 2026" in out

    data = status(cli, demo_db, 2026)
    assert (data["criteria_set"], data["criteria_total"], data["indicators_total"]) == (CODE, 10, 47)
    assert (data["criteria_met"], data["indicators_met"]) == (0, 0)
    code, out, err = cli("--db", demo_db, "set", "1", "--year", "2026", "--value", "85")
    assert code == 0 and "Đạt" in out, err
    # Group 2's target (>= 80%) applies, not group 1's 90%.
    data = status(cli, demo_db, 2026)
    assert (data["criteria_met"], data["indicators_met"]) == (1, 1)
    ind = data["criteria"][0]["indicators"][0]
    assert (ind["code"], ind["target"], ind["met"]) == ("1", ">= 80%", True)
    code, out, _ = cli("--db", demo_db, "status", "--year", "2026")
    assert "Năm 2026: 1/10 tiêu chí, 1/47 chỉ tiêu" in out

    # 2023 still reads against the An Giang set, untouched.
    data = status(cli, demo_db, 2023)
    assert (data["criteria_set"], data["criteria_total"], data["indicators_total"]) \
        == ("an-giang-2021-2025", 19, 57)
    assert (data["criteria_met"], data["indicators_met"]) == (9, 40)

    # The 2026 result is attached to the 2026 set's indicator.
    from db.connection import close_database
    from db.bootstrap import prepare

    close_database()
    prepare(demo_db, create=False)
    commune = Commune.get()
    row = Result.get((Result.year == 2026) & (Result.status == "met"))
    assert row.indicator.criterion.criteria_set.code == CODE
    assert Result.select().where(Result.year == 2026).count() == 47  # the year was materialised
    assert all(r.indicator.criterion.criteria_set.code == CODE
               for r in Result.select().where(Result.year == 2026))
    assert criteria_set_for_year(commune, 2025).code == "an-giang-2021-2025"
    assert criteria_set_for_year(commune, 2030).code == CODE
    assert commune.commune_group == "2"
    assert ("Tân Thạnh 2026", "", None, CODE) in log_rows(demo_db)


def test_use_refuses_bad_input_and_changes_nothing(demo_db, cli):
    assert cli("--db", demo_db, "catalogue", "import", NATIONAL)[0] == 0
    before = log_rows(demo_db)
    for argv, needle in [
        (["catalogue", "use", "nope", "--from-year", "2026"], "nope"),
        (["catalogue", "use", CODE, "--from-year", "2024"], "2024"),
        (["catalogue", "use", CODE, "--from-year", "20x6"], "20x6"),
        (["catalogue", "use", CODE, "--from-year", "2026", "--group", "7"], "7"),
    ]:
        code, out, err = cli("--db", demo_db, *argv)
        assert code == 2 and needle in err and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    assert log_rows(demo_db) == before


def test_list_shows_both_sets_and_who_uses_them(demo_db, cli):
    cli("--db", demo_db, "catalogue", "import", NATIONAL)
    cli("--db", demo_db, "catalogue", "use", CODE, "--from-year", "2026")
    code, out, _ = cli("--db", demo_db, "catalogue", "list")
    lines = [line for line in out.splitlines() if line.startswith(("an-giang", CODE))]
    assert len(lines) == 2
    # verified, sourced (read or plan), recalled, unknown thresholds
    assert "19/57" in lines[0] and "0/57" in lines[0] and "Tân Thạnh (2021)" in lines[0]
    assert lines[0].split()[-7:-3] == ["0/57", "14", "43", "13"]
    assert "10/47" in lines[1] and "Tân Thạnh (2026)" in lines[1]
    code, out, _ = cli("--db", demo_db, "--lang", "en", "catalogue", "list")
    assert out.splitlines()[0].split()[:2] == ["Code", "Name"]
    assert all(word in out.splitlines()[0].split() for word in ("verified", "sourced", "recalled"))
    code, out, _ = cli("--db", demo_db, "--lang", "en", "catalogue", "use", CODE, "--from-year", "2027")
    assert out.strip() == f"Tân Thạnh uses criteria set {CODE} from 2027 on"
    code, out, err = cli("--db", demo_db, "--lang", "en", "catalogue", "import", NATIONAL)
    assert code == 2 and err.strip() == f"ntm-tui: Criteria set {CODE} already exists; use --replace to replace it"


def test_indicator_codes_are_found_per_set(demo_db, cli):
    """The same code in both sets: each year finds its own set's indicator."""
    cli("--db", demo_db, "catalogue", "import", NATIONAL)
    cli("--db", demo_db, "catalogue", "use", CODE, "--from-year", "2026")
    assert cli("--db", demo_db, "set", "2.1", "--year", "2026", "--value", "71")[0] == 0
    assert cli("--db", demo_db, "set", "2.1", "--year", "2023", "--value", "95")[0] == 0
    from db.bootstrap import prepare
    from db.connection import close_database

    close_database()
    prepare(demo_db, create=False)
    sets = {r.year: r.indicator.criterion.criteria_set.code
            for r in Result.select().join(Indicator).where(Indicator.code == "2.1")
            if r.year in (2023, 2026)}
    assert sets == {2023: "an-giang-2021-2025", 2026: CODE}
