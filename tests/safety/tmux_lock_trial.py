"""Issue 12's Done-when trial, as a person would run it: the app open in tmux at 80×24 on the
demo (first start of the day, so the daily backup runs), `2`, Down, space; then rounds of
`ntm-tui status` or `ntm-tui deadlines --late` in another shell and Down + space in the app.

    .venv/bin/python tests/safety/tmux_lock_trial.py [--rounds 20] [--keep] [--json FILE]

Counts: error messages on screen, tracebacks, toggles confirmed on screen and found in the
database, -wal/-shm present, the app's POSIX locks (/proc/locks), PRAGMA integrity_check.
Linux with tmux only. tests/safety/test_tmux_lock_trial.py runs a short version.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if __package__ in (None, ""):  # run as a file path, not with -m
    sys.path.insert(0, str(ROOT))

from tests.safety import locks  # noqa: E402
CONFIRMED = re.compile(r"(\d+(?:\.\d+)?) / (\d{4}): ")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
BACKGROUND = re.compile(r"\x1b\[[0-9;]*?48;(?:5;\d+|2;\d+;\d+;\d+)")
INDICATOR_ROW = re.compile(r"^  (\d+(?:\.\d+)?)\*? ")  # indented under its criterion
SECOND_COMMANDS = (["status"], ["deadlines", "--late"])


def error_patterns() -> list[str]:
    """The start of every database message the officer could see, and the crash words."""
    from db.messages import MESSAGES

    found = ["Traceback", "Error", "Lỗi", "lỗi", "rollback", "I/O"]
    for key, (vi, _en) in MESSAGES.items():
        if key.startswith("db_") or key == "conflict":
            head = vi.split("{")[0].strip()[:24]
            if len(head) >= 10:
                found.append(head)
    return found


class Trial:
    def __init__(self, folder: Path, rounds: int) -> None:
        self.folder, self.rounds = folder, rounds
        self.db = folder / "ntm.db"
        self.socket = f"ntm-lock-trial-{os.getpid()}"
        self.env = dict(os.environ, PYTHONPATH=str(ROOT), NTM_TUI_DB=str(self.db),
                        NTM_TUI_DATA=str(folder / "data"), NTM_TUI_CONFIG=str(folder / "config.json"),
                        NTM_TUI_EXPORTS=str(folder / "exports"))
        self.env.pop("NTM_TUI_TODAY", None)
        self.patterns = error_patterns()
        self.errors: list[str] = []
        self.error_visible = False
        self.report: dict = {"rounds": rounds, "problems": []}

    # tmux -------------------------------------------------------------------------------
    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=False).stdout

    def screen(self) -> list[str]:
        lines = self.tmux("capture-pane", "-p", "-t", "app").splitlines()
        self.error_visible = False
        for line in lines:
            if any(p in line for p in self.patterns):
                self.error_visible = True
                # the notification, not the table row under it nor the scroll bar beside it
                text = line.rsplit("▌", 1)[-1].rstrip(" ▁▂▃▄▅▆▇█").strip()
                if text not in self.errors:
                    self.errors.append(text)
        return lines

    def cursor_row(self) -> str | None:
        """The text of the table row under the cursor: the one row drawn on a background of its
        own (capture-pane -e keeps the colours)."""
        rows = self.tmux("capture-pane", "-e", "-p", "-t", "app").splitlines()[3:-1]
        found = [(m.group(0).rsplit("48;", 1)[1] if (m := BACKGROUND.search(r)) else "", r)
                 for r in rows]
        colours = [c for c, _ in found]
        odd = [r for c, r in found if c and colours.count(c) == 1]
        return ANSI.sub("", odd[0]) if len(odd) == 1 else None

    def wait_for(self, test, timeout: float) -> list[str] | None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = self.screen()
            if test(lines):
                return lines
            time.sleep(0.1)
        return None

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "app", key)
            time.sleep(0.15)

    def pane(self, field: str) -> str:
        return self.tmux("display-message", "-p", "-t", "app", f"#{{{field}}}").strip()

    def exit_status(self) -> str | None:
        """How the app ended ("0", "1", "signal 9"), or None while it runs. tmux gives it once it
        has reaped the process, which now and then it leaves a zombie for a long while: then
        the kernel has it in /proc/PID/stat (field 52, in waitpid's form)."""
        if self.pane("pane_dead") != "1":
            return None
        if status := self.pane("pane_dead_status"):
            return status
        if signal := self.pane("pane_dead_signal"):
            return f"signal {signal}"
        try:
            fields = Path(f"/proc/{self.app_pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None
        if fields[0] != "Z" or len(fields) < 50:  # fields[0] is field 3, the state
            return None
        code = int(fields[49])
        return str(code >> 8) if code & 0x7F == 0 else f"signal {code & 0x7F}"

    # the person's steps ---------------------------------------------------------------------
    def run_command(self, argv: list[str]) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "ntm_tui", *argv], cwd=ROOT, env=self.env,
                              capture_output=True, text=True, timeout=120)

    def down_to_indicator(self) -> str | None:
        """Down, and Down again past criterion rows (space does nothing there): the code of the
        indicator under the cursor."""
        row = self.cursor_row()
        for _ in range(5):
            self.keys("Down")
            if self.wait_for(lambda s: self.cursor_row() not in (None, row), timeout=30) is None:
                return None
            row = self.cursor_row()
            match = INDICATOR_ROW.match(row or "")
            if match:
                return match.group(1)
        return None

    def toggle(self, code: str | None) -> str | None:
        """Space on indicator `code`: the code once the status line confirms it, else None."""
        if code is None:
            return None
        self.keys("Space")
        lines = self.wait_for(lambda s: self.error_visible or (
            len(s) > 1 and (m := CONFIRMED.search(s[1])) is not None and m.group(1) == code),
            timeout=30)
        if lines and not self.error_visible:
            return code
        return None

    def app_state(self, when: str) -> dict:
        held = locks.posix_locks(self.app_pid, *locks.database_files(self.db))
        state = {"locks": held, "wal": Path(f"{self.db}-wal").exists(),
                 "shm": Path(f"{self.db}-shm").exists()}
        if not (state["wal"] and state["shm"]) or len(held) != 2 or not all(held.values()):
            self.report["problems"].append(f"{when}: {state}")
        return state

    def run(self) -> dict:
        done = self.run_command(["--db", str(self.db), "demo"])  # the demo goes to its own file unless --db
        assert done.returncode == 0, done.stderr
        with closing(sqlite3.connect(self.db)) as conn:
            start_id = conn.execute("SELECT max(id) FROM change_log").fetchone()[0]
        app = f"sleep 0.2; exec {sys.executable} -m ntm_tui"
        self.tmux("-f", "/dev/null", "new-session", "-d", "-s", "app", "-x", "80", "-y", "24",
                  "-c", str(ROOT), "-e", f"PYTHONPATH={ROOT}", "-e", f"NTM_TUI_DB={self.db}",
                  "-e", f"NTM_TUI_DATA={self.env['NTM_TUI_DATA']}",
                  "-e", f"NTM_TUI_CONFIG={self.env['NTM_TUI_CONFIG']}",
                  "-e", f"NTM_TUI_EXPORTS={self.env['NTM_TUI_EXPORTS']}", app,
                  ";", "set-option", "-t", "app", "remain-on-exit", "on")
        socket = self.tmux("display-message", "-p", "#{socket_path}").strip()
        try:
            return self._rounds(start_id)
        finally:
            self.tmux("kill-server")
            if socket:  # a killed server leaves its socket file behind
                Path(socket).unlink(missing_ok=True)

    def _rounds(self, start_id: int) -> dict:
        report = self.report
        if not self.wait_for(lambda s: any("Tổng quan" in line for line in s[:1]), timeout=60):
            raise RuntimeError("the app did not start: " + "\n".join(self.screen()))
        self.app_pid = int(self.pane("pane_pid"))
        report["daily_backup"] = [p.name for p in (self.db.parent / "backups").glob("*-auto-*.db")]
        self.keys("2")
        if not self.wait_for(lambda s: any("Tiêu chí" in line for line in s[:1]), timeout=30):
            raise RuntimeError("no criteria screen: " + "\n".join(self.screen()))
        confirmed = [code for code in [self.toggle(self.down_to_indicator())] if code]
        self.app_state("after the first toggle")
        second = []
        for n in range(1, self.rounds + 1):
            argv = list(SECOND_COMMANDS[(n - 1) % len(SECOND_COMMANDS)])
            done = self.run_command(argv)
            second.append(done.returncode)
            if done.returncode not in (0, 1) or "Traceback" in done.stderr:
                report["problems"].append(f"round {n}: {' '.join(argv)} → {done.returncode} "
                                          f"{done.stderr.strip()[:200]}")
            self.app_state(f"round {n}, after {' '.join(argv)}")
            code = self.toggle(self.down_to_indicator())
            if code is None:
                report["problems"].append(f"round {n}: no toggle confirmed on screen")
            else:
                confirmed.append(code)
        end = self.app_state("end")
        screen = self.screen()
        self.keys("C-q")
        self.wait_for(lambda s: self.exit_status() is not None, timeout=30)
        app_exit = self.exit_status() or "still running"
        tracebacks = sum("Traceback" in line for line in self.screen())
        with closing(sqlite3.connect(self.db)) as conn:
            integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
            labels = [r[0] for r in conn.execute(
                "SELECT label FROM change_log WHERE id > ? AND \"table\" = 'result' "
                "AND field = 'status' ORDER BY id", (start_id,))]
        in_db = [label.split(" / ")[0] for label in labels]
        report.update({
            "toggles_confirmed": len(confirmed), "toggles_in_db": len(in_db),
            "toggles_missing_from_db": [c for c in confirmed if c not in in_db],
            "second_commands": {"run": len(second), "exit_codes": sorted(set(second))},
            "error_messages_on_screen": self.errors, "tracebacks": tracebacks,
            "app_exit_status": app_exit, "integrity_check": integrity,
            "app_locks_at_end": end["locks"], "wal_shm_at_end": [end["wal"], end["shm"]],
            "last_screen": screen,
        })
        report["ok"] = (not report["problems"] and not self.errors and not tracebacks
                        and integrity == "ok" and not report["toggles_missing_from_db"]
                        and len(confirmed) == self.rounds + 1 and len(in_db) == len(confirmed)
                        and bool(report["daily_backup"]) and app_exit == "0")
        return report


def available() -> str | None:
    """Why the trial cannot run here, or None."""
    if shutil.which("tmux") is None:
        return "tmux is not installed"
    version = subprocess.run(["tmux", "-V"], capture_output=True, text=True).stdout
    if not (m := re.search(r"(\d+)\.", version)) or int(m.group(1)) < 3:
        return f"tmux 3 or later is needed (new-session -e): {version.strip()}"
    if not locks.available():
        return "the kernel's lock table (/proc/locks) is Linux-only"
    return None


def trial(rounds: int, folder: Path | None = None) -> dict:
    if folder is not None:
        return Trial(folder, rounds).run()
    with tempfile.TemporaryDirectory(prefix="ntm-lock-trial-") as tmp:
        return Trial(Path(tmp), rounds).run()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    parser.add_argument("--json", type=Path, help="write the report here too")
    args = parser.parse_args(argv)
    reason = available()
    if reason:
        print(f"skipped: {reason}")
        return 0
    folder = Path(tempfile.mkdtemp(prefix="ntm-lock-trial-")) if args.keep else None
    report = trial(args.rounds, folder)
    text = json.dumps({k: v for k, v in report.items() if k != "last_screen"}, ensure_ascii=False,
                      indent=1)
    print(text)
    if not report["ok"]:
        print("\n".join(report["last_screen"]))
    if folder is not None:
        print(f"kept: {folder}")
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0 if report["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
