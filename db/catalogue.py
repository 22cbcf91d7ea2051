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
from db.text import clean

DEFAULT_CATALOGUE = "an-giang-2021-2025"


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


def _text(value: Any) -> str:
    return clean("" if value is None else str(value))


def _responsible(value: Any) -> str:
    if isinstance(value, dict):
        return _text(value.get("an_giang") or value.get("province") or value.get("national"))
    return _text(value)


def read_yaml(path: Path) -> dict:
    import yaml  # deferred: only catalogue work needs it

    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise ValidationError("catalogue_unreadable", path=path) from None
    try:
        data = yaml.safe_load(text)
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
        return int(period["start"]), int(period["end"])
    if isinstance(period, str) and re.fullmatch(r"\d{4}\s*[-–]\s*\d{4}", period):
        start, end = re.split(r"\s*[-–]\s*", period)
        return int(start), int(end)
    years = re.findall(r"(\d{4})\s*[-–]\s*(\d{4})", name)
    if years:
        return int(years[0][0]), int(years[0][1])
    raise _invalid("period", "thiếu giai đoạn (period: 2021-2025)")


def _indicator(raw: dict, where: str) -> IndicatorSpec:
    code = _text(raw.get("code"))
    content = _text(raw.get("content"))
    if not code:
        raise _invalid(where, "chỉ tiêu thiếu mã (code)")
    if not content:
        raise _invalid(f"{where} {code}", "chỉ tiêu thiếu nội dung (content)")
    target = raw.get("target") or {"op": "==", "value": "Đạt"}
    op = _text(target.get("op") or ">=")
    if op not in rules.OPS:
        raise _invalid(f"{where} {code}", f"phép so sánh không hợp lệ: {op}")
    value = target.get("value")
    unit = target.get("unit")
    kind = _text(raw.get("kind")) or rules.kind_from_catalogue(op, value, unit)
    if kind not in rules.KINDS:
        raise _invalid(f"{where} {code}", f"loại chỉ tiêu không hợp lệ: {kind}")
    threshold = None
    if kind in (rules.PERCENT, rules.AMOUNT) and value is not None:
        try:
            threshold = rules.parse_number(value)
        except ValidationError:
            raise _invalid(f"{where} {code}", f"ngưỡng không phải số: {value}") from None
    thresholds = []
    for year, spec in (raw.get("target_by_year_an_giang") or raw.get("target_by_year") or {}).items():
        thresholds.append({"year": int(year), "commune_group": None, "op": spec.get("op", op),
                           "threshold": None if spec.get("value") is None else float(spec["value"]),
                           "unit": spec.get("unit", unit)})
    for group, spec in (raw.get("target_by_group") or {}).items():
        thresholds.append({"year": None, "commune_group": str(group), "op": spec.get("op", op),
                           "threshold": None if spec.get("value") is None else float(spec["value"]),
                           "unit": spec.get("unit", unit)})
    provenance = {key: _text(raw.get(key)) for key in
                  ("confidence", "target_confidence", "basis", "source", "note")}
    provenance["verified"] = bool(raw.get("verified", False))
    provenance["responsible"] = _responsible(raw.get("responsible"))
    return IndicatorSpec(code, content, kind, op, threshold, unit, thresholds, provenance)


def parse_catalogue(data: dict, fallback_code: str = DEFAULT_CATALOGUE) -> CatalogueSpec:
    """Validate a catalogue mapping; every problem names where it is."""
    meta = data.get("meta") or {}
    name = _text(data.get("name") or meta.get("title"))
    code = _text(data.get("code") or meta.get("code") or fallback_code)
    if not name:
        raise _invalid("name", "thiếu tên bộ tiêu chí")
    start, end = _period(data, meta, name)
    raw_groups = data.get("groups") or meta.get("groups") or []
    groups = [(_text(g.get("code")), _text(g.get("name"))) for g in raw_groups]
    group_codes = {g for g, _ in groups}
    raw_criteria = data.get("criteria")
    if not isinstance(raw_criteria, list) or not raw_criteria:
        raise _invalid("criteria", "không có tiêu chí nào")
    criteria: list[CriterionSpec] = []
    seen_criteria: set[str] = set()
    seen_indicators: set[str] = set()
    for index, raw in enumerate(raw_criteria, start=1):
        where = f"tiêu chí thứ {index}"
        ccode = _text(raw.get("code"))
        cname = _text(raw.get("name"))
        if not ccode or not cname:
            raise _invalid(where, "thiếu mã hoặc tên tiêu chí")
        if ccode in seen_criteria:
            raise _invalid(where, f"mã tiêu chí trùng: {ccode}")
        seen_criteria.add(ccode)
        group = _text(raw.get("group")) or None
        if group and group_codes and group not in group_codes:
            raise _invalid(f"tiêu chí {ccode}", f"nhóm không có: {group}")
        raw_inds = raw.get("indicators") or []
        if not raw_inds:
            raise _invalid(f"tiêu chí {ccode}", "không có chỉ tiêu nào")
        indicators = []
        for raw_ind in raw_inds:
            spec = _indicator(raw_ind, f"tiêu chí {ccode}")
            if spec.code in seen_indicators:
                raise _invalid(f"tiêu chí {ccode}", f"mã chỉ tiêu trùng: {spec.code}")
            if len(raw_inds) > 1 and not spec.code.startswith(ccode + "."):
                raise _invalid(f"tiêu chí {ccode}", f"mã chỉ tiêu {spec.code} không thuộc tiêu chí {ccode}")
            if len(raw_inds) == 1 and spec.code not in (ccode, ccode + ".1"):
                raise _invalid(f"tiêu chí {ccode}", f"mã chỉ tiêu {spec.code} không thuộc tiêu chí {ccode}")
            if len(raw_inds) == 1:
                spec.code = ccode  # the plan writes "Chỉ tiêu 11", never "11.1"
            seen_indicators.add(spec.code)
            indicators.append(spec)
        criteria.append(CriterionSpec(ccode, cname, group, _responsible(raw.get("responsible")),
                                      _text(raw.get("note")), indicators))
    spec = CatalogueSpec(
        code=code, name=name, period_start=start, period_end=end,
        level=_text(data.get("level") or meta.get("level") or "commune"),
        national_decision=_text(data.get("national_decision") or meta.get("national_decision")),
        provincial_decision=_text(data.get("provincial_decision") or meta.get("provincial_decision")),
        region=_text(data.get("region") or meta.get("region_column")),
        groups=groups, criteria=criteria, meta=meta,
    )
    stated = meta.get("stated_counts") or data.get("stated_counts")
    if stated:
        if len(criteria) != int(stated.get("criteria", len(criteria))):
            raise _invalid("stated_counts", f"có {len(criteria)} tiêu chí, khai báo {stated['criteria']}")
        if spec.indicator_count != int(stated.get("indicators", spec.indicator_count)):
            raise _invalid("stated_counts",
                           f"có {spec.indicator_count} chỉ tiêu, khai báo {stated['indicators']}")
    return spec


def load_catalogue_file(path: Path) -> CatalogueSpec:
    fallback = Path(path).stem
    return parse_catalogue(read_yaml(Path(path)), fallback_code=fallback)


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
                    position=ipos,
                )
                for extra in ind.thresholds:
                    IndicatorThreshold.create(indicator=indicator, **extra)
    return cset


def ensure_default_catalogue() -> CriteriaSet:
    existing = CriteriaSet.get_or_none(CriteriaSet.code == DEFAULT_CATALOGUE)
    if existing:
        return existing
    return install_catalogue(load_catalogue_file(default_catalogue_path()))
