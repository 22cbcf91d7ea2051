"""The plan's text and document fields written in the app by a new commune, then exported."""
from __future__ import annotations

from db.connection import close_database
from db.services.communes import get_commune
from ntm_tui.__main__ import main
from tests.exports.pdfread import text_of
from tests.tui.snap_app import make_app, settle


def run(capsys, *argv):
    close_database()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def new_commune(tmp_path, capsys):
    db = tmp_path / "vinh-hoa.db"
    assert run(capsys, "--db", str(db), "init", "--commune", "Vĩnh Hòa", "--district", "",
               "--province", "An Giang", "--today", "2023-01-05")  # on the 2021–2025 set[0] == 0
    return db


def test_a_new_commune_starts_from_the_neutral_template_and_a_new_year_from_last_year(tmp_path, capsys):
    from db.bootstrap import prepare
    from db.services import plans

    db = new_commune(tmp_path, capsys)
    prepare(db, create=False)
    commune = get_commune()
    sections = {s.key: s for s in plans.plan_sections(commune, 2023)}
    assert all(s.version is None for s in sections.values())
    assert "năm 2023 với các nội dung chủ yếu sau" in sections["can_cu"].body
    text = " ".join(s.body for s in sections.values())
    for demo_word in ("Tân Thạnh", "Tân Châu", "289/QĐ-UBND", "Dương Văn Cảnh", "Hòa Tân", "Kim Ngân"):
        assert demo_word not in text
    plans.save_plan_section(commune, 2023, "muc_dich", "Mục đích của xã Vĩnh Hòa.")
    plans.save_plan_document(commune, 2023, {"authority": "KT. CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH",
                                             "name": "Lê Thị Hoa", "recipients": ["UBND tỉnh", "Lưu: VT."]})
    stored = {s.key: s for s in plans.plan_sections(commune, 2023)}
    assert stored["muc_dich"].body == "Mục đích của xã Vĩnh Hòa." and stored["muc_dich"].version
    assert stored["lanh_dao"].body == sections["lanh_dao"].body  # the template, now the plan's own
    # 2024 starts from 2023: text and signer, not the number or date
    assert {s.key: s.body for s in plans.plan_sections(commune, 2024)}["muc_dich"] == "Mục đích của xã Vĩnh Hòa."
    doc = plans.plan_document(commune, 2024)
    assert (doc.authority, doc.position, doc.name, doc.number, doc.date) == \
        ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hoa", "", None)


async def test_officer_writes_the_plan_in_the_app_and_the_pdf_carries_it(tmp_path, capsys):
    from db.bootstrap import prepare
    from db.services import plans

    db = new_commune(tmp_path, capsys)
    prepare(db, create=False)
    app = make_app(db)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "ctrl+k")
        await settle(pilot)
        table = app.screen.query_one("#plan-parts")
        assert table.row_count == 13
        await pilot.press("down", "down", "enter")  # I.1 Mục đích
        await settle(pilot)
        await pilot.press(*"Xa Vinh Hoa phan dau. ", "ctrl+s")
        await settle(pilot)
        assert plans.plan_sections(get_commune(), 2023)[1].body.startswith("Xa Vinh Hoa phan dau. Tiếp tục")
        await pilot.press("up", "up", "enter")  # the document
        await settle(pilot)
        form = app.screen
        form.query_one("#f-authority").value = "KT. CHỦ TỊCH"
        form.query_one("#f-position").value = "PHÓ CHỦ TỊCH"
        form.query_one("#f-name").value = "Lê Thị Hoa"
        form.query_one("#f-number").value = "31/KH-UBND"
        await pilot.press("ctrl+s")
        await settle(pilot)
        doc = plans.plan_document(get_commune(), 2023)
        assert (doc.authority, doc.position, doc.name, doc.number) == \
            ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hoa", "31/KH-UBND")
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert plans.plan_document(get_commune(), 2023).name == ""
        await pilot.press("ctrl+z")  # the section's save, which also made the plan
        await settle(pilot)
        assert plans.plan_document(get_commune(), 2023).version is None
    close_database()
    prepare(db, create=False)
    plans.save_plan_document(get_commune(), 2023, {"authority": "KT. CHỦ TỊCH", "position": "PHÓ CHỦ TỊCH",
                                                   "name": "Lê Thị Hoa", "number": "31/KH-UBND",
                                                   "parent_body": "UBND XÃ VĨNH HÒA", "issuer": ""})
    plans.save_plan_section(get_commune(), 2023, "ket_thuc", "Trên đây là kế hoạch riêng của xã./.")
    pdf = tmp_path / "kh.pdf"
    assert run(capsys, "--db", str(db), "export", "plan", "--year", "2023", "-o", str(pdf))[0] == 0
    text = text_of(pdf)
    for needle in ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Hoa", "Số: 31/KH-UBND",
                   "Trên đây là kế hoạch riêng của xã./.", "năm 2023 với các nội dung chủ yếu sau"):
        assert needle in text, needle
    for demo_word in ("Tân Thạnh", "BQL XÂY DỰNG NTM", "TM. BQL NTM XÃ", "Dương Văn Cảnh"):
        assert demo_word not in text, demo_word


def test_a_body_with_no_unit_stands_alone_in_bold_and_a_parent_is_regular(tmp_path, capsys):
    import pdfplumber

    from db.bootstrap import prepare
    from db.services import plans

    db = new_commune(tmp_path, capsys)
    prepare(db, create=False)
    plans.save_plan_document(get_commune(), 2023, {"parent_body": "UBND XÃ VĨNH HÒA", "issuer": ""})
    close_database()
    alone, under = tmp_path / "alone.pdf", tmp_path / "under.pdf"
    assert run(capsys, "--db", str(db), "export", "plan", "--year", "2023", "-o", str(alone))[0] == 0
    prepare(db, create=False)
    plans.save_plan_document(get_commune(), 2023, {"issuer": "BQL XÂY DỰNG NTM"})
    close_database()
    assert run(capsys, "--db", str(db), "export", "plan", "--year", "2023", "-o", str(under))[0] == 0

    def fonts(pdf, word):
        with pdfplumber.open(pdf) as doc:
            page = doc.pages[0]
            words = [w for w in page.extract_words(extra_attrs=["fontname"]) if w["text"] == word]
            return words[0]["fontname"]

    assert "Bold" in fonts(alone, "VĨNH")
    assert "Bold" not in fonts(under, "VĨNH") and "Bold" in fonts(under, "DỰNG")


def test_the_first_basis_cites_the_decision_of_the_set_in_force(tmp_path, capsys):
    """A new commune's plan began "Căn cứ Quyết định số …/QĐ-UBND ngày … của UBND tỉnh …" even
    for 2026, whose set the app knows was issued by 51/2025/QĐ-TTg."""
    from db.bootstrap import prepare
    from db.services import plans

    cases = [(new_commune(tmp_path, capsys), 2023,
              "Căn cứ Quyết định số 1260/QĐ-UBND ngày 22/6/2022 của UBND tỉnh An Giang về việc ban hành "
              "Bộ tiêu chí xã nông thôn mới tỉnh An Giang giai đoạn 2021-2025;")]
    db_2026 = tmp_path / "phu-loc.db"
    assert run(capsys, "--db", str(db_2026), "--today", "2026-12-02", "init", "--commune", "Phú Lộc",
               "--group", "2")[0] == 0
    cases.append((db_2026, 2026, "Căn cứ Quyết định số 51/2025/QĐ-TTg ngày 29/12/2025 của Thủ tướng "
                                 "Chính phủ ban hành Bộ tiêu chí quốc gia về xã nông thôn mới giai đoạn "
                                 "2026-2030;"))
    for db, year, basis in cases:
        close_database()
        prepare(db, create=False)
        body = {s.key: s.body for s in plans.plan_sections(get_commune(), year)}["can_cu"]
        assert body.splitlines()[0] == basis, body
        assert "…/QĐ-UBND" not in body and "người ký" not in body and "hiệu lực" not in body
    close_database()
