"""Helpers for the data-safety tests: real files, real processes."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.connection import close_database
from ntm_tui.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def worker(*args: object, **kwargs) -> subprocess.Popen:
    """Start tests/safety/worker.py as its own process (its own connection)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "tests.safety.worker", *map(str, args)], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


@pytest.fixture
def cli(capsys):
    """Run the command line in this process; returns (exit code, stdout, stderr)."""
    def run(*argv):
        close_database()
        try:
            code = main([str(a) for a in argv])
        except SystemExit as exc:  # argparse's own errors
            code = exc.code
        close_database()
        out, err = capsys.readouterr()
        return code, out, err
    return run


def one_clear_line(err: str) -> bool:
    return "Traceback" not in err and len(err.strip().splitlines()) == 1 and err.startswith("ntm-tui: ")
