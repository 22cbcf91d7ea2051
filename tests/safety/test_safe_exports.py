"""Exports are safe writes (issue 17): never through a symbolic link, never over a file without
--overwrite, owner-only, whole or not at all; spreadsheet text never becomes a formula."""
from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import one_clear_line

DATA = Path(__file__).parent / "data"
FORMULA_SET = DATA / "formula-set.yaml"

# name → command line writing FILE (the demo commune, 2023)
EXPORTS = {
    "results.xlsx": ("results", "export", "{file}", "--year", "2023"),
    "catalogue.yaml": ("catalogue", "export", "{file}"),
    "catalogue.xlsx": ("catalogue", "export", "{file}"),
    "deadlines.ics": ("deadlines", "--ics", "{file}", "--today", "2023-03-16"),
    "plan.pdf": ("export", "plan", "--year", "2023", "-o", "{file}"),
}


def _argv(db, name, target, *extra):
    return ["--db", db, *[a.format(file=target) for a in EXPORTS[name]], *extra]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_a_symbolic_link_is_never_written_through(demo_db, cli, tmp_path, name):
    victim = tmp_path / "victim.txt"
    victim.write_text("someone else's file")
    link = tmp_path / f"link-{name}"
    link.symlink_to(victim)
    for extra in ((), ("--overwrite",)):
        code, out, err = cli(*_argv(demo_db, name, link, *extra))
        assert code == 2 and one_clear_line(err) and "symlink" in err, err
        assert victim.read_text() == "someone else's file" and link.is_symlink()
    dangling = tmp_path / f"dangling-{name}"
    dangling.symlink_to(tmp_path / "nowhere" / "new-file")
    code, out, err = cli(*_argv(demo_db, name, dangling))
    assert code == 2 and not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_an_existing_file_is_kept_unless_overwrite(demo_db, cli, tmp_path, name):
    target = tmp_path / name
    target.write_text("kept")
    os.chmod(target, 0o644)
    code, out, err = cli(*_argv(demo_db, name, target))
    assert code == 2 and one_clear_line(err) and "--overwrite" in err
    assert target.read_text() == "kept"
    code, out, err = cli(*_argv(demo_db, name, target, "--overwrite"))
    assert code == 0, err
    assert target.read_bytes() != b"kept" and _mode(target) == 0o600  # not the old file's 0644
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".ntm-")] == []


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_a_new_export_is_owner_only(demo_db, cli, tmp_path, name):
    target = tmp_path / "new" / name
    target.parent.mkdir()
    code, out, err = cli(*_argv(demo_db, name, target))
    assert code == 0, err
    assert _mode(target) == 0o600 and target.stat().st_size > 0


@pytest.fixture
def small_disk(tmp_path):
    """A real file system with room for 8 KB (tmpfs; needs root to mount)."""
    import subprocess

    if os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill needs root")
    folder = tmp_path / "small"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8k,mode=0700", "tmpfs", str(folder)],
                      capture_output=True).returncode:
        pytest.skip("mount is not permitted here")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


@pytest.mark.parametrize("name", sorted(EXPORTS))
def test_a_full_disk_leaves_the_old_file_whole(demo_db, cli, small_disk, name):
    """The disk fills half way through the file: the old file is untouched, no temporary file
    is left behind, and the message says the disk is full."""
    target = small_disk / name
    target.write_text("old content")
    code, out, err = cli(*_argv(demo_db, name, target, "--overwrite"))
    assert code == 2 and one_clear_line(err), err
    assert "Ổ đĩa đầy" in err
    assert target.read_text() == "old content"
    assert [p.name for p in small_disk.iterdir()] == [name]


def test_formula_text_stays_text_and_round_trips(demo_db, cli, tmp_path):
    """Wording starting with = + - @ (also after a tab) is written as text with Excel's quote
    prefix, never as a formula; importing the file gives back the same set."""
    assert cli("--db", demo_db, "catalogue", "import", FORMULA_SET)[0] == 0
    path = tmp_path / "set.xlsx"
    code, out, err = cli("--db", demo_db, "catalogue", "export", path, "--set", "hostile")
    assert code == 0, err
    with zipfile.ZipFile(path) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert sheets and not any("<f>" in xml for xml in sheets)
    book = load_workbook(path)
    risky = [c for sheet in book for row in sheet.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.lstrip("\t\r\n ")[:1] in ("=", "+", "-", "@")]
    assert len(risky) >= 5
    assert all(c.data_type == "s" and c.quotePrefix for c in risky)
    assert any(c.value.startswith("=HYPERLINK(") for c in risky)
    # the round trip: the same file under another code is the same set
    sheet = book["Bộ tiêu chí"]
    next(r for r in sheet.iter_rows() if r[0].value == "code")[1].value = "hostile-copy"
    book.save(tmp_path / "copy.xlsx")
    code, out, err = cli("--db", demo_db, "catalogue", "import", tmp_path / "copy.xlsx")
    assert code == 0, err
    from db.bootstrap import prepare
    from db.catalogue import catalogue_document
    from db.connection import close_database
    from db.models import CriteriaSet

    prepare(demo_db, create=False)
    one, two = (catalogue_document(CriteriaSet.get(CriteriaSet.code == c)) for c in ("hostile", "hostile-copy"))
    close_database()
    one.pop("code"), two.pop("code")
    assert one == two
    assert one["name"].startswith("=HYPERLINK(")


def test_results_sheet_keeps_formula_like_wording_as_text(demo_db, cli, tmp_path):
    code, out, err = cli("--db", demo_db, "set", "1.1", "--year", "2023", "--note", "=cmd|'/C calc'!A0")
    from db.bootstrap import prepare
    from db.connection import close_database
    from db.models import Indicator

    prepare(demo_db, create=False)
    Indicator.update(content="=HYPERLINK(\"http://x\")").where(Indicator.code == "1.1").execute()
    close_database()
    path = tmp_path / "kq.xlsx"
    code, out, err = cli("--db", demo_db, "results", "export", path, "--year", "2023")
    assert code == 0, err
    cell = next(c for row in load_workbook(path)["Kết quả"].iter_rows() for c in row
                if c.value == "=HYPERLINK(\"http://x\")")
    assert cell.data_type == "s" and cell.quotePrefix
