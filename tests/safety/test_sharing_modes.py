"""NTM_TUI_UMASK decides whether the group shares the database (issue 17); others never do."""
from __future__ import annotations

import stat

import pytest

from db.sharing import dir_mode, file_mode


@pytest.mark.parametrize("umask, files, folders", [
    (None, 0o600, 0o700), ("007", 0o660, 0o770), ("027", 0o640, 0o750), ("000", 0o660, 0o770),
    ("0777", 0o600, 0o700), ("abc", 0o600, 0o700),
])
def test_modes(monkeypatch, umask, files, folders):
    if umask is None:
        monkeypatch.delenv("NTM_TUI_UMASK", raising=False)
    else:
        monkeypatch.setenv("NTM_TUI_UMASK", umask)
    assert (file_mode(), dir_mode()) == (files, folders)


@pytest.mark.parametrize("umask, expected", [("007", 0o660), ("0777", 0o600), ("", 0o600)])
def test_the_database_file_follows_the_umask(cli, tmp_path, monkeypatch, umask, expected):
    monkeypatch.setenv("NTM_TUI_UMASK", umask)
    db = tmp_path / "shared" / "ntm.db"
    code, out, err = cli("--db", db, "demo")
    assert code == 0, err
    assert stat.S_IMODE(db.stat().st_mode) == expected
    assert cli("--db", db, "backup")[0] == 0
    backups = db.parent / "backups"
    assert stat.S_IMODE(backups.stat().st_mode) == (0o770 if expected == 0o660 else 0o700)
    assert all(stat.S_IMODE(p.stat().st_mode) == expected for p in backups.iterdir())
