"""Label and message keys are one namespace each: a key defined twice silently drops one text."""
import ast
import importlib
import pkgutil
import unicodedata
from pathlib import Path

import ntm_tui.i18n as i18n


ROOT = Path(__file__).resolve().parents[1]


def test_label_keys_are_unique_across_areas():
    seen: dict[str, str] = {}
    clashes = []
    for info in pkgutil.iter_modules(i18n.__path__):
        labels = getattr(importlib.import_module(f"ntm_tui.i18n.{info.name}"), "LABELS", {})
        for key in labels:
            if key in seen:
                clashes.append(f"{key}: {seen[key]} and {info.name}")
            seen[key] = info.name
    assert not clashes


def _repeated_literal_keys(path: Path) -> list[str]:
    """Keys written twice in one dict literal: Python keeps the last and says nothing."""
    repeated = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            repeated += sorted({k for k in keys if keys.count(k) > 1})
    return repeated


def test_message_catalogues_define_each_key_once():
    catalogues = [ROOT / "db" / "messages.py", *sorted((ROOT / "ntm_tui" / "i18n").glob("*.py"))]
    found = {str(p.relative_to(ROOT)): _repeated_literal_keys(p) for p in catalogues}
    assert {p: keys for p, keys in found.items() if keys} == {}


def test_labels_are_nfc_and_have_both_languages():
    for info in pkgutil.iter_modules(i18n.__path__):
        for key, value in getattr(importlib.import_module(f"ntm_tui.i18n.{info.name}"), "LABELS", {}).items():
            assert len(value) == 2 and all(value), key
            assert unicodedata.normalize("NFC", value[0]) == value[0], key


def test_no_label_says_its_own_key_in_either_language():
    """`--lang en` printed "dl_yes": a label whose English was its key."""
    import re

    from db.messages import MESSAGES
    from exports.pdf.labels import LABELS
    from ntm_tui.i18n import _load

    for table in (_load(), LABELS, MESSAGES):
        for key, (vi, en) in table.items():
            if "_" in key:
                assert key not in (vi, en), key
            for text in (vi, en):
                bare = re.sub(r"\{[^}]*\}", "", text)
                assert not re.search(r"\b[a-z]+_[a-z_]+\b", bare), (key, text)
