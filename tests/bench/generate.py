"""A district (town or province) database for the benchmark: many communes in one SQLite file.

Default size: 150 communes × 5 years (2021–2025) × the 57 indicators of the shipped An Giang set.

What is generated, per commune:
- 12 units, 15 members (board and departments), one assignment per criterion (19) with a lead
  and one supporting unit, the four default deadline rules and the deadlines they give each year.
- Results: one row per indicator per year (the schema's shape), with the version the history
  below implies.
- Monthly value history: the `result` table keeps only the year's current value, so the months
  live where the app itself writes them: in the change log. Each result gets 12 entries
  (one per month, dated the 10th, the monthly report day): field `value` for measured kinds
  (percent, amount), field `status` for yes/no and absence indicators, old → new, each its own
  batch, user and label as `set_result` writes them. The last month's `new` is the row's value.
- Evidence: 10 items per indicator per commune for EACH year (57 × 10 × 5 = 2,850 per commune,
  427,500 in the default district): a dossier is kept year by year, and the status screen
  counts one year's items, so every year must carry a full dossier.
- One plan per year with 6 targeted indicators and one task and one solution per target.

Rows are written in bulk (one INSERT statement per table, executemany in chunks of 2,000)
inside one transaction per commune, with explicit ids so the change log can point at the result rows. The file is cached
under the bench cache folder by its size parameters (`cached_district`); delete it to rebuild.
"""
from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# Bump when the generated content changes, so a stale cached file is not reused.
GENERATOR_VERSION = 1
CHUNK = 2000

SYLLABLES_A = ["Tân", "Phú", "Bình", "Long", "Mỹ", "Vĩnh", "An", "Hòa", "Thạnh", "Phước",
               "Khánh", "Nhơn", "Hưng", "Lộc", "Châu"]
SYLLABLES_B = ["An", "Hòa", "Thạnh", "Phú", "Lợi", "Hưng", "Mỹ", "Đông", "Tây", "Trung", "Điền",
               "Thuận", "Xuân", "Hội", "Khánh"]
DISTRICTS = ["thị xã Tân Châu", "huyện Phú Tân", "huyện Châu Phú", "huyện Châu Thành",
             "huyện Chợ Mới", "huyện Thoại Sơn", "huyện Tri Tôn", "huyện Tịnh Biên",
             "huyện An Phú", "thành phố Châu Đốc"]
UNITS = [("Ban Quản lý xây dựng NTM xã", "board"), ("Tổ giúp việc NTM", "board"),
         ("Văn phòng UBND xã", "department"), ("Công chức Địa chính - Xây dựng", "department"),
         ("Công chức Văn hóa - Xã hội", "department"), ("Trạm Y tế xã", "department"),
         ("Ủy ban MTTQ Việt Nam xã", "mass_org"), ("Hội Nông dân xã", "mass_org"),
         ("Hội Liên hiệp Phụ nữ xã", "mass_org"), ("Đoàn Thanh niên xã", "mass_org"),
         ("Ban phát triển ấp 1", "hamlet_board"), ("Ban phát triển ấp 2", "hamlet_board")]
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Võ", "Huỳnh", "Phan", "Dương", "Đặng", "Bùi"]
GIVEN = ["Văn An", "Thị Bình", "Văn Cường", "Thị Dung", "Minh Đức", "Thị Hoa", "Văn Hùng",
         "Thị Lan", "Quốc Nam", "Thị Ngân", "Văn Phúc", "Thị Quyên", "Thanh Sơn", "Thị Tâm",
         "Văn Vinh"]
EVIDENCE_TITLES = ["Quyết định phê duyệt", "Biên bản kiểm tra", "Báo cáo kết quả", "Bảng thống kê",
                   "Văn bản xác nhận", "Danh sách hộ", "Kế hoạch thực hiện", "Biên bản nghiệm thu",
                   "Hình ảnh hiện trạng", "Tờ trình"]


def commune_names(count: int) -> list[str]:
    """Unique names (diacritics folded too), so `--commune NAME` finds exactly one."""
    names = [f"{a} {b}" for a in SYLLABLES_A for b in SYLLABLES_B if a != b]
    if count <= len(names):
        return names[:count]
    return [f"{names[i % len(names)]} {i // len(names) + 1}" if i >= len(names) else names[i]
            for i in range(count)]


def _measure(target, met: bool, rng: random.Random) -> float:
    """A plausible number on the met (or unmet) side of the threshold; percentages in 0–100.
    With an unknown threshold the officer sets the result by hand: any value will do."""
    percent = target.unit == "%"
    threshold = target.threshold
    if threshold is None:
        return round(rng.uniform(40, 99), 2) if percent else round(rng.uniform(1, 80), 2)
    upward = target.op in (">=", ">", "==")
    gap = max(abs(threshold) * rng.uniform(0.01, 0.2), 0.5)
    number = threshold + gap if upward == met else threshold - gap
    if target.op == "==" and met:
        number = threshold
    if percent:
        number = min(100.0, max(0.0, number))
        if met and target.op in (">=", "==") and threshold >= 100:
            number = 100.0
    return round(number, 2)


def cache_dir() -> Path:
    folder = Path(os.environ.get("NTM_BENCH_CACHE") or Path(tempfile.gettempdir()) / "ntm-tui-bench")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _plain(value):
    """What peewee would hand to sqlite3 for these values (dates as ISO text, booleans as 0/1)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _insert(model, fields, rows) -> None:
    """Bulk insert in chunks with executemany: building a multi-row `insert_many` statement in
    peewee costs 20× the insert itself. Fields left out get their model default, as in peewee."""
    if not rows:
        return
    extra = [f for f in model._meta.sorted_fields
             if f not in fields and not f.primary_key and f.default is not None]
    defaults = tuple(_plain(f.default() if callable(f.default) else f.default) for f in extra)
    columns = ", ".join(f'"{f.column_name}"' for f in list(fields) + extra)
    marks = ", ".join("?" * (len(fields) + len(extra)))
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    cursor = model._meta.database.cursor()
    for start in range(0, len(rows), CHUNK):
        cursor.executemany(sql, [tuple(_plain(v) for v in row) + defaults
                                 for row in rows[start:start + CHUNK]])


def generate(path: str | Path, communes: int = 150, years: tuple[int, int] = (2021, 2025),
             evidence_per_indicator: int = 10, seed: int = 8) -> dict:
    """Write a district database at `path` (must not exist). Returns row counts."""
    from db.bootstrap import prepare
    from db.connection import close_database
    from db.models import (Assignment, AssignmentSupport, ChangeLog, Commune, CommuneCriteriaSet,
                           Criterion, Deadline, DeadlineRule, EvidenceItem, Indicator, Member,
                           Plan, PlanItem, PlanTarget, Result, Setting, Unit, database)
    from db import rules
    from db.services.deadlines import DEFAULT_RULES, expand_rule
    from db.services.results import target_for

    path = Path(path)
    if path.exists():
        raise FileExistsError(path)
    rng = random.Random(seed)
    prepare(path)
    counts: dict[str, int] = {}
    try:
        database.execute_sql("PRAGMA synchronous = OFF")  # a generated file: no power-cut promise
        cset = Criterion.select().first().criteria_set
        criteria = sorted(Criterion.select().where(Criterion.criteria_set == cset),
                          key=lambda c: rules.code_key(c.code))
        indicators = sorted(Indicator.select().join(Criterion).where(Criterion.criteria_set == cset),
                            key=lambda i: rules.code_key(i.code))
        first_year, last_year = years
        year_list = list(range(first_year, last_year + 1))
        targets_by_year = {(ind.id, year): target_for(ind, year)
                           for ind in indicators for year in year_list}
        stamp = datetime(2020, 1, 1)
        names = commune_names(communes)
        ids = {"unit": 0, "member": 0, "assignment": 0, "result": 0, "rule": 0, "plan": 0}

        def next_id(key: str) -> int:
            ids[key] += 1
            return ids[key]

        def add(key: str, n: int) -> None:
            counts[key] = counts.get(key, 0) + n

        for number, name in enumerate(names, start=1):
            with database.atomic():
                commune_id = Commune.insert(
                    name=name, district=DISTRICTS[(number - 1) % len(DISTRICTS)], province="An Giang",
                    active=number == 1, version=1, updated_at=stamp, updated_by="bench",
                    created_at=stamp).execute()
                CommuneCriteriaSet.insert(commune=commune_id, criteria_set=cset,
                                          from_year=cset.period_start).execute()
                Setting.insert(commune=commune_id, key="current_year", value=str(last_year)).execute()
                units = [(next_id("unit"), commune_id, uname, kind, 1, stamp, "bench")
                         for uname, kind in UNITS]
                _insert(Unit, [Unit.id, Unit.commune, Unit.name, Unit.kind, Unit.version,
                               Unit.updated_at, Unit.updated_by], units)
                members = []
                for k in range(15):
                    person = f"{SURNAMES[(number + k) % len(SURNAMES)]} {GIVEN[k]}"
                    members.append((next_id("member"), commune_id, person, "Thành viên",
                                    units[k % len(units)][0], "Trưởng ban" if k == 0 else "Thành viên",
                                    f"09{number:04d}{k:04d}", "", 1, stamp, "bench"))
                _insert(Member, [Member.id, Member.commune, Member.name, Member.position, Member.unit,
                                 Member.board_role, Member.phone, Member.login, Member.version,
                                 Member.updated_at, Member.updated_by], members)
                assignments, supports = [], []
                for k, crit in enumerate(criteria):
                    aid = next_id("assignment")
                    assignments.append((aid, commune_id, crit.id, None, members[k % 15][0],
                                        f"{100 + number}/QĐ-UBND", "", 1, stamp, "bench"))
                    supports.append((aid, units[(k + 3) % len(units)][0]))
                _insert(Assignment, [Assignment.id, Assignment.commune, Assignment.criterion,
                                     Assignment.indicator, Assignment.lead, Assignment.decision,
                                     Assignment.note, Assignment.version, Assignment.updated_at,
                                     Assignment.updated_by], assignments)
                _insert(AssignmentSupport, [AssignmentSupport.assignment, AssignmentSupport.unit],
                        supports)

                rule_rows, deadline_rows = [], []
                for spec in DEFAULT_RULES:
                    rid = next_id("rule")
                    rule = DeadlineRule(id=rid, commune=commune_id, **spec)
                    rule_rows.append((rid, commune_id, spec["kind"], spec["title"], spec["frequency"],
                                      spec.get("due_month"), spec["due_day"], spec.get("latest_month"),
                                      spec.get("latest_day"), True, 1, stamp, "bench"))
                    for year in year_list:
                        for d in expand_rule(rule, year):
                            done = year < last_year
                            if not done:  # schema 4: a row is a record; open deadlines are computed
                                continue
                            deadline_rows.append((commune_id, rid, spec["kind"], d["period"], d["title"],
                                                  d["due"], d["latest"], "submitted" if done else "open",
                                                  d["due"] if done else None, "bench" if done else "",
                                                  "", "", 1, stamp, "bench"))
                _insert(DeadlineRule, [DeadlineRule.id, DeadlineRule.commune, DeadlineRule.kind,
                                       DeadlineRule.title, DeadlineRule.frequency, DeadlineRule.due_month,
                                       DeadlineRule.due_day, DeadlineRule.latest_month,
                                       DeadlineRule.latest_day, DeadlineRule.active, DeadlineRule.version,
                                       DeadlineRule.updated_at, DeadlineRule.updated_by], rule_rows)
                _insert(Deadline, [Deadline.commune, Deadline.rule, Deadline.kind, Deadline.period,
                                   Deadline.title, Deadline.due_date, Deadline.latest_date, Deadline.status,
                                   Deadline.submitted_on, Deadline.submitted_by, Deadline.file_path,
                                   Deadline.source, Deadline.version, Deadline.updated_at,
                                   Deadline.updated_by], deadline_rows)

                results, history, evidence, plan_rows, targets, items = [], [], [], [], [], []
                level = {ind.id: rng.uniform(0.5, 0.95) for ind in indicators}
                for year in year_list:
                    pid = next_id("plan")
                    plan_rows.append((pid, commune_id, year, f"{number}/KH-BQL", date(year, 2, 24),
                                      f"UBND XÃ {name.upper()}", "BQL XÂY DỰNG NTM", name,
                                      f"Thực hiện Chương trình MTQG xây dựng nông thôn mới năm {year}",
                                      "TM. BQL NTM XÃ", "TRƯỞNG BAN", "CHỦ TỊCH UBND XÃ",
                                      members[0][2], "Lưu: VT.", 1, stamp, "bench"))
                    for ind in rng.sample(indicators, 6):
                        targets.append((pid, None, ind.id))
                        items.append((pid, ind.id, "task", f"Phấn đấu đạt chỉ tiêu {ind.code} năm {year}",
                                      False, 0, 1, stamp, "bench"))
                        items.append((pid, ind.id, "solution", f"Giải pháp cho chỉ tiêu {ind.code}",
                                      False, 1, 1, stamp, "bench"))
                    for ind in indicators:
                        rid = next_id("result")
                        label = f"{ind.code} / {year}"
                        # the year's definition: an amended indicator can change kind (17.1, 2024)
                        kind = targets_by_year[(ind.id, year)].kind
                        measured = kind in (rules.PERCENT, rules.AMOUNT)
                        old_value, old_status = None, rules.UNASSESSED
                        for month in range(1, 13):
                            level[ind.id] = min(1.0, level[ind.id] + rng.uniform(-0.01, 0.02))
                            met = rng.random() < level[ind.id]
                            status = rules.MET if met else rules.NOT_MET
                            if measured:
                                target = targets_by_year[(ind.id, year)]
                                value = rules.format_number(_measure(target, met, rng))
                                status = rules.evaluate(target, value) or status
                                field, old, new = "value", old_value, value
                            else:
                                value = ("Không" if met else "Có") if kind == rules.ABSENCE \
                                    else ("Đạt" if met else "Không đạt")
                                field, old, new = "status", old_status, status
                            history.append((datetime(year, month, 10, 8, 30), "bench", commune_id,
                                            f"b{rid}m{month}", "result", rid, label, "update", field,
                                            old, new))
                            old_value, old_status = value, status
                        number_value = rules.parse_number(old_value) if measured else None
                        results.append((rid, commune_id, ind.id, year, old_status, old_value, number_value,
                                        date(year, 12, 10), "", 13, stamp, "bench"))
                        for k in range(evidence_per_indicator):
                            state = ("missing", "collected", "checked")[(k + year) % 3]
                            evidence.append((commune_id, ind.id, year,
                                             f"{EVIDENCE_TITLES[k % 10]} chỉ tiêu {ind.code} năm {year}",
                                             f"{k + 1}/{year}", date(year, 1 + k % 12, 15), "UBND xã",
                                             f"Tủ hồ sơ {ind.code}/{year}", state,
                                             date(year, 1 + k % 12, 20) if state != "missing" else None,
                                             members[k % 15][0], "", 1, stamp, "bench"))
                _insert(Plan, [Plan.id, Plan.commune, Plan.year, Plan.number, Plan.doc_date,
                               Plan.issuing_body, Plan.issuing_unit, Plan.place, Plan.subject,
                               Plan.signing_authority, Plan.signer_title, Plan.signer_position,
                               Plan.signer_name, Plan.recipients, Plan.version, Plan.updated_at,
                               Plan.updated_by], plan_rows)
                _insert(PlanTarget, [PlanTarget.plan, PlanTarget.criterion, PlanTarget.indicator], targets)
                _insert(PlanItem, [PlanItem.plan, PlanItem.indicator, PlanItem.kind, PlanItem.text,
                                   PlanItem.done, PlanItem.position, PlanItem.version, PlanItem.updated_at,
                                   PlanItem.updated_by], items)
                _insert(Result, [Result.id, Result.commune, Result.indicator, Result.year, Result.status,
                                 Result.value, Result.value_number, Result.data_date, Result.note,
                                 Result.version, Result.updated_at, Result.updated_by], results)
                _insert(ChangeLog, [ChangeLog.at, ChangeLog.user, ChangeLog.commune, ChangeLog.batch,
                                    ChangeLog.table, ChangeLog.record_id, ChangeLog.label,
                                    ChangeLog.action, ChangeLog.field, ChangeLog.old, ChangeLog.new],
                        history)
                _insert(EvidenceItem, [EvidenceItem.commune, EvidenceItem.indicator, EvidenceItem.year,
                                       EvidenceItem.title, EvidenceItem.doc_number, EvidenceItem.doc_date,
                                       EvidenceItem.issuer, EvidenceItem.location, EvidenceItem.status,
                                       EvidenceItem.status_date, EvidenceItem.responsible,
                                       EvidenceItem.note, EvidenceItem.version, EvidenceItem.updated_at,
                                       EvidenceItem.updated_by], evidence)
                for key, rows in (("units", units), ("members", members), ("assignments", assignments),
                                  ("deadlines", deadline_rows), ("results", results),
                                  ("change_log", history), ("evidence", evidence), ("plans", plan_rows)):
                    add(key, len(rows))
        counts["communes"] = communes
        database.execute_sql("ANALYZE")
        database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        close_database()
    return counts


def cached_district(communes: int = 150, years: tuple[int, int] = (2021, 2025),
                    evidence_per_indicator: int = 10) -> tuple[Path, bool]:
    """The district file for these sizes, generated on first use. Returns (path, generated_now)."""
    import zlib

    from db.migrations import MIGRATIONS

    schema = zlib.crc32(" ".join(name for _, name in MIGRATIONS).encode())  # any migration added
    name = f"district-v{GENERATOR_VERSION}-s{schema:08x}-c{communes}-y{years[0]}-{years[1]}-e{evidence_per_indicator}.db"
    path = cache_dir() / name
    if path.exists():
        return path, False
    partial = path.with_suffix(".partial.db")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    generate(partial, communes, years, evidence_per_indicator)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    partial.rename(path)
    return path, True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", nargs="?", help="file to write (default: the bench cache)")
    parser.add_argument("--communes", type=int, default=150)
    parser.add_argument("--first-year", type=int, default=2021)
    parser.add_argument("--last-year", type=int, default=2025)
    parser.add_argument("--evidence", type=int, default=10, help="items per indicator per year")
    args = parser.parse_args(argv)
    years = (args.first_year, args.last_year)
    started = time.perf_counter()
    if args.output:
        counts = generate(args.output, args.communes, years, args.evidence)
        print(f"{args.output}: {counts}")
    else:
        path, made = cached_district(args.communes, years, args.evidence)
        print(f"{path} ({'generated' if made else 'cached'})")
    print(f"{time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
