"""Fuzzed command lines (issue 17): whatever the arguments, the exit status is 0 or 2 (never 1,
never a traceback), stderr is at most one line without control characters, nothing printed holds
a control character, and a refused command leaves the database as it was.

The suite runs a few dozen examples; `NTM_FUZZ_EXAMPLES=1000` runs more, and
`NTM_FUZZ_REPORT=FILE` writes the figures (statuses, refusals, changes) as JSON."""
from __future__ import annotations

import io
import json
import os
import shutil
import sys
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.connection import close_database
from ntm_tui.__main__ import main

from .conftest import digest

ESC = "\x1b"
CONTROL = {chr(c) for c in range(0x20) if c not in (0x09, 0x0a)} | {"\x7f"} | {chr(c) for c in range(0x80, 0xa0)}
EXAMPLES = int(os.environ.get("NTM_FUZZ_EXAMPLES", "40"))
# NTM_FUZZ_PROCESSES=1: each command line runs as its own process with the arguments as bytes
# (a lone surrogate becomes the invalid UTF-8 byte it stands for), as a terminal would start it.
PROCESSES = os.environ.get("NTM_FUZZ_PROCESSES") == "1"

FLAG = object()  # an option that takes no value
RULE_FIELDS = ["--title", "--frequency", "--due-day", "--due-month", "--latest-day", "--latest-month", "--kind"]
COMMANDS: dict[tuple[str, ...], tuple[int, list]] = {
    ("status",): (0, ["--year", "--format", ("--indicators", FLAG)]),
    ("set",): (1, ["--year", "--value", "--met", "--note", "--numerator", "--denominator", "--data-date"]),
    ("history",): (0, ["--code", "--since", "--limit", "--format"]),
    ("assignments",): (0, ["--year", ("--criteria", FLAG), "--format"]),
    ("evidence",): (0, ["--year", ("--missing", FLAG), "--format"]),
    ("deadlines",): (0, ["--from", "--to", "--ics", "--format", ("--overwrite", FLAG)]),
    ("submit",): (1, ["--date", "--file", ("--cancel", FLAG)]),
    ("rules",): (0, ["--format"]),
    ("rules", "add"): (0, RULE_FIELDS),
    ("rules", "edit"): (1, RULE_FIELDS),
    ("rules", "off"): (1, []),
    ("rules", "on"): (1, []),
    ("catalogue", "list"): (0, []),
    ("catalogue", "export"): (1, ["--set", ("--overwrite", FLAG)]),
    ("catalogue", "import"): (1, [("--replace", FLAG)]),
    ("catalogue", "use"): (1, ["--from-year", "--group"]),
    ("results", "export"): (1, ["--year", ("--overwrite", FLAG)]),
    ("results", "import"): (1, ["--year", ("--dry-run", FLAG)]),
    ("export",): (1, ["--year", "--period", "-o", ("--overwrite", FLAG)]),
    ("backup",): (1, []),
    ("restore",): (1, [("--yes", FLAG)]),
    ("dump",): (1, []),
    ("load",): (1, []),
    ("init",): (0, ["--commune", "--district", "--province", "--catalogue"]),
    ("demo",): (0, []),
}
FILES = ["out.xlsx", "out.yaml", "out.yml", "cal.ics", "b.db", "d.json", "r.pdf", "set.yaml", "set.xlsx",
         "kq.xlsx", "bomb.yaml", "broken.xlsx", "link.xlsx", "folder", "missing/x.xlsx", "foreign.sqlite",
         "~nosuchuser/x.db", "x" * 300 + ".xlsx", "/dev/null", ".", ""]
WORDS = ["", " ", "1.1", "2.1", "12.1", "17.10", "11.1", "yes", "no", "na", "co", "72,5", "-1", "0", "1",
         "100", "99,9999", "1e9", "inf", "nan", "-inf", "9" * 30, "9" * 400, "2023", "2021", "2026", "1",
         "9999", "2023-Q1", "2023-03", "2023-Q5", "01/01/2023", "2023-13-45", "0001-01-01", "9999-12-31",
         "plan", "report", "evidence", "assignments", "plain", "csv", "json", "grid", "vi", "en",
         "monthly", "quarterly", "yearly", "an-giang-2021-2025", "Tân Thạnh", "=1+1", "@SUM(1)",
         ESC + "[2J", ESC + "]0;pwned\x07", "\x9b31m", "\udcff\udcfe", "a" * 300, "x" * 5000, "\x00",
         "--help", "-", "../../etc/passwd", "%s%n", "{0}", "Nguyễn Văn A", "\u202eabc"]
values = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(FILES),
    st.integers(-10 ** 25, 10 ** 25).map(str),
    st.text(max_size=24),
    st.text(st.characters(codec=None, exclude_categories=()), max_size=8),  # surrogates too
)


@st.composite
def command_lines(draw):
    words = draw(st.sampled_from(sorted(COMMANDS)))
    positional, options = COMMANDS[words]
    argv = list(words) + [draw(values) for _ in range(positional)]
    for option in draw(st.lists(st.sampled_from(options), unique=True, max_size=4)) if options else []:
        if isinstance(option, tuple):
            argv.append(option[0])
        else:
            argv += [option, draw(values)]
    for option in draw(st.lists(st.sampled_from(["--lang", "--commune", "--today"]), unique=True, max_size=2)):
        argv += [option, draw(st.sampled_from(["vi", "en"]) if option == "--lang" else values)]
    return argv


def _prepare_files(folder: Path, db: Path) -> None:
    """Real files for the FILE arguments: a backup, a dump, sets, sheets, hostile files."""
    def run(*argv):
        close_database()
        out, err = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = io.StringIO(), io.StringIO()
        try:
            assert main(["--db", str(db), *argv]) == 0, sys.stderr.getvalue()
        finally:
            sys.stdout, sys.stderr = out, err
            close_database()

    run("backup", str(folder / "b.db"))
    run("dump", str(folder / "d.json"))
    run("catalogue", "export", str(folder / "set.yaml"))
    run("catalogue", "export", str(folder / "set.xlsx"))
    run("results", "export", str(folder / "kq.xlsx"), "--year", "2023")
    lines = ['code: bomb', 'name: bomb', 'period: 2021-2025', 'a0: &a0 ["l","l","l","l","l","l","l","l","l"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 9)]
    (folder / "bomb.yaml").write_text("\n".join(lines + ["criteria: *a8"]) + "\n")
    data = (folder / "kq.xlsx").read_bytes()
    (folder / "broken.xlsx").write_bytes(data[: len(data) // 2])
    (folder / "victim.txt").write_text("not yours")
    (folder / "link.xlsx").symlink_to(folder / "victim.txt")
    (folder / "folder").mkdir()
    import sqlite3

    conn = sqlite3.connect(folder / "foreign.sqlite")
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()


def _in_this_process(db: Path, argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    close_database()
    try:
        code = main(["--db", str(db), *argv])
    except SystemExit as exc:  # argparse: --help (0) or a refused option (2)
        code = exc.code
    finally:
        sys.stdout, sys.stderr = saved
        close_database()
    return code, out.getvalue(), err.getvalue()


def _as_bytes(text: str) -> bytes:
    """What a terminal would pass: a surrogate escape as the byte it stands for, any other
    lone surrogate as its (invalid) three-byte UTF-8 form."""
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


def _in_a_process(db: Path, argv: list[str]) -> tuple[int, str, str]:
    import subprocess

    from .conftest import ROOT

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    raw = [_as_bytes(a.replace("\x00", "")) for a in argv]  # no NUL can be in an argument
    proc = subprocess.run([os.fsencode(sys.executable), b"-m", b"ntm_tui", b"--db", os.fsencode(db), *raw],
                          env=env, capture_output=True, timeout=120)
    return proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")


def test_fuzzed_command_lines(demo_template, tmp_path, monkeypatch):
    work = tmp_path / "work"
    work.mkdir()
    db = work / "fuzz.db"
    shutil.copy(demo_template, db)
    _prepare_files(work, db)
    monkeypatch.chdir(work)
    figures: Counter = Counter()
    failures: list = []

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES <= 100,
              suppress_health_check=list(HealthCheck))
    @given(command_lines())
    def one(argv):
        before = digest(db)
        if PROCESSES:
            code, text_out, text_err = _in_a_process(db, argv)
        else:
            code, text_out, text_err = _in_this_process(db, argv)
        figures["runs"] += 1
        figures[f"status {code}"] += 1
        problems = []
        if code not in (0, 2):
            problems.append(f"status {code}")
        if "Traceback" in text_err:
            problems.append("traceback")
        if CONTROL & set(text_out + text_err):
            figures["control characters"] += 1
            problems.append("control character")
        if code == 2:
            if len(text_err.strip().splitlines()) != 1:
                problems.append("not one line on stderr")
            if digest(db) != before:
                figures["changed on refusal"] += 1
                problems.append("database changed on refusal")
        if problems:
            failures.append((argv, problems, text_err[-300:]))
        assert not problems, (argv, problems, text_err[-300:])

    try:
        one()
    finally:
        report = os.environ.get("NTM_FUZZ_REPORT")
        if report:
            Path(report).write_text(json.dumps({"figures": figures, "failures": [
                (repr(a), p, e) for a, p, e in failures]}, ensure_ascii=False, indent=1))
