"""Label keys are one namespace: two areas must not define the same key differently."""
import importlib
import pkgutil
import unicodedata

import ntm_tui.i18n as i18n


def test_label_keys_are_unique_across_areas():
    seen: dict[str, tuple[str, tuple[str, str]]] = {}
    clashes = []
    for info in pkgutil.iter_modules(i18n.__path__):
        labels = getattr(importlib.import_module(f"ntm_tui.i18n.{info.name}"), "LABELS", {})
        for key, value in labels.items():
            if key in seen and seen[key][1] != value:
                clashes.append(f"{key}: {seen[key][0]} vs {info.name}")
            seen[key] = (info.name, value)
    assert not clashes


def test_labels_are_nfc_and_have_both_languages():
    for info in pkgutil.iter_modules(i18n.__path__):
        for key, value in getattr(importlib.import_module(f"ntm_tui.i18n.{info.name}"), "LABELS", {}).items():
            assert len(value) == 2 and all(value), key
            assert unicodedata.normalize("NFC", value[0]) == value[0], key
