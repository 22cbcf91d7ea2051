"""The fixed parts of the document: the two-column header, the title, recipients and signature."""
from __future__ import annotations

from exports.pdf.docinfo import DocInfo, date_line
from exports.pdf.labels import label
from exports.pdf.markup import esc
from exports.pdf.styles import FRAME_W, MM

HEADER_LEFT = 63 * MM  # fits "UBND XÃ …"; the national title (≈ 88 mm at 12 pt) gets the rest
CLOSING_LEFT = 75 * MM



def _no_grid(styles: dict) -> list:
    """Layout tables: no borders, no padding, and the document font (a Table otherwise
    selects Helvetica, which would put an unembedded font into the PDF)."""
    return [("FONTNAME", (0, 0), (-1, -1), styles["body"].fontName),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]


def _rule(style, text: str, share: float = 1.0):
    """A thin line as wide as a share of the text above it (the decree's short rules)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import HRFlowable
    from reportlab.lib import colors

    width = stringWidth(text, style.fontName, style.fontSize) * share
    return HRFlowable(width=width, thickness=0.6, color=colors.black, spaceBefore=5, spaceAfter=0)


def header(info: DocInfo, styles: dict, lang: str) -> list:
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    body, national, motto = styles["hdr_body"], styles["hdr_national"], styles["hdr_motto"]
    unit = info.issuing_unit or info.issuing_body
    left = [Paragraph(esc(info.issuing_body), body)]
    if info.issuing_unit:
        left.append(Paragraph(esc(info.issuing_unit), body))
    left += [_rule(body, unit, 0.45), Spacer(1, 8)]  # room before the number line
    right = [Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", national),
             Paragraph("Độc lập - Tự do - Hạnh phúc", motto),
             _rule(motto, "Độc lập - Tự do - Hạnh phúc"), Spacer(1, 8)]
    number = f"{label('number', lang)} {esc(info.number)}"
    when = esc(date_line(info.place, info.doc_date))
    table = Table([[left, right],
                   [Paragraph(number, styles["hdr_number"]), Paragraph(when, styles["hdr_date"])]],
                  colWidths=[HEADER_LEFT, FRAME_W - HEADER_LEFT])
    table.setStyle(TableStyle(_no_grid(styles)))
    return [table]


def title(info: DocInfo, styles: dict) -> list:
    from reportlab.platypus import Paragraph

    return [Paragraph(esc(info.doc_type), styles["doc_type"]),
            Paragraph(esc(info.subject), styles["subject"])]


def closing(info: DocInfo, styles: dict, lang: str) -> list:
    """Recipients on the left, the signature on the right; kept on one page."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    left = [Paragraph(label("recipients", lang), styles["recipients_head"])]
    left += [Paragraph("- " + esc(r), styles["recipients"]) for r in info.recipients]
    sign = styles["sign"]
    right = [Paragraph(esc(text), sign) for text in
             (info.signing_authority, info.signer_title, info.signer_position) if text]
    right.append(Spacer(1, 24 * MM))
    if info.signer_name:
        right.append(Paragraph(esc(info.signer_name), styles["sign_name"]))
    table = Table([[left, right]], colWidths=[CLOSING_LEFT, FRAME_W - CLOSING_LEFT])
    table.setStyle(TableStyle(_no_grid(styles) + [("TOPPADDING", (0, 0), (-1, -1), 6)]))
    return [KeepTogether([Spacer(1, 4 * MM), table])]
