"""The first edit of a year never overwrites another session's (issue 17). A result shown as
carried over from an earlier year has no row this year; the app passes NO_ROW_YET, and the
write is refused if someone has written this year's row since."""
from __future__ import annotations

import pytest

from db.errors import ConflictError
from db.models import Indicator, Result
from db.services.communes import get_commune
from db.services.results import NO_ROW_YET, set_result


def _note(commune, code: str, year: int) -> str:
    return Result.get((Result.commune == commune) & (Result.year == year)
                      & (Result.indicator == Indicator.get(Indicator.code == code))).note


def test_a_carried_result_written_meanwhile_is_a_conflict(demo_db):
    commune = get_commune()
    assert not Result.select().where((Result.commune == commune) & (Result.year == 2024)).exists()
    # the app shows 1.1 for 2024 as carried from 2023; meanwhile `ntm-tui set 1.1 --note …` runs
    set_result(commune, 2024, "1.1", note="từ dòng lệnh")
    with pytest.raises(ConflictError):
        set_result(commune, 2024, "1.1", note="từ ứng dụng", expected_version=NO_ROW_YET)
    assert _note(commune, "1.1", 2024) == "từ dòng lệnh"


def test_a_row_only_carried_over_by_another_edit_is_no_conflict(demo_db):
    commune = get_commune()
    set_result(commune, 2024, "1.1", note="khác")  # materialises the whole year
    view = set_result(commune, 2024, "1.2", note="từ ứng dụng", expected_version=NO_ROW_YET)
    assert view.note == "từ ứng dụng" and view.version == 2
    with pytest.raises(ConflictError):  # the app's second write must then carry version 2
        set_result(commune, 2024, "1.2", note="lại", expected_version=NO_ROW_YET)


def test_no_row_yet_on_a_fresh_year_writes(demo_db):
    commune = get_commune()
    view = set_result(commune, 2025, "2.1", value="50", expected_version=NO_ROW_YET)
    assert view.year == 2025 and view.value == "50"
