"""A short run of the Done-when trial of issue 12 (tests/safety/tmux_lock_trial.py): the app in
tmux at 80×24 with the daily backup, other commands between space presses. The full 20 rounds:
`python -m tests.safety.tmux_lock_trial`."""
from __future__ import annotations

import pytest

from tests.safety import tmux_lock_trial


@pytest.mark.skipif(tmux_lock_trial.available() is not None,
                    reason=str(tmux_lock_trial.available()))
def test_app_in_tmux_survives_other_commands_after_the_daily_backup(tmp_path):
    report = tmux_lock_trial.trial(rounds=3, folder=tmp_path)
    summary = {k: v for k, v in report.items() if k != "last_screen"}
    assert report["ok"], (summary, "\n".join(report["last_screen"]))
    assert report["toggles_in_db"] == 4
    assert sorted(report["app_locks_at_end"]) == ["ntm.db", "ntm.db-shm"]
    assert all(report["app_locks_at_end"].values())
