"""Find anything (issue 16): one engine for the app and `ntm-tui search`."""
import json
from datetime import date

from textual.widgets import DataTable

from db.connection import close_database
from db.models import Commune, Member, WorkItem
from db.services import people
from db.services.search import Query, search
from ntm_tui.__main__ import main
from ntm_tui.screens.indicator_detail import IndicatorDetailScreen, PlanTable
from ntm_tui.screens.search import SearchScreen
from tests.conftest import settle
from tests.screens.helpers import demo_app, row_keys

TODAY = date(2023, 3, 16)


def found(text, year=2023):
    commune = Commune.select().first()
    return search(commune.id, year, text, today=TODAY)


def test_query_ignores_accents_case_order_and_takes_initials():
    assert Query("TAN hoa").matches("Nâng cấp đường ấp Hòa Tân")
    assert Query("Hội LHPN").matches("Hội Liên hiệp Phụ nữ xã")
    assert not Query("LH").matches("Hội Liên hiệp Phụ nữ xã")  # two letters: too short for initials
    assert not Query("hoa tan xyz").matches("Nâng cấp đường ấp Hòa Tân")
    assert Query("hoa tan").score("ấp Hòa Tân") == 3 > Query("hoa tan").score("hỏa táng") == 1


def test_road_work_in_hoa_tan_comes_first(demo_db):
    hits = found("hoa tan")
    works = [h for h in hits if h.kind == "work"]
    assert hits[0].kind == "work" and "Hòa Tân" in hits[0].title and "Hòa Tân" in hits[0].context
    assert {int(h.key) for h in works} == {w.id for w in WorkItem.select() if "Hòa Tân" in w.hamlet}
    assert hits.index(works[-1]) < min(i for i, h in enumerate(hits) if h.title.startswith("Mai táng"))


def test_members_by_name_position_and_unit_abbreviation(demo_db):
    assert [h.title for h in found("kim ngan") if h.kind == "member"] == ["Phạm Thị Kim Ngân"]
    assert found("kim ngan")[0].kind == "member"  # a name before the plan prose that mentions her
    commune = Commune.select().first()
    unit = next(u for u in people.list_units(commune) if u.name == "Hội Liên hiệp Phụ nữ xã")
    people.add_member(commune, "Nguyễn Thị Hoa", position="Chủ tịch Hội", unit=unit.id)
    hits = found("Hội LHPN")
    assert ("unit", "Hội Liên hiệp Phụ nữ xã") in [(h.kind, h.title) for h in hits]
    assert ("member", "Nguyễn Thị Hoa") in [(h.kind, h.title) for h in hits]
    assert [h.title for h in found("chu tich hoi nong dan") if h.kind == "member"] \
        == ["Võ Thị Dung (minh họa)"]


def test_every_kind_is_searched(demo_db):
    kinds = {h.kind for text in ("nghe da chieu", "BHYT", "bao cao thang", "Tan Chau", "VietGAP",
                                 "Hội LHPN", "hoa tan", "kim ngan", "doi ngu can bo")
             for h in found(text)}
    assert kinds >= {"criterion", "indicator", "plan_text", "task", "solution", "work", "member",
                     "unit", "evidence", "deadline"}
    assert found("   ") == []


def test_command_line_search(demo_db, capsys):
    close_database()
    assert main(["--db", str(demo_db), "--today", "2023-03-16", "search", "hoa", "tan", "--year", "2023"]) == 0
    out = capsys.readouterr().out
    assert "Công trình" in out and "Nâng cấp, mở rộng tuyến đường ấp Hòa Tân" in out
    close_database()
    assert main(["--db", str(demo_db), "search", "kim ngan", "--year", "2023", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["kind"] == "member" and data[0]["title"] == "Phạm Thị Kim Ngân"
    close_database()
    assert main(["--db", str(demo_db), "search", "zzqq", "--year", "2023"]) == 0
    assert "Không tìm thấy" in capsys.readouterr().out
    close_database()
    assert main(["--db", str(demo_db), "search", "x", "--year", "20x3"]) == 2
    err = capsys.readouterr().err
    assert "Năm không hợp lệ" in err and "Traceback" not in err


async def test_ctrl_f_typed_in_one_burst_jumps_to_the_work(demo_db):
    work = next(w for w in WorkItem.select().order_by(WorkItem.id) if "Hòa Tân" in w.hamlet)
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+f", *"hoa tan")
        await settle(pilot, lambda: isinstance(app.screen, SearchScreen) and app.screen.hits)
        assert app.screen.query_one("#find-box").value == "hoa tan"
        await pilot.press("enter")
        await settle(pilot, lambda: isinstance(app.screen, IndicatorDetailScreen))
        table = app.screen.query_one(PlanTable)
        await settle(pilot, lambda: table.row_count and table.coordinate_to_cell_key(
            (table.cursor_row, 0)).row_key.value == f"work:{work.id}")
        assert app.screen.code == "2.1"


async def test_slash_on_members_list_finds_a_member_and_jumps(demo_db):
    member = Member.get(Member.name == "Phạm Thị Kim Ngân")
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3", "slash", *"kim ngan", "enter")
        await settle(pilot, lambda: not isinstance(app.screen, SearchScreen))
        screen = app.screen
        await settle(pilot, lambda: row_keys(screen) and screen.query_one(DataTable).coordinate_to_cell_key(
            (screen.query_one(DataTable).cursor_row, 0)).row_key.value == f"m:{member.id}")


async def test_down_from_the_box_goes_to_the_hit_after_the_highlighted_one(demo_db):
    """The first hit is highlighted while typing and Enter opens it; one Down then chose the
    same first hit, where a command palette goes to the second. Typed in one burst, before the
    hits arrive, the keys are replayed in order."""
    commune = Commune.select().first()
    hits = search(commune.id, 2023, "chu tich", today=TODAY)
    assert [h.kind for h in hits[:2]] == ["member", "member"]
    app = demo_app(demo_db)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("3", "slash", *"chu tich", "down", "enter")
        await settle(pilot, lambda: not isinstance(app.screen, SearchScreen))
        screen = app.screen
        table = screen.query_one(DataTable)
        await settle(pilot, lambda: row_keys(screen) and table.coordinate_to_cell_key(
            (table.cursor_row, 0)).row_key.value == f"m:{hits[1].key}")
