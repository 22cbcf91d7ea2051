"""Vietnamese text helpers: NFC storage and diacritic-free search keys."""
from __future__ import annotations

import dataclasses
import re
import unicodedata

MAX_TEXT = 4000  # longest free text accepted in one field
MAX_SHORT = 300  # longest title, name or document number


MAX_NAME = 200  # a commune, district or province name
# C0 controls but tab and newline, DEL, C1 controls (ESC, CSI, OSC… start terminal commands),
# and the bidirectional overrides that make text read differently from what it holds.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAKS = re.compile("[\t\n\u2028\u2029]")
SHOWN_FOR_CONTROL = "\ufffd"  # �: visible, and never a command to the terminal


def strip_controls(text: str) -> str:
    """Text as stored: control characters dropped (tab and newline kept)."""
    return _CONTROL.sub("", text)


def for_terminal(text: object, one_line: bool = False) -> str:
    """Text safe to print: each control character shown as �, so an ESC sequence in a note,
    a file or an argument can neither clear the screen nor set the window title.
    `one_line`: tabs and line breaks become spaces too (an error is one line on stderr)."""
    text = _CONTROL.sub(SHOWN_FOR_CONTROL, str(text))
    if one_line:
        text = _LINE_BREAKS.sub(" ", text)
    return text


def for_display(value: object) -> object:
    """`value` (a service's view: dataclasses, lists, tuples, dicts, text) with every control
    character in its text shown as � (tab and newline kept), for a screen: one call where data
    reaches the widgets. Unchanged parts are the same objects, so the common case costs a scan."""
    if isinstance(value, str):
        return _CONTROL.sub(SHOWN_FOR_CONTROL, value) if _CONTROL.search(value) else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for f in dataclasses.fields(value):
            if not f.init:
                continue
            old = getattr(value, f.name)
            new = for_display(old)
            if new is not old:
                changes[f.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    if isinstance(value, (list, tuple)):
        items = [for_display(v) for v in value]
        if all(a is b for a, b in zip(items, value)):
            return value
        return type(value)(items) if not hasattr(value, "_fields") else type(value)(*items)
    if isinstance(value, dict):
        pairs = {k: for_display(v) for k, v in value.items()}
        return value if all(pairs[k] is value[k] for k in value) else type(value)(pairs)
    return value


def nfc(text: str | None) -> str | None:
    """Input may arrive decomposed (some keyboards, SSH): always store NFC."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    return strip_controls(nfc(text) or "").strip()


def fold(text: str | None) -> str:
    """Search key: lower case, no diacritics, đ → d ("Nghèo đa chiều" → "ngheo da chieu")."""
    if not text:
        return ""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())


def matches(query: str, *fields: str | None) -> bool:
    """True when every word of the query occurs in the folded fields."""
    words = fold(query).split()
    haystack = " ".join(fold(f) for f in fields if f)
    return all(w in haystack for w in words)


# --- Vietnamese alphabetical order --------------------------------------------------------
# a ă â b c d đ e ê (f) g h i (j) k l m n o ô ơ p q r s t u ư v (w) x y (z): the letters first,
# then the tones (none, huyền, hỏi, ngã, sắc, nặng: the order of CLDR's Vietnamese collation),
# then case. "An, Âu, Dương, Đặng"; "Vĩnh Xương" before "Ô Long Vỹ" no more.
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER = {ch: n for n, ch in enumerate(_ALPHABET)}
_MODIFIERS = {"\u0306": "ă", "\u0302": "â", "\u031b": "ơ"}  # breve, circumflex, horn (on a/e/o/u)
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
_BASE = 1000  # letters sort after numbers, spaces and punctuation
_DIGITS = 999  # a number: this mark, then its value


def _letters(text: str):
    """(base letter with its own marks, tone, is upper) for each character of `text`."""
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch):
            if not out:
                continue
            base, tone, upper = out[-1]
            if ch in _TONES:
                out[-1] = (base, _TONES[ch], upper)
            elif ch in _MODIFIERS:
                shaped = {"a\u0306": "ă", "a\u0302": "â", "e\u0302": "ê", "o\u0302": "ô",
                          "o\u031b": "ơ", "u\u031b": "ư"}.get(base + ch, base)
                out[-1] = (shaped, tone, upper)
            continue
        lower = ch.lower()
        out.append((lower, 0, ch != lower))
    return out


def vi_key(text: str | None) -> tuple:
    """Sort key in Vietnamese alphabetical order (letters, then tones, then case)."""
    letters = _letters(text or "")
    primary: list[int] = []
    digits = ""
    for n, (b, _, _) in enumerate(letters):
        if b in "0123456789":  # a number counts whole: "Ấp 2" before "Ấp 10"
            digits += b
            if n + 1 < len(letters) and letters[n + 1][0] in "0123456789":
                continue
            primary += [_DIGITS, int(digits)]
            digits = ""
        elif b in _LETTER:
            primary.append(_BASE + _LETTER[b])
        else:
            primary.append(_BASE + len(_ALPHABET) + ord(b) if b.isalpha() else ord(b))
    return (tuple(primary), tuple(t for _, t, _ in letters), tuple(u for _, _, u in letters))


def vi_compare(a: str | None, b: str | None) -> int:
    """The SQLite collation "vi" (registered on every connection): ORDER BY name COLLATE vi."""
    ka, kb = vi_key(a), vi_key(b)
    return (ka > kb) - (ka < kb)
