"""Labels in Vietnamese (default) and English.

Each area keeps its labels in its own module here (`cli.py`, `tui.py`, …) as a dict
KEY → (vi, en); they are merged on first use.
"""
from __future__ import annotations

import importlib

from db.package_files import module_names

_lang = "vi"
_labels: dict[str, tuple[str, str]] | None = None


def _load() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for name in module_names(__file__):
        module = importlib.import_module(f"{__name__}.{name}")
        merged.update(getattr(module, "LABELS", {}))
    return merged


def set_lang(lang: str) -> None:
    global _lang
    _lang = "en" if lang == "en" else "vi"


def get_lang() -> str:
    return _lang


def t(key: str, **params: object) -> str:
    global _labels
    if _labels is None:
        _labels = _load()
    vi, en = _labels.get(key, (key, key))
    text = en if _lang == "en" else vi
    return text.format(**params) if params else text


def key_of(text: str) -> str | None:
    """The key a label was said from, in either language (to say it again in the other)."""
    global _labels, _keys
    if _labels is None:
        _labels = _load()
    if _keys is None:
        _keys = {}
        # Key bindings are labelled from "key_…" labels: those win where a text is shared.
        for key, (vi, en) in sorted(_labels.items(), key=lambda kv: not kv[0].startswith("key_")):
            if "{" not in vi:
                _keys.setdefault(vi, key)
                _keys.setdefault(en, key)
    return _keys.get(text)


_keys: dict[str, str] | None = None
