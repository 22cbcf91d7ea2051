"""Vietnamese text helpers: NFC storage and diacritic-free search keys."""
from __future__ import annotations

import unicodedata

MAX_TEXT = 4000  # longest free text accepted in one field
MAX_SHORT = 300  # longest title, name or document number


def nfc(text: str | None) -> str | None:
    """Input may arrive decomposed (some keyboards, SSH): always store NFC."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", text)


def clean(text: str | None) -> str:
    return (nfc(text) or "").strip()


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
