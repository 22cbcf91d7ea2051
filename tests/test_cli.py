"""The command line as a user types it (in-process main() and one real subprocess)."""
import hashlib
import json
import os
import subprocess
import sys

import pytest

from db.connection import close_database
from ntm_tui.__main__ import main


def run(capsys, *argv):
    close_database()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def demo(tmp_path, capsys):
    path = tmp_path / "x.db"
    assert run(capsys, "--db", str(path), "demo")[0] == 0
    return path


def test_demo_then_status_json(demo, capsys):
    code, out, _ = run(capsys, "--db", str(demo), "status", "--year", "2022", "--format", "json")
    data = json.loads(out)
    assert code == 0
    assert (data["criteria_met"], data["criteria_total"], data["indicators_met"], data["indicators_total"]) \
        == (9, 19, 40, 57)
    code, out, _ = run(capsys, "status", "--db", str(demo), "--year", "2023", "--format", "json")
    data = json.loads(out)
    assert (data["criteria_met"], data["indicators_met"]) == (9, 40)
    assert (data["target_criteria_met"], data["target_indicators_met"]) == (15, 49)
    crit = next(c for c in data["criteria"] if c["code"] == "12")
    ind = crit["indicators"][0]
    assert set(ind) >= {"code", "content", "met", "value", "target"}
    assert ind["code"] == "12.1" and ind["met"] is False and ind["target"] == "nam >= 70%; nữ >= 70%"


def test_status_text_formats(demo, capsys):
    code, out, _ = run(capsys, "--db", str(demo), "status", "--year", "2023", "--format", "github")
    lines = out.splitlines()
    assert lines[0].startswith("| Mã") and set(lines[1]) <= set("|-: ")
    assert "| Nghèo đa chiều" in out
    assert "Năm 2023: 9/19 tiêu chí, 40/57 chỉ tiêu" in out
    assert "Mục tiêu năm 2023: 15/19 tiêu chí, 49/57 chỉ tiêu" in out
    code, out, _ = run(capsys, "--db", str(demo), "--lang", "en", "status", "--format", "csv")
    assert out.splitlines()[0] == "Code,Criterion,Indicators met,Result"


def test_set_value_evaluates_and_logs(demo, capsys):
    code, out, _ = run(capsys, "--db", str(demo), "set", "12.1", "--year", "2023", "--part", "nam=72,5",
                       "--part", "nữ=70")
    assert code == 0 and "Đạt" in out
    data = json.loads(run(capsys, "--db", str(demo), "status", "--year", "2023", "--format", "json")[1])
    assert next(i for c in data["criteria"] for i in c["indicators"] if i["code"] == "12.1")["met"] is True
    run(capsys, "--db", str(demo), "set", "12.1", "--year", "2023", "--part", "nu=65")
    data = json.loads(run(capsys, "--db", str(demo), "status", "--year", "2023", "--format", "json")[1])
    assert next(i for c in data["criteria"] for i in c["indicators"] if i["code"] == "12.1")["met"] is False
    import sqlite3

    rows = sqlite3.connect(demo).execute(
        "select old, new from change_log where label = '12.1 / 2023' and field = 'status' order by id").fetchall()
    assert rows == [("not_met", "met"), ("met", "not_met")]


@pytest.mark.parametrize("argv,needle", [
    (["set", "99.9", "--value", "1"], "99.9"),
    (["set", "12.1", "--value", "abc"], "abc"),
    (["set", "12.1", "--part", "nam=abc"], "abc"),
    (["set", "12.1", "--part", "tre em=50"], "tre em"),
    (["set", "12.2", "--part", "nam=50"], "12.2"),
    (["set", "12.1", "--year", "2030", "--value", "80"], "2030"),
    (["set", "12.1", "--met", "maybe"], "maybe"),
    (["set", "12.1"], "--value"),
    (["status", "--year", "20x3"], "20x3"),
])
def test_bad_input_exits_2_and_leaves_database_unchanged(demo, capsys, argv, needle):
    before = digest(demo)
    code, out, err = run(capsys, "--db", str(demo), *argv)
    assert code == 2
    assert needle in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    close_database()
    assert digest(demo) == before


def test_bad_database_files(tmp_path, capsys):
    missing = tmp_path / "missing.db"
    code, _, err = run(capsys, "--db", str(missing), "status")
    assert code == 2 and "Không tìm thấy" in err and not missing.exists()
    text = tmp_path / "notes.db"
    text.write_text("không phải SQLite")
    before = digest(text)
    code, _, err = run(capsys, "--db", str(text), "status")
    assert code == 2 and "không phải cơ sở dữ liệu SQLite" in err
    assert digest(text) == before
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.db"
        locked.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
        locked.chmod(0)
        assert run(capsys, "--db", str(locked), "status")[0] == 2


def test_init_creates_commune_with_catalogue(tmp_path, capsys):
    path = tmp_path / "n.db"
    code, out, _ = run(capsys, "--db", str(path), "--today", "2023-03-16", "init", "--commune",
                       "Vĩnh Xương", "--district", "Tân Châu", "--province", "An Giang")
    assert code == 0 and "Vĩnh Xương" in out
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    data = json.loads(run(capsys, "--db", str(path), "status", "--year", "2023", "--format", "json")[1])
    assert (data["criteria_total"], data["indicators_total"], data["indicators_met"]) == (19, 57, 0)
    code, _, err = run(capsys, "--db", str(path), "init", "--commune", "vinh xuong", "--district", "Tân Châu")
    assert code == 2 and "đã có" in err
    code, _, err = run(capsys, "--db", str(path), "init", "--commune", "B", "--catalogue", str(tmp_path / "no.yaml"))
    assert code == 2


def test_default_database_created_in_data_dir(tmp_path, capsys):
    code, _, err = run(capsys, "status")
    assert code == 2 and "Chưa có xã" in err  # created, with the catalogue, but no commune yet
    assert (tmp_path / "data" / "ntm.db").exists()


def test_module_entry_point_runs_as_a_process(demo):
    proc = subprocess.run([sys.executable, "-m", "ntm_tui", "--db", str(demo), "status", "--format", "plain"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "9/19 tiêu chí, 40/57 chỉ tiêu" in proc.stdout
    proc = subprocess.run([sys.executable, "-m", "ntm_tui", "--db", str(demo), "set", "1.9"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_exports_and_folders_are_owner_only(demo, tmp_path, capsys):
    out = tmp_path / "new-folder" / "kh.pdf"
    code, stdout, _ = run(capsys, "--db", str(demo), "export", "plan", "--year", "2023", "-o", str(out))
    assert code == 0 and out.exists()
    assert oct(out.stat().st_mode & 0o777) == "0o600"
    assert oct(out.parent.stat().st_mode & 0o777) == "0o700"


def test_only_the_command_being_run_is_built():
    from ntm_tui.__main__ import build_parser, command_name

    assert command_name(["--db", "x.db", "--lang", "en", "status", "--year", "2023"]) == "status"
    assert command_name(["--today", "2023-03-16", "set", "12.1"]) == "set"
    assert command_name(["--db", "x.db"]) is None
    sub = next(a for a in build_parser(["--db", "x.db", "set", "1.1"])._actions
               if a.dest == "command")
    assert list(sub.choices) == ["set"]
    everything = next(a for a in build_parser(["--help"])._actions if a.dest == "command")
    assert {"status", "set", "export", "deadlines", "catalogue", "backup"} <= set(everything.choices)


@pytest.mark.parametrize("argv, words", [
    (["status", "--bogus"], "không hiểu tham số: --bogus"),
    (["export"], "thiếu tham số bắt buộc: KIND"),
    (["status", "--format", "xml"], "tham số --format: không có lựa chọn 'xml'"),
])
def test_argument_errors_are_said_in_vietnamese(capsys, argv, words):
    from ntm_tui.__main__ import main

    with pytest.raises(SystemExit) as ended:
        main(argv)
    err = capsys.readouterr().err
    assert ended.value.code == 2 and words in err
    assert not any(english in err for english in ("unrecognized", "required", "invalid choice"))


@pytest.mark.parametrize("lang, words, english", [
    ("vi", ("cách dùng: ntm-tui status", "tuỳ chọn:", "-h, --help            in hướng dẫn này rồi thoát"),
     ("usage:", "options:", "show this help")),
    ("en", ("usage: ntm-tui status", "options:", "show this help message and exit"), ("cách dùng", "tuỳ chọn")),
])
def test_help_is_in_the_officers_language(lang, words, english):
    """argparse's own headings and -h line were English under Vietnamese help."""
    done = subprocess.run([sys.executable, "-m", "ntm_tui", "--lang", lang, "status", "--help"],
                          capture_output=True, text=True, env=dict(os.environ, COLUMNS="100"))
    assert done.returncode == 0, done.stderr
    assert all(w in done.stdout for w in words), done.stdout
    assert not any(w in done.stdout for w in english), done.stdout
    lines = done.stdout.splitlines()
    assert max(map(len, lines)) <= 98 and len(lines[0]) > 80  # laid out at COLUMNS, as argparse does


def test_commands_do_not_import_what_they_do_not_use(demo):
    """Every command pays for its imports at start-up (status is budgeted against importing
    peewee alone): typing, shutil, csv, getpass and pkgutil are not needed to print a status."""
    probe = ("import sys, runpy; sys.argv = ['ntm-tui', '--db', sys.argv[1], 'status', '--format', 'json'];"
             "\ntry: runpy.run_module('ntm_tui', run_name='__main__')\nexcept SystemExit: pass\n"
             "print(sorted(m for m in ('typing', 'shutil', 'csv', 'getpass', 'pkgutil', 'tabulate')"
             " if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe, str(demo)], capture_output=True, text=True)
    assert done.returncode == 0 and '"criteria_met"' in done.stdout, done.stderr
    assert done.stderr.strip().splitlines()[-1] == "[]"


def test_a_command_runs_without_the_cycle_collector_and_gives_it_back(demo, capsys, monkeypatch):
    """Collection is off while a command runs (it only walked the imports), and on again after:
    a caller in the same process, as these tests are, keeps its collector."""
    import gc

    from ntm_tui.commands import status

    seen = []
    real_run = status.run
    monkeypatch.setattr(status, "run", lambda args, ctx: seen.append(gc.isenabled()) or real_run(args, ctx))
    assert gc.isenabled()
    code, out, _ = run(capsys, "--db", str(demo), "status", "--format", "plain")
    assert code == 0 and "9/19" in out
    assert seen == [False] and gc.isenabled()


def test_the_process_command_line_leaves_the_collector_off_to_its_exit(demo):
    """Run as the process's own command line, the command ends the process: turning the
    collector back on would only walk everything once more before exit."""
    probe = ("import gc, sys; from ntm_tui.__main__ import main; sys.argv = ['ntm-tui', '--db', sys.argv[1], "
             "'status', '--format', 'plain']; code = main(); print('collector', gc.isenabled(), code)")
    done = subprocess.run([sys.executable, "-c", probe, str(demo)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "collector False 0"


def _help_lines(lang: str) -> dict[str, str | None]:
    """Every command's, sub-command's and option's help line, built in one language."""
    import argparse

    from ntm_tui.__main__ import build_parser
    from ntm_tui.i18n import get_lang, set_lang

    was = get_lang()
    set_lang(lang)
    try:
        lines: dict[str, str | None] = {}

        def walk(prefix: str, parser: argparse.ArgumentParser) -> None:
            parser.format_help()  # argparse reads "%" in a line as a placeholder: 100 % must be 100 %%
            for action in parser._actions:
                if isinstance(action, argparse._SubParsersAction):
                    for choice in action._choices_actions:
                        lines[f"{prefix} {choice.dest}".strip()] = choice.help
                    for name, child in action.choices.items():
                        walk(f"{prefix} {name}".strip(), child)
                elif not isinstance(action, argparse._HelpAction):
                    lines[f"{prefix} {'/'.join(action.option_strings) or action.dest}"] = action.help
        walk("", build_parser(["--help"]))
        return lines
    finally:
        set_lang(was)


def test_every_command_and_option_is_explained_in_each_language():
    """`--help` had options with no line at all and lines half Vietnamese, half English: each
    language now has its own line for every command and option."""
    vi, en = _help_lines("vi"), _help_lines("en")
    assert vi.keys() == en.keys() and len(vi) > 100
    missing = sorted(name for name, line in vi.items() if not line)
    assert not missing, missing
    same = sorted(name for name in vi if en[name] in vi[name])  # "vi / en" is neither
    assert not same, same
