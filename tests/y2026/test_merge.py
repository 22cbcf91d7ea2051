"""`ntm-tui merge`: the commune of a merger (01/7/2025) from two old communes' files, one a
database and one a dump; the old ones stay readable; refusals say why and change nothing."""
from __future__ import annotations

import json

import pytest

from tests.y2026.conftest import digest


@pytest.fixture
def olds(tmp_path, cli):
    """Tân Thạnh (a database file) and Long An (a dump) with 2025 results."""
    a, b = tmp_path / "tan-thanh.db", tmp_path / "long-an.db"
    for db, name, code in ((a, "Tân Thạnh", "30301"), (b, "Long An", "30302")):
        assert cli("--db", db, "--today", "2025-05-01", "init", "--commune", name, "--province",
                   "An Giang", "--code", code)[0] == 0
    for db, args in ((a, ["12.2", "--numerator", "30", "--denominator", "100"]),
                     (b, ["12.2", "--numerator", "10", "--denominator", "50"]),
                     (a, ["1.1", "--met", "yes"]), (b, ["1.1", "--met", "yes"]),
                     (a, ["2.1", "--value", "100"]), (b, ["2.1", "--value", "80"])):
        code, _, err = cli("--db", db, "set", *args, "--year", "2025")
        assert code == 0, err
    dump = tmp_path / "long-an.json"
    assert cli("--db", b, "dump", dump)[0] == 0
    return a, dump


def _indicators(cli, db, commune):
    code, out, err = cli("--db", db, "status", "--commune", commune, "--year", "2025", "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    return doc, {i["code"]: i for c in doc["criteria"] for i in c["indicators"]}


def test_merge_builds_the_start_from_the_old_communes(tmp_path, cli, olds):
    db = tmp_path / "tan-an.db"
    sources_before = [digest(p) for p in olds]
    code, out, err = cli("--db", db, "--today", "2026-12-03", "merge", "--into", "Tân An", "--code",
                         "30316", "--group", "2", *olds)
    assert code == 0, err
    assert "Tân Thạnh" in out and "Long An" in out
    assert [digest(p) for p in olds] == sources_before  # the old files are only read
    doc, inds = _indicators(cli, db, "Tân An")
    assert sorted(doc["predecessors"]) == ["Long An", "Tân Thạnh"]
    # 12.2: (30 + 10) / (100 + 50) = 26,67 % against >= 25 %: met, from the sums
    assert inds["12.2"]["status"] == "met" and inds["12.2"]["value"] == "26,67"
    assert inds["1.1"]["status"] == "met"  # both met: agreed
    assert inds["2.1"]["status"] == "unassessed"  # 100 and 80 as values only: assessed again
    assert "Tân Thạnh" in inds["2.1"]["note"] and "Long An" in inds["2.1"]["note"]
    # the old communes stay readable, their own results and history untouched
    old_doc, old = _indicators(cli, db, "Long An")
    assert old_doc["successor"] == "Tân An" and old["12.2"]["value"] == "20"
    code, out, _ = cli("--db", db, "history", "--commune", "Long An")
    assert code == 0 and "12.2 / 2025" in out and "Tân An" not in out
    code, out, _ = cli("--db", db, "status", "--commune", "Tân An", "--year", "2025")
    assert "sáp nhập ngày 01/07/2025 từ: Long An, Tân Thạnh" in out


def test_merge_refuses_a_file_with_two_communes_and_writes_nothing(tmp_path, cli, olds):
    two = tmp_path / "hai-xa.db"
    for name in ("Xã A", "Xã B"):
        assert cli("--db", two, "--today", "2025-05-01", "init", "--commune", name)[0] == 0
    db = tmp_path / "tan-an.db"
    code, out, err = cli("--db", db, "merge", "--into", "Tân An", olds[0], two)
    assert code == 2 and "2 xã" in err and "hai-xa.db" in err
    assert "Traceback" not in err
    code, out, _ = cli("--db", db, "status", "--commune", "Tân Thạnh", "--year", "2025")
    assert code != 0  # nothing of the first source was kept either


def test_merge_refuses_a_source_on_a_set_this_database_lacks(tmp_path, cli, olds):
    other = tmp_path / "khac.db"
    yaml = tmp_path / "bo-rieng.yaml"
    yaml.write_text("code: bo-rieng\nname: Bộ riêng\nperiod: 2021-2025\ncriteria:\n"
                    "  - code: '1'\n    name: Một\n    indicators:\n"
                    "      - {code: '1.1', content: Chỉ tiêu một, kind: yesno}\n"
                    "      - {code: '1.2', content: Chỉ tiêu hai, kind: yesno}\n", encoding="utf-8")
    assert cli("--db", other, "--today", "2025-05-01", "init", "--commune", "Xã Khác",
               "--catalogue", yaml)[0] == 0
    db = tmp_path / "tan-an.db"
    code, _, err = cli("--db", db, "merge", "--into", "Tân An", olds[0], other)
    assert code == 2 and "bộ tiêu chí khác" in err and "bo-rieng" in err


def test_an_old_commune_opens_on_its_last_year(tmp_path, cli, olds):
    db = tmp_path / "tan-an.db"
    assert cli("--db", db, "--today", "2026-12-03", "merge", "--into", "Tân An", *olds)[0] == 0
    code, out, _ = cli("--db", db, "--today", "2026-12-03", "status", "--commune", "Long An",
                       "--format", "json")
    assert code == 0 and json.loads(out)["year"] == 2025
    code, out, _ = cli("--db", db, "--today", "2026-12-03", "status", "--commune", "Tân An",
                       "--format", "json")
    assert json.loads(out)["year"] == 2026
