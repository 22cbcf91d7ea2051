"""Reading PDFs back for the tests: text, characters, fonts."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

MM = 72 / 25.4


def flat(text: str) -> str:
    """NFC, whitespace collapsed: wrapped lines compare like the stored string."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def text_of(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return flat(" ".join(page.extract_text() or "" for page in pdf.pages))


def page_texts(path: Path) -> list[str]:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return [page.extract_text() or "" for page in pdf.pages]


def font_names(path: Path) -> set[str]:
    from pypdf import PdfReader

    return {str(f.get_object()["/BaseFont"]) for page in PdfReader(path).pages
            for f in page["/Resources"]["/Font"].values()}
