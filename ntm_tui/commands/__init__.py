"""Subcommands. Each module here has `register(subparsers, common)`; they are found by
scanning this package, so adding a command never touches another file."""
from __future__ import annotations

import importlib
import pkgutil


def command_modules():
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if not info.name.startswith("_"):
            yield importlib.import_module(f"{__name__}.{info.name}")
