"""The year's plan as a YAML file: `ntm-tui plan get` writes it, `plan put` reads it back.

Everything the officer writes is in it: the document's own fields, the bases (căn cứ), the text
of each part, the targets, and per indicator its tasks, solutions and works. `put` checks the
whole file first (one message per bad key, with its line) and writes nothing when anything is
wrong; then it replaces the year's plan in one transaction (one batch: ctrl+z in the app, or
`history`). get → put → get gives the same file."""
from __future__ import annotations

from typing import Any

from db import rules
from db.errors import NtmError, ValidationError
from db.models import Indicator, Plan, PlanItem, PlanTarget, WorkItem, database
from db.services import plans
from db.services.communes import commune_of, criteria_set_for_year
from db.services.plan_template import SLOTS

TOP_KEYS = ("year", "number", "place", "date", "parent_body", "issuer", "title", "bases", "recipients",
            "signer", "targets", "sections", "indicators")
SIGNER_KEYS = ("authority", "position", "note", "name")
INDICATOR_KEYS = ("tasks", "solutions", "works")
WORK_KEYS = ("title", "hamlet", "funding", "cost", "source", "due", "status", "note")
SECTION_KEYS = tuple(k for k in SLOTS if k != "can_cu")


# --- get -------------------------------------------------------------------------------------------
def plan_data(commune, year: int) -> dict:
    commune = commune_of(commune)
    doc = plans.plan_document(commune, year)
    sections = {s.key: s.body for s in plans.plan_sections(commune, year)}
    data: dict[str, Any] = {
        "year": year, "number": doc.number, "place": doc.place,
        "date": rules.format_date(doc.date) if doc.date else "",
        "parent_body": doc.parent_body, "issuer": doc.issuer, "title": doc.title,
        "bases": [line.strip() for line in sections.get("can_cu", "").splitlines() if line.strip()],
        "recipients": list(doc.recipients),
        "signer": {"authority": doc.authority, "position": doc.position, "note": doc.note, "name": doc.name},
        "targets": [], "sections": {k: sections.get(k, "") for k in SECTION_KEYS}, "indicators": {},
    }
    plan = plans.get_plan(commune, year)
    if plan is None:
        return data
    data["targets"] = [i.code for i in _targeted(plan)]
    indicators: dict[str, dict] = {}
    for item in plans.items_for(plan):
        entry = indicators.setdefault(item.indicator_code, {"tasks": [], "solutions": [], "works": []})
        text = item.text if not item.done else {"text": item.text, "done": True}
        entry["tasks" if item.kind == "task" else "solutions"].append(text)
    for work in plans.works_for(plan):
        entry = indicators.setdefault(work.indicator_code, {"tasks": [], "solutions": [], "works": []})
        row = {"title": work.title}
        if work.hamlet:
            row["hamlet"] = work.hamlet
        if work.funding_note:
            row["funding"] = work.funding_note
        if work.due_date:
            row["due"] = rules.format_date(work.due_date)
        if work.status != "planned":
            row["status"] = work.status
        if work.note:
            row["note"] = work.note
        if work.cost is not None:
            row["cost"] = rules.format_number(work.cost, 0)
        if work.funding_source:
            row["source"] = work.funding_source
        entry["works"].append(row)
    data["indicators"] = {code: indicators[code] for code in sorted(indicators, key=rules.code_key)}
    return data


def _targeted(plan: Plan) -> list[Indicator]:
    rows = (Indicator.select().join(PlanTarget, on=(PlanTarget.indicator == Indicator.id))
            .where(PlanTarget.plan == plan))
    return sorted(rows, key=lambda i: rules.code_key(i.code))


def dump_plan(data: dict) -> str:
    import yaml  # deferred: only the plan file needs it

    class Dumper(yaml.SafeDumper):
        pass

    def text(dumper, value: str):
        style = "|" if "\n" in value else None
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    Dumper.add_representer(str, text)
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=100,
                     default_flow_style=False)


# --- put -------------------------------------------------------------------------------------------
class _Errors:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, node, problem: str) -> None:
        self.lines.append(f"dòng {node.start_mark.line + 1}: {problem}")


def _pairs(node, errors: _Errors, what: str) -> list[tuple[str, Any, Any]]:
    """(key, key node, value node) of a mapping node."""
    from yaml.nodes import MappingNode

    if not isinstance(node, MappingNode):
        errors.add(node, f"{what} phải là một bảng (khóa: giá trị)")
        return []
    return [(str(k.value), k, v) for k, v in node.value]


def _scalar(node, errors: _Errors, what: str, required: bool = False) -> str:
    from yaml.nodes import ScalarNode

    if not isinstance(node, ScalarNode):
        errors.add(node, f"{what} phải là một chuỗi")
        return ""
    value = "" if node.tag.endswith(":null") else str(node.value)
    if required and not value.strip():
        errors.add(node, f"{what} không được để trống")
    return value


def _strings(node, errors: _Errors, what: str) -> list[str]:
    from yaml.nodes import SequenceNode

    if isinstance(node, SequenceNode):
        return [_scalar(item, errors, what) for item in node.value]
    if _scalar(node, errors, what) == "":
        return []
    errors.add(node, f"{what} phải là một danh sách")
    return []


def _checked(node, errors: _Errors, value: str, field: str, long: bool = True) -> str:
    from db.services.records import checked_text

    try:
        return checked_text(value, field, long=long)
    except NtmError as exc:
        errors.add(node, exc.message())
        return ""


def read_plan(text: str, commune, year: int | None) -> tuple[int, dict]:
    """Check the whole file; returns (year, what to write). Raises one ValidationError naming
    every bad key with its line."""
    import yaml

    errors = _Errors()
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"dòng {mark.line + 1}: " if mark else ""
        raise ValidationError("plan_file_invalid", problems=where + str(getattr(exc, "problem", exc))) from None
    if root is None:
        raise ValidationError("plan_file_invalid", problems="tệp trống")
    out: dict[str, Any] = {"document": {}, "sections": {}, "targets": None, "indicators": None}
    seen_year = None
    pairs = _pairs(root, errors, "tệp kế hoạch")
    for key, knode, vnode in pairs:
        if key == "year":
            try:
                seen_year = rules.parse_year(_scalar(vnode, errors, "year"))
            except NtmError as exc:
                errors.add(vnode, exc.message())
    year = year if year is not None else seen_year
    if year is None:
        raise ValidationError("plan_file_invalid", problems="thiếu «year» (hoặc --year)")
    if seen_year is not None and seen_year != year:
        errors.add(root, f"tệp là kế hoạch năm {seen_year}, không phải năm {year}")
    commune = commune_of(commune)
    cset = criteria_set_for_year(commune, year)

    def indicator(code: str, node):
        from db.services.results import find_indicator

        try:
            return find_indicator(cset, code)
        except NtmError as exc:
            errors.add(node, exc.message())
            return None

    for key, knode, vnode in pairs:
        if key == "year":
            continue
        if key not in TOP_KEYS:
            errors.add(knode, f"khóa không biết: {key}")
        elif key in ("number", "place", "parent_body", "issuer", "title"):
            out["document"][key] = _checked(vnode, errors, _scalar(vnode, errors, key), key, long=key == "title")
        elif key == "date":
            value = _scalar(vnode, errors, key)
            try:
                out["document"]["date"] = rules.parse_date(value) if value.strip() else None
            except NtmError as exc:
                errors.add(vnode, exc.message())
        elif key == "recipients":
            out["document"]["recipients"] = [_checked(vnode, errors, s, key, long=False)
                                             for s in _strings(vnode, errors, key)]
        elif key == "bases":
            out["sections"]["can_cu"] = _checked(vnode, errors, "\n".join(_strings(vnode, errors, key)), key)
        elif key == "signer":
            for sub, sk, sv in _pairs(vnode, errors, key):
                if sub not in SIGNER_KEYS:
                    errors.add(sk, f"khóa không biết: signer.{sub}")
                else:
                    out["document"][sub] = _checked(sv, errors, _scalar(sv, errors, f"signer.{sub}"), sub,
                                                    long=False)
        elif key == "sections":
            for sub, sk, sv in _pairs(vnode, errors, key):
                if sub not in SECTION_KEYS:
                    errors.add(sk, f"khóa không biết: sections.{sub} (có: {', '.join(SECTION_KEYS)})")
                else:
                    out["sections"][sub] = _checked(sv, errors, _scalar(sv, errors, f"sections.{sub}"), sub)
        elif key == "targets":
            from yaml.nodes import SequenceNode

            found = []
            for item in (vnode.value if isinstance(vnode, SequenceNode) else []):
                ind = indicator(_scalar(item, errors, "targets"), item)
                if ind is not None:
                    found.append(ind)
            if not isinstance(vnode, SequenceNode) and _scalar(vnode, errors, key):
                errors.add(vnode, "targets phải là một danh sách mã chỉ tiêu")
            out["targets"] = found
        elif key == "indicators":
            out["indicators"] = _read_indicators(vnode, errors, indicator)
    if errors.lines:
        raise ValidationError("plan_file_invalid", problems="\n".join(errors.lines))
    return year, out


def _read_indicators(node, errors: _Errors, indicator) -> list:
    from yaml.nodes import MappingNode, SequenceNode

    found = []
    for code, knode, vnode in _pairs(node, errors, "indicators"):
        ind = indicator(code, knode)
        items: list[tuple[str, str, bool]] = []
        works: list[dict] = []
        for sub, sk, sv in _pairs(vnode, errors, f"indicators.{code}"):
            if sub not in INDICATOR_KEYS:
                errors.add(sk, f"khóa không biết: {sub} (có: {', '.join(INDICATOR_KEYS)})")
                continue
            entries = sv.value if isinstance(sv, SequenceNode) else []
            if not isinstance(sv, SequenceNode) and _scalar(sv, errors, sub):
                errors.add(sv, f"{sub} phải là một danh sách")
            for entry in entries:
                if sub in ("tasks", "solutions"):
                    kind = "task" if sub == "tasks" else "solution"
                    if isinstance(entry, MappingNode):
                        fields = {k: v for k, _, v in _pairs(entry, errors, sub)}
                        extra = set(fields) - {"text", "done"}
                        if extra:
                            errors.add(entry, f"khóa không biết: {', '.join(sorted(extra))}")
                        text = _scalar(fields["text"], errors, "text", required=True) if "text" in fields else ""
                        if "text" not in fields:
                            errors.add(entry, "thiếu «text»")
                        done = "done" in fields and _scalar(fields["done"], errors, "done").lower() in (
                            "true", "yes", "1", "có")
                    else:
                        text, done = _scalar(entry, errors, sub, required=True), False
                    items.append((kind, _checked(entry, errors, text, "text"), done))
                    continue
                fields = {k: (kn, v) for k, kn, v in _pairs(entry, errors, "works")}
                work: dict[str, Any] = {}
                for wkey, (wk, wv) in fields.items():
                    if wkey not in WORK_KEYS:
                        errors.add(wk, f"khóa không biết: {wkey} (có: {', '.join(WORK_KEYS)})")
                        continue
                    value = _scalar(wv, errors, wkey, required=wkey == "title")
                    try:
                        if wkey == "due":
                            work["due_date"] = rules.parse_date(value) if value.strip() else None
                        elif wkey == "cost":
                            work["cost"] = plans.parse_cost(value) if value.strip() else None
                        elif wkey == "source":
                            if value and value not in plans.FUNDING_SOURCES:
                                raise ValidationError("plan_file_invalid", problems=(
                                    f"source: {value} (có: {', '.join(plans.FUNDING_SOURCES)})"))
                            work["funding_source"] = value
                        elif wkey == "status":
                            if value not in plans.WORK_STATUSES:
                                raise ValidationError("plan_file_invalid",
                                                      problems=f"status: {value} (có: {', '.join(plans.WORK_STATUSES)})")
                            work["status"] = value
                        else:
                            work[{"funding": "funding_note"}.get(wkey, wkey)] = _checked(
                                wv, errors, value, wkey, long=wkey != "hamlet")
                    except NtmError as exc:
                        errors.add(wv, exc.params.get("problems") or exc.message())
                if "title" not in fields and isinstance(entry, MappingNode):
                    errors.add(entry, "thiếu «title»")
                works.append(work)
        if ind is not None:
            found.append((ind, items, works))
    return found


def put_plan(commune, text: str, year: int | None = None, batch: str | None = None) -> int:
    """Replace the year's plan by the file's; returns the year. Nothing written on any error."""
    from db.changelog import create_logged, delete_logged, new_batch
    from db.services.records import update_record

    commune = commune_of(commune)
    year, data = read_plan(text, commune, year)
    batch = batch or new_batch()
    with database.atomic():
        plans.ensure_plan(commune, year, batch=batch)
        if data["document"]:
            plans.save_plan_document(commune, year, data["document"], batch=batch)
        plan = plans.get_plan(commune, year)
        for key, body in data["sections"].items():
            plans.save_plan_section(commune, year, key, body, batch=batch)
        if data["targets"] is not None:
            codes = {i.code for i in data["targets"]}
            current = [code for code, _ in plans.targets_view(commune, year).targets]
            plans.change_targets(commune, year, add=[c for c in codes if c not in current],
                                 remove=[c for c in current if c not in codes], batch=batch)
        if data["indicators"] is not None:
            for row in PlanItem.select().where(PlanItem.plan == plan):
                delete_logged(row, label=f"{row.indicator.code} / {year}", batch=batch)
            # A work keeps its row (and so its deadline ID, W12, and what was recorded for it)
            # when the file still has it: same indicator and title.
            kept = list(WorkItem.select().where(WorkItem.plan == plan).order_by(WorkItem.position, WorkItem.id))
            position = 0
            for ind, items, works in data["indicators"]:
                for work in works:
                    fields = {"hamlet": "", "funding_note": "", "due_date": None, "status": "planned", "note": "",
                              "cost": None, "funding_source": "", **work, "position": position}
                    row = next((w for w in kept if w.indicator_id == ind.id and w.title == work.get("title")), None)
                    if row is None:
                        create_logged(WorkItem, label=f"{ind.code} / {year}", batch=batch, plan=plan,
                                      indicator=ind, **fields)
                    else:
                        kept.remove(row)
                        update_record(WorkItem, row.id, fields, label=f"{ind.code} / {year}", batch=batch)
                    position += 1
            for row in kept:
                delete_logged(row, label=f"{row.indicator.code} / {year}", batch=batch)
            position = 0
            for ind, items, works in data["indicators"]:
                for kind, text_, done in items:
                    create_logged(PlanItem, label=f"{ind.code} / {year}", batch=batch, plan=plan, indicator=ind,
                                  kind=kind, text=text_, done=done, position=position)
                    position += 1
    return year
