"""Start the Textual app on the chosen database."""
from __future__ import annotations


def run_app(args, ctx) -> int:
    import gc

    # Start-up builds a few hundred thousand objects that live as long as the app (Textual,
    # the models, the first screen); collecting among them over and over is wasted time. The
    # first frame freezes them and turns collection back on (NtmApp.on_mount).
    gc.disable()
    ctx.open(create=True)
    from ntm_tui.commands.backup import start_of_day_backup
    start_of_day_backup(ctx)  # the first start of each day keeps a copy of the database
    from ntm_tui.app import NtmApp

    app = NtmApp(ctx)
    app.run()
    return app.return_code or 0


def read_start(ctx) -> None:
    """Read what the app shows first, before it runs: its first frame is drawn complete, and
    once it runs every database call goes through the workers (ntm_tui.workers)."""
    from db.services.session import start_state

    from db.text import for_display

    ctx.start = for_display(start_state(ctx.commune_name, None, ctx.today))
    if ctx.start.commune_id is not None:
        from ntm_tui.screens.dashboard import load_dashboard

        from db.text import for_display

        ctx.start_dashboard = for_display(load_dashboard(ctx.start.commune_id, ctx.start.year, ctx.today))
