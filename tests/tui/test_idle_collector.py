"""The cycle collector's full run waits for a pause between keys (ntm_tui/collector.py)."""
import gc

from ntm_tui.collector import IdleCollector


def _grow_old() -> None:
    """Objects that survive a middle collection: what the old generation is made of."""
    keep = [[i] for i in range(2000)]
    gc.collect(1)
    del keep


def test_collects_at_a_pause_after_growth_only():
    collector = IdleCollector()
    _grow_old()
    assert collector.tick(keys_so_far=1, busy=False) is False  # keys are coming
    assert collector.tick(keys_so_far=1, busy=True) is False  # a save is on its way
    assert collector.tick(keys_so_far=1, busy=False) is True  # a pause, and something grew old
    assert collector.tick(keys_so_far=1, busy=False) is False  # nothing grew since
    _grow_old()
    assert collector.tick(keys_so_far=2, busy=False) is False  # a key since the last look
    assert collector.tick(keys_so_far=2, busy=False) is True
