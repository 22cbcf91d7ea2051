"""Paragraphs reuse what reportlab's markup parser made of the same style and markup; they must
be the parser's own."""
from __future__ import annotations

import pytest

from exports.pdf.fonts import register_family
from exports.pdf.markup import esc, paragraph
from exports.pdf.styles import make_styles

TEXTS = [
    "Đạt", "Tỷ lệ hộ có đăng ký trực tiếp và được sử dụng điện thường xuyên, an toàn từ các nguồn",
    "  spaces   inside\tand\n  a second   line \n\n", "Số:\u00a0\u00a0\u00a0/BC-BQL", "≥ 70%", "9/19",
    "- Nguyễn Văn An (minh họa)", "x", "", "   ", " \n\t ", "\u00a0", "\u00a0 text\u00a0",
    "<b>Còn thiếu</b>", "<b>Còn thiếu</b>", "<i>Tỷ lệ &amp; số</i> hộ", "A &amp; B &lt;5%",
    "<b>1.2. Chỉ tiêu 1.1:</b> <i>Có quy hoạch</i>",
]


@pytest.mark.parametrize("style_name", ["body", "cell", "cell_center", "cell_head", "hdr_date"])
def test_paragraph_is_what_the_parser_builds(style_name):
    from reportlab.platypus import Paragraph

    style = make_styles(register_family())[style_name]
    for text in TEXTS:
        markup = text if "<" in text or "&" in text else esc(text)
        fast, parsed = paragraph(markup, style), Paragraph(markup, style)
        assert fast.text == parsed.text
        assert [f.__dict__ for f in fast.frags] == [f.__dict__ for f in parsed.frags]
        assert fast.wrap(200, 1000) == parsed.wrap(200, 1000)
        assert _lines(fast) == _lines(parsed)


def _lines(para) -> list:
    """The wrapped lines, fragments compared by their attributes."""
    out = []
    for line in para.blPara.lines:
        if isinstance(line, tuple):  # one-fragment paragraphs: (width left, words)
            out.append(line)
        else:
            out.append((line.extraSpace, [dict(w.__dict__) for w in line.words]))
    return out


def test_markup_and_entities_still_parsed():
    style = make_styles(register_family())["cell"]
    bold = paragraph("<b>Thiếu</b> 1/2", style)
    assert [f.text for f in bold.frags] == ["Thiếu", " 1/2"]
    assert bold.frags[0].fontName != bold.frags[1].fontName
    assert paragraph(esc("A & B <5%"), style).getPlainText() == "A & B <5%"
    assert paragraph("", style).frags == []
