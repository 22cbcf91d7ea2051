"""The one door from the UI into the data.

Every database call of the app runs here, in a thread worker: the terminal never freezes on
a locked or slow file. Screens and forms hand in a function that calls `db/services/` and get
plain values back on the UI thread. One error path: a refusal (`NtmError`) or a database
error becomes the officer's message, never a traceback, and nothing saved is lost. A result
that arrives after its screen has gone is dropped; a write still reaches the change signal.

`read` is for loading what a screen shows. `write` is for a change the officer makes: it gives
the change a change-log batch (ctrl+z undoes it as one), and once saved posts `DataChanged`,
the one app-wide signal every screen that shows data refreshes from.
"""
from __future__ import annotations

from typing import Any, Callable

from textual.dom import DOMNode
from textual.message import Message

Done = Callable[[Any], None]
Failed = Callable[[Exception], None]


class DataChanged(Message, bubble=False):
    """The database changed: by this session (`batch` set) or another one (found by the poll).

    `origin` is the screen that already shows the change (the space key's row), which need
    not read the year again."""

    def __init__(self, batch: str | None = None, origin: DOMNode | None = None) -> None:
        super().__init__()
        self.batch = batch
        self.origin = origin


class Saved:
    """What a write hands to its `done`: the service's result, the batch, the latest change id,
    and whether another session changed anything since this session last looked (then every
    screen reloads). `done` sets `shown_by` to the screen that already shows the change."""

    __slots__ = ("value", "batch", "latest", "others", "shown_by")

    def __init__(self, value: Any, batch: str, latest: int, others: bool) -> None:
        self.value, self.batch, self.latest, self.others = value, batch, latest, others
        self.shown_by: DOMNode | None = None


def _as_message(exc: Exception):
    """The officer's message for anything a database call raised."""
    from peewee import sqlite3  # the library peewee uses (pysqlite3 when installed)

    from peewee import DatabaseError

    from db.connection import translate_error
    from db.errors import NtmError, StorageError

    if isinstance(exc, NtmError):
        return exc
    if isinstance(exc, (DatabaseError, sqlite3.Error)):
        return translate_error(exc)
    return StorageError("unexpected", detail=type(exc).__name__)


def _call(fn: Callable[[], Any]) -> tuple[Any, Exception | None]:
    """Run `fn` on this thread's own connection; any failure comes back as a message. What it
    returns goes to a screen with control characters shown as �: text stored by other means
    (an old database, another program) never drives the terminal."""
    from db.services.session import on_own_connection
    from db.text import for_display

    try:
        return for_display(on_own_connection(fn)), None
    except Exception as exc:  # every failure becomes the officer's message, none a traceback
        return None, _as_message(exc)


def _back_to_ui(node: DOMNode, callback: Callable[[Any], None] | None, value: Any) -> None:
    """Call `callback(value)` on the UI thread, unless the worker was cancelled or its node
    left the screen meanwhile (the answer is of no use to anybody then)."""
    from textual.worker import get_current_worker

    if callback is None:
        return
    app = node.app
    try:
        if get_current_worker().is_cancelled:
            return
        app.call_from_thread(_if_attached, node, callback, value)
    except RuntimeError:  # the app closed while we worked
        pass


def _if_attached(node: DOMNode, callback: Callable[[Any], None], value: Any) -> None:
    """The answer is shown only by a node still on screen: not one being closed (the app
    quitting, a screen popped) whose widgets may already be gone."""
    if node is node.app or (node.is_attached and not (node._closing or node._closed)):
        callback(value)


def _show_error(node: DOMNode, error: Exception) -> None:
    node.app.show_error(error)


def read(node: DOMNode, fn: Callable[[], Any], done: Done | None = None,
         failed: Failed | None = None, group: str = "read", exclusive: bool = True) -> None:
    """Load data for `node` in a thread worker; `done(result)` runs on the UI thread.

    `exclusive`: a newer load of the same group cancels the older one (its answer is dropped)."""

    def work() -> None:
        result, error = _call(fn)
        if error is None:
            _back_to_ui(node, done, result)
        else:
            _back_to_ui(node, failed or (lambda exc: _show_error(node, exc)), error)

    node.run_worker(work, thread=True, group=group, exclusive=exclusive, exit_on_error=False,
                    name=f"read:{getattr(fn, '__name__', 'fn')}")


def write(node: DOMNode, change: Callable[[str], Any], done: Callable[[Saved], None] | None = None,
          failed: Failed | None = None, message: str | Callable[[Any], str] = "",
          undoable: bool = True) -> None:
    """Save a change in a thread worker. `change(batch)` calls a service with that change-log
    batch. Saved: `done(Saved)` runs (when `node` is still shown), then the app remembers the
    batch for ctrl+z (`undoable`), says `message` and posts `DataChanged` — even when `node`
    has gone meanwhile. Refused: `failed(error)`, else the message shows as a notification;
    nothing is half-saved (each service runs in one transaction)."""
    app = node.app
    seen = getattr(app, "seen_change", 0)

    def run() -> Saved:
        from db.changelog import changes_after, new_batch

        batch = new_batch()
        value = change(batch)
        latest, others = changes_after(seen, batch)
        return Saved(value, batch, latest, others)

    def finish(saved: Saved) -> None:  # on the UI thread
        if done is not None and (node.is_attached or node is app):
            done(saved)
        text = message(saved.value) if callable(message) else message
        app.saved_change(saved, text, undoable)

    def work() -> None:
        saved, error = _call(run)
        try:
            if error is not None:
                app.call_from_thread(_if_attached, node, failed or (lambda exc: _show_error(node, exc)),
                                     error)
            else:
                app.call_from_thread(finish, saved)
        except RuntimeError:  # the app closed while we worked
            pass

    # Owned by the app, never exclusive: a write reaches the database and the change signal
    # even when the form or screen that asked for it has gone.
    app.run_worker(work, thread=True, group="write", exclusive=False, exit_on_error=False,
                   name="write")


def poll(app, latest: Callable[[], int], done: Callable[[int], None]) -> None:
    """The poll for other sessions' changes: a read that is dropped when the previous one is
    still waiting on a busy file."""
    if any(w.group == "poll" and not w.is_finished for w in app.workers):
        return

    def work() -> None:
        value, error = _call(latest)
        if error is None:
            _back_to_ui(app, done, value)

    app.run_worker(work, thread=True, group="poll", exit_on_error=False, name="poll")
