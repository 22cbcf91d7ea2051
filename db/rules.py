"""Domain rules as pure functions: parsing Vietnamese input, evaluating targets, counting.

Nothing here touches the database, so every rule is unit-tested on plain values.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping  # not typing: 2 ms of every command
from datetime import date, datetime

from db.dataclass_lite import dataclass
from db.errors import ValidationError
from db.text import fold

MET, NOT_MET, NA, UNASSESSED = "met", "not_met", "na", "unassessed"
STATUSES = (MET, NOT_MET, NA, UNASSESSED)

# Indicator kinds: a yes/no requirement, an absence ("Không" temporary houses),
# a percentage and any other amount (income, m²/person).
YESNO, ABSENCE, PERCENT, AMOUNT = "yesno", "absence", "percent", "amount"
# Several measured parts decided together (criterion 5: schools; 12.1: men and women each).
COMPOUND = "compound"
KINDS = (YESNO, ABSENCE, PERCENT, AMOUNT, COMPOUND)
OPS = (">=", "<=", "==", ">", "<")

_YES = {"dat", "co", "yes", "y", "true", "1", "x", "met"}
_NO = {"khong dat", "chua dat", "khong", "no", "n", "false", "0", "not met", "chua"}  # "không": the message offers it


def parse_number(text: str | float | int) -> float:
    """Read "72,5", "72.5", "1.234,5", "95 %" as floats; raise ValidationError otherwise."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        if math.isfinite(text):
            return float(text)
        raise ValidationError("value_not_number", value=text)
    raw = str(text).strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if "," in raw and "." in raw:
        # The later separator is the decimal one: "1.234,5" and "1,234.5".
        if raw.rfind(",") > raw.rfind("."):
            raw = raw.replace(".", "").replace(",", ".")
        else:
            raw = raw.replace(",", "")
    elif "," in raw:
        if raw.count(",") > 1:
            raise ValidationError("value_not_number", value=text)
        raw = raw.replace(",", ".")
    elif raw.count(".") > 1:
        raw = raw.replace(".", "")  # "1.234.567": thousands separators
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", raw):
        raise ValidationError("value_not_number", value=text)
    number = float(raw)
    if not math.isfinite(number):  # 400 nines are "inf" as a float
        raise ValidationError("value_not_number", value=text)
    return number


def parse_yes_no(text: str) -> bool:
    key = fold(text).strip()
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValidationError("value_not_yesno", value=text)


FIRST_YEAR, LAST_YEAR = 1900, 2200  # dates and years a commune's records can carry
_DATE_FORMATS = ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")


def parse_date(text: str | date) -> date:
    """Accept dd/mm/yyyy (d/m/yyyy too) and yyyy-mm-dd."""
    if isinstance(text, datetime):
        return text.date()
    if isinstance(text, date):
        return text
    raw = str(text).strip()
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
        if not FIRST_YEAR <= parsed.year <= LAST_YEAR:  # year 1 or 9999 is a typing slip
            raise ValidationError("date_out_of_range", value=text, low=FIRST_YEAR, high=LAST_YEAR)
        return parsed
    raise ValidationError("date_invalid", value=text)


def parse_year(text: str | int) -> int:
    try:
        year = int(str(text).strip())
    except ValueError:
        raise ValidationError("year_invalid", value=text) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError("year_invalid", value=text)
    return year


def format_number(value: float | None, decimals: int = 2, thousands: bool = False) -> str:
    """Vietnamese decimal comma, trailing zeros dropped: 72.5 → "72,5". `thousands` groups the
    digits with dots for reading ("1.234.567,5"); text that is read back (form fields, stored
    values, files) stays ungrouped, as "1.234" alone would read as one point two three four."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    if "." in text:  # only decimals lose their trailing zeros: 10 stays "10"
        text = text.rstrip("0").rstrip(".")
    text = ("0" if text == "-0" else text).replace(".", ",")
    return group_thousands(text) if thousands else text


def group_thousands(text: str | None) -> str:
    """A number as stored ("1234567,5") as it is printed: "1.234.567,5". Any other text
    (Đạt, a date, a number already grouped) is returned unchanged."""
    if not text or not re.fullmatch(r"-?\d+(,\d+)?", text):
        return text or ""
    sign, digits = ("-", text[1:]) if text.startswith("-") else ("", text)
    whole, _, decimals = digits.partition(",")
    groups = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:]] + groups
    return sign + ".".join([whole] + groups) + ("," + decimals if decimals else "")


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


@dataclass(frozen=True)
class Target:
    kind: str
    op: str
    threshold: float | None  # numeric kinds; None = unknown, result set by hand
    unit: str | None = None
    parts: tuple[Part, ...] = ()  # COMPOUND only

    def describe(self, lang: str = "vi") -> str:
        if self.kind == COMPOUND:
            return describe_parts(self.parts, lang)
        if self.kind == YESNO:
            return "Đạt" if lang == "vi" else "Met"
        if self.kind == ABSENCE:
            return "Không" if lang == "vi" else "None"
        if self.threshold is None:
            return f"{self.op} ?" + (f" {self.unit}" if self.unit else "")
        unit = self.unit or ""
        sep = "" if unit == "%" else " "
        return f"{self.op} {format_number(self.threshold, thousands=True)}{sep}{unit}".rstrip()


def kind_from_catalogue(op: str, value: object, unit: str | None) -> str:
    if isinstance(value, str) and fold(value) in ("khong", "dat", "co"):
        return ABSENCE if fold(value) == "khong" else YESNO
    if value is None and unit is None and op == "==":
        return YESNO
    return PERCENT if unit == "%" else AMOUNT


def evaluate(target: Target, value: str | float | None) -> str | None:
    """Result of a measured value against the target: MET, NOT_MET, or None when the
    threshold is unknown (the officer then sets the result by hand)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if target.kind == COMPOUND:
        return evaluate_parts(target.parts, parse_parts(target.parts, str(value)))
    if target.kind == YESNO:
        return MET if parse_yes_no(str(value)) else NOT_MET
    if target.kind == ABSENCE:
        key = fold(str(value))
        if key in ("khong", "none", "0", "khong co"):
            return MET
        if key in ("co",):
            return NOT_MET
        return MET if parse_number(value) == 0 else NOT_MET
    number = parse_number(value)
    if target.threshold is None:
        return None
    return MET if compare(number, target.op, target.threshold) else NOT_MET


THOUSANDS_DOT = re.compile(r"\s*[+-]?\d{1,3}(\.\d{3})+\s*")


def read_amount(target: Target, text: str) -> str:
    """An amount typed "1.234" means one thousand two hundred and thirty-four (the Vietnamese
    thousands dot), not 1,234; percentages keep "72.5" as a decimal."""
    if target.kind == AMOUNT and THOUSANDS_DOT.fullmatch(text):
        return text.replace(".", "")
    return text


def contradicts(target: Target, value: str | None, status: str) -> bool:
    """A result set by hand against its own value ("Đạt" at 65 against >= 70 %): the value
    says the other thing. False when the value cannot be read against the target."""
    if status not in (MET, NOT_MET):
        return False
    try:
        evaluated = evaluate(target, value)
    except (ValidationError, ValueError):
        return False
    return evaluated is not None and evaluated != status


def compare(number: float, op: str, threshold: float) -> bool:
    eps = 1e-9
    if op == ">=":
        return number >= threshold - eps
    if op == "<=":
        return number <= threshold + eps
    if op == ">":
        return number > threshold + eps
    if op == "<":
        return number < threshold - eps
    if op == "==":
        return abs(number - threshold) <= eps
    raise ValidationError("choice_invalid", field="op", value=op)


def ratio(numerator: float, denominator: float) -> float:
    if denominator <= 0:
        raise ValidationError("denominator_zero")
    return numerator / denominator * 100.0


MAX_AMOUNT = 1e12  # larger than any amount a commune reports (VND per person, m², households)


def value_range(target: Target) -> tuple[float, float]:
    """What a person would accept for this kind: a share 0–100 % (more only when the target
    itself is above 100 %), a count or amount from 0 up to MAX_AMOUNT."""
    if target.kind == PERCENT:
        if target.threshold is not None and target.threshold > 100:
            return 0.0, 10.0 * target.threshold
        return 0.0, 100.0
    return 0.0, MAX_AMOUNT


def check_range(target: Target, number: float, text: object) -> float:
    low, high = value_range(target)
    if not low <= number <= high:
        unit = "%" if target.kind == PERCENT else ""
        raise ValidationError("value_out_of_range", value=text, low=format_number(low),
                              high=format_number(high), unit=unit)
    return number


def display_number(number: float, target: Target, decimals: int = 4) -> str:
    """`number` rounded for display, with more decimals when rounding would show a value that
    compares differently with the target (99,9999 % is never shown as 100 against >= 100 %)."""
    text = format_number(number, decimals)
    if target.threshold is None or target.kind not in (PERCENT, AMOUNT):
        return text
    exact = compare(number, target.op, target.threshold)
    while decimals < 12 and compare(parse_number(text), target.op, target.threshold) != exact:
        decimals += 2
        text = format_number(number, decimals)
    return text


def normalise_value(target: Target, value: str, decimals: int = 4) -> str:
    """The value as stored: numbers in canonical form, yes/no as Đạt/Không đạt."""
    if target.kind == COMPOUND:
        return format_parts(target.parts, parse_parts(target.parts, value))
    if target.kind == YESNO:
        return "Đạt" if parse_yes_no(value) else "Không đạt"
    if target.kind == ABSENCE and fold(value) in ("khong", "none", "khong co"):
        return "Không"
    if target.kind == ABSENCE and fold(value) == "co":
        return "Có"
    number = check_range(target, parse_number(value), value)
    return display_number(number, target, decimals)


def code_key(code: str) -> tuple:
    """Numeric sort key: "17.2" before "17.10", "2" before "11", Roman groups as text."""
    parts = []
    for part in str(code).split("."):
        parts.append((0, int(part), "") if part.isdigit() else (1, 0, part))
    return tuple(parts)


def criterion_status(statuses: Iterable[str]) -> str:
    """A criterion is met only when every applicable indicator is met."""
    applicable = [s for s in statuses if s != NA]
    if not applicable:
        return NA
    return MET if all(s == MET for s in applicable) else NOT_MET


@dataclass(frozen=True)
class Counts:
    criteria_met: int
    criteria_total: int
    indicators_met: int
    indicators_total: int

    def text(self, lang: str = "vi") -> str:
        if lang == "en":
            return (f"{self.criteria_met}/{self.criteria_total} criteria, "
                    f"{self.indicators_met}/{self.indicators_total} indicators")
        return (f"{self.criteria_met}/{self.criteria_total} tiêu chí, "
                f"{self.indicators_met}/{self.indicators_total} chỉ tiêu")


def count(statuses_by_criterion: Mapping[str, Mapping[str, str]]) -> Counts:
    """statuses_by_criterion: criterion code → {indicator code → status}.

    A not-applicable indicator counts as met: the plan's "y/57" always has the whole set
    as denominator, and an inapplicable indicator stands in the way of nothing."""
    crit_met = ind_met = ind_total = 0
    for indicators in statuses_by_criterion.values():
        ind_total += len(indicators)
        ind_met += sum(1 for s in indicators.values() if s in (MET, NA))
        if criterion_status(indicators.values()) in (MET, NA):
            crit_met += 1
    return Counts(crit_met, len(statuses_by_criterion), ind_met, ind_total)


def _projected(start: Mapping[str, Mapping[str, str]], targeted: set[str]) -> dict[str, dict[str, str]]:
    return {crit: {code: (MET if code in targeted else status) for code, status in indicators.items()}
            for crit, indicators in start.items()}


def target_counts(start: Mapping[str, Mapping[str, str]],
                  targeted_indicators: Iterable[str]) -> Counts:
    """The year's target: what was met at the start of the year plus what the plan targets.

    Computed, never typed: a targeted indicator counts as met, and a criterion counts as
    reached only when every applicable indicator of it is met or targeted."""
    return count(_projected(start, set(targeted_indicators)))


def newly_reached(start: Mapping[str, Mapping[str, str]],
                  targeted_indicators: Iterable[str]) -> tuple[list[str], list[str]]:
    """The plan's "hoàn thành thêm": (criteria, indicators) not met at the start of the year
    that the targets make met, in the order of `start`."""
    targeted = set(targeted_indicators)
    projected = _projected(start, targeted)
    criteria = [crit for crit, indicators in start.items()
                if criterion_status(indicators.values()) not in (MET, NA)
                and criterion_status(projected[crit].values()) in (MET, NA)]
    indicators = [code for statuses in start.values() for code, status in statuses.items()
                  if code in targeted and status not in (MET, NA)]
    return criteria, indicators


def carry_forward(previous: Mapping[str, str]) -> dict[str, str]:
    """A new year starts from last year's results ("duy trì, nâng chất")."""
    return dict(previous)


# --- compound indicators: several measured parts, decided from all of them ------------------
# Stored as one value, "nam: 72,5; nữ: 68", in the order of the parts; a part's key is matched
# with accents and case folded, so `nu=68` fills «nữ».

INPUT = "input"  # a part that is measured but has no target of its own (e.g. the number of schools)
PART_KINDS = (PERCENT, AMOUNT, YESNO, INPUT)


@dataclass(frozen=True)
class Part:
    key: str
    label: str
    kind: str  # PART_KINDS
    op: str | None = None
    threshold: float | None = None  # None: unknown (the result is then set by hand)
    unit: str | None = None
    # (part key, op, value, threshold): this threshold applies instead when the other part's
    # value compares so, e.g. level 1 ≥ 50 % when the commune has 3 schools or fewer.
    when: tuple[str, str, float, float | None] | None = None

    def describe(self, lang: str = "vi") -> str:
        if self.kind == INPUT:
            return f"{self.key} ({self.unit})" if self.unit else self.key
        if self.kind == YESNO:
            return f"{self.key}: {'Đạt' if lang == 'vi' else 'Met'}"
        text = f"{self.key} {Target(self.kind, self.op or '>=', self.threshold, self.unit).describe(lang)}"
        if self.when:
            other, op, value, threshold = self.when
            alt = Target(self.kind, self.op or ">=", threshold, self.unit).describe(lang)
            word = "khi" if lang == "vi" else "when"
            text += f" ({alt} {word} {other} {op} {format_number(value)})"
        return text


def describe_parts(parts: Iterable[Part], lang: str = "vi") -> str:
    return "; ".join(p.describe(lang) for p in parts if p.kind != INPUT) or "?"


def part_by_key(parts: Iterable[Part], key: str) -> Part | None:
    wanted = fold(str(key)).strip()
    return next((p for p in parts if fold(p.key) == wanted), None)


_PART_ITEM = re.compile(r"^\s*([^:=]+?)\s*[:=]\s*(.*?)\s*$")


def parse_parts(parts: tuple[Part, ...], text: str | Mapping[str, object]) -> dict[str, object]:
    """"nam: 72,5; nữ: 68" (or a mapping key → value) → {part key: float or bool}. An unknown
    key, a repeated one or a value of the wrong kind raises ValidationError."""
    items: list[tuple[str, object]] = []
    if isinstance(text, Mapping):
        items = list(text.items())
    else:
        for chunk in str(text).split(";"):
            if not chunk.strip():
                continue
            match = _PART_ITEM.match(chunk)
            if not match:
                raise ValidationError("part_invalid", value=chunk.strip(),
                                      keys=", ".join(p.key for p in parts))
            items.append((match.group(1), match.group(2)))
    out: dict[str, object] = {}
    for key, raw in items:
        part = part_by_key(parts, key)
        if part is None:
            raise ValidationError("part_invalid", value=str(key).strip(),
                                  keys=", ".join(p.key for p in parts))
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue  # an empty part leaves it unknown
        if part.kind == YESNO:  # "không" alone is a no here (it is an amount elsewhere)
            out[part.key] = False if fold(str(raw)).strip() == "khong" else parse_yes_no(str(raw))
        else:
            out[part.key] = parse_number(raw)
    return out


def format_parts(parts: tuple[Part, ...], values: Mapping[str, object]) -> str:
    """The stored form, parts in their order: "nam: 72,5; nữ: 68"."""
    shown = []
    for part in parts:
        if part.key not in values:
            continue
        value = values[part.key]
        text = ("Đạt" if value else "Không đạt") if part.kind == YESNO \
            else format_number(float(value), decimals=4)  # type: ignore[arg-type]
        shown.append(f"{part.key}: {text}")
    return "; ".join(shown)


def part_threshold(part: Part, values: Mapping[str, object]) -> tuple[float | None, bool]:
    """The threshold that applies to a part and whether it is settled: a conditional threshold
    needs the other part's value, unless both thresholds would decide alike."""
    if not part.when:
        return part.threshold, True
    other, op, value, alt = part.when
    if other in values:
        return (alt if compare(float(values[other]), op, value) else part.threshold), True  # type: ignore[arg-type]
    return part.threshold, False


def evaluate_parts(parts: tuple[Part, ...], values: Mapping[str, object]) -> str | None:
    """MET when every part with a target meets it, NOT_MET as soon as one does not, None while
    a part is missing or its threshold unknown (the officer then sets the result by hand)."""
    outcome = MET
    for part in parts:
        if part.kind == INPUT:
            continue
        if part.key not in values:
            outcome = None if outcome == MET else outcome
            continue
        value = values[part.key]
        if part.kind == YESNO:
            met = bool(value)
        else:
            threshold, settled = part_threshold(part, values)
            candidates = [threshold] if settled else [part.threshold, part.when[3]]  # type: ignore[index]
            if any(t is None for t in candidates):
                outcome = None if outcome == MET else outcome
                continue
            results = {compare(float(value), part.op or ">=", t) for t in candidates}  # type: ignore[arg-type]
            if len(results) > 1:  # depends on the part not given yet
                outcome = None if outcome == MET else outcome
                continue
            met = results.pop()
        if not met:
            outcome = NOT_MET
    return outcome
