"""Compound indicators as pure rules: several measured parts, decided from all of them."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db import rules
from db.errors import ValidationError

SEXES = (rules.Part("nam", "Lao động nam", rules.PERCENT, ">=", 70.0, "%"),
         rules.Part("nữ", "Lao động nữ", rules.PERCENT, ">=", 70.0, "%"))
SCHOOLS = (rules.Part("tối thiểu", "", rules.PERCENT, ">=", 100.0, "%"),
           rules.Part("mức độ 1", "", rules.PERCENT, ">=", 70.0, "%", ("số trường", "<=", 3.0, 50.0)),
           rules.Part("số trường", "", rules.INPUT, None, None, "trường"))
rates = st.floats(min_value=0, max_value=100, allow_nan=False).map(lambda x: round(x, 2))


@given(rates, rates)
def test_met_only_when_both_sexes_meet_the_threshold(men, women):
    target = rules.Target(rules.COMPOUND, "==", None, None, SEXES)
    value = rules.format_parts(SEXES, {"nam": men, "nữ": women})
    expected = rules.MET if men >= 70 and women >= 70 else rules.NOT_MET
    assert rules.evaluate(target, value) == expected
    assert rules.parse_parts(SEXES, rules.normalise_value(target, value)) == {"nam": men, "nữ": women}


@given(rates, rates, st.integers(min_value=1, max_value=12))
def test_schools_level_one_threshold_depends_on_how_many_schools(minimum, level1, schools):
    values = {"tối thiểu": minimum, "mức độ 1": level1, "số trường": float(schools)}
    needed = 50 if schools <= 3 else 70
    expected = rules.MET if minimum >= 100 and level1 >= needed else rules.NOT_MET
    assert rules.evaluate_parts(SCHOOLS, values) == expected


def test_a_missing_part_leaves_the_result_open_unless_another_already_fails():
    assert rules.evaluate_parts(SEXES, {"nam": 80}) is None
    assert rules.evaluate_parts(SEXES, {"nam": 60}) == rules.NOT_MET
    # Without the number of schools, 60 % at level 1 depends on it; 75 % does not.
    assert rules.evaluate_parts(SCHOOLS, {"tối thiểu": 100, "mức độ 1": 60}) is None
    assert rules.evaluate_parts(SCHOOLS, {"tối thiểu": 100, "mức độ 1": 75}) == rules.MET
    unknown = (rules.Part("a", "", rules.PERCENT, ">=", None, "%"),)
    assert rules.evaluate_parts(unknown, {"a": 99}) is None


def test_parts_are_read_with_accents_folded_and_bad_ones_named():
    assert rules.parse_parts(SEXES, "NAM: 72,5; nu = 68") == {"nam": 72.5, "nữ": 68.0}
    assert rules.format_parts(SEXES, {"nữ": 68.0, "nam": 72.5}) == "nam: 72,5; nữ: 68"
    for text, needle in [("trẻ em: 3", "trẻ em"), ("nam 72", "nam 72"), ("nam: abc", "abc")]:
        with pytest.raises(ValidationError, match=needle):
            rules.parse_parts(SEXES, text)
    target = rules.Target(rules.COMPOUND, "==", None, None, SCHOOLS)
    assert target.describe() == "tối thiểu >= 100%; mức độ 1 >= 70% (>= 50% khi số trường <= 3)"
    assert target.describe("en") == "tối thiểu >= 100%; mức độ 1 >= 70% (>= 50% when số trường <= 3)"
