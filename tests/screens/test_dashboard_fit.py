"""Issue 16: at 80×24 the dashboard shows the criteria's progress; the late list is bounded."""
from datetime import date

from tests.conftest import settle
from tests.screens.helpers import demo_app


async def test_progress_is_on_the_first_screen_and_the_late_list_is_counted(demo_db):
    app = demo_app(demo_db, today=date(2023, 7, 10))  # ten deadlines late by then
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bars = app.screen.query_one("#bars")
        assert "Tiến độ từng tiêu chí" in str(bars.render())
        assert bars.region.y + 3 < 24  # its title and first criteria are on the first screen
        deadlines = str(app.screen.query_one("#deadlines").render())
        assert deadlines.count("TRỄ") == 3 and "… và 7 hạn trễ khác (xem mục 5 Lịch)" in deadlines
