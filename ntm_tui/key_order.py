"""Keys typed in one burst land where they would have landed typed slowly.

Textual hands a key to the focused widget's queue and goes on with the next key at once. When
keys arrive together (over SSH, tmux, a paste), the next key is therefore delivered before the
previous one has done its work: after Tab, the characters still go into the field Tab left;
after `v`, they go to the list instead of the form `v` opens. This mixin lets one key through
at a time: the next waits until the previous has been handled by every widget it bubbles
through, up to the app's own bindings, until a screen it opened is mounted and has set its
focus, and until what the key asked of the database through the one door (ntm_tui.workers: a
screen's first load, the read that opens a form, a save) has answered, so that `2` `/12.1`
Enter `v` finds the list loaded and the form open. A key waits a few milliseconds (the
database's answer) at most; a watchdog lets keys through whatever happens.
"""
from __future__ import annotations

import asyncio
from collections import deque

from textual import events
from textual.keys import _character_to_key

WATCHDOG_SECONDS = 2.0  # only a key whose work never ends (or a file locked long) waits this long
DOOR_POLL_SECONDS = 0.005


def _through_the_door(worker) -> bool:
    """A read or a write of ntm_tui.workers (not the 2 s poll for other sessions' changes)."""
    return worker.name == "write" or worker.name.startswith("read:")


# Textual reads Esc and a digit arriving together as macOS Option characters (its table for
# WezTerm): Esc then 3 in one burst over SSH or tmux becomes "£". Nobody types these here.
_OPTION_DIGITS = {"¡": "1", "™": "2", "£": "3", "¢": "4", "∞": "5", "§": "6", "¶": "7", "•": "8",
                  "ª": "9", "º": "0"}
_OPTION_KEYS = {_character_to_key(c): digit for c, digit in _OPTION_DIGITS.items()}  # "pound_sign"


def _esc_then_key(event: events.Key) -> list[events.Key]:
    """Esc and a key arriving together reach us as one key (alt+v, or "£" for Esc then 3): the
    terminal cannot tell them apart, and the app binds no alt key, so it is what was typed:
    Esc, then the key."""
    key, char = event.key, event.character
    if char in _OPTION_DIGITS or key in _OPTION_KEYS:
        char = _OPTION_DIGITS.get(char or "") or _OPTION_KEYS[key]
    elif key.startswith("alt+") and len(key) == 5 and not char:
        char = key[4:]  # as Pilot sends it
    elif not key.startswith("alt+") or not char or len(char) != 1 or not char.isprintable():
        return []

    plain = char if char.isalnum() else _character_to_key(char)
    parts = [events.Key("escape", "\x1b"), events.Key(plain, char)]
    for part in parts:
        part.set_sender(event._sender)
    return parts


class OrderedKeys:
    """Mixin for the App (before `App` in the bases)."""

    _key_busy = 0  # the number of the key being handled, 0 when none is
    _key_count = 0
    _key_pending: deque | None = None
    _key_watchdog = None

    async def on_event(self, event: events.Event) -> None:
        parts = _esc_then_key(event) if isinstance(event, events.Key) and not event.is_forwarded else []
        if parts:
            for part in parts:  # Esc, then the key: as typed
                await self.on_event(part)
            return
        if isinstance(event, events.Key) and not event.is_forwarded:
            if self._key_busy:
                if self._key_pending is None:
                    self._key_pending = deque()
                self._key_pending.append(event)
                return
            await self._deliver_key(event)
            return
        await super().on_event(event)

    async def _deliver_key(self, event: events.Key) -> None:
        self._key_count += 1
        number = self._key_busy = self._key_count
        target = self.focused or self.screen
        screen = self.screen
        self._key_watchdog = self.set_timer(WATCHDOG_SECONDS, lambda: self._release_key(number))
        await super().on_event(event)  # priority bindings, then forwarded to `target`
        chain = []
        node = target
        while node is not None and node is not self:
            chain.append(node)
            if node is screen:
                break
            node = node.parent
        # Twice: a message the key made a widget post to itself (a typed letter → Input.Changed)
        # is queued behind the first pass, and bubbles up ahead of the second.
        self._follow(number, chain + chain, lambda: self.call_later(self._after_bindings, number, chain))

    def _follow(self, number: int, chain: list, then) -> None:
        """Wait for each widget of the chain to have handled the key (its queue has reached
        our callback), in order: a widget posts the key to its parent while handling it."""
        while chain:
            node = chain.pop(0)
            if node.is_attached and node.call_later(self._follow, number, chain, then):
                return
        then()

    def _after_bindings(self, number: int, chain: list) -> None:
        """The key has bubbled up to the app, which has run its binding: a focused widget's
        own too (Enter in a field → submit). What that binding posted (Input.Submitted, and
        the screen's handler moving the focus) is followed along the chain again, so that the
        next key goes where the focus went (Enter on a search, then `v`, opens the form)."""
        self._follow(number, chain + chain, lambda: self.call_later(self._settle_screen, number))

    def _settle_screen(self, number: int) -> None:
        screen = self.screen
        if self._key_busy != number:
            return  # the watchdog let the keys go on
        if self._door_busy():  # the key's read or save: its answer may open a form, fill a list
            self.set_timer(DOOR_POLL_SECONDS, lambda: self._settle_screen(number))
            return
        if screen.is_mounted:
            self.call_later(self._release_key, number)  # focus() is itself a callback of the app
            return

        async def mounted() -> None:  # a screen the key opened: its first field gets the next keys
            try:
                await asyncio.wait_for(screen._mounted_event.wait(), WATCHDOG_SECONDS)
            except asyncio.TimeoutError:
                pass
            self.call_later(self._release_key, number)

        asyncio.create_task(mounted())

    def _door_busy(self) -> bool:
        return any(_through_the_door(w) and not w.is_finished for w in self.workers)

    async def _release_key(self, number: int) -> None:
        if self._key_busy != number:
            return  # released already (by the watchdog, or the chain after it)
        if self._key_watchdog is not None:
            self._key_watchdog.stop()
            self._key_watchdog = None
        self._key_busy = 0
        if self._key_pending:
            await self._deliver_key(self._key_pending.popleft())
