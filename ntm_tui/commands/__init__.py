"""Subcommands. Each module here has `register(subparsers, common)`; they are found by
scanning this package, so adding a command never touches another file."""
from __future__ import annotations

import importlib

from db.package_files import module_names


ALIASES = {"set": "set_result"}  # command name → module, where they differ


def command_modules(only: str | None = None):
    """Every command module, or just the one serving `only` when it names a command: the
    other sixteen need not be built to run one (each adds to every command's start-up)."""
    names = [name for name in module_names(__file__) if not name.startswith("_")]
    wanted = ALIASES.get(only, only)
    if wanted in names:
        names = [wanted]
    for name in names:
        yield importlib.import_module(f"{__name__}.{name}")
