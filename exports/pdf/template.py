"""The one document template: A4, the decree's margins, page numbers from page 2."""
from __future__ import annotations

from pathlib import Path

from exports.pdf.docinfo import DocInfo
from exports.pdf.fonts import FontFamily
from exports.pdf.styles import BODY_SIZE, BOTTOM, FRAME_W, LEFT, PAGE_H, PAGE_W, TOP


def _page_number(family: FontFamily):
    def draw(canvas, doc) -> None:
        page = canvas.getPageNumber()
        if page < 2:  # the first page carries no number
            return
        canvas.saveState()
        canvas.setFont(family.regular, BODY_SIZE)
        canvas.drawCentredString(LEFT + FRAME_W / 2, PAGE_H - TOP / 2 - BODY_SIZE / 3, str(page))
        canvas.restoreState()
    return draw


def _is_heading(flowable) -> bool:
    style = getattr(flowable, "style", None)
    return type(flowable).__name__ == "Paragraph" and getattr(style, "name", "") in ("heading",
                                                                                       "subheading")


def build(path: Path, info: DocInfo, story: list, family: FontFamily, styles: dict,
          lang: str, annex: list | None = None) -> int:
    """Write the PDF to `path`; returns the number of pages. `annex`: what follows the
    signature, from a new page (a report's table of every indicator)."""
    from reportlab import rl_config
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate


    rl_config.invariant = 1  # no timestamps or random ids: the same data gives the same file
    doc = BaseDocTemplate(str(path), pagesize=(PAGE_W, PAGE_H), leftMargin=LEFT,
                          rightMargin=PAGE_W - LEFT - FRAME_W, topMargin=TOP, bottomMargin=BOTTOM,
                          title=f"{info.doc_type} {info.number}".strip(), subject=info.subject,
                          author=info.issuing_body, creator="ntm-tui", lang="vi-VN",
                          # else the canvas starts in Helvetica, a font the PDF does not embed
                          initialFontName=family.regular, initialFontSize=BODY_SIZE)
    frame = Frame(LEFT, BOTTOM, FRAME_W, PAGE_H - TOP - BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_page_number(family))])
    doc.build(assemble(info, story, styles, lang, annex))
    return doc.page


def assemble(info: DocInfo, story: list, styles: dict, lang: str, annex: list | None = None) -> list:
    """Header, title, the builder's story, closing (and annex), as laid out on the pages."""
    from exports.pdf import blocks

    # The signature never stands alone on a page: the last lines of text go with it.
    tail = 0
    while tail < min(2, len(story)) and type(story[-1 - tail]).__name__ == "Paragraph":
        tail += 1
    while tail < len(story) and _is_heading(story[-1 - tail]):  # nor a heading without its text
        tail += 1
    closing = blocks.closing(info, styles, lang)
    if tail:
        from reportlab.platypus import KeepTogether

        closing = [KeepTogether(story[len(story) - tail:] + closing)]
    flowables = (blocks.header(info, styles, lang) + blocks.title(info, styles)
                 + story[:len(story) - tail] + closing)
    if annex:
        from reportlab.platypus import PageBreak

        flowables += [PageBreak(), *annex]
    return flowables
