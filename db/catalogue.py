"""Criteria sets as data: read a YAML file, validate it, install it into the database.

The shipped An Giang 2021–2025 set keeps its provenance fields (confidence, basis,
source) so the app can show which wordings and thresholds are unverified.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from db import rules
from db.errors import ValidationError
from db.models import (
    CriteriaSet, Criterion, CriterionGroup, Indicator, IndicatorThreshold, database,
)
from db.text import MAX_SHORT, MAX_TEXT, clean, fold

DEFAULT_CATALOGUE = "an-giang-2021-2025"
PROVENANCE_KEYS = ("confidence", "target_confidence", "basis", "source", "note")
# Kinds as the officer may write them in a spreadsheet (folded) → the stored code.
KIND_LABELS = {rules.YESNO: "Đạt/Không đạt", rules.ABSENCE: "Không có",
               rules.PERCENT: "Tỷ lệ", rules.AMOUNT: "Số lượng"}
KIND_ALIASES = {fold(label): kind for kind, label in KIND_LABELS.items()}


def default_catalogue_path() -> Path:
    from importlib import resources  # deferred: pulls in tempfile, shutil, zipfile

    return Path(str(resources.files("db.catalogues").joinpath(f"{DEFAULT_CATALOGUE}.yaml")))


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
    thresholds = (_extra_thresholds(raw, "target_by_year_an_giang", where, op, unit, "year")
                  + _extra_thresholds(raw, "target_by_year", where, op, unit, "year")
                  + _extra_thresholds(raw, "target_by_group", where, op, unit, "group"))
    provenance: dict[str, Any] = {key: _text(raw.get(key)) for key in PROVENANCE_KEYS}
    provenance["verified"] = _flag(raw.get("verified", False), where)
    provenance["verified_source"] = _text(raw.get("verified_source"))
    provenance["responsible"] = _responsible(raw.get("responsible"))
    return IndicatorSpec(code, content, kind, op, threshold, unit, thresholds, provenance)


def _flag(value: Any, where: str) -> bool:
    if isinstance(value, bool) or value is None or value == "":
        return bool(value)
    if fold(str(value)) in ("khong", "chua"):
        return False
    try:
        return rules.parse_yes_no(str(value))
    except ValidationError:
        raise _invalid(where, f"'verified' phải là có/không: {value}") from None


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
    raw_groups = data.get("groups") or meta.get("groups") or []
    groups = []
    for g in raw_groups:
        g = _mapping(g, _at(data, "groups"), "nhóm")
        groups.append((_text(g.get("code")), _text(g.get("name"))))
        if not groups[-1][0]:
            raise _invalid(_at(g, "groups"), "nhóm thiếu mã (code)")
    group_codes = {g for g, _ in groups}
    raw_criteria = data.get("criteria")
    if not isinstance(raw_criteria, list) or not raw_criteria:
        raise _invalid(_at(data, "criteria"), "không có tiêu chí nào")
    criteria: list[CriterionSpec] = []
    seen_criteria: set[str] = set()
    seen_indicators: set[str] = set()
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
        group = _text(raw.get("group")) or None
        if group and group_codes and group not in group_codes:
            raise _invalid(where, f"nhóm không có: {group}")
        raw_inds = raw.get("indicators") or []
        if not isinstance(raw_inds, list) or not raw_inds:
            raise _invalid(where, "không có chỉ tiêu nào")
        indicators = []
        for raw_ind in raw_inds:
            spec = _indicator(raw_ind, where)
            at = f"{_at(raw_ind, where)}, chỉ tiêu {spec.code}"
            if spec.code in seen_indicators:
                raise _invalid(at, f"mã chỉ tiêu trùng: {spec.code}")
            if len(raw_inds) > 1 and not spec.code.startswith(ccode + "."):
                raise _invalid(at, f"mã chỉ tiêu {spec.code} không thuộc tiêu chí {ccode}")
            if len(raw_inds) == 1 and spec.code not in (ccode, ccode + ".1"):
                raise _invalid(at, f"mã chỉ tiêu {spec.code} không thuộc tiêu chí {ccode}")
            if len(raw_inds) == 1:
                spec.code = ccode  # the plan writes "Chỉ tiêu 11", never "11.1"
            seen_indicators.add(spec.code)
            indicators.append(spec)
        criteria.append(CriterionSpec(ccode, cname, group, _responsible(raw.get("responsible")),
                                      _text(raw.get("note")), indicators))
    if not groups:  # groups named only on the criteria (a sheet without «Nhóm»): keep them
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
    return cset


def ensure_default_catalogue() -> CriteriaSet:
    existing = CriteriaSet.get_or_none(CriteriaSet.code == DEFAULT_CATALOGUE)
    if existing:
        return existing
    return install_catalogue(load_catalogue_file(default_catalogue_path()))


# --- export: the database → a document shaped like the YAML files --------------------

def _target(kind: str, op: str, threshold: float | None, unit: str | None) -> dict:
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
            "code": crit.code, "name": crit.name, "group": group_codes.get(crit.group_id),
            "responsible": crit.responsible_sector, "note": crit.note,
            "indicators": [_indicator_document(ind) for ind in indicators],
        })
    return {
        "code": cset.code, "name": cset.name, "period": f"{cset.period_start}-{cset.period_end}",
        "level": cset.level, "national_decision": cset.national_decision,
        "provincial_decision": cset.provincial_decision, "region": cset.region,
        "groups": [{"code": g.code, "name": g.name} for g in groups],
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
    doc["responsible"] = ind.responsible_sector
    doc["verified"] = bool(ind.verified)
    doc["verified_source"] = ind.verified_source
    for key in PROVENANCE_KEYS:
        doc[key] = getattr(ind, key)
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

_THRESHOLD_ITEM = re.compile(r"^\s*([^:]+?)\s*:\s*(>=|<=|==|>|<)?\s*(\?|[-+]?[\d.,]+)?\s*(.*?)\s*$")


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

SHEET_HEADER, SHEET_GROUPS, SHEET_INDICATORS = "Bộ tiêu chí", "Nhóm", "Chỉ tiêu"
HEADER_FIELDS = [  # key in column A, value in B, explanation in C
    ("code", "Mã bộ tiêu chí"), ("name", "Tên bộ tiêu chí"), ("period", "Giai đoạn (2026-2030)"),
    ("level", "Cấp: commune / advanced / model"), ("national_decision", "Quyết định trung ương"),
    ("provincial_decision", "Quyết định của tỉnh"), ("region", "Vùng / cột áp dụng"),
    ("meta", "Thông tin nguồn gốc (JSON, giữ nguyên)"),
]
INDICATOR_COLUMNS = [  # (key, header)
    ("criterion_code", "Mã tiêu chí"), ("criterion_name", "Tên tiêu chí"), ("group", "Nhóm"),
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


def catalogue_rows(document: dict) -> tuple[list[list], list[list], list[list]]:
    """The three sheets (header, groups, indicators) as rows of cell values."""
    header = [["Khóa", "Giá trị", "Ý nghĩa"]]
    for key, label in HEADER_FIELDS:
        value = document.get(key)
        if key == "meta":
            value = json.dumps(_plain(value or {}), ensure_ascii=False, default=str)
        header.append([key, value, label])
    groups = [["Mã nhóm", "Tên nhóm"]] + [[g["code"], g["name"]] for g in document.get("groups", [])]
    rows = [[label for _, label in INDICATOR_COLUMNS]]
    for crit in document["criteria"]:
        for ind in crit["indicators"]:
            target = ind["target"]
            numeric = ind["kind"] in (rules.PERCENT, rules.AMOUNT)
            values = {
                "criterion_code": crit["code"], "criterion_name": crit["name"],
                "group": crit.get("group"), "criterion_responsible": crit.get("responsible"),
                "criterion_note": crit.get("note"), "code": ind["code"], "content": ind["content"],
                "kind": KIND_LABELS[ind["kind"]], "op": target["op"] if numeric else None,
                "threshold": target["value"] if numeric else None,
                "unit": target.get("unit") if numeric else None,
                "by_year": format_thresholds(ind.get("target_by_year", {})),
                "by_group": format_thresholds(ind.get("target_by_group", {})),
                "verified": "Có" if ind.get("verified") else "Không",
            }
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
        if fold(SHEET_GROUPS) in names:
            groups = []
            for number, row in enumerate(book[names[fold(SHEET_GROUPS)]].iter_rows(values_only=True),
                                         start=1):
                if number == 1 or not row or row[0] is None:
                    continue
                group = Located(code=_cell_text(row[0]), name=_cell_text(row[1] if len(row) > 1 else ""))
                group.where = f"trang «{SHEET_GROUPS}», hàng {number}"
                groups.append(group)
            data["groups"] = groups
        data["criteria"] = _criteria_from_rows(book[names[fold(SHEET_INDICATORS)]])
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
    columns = {wanted[fold(str(h))]: i for i, h in enumerate(head) if h and fold(str(h)) in wanted}
    labels = dict(INDICATOR_COLUMNS)
    for key in REQUIRED_COLUMNS:
        if key not in columns:
            raise _invalid(f"trang «{SHEET_INDICATORS}», hàng 1", f"thiếu cột «{labels[key]}»")
    criteria: dict[str, Located] = {}
    for number, row in enumerate(rows, start=2):
        cell = {key: (row[i] if i < len(row) else None) for key, i in columns.items()}
        if all(v is None or str(v).strip() == "" for v in cell.values()):
            continue
        where = f"trang «{SHEET_INDICATORS}», hàng {number}"
        ccode = _cell_text(cell.get("criterion_code"))
        if not ccode:
            raise _invalid(where, "thiếu mã tiêu chí")
        crit = criteria.get(ccode)
        if crit is None:
            crit = criteria[ccode] = Located(
                code=ccode, name=_cell_text(cell.get("criterion_name")),
                group=_cell_text(cell.get("group")) or None,
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
            ind[key] = _cell_text(cell.get(key))
        if ind["kind"] in (rules.YESNO, rules.ABSENCE):
            if _cell_text(cell.get("threshold")):
                raise _invalid(f"{where}, chỉ tiêu {ind['code']}",
                               f"loại «{KIND_LABELS[ind['kind']]}» không có ngưỡng số")
            ind["target"] = _target(ind["kind"], "==", None, None)
        ind.where = where
        crit["indicators"].append(ind)
    return list(criteria.values())
