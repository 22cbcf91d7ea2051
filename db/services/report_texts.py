"""The periodic report's parts: which a report of each kind has and under what title (the
commune's template), and the officer's own text of each part, kept per period."""
from __future__ import annotations

import json

from db.changelog import create_logged
from db.dataclass_lite import dataclass
from db.errors import ValidationError
from db.models import Commune, ReportText, database
from db.services.communes import commune_of, get_setting, put_setting
from db.services.records import checked_text, update_record

# (key, numbered place, title vi, title en). I.3 and I.4 are generated from the data and followed
# by the officer's words; III starts from the targets still unmet and the coming deadlines.
PARTS = (
    ("chi_dao", "I", "Công tác chỉ đạo, điều hành", "Direction and management"),
    ("tuyen_truyen", "I", "Công tác tuyên truyền, vận động", "Communication and mobilisation"),
    ("bo_tieu_chi", "I", "Kết quả thực hiện Bộ tiêu chí", "Results against the criteria set"),
    ("nguon_luc", "I", "Nguồn lực huy động", "Resources mobilised"),
    ("ton_tai", "II", "Tồn tại, hạn chế và nguyên nhân", "Shortcomings and their causes"),
    ("phuong_huong", "III", "Phương hướng, nhiệm vụ thời gian tới", "Tasks for the coming period"),
    ("kien_nghi", "IV", "Kiến nghị, đề xuất", "Proposals"),
)
PART_KEYS = tuple(p[0] for p in PARTS)
PERIOD_KINDS = ("month", "quarter", "half", "year")


@dataclass(frozen=True)
class PartText:
    part: str
    body: str
    version: int | None  # None: nothing written for this period yet


def default_title(part: str, lang: str = "vi") -> str:
    row = next(p for p in PARTS if p[0] == part)
    return row[3] if lang == "en" else row[2]


def template(commune: Commune | int, kind: str) -> dict[str, str]:
    """Part → title, in order, for a report of `kind` (month, quarter, half, year). A part the
    commune took out of its template is absent. Default: every part under its own title."""
    commune = commune_of(commune)
    stored = get_setting(f"report_template_{kind}", commune, "")
    if not stored:
        return {key: default_title(key) for key in PART_KEYS}
    titles = json.loads(stored)
    return {key: titles[key] for key in PART_KEYS if titles.get(key)}


def save_template(commune: Commune | int, kind: str, titles: dict[str, str]) -> dict[str, str]:
    """Titles per part; an empty title leaves the part out of this kind of report."""
    if kind not in PERIOD_KINDS:
        raise ValidationError("period_invalid", value=kind)
    commune = commune_of(commune)
    clean = {key: checked_text(titles.get(key, ""), key) for key in PART_KEYS}
    if not any(clean.values()):
        raise ValidationError("report_template_empty")
    put_setting(f"report_template_{kind}", json.dumps(clean, ensure_ascii=False), commune)
    return template(commune, kind)


def period_texts(commune: Commune | int, period: str) -> dict[str, PartText]:
    commune = commune_of(commune)
    rows = {r.part: r for r in ReportText.select().where((ReportText.commune == commune)
                                                         & (ReportText.period == period))}
    return {key: PartText(key, rows[key].body if key in rows else "",
                          rows[key].version if key in rows else None) for key in PART_KEYS}


def save_period_texts(commune: Commune | int, period: str, bodies: dict[str, str],
                      versions: dict[str, int | None] | None = None,
                      batch: str | None = None) -> dict[str, PartText]:
    """The officer's text of each part for one period, in one transaction (each part logged,
    so ctrl+z takes the save back). A part another session changed meanwhile is refused."""
    commune = commune_of(commune)
    versions = versions or {}
    with database.atomic():
        rows = {r.part: r for r in ReportText.select().where((ReportText.commune == commune)
                                                             & (ReportText.period == period))}
        for key, body in bodies.items():
            if key not in PART_KEYS:
                raise ValidationError("report_part_unknown", part=key)
            body = checked_text(body, key, long=True)
            label = f"BC {period}: {default_title(key)}"
            row = rows.get(key)
            if row is None:
                if body:
                    create_logged(ReportText, label=label, batch=batch, commune=commune,
                                  period=period, part=key, body=body)
            elif row.body != body:
                update_record(ReportText, row.id, {"body": body}, label=label,
                              expected_version=versions.get(key), batch=batch)
    return period_texts(commune, period)


def starting_list(commune: Commune | int, year: int, next_start, next_end, today) -> str:
    """What part III can start from when the officer has written nothing: the year's targets
    still unmet and what falls due in the next period, one "- " line each."""
    from db import rules
    from db.services.deadlines import list_deadlines
    from db.services.status import year_status

    commune = commune_of(commune)
    status = year_status(commune, year, with_evidence=False)
    out = [f"- Tiếp tục thực hiện chỉ tiêu {i.code}: {i.content}." for i in status.indicators()
           if i.targeted and i.status not in (rules.MET, rules.NA)]
    out += [f"- {d.title}: hạn {rules.format_date(d.due_date)}."
            for d in list_deadlines(commune, today, next_start, next_end)]
    return "\n".join(out)
