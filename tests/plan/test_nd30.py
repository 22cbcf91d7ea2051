"""Nghị định 30/2020 points measured on every document: a short rule under the subject line,
and the signature kept with the last lines of text on the last page."""
from __future__ import annotations

import shutil

import pdfplumber

from db.connection import close_database
from ntm_tui.__main__ import main

MM = 72 / 25.4


def run(capsys, *argv):
    close_database()
    code = main(list(argv))
    capsys.readouterr()
    return code


def test_rule_under_subject_and_signature_with_text(demo_template, tmp_path, capsys):
    db = tmp_path / "demo.db"
    shutil.copy(demo_template, db)
    for kind in ("plan", "report", "evidence", "assignments"):
        pdf = tmp_path / f"{kind}.pdf"
        assert run(capsys, "--db", str(db), "--today", "05/04/2023", "export", kind, "--year", "2023",
                   "-o", str(pdf)) == 0
        with pdfplumber.open(pdf) as doc:
            first = doc.pages[0]
            lines = first.extract_text_lines()
            subject = next(n for n, line in enumerate(lines) if line["text"].startswith(("KẾ HOẠCH", "BÁO CÁO")))
            below = lines[subject + 1]  # the subject (its first line; it may take two)
            rules = [r for r in first.lines + first.rects
                     if below["bottom"] < r["top"] < below["bottom"] + 40 and abs(r["top"] - r["bottom"]) < 2]
            assert rules, kind
            width = rules[0]["x1"] - rules[0]["x0"]
            assert 10 * MM < width <= 50.5 * MM, (kind, width)
            centre = (rules[0]["x0"] + rules[0]["x1"]) / 2
            assert abs(centre - (30 * MM + (210 - 45) * MM / 2)) < 2 * MM, kind
            last = doc.pages[-1].extract_text()
            assert "Nơi nhận" in last and "Dương Văn Cảnh" in last, kind
            body = [line for line in last.splitlines() if line.strip()]
            assert body.index(next(line for line in body if line.startswith("Nơi nhận"))) > 0, kind
    with pdfplumber.open(tmp_path / "plan.pdf") as doc:
        assert "Trên đây là kế hoạch" in doc.pages[-1].extract_text()


def test_a_target_wraps_between_words(demo_template, tmp_path, capsys):
    db = tmp_path / "demo.db"
    shutil.copy(demo_template, db)
    pdf = tmp_path / "report.pdf"
    assert run(capsys, "--db", str(db), "--today", "05/04/2023", "export", "report", "--year", "2023",
               "--period", "2023", "--annex", "-o", str(pdf)) == 0  # the annex has every target
    with pdfplumber.open(pdf) as doc:
        words = [w["text"] for page in doc.pages for w in page.extract_words()]
    units = [w.lstrip("(").rstrip(");,.") for w in words if "/người" in w or "người/" in w]
    assert "đồng/người/năm" in units
    assert all(w in ("đồng/người/năm", "m2/người", "m²/người") for w in units), units  # none cut


def _is_heading(line: dict) -> bool:
    """A line of bold text alone (a section or sub-section title), not body text or a table."""
    chars = [c for c in line["chars"] if c["text"].strip()]
    return bool(chars) and all("Bold" in c["fontname"] for c in chars) and len(line["text"]) < 90


def test_a_heading_never_ends_a_page(demo_template, tmp_path, capsys):
    """Nghị định 30 / good sense: a title is kept with the text under it. Checked on every page
    but the last of each document, on the demo (long enough to break pages in several places)
    and on a plan whose sections are longer."""
    db = tmp_path / "demo.db"
    shutil.copy(demo_template, db)
    checked = 0
    for kind in ("plan", "report", "evidence", "assignments"):
        pdf = tmp_path / f"{kind}.pdf"
        assert run(capsys, "--db", str(db), "--today", "05/04/2023", "export", kind, "--year", "2023",
                   "-o", str(pdf)) == 0
        with pdfplumber.open(pdf) as doc:
            for number, page in enumerate(doc.pages[:-1], start=1):
                body = [line for line in page.extract_text_lines() if line["top"] > 25 * MM]
                if body:
                    checked += 1
                    assert not _is_heading(body[-1]), (kind, number, body[-1]["text"])
    assert checked >= 10  # the documents do break pages
    # The demo's breaks may fall well by chance: move them line by line with a longer I.1.
    import yaml

    plan_file = tmp_path / "kh.yaml"
    assert run(capsys, "--db", str(db), "plan", "get", "--year", "2023", "-o", str(plan_file)) == 0
    document = yaml.safe_load(plan_file.read_text(encoding="utf-8"))
    purpose = document["sections"]["muc_dich"]
    sentence = " Tăng cường kiểm tra, giám sát việc thực hiện các tiêu chí, chỉ tiêu tại từng ấp."
    for extra in range(10):
        document["sections"]["muc_dich"] = purpose + sentence * (extra * 2)
        plan_file.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")
        assert run(capsys, "--db", str(db), "plan", "put", str(plan_file), "--year", "2023") == 0
        pdf = tmp_path / f"plan-{extra}.pdf"
        assert run(capsys, "--db", str(db), "export", "plan", "--year", "2023", "-o", str(pdf)) == 0
        with pdfplumber.open(pdf) as doc:
            for number, page in enumerate(doc.pages[:-1], start=1):
                body = [line for line in page.extract_text_lines() if line["top"] > 25 * MM]
                assert not body or not _is_heading(body[-1]), (extra, number, body[-1]["text"])
