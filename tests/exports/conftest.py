"""The four reports of the demo commune, built once for the read-back tests."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from db.bootstrap import prepare
from db.connection import close_database

TODAY = date(2023, 4, 5)


def export_all(db: Path, folder: Path, lang: str = "vi", kinds: tuple[str, ...] | None = None
               ) -> dict[str, Path]:
    from db.services.communes import get_commune
    from exports.pdf import KINDS, export_report

    prepare(db, create=False)
    try:
        commune = get_commune()
        out = {}
        for kind in kinds or KINDS:
            period = "2023" if kind == "report" else None
            out[kind] = export_report(kind, commune.id, 2023, folder / f"{kind}.pdf", period=period,
                                      lang=lang, today=TODAY, annex=kind == "report").path
        return out
    finally:
        close_database()


@pytest.fixture(scope="session")
def demo_pdfs(demo_template, tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("pdfs")
    db = folder / "demo.db"
    shutil.copy(demo_template, db)
    return export_all(db, folder)

