"""Bad input to export_report: one NtmError with a clear message, no file left behind."""
from __future__ import annotations

import shutil
import stat

import pytest

from db.errors import NotFoundError, StorageError, ValidationError
from exports.pdf import export_report
from exports.pdf.fonts import find_faces, register_family
from tests.exports.conftest import TODAY
from tests.exports.pdfread import font_names


@pytest.fixture
def commune_id(demo_db):
    from db.services.communes import get_commune

    return get_commune().id


def test_existing_file_is_never_overwritten_silently(commune_id, tmp_path):
    out = tmp_path / "sub" / "dir" / "kh.pdf"
    result = export_report("assignments", commune_id, 2023, out, today=TODAY)
    assert result.path == out and result.pages >= 2
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert stat.S_IMODE(out.parent.stat().st_mode) == 0o700
    before = out.read_bytes()
    with pytest.raises(ValidationError) as err:
        export_report("plan", commune_id, 2023, out, today=TODAY)
    assert "không ghi đè" in err.value.message("vi") and str(out) in err.value.message("vi")
    assert out.read_bytes() == before
    export_report("plan", commune_id, 2023, out, overwrite=True, today=TODAY)
    assert out.read_bytes() != before
    assert [p.name for p in out.parent.iterdir()] == ["kh.pdf"]  # no temporary file left


@pytest.mark.parametrize("kind, period, key", [
    ("bogus", None, "export_kind_invalid"),
    ("report", "2023-13", "period_invalid"),
    ("report", "2023-Q5", "period_invalid"),
    ("report", "23", "period_invalid"),
    ("report", "2023-1-1", "period_invalid"),
    ("report", "2024-Q1", "period_year_mismatch"),
])
def test_bad_kind_or_period(commune_id, tmp_path, kind, period, key):
    with pytest.raises(ValidationError) as err:
        export_report(kind, commune_id, 2023, tmp_path / "x.pdf", period=period)
    assert err.value.key == key
    assert not (tmp_path / "x.pdf").exists()


def test_year_outside_the_criteria_set(commune_id, tmp_path):
    with pytest.raises(ValidationError) as err:
        export_report("plan", commune_id, 2030, tmp_path / "x.pdf")
    assert err.value.key == "year_out_of_range"


def test_unwritable_folder(commune_id, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(StorageError) as err:
        export_report("plan", commune_id, 2023, blocker / "x.pdf")
    assert err.value.message("vi").startswith("Không ghi được")
    with pytest.raises(ValidationError):
        export_report("plan", commune_id, 2023, tmp_path)  # a folder, not a file


def test_font_file_missing_or_not_truetype(commune_id, tmp_path):
    with pytest.raises(NotFoundError) as err:
        export_report("plan", commune_id, 2023, tmp_path / "x.pdf", font_path=str(tmp_path / "no.ttf"))
    assert "phông chữ" in err.value.message("vi")
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"this is not a font")
    with pytest.raises(ValidationError) as err:
        export_report("plan", commune_id, 2023, tmp_path / "x.pdf", font_path=str(fake))
    assert err.value.key == "font_invalid"
    assert not (tmp_path / "x.pdf").exists()


def test_chosen_font_with_its_bold_and_italic_siblings(commune_id, tmp_path):
    """A chosen regular face brings its -Bold/-Italic/-BoldItalic siblings from its folder (the
    bundled faces copied under another name: no system font is needed, so this never skips)."""
    from exports.pdf.fonts import BUNDLED

    folder = tmp_path / "fonts"
    folder.mkdir()
    for face, suffix in (("regular", ""), ("bold", "-Bold"), ("italic", "-Italic"),
                         ("bold_italic", "-BoldItalic")):
        shutil.copy(BUNDLED[face], folder / f"Chosen{suffix}.ttf")
    faces = find_faces(folder / "Chosen.ttf")
    assert {k: v.name for k, v in faces.items()} == {
        "regular": "Chosen.ttf", "bold": "Chosen-Bold.ttf", "italic": "Chosen-Italic.ttf",
        "bold_italic": "Chosen-BoldItalic.ttf"}
    family = register_family(str(folder / "Chosen.ttf"))
    assert len({family.regular, family.bold, family.italic, family.bold_italic}) == 4
    out = export_report("plan", commune_id, 2023, tmp_path / "x.pdf",
                        font_path=str(folder / "Chosen.ttf")).path
    names = font_names(out)
    assert any(n.endswith("+LiberationSerif-Bold") for n in names)  # the sibling's own name
    assert any(n.endswith("+LiberationSerif-Italic") for n in names)


def test_a_lone_regular_face_serves_for_all(tmp_path):
    from exports.pdf.fonts import BUNDLED

    lone = tmp_path / "Times New Roman.ttf"
    shutil.copy(BUNDLED["regular"], lone)
    family = register_family(str(lone))
    assert family.regular == family.bold == family.italic == family.bold_italic


def test_windows_short_names_are_found(tmp_path):
    from exports.pdf.fonts import BUNDLED

    for name, face in (("times.ttf", "regular"), ("timesbd.ttf", "bold"), ("timesi.ttf", "italic"),
                       ("timesbi.ttf", "bold_italic")):
        shutil.copy(BUNDLED[face], tmp_path / name)
    faces = find_faces(tmp_path / "times.ttf")
    assert {k: v.name for k, v in faces.items()} == {
        "regular": "times.ttf", "bold": "timesbd.ttf", "italic": "timesi.ttf",
        "bold_italic": "timesbi.ttf"}


def test_longest_allowed_text_stays_on_the_page(commune_id, tmp_path):
    """A cell holding the longest text a field accepts is taller than a page: it is cut, the
    whole text following the table as a note (tests/exports/test_pdf_long_text.py)."""
    from db.models import Commune, Indicator
    from db.services.evidence import add_evidence
    from db.text import MAX_TEXT
    from tests.exports.pdfread import MM, pages_of

    words = ("Biên bản nghiệm thu công trình đường giao thông nông thôn ấp Hòa Tân " * 80)
    add_evidence(Commune.get_by_id(commune_id), Indicator.get(Indicator.code == "2.1"), 2023,
                 words[:MAX_TEXT].strip())
    result = export_report("evidence", commune_id, 2023, tmp_path / "long.pdf", today=TODAY)
    for page in pages_of(result.path):
        assert min(c["x0"] for c in page.chars) >= 30 * MM - 0.05
        assert max(c["bottom"] for c in page.chars) <= page.height - 20 * MM + 0.05
