"""A writer process for the concurrency and crash tests: it opens the database itself, like a
second officer's session, and prints the batch of each change once it is committed.

    python -m tests.safety.worker DB loop N TAG      N writes (N = 0: until killed)
    python -m tests.safety.worker DB race ROW VERSION START_FILE
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def main(argv: list[str]) -> int:
    from db.bootstrap import prepare
    from db.changelog import new_batch
    from db.errors import ConflictError
    from db.models import Commune, Indicator, Result, ChangeLog
    from db.services.evidence import add_evidence
    from db.services.results import set_result

    path, mode = Path(argv[0]), argv[1]
    prepare(path, create=False)
    commune = Commune.get()
    if mode == "loop":
        count, tag = int(argv[2]), argv[3]
        indicator = Indicator.get(Indicator.code == "12.2")
        i = 0
        while count == 0 or i < count:
            i += 1
            if i % 2:
                batch = new_batch()
                # Every process writes the same row: concurrent writers on one record.
                set_result(commune, 2023, "12.2", value=f"{60 + i % 30},5", note=f"{tag}-{i}", batch=batch)
            else:
                item = add_evidence(commune, indicator, 2023, f"Biên bản {tag}-{i}", location=f"/hồ sơ/{tag}/{i}.pdf")
                batch = ChangeLog.get((ChangeLog.table == "evidence_item")
                                      & (ChangeLog.record_id == item.id)).batch
            sys.stdout.write(f"{batch}\n")
            sys.stdout.flush()
        return 0
    if mode == "race":
        row, version, start = int(argv[2]), int(argv[3]), Path(argv[4])
        while not start.exists():
            time.sleep(0.005)
        record = Result.get_by_id(row)
        from db.changelog import apply_changes

        try:
            apply_changes(record, {"note": f"pid {os.getpid()}"}, label="race", expected_version=version)
        except ConflictError:
            print("conflict")
            return 0
        print("ok")
        return 0
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
