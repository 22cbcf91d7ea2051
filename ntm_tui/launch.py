"""Start the Textual app on the chosen database."""
from __future__ import annotations


def run_app(args, ctx) -> int:
    ctx.open(create=True)
    from ntm_tui.app import NtmApp

    app = NtmApp(ctx)
    app.run()
    return app.return_code or 0
