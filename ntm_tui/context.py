"""What every command needs: the database path, language, chosen commune, today."""
from __future__ import annotations

import os
from dataclasses import field
from datetime import date
from pathlib import Path

from db.dataclass_lite import dataclass
from ntm_tui.config import UserConfig, load_config


@dataclass
class Context:
    db_path: Path
    db_explicit: bool  # --db or NTM_TUI_DB given: a missing file is an error for reading commands
    lang: str = "vi"
    commune_name: str | None = None
    today: date = field(default_factory=date.today)
    config: UserConfig = field(default_factory=UserConfig)
    start: object = None  # the app's start state, read before it runs (ntm_tui.launch)
    start_dashboard: object = None  # the dashboard's first data, read then too

    def open(self, create: bool = False) -> bool:
        """Open (and on first use create) the database; returns True if it was created."""
        from db.bootstrap import prepare

        return prepare(self.db_path, create=create or not self.db_explicit)

    def commune(self):
        from db.services.communes import get_commune

        return get_commune(self.commune_name)

    def year(self, value: str | int | None, commune=None):
        """The year asked for, else the commune's working year (`commune` when already read)."""
        from db import rules
        from db.services.communes import default_year

        if value is None:
            return default_year(commune or self.commune(), self.today)
        return rules.parse_year(value)


def build_context(args) -> Context:
    from db.context import set_today, set_user
    from db.rules import parse_date
    from ntm_tui.paths import default_db_path

    config = load_config()
    explicit = bool(getattr(args, "db", None) or os.environ.get("NTM_TUI_DB"))
    db_path = Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()
    lang = getattr(args, "lang", None) or config.lang or "vi"
    today_text = getattr(args, "today", None) or os.environ.get("NTM_TUI_TODAY")
    today = parse_date(today_text) if today_text else date.today()
    set_user(config.user_name or None)
    set_today(today if today_text else None)
    return Context(db_path=db_path, db_explicit=explicit, lang=lang,
                   commune_name=getattr(args, "commune", None), today=today, config=config)
