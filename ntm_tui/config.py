"""The user's own preferences (language, name, PDF font, export folder), kept per login.

Settings that belong to the commune (plan number, signer, current year) live in the
database instead, so every officer sharing it sees the same.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, field, fields
from pathlib import Path

from db.dataclass_lite import dataclass
from ntm_tui.paths import config_path


@dataclass
class UserConfig:
    lang: str = "vi"
    user_name: str = ""  # name written into the change log; empty = OS login
    member_name: str = ""  # which board member I am, for the "mine" filter
    font_path: str = ""  # a TTF (e.g. Times New Roman) replacing the bundled Liberation Serif
    export_dir: str = ""
    backups_keep: int = 7
    space_moves_next: bool = True  # space on the indicator list records, then goes one row down
    # The officer's own keys: binding id → key(s), e.g. {"toggle_met": "x", "edit_value": "v,enter"}
    keys: dict[str, str] = field(default_factory=dict)


def load_config(path: Path | None = None) -> UserConfig:
    path = path or config_path()
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return UserConfig()
    known = {f.name for f in fields(UserConfig)}
    values = {k: v for k, v in raw.items() if k in known} if isinstance(raw, dict) else {}
    keys = values.get("keys")
    values["keys"] = {str(k): str(v) for k, v in keys.items() if isinstance(v, str) and v.strip()} \
        if isinstance(keys, dict) else {}
    try:
        return UserConfig(**values)
    except TypeError:
        return UserConfig()


def save_config(config: UserConfig, path: Path | None = None) -> None:
    path = path or config_path()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(asdict(config), handle, ensure_ascii=False, indent=2)
    os.replace(tmp, path)
