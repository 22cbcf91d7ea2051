"""`dataclass` for the records ntm-tui defines, cheaper to define than the standard one.

On Python 3.11 `dataclasses.dataclass(frozen=True)` compiles six methods from source text for
each class: about 1 ms a class, and a command defines 12 (status) to 25 (a PDF export) of them
before doing anything else. Here the standard decorator still writes __init__ (and, for a
frozen record, the guards against assignment); equality, hashing and repr are three shared
functions that read the same fields the generated ones would. Everything else (`fields`,
`replace`, `asdict`, `is_dataclass`) is the standard module's, unchanged. Python 3.13 compiles
a class's methods in one go; this can go once the project requires it."""
from __future__ import annotations

import dataclasses


def _compared(record) -> tuple:
    return tuple(getattr(record, f.name) for f in dataclasses.fields(record) if f.compare)


def _eq(self, other):
    if other.__class__ is not self.__class__:
        return NotImplemented
    return _compared(self) == _compared(other)


def _hash(self) -> int:
    return hash(_compared(self))


def _repr(self) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self) if f.repr)
    return f"{self.__class__.__qualname__}({shown})"


def dataclass(cls=None, /, *, frozen: bool = False):
    """`@dataclass` or `@dataclass(frozen=True)`, as the standard one: a frozen record is
    hashable by its fields, a mutable one is not hashable."""
    def wrap(cls):
        own = set(cls.__dict__)
        cls = dataclasses.dataclass(cls, frozen=frozen, repr=False, eq=False)
        if "__eq__" not in own:
            cls.__eq__ = _eq
            if "__hash__" not in own:
                cls.__hash__ = _hash if frozen else None
        if "__repr__" not in own:
            cls.__repr__ = _repr
        return cls

    return wrap if cls is None else wrap(cls)
