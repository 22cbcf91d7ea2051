"""Snapshots at 80×24 on the demo data, 16/03/2023, user 'tester'.

Update after an intended change of layout: pytest tests/tui/test_snapshots.py --snapshot-update
"""
from tests.tui.snap_app import make_app, settle


async def ready(pilot) -> None:
    await settle(pilot)
    pilot.app.clear_notifications()  # the start toast times out: keep it out of the picture
    await pilot.pause()


def test_dashboard(demo_db, snap_compare):
    assert snap_compare(make_app(demo_db), run_before=ready, terminal_size=(80, 24))


def test_indicator_list(demo_db, snap_compare):
    async def open_list(pilot) -> None:
        await pilot.press("2")
        await ready(pilot)

    assert snap_compare(make_app(demo_db), run_before=open_list, terminal_size=(80, 24))


def test_indicator_detail(demo_db, snap_compare):
    async def open_detail(pilot) -> None:
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("slash", *"12.1", "enter")
        await settle(pilot)
        await pilot.press("enter")
        await ready(pilot)

    assert snap_compare(make_app(demo_db), run_before=open_detail, terminal_size=(80, 24))
