"""What the section tests share: the demo app on a fixed day, opening a section, table rows."""
from datetime import date

from textual.widgets import DataTable

from ntm_tui.app import NtmApp
from ntm_tui.context import Context
from tests.conftest import settle

TODAY = date(2023, 3, 16)  # mid-March 2023: three monthly reports late, Q1 report due


def demo_app(path, today: date = TODAY) -> NtmApp:
    """The app as `ntm-tui` starts it: the start state read before it runs (ntm_tui.launch)."""
    from db.services.session import start_state

    ctx = Context(db_path=path, db_explicit=True, today=today)
    ctx.start = start_state(ctx.commune_name, None, today)
    return NtmApp(ctx)


async def open_section(pilot, digit: str):
    await settle(pilot)
    await pilot.press(digit)
    await settle(pilot)
    return pilot.app.screen


def row_keys(screen) -> list[str]:
    table = screen.query_one(DataTable)
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]


def error_under(form, name: str | None = None) -> str:
    """The message a form shows under the field `name` (None: under all the fields)."""
    from textual.widgets import Static

    return str(form.query_one(f"#e-{name}" if name else "#form-error", Static).render())
