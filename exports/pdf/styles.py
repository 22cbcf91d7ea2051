"""Paragraph styles of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I)."""
from __future__ import annotations

from exports.pdf.fonts import FontFamily

MM = 72 / 25.4
# A4 portrait; margins inside the decree's ranges (top/bottom 20–25, left 30–35, right 15–20 mm).
PAGE_W, PAGE_H = 210 * MM, 297 * MM
TOP, BOTTOM, LEFT, RIGHT = 20 * MM, 20 * MM, 30 * MM, 15 * MM
FRAME_W = PAGE_W - LEFT - RIGHT
FRAME_H = PAGE_H - TOP - BOTTOM
BODY_SIZE = 13
INDENT = 10 * MM  # first-line indent, 1 cm


def make_styles(family: FontFamily) -> dict:
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.styles import ParagraphStyle

    body = ParagraphStyle("body", fontName=family.regular, fontSize=BODY_SIZE, leading=17,
                          alignment=TA_JUSTIFY, firstLineIndent=INDENT, spaceBefore=0, spaceAfter=6)

    def derive(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    center = dict(alignment=TA_CENTER, firstLineIndent=0, spaceAfter=0, leading=15)
    cell = dict(fontSize=11, leading=13, alignment=TA_LEFT, firstLineIndent=0, spaceAfter=0)
    return {
        "body": body,
        "heading": derive("heading", fontName=family.bold, keepWithNext=1, spaceBefore=6),
        "subheading": derive("subheading", fontName=family.bold, keepWithNext=1, spaceBefore=6),
        "minor": derive("minor", fontName=family.bold_italic, keepWithNext=1),
        "hdr_body": derive("hdr_body", fontName=family.bold, **center),
        "hdr_national": derive("hdr_national", fontName=family.bold, fontSize=12, **center),
        "hdr_motto": derive("hdr_motto", fontName=family.bold, **center),
        "hdr_number": derive("hdr_number", **center),
        "hdr_date": derive("hdr_date", fontName=family.italic, **center),
        "doc_type": derive("doc_type", fontName=family.bold, fontSize=14, leading=18,
                           alignment=TA_CENTER, firstLineIndent=0, spaceBefore=18, spaceAfter=0),
        "subject": derive("subject", fontName=family.bold, fontSize=14, leading=18,
                          alignment=TA_CENTER, firstLineIndent=0, spaceAfter=14),
        "recipients_head": derive("recipients_head", fontName=family.bold_italic, fontSize=12,
                                  leading=14, alignment=TA_LEFT, firstLineIndent=0, spaceAfter=0),
        "recipients": derive("recipients", fontSize=11, leading=13, alignment=TA_LEFT,
                             firstLineIndent=0, spaceAfter=0),
        "sign": derive("sign", fontName=family.bold, **center),
        "sign_name": derive("sign_name", fontName=family.bold, **center),
        "cell": derive("cell", **cell),
        "cell_center": derive("cell_center", **{**cell, "alignment": TA_CENTER}),
        "cell_head": derive("cell_head", fontName=family.bold, **{**cell, "alignment": TA_CENTER}),
        "cell_bold": derive("cell_bold", fontName=family.bold, **cell),
        "page_number": derive("page_number", **center),
        # Notes under a table: the whole text of a cell that was cut (exports/pdf/tables.py).
        "note_head": derive("note_head", fontName=family.bold_italic, fontSize=11, leading=13,
                            alignment=TA_LEFT, firstLineIndent=0, spaceBefore=6, spaceAfter=2,
                            keepWithNext=1),
        "note": derive("note", fontSize=11, leading=13, firstLineIndent=0, spaceAfter=2),
    }
