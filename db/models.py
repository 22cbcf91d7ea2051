"""peewee models. The database is bound at start (`db.connection.open_database`), never at import."""
from __future__ import annotations

import time
from datetime import datetime

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    OperationalError,
    SqliteDatabase,
    TextField,
)



class NtmDatabase(SqliteDatabase):
    """Every outermost transaction starts with BEGIN IMMEDIATE: the write lock is taken
    (waiting up to the busy timeout) before anything is read, so a read-then-write
    transaction never fails with SQLITE_BUSY when it upgrades, as deferred ones can in WAL."""

    read_only = False  # set by db.connection.open_database; deferred BEGIN then
    begin_attempts = 2  # each waits the busy timeout (15 s) before the next

    def begin(self, lock_type=None):
        lock_type = lock_type or (None if self.read_only else "IMMEDIATE")
        for attempt in range(self.begin_attempts):
            try:
                return super().begin(lock_type)
            except OperationalError as exc:
                # Nothing has been done yet, so trying BEGIN again is safe.
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(0.2 * (attempt + 1))
        from db.errors import StorageError

        raise StorageError("db_locked")


database = NtmDatabase(None)


def now() -> datetime:
    return datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class VersionedModel(BaseModel):
    """Rows the officer edits carry a version, so a stale edit from another session is refused."""

    version = IntegerField(default=1)
    updated_at = DateTimeField(default=now)
    updated_by = CharField(default="")


# --- criteria sets ---------------------------------------------------------------

class CriteriaSet(VersionedModel):
    code = CharField(unique=True)
    name = TextField()
    level = CharField(default="commune")  # commune, advanced (nâng cao), model (kiểu mẫu)
    period_start = IntegerField()
    period_end = IntegerField()
    national_decision = TextField(default="")
    provincial_decision = TextField(default="")
    region = TextField(default="")
    notes = TextField(default="")
    meta_json = TextField(default="{}")  # provenance the file carried, kept as is


class CriterionGroup(BaseModel):
    criteria_set = ForeignKeyField(CriteriaSet, backref="groups", on_delete="CASCADE")
    code = CharField()  # I..V
    name = TextField()
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("criteria_set", "code"), True),)


class Criterion(VersionedModel):
    criteria_set = ForeignKeyField(CriteriaSet, backref="criteria", on_delete="CASCADE")
    group = ForeignKeyField(CriterionGroup, null=True, backref="criteria", on_delete="SET NULL")
    code = CharField()
    name = TextField()
    position = IntegerField(default=0)
    responsible_sector = TextField(default="")
    note = TextField(default="")

    class Meta:
        indexes = ((("criteria_set", "code"), True),)


class Indicator(VersionedModel):
    criterion = ForeignKeyField(Criterion, backref="indicators", on_delete="CASCADE")
    code = CharField()
    content = TextField()
    kind = CharField(default="yesno")  # rules.KINDS
    op = CharField(default="==")  # rules.OPS
    threshold = FloatField(null=True)  # numeric kinds; NULL = unknown, set by hand
    unit = CharField(null=True)
    responsible_sector = TextField(default="")
    confidence = CharField(default="")  # provenance of the wording: high/medium/low
    target_confidence = CharField(default="")
    basis = CharField(default="")  # read / brief / recall
    source = TextField(default="")
    note = TextField(default="")
    verified = BooleanField(default=False)
    verified_source = TextField(default="")  # e.g. "1260/QĐ-UBND, Phụ lục"
    position = IntegerField(default=0)

    class Meta:
        indexes = ((("criterion", "code"), True),)


class IndicatorThreshold(BaseModel):
    """A threshold that differs by assessment year or by commune group (2026–2030 set)."""

    indicator = ForeignKeyField(Indicator, backref="thresholds", on_delete="CASCADE")
    year = IntegerField(null=True)
    commune_group = CharField(null=True)
    op = CharField()
    threshold = FloatField(null=True)
    unit = CharField(null=True)


class IndicatorVersion(BaseModel):
    """An amendment (e.g. Quyết định 211/QĐ-TTg of 01/3/2024): the indicator's wording, kind and
    target from `valid_from` on; the years before keep the indicator's own (m0005)."""

    indicator = ForeignKeyField(Indicator, backref="versions", on_delete="CASCADE")
    valid_from = DateField()
    content = TextField()
    kind = CharField()
    op = CharField(default="==")
    threshold = FloatField(null=True)
    unit = CharField(null=True)
    source = TextField(default="")
    note = TextField(default="")

    class Meta:
        indexes = ((("indicator", "valid_from"), True),)


class IndicatorPart(BaseModel):
    """One measured part of a compound indicator (or of a compound version of it) (m0005)."""

    indicator = ForeignKeyField(Indicator, backref="parts", on_delete="CASCADE")
    version = ForeignKeyField(IndicatorVersion, null=True, backref="parts", on_delete="CASCADE")
    position = IntegerField(default=0)
    key = CharField()  # short name typed by the officer: "nam", "mức độ 1"
    label = TextField(default="")
    kind = CharField()  # rules.PART_KINDS
    op = CharField(null=True)
    threshold = FloatField(null=True)
    unit = CharField(null=True)
    when_part = CharField(null=True)  # another part's key: a conditional threshold
    when_op = CharField(null=True)
    when_value = FloatField(null=True)
    when_threshold = FloatField(null=True)


# --- communes --------------------------------------------------------------------

class Commune(VersionedModel):
    name = CharField()
    district = CharField(default="")  # thị xã, huyện before 01/7/2025; "" in two-tier government
    province = CharField(default="")
    code = CharField(default="")  # official 5-digit code (19/2025/QĐ-TTg), "" unknown (m0007)
    commune_group = CharField(null=True)
    active = BooleanField(default=False)
    created_at = DateTimeField(default=now)
    # A commune merged into another (m0010): the new commune and the day; its data stays.
    successor = ForeignKeyField("self", null=True, backref="predecessors", on_delete="SET NULL")
    merged_on = DateField(null=True)


class CommuneCriteriaSet(BaseModel):
    """Which criteria set a commune assesses against, from a given year on."""

    commune = ForeignKeyField(Commune, backref="set_periods", on_delete="CASCADE")
    criteria_set = ForeignKeyField(CriteriaSet, on_delete="RESTRICT")
    from_year = IntegerField()

    class Meta:
        indexes = ((("commune", "from_year"), True),)


class Setting(BaseModel):
    """Settings stored with the data (shared by everyone using this database)."""

    commune = ForeignKeyField(Commune, null=True, on_delete="CASCADE")
    key = CharField()
    value = TextField(default="")

    class Meta:
        indexes = ((("commune", "key"), True),)


# --- results ---------------------------------------------------------------------

class Result(VersionedModel):
    commune = ForeignKeyField(Commune, backref="results", on_delete="CASCADE")
    indicator = ForeignKeyField(Indicator, backref="results", on_delete="CASCADE")
    year = IntegerField()
    status = CharField(default="unassessed")  # rules.STATUSES
    value = CharField(null=True)  # as normalised text ("72,5", "Đạt", "Không")
    value_number = FloatField(null=True)
    numerator = FloatField(null=True)
    denominator = FloatField(null=True)
    data_date = DateField(null=True)
    note = TextField(default="")

    class Meta:
        indexes = ((("commune", "year", "indicator"), True),
                   (("commune", "indicator", "year"), False))  # m0003: latest result per indicator


class ResultEntry(BaseModel):
    """One state of a result as written, with the day it holds from (m0008): the data date the
    officer gave with it, else the day it was entered. Reports read a period as of its end."""
    result = ForeignKeyField(Result, backref="entries", on_delete="CASCADE")
    commune = ForeignKeyField(Commune, on_delete="CASCADE")
    indicator = ForeignKeyField(Indicator, on_delete="CASCADE")
    year = IntegerField()
    status = CharField()
    value = CharField(null=True)
    numerator = FloatField(null=True)
    denominator = FloatField(null=True)
    data_date = DateField(null=True)
    note = TextField(default="")
    version = IntegerField()
    holds_from = DateField()
    entered_at = DateTimeField(default=now)
    batch = CharField(default="", index=True)  # undoing the batch removes its entries

    class Meta:
        indexes = ((("commune", "year", "holds_from"), False),)


# --- people and units ---------------------------------------------------------------

class Unit(VersionedModel):
    commune = ForeignKeyField(Commune, backref="units", on_delete="CASCADE")
    name = CharField()
    kind = CharField(default="department")  # board, department, mass_org, hamlet_board, other


class Member(VersionedModel):
    commune = ForeignKeyField(Commune, backref="members", on_delete="CASCADE")
    name = CharField()
    position = CharField(default="")  # chức vụ
    unit = ForeignKeyField(Unit, null=True, backref="members", on_delete="SET NULL")
    board_role = CharField(default="")  # Trưởng ban, Phó ban, Thành viên
    phone = CharField(default="")
    login = CharField(default="")  # OS login, for "mine" filters


class Assignment(VersionedModel):
    """A criterion (indicator NULL) or an indicator, held by a lead member."""

    commune = ForeignKeyField(Commune, backref="assignments", on_delete="CASCADE")
    criterion = ForeignKeyField(Criterion, on_delete="CASCADE")
    indicator = ForeignKeyField(Indicator, null=True, on_delete="CASCADE")
    lead = ForeignKeyField(Member, null=True, backref="assignments", on_delete="SET NULL")
    decision = CharField(default="")  # e.g. 289/QĐ-UBND ngày 29/7/2022
    note = TextField(default="")

    class Meta:
        indexes = ((("commune", "criterion", "indicator"), True),)


class AssignmentSupport(BaseModel):
    assignment = ForeignKeyField(Assignment, backref="supports", on_delete="CASCADE")
    unit = ForeignKeyField(Unit, on_delete="CASCADE")

    class Meta:
        indexes = ((("assignment", "unit"), True),)


# --- the year's plan --------------------------------------------------------------------

class Plan(VersionedModel):
    commune = ForeignKeyField(Commune, backref="plans", on_delete="CASCADE")
    year = IntegerField()
    number = CharField(default="")  # 249/KH-BQL
    doc_date = DateField(null=True)
    issuing_body = CharField(default="")  # UBND XÃ TÂN THẠNH
    issuing_unit = CharField(default="")  # BQL XÂY DỰNG NTM
    place = CharField(default="")  # Tân Thạnh (for "Tân Thạnh, ngày …")
    subject = TextField(default="")
    signing_authority = CharField(default="")  # TM. BQL NTM XÃ
    signer_title = CharField(default="")  # TRƯỞNG BAN
    signer_position = CharField(default="")  # CHỦ TỊCH UBND XÃ
    signer_name = CharField(default="")
    recipients = TextField(default="")  # one per line

    class Meta:
        indexes = ((("commune", "year"), True),)


class PlanSection(VersionedModel):
    """Free text of the plan: bases (căn cứ), purposes, requirements, leadership, …"""

    plan = ForeignKeyField(Plan, backref="sections", on_delete="CASCADE")
    key = CharField()
    title = TextField(default="")
    body = TextField(default="")
    position = IntegerField(default=0)


class PlanTarget(BaseModel):
    """A criterion or indicator the plan aims to reach this year."""

    plan = ForeignKeyField(Plan, backref="targets", on_delete="CASCADE")
    criterion = ForeignKeyField(Criterion, null=True, on_delete="CASCADE")
    indicator = ForeignKeyField(Indicator, null=True, on_delete="CASCADE")


class PlanItem(VersionedModel):
    """A task (nhiệm vụ) or a solution (giải pháp) for an indicator."""

    plan = ForeignKeyField(Plan, backref="items", on_delete="CASCADE")
    indicator = ForeignKeyField(Indicator, on_delete="CASCADE")
    kind = CharField()  # task, solution
    text = TextField()
    done = BooleanField(default=False)
    position = IntegerField(default=0)


class WorkItem(VersionedModel):
    """A concrete work, e.g. a road upgrade in a hamlet."""

    plan = ForeignKeyField(Plan, backref="works", on_delete="CASCADE")
    indicator = ForeignKeyField(Indicator, on_delete="CASCADE")
    title = TextField()
    hamlet = CharField(default="")
    funding_note = TextField(default="")
    due_date = DateField(null=True)
    status = CharField(default="planned")  # planned, in_progress, done, cancelled
    note = TextField(default="")
    position = IntegerField(default=0)
    cost = FloatField(null=True)  # đồng (m0009): the report's "nguồn lực huy động"
    funding_source = CharField(default="")  # exports.report_parts.FUNDING_SOURCES, "" unknown


# --- evidence -----------------------------------------------------------------------------

class EvidenceItem(VersionedModel):
    commune = ForeignKeyField(Commune, backref="evidence", on_delete="CASCADE")
    indicator = ForeignKeyField(Indicator, backref="evidence", on_delete="CASCADE")
    year = IntegerField()
    title = TextField()
    doc_number = CharField(default="")
    doc_date = DateField(null=True)
    issuer = CharField(default="")
    evidence_date = DateField(null=True)
    location = TextField(default="")  # where the file is; stored, never opened or executed
    status = CharField(default="missing")  # missing, collected, checked
    status_date = DateField(null=True)
    responsible = ForeignKeyField(Member, null=True, on_delete="SET NULL")
    expiry_date = DateField(null=True)
    note = TextField(default="")

    class Meta:
        indexes = ((("commune", "year", "indicator"), False),
                   (("commune", "year", "indicator", "status"), False))  # m0003: evidence counts


# --- deadlines ------------------------------------------------------------------------------

class DeadlineRule(VersionedModel):
    """How deadlines repeat (monthly report on the 10th, at the latest the 15th, …)."""

    commune = ForeignKeyField(Commune, backref="deadline_rules", on_delete="CASCADE")
    kind = CharField()  # monthly_report, quarterly_report, annual_report, board_meeting, custom
    title = TextField(default="")
    frequency = CharField()  # monthly, quarterly, yearly
    due_month = IntegerField(null=True)  # yearly: month; quarterly: month within quarter (1-3)
    due_day = IntegerField()
    latest_month = IntegerField(null=True)
    latest_day = IntegerField(null=True)
    active = BooleanField(default=True)
    starts_on = DateField(null=True)  # m0004: a rule added later gives no deadline due before it


class Deadline(VersionedModel):
    """What the officer recorded about one deadline (m0004): sent or held, when, with which file.

    The calendar itself is computed from the rules, work items and evidence expiry; a row exists
    only once something is recorded. A submitted row keeps the title and dates it was recorded
    with; an open row of a rule or a one-off only holds a note and follows the computed dates.
    A row without rule or source is a deadline entered by hand."""

    commune = ForeignKeyField(Commune, backref="deadlines", on_delete="CASCADE")
    rule = ForeignKeyField(DeadlineRule, null=True, backref="deadlines", on_delete="SET NULL")
    kind = CharField()
    period = CharField(default="")  # 2023-03, 2023-Q1, 2023
    title = TextField()
    due_date = DateField()
    latest_date = DateField(null=True)
    status = CharField(default="open")  # open, submitted
    submitted_on = DateField(null=True)
    submitted_by = CharField(default="")
    file_path = TextField(default="")
    source = CharField(default="")  # e.g. work_item:12, evidence:40
    note = TextField(default="")  # m0004: the officer's note on this deadline

    class Meta:
        indexes = ((("commune", "due_date"), False),)


class ReportText(VersionedModel):
    """The officer's own text of one part of a periodic report (m0009), kept per period
    ("2026-H1", "2026-Q3", "2026-05", "2026")."""
    commune = ForeignKeyField(Commune, on_delete="CASCADE")
    period = CharField()
    part = CharField()  # exports.report_parts.PARTS
    body = TextField(default="")

    class Meta:
        indexes = ((("commune", "period", "part"), True),)


# --- change log ---------------------------------------------------------------------------------

class ChangeLog(BaseModel):
    at = DateTimeField(default=now, index=True)
    user = CharField()
    commune = ForeignKeyField(Commune, null=True, on_delete="SET NULL")
    batch = CharField(index=True)  # one user action; undo reverts a whole batch
    table = CharField()
    record_id = IntegerField()
    label = TextField(default="")  # human reference, e.g. "12.1 / 2023"
    action = CharField(default="update")  # create, update, delete
    field = CharField(default="")
    old = TextField(null=True)
    new = TextField(null=True)
    # Which running app wrote it (m0002): screens skip their own. No Python default, so bulk
    # inserts that list their fields need not name it; the column defaults to ''.
    session = CharField()
    login = CharField(default="")  # the Unix login (m0006); `user` is the name chosen in the settings

    class Meta:
        indexes = ((("table", "record_id"), False), (("commune", "id"), False))


ALL_MODELS = [
    CriteriaSet, CriterionGroup, Criterion, Indicator, IndicatorThreshold,
    IndicatorVersion, IndicatorPart,
    Commune, CommuneCriteriaSet, Setting, Result, ResultEntry,
    Unit, Member, Assignment, AssignmentSupport,
    Plan, PlanSection, PlanTarget, PlanItem, WorkItem,
    EvidenceItem, DeadlineRule, Deadline, ReportText, ChangeLog,
]
