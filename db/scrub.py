"""No control characters in stored text: what was saved before input was cleaned (or arrives
in a restored backup) is cleaned once, so no screen ever receives an ESC sequence from data."""
from __future__ import annotations


from peewee import sqlite3  # the SQLite library peewee uses: one copy per process

from db.text import strip_controls

# The rows to rewrite are found in C by GLOB with a character class of the same characters
# db.text strips (NUL cannot be in a pattern; SQLite text ends there anyway).
PATTERN = "*[\x01-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]*"


def scrub(conn: sqlite3.Connection) -> int:
    """Strip control characters from every text column of every table (inside the caller's
    transaction). Returns the number of values changed."""
    conn.create_function("ntm_strip_controls", 1, lambda v: strip_controls(v) if isinstance(v, str) else v,
                         deterministic=True)
    changed = 0
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    for table in tables:
        columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')
                   if (r[2] or "").upper().startswith(("VARCHAR", "TEXT", "CHAR"))]
        for column in columns:
            cursor = conn.execute(f'UPDATE "{table}" SET "{column}" = ntm_strip_controls("{column}") '
                                  f'WHERE "{column}" GLOB ?', (PATTERN,))
            changed += max(cursor.rowcount, 0)
    return changed
