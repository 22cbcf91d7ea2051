"""What the section tests share: the demo app on a fixed day, opening a section, table rows."""
from datetime import date

from textual.widgets import DataTable

from ntm_tui.app import NtmApp
from ntm_tui.context import Context

TODAY = date(2023, 3, 16)  # mid-March 2023: three monthly reports late, Q1 report due


def demo_app(path) -> NtmApp:
    return NtmApp(Context(db_path=path, db_explicit=True, today=TODAY))


async def open_section(pilot, digit: str):
    await pilot.pause()
    await pilot.press(digit)
    await pilot.pause()
    return pilot.app.screen


def row_keys(screen) -> list[str]:
    table = screen.query_one(DataTable)
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]
