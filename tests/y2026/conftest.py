"""The commune of 2026: the command line run in-process on real database files."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from db.connection import close_database
from ntm_tui.__main__ import main


@pytest.fixture
def cli(capsys):
    def run(*argv):
        close_database()
        code = main([str(a) for a in argv])
        out, err = capsys.readouterr()
        close_database()
        return code, out, err
    return run


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
