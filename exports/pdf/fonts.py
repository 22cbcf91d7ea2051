"""The document font: bundled Liberation Serif, or a TTF the officer chose (e.g. Times New Roman).

Each face is registered once under a name derived from its file, and the four faces are tied
into a family so that <b> and <i> inside a Paragraph find the right face.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from db.dataclass_lite import dataclass
from db.errors import NotFoundError, ValidationError

FONTS_DIR = Path(__file__).resolve().parent.parent / "fonts"
BUNDLED = {
    "regular": FONTS_DIR / "LiberationSerif-Regular.ttf",
    "bold": FONTS_DIR / "LiberationSerif-Bold.ttf",
    "italic": FONTS_DIR / "LiberationSerif-Italic.ttf",
    "bold_italic": FONTS_DIR / "LiberationSerif-BoldItalic.ttf",
}
# Suffixes seen in the wild: "X-Bold.ttf" (Liberation, DejaVu), "X Bold.ttf", and the Windows
# short names "timesbd.ttf", "timesi.ttf", "timesbi.ttf".
_SUFFIXES = {
    "bold": ("-Bold", " Bold", "_Bold", "Bold", "bd"),
    "italic": ("-Italic", " Italic", "_Italic", "Italic", "-Oblique", "i"),
    "bold_italic": ("-BoldItalic", " Bold Italic", "_BoldItalic", "BoldItalic", "-BoldOblique",
                    "bi", "z"),
}
_REGULAR_SUFFIXES = ("-Regular", " Regular", "_Regular", "Regular", "-Roman", "")


@dataclass(frozen=True)
class FontFamily:
    regular: str
    bold: str
    italic: str
    bold_italic: str


def find_faces(regular: Path) -> dict[str, Path]:
    """The bold/italic siblings of a regular face; a missing sibling falls back to the regular."""
    siblings = {p.name.lower(): p for p in regular.parent.iterdir() if p.suffix.lower() == ".ttf"}
    stem = regular.stem
    base = next((stem[: len(stem) - len(s)] for s in _REGULAR_SUFFIXES
                 if s and stem.lower().endswith(s.lower())), stem)
    faces = {"regular": regular}
    for face, suffixes in _SUFFIXES.items():
        found = next((siblings[name] for s in suffixes
                      if (name := f"{base}{s}.ttf".lower()) in siblings
                      and siblings[name] != regular), None)
        faces[face] = found or regular
    return faces


def _register(path: Path) -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    name = "NTM-" + hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:10]
    if name in pdfmetrics.getRegisteredFontNames():
        return name
    try:
        pdfmetrics.registerFont(TTFont(name, str(path)))
    except (TTFError, OSError, ValueError, KeyError, IndexError, AssertionError):
        raise ValidationError("font_invalid", path=path) from None
    return name


def register_family(font_path: str | Path | None = None) -> FontFamily:
    """Register the faces and the family; returns the registered names."""
    from reportlab.pdfbase.pdfmetrics import registerFontFamily

    if font_path:
        regular = Path(font_path).expanduser()
        if not regular.is_file():
            raise NotFoundError("font_missing", path=regular)
        if regular.suffix.lower() != ".ttf":
            raise ValidationError("font_invalid", path=regular)
        faces = find_faces(regular)
    else:
        faces = BUNDLED
    names = {face: _register(path) for face, path in faces.items()}
    family = FontFamily(names["regular"], names["bold"], names["italic"], names["bold_italic"])
    registerFontFamily(family.regular, normal=family.regular, bold=family.bold,
                       italic=family.italic, boldItalic=family.bold_italic)
    return family
