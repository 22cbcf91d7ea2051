"""What every report builder receives, and the paragraph helpers they share."""
from __future__ import annotations

from dataclasses import field
from datetime import date
from functools import cached_property

from db.dataclass_lite import dataclass
from db.models import Commune
from exports.pdf.labels import label
from exports.pdf.markup import esc, lines, paragraph
from exports.pdf.period import Period
from exports.pdf.styles import MM


@dataclass
class Job:
    commune: Commune
    year: int
    today: date
    lang: str
    styles: dict
    period: Period | None = None
    with_annex: bool = False  # a report's "Phụ lục: kết quả từng chỉ tiêu", after the signature
    annex: list = field(default_factory=list)  # what the builder put there

    @cached_property
    def plan(self):
        """The year's Plan row (None without one), read once for the whole document."""
        from db.services.plans import get_plan

        return get_plan(self.commune, self.year)

    def t(self, key: str, default: str | None = None, **params: object) -> str:
        return label(key, self.lang, default, **params)

    def para(self, markup: str, style: str = "body"):
        """A paragraph of trusted markup (escape user text first)."""
        return paragraph(markup, self.styles[style])

    def text(self, text: str, style: str = "body"):
        return self.para(esc(text), style)

    def dashes(self, text: str | None) -> list:
        """Each line of a free-text field as a "- …" paragraph, as the plans write them."""
        return [self.para("- " + esc(line)) for line in lines(text)]

    def heading(self, text: str) -> object:
        return self.para(esc(text), "heading")

    def subheading(self, text: str) -> object:
        return self.para(esc(text), "subheading")

    def table_heading(self, text: str) -> list:
        """A heading over a long table: keepWithNext would push the whole table to the next
        page, so ask only for room for the heading and a few rows."""
        from reportlab.platypus import CondPageBreak, Paragraph
        from reportlab.lib.styles import ParagraphStyle

        style = ParagraphStyle("table_heading", parent=self.styles["subheading"], keepWithNext=0)
        return [CondPageBreak(40 * MM), Paragraph(esc(text), style)]


def two_digits(n: int) -> str:
    """Counts in plans are written "06 tiêu chí", "09 chỉ tiêu"."""
    return f"{n:02d}"
