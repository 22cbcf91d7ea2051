"""Files from elsewhere (issue 17): an alias bomb, a huge or malformed criteria set, broken
spreadsheet XML. Each is refused with one clear line and exit 2, quickly, the database unchanged."""
from __future__ import annotations

import time
import zipfile

import pytest

from .conftest import digest, one_clear_line

GOOD_HEAD = 'code: small\nname: Bộ nhỏ\nperiod: 2021-2025\n'
ONE_CRITERION = ('criteria:\n- code: "1"\n  name: Quy hoạch\n  indicators:\n  - code: "1.1"\n'
                 '    content: Có quy hoạch\n    kind: yesno\n')


def _bomb(levels: int = 9) -> str:
    lines = [GOOD_HEAD.rstrip("\n"), 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]")
    lines.append(f"criteria: *a{levels - 1}")
    return "\n".join(lines) + "\n"


def test_alias_bomb_is_refused_at_once(demo_db, cli, tmp_path):
    path = tmp_path / "bomb.yaml"
    path.write_text(_bomb(), encoding="utf-8")
    assert path.stat().st_size < 1024
    before = digest(demo_db)
    start = time.monotonic()
    code, out, err = cli("--db", demo_db, "catalogue", "import", path)
    assert time.monotonic() - start < 5  # was 35–53 s and over 2 GB
    assert code == 2 and one_clear_line(err) and "(*)" in err
    assert digest(demo_db) == before


def test_a_few_aliases_are_still_fine(demo_db, cli, tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text(GOOD_HEAD + 'resp: &r "Phòng Kinh tế"\n' + ONE_CRITERION + "    responsible: *r\n",
                    encoding="utf-8")
    code, out, err = cli("--db", demo_db, "catalogue", "import", path)
    assert code == 0, err


def test_deep_nesting_is_refused(demo_db, cli, tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text(GOOD_HEAD + "meta: " + "[" * 50_000 + "]" * 50_000 + "\n" + ONE_CRITERION)
    code, out, err = cli("--db", demo_db, "catalogue", "import", path)
    assert code == 2 and one_clear_line(err), err


@pytest.mark.parametrize("suffix", ["yaml", "xlsx"])
def test_a_huge_file_is_refused_before_it_is_read(demo_db, cli, tmp_path, suffix):
    path = tmp_path / f"huge.{suffix}"
    with open(path, "wb") as handle:
        handle.write(b"# " + b"x" * (6 * 2 ** 20) + b"\n")
    code, out, err = cli("--db", demo_db, "catalogue", "import", path)
    assert code == 2 and one_clear_line(err) and "5 MB" in err, err


@pytest.mark.parametrize("stated", ["5", "[1, 2]", "{criteria: abc}", "{criteria: 99999999999999999999999}"])
def test_bad_stated_counts_name_the_line(demo_db, cli, tmp_path, stated):
    path = tmp_path / "counts.yaml"
    path.write_text(GOOD_HEAD + f"stated_counts: {stated}\n" + ONE_CRITERION, encoding="utf-8")
    code, out, err = cli("--db", demo_db, "catalogue", "import", path)
    assert code == 2 and one_clear_line(err) and "stated_counts" in err, err


def _cut_sheet(source, target, sheet_name):
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for name in src.namelist():
            data = src.read(name)
            if name.endswith(sheet_name):
                data = data[: len(data) // 2]  # the XML stops mid-element
            out.writestr(name, data)


def test_broken_xml_in_a_criteria_set_spreadsheet(demo_db, cli, tmp_path):
    good = tmp_path / "set.xlsx"
    assert cli("--db", demo_db, "catalogue", "export", good)[0] == 0
    for sheet in ("sheet1.xml", "sheet3.xml"):
        broken = tmp_path / f"broken-{sheet}.xlsx"
        _cut_sheet(good, broken, sheet)
        before = digest(demo_db)
        code, out, err = cli("--db", demo_db, "catalogue", "import", broken, "--replace")
        assert code == 2 and one_clear_line(err), err
        assert digest(demo_db) == before


def test_broken_xml_in_a_results_sheet(demo_db, cli, tmp_path):
    good = tmp_path / "kq.xlsx"
    assert cli("--db", demo_db, "results", "export", good, "--year", "2023")[0] == 0
    broken = tmp_path / "broken.xlsx"
    _cut_sheet(good, broken, "sheet1.xml")
    before = digest(demo_db)
    code, out, err = cli("--db", demo_db, "results", "import", broken, "--year", "2023")
    assert code == 2 and one_clear_line(err), err
    assert digest(demo_db) == before


def test_a_megabyte_name_in_a_set_is_refused(demo_db, cli, tmp_path):
    path = tmp_path / "long.yaml"
    path.write_text(GOOD_HEAD + ONE_CRITERION.replace("name: Quy hoạch", "name: " + "Quy hoạch " * 100_000),
                    encoding="utf-8")
    before = digest(demo_db)
    code, out, err = cli("--db", demo_db, "catalogue", "import", path)
    assert code == 2 and one_clear_line(err) and "300" in err and "tiêu chí 1" in err, err[:300]
    assert digest(demo_db) == before
