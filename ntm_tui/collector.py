"""When Python's cycle collector runs: between the officer's keys, not in the middle of them.

A full collection walks every object the app holds and took 25–90 ms here, at random moments:
in the middle of a key or of a form being opened. What start-up and the sections made ahead
build lives as long as the app, so it is frozen (never walked again); young objects are still
collected as usual, and the full collection runs when the officer pauses, only if something
has grown old since the last one. Python's own full collection stays as a rare safety net."""
from __future__ import annotations

import gc

SAFETY_NET = 100  # full collections Python makes by itself: after 100 middle ones, not 10


def freeze_what_lives() -> None:
    """What exists now lives as long as the app: collected once, then never walked again."""
    gc.collect()
    gc.freeze()


def start() -> None:
    """After the first frame (run_app turned collection off for the start)."""
    freeze_what_lives()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, SAFETY_NET)
    gc.enable()


class IdleCollector:
    """Called every few seconds: a full collection when no key came since the last call and
    objects have been moved to the old generation since the last full collection."""

    def __init__(self) -> None:
        self._keys_seen = -1
        self._middle_collections = self._count_middle()

    @staticmethod
    def _count_middle() -> int:
        return gc.get_stats()[1]["collections"]

    def tick(self, keys_so_far: int, busy: bool) -> bool:
        typing = keys_so_far != self._keys_seen
        self._keys_seen = keys_so_far
        if typing or busy or self._count_middle() == self._middle_collections:
            return False
        gc.collect()
        self._middle_collections = self._count_middle()
        return True
