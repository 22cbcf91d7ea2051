"""Property tests of the parsing rules every input goes through."""
from __future__ import annotations

import math
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from db import rules
from db.errors import ValidationError

numbers = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


@given(numbers, st.integers(min_value=0, max_value=4))
def test_format_then_parse_gives_the_rounded_number(value, decimals):
    text = rules.format_number(value, decimals)
    assert "." not in text  # Vietnamese decimal comma
    assert math.isclose(rules.parse_number(text), float(f"{value:.{decimals}f}"), rel_tol=0, abs_tol=1e-9)


@given(st.decimals(min_value=-10**9, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_comma_and_point_mean_the_same(value):
    text = f"{value:f}"
    assert rules.parse_number(text) == rules.parse_number(text.replace(".", ",")) == float(text)
    assert rules.parse_number(text + "%") == rules.parse_number(f" {text} %") == float(text)


@given(st.integers(min_value=1000, max_value=10**12), st.integers(min_value=0, max_value=9))
def test_thousands_separators(whole, tenth):
    dotted = f"{whole:,}".replace(",", ".")  # 1.234.567
    assert rules.parse_number(f"{dotted},{tenth}") == float(f"{whole}.{tenth}")
    assert rules.parse_number(f"{whole:,}.{tenth}") == float(f"{whole}.{tenth}")
    if whole >= 10**6:
        assert rules.parse_number(dotted) == whole


@given(st.text(max_size=30))
def test_any_text_is_a_number_or_a_validation_error(text):
    try:
        assert math.isfinite(rules.parse_number(text))
    except ValidationError as exc:
        assert exc.key == "value_not_number"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)))
def test_dates_round_trip_in_every_accepted_form(day):
    assert rules.parse_date(rules.format_date(day)) == day
    assert rules.parse_date(day.isoformat()) == day
    assert rules.parse_date(f"{day.day}/{day.month}/{day.year}") == day  # no leading zeros
    assert rules.parse_date(f" {day:%d.%m.%Y} ") == day


@given(st.text(max_size=20))
def test_any_text_is_a_date_or_a_validation_error(text):
    try:
        assert isinstance(rules.parse_date(text), date)
    except ValidationError as exc:
        assert exc.key == "date_invalid"
