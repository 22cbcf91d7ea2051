"""The same documents as Word files (python-docx), for the officer to edit before signing.

The report builders' story (reportlab paragraphs and tables) is written again as Word
paragraphs and tables: same words, same order, same emphasis; the page follows Nghị định
30/2020 as the PDF does: A4, margins 20/20/30/15 mm, Times New Roman 13 pt justified with a
first-line indent, the two-column header, the title and subject, recipients and signature.
Word lays the pages out itself; the PDF stays the exact, reproducible copy."""
from __future__ import annotations

from pathlib import Path

from exports.pdf.docinfo import DocInfo, date_line
from exports.pdf.labels import label

FONT = "Times New Roman"
CENTERED = ("hdr_body", "hdr_national", "hdr_motto", "hdr_number", "hdr_date", "doc_type", "subject")


def _font(run, size: float | None = None, bold: bool | None = None, italic: bool | None = None) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = FONT
    run.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.bold = bold
    if italic is not None:
        run.italic = italic


def _no_borders(table) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)


def _line(cell_or_doc, text: str, size: float = 13, bold: bool = False, italic: bool = False,
          center: bool = True, first: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    para = cell_or_doc.paragraphs[0] if first else cell_or_doc.add_paragraph()
    para.paragraph_format.space_after = Pt(0)
    if center:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(para.add_run(text), size, bold, italic)
    return para


def _rule(para) -> None:
    """A short rule under a centred line (the motto, the issuing body, the subject)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    p_pr = para._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        bottom.set(qn(key), value)
    border.append(bottom)
    p_pr.append(border)


def _header(doc, info: DocInfo, lang: str) -> None:
    from docx.shared import Mm

    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(65), Mm(100)
    if info.issuing_unit:
        _line(left, info.issuing_body.upper(), first=True)
        _rule(_line(left, info.issuing_unit.upper(), bold=True))
    else:
        _rule(_line(left, info.issuing_body.upper(), bold=True, first=True))
    _line(left, f"Số: {info.number}")
    _line(right, label("national_title", lang, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), 12, bold=True, first=True)
    _rule(_line(right, label("motto", lang, "Độc lập - Tự do - Hạnh phúc"), bold=True))
    _line(right, date_line(info.place, info.doc_date), italic=True)
    _line(doc, info.doc_type, 14, bold=True).paragraph_format.space_before = Mm(6)
    _rule(_line(doc, info.subject, 14, bold=True))


def _closing(doc, info: DocInfo, lang: str) -> None:
    from docx.shared import Mm

    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    left, right = table.rows[0].cells
    left.width, right.width = Mm(80), Mm(85)
    _line(left, label("recipients", lang, "Nơi nhận:"), 12, bold=True, italic=True, center=False, first=True)
    for r in info.recipients:
        _line(left, f"- {r}", 11, center=False)
    lines = [text for text in (info.signing_authority, info.signer_title, info.signer_position) if text]
    for n, text in enumerate(lines):
        _line(right, text.upper(), bold=True, first=n == 0)
    for _ in range(4):
        _line(right, "")
    if info.signer_name:
        _line(right, info.signer_name, bold=True)


def _runs(para, frags, bold_fonts: set, italic_fonts: set, size: float) -> None:
    for frag in frags:
        text = getattr(frag, "text", "")
        if not text:
            continue
        name = getattr(frag, "fontName", "")
        _font(para.add_run(text), size, bold=name in bold_fonts or bool(getattr(frag, "bold", 0)),
              italic=name in italic_fonts or bool(getattr(frag, "italic", 0)))


def _paragraph(doc, flowable, bold_fonts: set, italic_fonts: set) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    style = flowable.style
    para = doc.add_paragraph()
    fmt = para.paragraph_format
    fmt.space_after = Pt(6)
    if style.name in ("heading", "subheading", "minor"):
        fmt.keep_with_next = True
        fmt.space_before = Pt(6)
    if style.name in CENTERED or style.alignment == 1:
        para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        para.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if style.firstLineIndent:
            fmt.first_line_indent = Mm(10)
    _runs(para, flowable.frags, bold_fonts, italic_fonts, style.fontSize)


def _table(doc, flowable, bold_fonts: set, italic_fonts: set) -> None:
    from docx.shared import Pt

    rows = flowable._cellvalues
    if not rows:
        return
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            cell = table.cell(r, c)
            para = cell.paragraphs[0]
            for item in (value if isinstance(value, (list, tuple)) else [value]):
                if hasattr(item, "frags"):
                    _runs(para, item.frags, bold_fonts, italic_fonts, item.style.fontSize)
                elif item not in (None, ""):
                    _font(para.add_run(str(item)), 11)
            para.paragraph_format.space_after = Pt(0)
    doc.add_paragraph()


def write_docx(path: Path, info: DocInfo, story: list, family, lang: str = "vi",
               annex: list | None = None) -> None:
    """`story`: what a report builder returned (paragraphs, tables, page-break hints); `annex`:
    what follows the signature, from a new page."""
    from docx import Document
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(13)
    doc.core_properties.title = info.subject
    doc.core_properties.author = info.issuing_body
    bold_fonts = {family.bold, family.bold_italic}
    italic_fonts = {family.italic, family.bold_italic}
    _page_numbers(section)
    _header(doc, info, lang)
    _story(doc, story, bold_fonts, italic_fonts)
    _closing(doc, info, lang)
    if annex:
        from docx.enum.text import WD_BREAK

        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _story(doc, annex, bold_fonts, italic_fonts)
    doc.save(str(path))


def _story(doc, story: list, bold_fonts: set, italic_fonts: set) -> None:
    for flowable in _flat(story):
        kind = type(flowable).__name__
        if kind == "Paragraph":
            _paragraph(doc, flowable, bold_fonts, italic_fonts)
        elif kind in ("Table", "LongTable"):
            _table(doc, flowable, bold_fonts, italic_fonts)


def _page_numbers(section) -> None:
    """Nghị định 30: page numbers from page 2, centred in the top margin, 13 pt. The first page
    has its own (empty) header; the others a PAGE field Word fills in."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    section.different_first_page_header_footer = True
    para = section.header.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = para.add_run()
    run.font.name, run.font.size = FONT, Pt(13)
    for kind, text in (("begin", None), (None, "PAGE"), ("separate", None), (None, "2"), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        elif text == "PAGE":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = " PAGE "
        else:  # the value shown until Word updates the field
            element = OxmlElement("w:t")
            element.text = text
        run._r.append(element)


def _flat(story: list):
    for flowable in story:
        inner = getattr(flowable, "_content", None)
        if type(flowable).__name__ == "KeepTogether" and inner is not None:
            yield from _flat(inner)
        else:
            yield flowable
