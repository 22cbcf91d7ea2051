"""Who is acting: the name written into the change log (OS login unless set otherwise)."""
from __future__ import annotations

import getpass
import os

_user: str | None = None


def current_user() -> str:
    if _user:
        return _user
    try:
        return os.environ.get("NTM_TUI_USER") or getpass.getuser()
    except Exception:  # no login name (containers): still log something
        return "unknown"


def set_user(name: str | None) -> None:
    global _user
    _user = (name or "").strip() or None
