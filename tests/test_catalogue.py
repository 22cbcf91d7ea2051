import pytest

from db import rules
from db.catalogue import default_catalogue_path, load_catalogue_file, parse_catalogue
from db.errors import ValidationError
from db.models import CriteriaSet, Criterion, Indicator


def test_shipped_catalogue_has_19_criteria_and_57_indicators():
    spec = load_catalogue_file(default_catalogue_path())
    assert len(spec.criteria) == 19
    assert spec.indicator_count == 57
    codes = [i.code for c in spec.criteria for i in c.indicators]
    assert len(set(codes)) == 57
    assert "11" in codes and "11.1" not in codes  # one-indicator criterion keeps its own code
    assert (spec.period_start, spec.period_end) == (2021, 2025)


def test_new_database_holds_the_catalogue_with_provenance(empty_db):
    an_giang = Criterion.criteria_set.in_(CriteriaSet.select(CriteriaSet.id).where(
        CriteriaSet.code == "an-giang-2021-2025"))
    assert Criterion.select().where(an_giang).count() == 19
    indicators = Indicator.select().join(Criterion).where(an_giang)
    assert indicators.count() == 57
    unknown = indicators.where(Indicator.kind.in_([rules.PERCENT, rules.AMOUNT])
                               & Indicator.threshold.is_null()).count()
    assert unknown == 13  # the file's `value: null` targets (3.1, 5 and 15.3 are known since 12/2026)
    ind = indicators.where(Indicator.code == "12.2").get()
    assert (ind.op, ind.threshold, ind.unit, ind.basis) == (">=", 25.0, "%", "plan")
    assert not indicators.where(Indicator.code == "17.12").get().verified


def _minimal(**over):
    data = {"code": "x", "name": "Bộ thử 2026-2030", "criteria": [
        {"code": "1", "name": "A", "indicators": [{"code": "1.1", "content": "a"}, {"code": "1.2", "content": "b"}]},
    ]}
    data.update(over)
    return data


def test_catalogue_validation_names_the_problem():
    assert parse_catalogue(_minimal()).indicator_count == 2
    dup = _minimal(criteria=[{"code": "1", "name": "A", "indicators": [
        {"code": "1.1", "content": "a"}, {"code": "1.1", "content": "b"}]}])
    with pytest.raises(ValidationError, match="trùng: 1.1"):
        parse_catalogue(dup)
    with pytest.raises(ValidationError, match="khai báo 20"):
        parse_catalogue(_minimal(stated_counts={"criteria": 20}))
    with pytest.raises(ValidationError, match="ngưỡng không phải số"):
        parse_catalogue(_minimal(criteria=[{"code": "1", "name": "A", "indicators": [
            {"code": "1", "content": "a", "target": {"op": ">=", "value": "abc", "unit": "%"}}]}]))
