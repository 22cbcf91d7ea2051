"""Criteria sets as editable data: an indicator's wording and target, its verification, a
criterion's name, importing (or replacing) a whole set, and which set a commune uses from
which year. Every change goes through the change log, one batch per user action."""
from __future__ import annotations

import json
from dataclasses import field
from typing import Any

from db import rules
from db.catalogue import (
    KIND_ALIASES, PROVENANCE_KEYS, CatalogueSpec, IndicatorSpec, install_catalogue, install_definitions,
    parse_thresholds,
)
from db.changelog import apply_changes, create_logged, delete_logged, log, new_batch, to_text
from db.dataclass_lite import dataclass
from db.errors import NotFoundError, ValidationError
from db.models import (
    Assignment, ChangeLog, Commune, CommuneCriteriaSet, CriteriaSet, Criterion, CriterionGroup,
    EvidenceItem, Indicator, IndicatorPart, IndicatorThreshold, IndicatorVersion, PlanItem, PlanTarget,
    Result, WorkItem, database,
)
from db.text import MAX_SHORT, MAX_TEXT, clean, fold

_UNSET: Any = object()  # "not given", distinct from None ("clear it")
_WHERE = {"year": "ngưỡng theo năm", "group": "ngưỡng theo nhóm xã"}


@dataclass(frozen=True)
class IndicatorDefinition:
    id: int
    code: str
    content: str
    kind: str
    op: str
    threshold: float | None
    unit: str | None
    responsible: str
    verified: bool
    verified_source: str
    confidence: str
    target_confidence: str
    basis: str
    version: int
    criterion_id: int
    criterion_code: str
    criterion_name: str
    criterion_version: int
    set_code: str
    set_period: str  # "2026–2030": how the officer names the set (the code is for files and commands)
    by_year: dict[str, dict] = field(default_factory=dict)  # "2025" → {op, value, unit}
    by_group: dict[str, dict] = field(default_factory=dict)  # "1" → {op, value, unit}
    # Amendments, oldest first: {valid_from, content, kind, op, threshold, unit, source}
    versions: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class SetSummary:
    code: str
    name: str
    period_start: int
    period_end: int
    criteria: int
    indicators: int
    verified: int
    unknown_thresholds: int
    used_by: list[tuple[str, int]]  # (commune, from year)
    sourced: int = 0  # wording read in a published text or stated by a commune plan
    recalled: int = 0  # reconstructed from memory, no source


@dataclass(frozen=True)
class ImportSummary:
    code: str
    created: bool
    criteria: int
    indicators: int
    added: list[str]
    removed: list[str]
    batch: str
    # Kept indicators whose wording changed while they hold results: the officer checks them
    # (a code that now names another indicator would carry the old one's results).
    reworded: list[str] = field(default_factory=list)


def _indicator(indicator_id: int) -> Indicator:
    indicator = Indicator.get_or_none(Indicator.id == indicator_id)
    if indicator is None:
        raise NotFoundError("record_not_found", table="indicator", id=indicator_id)
    return indicator


def _rows_by(rows: list[IndicatorThreshold], by: str) -> list[IndicatorThreshold]:
    """The per-year rows (no group) or the per-group rows."""
    if by == "year":
        return [r for r in rows if r.year is not None and r.commune_group is None]
    return [r for r in rows if r.commune_group is not None]


def _targets(rows: list[IndicatorThreshold], by: str) -> dict[str, dict]:
    return dict(sorted(
        (str(r.year) if by == "year" else r.commune_group,
         {"op": r.op, "value": r.threshold, "unit": r.unit}) for r in _rows_by(rows, by)))


def indicator_definition(indicator_id: int) -> IndicatorDefinition:
    ind = _indicator(indicator_id)
    crit = ind.criterion
    rows = list(ind.thresholds)
    return IndicatorDefinition(
        ind.id, ind.code, ind.content, ind.kind, ind.op, ind.threshold, ind.unit,
        ind.responsible_sector, bool(ind.verified), ind.verified_source, ind.confidence,
        ind.target_confidence, ind.basis, ind.version, crit.id, crit.code, crit.name, crit.version,
        crit.criteria_set.code, _set_period(crit.criteria_set), _targets(rows, "year"), _targets(rows, "group"),
        [{name: getattr(v, name) for name in _VERSION_FIELDS}
         for v in sorted(ind.versions, key=lambda v: v.valid_from)])


def _set_period(cset) -> str:
    return f"{cset.period_start}–{cset.period_end}"


def _short(value: Any, name: str, required: bool = False, limit: int = MAX_SHORT) -> str:
    text = clean("" if value is None else str(value))
    if required and not text:
        raise ValidationError("text_required", field=name)
    if len(text) > limit:
        raise ValidationError("text_too_long", length=len(text), limit=limit)
    return text


def _threshold(value: Any) -> float | None:
    if value is None or (isinstance(value, str) and value.strip() in ("", "?")):
        return None
    return rules.parse_number(value)


def parse_extra_targets(value: Any, by: str, op: str = ">=", unit: str | None = None
                        ) -> dict[str, dict]:
    """Per-year or per-group targets from the text form or a mapping, validated."""
    table = parse_thresholds(value, _WHERE[by]) if isinstance(value, str) else dict(value or {})
    out = {}
    for key, spec in table.items():
        key = clean(str(key))
        if by == "year":
            key = str(rules.parse_year(key))
        spec_op = spec.get("op") or op
        if spec_op not in rules.OPS:
            raise ValidationError("choice_invalid", field="op", value=spec_op)
        out[key] = {"op": spec_op, "value": _threshold(spec.get("value")),
                    "unit": _short(spec.get("unit"), "unit") or unit}
    return dict(sorted(out.items()))


def sync_thresholds(indicator: Indicator, by: str, targets: dict[str, dict], label: str,
                    batch: str) -> int:
    """Replace the indicator's per-year (or per-group) targets when they differ; logged so
    undo restores them. Returns the number of rows written or removed."""
    rows = _rows_by(list(indicator.thresholds), by)
    if _targets(rows, by) == targets:
        return 0
    for row in rows:
        delete_logged(row, label=label, batch=batch)
    for key, spec in targets.items():
        row = IndicatorThreshold.create(
            indicator=indicator, year=int(key) if by == "year" else None,
            commune_group=key if by == "group" else None, op=spec["op"],
            threshold=spec["value"], unit=spec.get("unit"))
        log(row, "create", label=label, batch=batch, new=f"{key}: {spec['op']} {spec['value']}")
    return len(rows) + len(targets)


def _checked_kind(kind: str, current: str) -> str:
    """A kind as typed ("Tỷ lệ", "percent") → its code; a compound one only from a set file,
    where its parts are declared."""
    new_kind = KIND_ALIASES.get(fold(kind), clean(kind))
    if new_kind not in rules.KINDS:
        raise ValidationError("choice_invalid", field="kind", value=kind)
    if new_kind == rules.COMPOUND and current != rules.COMPOUND:
        raise ValidationError("compound_in_file")
    return new_kind


def update_indicator(indicator_id: int, *, content: str | None = None, kind: str | None = None,
                     op: str | None = None, threshold: Any = _UNSET, unit: Any = _UNSET,
                     responsible: str | None = None, by_year: Any = None, by_group: Any = None,
                     verified: bool | None = None, verified_source: str | None = None,
                     criterion_name: str | None = None, expected_version: int | None = None,
                     criterion_version: int | None = None, batch: str | None = None) -> str:
    """Change an indicator's definition (and its criterion's name). Everything is validated
    before anything is written; returns the change-log batch (empty when nothing changed)."""
    ind = _indicator(indicator_id)
    changes: dict[str, Any] = {}
    if criterion_name is not None:
        criterion_name = _short(criterion_name, "name", required=True)
    if content is not None:
        changes["content"] = _short(content, "content", required=True, limit=MAX_TEXT)
    new_kind = ind.kind
    if kind is not None:
        new_kind = changes["kind"] = _checked_kind(kind, ind.kind)
    new_op = ind.op
    if op is not None:
        new_op = clean(op)
        if new_op not in rules.OPS:
            raise ValidationError("choice_invalid", field="op", value=op)
        changes["op"] = new_op
    if threshold is not _UNSET:
        changes["threshold"] = _threshold(threshold)
    if unit is not _UNSET:
        changes["unit"] = _short(unit, "unit") or None
    if new_kind in (rules.YESNO, rules.ABSENCE, rules.COMPOUND):
        # A yes/no or "Không" requirement has no number to compare with.
        changes.update(op="==", threshold=None, unit=None)
    if responsible is not None:
        changes["responsible_sector"] = _short(responsible, "responsible")
    if verified_source is not None:
        changes["verified_source"] = _short(verified_source, "verified_source")
    if verified is not None:
        changes["verified"] = bool(verified)
        if verified and not changes.get("verified_source", ind.verified_source):
            raise ValidationError("verified_source_required")
    unit_now = changes.get("unit", ind.unit)
    year_targets = None if by_year is None else parse_extra_targets(by_year, "year", new_op, unit_now)
    group_targets = None if by_group is None else parse_extra_targets(by_group, "group", new_op, unit_now)
    batch = batch or new_batch()
    label = f"{ind.criterion.criteria_set.code} {ind.code}"
    with database.atomic():
        if criterion_name is not None:
            rename_criterion(ind.criterion_id, criterion_name, expected_version=criterion_version,
                             batch=batch)
        apply_changes(ind, changes, label=label, expected_version=expected_version, batch=batch)
        if year_targets is not None:
            sync_thresholds(ind, "year", year_targets, label, batch)
        if group_targets is not None:
            sync_thresholds(ind, "group", group_targets, label, batch)
        from db.services.results import assess_waiting

        assess_waiting(ind, batch)
    return batch


def update_version(indicator_id: int, valid_from: Any, *, content: str | None = None,
                   kind: str | None = None, op: str | None = None, threshold: Any = _UNSET,
                   unit: Any = _UNSET, source: str | None = None, expected_version: int | None = None,
                   batch: str | None = None) -> str:
    """Correct an amendment of the indicator (e.g. the threshold of 17.1 from 01/3/2024 once the
    officer has read it). Validated first; each field logged, undo restores it; `expected_version`
    is the indicator's, as shown. Returns the batch (empty when nothing changed)."""
    ind = _indicator(indicator_id)
    when = rules.parse_date(valid_from)
    row = IndicatorVersion.get_or_none((IndicatorVersion.indicator == ind) & (IndicatorVersion.valid_from == when))
    if row is None:
        raise NotFoundError("version_not_found", code=ind.code, date=rules.format_date(when))
    changes: dict[str, Any] = {}
    if content is not None:
        changes["content"] = _short(content, "content", required=True, limit=MAX_TEXT)
    new_kind = row.kind
    if kind is not None:
        new_kind = changes["kind"] = _checked_kind(kind, row.kind)
    if op is not None:
        if clean(op) not in rules.OPS:
            raise ValidationError("choice_invalid", field="op", value=op)
        changes["op"] = clean(op)
    if threshold is not _UNSET:
        changes["threshold"] = _threshold(threshold)
    if unit is not _UNSET:
        changes["unit"] = _short(unit, "unit") or None
    if new_kind in (rules.YESNO, rules.ABSENCE, rules.COMPOUND):
        changes.update(op="==", threshold=None, unit=None)
    if source is not None:
        changes["source"] = _short(source, "source", limit=MAX_TEXT)
    batch = batch or new_batch()
    label = f"{ind.criterion.criteria_set.code} {ind.code} {rules.format_date(when)}"
    with database.atomic():
        apply_changes(ind, {}, expected_version=expected_version)  # only the version check
        written = False
        for name, new in changes.items():
            if to_text(getattr(row, name)) != to_text(new):
                log(row, "update", name, getattr(row, name), new, label=label, batch=batch)
                setattr(row, name, new)
                written = True
        if written:
            row.save()
    return batch if written else ""


def mark_verified(indicator_id: int, source: str, expected_version: int | None = None,
                  batch: str | None = None) -> str:
    """The officer checked the wording and target against the official text (e.g. 1260/QĐ-UBND)."""
    if not clean(source):
        raise ValidationError("verified_source_required")
    return update_indicator(indicator_id, verified=True, verified_source=source,
                            expected_version=expected_version, batch=batch)


def rename_criterion(criterion_id: int, name: str, expected_version: int | None = None,
                     batch: str | None = None) -> str:
    crit = Criterion.get_or_none(Criterion.id == criterion_id)
    if crit is None:
        raise NotFoundError("record_not_found", table="criterion", id=criterion_id)
    name = _short(name, "name", required=True)
    batch = batch or new_batch()
    apply_changes(crit, {"name": name}, label=f"{crit.criteria_set.code} {crit.code}",
                  expected_version=expected_version, batch=batch)
    return batch


# --- whole sets -------------------------------------------------------------------------

def get_set(code: str) -> CriteriaSet:
    cset = CriteriaSet.get_or_none(CriteriaSet.code == clean(code))
    if cset is None:
        raise NotFoundError("catalogue_not_found", code=code)
    return cset


def list_sets() -> list[SetSummary]:
    out = []
    for cset in CriteriaSet.select().order_by(CriteriaSet.period_start, CriteriaSet.code):
        inds = list(Indicator.select().join(Criterion).where(Criterion.criteria_set == cset))
        # Known when the indicator has a threshold, or one for every commune group it names
        # (2026–2030); a threshold for some years only leaves the others unknown.
        extra: dict[int, list] = {}
        for row in IndicatorThreshold.select().where(
                IndicatorThreshold.indicator.in_([i.id for i in inds])):
            extra.setdefault(row.indicator_id, []).append(row)
        by_other = {ind_id for ind_id, rows in extra.items()
                    if all(r.commune_group and r.year is None and r.threshold is not None for r in rows)}
        unknown = sum(1 for i in inds if i.kind in (rules.PERCENT, rules.AMOUNT)
                      and i.threshold is None and i.id not in by_other)
        unknown += (IndicatorPart.select().join(Indicator).join(Criterion)
                    .where((Criterion.criteria_set == cset) & IndicatorPart.version.is_null()
                           & IndicatorPart.kind.in_([rules.PERCENT, rules.AMOUNT])
                           & IndicatorPart.threshold.is_null()).count())
        used = [(p.commune.name, p.from_year) for p in
                CommuneCriteriaSet.select().where(CommuneCriteriaSet.criteria_set == cset)
                .order_by(CommuneCriteriaSet.from_year)]
        out.append(SetSummary(cset.code, cset.name, cset.period_start, cset.period_end,
                              Criterion.select().where(Criterion.criteria_set == cset).count(),
                              len(inds), sum(1 for i in inds if i.verified), unknown, used,
                              sourced=sum(1 for i in inds if i.basis in ("read", "plan")),
                              recalled=sum(1 for i in inds if i.basis == "recall")))
    return out


@dataclass
class ImportPreview:
    """What an import would do, worked out by doing it and rolling it back."""
    summary: ImportSummary
    changes: list[tuple[str, list[str]]]  # (indicator code, what changes: field names in words)
    unknown_thresholds: int  # after the import


def _definitions(code: str) -> dict[str, tuple]:
    rows = (Indicator.select(Indicator, Criterion).join(Criterion).join(CriteriaSet)
            .where(CriteriaSet.code == code))
    out = {}
    for ind in rows:
        extra = sorted((t.year or 0, t.commune_group or "", t.op, t.threshold, t.unit or "")
                       for t in ind.thresholds)
        out[ind.code] = {"content": ind.content, "kind": ind.kind,
                         "threshold": (ind.op, ind.threshold, ind.unit, tuple(extra)),
                         "verified": ind.verified}
    return out


def preview_catalogue(spec: CatalogueSpec, replace: bool = False) -> ImportPreview:
    """The import run for real inside a transaction that is rolled back: the preview says
    exactly what the import will do, and writes nothing."""
    with database.atomic() as transaction:
        before = _definitions(spec.code)
        summary = import_catalogue(spec, replace=replace)
        after = _definitions(spec.code)
        unknown = next((s.unknown_thresholds for s in list_sets() if s.code == spec.code), 0)
        transaction.rollback()
    changes = []
    for code in sorted(after, key=rules.code_key):
        old, new = before.get(code), after[code]
        if old is None:
            changes.append((code, ["new"]))
            continue
        changed = [name for name in ("content", "kind", "threshold", "verified") if old[name] != new[name]]
        if changed:
            changes.append((code, changed))
    return ImportPreview(summary, changes, unknown)


def import_catalogue(spec: CatalogueSpec, replace: bool = False) -> ImportSummary:
    """Install a validated set; a set with the same code is replaced in place only when
    asked, and never when a removed indicator or criterion still holds data."""
    batch = new_batch()
    indicators = [i.code for c in spec.criteria for i in c.indicators]
    with database.atomic():
        cset = CriteriaSet.get_or_none(CriteriaSet.code == spec.code)
        if cset is None:
            cset = install_catalogue(spec)
            log(cset, "create", label=f"bộ tiêu chí {spec.code}", batch=batch, new=spec.name)
            return ImportSummary(spec.code, True, len(spec.criteria), len(indicators), indicators,
                                 [], batch)
        if not replace:
            raise ValidationError("catalogue_exists", code=spec.code)
        added, removed, reworded = _replace(cset, spec, batch)
    return ImportSummary(spec.code, False, len(spec.criteria), len(indicators), added, removed, batch,
                         reworded)


_REFERENCES = [  # what would be lost with a removed indicator or criterion
    (Result, "indicator", "kết quả"), (EvidenceItem, "indicator", "minh chứng"),
    (PlanTarget, "indicator", "kế hoạch"), (PlanItem, "indicator", "nhiệm vụ, giải pháp"),
    (WorkItem, "indicator", "công trình"), (Assignment, "indicator", "phân công"),
    (PlanTarget, "criterion", "kế hoạch"), (Assignment, "criterion", "phân công"),
]


def _refuse_if_in_use(code: str, indicators: list[Indicator], criteria: list[Criterion]) -> None:
    held: dict[str, set[str]] = {}
    for model, column, what in _REFERENCES:
        rows = indicators if column == "indicator" else criteria
        if not rows:
            continue
        ids = {r.id: r.code for r in rows}
        fk = getattr(model, column)
        for ref in model.select(fk).where(fk.in_(list(ids))):
            held.setdefault(ids[getattr(ref, column + "_id")], set()).add(what)
    if held:
        items = ", ".join(sorted(held, key=rules.code_key))
        what = ", ".join(sorted({w for ws in held.values() for w in ws}))
        raise ValidationError("catalogue_in_use", code=code, items=items, what=what)


def _replace(cset: CriteriaSet, spec: CatalogueSpec, batch: str
             ) -> tuple[list[str], list[str], list[str]]:
    crits = {c.code: c for c in Criterion.select().where(Criterion.criteria_set == cset)}
    inds = {i.code: i for i in Indicator.select(Indicator, Criterion).join(Criterion)
            .where(Criterion.criteria_set == cset)}
    new_crits = {c.code for c in spec.criteria}
    matched = _match_indicators(inds, spec)
    kept = {i.id for i in matched.values()}
    gone_inds = [i for i in inds.values() if i.id not in kept]
    gone_crits = [c for code, c in crits.items() if code not in new_crits]
    _refuse_if_in_use(cset.code, gone_inds, gone_crits)

    label = f"bộ tiêu chí {cset.code}"
    apply_changes(cset, dict(
        name=spec.name, level=spec.level, period_start=spec.period_start, period_end=spec.period_end,
        national_decision=spec.national_decision, provincial_decision=spec.provincial_decision,
        region=spec.region, meta_json=json.dumps(spec.meta, ensure_ascii=False, default=str)),
        label=label, batch=batch)
    groups = {g.code: g for g in CriterionGroup.select().where(CriterionGroup.criteria_set == cset)}
    for position, (gcode, gname) in enumerate(spec.groups):
        group = groups.get(gcode)
        if group is None:
            groups[gcode] = CriterionGroup.create(criteria_set=cset, code=gcode, name=gname,
                                                  position=position)
            log(groups[gcode], "create", label=f"{label} {gcode}", batch=batch, new=gname)
        elif (group.name, group.position) != (gname, position):
            for name, new in (("name", gname), ("position", position)):
                if getattr(group, name) != new:
                    log(group, "update", name, getattr(group, name), new, label=label, batch=batch)
            group.name, group.position = gname, position
            group.save()

    added: list[str] = []
    reworded: list[str] = []
    with_results = {r.indicator_id for r in Result.select(Result.indicator).distinct()
                    .where(Result.indicator.in_([i.id for i in inds.values()]))}
    for code, ind in matched.items():  # moved to another code: through a free one (codes are unique)
        if ind.code != code:
            apply_changes(ind, {"code": f"{code}~{ind.id}"}, label=f"{cset.code} {ind.code}", batch=batch)
    for cpos, spec_crit in enumerate(spec.criteria):
        values = dict(name=spec_crit.name, group=groups.get(spec_crit.group), position=cpos,
                      responsible_sector=spec_crit.responsible, note=spec_crit.note)
        crit = crits.get(spec_crit.code)
        if crit is None:
            crit = create_logged(Criterion, label=f"{cset.code} {spec_crit.code}", batch=batch,
                                 criteria_set=cset, code=spec_crit.code, **values)
        else:
            apply_changes(crit, values, label=f"{cset.code} {crit.code}", batch=batch)
        for ipos, spec_ind in enumerate(spec_crit.indicators):
            prov = spec_ind.provenance
            values = dict(criterion=crit, content=spec_ind.content, kind=spec_ind.kind, op=spec_ind.op,
                          threshold=spec_ind.threshold, unit=spec_ind.unit, position=ipos,
                          responsible_sector=prov.get("responsible") or spec_crit.responsible,
                          verified=bool(prov.get("verified")),
                          verified_source=prov.get("verified_source", ""),
                          **{k: prov.get(k, "") for k in PROVENANCE_KEYS})
            ind_label = f"{cset.code} {spec_ind.code}"
            ind = matched.get(spec_ind.code)
            if ind is not None and prov.get("verified") is None:
                # The file does not say (the shipped set): the officer's verification stays.
                values.update(verified=ind.verified, verified_source=ind.verified_source)
            if ind is not None and ind.id in with_results and ind.content != spec_ind.content:
                reworded.append(spec_ind.code)
            if ind is None:
                ind = create_logged(Indicator, label=ind_label, batch=batch, code=spec_ind.code,
                                    **values)
                added.append(spec_ind.code)
            else:
                apply_changes(ind, {**values, "code": spec_ind.code}, label=ind_label, batch=batch)
            sync_thresholds(ind, "year", _by(spec_ind.thresholds, "year"), ind_label, batch)
            sync_thresholds(ind, "group", _by(spec_ind.thresholds, "group"), ind_label, batch)
            sync_definitions(ind, spec_ind, ind_label, batch)
    for ind in gone_inds:
        delete_logged(ind, label=f"{cset.code} {ind.code}", batch=batch)
    for crit in gone_crits:
        delete_logged(crit, label=f"{cset.code} {crit.code}", batch=batch)
    for gcode, group in groups.items():
        if gcode not in {g for g, _ in spec.groups}:
            delete_logged(group, label=f"{label} {gcode}", batch=batch)
    return added, sorted((i.code for i in gone_inds), key=rules.code_key), reworded


def _match_indicators(inds: dict[str, Indicator], spec: CatalogueSpec) -> dict[str, Indicator]:
    """The file's indicator code → the stored indicator it continues. Usually the one with the same
    code; but when the file gives an indicator's exact wording (in the same criterion) another code
    (15.4 and 15.5 swapped places in 12/2026), the indicator moves with its results, evidence and
    plan, instead of its code passing to another meaning."""
    wanted = {i.code: (c.code, i.content) for c in spec.criteria for i in c.indicators}
    by_wording = {(i.criterion.code, i.content): i for i in inds.values()}
    out: dict[str, Indicator] = {}
    for code, key in wanted.items():
        same = by_wording.get(key)
        if same is not None and same.code != code and wanted.get(same.code) != key:
            out[code] = same
    taken = {i.id for i in out.values()}
    for code in wanted:
        if code not in out and code in inds and inds[code].id not in taken:
            out[code] = inds[code]
    return out


_PART_FIELDS = ("key", "label", "kind", "op", "threshold", "unit", "when_part", "when_op",
                "when_value", "when_threshold")
_VERSION_FIELDS = ("valid_from", "content", "kind", "op", "threshold", "unit", "source", "note")


def _definitions_now(ind: Indicator) -> tuple:
    parts = sorted(IndicatorPart.select().where(IndicatorPart.indicator == ind),
                   key=lambda p: (p.version_id or 0, p.position))
    versions = sorted(IndicatorVersion.select().where(IndicatorVersion.indicator == ind),
                      key=lambda v: v.valid_from)
    own = [tuple(getattr(p, f) for f in _PART_FIELDS) for p in parts if p.version_id is None]
    dated = [(tuple(getattr(v, f) for f in _VERSION_FIELDS),
              [tuple(getattr(p, f) for f in _PART_FIELDS) for p in parts if p.version_id == v.id])
             for v in versions]
    return (own, dated), parts, versions


def sync_definitions(ind: Indicator, spec: IndicatorSpec, label: str, batch: str) -> int:
    """Replace the indicator's parts and dated versions when the file's differ; logged so undo
    restores them. Returns the number of rows written or removed (0: already the same)."""
    now, parts, versions = _definitions_now(ind)
    wanted = ([tuple(p[f] for f in _PART_FIELDS) for p in spec.parts],
              [(tuple(v[f] for f in _VERSION_FIELDS), [tuple(p[f] for f in _PART_FIELDS)
                                                      for p in v["parts"]])
               for v in spec.versions])
    if now == wanted:
        return 0
    for row in parts:  # parts first: undo restores the versions before their parts
        delete_logged(row, label=label, batch=batch)
    for row in versions:
        delete_logged(row, label=label, batch=batch)
    created = install_definitions(ind, spec)
    for row in created:
        log(row, "create", label=label, batch=batch,
            new=row.key if isinstance(row, IndicatorPart) else row.valid_from)
    return len(parts) + len(versions) + len(created)


def verified_by(indicator_id: int) -> tuple[str, str] | None:
    """(who, when dd/mm/yyyy) of the officer's last act marking the indicator verified."""
    entry = (ChangeLog.select().where((ChangeLog.table == "indicator")
                                      & (ChangeLog.record_id == indicator_id)
                                      & (ChangeLog.field == "verified") & (ChangeLog.new == "1"))
             .order_by(ChangeLog.id.desc()).first())
    return (entry.user, rules.format_date(entry.at.date())) if entry else None


def _by(thresholds: list[dict], by: str) -> dict[str, dict]:
    out = {}
    for t in thresholds:
        if by == "year" and t["year"] is not None and t["commune_group"] is None:
            out[str(t["year"])] = {"op": t["op"], "value": t["threshold"], "unit": t["unit"]}
        elif by == "group" and t["commune_group"] is not None:
            out[t["commune_group"]] = {"op": t["op"], "value": t["threshold"], "unit": t["unit"]}
    return dict(sorted(out.items()))


# --- which set a commune uses ---------------------------------------------------------------

def use_criteria_set(commune: Commune, code: str, from_year: int, group: str | None = None,
                     batch: str | None = None) -> str:
    """From `from_year` on the commune is assessed against set `code`; earlier years keep
    the set they had. `group` is the commune group the 2026–2030 set's targets depend on."""
    cset = get_set(code)
    if not cset.period_start <= from_year <= cset.period_end:
        raise ValidationError("set_year_outside", year=from_year, code=cset.code,
                              start=cset.period_start, end=cset.period_end)
    group = clean(group) or None if group is not None else None
    if group is not None:
        known = {t.commune_group for t in IndicatorThreshold.select(IndicatorThreshold.commune_group)
                 .join(Indicator).join(Criterion)
                 .where((Criterion.criteria_set == cset) & IndicatorThreshold.commune_group.is_null(False))}
        if known and group not in known:
            raise ValidationError("choice_invalid", field="group", value=f"{group} ({', '.join(sorted(known))})")
    batch = batch or new_batch()
    with database.atomic():
        row = CommuneCriteriaSet.get_or_none((CommuneCriteriaSet.commune == commune)
                                             & (CommuneCriteriaSet.from_year == from_year))
        label = f"{commune.name} {from_year}"
        if row is None:
            row = CommuneCriteriaSet.create(commune=commune, criteria_set=cset, from_year=from_year)
            log(row, "create", label=label, batch=batch, new=cset.code, commune_id=commune.id)
        elif row.criteria_set_id != cset.id:
            log(row, "update", "criteria_set", row.criteria_set_id, cset.id, label=label,
                batch=batch, commune_id=commune.id)
            row.criteria_set = cset
            row.save()
        if group is not None:
            apply_changes(commune, {"commune_group": group}, label=commune.name, batch=batch)
    return batch
