"""Vietnamese alphabetical order (letters, then tones, then case) in Python and in SQL, and
numbers printed with thousands dots."""
from __future__ import annotations

import pytest

from db import rules
from db.models import Commune, Member, database
from db.text import vi_key

MEMBERS = ["Đặng Văn A", "Dương Thị B", "Âu Văn C", "An Thị D"]


def test_the_members_of_the_issue_sort_an_au_duong_dang():
    assert sorted(MEMBERS, key=vi_key) == ["An Thị D", "Âu Văn C", "Dương Thị B", "Đặng Văn A"]
    assert sorted(MEMBERS) != sorted(MEMBERS, key=vi_key)  # plain code-point order is wrong here


@pytest.mark.parametrize("words", [
    ["a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n", "o", "ô", "ơ",
     "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y"],
    ["ba", "bà", "bả", "bã", "bá", "bạ", "bac"],  # tones after the letter, before the next letter
    ["Long Điền", "Long Điền A", "Ô Long Vỹ", "Vĩnh Xương"],
    ["Ấp 1", "Ấp 2", "Ấp 10", "Ấp An Hòa"],
    ["an", "An", "ăn"],  # case only after letters and tones
])
def test_orders(words):
    assert sorted(reversed(words), key=vi_key) == words


def test_decomposed_input_sorts_like_composed():
    import unicodedata

    assert vi_key(unicodedata.normalize("NFD", "Đặng")) == vi_key("Đặng")


def test_sql_collation_on_the_connection(demo_db):
    from db.services.communes import create_commune, list_communes
    from db.services.people import add_member, list_members

    commune = Commune.get()
    for name in MEMBERS:
        add_member(commune, name)
    rows = [r[0] for r in database.execute_sql(
        "SELECT name FROM member WHERE name IN (?, ?, ?, ?) ORDER BY name COLLATE vi", MEMBERS)]
    assert rows == ["An Thị D", "Âu Văn C", "Dương Thị B", "Đặng Văn A"]
    names = [m.name for m in list_members(commune)]
    assert [n for n in names if n in MEMBERS] == rows
    assert names == sorted(names, key=vi_key)
    # peewee expressions, and other threads' connections, have it too
    import threading

    seen = []
    thread = threading.Thread(target=lambda: seen.extend(
        m.name for m in Member.select().where(Member.name.in_(MEMBERS)).order_by(Member.name.collate("vi"))))
    thread.start()
    thread.join()
    assert seen == rows
    for name in ("Ô Long Vỹ", "Vĩnh Xương", "Châu Phong"):
        create_commune(name, province="An Giang")
    assert [c.name for c in list_communes()] == ["Châu Phong", "Ô Long Vỹ", "Tân Thạnh", "Vĩnh Xương"]


@pytest.mark.parametrize("value, text", [
    (1234567.5, "1.234.567,5"), (1234, "1.234"), (999, "999"), (-1234.25, "-1.234,25"), (0, "0"),
    (72.5, "72,5"), (1000000, "1.000.000"),
])
def test_numbers_print_with_thousands_dots(value, text):
    assert rules.format_number(value, thousands=True) == text
    assert rules.format_number(value) == text.replace(".", "")  # read-back text stays ungrouped
    assert rules.group_thousands(rules.format_number(value)) == text


def test_targets_and_status_values_print_grouped(demo_db, cli):
    assert rules.Target(rules.AMOUNT, ">=", 1500000.0, "đồng").describe() == ">= 1.500.000 đồng"
    assert rules.group_thousands("Đạt") == "Đạt" and rules.group_thousands(None) == ""
    assert cli("--db", demo_db, "set", "10", "--year", "2023", "--value", "1234,5")[0] == 0
    code, out, _ = cli("--db", demo_db, "status", "--year", "2023", "--indicators")
    row = next(line for line in out.splitlines() if line.startswith("10 "))
    assert code == 0 and "1.234,5" in row
    code, out, _ = cli("--db", demo_db, "status", "--year", "2023", "--indicators", "--format", "csv")
    assert "1234,5" in out and "1.234,5" not in out  # a spreadsheet must not read 1.234
