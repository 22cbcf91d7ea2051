"""Who is acting: the name written into the change log (OS login unless set otherwise)."""
from __future__ import annotations

import functools
import os

_user: str | None = None


def _os_user() -> str:
    import getpass  # deferred: termios comes with it, and most commands never need it

    return getpass.getuser()


def current_user() -> str:
    if _user:
        return _user
    try:
        return os.environ.get("NTM_TUI_USER") or _os_user()
    except Exception:  # no login name (containers): still log something
        return "unknown"


@functools.lru_cache(maxsize=1)
def login_name() -> str:
    """The Unix account running the process, from the system's user database: unlike
    NTM_TUI_USER, LOGNAME or USER it cannot be set to someone else's name."""
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    if uid is None:
        try:
            return _os_user()
        except Exception:
            return "unknown"
    try:
        import pwd

        return pwd.getpwuid(uid).pw_name
    except (ImportError, KeyError):
        return f"uid {uid}"


def set_user(name: str | None) -> None:
    global _user
    _user = (name or "").strip() or None


_today = None


def today():
    """The day the session works on: `--today` / NTM_TUI_TODAY, else the calendar's. A result
    entered without a data date holds from this day."""
    from datetime import date

    return _today or date.today()


def set_today(day) -> None:
    global _today
    _today = day
