"""Where data and settings live. Nothing is created at import."""
from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "ntm-tui"


def data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(os.environ.get("NTM_TUI_DATA") or user_data_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    env = os.environ.get("NTM_TUI_DB")
    return Path(env).expanduser() if env else data_dir() / "ntm.db"


def config_path() -> Path:
    env = os.environ.get("NTM_TUI_CONFIG")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.json"


def default_export_dir() -> Path:
    return Path(os.environ.get("NTM_TUI_EXPORTS") or (Path.home() / "ntm-tui-exports"))
