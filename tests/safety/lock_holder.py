"""An app-like process for the lock-loss test: it opens the database as the app does, saves,
runs the first-start-of-the-day backup, then toggles 12.1 on request and stays open.

    python -m tests.safety.lock_holder DB MODE      MODE: write (save, then back up) or
                                                     read (back up inside a read transaction)
stdin:  "toggle N" → saves round N (met yes/no and note "round-N"), answers "ok" or "error: …"
        "quit"     → answers the integrity check and closes
"""
from __future__ import annotations

import json
import sys
from pathlib import Path


def main(argv: list[str]) -> int:
    from db.backup import daily_backup, default_folder
    from db.bootstrap import prepare
    from db.connection import close_database
    from db.models import Result, database
    from db.services.communes import get_commune
    from db.services.results import set_result

    path, mode = Path(argv[0]), argv[1]
    prepare(path, create=False)  # as ntm_tui.launch.run_app: open, then the daily backup
    commune = get_commune(None)
    if mode == "write":
        set_result(commune, 2023, "12.1", met="yes", note="round-0")
        backup = daily_backup(path, default_folder(path), 7)
    else:
        with database.atomic():  # a read transaction held across the backup
            Result.select().count()
            backup = daily_backup(path, default_folder(path), 7)
    print(json.dumps({"backup": str(backup) if backup else None}), flush=True)
    for line in sys.stdin:
        word, *rest = line.split()
        if word == "toggle":
            n = int(rest[0])
            try:
                set_result(commune, 2023, "12.1", met="no" if n % 2 else "yes", note=f"round-{n}")
                print("ok", flush=True)
            except Exception as exc:  # the test counts them: any failure is the defect
                print(f"error: {type(exc).__name__}: {exc}", flush=True)
        elif word == "quit":
            print(database.execute_sql("PRAGMA integrity_check").fetchone()[0], flush=True)
            close_database()
            return 0
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
