"""Criteria sets as data: read a YAML file, validate it, install it into the database.

The shipped An Giang 2021–2025 set keeps its provenance fields (confidence, basis,
source) so the app can show which wordings and thresholds are unverified.
"""
from __future__ import annotations

import json
import re
from contextvars import ContextVar
from dataclasses import field
from pathlib import Path
from typing import Any

from db import rules
from db.errors import ValidationError
from db.catalogues import SHIPPED
from db.dataclass_lite import dataclass
from db.models import (
    CriteriaSet, Criterion, CriterionGroup, Indicator, IndicatorPart, IndicatorThreshold,
    IndicatorVersion, database,
)
from db.text import MAX_SHORT, MAX_TEXT, clean, fold

DEFAULT_CATALOGUE = "an-giang-2021-2025"
SHIPPED_CATALOGUES = SHIPPED  # every shipped set, oldest first
PROVENANCE_KEYS = ("confidence", "target_confidence", "basis", "source", "note")
# The spreadsheet says them in words (the officer fills it in Excel); either form is read back.
CONFIDENCE_WORDS = {"high": "cao", "medium": "trung bình", "low": "thấp"}
BASIS_WORDS = {"read": "đọc từ văn bản", "brief": "theo tóm tắt", "plan": "theo kế hoạch của xã",
               "recall": "nhớ lại, cần đối chiếu", "unknown": "chưa có văn bản gốc"}
SHEET_WORDS = {"confidence": CONFIDENCE_WORDS, "target_confidence": CONFIDENCE_WORDS,
               "basis": BASIS_WORDS}


def _from_words(key: str, text: str) -> str:
    """A provenance cell as stored: "thấp" → "low"; a stored code or other text stays."""
    words = SHEET_WORDS.get(key)
    if not words or not text:
        return text
    return next((code for code, word in words.items() if fold(word) == fold(text)), text)
# Kinds as the officer may write them in a spreadsheet (folded) → the stored code.
KIND_LABELS = {rules.YESNO: "Đạt/Không đạt", rules.ABSENCE: "Không có",
               rules.PERCENT: "Tỷ lệ", rules.AMOUNT: "Số lượng", rules.COMPOUND: "Nhiều phần",
               rules.INPUT: "Số liệu"}
KIND_ALIASES = {fold(label): kind for kind, label in KIND_LABELS.items()}


def default_catalogue_path(code: str = DEFAULT_CATALOGUE) -> Path:
    from importlib import resources  # deferred: pulls in tempfile, shutil, zipfile

    return Path(str(resources.files("db.catalogues").joinpath(f"{code}.yaml")))


@dataclass
class IndicatorSpec:
    code: str
    content: str
    kind: str
    op: str
    threshold: float | None
    unit: str | None
    thresholds: list[dict] = field(default_factory=list)  # per year / commune group
    provenance: dict[str, str] = field(default_factory=dict)
    parts: list[dict] = field(default_factory=list)  # compound: IndicatorPart fields
    versions: list[dict] = field(default_factory=list)  # IndicatorVersion fields + "parts"


@dataclass
class CriterionSpec:
    code: str
    name: str
    group: str | None
    responsible: str
    note: str
    indicators: list[IndicatorSpec]


@dataclass
class CatalogueSpec:
    code: str
    name: str
    period_start: int
    period_end: int
    level: str
    national_decision: str
    provincial_decision: str
    region: str
    groups: list[tuple[str, str]]
    criteria: list[CriterionSpec]
    meta: dict[str, Any]

    @property
    def indicator_count(self) -> int:
        return sum(len(c.indicators) for c in self.criteria)


# Rows of a spreadsheet that could not be read: reported with the problems parse_catalogue
# finds in the rows that could, in one message (a context variable: threads do not share it).
ROW_ERRORS: ContextVar[list] = ContextVar("catalogue_row_errors", default=[])


def _invalid(where: str, problem: str) -> ValidationError:
    return ValidationError("catalogue_invalid", where=where, problem=problem)


class Located(dict):
    """A mapping that remembers where it was read (YAML line, spreadsheet row), so a
    validation message can send the officer to the right place."""

    where = ""


def _at(raw: Any, fallback: str) -> str:
    return getattr(raw, "where", "") or fallback


def _mapping(raw: Any, where: str, what: str) -> dict:
    if not isinstance(raw, dict):
        raise _invalid(where, f"{what} phải là một bảng (khóa: giá trị)")
    return raw


def _line_loader():
    import yaml

    # The libyaml parser when present: the shipped set loads several times faster.
    class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
        pass

    def construct(loader, node):
        mapping = Located(loader.construct_mapping(node, deep=True))
        mapping.where = f"dòng {node.start_mark.line + 1}"
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct)
    return LineLoader


def _text(value: Any) -> str:
    return clean("" if value is None else str(value))


def _responsible(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("an_giang") or value.get("province") or value.get("national"))
    return _text(value)


MAX_FILE_BYTES = 5 * 2 ** 20  # a criteria set is some 50 KB as YAML, some 30 KB as .xlsx
MAX_NODES = 200_000  # values in the document once aliases are expanded (the shipped set: ~5 000)


def read_capped(path: Path) -> bytes:
    """The file's bytes, refused beyond MAX_FILE_BYTES (before reading them all)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError:
        raise ValidationError("catalogue_unreadable", path=path) from None
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError("catalogue_too_big", path=path, limit=MAX_FILE_BYTES // 2 ** 20)
    return data


def _expanded_size(node, sizes: dict[int, int]) -> int:
    """How many values `node` stands for once every alias is expanded; each node is counted
    once (memoised), so an alias bomb is measured in linear time without expanding it."""
    known = sizes.get(id(node))
    if known is not None:
        return known
    sizes[id(node)] = MAX_NODES + 1  # a node inside itself (recursive alias): over the budget
    value = node.value
    total = 1
    if isinstance(value, list):
        for item in value:
            for part in (item if isinstance(item, tuple) else (item,)):
                total += _expanded_size(part, sizes)
                if total > MAX_NODES:
                    break
    sizes[id(node)] = total
    return total


def _load_bounded(text: str, path: Path) -> Any:
    """yaml.load with the composed document measured before it is built into Python values:
    aliases (*name) beyond the budget are refused (a 1 KB "billion laughs" file otherwise
    expands into gigabytes while the set is checked)."""
    loader = _line_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        if _expanded_size(node, {}) > MAX_NODES:
            raise ValidationError("catalogue_too_big_expanded", path=path, limit=MAX_NODES)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def read_yaml(path: Path) -> dict:
    import yaml  # deferred: only catalogue work needs it

    try:
        text = read_capped(path).decode("utf-8")
    except UnicodeDecodeError:
        raise ValidationError("catalogue_unreadable", path=path) from None
    try:
        data = _load_bounded(text, path)
    except RecursionError:
        raise _invalid(str(path), "lồng nhau quá sâu") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"dòng {mark.line + 1}" if mark else str(path)
        raise _invalid(where, str(getattr(exc, "problem", exc))) from None
    if not isinstance(data, dict):
        raise _invalid(str(path), "không phải một bảng YAML")
    return data



def _period(data: dict, meta: dict, name: str) -> tuple[int, int]:
    period = data.get("period") or meta.get("period")
    if isinstance(period, dict):
        try:
            return int(period["start"]), int(period["end"])
        except (KeyError, TypeError, ValueError):
            raise _invalid(_at(period, "period"), "giai đoạn phải có start và end là năm") from None
    if isinstance(period, str) and re.fullmatch(r"\d{4}\s*[-–]\s*\d{4}", period.strip()):
        start, end = re.split(r"\s*[-–]\s*", period.strip())
        return int(start), int(end)
    years = re.findall(r"(\d{4})\s*[-–]\s*(\d{4})", name)
    if years:
        return int(years[0][0]), int(years[0][1])
    raise _invalid(_at(data, "period"), "thiếu giai đoạn (period: 2021-2025)")


def _threshold_value(value: Any, where: str) -> float | None:
    if value is None or (isinstance(value, str) and value.strip() in ("", "?")):
        return None
    try:
        return rules.parse_number(value)
    except ValidationError:
        raise _invalid(where, f"ngưỡng không phải số: {value}") from None


def _extra_thresholds(raw: dict, key: str, where: str, op: str, unit: str | None,
                      by: str) -> list[dict]:
    table = raw.get(key) or {}
    table = _mapping(table, where, key)
    out = []
    for name, spec in table.items():
        at = _at(spec, where)
        if not isinstance(spec, dict):  # "2025: 62" is short for {value: 62}
            spec = {"value": spec}
        spec_op = _text(spec.get("op")) or op
        if spec_op not in rules.OPS:
            raise _invalid(at, f"phép so sánh không hợp lệ: {spec_op}")
        if by == "year":
            try:
                year, group = rules.parse_year(name), None
            except ValidationError:
                raise _invalid(at, f"năm không hợp lệ: {name}") from None
        else:
            year, group = None, _text(name)
            if not group:
                raise _invalid(at, "thiếu tên nhóm xã")
        out.append({"year": year, "commune_group": group, "op": spec_op,
                    "threshold": _threshold_value(spec.get("value"), at),
                    "unit": _text(spec.get("unit")) or unit or None})
    return out


def _indicator(raw: dict, where: str) -> IndicatorSpec:
    raw = _mapping(raw, where, "chỉ tiêu")
    where = _at(raw, where)
    code = _text(raw.get("code"))
    content = _text(raw.get("content"))
    if not code:
        raise _invalid(where, "chỉ tiêu thiếu mã (code)")
    if not content:
        raise _invalid(f"{where}, chỉ tiêu {code}", "chỉ tiêu thiếu nội dung (content)")
    where = f"{where}, chỉ tiêu {code}"
    target = _mapping(raw.get("target") or {"op": "==", "value": "Đạt"}, where, "target")
    op = _text(target.get("op") or ">=")
    if op not in rules.OPS:
        raise _invalid(where, f"phép so sánh không hợp lệ: {op}")
    value = target.get("value")
    unit = _text(target.get("unit")) or None
    kind = _text(raw.get("kind")) or rules.kind_from_catalogue(op, value, unit)
    kind = KIND_ALIASES.get(fold(kind), kind)
    if kind not in rules.KINDS:
        raise _invalid(where, f"loại chỉ tiêu không hợp lệ: {kind}")
    threshold = None
    if kind in (rules.PERCENT, rules.AMOUNT):
        threshold = _threshold_value(value, where)
    parts = _parts(raw.get("parts"), kind, where)
    if kind == rules.COMPOUND:
        op, unit = "==", None
    thresholds = (_extra_thresholds(raw, "target_by_year_an_giang", where, op, unit, "year")
                  + _extra_thresholds(raw, "target_by_year", where, op, unit, "year")
                  + _extra_thresholds(raw, "target_by_group", where, op, unit, "group"))
    provenance: dict[str, Any] = {key: _text(raw.get(key)) for key in PROVENANCE_KEYS}
    # Absent: not said by the file (replacing a set then keeps the officer's verification).
    provenance["verified"] = _flag(raw["verified"], where) if "verified" in raw else None
    provenance["verified_source"] = _text(raw.get("verified_source"))
    provenance["responsible"] = _responsible(raw.get("responsible"))
    spec = IndicatorSpec(code, content, kind, op, threshold, unit, thresholds, provenance, parts)
    spec.versions = _versions(raw.get("versions"), spec, where)
    return spec


def _parts(raw: Any, kind: str, where: str) -> list[dict]:
    """The measured parts of a compound indicator, each `{key, label, kind, target, when}`."""
    if kind != rules.COMPOUND:
        if raw:
            raise _invalid(where, "chỉ chỉ tiêu loại «compound» (nhiều phần) mới có «parts»")
        return []
    if not isinstance(raw, list) or not raw:
        raise _invalid(where, "chỉ tiêu nhiều phần (compound) cần danh sách «parts»")
    out: list[dict] = []
    for item in raw:
        item = _mapping(item, where, "phần")
        at = _at(item, where)
        key = _text(item.get("key"))
        if not key:
            raise _invalid(at, "phần thiếu khóa (key)")
        if any(fold(key) == fold(p["key"]) for p in out):
            raise _invalid(at, f"khóa phần trùng: {key}")
        target = _mapping(item.get("target") or {}, at, "target")
        unit = _text(target.get("unit") or item.get("unit")) or None
        pkind = _text(item.get("kind")) or (rules.PERCENT if unit == "%" else rules.AMOUNT)
        pkind = KIND_ALIASES.get(fold(pkind), pkind)
        if pkind not in rules.PART_KINDS:
            raise _invalid(at, f"loại phần không hợp lệ: {pkind}")
        op = _text(target.get("op")) or (None if pkind in (rules.INPUT, rules.YESNO) else ">=")
        if op is not None and op not in rules.OPS:
            raise _invalid(at, f"phép so sánh không hợp lệ: {op}")
        part = {"key": key, "label": _text(item.get("label")), "kind": pkind, "op": op,
                "threshold": _threshold_value(target.get("value"), at)
                if pkind in (rules.PERCENT, rules.AMOUNT) else None,
                "unit": unit, "when_part": None, "when_op": None, "when_value": None,
                "when_threshold": None}
        when = item.get("when")
        if when:
            when = _mapping(when, at, "when")
            alt = _mapping(when.get("target") or {}, at, "when.target")
            part.update(when_part=_text(when.get("part")), when_op=_text(when.get("op")) or "<=",
                        when_value=_threshold_value(when.get("value"), at),
                        when_threshold=_threshold_value(alt.get("value"), at))
            if part["when_op"] not in rules.OPS or part["when_value"] is None:
                raise _invalid(at, "điều kiện «when» cần part, op và value")
        out.append(part)
    keys = {fold(p["key"]) for p in out}
    for part in out:
        if part["when_part"] and fold(part["when_part"]) not in keys:
            raise _invalid(where, f"điều kiện của phần {part['key']} nói đến phần không có: "
                                  f"{part['when_part']}")
        if part["when_part"]:
            part["when_part"] = next(p["key"] for p in out if fold(p["key"]) == fold(part["when_part"]))
    if all(p["kind"] == rules.INPUT for p in out):
        raise _invalid(where, "chỉ tiêu nhiều phần cần ít nhất một phần có ngưỡng")
    return out


def _versions(raw: Any, base: IndicatorSpec, where: str) -> list[dict]:
    """Amendments: `[{from: 2024-03-01, content, kind, target, parts, source, note}]`; what a
    version leaves out it keeps from the indicator."""
    if not raw:
        return []
    if not isinstance(raw, list):
        raise _invalid(where, "«versions» phải là một danh sách")
    out: list[dict] = []
    for item in raw:
        item = _mapping(item, where, "phiên bản")
        at = _at(item, where)
        try:
            valid_from = rules.parse_date(item.get("from") if item.get("from") is not None else "")
        except ValidationError:
            raise _invalid(at, f"ngày hiệu lực («from») không hợp lệ: {item.get('from')}") from None
        if any(v["valid_from"] == valid_from for v in out):
            raise _invalid(at, f"hai phiên bản cùng ngày {rules.format_date(valid_from)}")
        kind = KIND_ALIASES.get(fold(_text(item.get("kind"))), _text(item.get("kind"))) or base.kind
        if kind not in rules.KINDS:
            raise _invalid(at, f"loại chỉ tiêu không hợp lệ: {kind}")
        if "target" in item:
            target = _mapping(item.get("target") or {}, at, "target")
            op = _text(target.get("op")) or ">="
            threshold, unit = target.get("value"), _text(target.get("unit")) or None
        elif kind == base.kind:
            op, threshold, unit = base.op, base.threshold, base.unit
        else:
            op, threshold, unit = ">=", None, None
        if op not in rules.OPS:
            raise _invalid(at, f"phép so sánh không hợp lệ: {op}")
        if kind in (rules.PERCENT, rules.AMOUNT):
            threshold = _threshold_value(threshold, at)
        else:
            op, threshold, unit = "==", None, None
        if kind == rules.COMPOUND and not item.get("parts") and base.kind == rules.COMPOUND:
            parts = [dict(p) for p in base.parts]
        else:
            parts = _parts(item.get("parts"), kind, at)
        out.append({"valid_from": valid_from, "content": _text(item.get("content")) or base.content,
                    "kind": kind, "op": op, "threshold": threshold, "unit": unit,
                    "source": _text(item.get("source")), "note": _text(item.get("note")),
                    "parts": parts})
    return sorted(out, key=lambda v: v["valid_from"])


def _flag(value: Any, where: str) -> bool:
    if isinstance(value, bool) or value is None or value == "":
        return bool(value)
    if fold(str(value)) in ("khong", "chua"):
        return False
    try:
        return rules.parse_yes_no(str(value))
    except ValidationError:
        raise _invalid(where, f"'verified' phải là có/không: {value}") from None


def _checked_indicator(raw_ind: Any, where: str, ccode: str, siblings: int,
                       seen: set[str]) -> IndicatorSpec:
    spec = _indicator(raw_ind, where)
    at = f"{_at(raw_ind, where)}, chỉ tiêu {spec.code}"
    if spec.code in seen:
        raise _invalid(at, f"mã chỉ tiêu trùng: {spec.code}")
    if siblings > 1 and not spec.code.startswith(ccode + "."):
        raise _invalid(at, f"mã chỉ tiêu {spec.code} không thuộc tiêu chí {ccode}")
    if siblings == 1 and spec.code not in (ccode, ccode + ".1"):
        raise _invalid(at, f"mã chỉ tiêu {spec.code} không thuộc tiêu chí {ccode}")
    if siblings == 1:
        spec.code = ccode  # the plan writes "Chỉ tiêu 11", never "11.1"
    seen.add(spec.code)
    return spec


def parse_catalogue(data: dict, fallback_code: str = DEFAULT_CATALOGUE) -> CatalogueSpec:
    """Validate a catalogue mapping; every problem names where it is (line or row)."""
    meta = _mapping(data.get("meta") or {}, _at(data, "meta"), "meta")
    name = _text(data.get("name") or meta.get("title"))
    code = _text(data.get("code") or meta.get("code") or fallback_code)
    if not name:
        raise _invalid(_at(data, "name"), "thiếu tên bộ tiêu chí")
    start, end = _period(data, meta, name)
    if start > end:
        raise _invalid(_at(data, "period"), f"giai đoạn {start}-{end} ngược")
    # The criteria's sections are "parts" (Phần I–V); files before 2026 called them "groups",
    # a word now kept for the commune groups of the 2026–2030 set: both keys are read.
    raw_groups = (data.get("parts") or data.get("groups") or meta.get("parts")
                  or meta.get("groups") or [])
    groups = []
    for g in raw_groups:
        g = _mapping(g, _at(data, "parts"), "phần")
        groups.append((_text(g.get("code")), _text(g.get("name"))))
        if not groups[-1][0]:
            raise _invalid(_at(g, "parts"), "phần thiếu mã (code)")
    group_codes = {g for g, _ in groups}
    raw_criteria = data.get("criteria")
    if not isinstance(raw_criteria, list) or not raw_criteria:
        raise _invalid(_at(data, "criteria"), "không có tiêu chí nào")
    criteria: list[CriterionSpec] = []
    seen_criteria: set[str] = set()
    seen_indicators: set[str] = set()
    errors: list[ValidationError] = list(ROW_ERRORS.get())  # rows the spreadsheet could not read
    ROW_ERRORS.set([])
    for index, raw in enumerate(raw_criteria, start=1):
        raw = _mapping(raw, f"tiêu chí thứ {index}", "tiêu chí")
        where = _at(raw, f"tiêu chí thứ {index}")
        ccode = _text(raw.get("code"))
        cname = _text(raw.get("name"))
        if not ccode or not cname:
            raise _invalid(where, "thiếu mã hoặc tên tiêu chí")
        if ccode in seen_criteria:
            raise _invalid(where, f"mã tiêu chí trùng: {ccode}")
        seen_criteria.add(ccode)
        where = f"{raw.where}, tiêu chí {ccode}" if getattr(raw, "where", "") else f"tiêu chí {ccode}"
        group = _text(raw.get("part") or raw.get("group")) or None
        if group and group_codes and group not in group_codes:
            raise _invalid(where, f"phần không có: {group}")
        raw_inds = raw.get("indicators") or []
        if not isinstance(raw_inds, list) or not raw_inds:
            raise _invalid(where, "không có chỉ tiêu nào")
        indicators = []
        for raw_ind in raw_inds:
            try:
                indicators.append(_checked_indicator(raw_ind, where, ccode, len(raw_inds),
                                                     seen_indicators))
            except ValidationError as exc:  # every bad indicator is named, not only the first
                errors.append(exc)
        criteria.append(CriterionSpec(ccode, cname, group, _responsible(raw.get("responsible")),
                                      _text(raw.get("note")), indicators))
    raise_all(errors)
    if not groups:  # parts named only on the criteria (a sheet without «Phần»): keep them
        for crit in criteria:
            if crit.group and crit.group not in {g for g, _ in groups}:
                groups.append((crit.group, crit.group))
    spec = CatalogueSpec(
        code=code, name=name, period_start=start, period_end=end,
        level=_text(data.get("level") or meta.get("level") or "commune"),
        national_decision=_text(data.get("national_decision") or meta.get("national_decision")),
        provincial_decision=_text(data.get("provincial_decision") or meta.get("provincial_decision")),
        region=_text(data.get("region") or meta.get("region_column")),
        groups=groups, criteria=criteria, meta=dict(meta),
    )
    # A top-level count wins: an exported file states what it holds now.
    stated = data.get("stated_counts") or meta.get("stated_counts")
    if stated:
        where = _at(stated, "stated_counts")
        stated = _stated_counts(stated, where, len(criteria), spec.indicator_count)
        if len(criteria) != int(stated.get("criteria", len(criteria))):
            raise _invalid(where, f"có {len(criteria)} tiêu chí, khai báo {stated['criteria']}")
        if spec.indicator_count != int(stated.get("indicators", spec.indicator_count)):
            raise _invalid(where, f"có {spec.indicator_count} chỉ tiêu, khai báo {stated['indicators']}")
    _check_lengths(spec)
    return spec


def _check_lengths(spec: CatalogueSpec) -> None:
    """Texts a person would write: names and codes up to MAX_SHORT characters, wording and
    notes up to MAX_TEXT (a 1 MB name made a PDF export run for minutes)."""
    texts = [("code", spec.code, MAX_SHORT), ("name", spec.name, MAX_SHORT)]
    for crit in spec.criteria:
        where = f"tiêu chí {crit.code[:20]}"
        texts += [(where, crit.code, MAX_SHORT), (where, crit.name, MAX_SHORT),
                  (where, crit.responsible, MAX_SHORT), (where, crit.note, MAX_TEXT)]
        for ind in crit.indicators:
            where = f"chỉ tiêu {ind.code[:20]}"
            texts += [(where, ind.code, MAX_SHORT), (where, ind.content, MAX_TEXT),
                      (where, ind.unit or "", MAX_SHORT)]
            texts += [(where, str(v), MAX_TEXT) for v in ind.provenance.values()]
    for where, text, limit in texts:
        if len(text) > limit:
            raise _invalid(where, f"nội dung quá dài ({len(text)} > {limit} ký tự)")


def _stated_counts(raw: Any, where: str, criteria: int, indicators: int) -> dict:
    """`stated_counts` as {criteria: n, indicators: n}, each a whole number if given."""
    raw = _mapping(raw, where, "stated_counts")
    counts = {}
    for key, actual in (("criteria", criteria), ("indicators", indicators)):
        value = raw.get(key, actual)
        if isinstance(value, bool) or not isinstance(value, (int, str)) \
                or not str(value).strip().isdigit() or len(str(value).strip()) > 6:
            raise _invalid(where, f"stated_counts: {key} phải là số nguyên: {value}")
        counts[key] = int(value)
    return counts


def load_catalogue_file(path: Path) -> CatalogueSpec:
    """A YAML file, or a spreadsheet in the form `catalogue_rows` writes (by extension)."""
    path = Path(path)
    fallback = path.stem
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return parse_catalogue(read_xlsx(path), fallback_code=fallback)
    return parse_catalogue(read_yaml(path), fallback_code=fallback)


def install_catalogue(spec: CatalogueSpec) -> CriteriaSet:
    """Write a validated catalogue into the database (one transaction)."""
    with database.atomic():
        cset = CriteriaSet.create(
            code=spec.code, name=spec.name, level=spec.level,
            period_start=spec.period_start, period_end=spec.period_end,
            national_decision=spec.national_decision, provincial_decision=spec.provincial_decision,
            region=spec.region, meta_json=json.dumps(spec.meta, ensure_ascii=False, default=str),
        )
        groups = {}
        for position, (gcode, gname) in enumerate(spec.groups):
            groups[gcode] = CriterionGroup.create(criteria_set=cset, code=gcode, name=gname,
                                                  position=position)
        for cpos, crit in enumerate(spec.criteria):
            criterion = Criterion.create(
                criteria_set=cset, group=groups.get(crit.group), code=crit.code, name=crit.name,
                position=cpos, responsible_sector=crit.responsible, note=crit.note,
            )
            for ipos, ind in enumerate(crit.indicators):
                prov = ind.provenance
                indicator = Indicator.create(
                    criterion=criterion, code=ind.code, content=ind.content, kind=ind.kind,
                    op=ind.op, threshold=ind.threshold, unit=ind.unit,
                    responsible_sector=prov.get("responsible") or crit.responsible,
                    confidence=prov.get("confidence", ""),
                    target_confidence=prov.get("target_confidence", ""),
                    basis=prov.get("basis", ""), source=prov.get("source", ""),
                    note=prov.get("note", ""), verified=bool(prov.get("verified")),
                    verified_source=prov.get("verified_source", ""), position=ipos,
                )
                for extra in ind.thresholds:
                    IndicatorThreshold.create(indicator=indicator, **extra)
                install_definitions(indicator, ind)
    return cset


def install_definitions(indicator: Indicator, spec: IndicatorSpec) -> list:
    """The parts and dated versions of one indicator (rows created, returned in order)."""
    rows: list = []
    for position, part in enumerate(spec.parts):
        rows.append(IndicatorPart.create(indicator=indicator, version=None, position=position, **part))
    for version in spec.versions:
        fields = {k: v for k, v in version.items() if k != "parts"}
        row = IndicatorVersion.create(indicator=indicator, **fields)
        rows.append(row)
        for position, part in enumerate(version["parts"]):
            rows.append(IndicatorPart.create(indicator=indicator, version=row, position=position,
                                             **part))
    return rows


def ensure_default_catalogue() -> CriteriaSet:
    ensure_shipped_catalogues()
    return CriteriaSet.get(CriteriaSet.code == DEFAULT_CATALOGUE)


def ensure_shipped_catalogues() -> list[CriteriaSet]:
    """Install each shipped set the database lacks (a database made before a set shipped gets
    it at its next start). One IMMEDIATE transaction: two sessions starting at once never
    install a set twice."""
    with database.atomic():
        have = {c.code: c for c in CriteriaSet.select().where(CriteriaSet.code.in_(SHIPPED_CATALOGUES))}
        for code in SHIPPED_CATALOGUES:
            if code not in have:
                have[code] = install_catalogue(load_catalogue_file(default_catalogue_path(code)))
    return [have[code] for code in SHIPPED_CATALOGUES]


# --- export: the database → a document shaped like the YAML files --------------------

def _target(kind: str, op: str, threshold: float | None, unit: str | None) -> dict:
    if kind == rules.COMPOUND:
        return {"op": "==", "value": None, "unit": None}
    if kind == rules.YESNO:
        return {"op": "==", "value": "Đạt", "unit": None}
    if kind == rules.ABSENCE:
        return {"op": "==", "value": "Không", "unit": None}
    return {"op": op, "value": _plain_number(threshold), "unit": unit}


def _plain_number(value: float | None) -> float | int | None:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def catalogue_document(cset: CriteriaSet) -> dict:
    """Everything the set holds, in the shape `parse_catalogue` reads back."""
    meta = json.loads(cset.meta_json or "{}")  # kept whole: top-level keys win when read back
    criteria = sorted(Criterion.select().where(Criterion.criteria_set == cset),
                      key=lambda c: (c.position, rules.code_key(c.code)))
    groups = list(CriterionGroup.select().where(CriterionGroup.criteria_set == cset)
                  .order_by(CriterionGroup.position))
    group_codes = {g.id: g.code for g in groups}
    out_criteria = []
    total = 0
    for crit in criteria:
        indicators = sorted(crit.indicators, key=lambda i: (i.position, rules.code_key(i.code)))
        total += len(indicators)
        out_criteria.append({
            "code": crit.code, "name": crit.name, "part": group_codes.get(crit.group_id),
            "responsible": crit.responsible_sector, "note": crit.note,
            "indicators": [_indicator_document(ind) for ind in indicators],
        })
    return {
        "code": cset.code, "name": cset.name, "period": f"{cset.period_start}-{cset.period_end}",
        "level": cset.level, "national_decision": cset.national_decision,
        "provincial_decision": cset.provincial_decision, "region": cset.region,
        "parts": [{"code": g.code, "name": g.name} for g in groups],
        "stated_counts": {"criteria": len(criteria), "indicators": total},
        "meta": meta, "criteria": out_criteria,
    }


def _indicator_document(ind: Indicator) -> dict:
    doc: dict[str, Any] = {"code": ind.code, "content": ind.content, "kind": ind.kind,
                           "target": _target(ind.kind, ind.op, ind.threshold, ind.unit)}
    by_year = {str(t.year): _target(ind.kind, t.op, t.threshold, t.unit)
               for t in ind.thresholds if t.year is not None and t.commune_group is None}
    by_group = {t.commune_group: _target(ind.kind, t.op, t.threshold, t.unit)
                for t in ind.thresholds if t.commune_group is not None}
    if by_year:
        doc["target_by_year"] = dict(sorted(by_year.items()))
    if by_group:
        doc["target_by_group"] = dict(sorted(by_group.items()))
    parts = [p for p in ind.parts if p.version_id is None]
    if ind.kind == rules.COMPOUND:
        del doc["target"]
        doc["parts"] = part_documents(parts)
    versions = sorted(ind.versions, key=lambda v: v.valid_from)
    if versions:
        doc["versions"] = [version_document(v, [p for p in ind.parts if p.version_id == v.id])
                           for v in versions]
    doc["responsible"] = ind.responsible_sector
    doc["verified"] = bool(ind.verified)
    doc["verified_source"] = ind.verified_source
    for key in PROVENANCE_KEYS:
        doc[key] = getattr(ind, key)
    return doc


def part_documents(parts: list) -> list[dict]:
    """IndicatorPart rows (or their field mappings) in the YAML shape `_parts` reads."""
    out = []
    for p in sorted(parts, key=lambda p: _get(p, "position") or 0):
        doc: dict[str, Any] = {"key": _get(p, "key"), "label": _get(p, "label"), "kind": _get(p, "kind")}
        if _get(p, "kind") in (rules.PERCENT, rules.AMOUNT):
            doc["target"] = {"op": _get(p, "op"), "value": _plain_number(_get(p, "threshold")),
                             "unit": _get(p, "unit")}
        elif _get(p, "unit"):
            doc["unit"] = _get(p, "unit")
        if _get(p, "when_part"):
            doc["when"] = {"part": _get(p, "when_part"), "op": _get(p, "when_op"),
                           "value": _plain_number(_get(p, "when_value")),
                           "target": {"op": _get(p, "op"),
                                      "value": _plain_number(_get(p, "when_threshold"))}}
        out.append(doc)
    return out


def _get(row: Any, name: str) -> Any:
    return row.get(name) if isinstance(row, dict) else getattr(row, name)


def version_document(version: IndicatorVersion, parts: list) -> dict:
    doc: dict[str, Any] = {"from": version.valid_from.isoformat(), "content": version.content,
                           "kind": version.kind}
    if version.kind == rules.COMPOUND:
        doc["parts"] = part_documents(parts)
    else:
        doc["target"] = _target(version.kind, version.op, version.threshold, version.unit)
    doc["source"] = version.source
    doc["note"] = version.note
    return doc


def write_yaml(document: dict, path: Path) -> None:
    import yaml  # deferred: only catalogue work needs it

    text = yaml.safe_dump(_plain(document), allow_unicode=True, sort_keys=False, width=100)
    Path(path).write_text(text, encoding="utf-8")


def _plain(value: Any) -> Any:
    """Located mappings kept from a file become plain dicts so safe_dump accepts them."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


# --- per-year / per-group thresholds as one line of text -------------------------------
# "2024: >= 55 triệu đồng/người/năm; 2025: >= 62"  or  "1: >= 90 %; 2: >= 80 %; 3: ?"

# A unit follows the number after a space ("62 triệu đồng"), or is "%": "8x" is a typo, not 8 x.
_THRESHOLD_ITEM = re.compile(r"^\s*([^:]+?)\s*:\s*(>=|<=|==|>|<)?\s*(\?|[-+]?[\d.,]+)?((?:\s*%)|(?:\s+\S.*?))?\s*$")


def format_thresholds(targets: dict[str, dict]) -> str:
    parts = []
    for key, target in targets.items():
        value = target.get("value")
        number = "?" if value is None else rules.format_number(float(value), decimals=4)
        unit = f" {target['unit']}" if target.get("unit") else ""
        parts.append(f"{key}: {target.get('op') or '>='} {number}{unit}")
    return "; ".join(parts)


def parse_thresholds(text: Any, where: str) -> dict[str, dict]:
    """The inverse of `format_thresholds`; a bad item is named in the message."""
    out: dict[str, dict] = {}
    for item in str(text or "").split(";"):
        if not item.strip():
            continue
        match = _THRESHOLD_ITEM.match(item)
        if not match or match.group(3) is None:
            raise _invalid(where, f"ngưỡng không đọc được: «{item.strip()}» "
                                  "(dạng «2025: >= 62 triệu đồng/người/năm; 2026: >= 70»)")
        key, op, value, unit = match.groups()
        out[clean(key)] = {"op": op or ">=", "value": None if value == "?" else
                           _threshold_value(value, where), "unit": clean(unit) or None}
    return out


# --- the spreadsheet form of a criteria set ----------------------------------------------

SHEET_HEADER, SHEET_GROUPS, SHEET_INDICATORS = "Bộ tiêu chí", "Phần", "Chỉ tiêu"
OLD_SHEET_GROUPS = "Nhóm"  # the parts' sheet before 2026, still read
HEADER_FIELDS = [  # key in column A, value in B, explanation in C
    ("code", "Mã bộ tiêu chí"), ("name", "Tên bộ tiêu chí"), ("period", "Giai đoạn (2026-2030)"),
    ("level", "Cấp: commune / advanced / model"), ("national_decision", "Quyết định trung ương"),
    ("provincial_decision", "Quyết định của tỉnh"), ("region", "Vùng / cột áp dụng"),
    ("meta", "Thông tin nguồn gốc (JSON, giữ nguyên)"),
]
INDICATOR_COLUMNS = [  # (key, header)
    ("criterion_code", "Mã tiêu chí"), ("criterion_name", "Tên tiêu chí"), ("group", "Phần"),
    ("criterion_responsible", "Ngành phụ trách tiêu chí"), ("code", "Mã chỉ tiêu"),
    ("content", "Nội dung chỉ tiêu"), ("kind", "Loại"), ("op", "So sánh"),
    ("threshold", "Ngưỡng"), ("unit", "Đơn vị"), ("by_year", "Ngưỡng theo năm"),
    ("by_group", "Ngưỡng theo nhóm xã"), ("responsible", "Ngành phụ trách"),
    ("verified", "Đã xác minh"), ("verified_source", "Nguồn xác minh"),
    ("confidence", "Độ tin cậy nội dung"), ("target_confidence", "Độ tin cậy ngưỡng"),
    ("basis", "Cơ sở"), ("source", "Nguồn"), ("note", "Ghi chú"),
    ("criterion_note", "Ghi chú tiêu chí"),
]
REQUIRED_COLUMNS = ("criterion_code", "criterion_name", "code", "content", "kind")
# Compound indicators' parts, and dated versions (amendments): one row each.
SHEET_PARTS, SHEET_VERSIONS = "Các phần", "Phiên bản"
PART_COLUMNS = [
    ("code", "Mã chỉ tiêu"), ("from", "Từ ngày"), ("key", "Khóa"), ("label", "Mô tả"),
    ("kind", "Loại"), ("op", "So sánh"), ("threshold", "Ngưỡng"), ("unit", "Đơn vị"),
    ("when_part", "Điều kiện: phần"), ("when_op", "Điều kiện: so sánh"),
    ("when_value", "Điều kiện: giá trị"), ("when_threshold", "Ngưỡng khi đủ điều kiện"),
]
VERSION_COLUMNS = [
    ("code", "Mã chỉ tiêu"), ("from", "Từ ngày"), ("content", "Nội dung"), ("kind", "Loại"),
    ("op", "So sánh"), ("threshold", "Ngưỡng"), ("unit", "Đơn vị"), ("source", "Nguồn"),
    ("note", "Ghi chú"),
]


def _part_rows(code: str, valid_from: Any, parts: list[dict]) -> list[list]:
    rows = []
    for part in parts:
        target = part.get("target") or {}
        when = part.get("when") or {}
        values = {"code": code, "from": valid_from, "key": part["key"], "label": part.get("label"),
                  "kind": KIND_LABELS.get(part["kind"], part["kind"]), "op": target.get("op"),
                  "threshold": target.get("value"), "unit": target.get("unit") or part.get("unit"),
                  "when_part": when.get("part"), "when_op": when.get("op"),
                  "when_value": when.get("value"),
                  "when_threshold": (when.get("target") or {}).get("value")}
        rows.append([_cell(values[key]) for key, _ in PART_COLUMNS])
    return rows


def catalogue_extra_rows(document: dict) -> tuple[list[list], list[list]]:
    """The «Các phần» and «Phiên bản» sheets: parts of compound indicators and versions."""
    parts = [[label for _, label in PART_COLUMNS]]
    versions = [[label for _, label in VERSION_COLUMNS]]
    for crit in document["criteria"]:
        for ind in crit["indicators"]:
            parts += _part_rows(ind["code"], None, ind.get("parts") or [])
            for version in ind.get("versions") or []:
                target = version.get("target") or {}
                numeric = version["kind"] in (rules.PERCENT, rules.AMOUNT)
                values = {"code": ind["code"], "from": version["from"], "content": version["content"],
                          "kind": KIND_LABELS[version["kind"]],
                          "op": target.get("op") if numeric else None,
                          "threshold": target.get("value") if numeric else None,
                          "unit": target.get("unit") if numeric else None,
                          "source": version.get("source"), "note": version.get("note")}
                versions.append([_cell(values[key]) for key, _ in VERSION_COLUMNS])
                parts += _part_rows(ind["code"], version["from"], version.get("parts") or [])
    return parts, versions


def _sheet_rows(book, names: dict, title: str, columns: list[tuple[str, str]]):
    """(row number, {key: cell}) for each filled row of an optional sheet."""
    if fold(title) not in names:
        return
    rows = book[names[fold(title)]].iter_rows(values_only=True)
    head = next(rows, None) or ()
    wanted = {fold(label): key for key, label in columns}
    index = {wanted[fold(str(h))]: i for i, h in enumerate(head) if h and fold(str(h)) in wanted}
    for number, row in enumerate(rows, start=2):
        cell = {key: (row[i] if i < len(row) else None) for key, i in index.items()}
        if any(v is not None and str(v).strip() != "" for v in cell.values()):
            yield number, cell


def _sheet_date(value: Any, where: str):
    if value is None or str(value).strip() == "":
        return None
    try:
        return rules.parse_date(value)
    except ValidationError:
        raise _invalid(where, f"ngày không hợp lệ: {value}") from None


def _attach_extra_sheets(book, names: dict, criteria: list[dict]) -> None:
    """Read «Các phần» and «Phiên bản» into the indicators they name (YAML shape)."""
    indicators = {ind["code"]: ind for crit in criteria for ind in crit["indicators"]}

    def owner(cell: dict, where: str) -> dict:
        code = _cell_text(cell.get("code"))
        if code not in indicators:
            raise _invalid(where, f"không có chỉ tiêu {code}")
        return indicators[code]

    for number, cell in _sheet_rows(book, names, SHEET_VERSIONS, VERSION_COLUMNS):
        where = f"trang «{SHEET_VERSIONS}», hàng {number}"
        ind = owner(cell, where)
        when = _sheet_date(cell.get("from"), where)
        if when is None:
            raise _invalid(where, "thiếu ngày hiệu lực («Từ ngày»)")
        version = Located(**{"from": when, "content": _cell_text(cell.get("content")),
                             "kind": _cell_text(cell.get("kind")),
                             "source": _cell_text(cell.get("source")),
                             "note": _cell_text(cell.get("note"))})
        if cell.get("op") or _cell_text(cell.get("threshold")) or cell.get("unit"):
            version["target"] = {"op": _cell_text(cell.get("op")) or ">=",
                                 "value": cell.get("threshold"),
                                 "unit": _cell_text(cell.get("unit")) or None}
        version.where = where
        ind.setdefault("versions", []).append(version)
    for number, cell in _sheet_rows(book, names, SHEET_PARTS, PART_COLUMNS):
        where = f"trang «{SHEET_PARTS}», hàng {number}"
        ind = owner(cell, where)
        when = _sheet_date(cell.get("from"), where)
        part = Located(key=_cell_text(cell.get("key")), label=_cell_text(cell.get("label")),
                       kind=_cell_text(cell.get("kind")))
        if cell.get("op") or _cell_text(cell.get("threshold")):
            part["target"] = {"op": _cell_text(cell.get("op")) or ">=", "value": cell.get("threshold"),
                              "unit": _cell_text(cell.get("unit")) or None}
        elif cell.get("unit"):
            part["unit"] = _cell_text(cell.get("unit"))
        if _cell_text(cell.get("when_part")):
            part["when"] = {"part": _cell_text(cell.get("when_part")),
                            "op": _cell_text(cell.get("when_op")) or "<=",
                            "value": cell.get("when_value"),
                            "target": {"value": cell.get("when_threshold")}}
        part.where = where
        if when is None:
            ind.setdefault("parts", []).append(part)
            continue
        version = next((v for v in ind.get("versions", []) if rules.parse_date(v["from"]) == when), None)
        if version is None:
            raise _invalid(where, f"chỉ tiêu {ind['code']} không có phiên bản từ ngày "
                                  f"{rules.format_date(when)}")
        version.setdefault("parts", []).append(part)


def catalogue_rows(document: dict) -> tuple[list[list], list[list], list[list]]:
    """The three sheets (header, parts, indicators) as rows of cell values."""
    header = [["Khóa", "Giá trị", "Ý nghĩa"]]
    for key, label in HEADER_FIELDS:
        value = document.get(key)
        if key == "meta":
            value = json.dumps(_plain(value or {}), ensure_ascii=False, default=str)
        header.append([key, value, label])
    parts = document.get("parts") or document.get("groups") or []
    groups = [["Mã phần", "Tên phần"]] + [[g["code"], g["name"]] for g in parts]
    rows = [[label for _, label in INDICATOR_COLUMNS]]
    for crit in document["criteria"]:
        for ind in crit["indicators"]:
            target = ind.get("target") or {}
            numeric = ind["kind"] in (rules.PERCENT, rules.AMOUNT)
            values = {
                "criterion_code": crit["code"], "criterion_name": crit["name"],
                "group": crit.get("part") or crit.get("group"),
                "criterion_responsible": crit.get("responsible"),
                "criterion_note": crit.get("note"), "code": ind["code"], "content": ind["content"],
                "kind": KIND_LABELS[ind["kind"]], "op": target["op"] if numeric else None,
                "threshold": target["value"] if numeric else None,
                "unit": target.get("unit") if numeric else None,
                "by_year": format_thresholds(ind.get("target_by_year", {})),
                "by_group": format_thresholds(ind.get("target_by_group", {})),
                "verified": "Có" if ind.get("verified") else "Không",
            }
            for key, words in SHEET_WORDS.items():
                values[key] = words.get(ind.get(key) or "", ind.get(key))
            rows.append([_cell(values[key] if key in values else ind.get(key))
                         for key, _ in INDICATOR_COLUMNS])
    return header, groups, rows


def _cell(value: Any) -> Any:
    """Empty text and None both leave the cell empty; 0 stays 0."""
    return None if value is None or value == "" else value


def _cell_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return _text(value)


def read_xlsx(path: Path) -> dict:
    """Read a criteria set spreadsheet into the document `parse_catalogue` validates;
    every mapping remembers its sheet and row."""
    import io

    from openpyxl import load_workbook  # deferred: only spreadsheet work needs it

    try:
        book = load_workbook(io.BytesIO(read_capped(path)), read_only=True, data_only=True)
    except ValidationError:
        raise
    except Exception:  # openpyxl raises many kinds for a file that is not xlsx
        raise ValidationError("catalogue_unreadable", path=path) from None
    try:
        names = {fold(n): n for n in book.sheetnames}
        for sheet in (SHEET_HEADER, SHEET_INDICATORS):
            if fold(sheet) not in names:
                raise _invalid(str(path), f"thiếu trang «{sheet}»")
        data = Located()
        data.where = f"trang «{SHEET_HEADER}»"
        for number, row in enumerate(book[names[fold(SHEET_HEADER)]].iter_rows(values_only=True),
                                     start=1):
            if number == 1 or not row or row[0] is None:
                continue
            key = _cell_text(row[0])
            value = row[1] if len(row) > 1 else None
            if key == "meta" and value:
                try:
                    value = json.loads(value)
                except ValueError:
                    raise _invalid(f"trang «{SHEET_HEADER}», hàng {number}",
                                   "meta không phải JSON") from None
            data[key] = _cell_text(value) if key != "meta" else value
        parts_sheet = next((s for s in (SHEET_GROUPS, OLD_SHEET_GROUPS) if fold(s) in names), None)
        if parts_sheet:
            groups = []
            for number, row in enumerate(book[names[fold(parts_sheet)]].iter_rows(values_only=True),
                                         start=1):
                if number == 1 or not row or row[0] is None:
                    continue
                group = Located(code=_cell_text(row[0]), name=_cell_text(row[1] if len(row) > 1 else ""))
                group.where = f"trang «{parts_sheet}», hàng {number}"
                groups.append(group)
            data["parts"] = groups
        data["criteria"] = _criteria_from_rows(book[names[fold(SHEET_INDICATORS)]])
        _attach_extra_sheets(book, names, data["criteria"])
    except ValidationError:
        raise
    except Exception:  # damaged XML in the archive: openpyxl parses a sheet only as it is read
        raise ValidationError("catalogue_unreadable", path=path) from None
    finally:
        book.close()
    return data


def _criteria_from_rows(sheet) -> list[dict]:
    rows = sheet.iter_rows(values_only=True)
    head = next(rows, None) or ()
    wanted = {fold(label): key for key, label in INDICATOR_COLUMNS}
    wanted.update({key: key for key, _ in INDICATOR_COLUMNS})  # machine keys work too
    wanted[fold(OLD_SHEET_GROUPS)] = "group"  # the parts' column was «Nhóm» before 2026
    columns = {wanted[fold(str(h))]: i for i, h in enumerate(head) if h and fold(str(h)) in wanted}
    labels = dict(INDICATOR_COLUMNS)
    for key in REQUIRED_COLUMNS:
        if key not in columns:
            raise _invalid(f"trang «{SHEET_INDICATORS}», hàng 1", f"thiếu cột «{labels[key]}»")
    criteria: dict[str, Located] = {}
    errors: list[ValidationError] = []
    for number, row in enumerate(rows, start=2):
        cell = {key: (row[i] if i < len(row) else None) for key, i in columns.items()}
        if all(v is None or str(v).strip() == "" for v in cell.values()):
            continue
        try:
            _criterion_row(criteria, cell, number)
        except ValidationError as exc:  # every bad row is named, not only the first
            errors.append(exc)
    if errors:  # said together with what parse_catalogue finds in the other rows
        ROW_ERRORS.set(errors)
    return list(criteria.values())


def _row_of(error: ValidationError) -> int:
    found = re.search(r"hàng (\d+)", str(error.params.get("where", "")))
    return int(found.group(1)) if found else 0


def raise_all(errors: list[ValidationError]) -> None:
    """One problem: its own message; several, in the order of the rows: each named on its
    line (at most 20)."""
    errors = sorted(errors, key=_row_of)
    if len(errors) == 1:
        raise errors[0]
    if errors:
        lines = [f"- {e.params.get('where', '')}: {e.params.get('problem', e.message())}"
                 for e in errors[:20]]
        if len(errors) > 20:
            lines.append(f"- … {len(errors) - 20}")
        raise ValidationError("catalogue_invalid_rows", count=len(errors), rows="\n".join(lines))


def _criterion_row(criteria: dict[str, Located], cell: dict, number: int) -> None:
    """One row of «Chỉ tiêu»: its criterion (the first row of it names it) and its indicator."""
    where = f"trang «{SHEET_INDICATORS}», hàng {number}"
    ccode = _cell_text(cell.get("criterion_code"))
    if not ccode:
        raise _invalid(where, "thiếu mã tiêu chí")
    crit = criteria.get(ccode)
    if crit is None:
        crit = criteria[ccode] = Located(
            code=ccode, name=_cell_text(cell.get("criterion_name")),
            part=_cell_text(cell.get("group")) or None,
            responsible=_cell_text(cell.get("criterion_responsible")),
            note=_cell_text(cell.get("criterion_note")), indicators=[])
        crit.where = where
    elif _cell_text(cell.get("criterion_name")) not in ("", crit["name"]):
        raise _invalid(where, f"tên tiêu chí {ccode} khác với hàng trước: "
                              f"«{_cell_text(cell.get('criterion_name'))}»")
    kind = _cell_text(cell.get("kind"))
    ind = Located(code=_cell_text(cell.get("code")), content=_cell_text(cell.get("content")),
                  kind=KIND_ALIASES.get(fold(kind), kind),
                  target={"op": _cell_text(cell.get("op")) or ">=",
                          "value": cell.get("threshold"),
                          "unit": _cell_text(cell.get("unit")) or None},
                  target_by_year=parse_thresholds(cell.get("by_year"), where),
                  target_by_group=parse_thresholds(cell.get("by_group"), where),
                  responsible=_cell_text(cell.get("responsible")),
                  verified=_cell_text(cell.get("verified")),
                  verified_source=_cell_text(cell.get("verified_source")))
    for key in PROVENANCE_KEYS:
        ind[key] = _from_words(key, _cell_text(cell.get(key)))
    if ind["kind"] in (rules.YESNO, rules.ABSENCE):
        if _cell_text(cell.get("threshold")):
            raise _invalid(f"{where}, chỉ tiêu {ind['code']}",
                           f"loại «{KIND_LABELS[ind['kind']]}» không có ngưỡng số")
        ind["target"] = _target(ind["kind"], "==", None, None)
    ind.where = where
    crit["indicators"].append(ind)
