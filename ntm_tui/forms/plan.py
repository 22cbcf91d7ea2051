"""The year's plan for one indicator: tasks and solutions (text), and works (công trình)."""
from __future__ import annotations

from ntm_tui.forms.base import Field, FormScreen
from ntm_tui.i18n import t

WORK_STATUSES = ("planned", "in_progress", "done", "cancelled")


def created_batch(record) -> str | None:
    """The plan services log a creation under their own batch: find it for ctrl+z."""
    from db.changelog import history

    entries = history(table=record._meta.table_name, record_id=record.id, limit=1)
    return entries[0].batch if entries else None


class PlanForm(FormScreen):
    """Knows the commune, year and indicator; `record` is the view being edited (None = new)."""

    def __init__(self, commune_id: int, year: int, indicator_id: int, code: str, record=None) -> None:
        super().__init__()
        self.commune_id, self.year = commune_id, year
        self.indicator_id, self.code = indicator_id, code
        self.record = record

    def plan_and_indicator(self):
        from db.models import Commune, Indicator
        from db.services.plans import ensure_plan

        return ensure_plan(Commune.get_by_id(self.commune_id), self.year), \
            Indicator.get_by_id(self.indicator_id)

    def update(self, model, changes: dict) -> str:
        from db.changelog import new_batch
        from db.services.records import update_record

        batch = new_batch()
        update_record(model, self.record.id, changes, label=f"{self.code} / {self.year}",
                      expected_version=self.record.version, batch=batch)
        return batch


class PlanItemForm(PlanForm):
    def __init__(self, *args, kind: str = "task", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kind = self.record.kind if self.record else kind

    @property
    def form_title(self) -> str:  # type: ignore[override]
        return f"{self.code} / {self.year} — {t('kind_' + self.kind)}"

    def fields(self) -> list[Field]:
        return [Field("text", t("tf_text"), self.record.text if self.record else "")]

    def save(self, values: dict[str, str]) -> tuple[str | None, str]:
        from db.models import PlanItem
        from db.services.plans import add_item
        from db.services.records import checked_text

        if self.record is None:
            plan, indicator = self.plan_and_indicator()
            return created_batch(add_item(plan, indicator, self.kind, values["text"])), t("saved")
        text = checked_text(values["text"], "text", required=True, long=True)
        return self.update(PlanItem, {"text": text}), t("saved")


class WorkForm(PlanForm):
    @property
    def form_title(self) -> str:  # type: ignore[override]
        return f"{self.code} / {self.year} — {t('kind_work')}"

    def fields(self) -> list[Field]:
        from db.rules import format_date

        w = self.record
        return [
            Field("title", t("tf_title"), w.title if w else ""),
            Field("hamlet", t("tf_hamlet"), w.hamlet if w else ""),
            Field("funding_note", t("tf_funding"), w.funding_note if w else ""),
            Field("due_date", t("tf_due_date"), format_date(w.due_date) if w else "",
                  "dd/mm/yyyy"),
            Field("status", t("tf_status"), w.status if w else "planned",
                  choices=[(t("work_" + s), s) for s in WORK_STATUSES]),
        ]

    def save(self, values: dict[str, str]) -> tuple[str | None, str]:
        from db import rules
        from db.models import WorkItem
        from db.services.plans import add_work
        from db.services.records import checked_choice, checked_text

        due = values["due_date"].strip()
        if self.record is None:
            plan, indicator = self.plan_and_indicator()
            work = add_work(plan, indicator, values["title"], hamlet=values["hamlet"],
                            funding_note=values["funding_note"], due_date=due or None,
                            status=values["status"])
            return created_batch(work), t("saved")
        changes = {
            "title": checked_text(values["title"], "title", required=True, long=True),
            "hamlet": checked_text(values["hamlet"], "hamlet"),
            "funding_note": checked_text(values["funding_note"], "funding_note", long=True),
            "due_date": rules.parse_date(due) if due else None,
            "status": checked_choice(values["status"], "status", WORK_STATUSES),
        }
        return self.update(WorkItem, changes), t("saved")
