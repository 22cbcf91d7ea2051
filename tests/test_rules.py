from datetime import date

import pytest
from hypothesis import given, strategies as st

from db import rules
from db.errors import ValidationError
from db.rules import MET, NA, NOT_MET, UNASSESSED, Target


@pytest.mark.parametrize("text,expected", [
    ("72,5", 72.5), ("72.5", 72.5), (" 95 % ", 95.0), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
    ("1.234.567", 1234567.0), ("0", 0.0), ("-3,25", -3.25), (".5", 0.5),
])
def test_parse_number_accepts_vietnamese_and_english_decimals(text, expected):
    assert rules.parse_number(text) == pytest.approx(expected)


@pytest.mark.parametrize("text", ["abc", "", "1,2,3", "12a", "nan", "--1"])
def test_parse_number_rejects_text(text):
    with pytest.raises(ValidationError) as info:
        rules.parse_number(text)
    assert "số" in info.value.message("vi")


@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False))
def test_format_then_parse_round_trips(value):
    assert rules.parse_number(rules.format_number(value, decimals=4)) == pytest.approx(value, abs=1e-4)


@pytest.mark.parametrize("text,expected", [
    ("24/02/2023", date(2023, 2, 24)), ("2023-02-24", date(2023, 2, 24)), ("4/2/2023", date(2023, 2, 4)),
])
def test_parse_date(text, expected):
    assert rules.parse_date(text) == expected


@pytest.mark.parametrize("text", ["31/02/2023", "2023/13/01", "hôm qua"])
def test_parse_date_rejects(text):
    with pytest.raises(ValidationError):
        rules.parse_date(text)


def test_evaluate_greater_or_equal_percent():
    target = Target(rules.PERCENT, ">=", 70.0, "%")
    assert rules.evaluate(target, "72,5") == MET
    assert rules.evaluate(target, "70") == MET
    assert rules.evaluate(target, "65") == NOT_MET


def test_evaluate_lower_is_better():
    target = Target(rules.PERCENT, "<=", 4.0, "%")
    assert rules.evaluate(target, "3,9") == MET
    assert rules.evaluate(target, "13,15") == NOT_MET


def test_evaluate_yes_no_and_absence():
    assert rules.evaluate(Target(rules.YESNO, "==", None), "Đạt") == MET
    assert rules.evaluate(Target(rules.YESNO, "==", None), "khong dat") == NOT_MET
    absence = Target(rules.ABSENCE, "==", None)
    assert rules.evaluate(absence, "Không") == MET
    assert rules.evaluate(absence, "3") == NOT_MET
    assert rules.evaluate(absence, "0") == MET


def test_unknown_threshold_leaves_result_to_the_officer():
    assert rules.evaluate(Target(rules.PERCENT, ">=", None, "%"), "80") is None


def test_codes_sort_numerically():
    codes = ["17.10", "2", "17.2", "11", "1.2", "1.1"]
    assert sorted(codes, key=rules.code_key) == ["1.1", "1.2", "2", "11", "17.2", "17.10"]


def test_criterion_met_only_when_all_applicable_met():
    assert rules.criterion_status([MET, MET]) == MET
    assert rules.criterion_status([MET, NA]) == MET
    assert rules.criterion_status([MET, NOT_MET]) == NOT_MET
    assert rules.criterion_status([MET, UNASSESSED]) == NOT_MET


def test_counts_and_targets():
    start = {"1": {"1.1": NOT_MET, "1.2": NOT_MET}, "2": {"2.1": MET}, "3": {"3.1": NOT_MET, "3.2": MET}}
    counts = rules.count(start)
    assert (counts.criteria_met, counts.criteria_total, counts.indicators_met, counts.indicators_total) \
        == (1, 3, 2, 5)
    target = rules.target_counts(start, ["1.1", "1.2"])
    assert (target.criteria_met, target.indicators_met) == (2, 4)
    assert rules.newly_reached(start, ["1.1", "1.2"]) == (["1"], ["1.1", "1.2"])
    assert counts.text() == "1/3 tiêu chí, 2/5 chỉ tiêu"


def test_a_criterion_is_reached_only_when_every_indicator_is_met_or_targeted():
    start = {"1": {"1.1": NOT_MET, "1.2": NOT_MET}, "2": {"2.1": MET}, "3": {"3.1": NOT_MET, "3.2": NA}}
    # 1.1 alone leaves criterion 1 short; 3.1 completes criterion 3 (3.2 does not apply).
    target = rules.target_counts(start, ["1.1", "3.1", "2.1"])
    assert (target.criteria_met, target.indicators_met) == (2, 4)
    assert rules.newly_reached(start, ["1.1", "3.1", "2.1"]) == (["3"], ["1.1", "3.1"])
    assert rules.newly_reached(start, []) == ([], [])


def test_target_describe():
    assert Target(rules.PERCENT, ">=", 72.5, "%").describe() == ">= 72,5%"
    assert Target(rules.AMOUNT, ">=", None, "triệu đồng/người/năm").describe() == ">= ? triệu đồng/người/năm"


def test_yes_no_takes_the_words_its_message_offers():
    """"Giá trị phải là Đạt/Không đạt (có/không)": each of those words is taken, any case."""
    from db.rules import parse_yes_no

    assert [parse_yes_no(w) for w in ("Đạt", "có", "CÓ", "dat")] == [True] * 4
    assert [parse_yes_no(w) for w in ("Không đạt", "không", "Không", "chưa đạt")] == [False] * 4


def test_an_amount_reads_the_thousands_dot_and_a_percentage_does_not():
    from db.rules import AMOUNT, PERCENT, Target, read_amount

    amount, percent = Target(AMOUNT, ">=", 62), Target(PERCENT, ">=", 70)
    assert read_amount(amount, "1.234") == "1234" and read_amount(amount, "1.234.567") == "1234567"
    assert read_amount(amount, "1.5") == "1.5" and read_amount(amount, "12.50") == "12.50"
    assert read_amount(amount, "1.234,5") == "1.234,5"  # parse_number reads that one already
    assert read_amount(percent, "72.500") == "72.500"


def test_the_cli_says_how_an_amount_was_read(demo_db, capsys):
    from db.connection import close_database
    from ntm_tui.__main__ import main

    close_database()
    assert main(["--db", str(demo_db), "set", "10", "--year", "2023", "--value", "1.234"]) == 0
    assert "(1.234)" in capsys.readouterr().out
    close_database()
    assert main(["--db", str(demo_db), "status", "--year", "2023", "--format", "json"]) == 0
    assert '"1234"' in capsys.readouterr().out.replace(" ", "")


async def test_the_value_form_says_how_an_amount_is_read(demo_db):
    from textual.widgets import Static

    from ntm_tui.forms.result import ValueForm
    from tests.conftest import settle
    from tests.screens.helpers import demo_app, open_section

    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_section(pilot, "2")
        await pilot.press("slash", "1", "0", "enter")
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot, lambda: isinstance(app.screen, ValueForm))
        await pilot.press("ctrl+a", "shift+end", *"1.234")
        await settle(pilot)
        assert "Đã đọc: 1.234" in str(app.screen.query_one("#form-intro", Static).render())
        await pilot.press(*["backspace"] * 5, *"5,5")
        await settle(pilot)
        assert "Đã đọc: 5,5" in str(app.screen.query_one("#form-intro", Static).render())
