"""A result its own value contradicts ("Đạt" at 20 against >= 25 %) is asked once, then kept
as set by hand: marked in the list, the detail and the report's annex."""
from __future__ import annotations

import pytest

from db.errors import ContradictsValue
from db.services.communes import get_commune
from db.services.results import set_result, toggle_met
from db.services.status import year_status
from ntm_tui.forms.confirm import ConfirmChange
from tests.conftest import settle
from tests.exports.pdfread import text_of
from tests.screens.helpers import demo_app, open_section


def _status(code):
    return next(i for i in year_status(get_commune(), 2023).indicators() if i.code == code)


def test_a_contradicting_toggle_is_refused_unless_by_hand(demo_db):
    commune = get_commune()
    set_result(commune, 2023, "12.2", value="20")
    assert _status("12.2").status == "not_met" and not _status("12.2").by_hand
    with pytest.raises(ContradictsValue, match="chưa đạt yêu cầu"):
        toggle_met(commune, 2023, "12.2", by_hand=False)
    assert _status("12.2").status == "not_met"  # nothing written
    toggle_met(commune, 2023, "12.2", by_hand=True)
    assert _status("12.2").status == "met" and _status("12.2").by_hand
    toggle_met(commune, 2023, "12.2", by_hand=False)  # back to what the value says: no question
    assert _status("12.2").status == "not_met" and not _status("12.2").by_hand


def test_the_annex_marks_a_result_set_by_hand(demo_db, tmp_path):
    from exports.pdf import export_report

    commune = get_commune()
    set_result(commune, 2023, "12.2", value="20")
    pdf = tmp_path / "bc.pdf"
    export_report("report", commune.id, 2023, pdf, period="2023", annex=True)
    assert "(*)" not in text_of(pdf)
    toggle_met(commune, 2023, "12.2", by_hand=True)
    marked = tmp_path / "bc-tay.pdf"
    export_report("report", commune.id, 2023, marked, period="2023", annex=True)
    text = text_of(marked)
    assert "Đạt (*)" in text and "Kết quả do xã đánh giá" in text


async def test_space_asks_once_then_marks_the_row(demo_db):
    set_result(get_commune(), 2023, "12.2", value="20")
    app = demo_app(demo_db)
    app.ctx.config.space_moves_next = False
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_section(pilot, "2")
        await pilot.press("slash", *"12.2", "enter")
        await settle(pilot)
        await pilot.press("space")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmChange))
        assert "20" in str(app.screen.intro) and "Vẫn ghi" in str(app.screen.intro)
        await pilot.press("escape")  # kept as it was
        await settle(pilot, lambda: app.screen is screen)
        assert _status("12.2").status == "not_met"
        await pilot.press("space")
        await settle(pilot, lambda: isinstance(app.screen, ConfirmChange))
        await pilot.press("enter")
        await settle(pilot, lambda: app.screen is screen and _status("12.2").status == "met")
        table = screen.query_one("#indicators")
        row = [str(c) for c in table.get_row_at(table.cursor_row)]
        assert "12.2" in row[0] and any(cell.endswith("!") for cell in row)
