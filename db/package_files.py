"""The modules of a package, listed from its folder. pkgutil lists them too, but importing it
brings in `inspect` (5-6 ms), paid by every command that looks for its commands or labels."""
from __future__ import annotations

import os


def module_names(package_file: str) -> list[str]:
    """Names of the .py modules beside `package_file` (a package's __init__), sorted."""
    folder = os.path.dirname(package_file)
    return sorted(entry.name[:-3] for entry in os.scandir(folder)
                  if entry.name.endswith(".py") and entry.name != "__init__.py")
