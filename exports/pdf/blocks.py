"""The fixed parts of the document: the two-column header, the title, recipients and signature."""
from __future__ import annotations

import unicodedata

from exports.pdf.docinfo import DocInfo, date_line
from exports.pdf.fit import fit, height_bound, height_of
from exports.pdf.labels import label
from exports.pdf.markup import esc
from exports.pdf.styles import FRAME_H, FRAME_W, MM

HEADER_LEFT = 63 * MM  # fits "UBND XÃ …"; the national title (≈ 88 mm at 12 pt) gets the rest
CLOSING_LEFT = 75 * MM
SIGN_SPACE = 24 * MM  # room for the signature and the seal
# The header and the closing are tables of one page at most (a table row cannot split), so a
# field is cut, ending with a visible "…", where it would no longer fit: the header's three
# fields one above the other (the issuing body, its unit, the number), and in the closing the
# signer's three lines, the space to sign and the name. A name of 300 characters, the most a
# form takes, fits but in rare cases (the issuing body in capitals loses its last line); only
# text no form accepts loses more.
HEADER_FIELD = (FRAME_H - 20) / 3
CLOSING_FIELD = (FRAME_H - SIGN_SPACE - 4 * MM - 20) / 4
RECIPIENTS = FRAME_H - 4 * MM - 40  # all the recipients, below "Nơi nhận:"


def _field(text: str, style, width: float, room: float, markup=esc):
    """A Paragraph of `markup(text)`; text taller than `room` is cut and ends with "…"."""
    from reportlab.platypus import Paragraph

    text = unicodedata.normalize("NFC", text)  # as esc() prints it: fit() counts characters
    if height_bound(markup(text), style.fontName, style.fontSize, style.leading, width) <= room:
        return Paragraph(markup(text), style)
    return fit(text, lambda s, cut: Paragraph(markup(s + "…" if cut else s), style),
               width, room)[0]


def _no_grid(styles: dict) -> list:
    """Layout tables: no borders, no padding, and the document font (a Table otherwise
    selects Helvetica, which would put an unembedded font into the PDF)."""
    return [("FONTNAME", (0, 0), (-1, -1), styles["body"].fontName),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]


def _rule(style, text: str, share: float, most: float):
    """A thin line as wide as a share of the text above it (the decree's short rules), and
    never wider than its column."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import HRFlowable
    from reportlab.lib import colors

    width = min(stringWidth(text, style.fontName, style.fontSize) * share, most)
    return HRFlowable(width=width, thickness=0.6, color=colors.black, spaceBefore=5, spaceAfter=0)


def header(info: DocInfo, styles: dict, lang: str) -> list:
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    body, national, motto = styles["hdr_body"], styles["hdr_national"], styles["hdr_motto"]
    unit = info.issuing_unit or info.issuing_body
    # ND 30: the parent body (cơ quan chủ quản) in regular weight over the bold issuing body; a
    # body with no parent stands alone, bold.
    parent = styles["hdr_number"] if info.issuing_unit else body
    left = [_field(info.issuing_body, parent, HEADER_LEFT, HEADER_FIELD)]
    if info.issuing_unit:
        left.append(_field(info.issuing_unit, body, HEADER_LEFT, HEADER_FIELD))
    left += [_rule(body, unit, 0.45, HEADER_LEFT), Spacer(1, 8)]  # room before the number line
    right = [Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", national),
             Paragraph("Độc lập - Tự do - Hạnh phúc", motto),
             _rule(motto, "Độc lập - Tự do - Hạnh phúc", 1.0, FRAME_W - HEADER_LEFT),
             Spacer(1, 8)]
    number = _field(info.number, styles["hdr_number"], HEADER_LEFT, HEADER_FIELD,
                    lambda s: f"{label('number', lang)} {esc(s)}")
    when = _field(info.place, styles["hdr_date"], FRAME_W - HEADER_LEFT, HEADER_FIELD,
                  lambda s: esc(date_line(s, info.doc_date)))
    table = Table([[left, right], [number, when]], colWidths=[HEADER_LEFT, FRAME_W - HEADER_LEFT])
    table.setStyle(TableStyle(_no_grid(styles)))
    return [table]


def title(info: DocInfo, styles: dict) -> list:
    from reportlab.platypus import Paragraph

    return [Paragraph(esc(info.doc_type), styles["doc_type"]),
            Paragraph(esc(info.subject), styles["subject"]),
            _rule(styles["subject"], info.subject, 0.3, 50 * MM)]  # ND 30: a short rule under it


def closing(info: DocInfo, styles: dict, lang: str) -> list:
    """Recipients on the left, the signature on the right; kept on one page."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    left = [Paragraph(label("recipients", lang), styles["recipients_head"])]
    room, style = RECIPIENTS, styles["recipients"]
    for n, r in enumerate(info.recipients):
        line = _field(r, style, CLOSING_LEFT, CLOSING_FIELD, lambda s: "- " + esc(s))
        height = height_of(line, CLOSING_LEFT)
        more = n + 1 < len(info.recipients)
        if height + (style.leading if more else 0) > room:  # leave a line for "- …"
            left.append(Paragraph("- …", style))  # the rest would not fit
            break
        left.append(line)
        room -= height
    sign, sign_w = styles["sign"], FRAME_W - CLOSING_LEFT
    right = [_field(text, sign, sign_w, CLOSING_FIELD) for text in
             (info.signing_authority, info.signer_title, info.signer_position) if text]
    right.append(Spacer(1, SIGN_SPACE))
    if info.signer_name:
        right.append(_field(info.signer_name, styles["sign_name"], sign_w, CLOSING_FIELD))
    table = Table([[left, right]], colWidths=[CLOSING_LEFT, FRAME_W - CLOSING_LEFT])
    table.setStyle(TableStyle(_no_grid(styles) + [("TOPPADDING", (0, 0), (-1, -1), 6)]))
    return [KeepTogether([Spacer(1, 4 * MM), table])]
