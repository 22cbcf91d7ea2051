"""Report periods: a month (2023-03), a quarter (2023-Q1), six months (2023-H1) or a year."""
from __future__ import annotations

import calendar
import re
from datetime import date

from db.dataclass_lite import dataclass
from db.errors import ValidationError

_ROMAN = ("I", "II", "III", "IV")


@dataclass(frozen=True)
class Period:
    code: str
    year: int
    start: date
    end: date
    kind: str  # month, quarter, half, year

    def text(self, lang: str = "vi") -> str:
        """"tháng 03 năm 2023", "quý I năm 2023", "năm 2023"."""
        en = lang == "en"
        if self.kind == "month":
            return self.start.strftime("%B %Y") if en else \
                f"tháng {self.start.month:02d} năm {self.year}"
        if self.kind == "quarter":
            quarter = (self.start.month - 1) // 3 + 1
            return f"Q{quarter} {self.year}" if en else f"quý {_ROMAN[quarter - 1]} năm {self.year}"
        if self.kind == "half":
            first = self.start.month == 1
            if en:
                return f"{'first' if first else 'second'} half of {self.year}"
            return f"6 tháng {'đầu' if first else 'cuối'} năm {self.year}"
        return str(self.year) if en else f"năm {self.year}"


def parse_period(text: str | None, year: int) -> Period:
    """Validate a period and check it lies in the report's year; None means the whole year."""
    raw = (text or str(year)).strip().upper()
    match = re.fullmatch(r"(\d{4})(?:-(?:(\d{1,2})|Q([1-4])|H([12])))?", raw)
    if not match:
        raise ValidationError("period_invalid", value=text)
    p_year = int(match.group(1))
    if p_year != year:
        raise ValidationError("period_year_mismatch", value=text, year=year)
    if match.group(2):
        month = int(match.group(2))
        if not 1 <= month <= 12:
            raise ValidationError("period_invalid", value=text)
        end = date(year, month, calendar.monthrange(year, month)[1])
        return Period(f"{year}-{month:02d}", year, date(year, month, 1), end, "month")
    if match.group(3):
        quarter = int(match.group(3))
        first = 3 * quarter - 2
        end = date(year, first + 2, calendar.monthrange(year, first + 2)[1])
        return Period(f"{year}-Q{quarter}", year, date(year, first, 1), end, "quarter")
    if match.group(4):
        half = int(match.group(4))
        start, end = (date(year, 1, 1), date(year, 6, 30)) if half == 1 else \
            (date(year, 7, 1), date(year, 12, 31))
        return Period(f"{year}-H{half}", year, start, end, "half")
    return Period(str(year), year, date(year, 1, 1), date(year, 12, 31), "year")


def following(period: Period) -> Period:
    """The period of the same kind that comes next (the year after a year)."""
    from datetime import timedelta

    day = period.end + timedelta(days=1)
    if period.kind == "month":
        code = f"{day.year}-{day.month:02d}"
    elif period.kind == "quarter":
        code = f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    elif period.kind == "half":
        code = f"{day.year}-H{1 if day.month < 7 else 2}"
    else:
        code = str(day.year)
    return parse_period(code, day.year)
