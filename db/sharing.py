"""Who may read the files the app creates: the owner only, or also the owner's group when
NTM_TUI_UMASK says so (two officers sharing one database on a server, see the README)."""
from __future__ import annotations

import os


def shared_umask() -> int | None:
    """The umask asked for in NTM_TUI_UMASK (e.g. 007), or None: owner only."""
    text = os.environ.get("NTM_TUI_UMASK", "").strip()
    if not text:
        return None
    try:
        return int(text, 8) & 0o077  # never the owner's own bits
    except ValueError:
        return None


def file_mode() -> int:
    """0600, or 0660/0640 when NTM_TUI_UMASK lets the group write/read. Never other users."""
    mask = shared_umask()
    return 0o600 if mask is None else (0o660 & ~mask) | 0o600


def dir_mode() -> int:
    """0700, or 0770/0750 as NTM_TUI_UMASK lets the group in. Never other users."""
    mask = shared_umask()
    return 0o700 if mask is None else (0o770 & ~mask) | 0o700
