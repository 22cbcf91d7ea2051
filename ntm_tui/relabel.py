"""Switching the interface language in a running app: key bindings are labelled when their
classes are defined, so their descriptions are said again in the new language, every class's
merged bindings rebuilt, and the screens made anew (ntm_tui.app.NtmApp.switch_language)."""
from __future__ import annotations

import dataclasses
import sys

from ntm_tui.i18n import key_of, t


_KEYS: dict[tuple[str, str, str], str] = {}  # (class, key, action) → the label key it was said from


def _said_again(owner: type, binding):
    if isinstance(binding, tuple) or not getattr(binding, "description", ""):
        return binding
    place = (f"{owner.__module__}.{owner.__qualname__}", binding.key, binding.action)
    key = _KEYS.get(place) or key_of(binding.description)  # looked up once, in the first language
    if not key:
        return binding
    _KEYS[place] = key
    return dataclasses.replace(binding, description=t(key))


def _subclasses(cls) -> list[type]:
    out, todo = [], [cls]
    while todo:
        for sub in todo.pop().__subclasses__():
            out.append(sub)
            todo.append(sub)
    return out


def relabel_bindings() -> None:
    """Every binding of this program's classes, described in the language now set."""
    from textual.dom import DOMNode

    for name, module in list(sys.modules.items()):
        if not name.startswith("ntm_tui") or module is None:
            continue
        for value in list(vars(module).values()):
            if isinstance(value, type) and issubclass(value, DOMNode) and "BINDINGS" in value.__dict__ \
                    and value.__module__.startswith("ntm_tui"):  # not the library's own widgets
                value.BINDINGS = [_said_again(value, b) for b in value.BINDINGS]
    for cls in _subclasses(DOMNode):
        if cls.__dict__.get("_merged_bindings") is not None or "BINDINGS" in cls.__dict__:
            cls._merged_bindings = cls._merge_bindings()
