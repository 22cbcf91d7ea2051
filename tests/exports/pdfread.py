"""Reading PDFs back for the tests: text, characters, fonts."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

MM = 72 / 25.4


def flat(text: str) -> str:
    """NFC, whitespace collapsed: wrapped lines compare like the stored string."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


@lru_cache(maxsize=32)
def text_of(path: Path) -> str:
    """The whole document's text, flattened (pypdf: several times faster than pdfplumber)."""
    from pypdf import PdfReader

    return flat(" ".join(page.extract_text() for page in PdfReader(path).pages))


@lru_cache(maxsize=32)
def body_text_of(path: Path) -> str:
    """As `text_of`, without the page numbers (top of pages 2…): a paragraph cut by a page
    break reads whole."""
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(path).pages]
    return flat(" ".join([pages[0]] + [re.sub(r"^\s*\d+\s", "", p) for p in pages[1:]]))


def page_texts(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def font_names(path: Path) -> set[str]:
    from pypdf import PdfReader

    return {str(f.get_object()["/BaseFont"]) for page in PdfReader(path).pages
            for f in page["/Resources"]["/Font"].values()}


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    chars: list
    tables: list


@lru_cache(maxsize=16)
def pages_of(path: Path) -> tuple[Page, ...]:
    """Each page parsed once (pdfplumber is slow): its characters and its tables."""
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return tuple(Page(p.width, p.height, list(p.chars), p.extract_tables()) for p in pdf.pages)


def table_rows(path: Path) -> list[list]:
    return [row for page in pages_of(path) for table in page.tables for row in table]
