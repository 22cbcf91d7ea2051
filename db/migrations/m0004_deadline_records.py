"""Schema version 4: deadlines are computed from the rules; a `deadline` row is a record.

Before, looking at a year wrote its deadlines into `deadline` (and the year into the setting
`deadline_years`); looking at 2024 and 2025 on the demo made 42 late deadlines. Now the
calendar is derived when shown and a row is written only when the officer records something.

- Rows that only hold what looking generated go: open rows of a rule, of a work item or of an
  evidence expiry. Rows with something recorded stay (submitted or held, with date, person,
  file), and so do rows entered by hand (neither rule nor source).
- `deadline_years` becomes `deadlines_from`: the year the commune's calendar starts (the first
  year that was generated), where lists without a start date (`deadlines --late`) begin.
- `deadline_rule.starts_on`: a rule added later gives no deadline due before it. Existing rules
  apply from the calendar's start (NULL).
- `deadline.note`: the officer's note on a deadline (`ntm-tui note ID TEXT`), a record too.
- A commune without rules gets the seed plan's, which looking used to create on first sight
  (the rows as the code of version 3 made them; kept here, not imported, so this step never
  changes).

The database is backed up before this runs (db/migrations/__init__.py).
"""
from __future__ import annotations

from datetime import datetime

# db/services/deadline_rules.py DEFAULT_RULES as of schema 3: (kind, title, frequency,
# due_month, due_day, latest_month, latest_day)
SEED_RULES = [
    ("monthly_report", "Báo cáo tháng", "monthly", None, 10, None, 15),
    ("quarterly_report", "Báo cáo quý", "quarterly", 3, 10, 3, 20),
    ("annual_report", "Báo cáo năm", "yearly", 11, 10, 11, 20),
    ("board_meeting", "Họp BQL và UBND xã", "quarterly", 3, 31, None, None),
]


def apply(database) -> None:
    sql = database.execute_sql
    sql('ALTER TABLE "deadline_rule" ADD COLUMN "starts_on" DATE')
    sql('ALTER TABLE "deadline" ADD COLUMN "note" TEXT NOT NULL DEFAULT \'\'')
    sql('DELETE FROM "deadline" WHERE "status" = \'open\' AND ("rule_id" IS NOT NULL '
        'OR "source" LIKE \'work_item:%\' OR "source" LIKE \'evidence:%\')')
    for commune_id, value in sql('SELECT "commune_id", "value" FROM "setting" '
                                 'WHERE "key" = \'deadline_years\'').fetchall():
        years = [int(y) for y in (value or "").split(",") if y.strip().isdigit()]
        taken = sql('SELECT 1 FROM "setting" WHERE "key" = \'deadlines_from\' AND '
                    '"commune_id" IS ?', (commune_id,)).fetchone()
        if years and not taken:
            sql('INSERT INTO "setting" ("commune_id", "key", "value") VALUES (?, ?, ?)',
                (commune_id, "deadlines_from", str(min(years))))
    sql('DELETE FROM "setting" WHERE "key" = \'deadline_years\'')
    stamp = datetime.now().replace(microsecond=0).isoformat(sep=" ")
    bare = sql('SELECT "id" FROM "commune" WHERE "id" NOT IN '
               '(SELECT "commune_id" FROM "deadline_rule") ORDER BY "id"').fetchall()
    for (commune_id,) in bare:
        for kind, title, frequency, due_month, due_day, latest_month, latest_day in SEED_RULES:
            sql('INSERT INTO "deadline_rule" ("version", "updated_at", "updated_by", "commune_id", '
                '"kind", "title", "frequency", "due_month", "due_day", "latest_month", '
                '"latest_day", "active") VALUES (1, ?, \'\', ?, ?, ?, ?, ?, ?, ?, ?, 1)',
                (stamp, commune_id, kind, title, frequency, due_month, due_day, latest_month,
                 latest_day))
