"""Two officers, two Unix accounts, one database (issue 17, README "Dùng chung"). Needs root to
create the accounts; skipped otherwise. The accounts run the system Python 3.11 with this
checkout and the virtualenv's packages on PYTHONPATH (the venv's own interpreter may sit in a
folder other users cannot enter)."""
from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import pytest

from .conftest import ROOT

SYSTEM_PYTHON = Path("/usr/bin/python3")


def _tools_missing() -> str | None:
    if os.geteuid() != 0:
        return "creating Unix accounts needs root"
    for tool in ("useradd", "userdel", "groupadd", "groupdel", "setpriv"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed"
    if not SYSTEM_PYTHON.exists() or subprocess.run(
            [str(SYSTEM_PYTHON), "-c", f"import sys; assert sys.version_info[:2] == {sys.version_info[:2]}"],
            capture_output=True).returncode:
        return "no system Python of the same version for the other accounts"
    return None


@pytest.fixture
def accounts():
    why = _tools_missing()
    if why:
        pytest.skip(why)
    tag = uuid.uuid4().hex[:6]
    group, users = f"ntmg{tag}", [f"ntma{tag}", f"ntmb{tag}", f"ntmc{tag}"]
    subprocess.run(["groupadd", group], check=True)
    try:
        for user in users[:2]:
            subprocess.run(["useradd", "-M", "-N", "-g", group, "-s", "/bin/sh", user], check=True)
        subprocess.run(["useradd", "-M", "-N", "-s", "/bin/sh", users[2]], check=True)  # not in the group
        shared = Path(tempfile.mkdtemp(prefix="ntm-shared-", dir="/tmp"))
        os.chmod(shared.parent / shared.name, 0o755)
        folder = shared / "xa"
        folder.mkdir()
        shutil.chown(folder, group=group)
        os.chmod(folder, 0o2770)  # the README's step: group-owned, new files keep the group
        yield group, users, folder
    finally:
        for user in users:
            subprocess.run(["userdel", user], capture_output=True)
        subprocess.run(["groupdel", group], capture_output=True)
        if "shared" in locals():
            shutil.rmtree(shared, ignore_errors=True)


def _site_packages() -> str:
    import peewee

    return str(Path(peewee.__file__).parent)


def _command(user: str, folder: Path, *argv: str, name: str = "", umask: str = "007"):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder), "LANG": "C.UTF-8",
           "PYTHONPATH": f"{ROOT}:{_site_packages()}", "NTM_TUI_DB": str(folder / "ntm.db"),
           "NTM_TUI_CONFIG": str(folder / f"config-{user}.json"), "NTM_TUI_UMASK": umask,
           "PYTHONDONTWRITEBYTECODE": "1"}
    if name:
        env["NTM_TUI_USER"] = name
    program = list(argv) if argv and argv[0] == "-c" else ["-m", "ntm_tui", *argv]  # -c: a script
    return (["setpriv", f"--reuid={user}", f"--regid={_group_of(user)}", "--init-groups",
             str(SYSTEM_PYTHON), *program], env)


def run_as(user: str, folder: Path, *argv: str, name: str = "", umask: str = "007"):
    command, env = _command(user, folder, *argv, name=name, umask=umask)
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=120)


def _group_of(user: str) -> str:
    import grp
    import pwd

    return grp.getgrgid(pwd.getpwnam(user).pw_gid).gr_name


def test_two_officers_share_one_database(accounts):
    group, (a, b, stranger), folder = accounts
    made = run_as(a, folder, "--db", str(folder / "ntm.db"), "demo", name="Cán bộ A")
    assert made.returncode == 0, made.stderr
    db = folder / "ntm.db"
    info = db.stat()
    assert stat.S_IMODE(info.st_mode) == 0o660 and info.st_gid == folder.stat().st_gid
    # both write, at once, and both start the day's work (backups folder included)
    procs = []
    for n, user in enumerate((a, b, a, b, a, b)):
        command, env = _command(user, folder, "set", f"1.{1 + n % 2}", "--year", "2023", "--note",
                                f"ghi chú {n} của {user}", name="Cán bộ A")
        procs.append(subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE,
                                      stderr=subprocess.PIPE, text=True))
    outcomes = [(p.wait(timeout=120), p.communicate()[1]) for p in procs]
    assert [code for code, _ in outcomes] == [0] * 6, outcomes
    for user in (a, b):
        backup = run_as(user, folder, "backup")
        assert backup.returncode == 0, backup.stderr
    backups = folder / "backups"
    assert stat.S_IMODE(backups.stat().st_mode) & 0o070 == 0o070  # the group may write there
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o660 for p in backups.iterdir())
    # the change log tells the two accounts apart, whatever name each typed
    log = run_as(b, folder, "history", "--format", "json", "--limit", "10")
    assert log.returncode == 0, log.stderr
    logins = {entry["login"] for entry in json.loads(log.stdout)}
    assert {a, b} <= logins
    table = run_as(a, folder, "history", "--limit", "4").stdout
    assert f"Cán bộ A ({b})" in table and f"Cán bộ A ({a})" in table
    # someone outside the group gets one clear line, not "Lỗi không mong muốn"
    refused = run_as(stranger, folder, "status", umask="077")
    assert refused.returncode == 2 and len(refused.stderr.strip().splitlines()) == 1, refused.stderr
    assert "Lỗi không mong muốn" not in refused.stderr


def test_without_the_umask_the_database_stays_private(accounts):
    group, (a, b, _), folder = accounts
    made = run_as(a, folder, "--db", str(folder / "ntm.db"), "demo", umask="")
    assert made.returncode == 0, made.stderr
    assert stat.S_IMODE((folder / "ntm.db").stat().st_mode) == 0o600
    other = run_as(b, folder, "status")
    assert other.returncode == 2 and "Lỗi không mong muốn" not in other.stderr, other.stderr


START_OF_DAY = """
import os
from pathlib import Path
from ntm_tui.__main__ import owner_only_files
from ntm_tui.config import load_config
from ntm_tui.context import Context
from ntm_tui.commands.backup import start_of_day_backup
owner_only_files()
ctx = Context(Path(os.environ["NTM_TUI_DB"]), True, config=load_config())
print("copy:", start_of_day_backup(ctx))
"""


def test_a_backups_folder_of_another_account_does_not_stop_the_app(accounts):
    """The first user's backups folder was made 0700 (before sharing was set up): the second
    user's app still starts; the day's copy is reported as not made, in one line."""
    group, (a, b, _), folder = accounts
    assert run_as(a, folder, "--db", str(folder / "ntm.db"), "demo").returncode == 0
    assert run_as(a, folder, "backup").returncode == 0
    os.chmod(folder / "backups", 0o700)
    for old in (folder / "backups").iterdir():
        old.unlink()
    started = run_as(b, folder, "-c", START_OF_DAY)
    assert started.returncode == 0 and "copy: None" in started.stdout, started.stderr
    assert "Traceback" not in started.stderr and len(started.stderr.strip().splitlines()) == 1
    assert "quyền" in started.stderr
