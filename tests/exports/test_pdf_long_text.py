"""Text as long as the forms take, in the tables of the four reports.

A table row cannot split over two pages: a 4000-character "Nơi lưu" made `export evidence` add
empty pages for more than ten minutes. Now each export ends in seconds, nothing leaves the
page, and a cell too tall for half a page shows what fits, "… (xem ghi chú n)", with the whole
text in note n under the table. The exports run in a real process with a generous timeout:
a hang fails the test instead of stopping the suite."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from db.bootstrap import prepare
from db.connection import close_database
from db.text import MAX_SHORT, MAX_TEXT
from tests.exports.pdfread import MM, pages_of

TIMEOUT = 120  # seconds; an export of these takes one or two
WORDS = "Tủ hồ sơ số 3 phòng Văn hóa - Xã hội UBND xã, bản sao lưu tại Văn phòng Điều phối NTM; "
URL = "https://dichvucong.gov.vn/ho-so/" + "aBcD0123_" * 500


def _long(text: str, length: int) -> str:
    return (text * (length // len(text) + 1))[:length].strip()


LOCATION = _long(WORDS, MAX_TEXT)  # the reported case: the longest location a form takes
LINK = URL[:MAX_TEXT]  # one word of 4000 characters
TITLE = _long("Biên bản nghiệm thu công trình đường giao thông nông thôn ấp Hòa Tân ", MAX_TEXT)
CONTENT = _long("Xã đạt chuẩn an toàn về an ninh, trật tự xã hội và bảo đảm bình yên ", MAX_TEXT)
TASK = _long("Vận động nhân dân hiến đất, đóng góp ngày công làm đường ", MAX_TEXT)
FUNDING = URL[7:MAX_TEXT + 7]
UNIT = _long("Hội Liên hiệp Phụ nữ và Đoàn Thanh niên Cộng sản Hồ Chí Minh xã ", MAX_SHORT)
DEADLINE = URL[:MAX_SHORT]


def compact(text: str) -> str:
    """NFC without whitespace: text wrapped or split over lines compares as typed."""
    return "".join(unicodedata.normalize("NFC", text).split())


def pdf_text(path: Path) -> str:
    """The document's text without the page numbers (a note may run over a page break)."""
    from pypdf import PdfReader

    pages = []
    for n, page in enumerate(PdfReader(path).pages, start=1):
        text = page.extract_text()
        pages.append(re.sub(rf"^\s*{n}\s*\n", "", text) if n > 1 else text)
    return "\n".join(pages)


def export(db: Path, kind: str, target: Path, lang: str = "vi") -> subprocess.CompletedProcess:
    extra = ["--annex"] if kind == "report" else []  # the annex is where long contents go
    return subprocess.run([sys.executable, "-m", "ntm_tui", "--db", str(db), "--lang", lang,
                           "--today", "16/03/2023", "export", kind, "--year", "2023",
                           "--doc-lang", lang, *extra, "-o", str(target)],
                          capture_output=True, text=True, timeout=TIMEOUT)


def assert_inside_margins(path: Path) -> None:
    for page in pages_of(path):
        assert min(c["x0"] for c in page.chars) >= 30 * MM - 0.05
        assert max(c["x1"] for c in page.chars) <= page.width - 15 * MM + 0.05
        assert max(c["bottom"] for c in page.chars) <= page.height - 20 * MM + 0.05


def assert_cut_cells_have_notes(text: str, marker: str, heading: str) -> int:
    """Each "(xem ghi chú n)" has its note "(n)" under a "Ghi chú:"; returns how many."""
    cuts = [int(n) for n in re.findall(rf"\({marker} (\d+)\)", " ".join(text.split()))]
    if cuts:
        assert heading in text
        for n in cuts:
            assert f"({n}) " in text
    return len(cuts)


def test_longest_location_exports_in_seconds(demo_template, tmp_path):
    """The reported case: a location of 4000 characters (words, and one 4000-character link)
    in the evidence list, where the row may not split from its indicator's."""
    from db.models import Indicator
    from db.services.communes import get_commune
    from db.services.evidence import add_evidence

    db = tmp_path / "h.db"
    shutil.copy(demo_template, db)
    prepare(db, create=False)
    add_evidence(get_commune(), Indicator.get(Indicator.code == "19.2"), 2023, "Biên bản",
                 location=LOCATION)
    add_evidence(get_commune(), Indicator.get(Indicator.code == "2.1"), 2023, "Ảnh chụp",
                 location=LINK)
    close_database()

    for lang, marker, heading in (("vi", "xem ghi chú", "Ghi chú:"), ("en", "see note", "Notes:")):
        target = tmp_path / f"e-{lang}.pdf"
        proc = export(db, "evidence", target, lang)
        assert proc.returncode == 0, proc.stderr
        text = pdf_text(target)
        assert assert_cut_cells_have_notes(text, marker, heading) == 2
        assert "…" in text  # the cut in the cell is visible
        assert compact(LOCATION) in compact(text) and compact(LINK) in compact(text)
        assert_inside_margins(target)


@pytest.fixture(scope="module")
def long_db(demo_template, tmp_path_factory) -> Path:
    """The demo with the longest texts the forms take in every kind of table cell."""
    from db.changelog import ChangeLog
    from db.models import AssignmentSupport, EvidenceItem, Indicator, Plan, Unit
    from db.services.catalogue_edit import update_indicator
    from db.services.communes import get_commune
    from db.services.deadlines import add_one_off
    from db.services.evidence import add_evidence, update_evidence
    from db.services.people import update_unit
    from db.services.plans import add_item, add_work

    db = tmp_path_factory.mktemp("long") / "long.db"
    shutil.copy(demo_template, db)
    prepare(db, create=False)
    try:
        commune, plan = get_commune(), Plan.get(Plan.year == 2023)
        ind = Indicator.get(Indicator.code == "2.1")
        update_indicator(Indicator.get(Indicator.code == "19.2").id, content=CONTENT)
        add_evidence(commune, Indicator.get(Indicator.code == "19.2"), 2023, TITLE,
                     location=LOCATION)
        add_item(plan, ind, "task", TASK)
        add_work(plan, ind, TITLE, funding_note=FUNDING)
        supporting = Unit.select().join(AssignmentSupport).order_by(Unit.id).first()
        update_unit(supporting.id, name=UNIT)
        add_one_off(commune, "meeting", DEADLINE, datetime(2023, 2, 10).date())
        mark = ChangeLog.select().count()
        item = EvidenceItem.select().order_by(EvidenceItem.id).first()
        update_evidence(item.id, location=LINK)
        ChangeLog.update(at=datetime(2023, 3, 5, 9, 0)).where(ChangeLog.id > mark).execute()
    finally:
        close_database()
    return db


# What each report prints whole, in a note under a table or in its own paragraphs.
EXPECTED = {
    "evidence": [LOCATION, TITLE, CONTENT, LINK],
    "report": [CONTENT, TITLE],  # evidence, deadlines and funding notes are working lists
    "assignments": [CONTENT, UNIT],
    "plan": [UNIT, TASK, TITLE],
}


@pytest.mark.parametrize("kind", sorted(EXPECTED))
def test_longest_texts_in_every_report(long_db, tmp_path, kind):
    target = tmp_path / f"{kind}.pdf"
    proc = export(long_db, kind, target)
    assert proc.returncode == 0, proc.stderr
    text = pdf_text(target)
    for typed in EXPECTED[kind]:
        assert compact(typed) in compact(text), typed[:40]
    if kind != "plan":  # the plan's long texts are paragraphs; its table holds a unit's name
        assert assert_cut_cells_have_notes(text, "xem ghi chú", "Ghi chú:") > 0
    assert_inside_margins(target)


@settings(max_examples=150, deadline=None)
@given(words=st.lists(st.sampled_from(["a", "ấp", "Hòa", "WWWWWW", "đường", "giao-thông,", URL[:90],
                                       "iiiiiiiiiii", "12,5%", "—"]), min_size=1, max_size=80),
       width=st.floats(min_value=10, max_value=470), style=st.sampled_from(["cell", "cell_bold",
                                                                              "note"]))
def test_height_bound_is_never_below_the_wrapped_height(words, width, style):
    """The bound spares wrapping most cells; a cell it underestimated could outgrow a page."""
    from reportlab.platypus import Paragraph

    from exports.pdf.fit import height_bound
    from exports.pdf.fonts import register_family
    from exports.pdf.markup import esc
    from exports.pdf.styles import make_styles

    styles = make_styles(register_family())
    text = " ".join(words)
    for markup in (esc(text), f"<i>{esc(text)}</i>"):
        height = Paragraph(markup, styles[style]).wrap(width, 1e9)[1]
        bound = height_bound(text, styles["cell_bold"].fontName, styles[style].fontSize,
                             styles[style].leading, width)
        assert height <= bound


@pytest.mark.parametrize("text", [LOCATION, LINK, "ngắn"], ids=["words", "link", "short"])
def test_fit_cuts_to_the_height_and_keeps_a_head(text):
    from reportlab.platypus import Paragraph

    from exports.pdf.fit import fit, height_of
    from exports.pdf.fonts import register_family
    from exports.pdf.markup import esc
    from exports.pdf.styles import make_styles

    style = make_styles(register_family())["cell"]
    heads = []

    def build(s: str, cut: bool):
        heads.append(s)
        return Paragraph(esc(s + "… (xem ghi chú 1)" if cut else s), style)

    flowable, cut = fit(text, build, 56, 150)
    assert height_of(flowable, 56) <= 150
    assert cut == (text != "ngắn")
    head = heads[-1]
    assert text.startswith(head) and (len(head) > 50 if cut else head == text)
