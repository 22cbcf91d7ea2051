"""The year's plan for one indicator: tasks and solutions (text), and works (công trình)."""
from __future__ import annotations

from typing import Any

from ntm_tui.forms.form import Form, FormField
from ntm_tui.i18n import get_lang, t

WORK_STATUSES = ("planned", "in_progress", "done", "cancelled")


class PlanForm(Form):
    """Knows the commune, year and indicator; `record` is the view being edited (None = new)."""

    def __init__(self, commune_id: int, year: int, indicator_id: int, code: str, record=None) -> None:
        super().__init__()
        self.commune_id, self.year = commune_id, year
        self.indicator_id, self.code = indicator_id, code
        self.record = record
        self.message = t("saved")


class PlanItemForm(PlanForm):
    def __init__(self, *args, kind: str = "task", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.kind = self.record.kind if self.record else kind

    @property
    def form_title(self) -> str:  # type: ignore[override]
        return f"{self.code} / {self.year} — {t('kind_' + self.kind)}"

    def fields(self) -> list[FormField]:
        return [FormField("text", t("tf_text"), "multiline", self.record.text if self.record else "",
                          required=True)]

    def save(self, values: dict[str, Any], batch: str):
        from db.services.plans import add_plan_item, edit_plan_item

        if self.record is None:
            add_plan_item(self.commune_id, self.year, self.indicator_id, self.kind, values["text"],
                          batch=batch)
        else:
            edit_plan_item(self.record.id, text=values["text"], expected_version=self.record.version,
                           batch=batch)


def funding_choices() -> list[tuple[str, str]]:
    from db.services.plans import FUNDING_SOURCES, funding_label

    return [(funding_label(key, get_lang()), key) for key in FUNDING_SOURCES]


class WorkForm(PlanForm):
    """`hamlets`: the commune's (from its hamlet boards): the work's are ticked among them, so
    work and hamlet stay linked; without any, the hamlet is typed."""

    def __init__(self, *args, hamlets: list[str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.hamlets = list(hamlets or [])

    def _hamlet_field(self) -> FormField:
        stored = [h.strip() for h in (self.record.hamlet if self.record else "").split(",") if h.strip()]
        if not self.hamlets:
            return FormField("hamlet", t("tf_hamlet"), value=", ".join(stored),
                             placeholder=t("tf_hamlet_hint"))
        choices = self.hamlets + [h for h in stored if h not in self.hamlets]  # nothing typed is lost
        return FormField("hamlet", t("tf_hamlet"), "checks", stored,
                         choices=[(t("tf_hamlet_item", name=h), h) for h in choices])

    @property
    def form_title(self) -> str:  # type: ignore[override]
        return f"{self.code} / {self.year} — {t('kind_work')}"

    def fields(self) -> list[FormField]:
        w = self.record
        return [
            FormField("title", t("tf_title"), value=w.title if w else "", required=True),
            self._hamlet_field(),
            FormField("funding_note", t("tf_funding"), value=w.funding_note if w else "",
                      placeholder=t("tf_funding_hint")),
            FormField("due_date", t("tf_due_date"), "date", w.due_date if w else None),
            FormField("status", t("tf_status"), "choice", w.status if w else "planned",
                      [(t("work_" + s), s) for s in WORK_STATUSES], blank=False),
            FormField("cost", t("tf_cost"), "number", w.cost if w else None),
            FormField("funding_source", t("tf_funding_source"), "choice",
                      w.funding_source if w else "", funding_choices()),
        ]

    def save(self, values: dict[str, Any], batch: str):
        from db.services.plans import add_plan_work, edit_plan_work

        if isinstance(values["hamlet"], list):
            values = {**values, "hamlet": ", ".join(values["hamlet"])}
        if self.record is None:
            add_plan_work(self.commune_id, self.year, self.indicator_id, values["title"],
                          hamlet=values["hamlet"], funding_note=values["funding_note"],
                          due_date=values["due_date"], status=values["status"], batch=batch,
                          cost=values["cost"], funding_source=values["funding_source"] or "")
        else:
            edit_plan_work(self.record.id, values, expected_version=self.record.version, batch=batch)
