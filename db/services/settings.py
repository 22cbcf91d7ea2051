"""The commune's settings screen as one use case: what it shows, and saving it whole.

The commune's name and address, the year worked on and the plan's document data (number,
date, issuing body, signer) are saved in one transaction: all or nothing."""
from __future__ import annotations

from datetime import date

from db import rules
from db.dataclass_lite import dataclass
from db.errors import ValidationError
from db.models import Commune, Plan, database
from db.services import communes, people, plans
from db.services.records import update_record

COMMUNE_FIELDS = ("name", "district", "province", "code", "commune_group")
PLAN_FIELDS = ("number", "issuing_body", "issuing_unit", "signer_title", "signer_name")


@dataclass(frozen=True)
class SettingsView:
    commune: dict[str, str]
    commune_version: int
    plan: dict[str, object]  # PLAN_FIELDS and doc_date; empty strings when there is no plan
    plan_version: int | None
    members: list[str]


def settings_view(commune_id: int, year: int) -> SettingsView:
    commune = communes.commune_of(commune_id)
    plan = plans.get_plan(commune, year)
    shown: dict[str, object] = {n: getattr(plan, n) if plan else "" for n in PLAN_FIELDS}
    shown["doc_date"] = plan.doc_date if plan else None
    return SettingsView({n: getattr(commune, n) or "" for n in COMMUNE_FIELDS}, commune.version,
                        shown, plan.version if plan else None,
                        [m.name for m in people.list_members(commune)])


def save_settings(commune_id: int, plan_year: int, commune_fields: dict[str, str],
                  plan_fields: dict[str, object], current_year: int | str,
                  commune_version: int | None, plan_version: int | None,
                  batch: str | None = None) -> int:
    """Check everything, then write in one transaction. Returns the year to work on."""
    commune = communes.commune_of(commune_id)
    changes = {n: communes.commune_name(commune_fields.get(n, "")) if n == "name"
               else str(commune_fields.get(n, "")).strip() for n in ("name", "district", "province")}
    # The official code (5 digits, unique) and the commune group (1–3: which thresholds apply)
    changes["code"] = communes.commune_code(commune_fields.get("code", commune.code))
    changes["commune_group"] = communes.commune_group(commune_fields.get("commune_group",
                                                                         commune.commune_group))
    if changes["code"]:
        other = Commune.get_or_none((Commune.code == changes["code"]) & (Commune.id != commune.id))
        if other is not None:
            raise ValidationError("commune_code_exists", code=changes["code"], name=other.name)
    year = rules.parse_year(current_year)
    communes.criteria_set_for_year(commune, year)  # refuses a year outside the set's period
    plan_changes: dict[str, object] = {n: str(plan_fields.get(n, "")).strip() for n in PLAN_FIELDS}
    doc_date = plan_fields.get("doc_date")
    plan_changes["doc_date"] = rules.parse_date(doc_date) if doc_date and not isinstance(doc_date, date) \
        else doc_date or None
    with database.atomic():
        update_record(Commune, commune.id, changes, label=commune.name,
                      expected_version=commune_version, batch=batch)
        plan = plans.get_plan(commune, plan_year)
        if plan is not None or any(plan_changes.values()):
            plan = plan or plans.ensure_plan(commune, plan_year)
            update_record(Plan, plan.id, plan_changes, label=f"KH {plan_year}", batch=batch,
                          expected_version=plan_version)
        communes.put_setting("current_year", str(year), commune)
    return year
