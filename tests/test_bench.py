"""The benchmark cannot rot: its generator and a smoke run are exercised here (no timings asserted),
and the started app must not have imported the heavy export libraries."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from db.bootstrap import prepare
from db.connection import close_database
from db.migrations import SCHEMA_VERSION, current_version
from db.models import ChangeLog, EvidenceItem, Result, database
from db.services.communes import default_year, get_commune
from db.services.results import effective_results
from db.services.status import year_status
from tests.bench.generate import commune_names, generate

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "tests" / "bench"


def test_generator_tiny_district(tmp_path):
    path = tmp_path / "district.db"
    counts = generate(path, communes=3, years=(2022, 2023), evidence_per_indicator=2)
    assert counts["results"] == 3 * 2 * 57
    assert counts["change_log"] == 12 * counts["results"]
    assert counts["evidence"] == 2 * counts["results"]
    prepare(path, create=False)
    assert current_version() == SCHEMA_VERSION
    names = commune_names(3)
    commune = get_commune(names[1])
    assert commune.name == names[1]
    year = default_year(commune)
    assert year == 2023
    status = year_status(commune, year)
    assert status.counts.indicators_total == 57
    assert sum(i.evidence_total for i in status.indicators()) == 2 * 57
    # The month history ends on the value the result row holds.
    row = Result.get((Result.commune == commune) & (Result.year == 2023))
    last = (ChangeLog.select().where((ChangeLog.table == "result") & (ChangeLog.record_id == row.id))
            .order_by(ChangeLog.at.desc()).first())
    assert last.new in (row.value, row.status)
    assert EvidenceItem.select().where(EvidenceItem.commune == commune).count() == 2 * 2 * 57
    # Each year's status sees that year's rows, and the start is the previous year's.
    assert effective_results(commune, 2022)[row.indicator_id].year == 2022
    assert effective_results(commune, 2023)[row.indicator_id].year == 2023
    assert database.execute_sql("SELECT count(*) FROM commune").fetchone()[0] == 3
    close_database()


def _env(tmp_path) -> dict:
    env = dict(os.environ, NTM_BENCH_CACHE=str(tmp_path / "cache"), PYTHONPATH=str(ROOT))
    return env


def test_started_app_has_not_imported_heavy_modules(demo_db, tmp_path):
    close_database()
    done = subprocess.run([sys.executable, str(BENCH / "probe.py"), "--db", str(demo_db)],
                          env=_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert "9/19 tiêu chí" in found["counts"]
    assert found["heavy"] == []


def test_bench_smoke_run(tmp_path):
    out = tmp_path / "bench.json"
    done = subprocess.run([sys.executable, str(BENCH / "run.py"), "--smoke", "--json", str(out)],
                          env=_env(tmp_path), capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    for key in ("start_ratio", "key_p95_ms", "key_p95_ms_district", "status_ratio", "pdf_ratio",
                "annual_report_s", "peak_rss_mb", "key_p50_ms", "key_measure", "import_app_ms"):
        assert key in figures
    assert figures["start_ratio"] > 0 and figures["key_p95_ms"] > 0
    assert figures["heavy_modules_at_start"] == []
    assert "start → dashboard" in done.stdout
    visits = figures["first_visit_ms"]  # every section, form and the detail screen was opened
    assert {"criteria", "detail", "value_form", "evidence", "calendar", "settings", "reports"} <= set(visits)
    assert all(ms > 0 for ms in visits.values()) and figures["first_visit_max_ms"] == max(visits.values())
    last = figures["first_visit_last_frame_ms"]  # the complete frame is never after the last one
    assert set(last) == set(visits) and all(visits[name] <= last[name] for name in visits)


def test_pdf_baseline_gets_the_tables_a_reader_sees(demo_db, tmp_path):
    """The baseline rebuilds the export's tables from what pdf_tables.py captured: every cell it
    captured is printed in the exported PDF (no object reprs for empty cells), rows are full."""
    from datetime import date

    from exports.pdf import export_report
    from tests.bench.pdf_tables import capture
    from tests.exports.pdfread import flat, text_of

    commune_id = get_commune().id
    close_database()
    specs = []
    for kind, period in (("evidence", None), ("report", "2023")):
        spec = capture(demo_db, kind, 2023, period, today=date(2023, 4, 5))
        specs.append(spec)
        prepare(demo_db, create=False)
        pdf = export_report(kind, commune_id, 2023, tmp_path / f"{kind}.pdf", period=period,
                            today=date(2023, 4, 5)).path
        close_database()
        printed = text_of(pdf).replace(" ", "")  # a long word may wrap at a "/"
        cells = [flat(cell) for t in spec["tables"] for row in t["rows"] for cell in row if cell]
        assert cells and all(cell.replace(" ", "") in printed for cell in cells), \
            [c for c in cells if c.replace(" ", "") not in printed][:5]
        for t in spec["tables"]:
            assert all(len(row) == len(t["widths"]) for row in t["rows"])
            assert sum(t["widths"]) < 180 * 72 / 25.4  # inside the frame: A4 less 45 mm
    assert any(cell == "" for spec in specs for t in spec["tables"] for row in t["rows"] for cell in row)


def test_same_document_baseline_prints_what_the_export_prints(demo_db, tmp_path):
    """The budget's baseline is the export's own story laid out by bare reportlab: the same
    number of pages and the same words, page by page (page numbers aside)."""
    import json
    import subprocess
    import sys
    from datetime import date

    from exports.pdf import export_report
    from tests.bench.pdf_tables import capture
    from tests.exports.pdfread import text_of

    commune_id = get_commune().id
    close_database()
    for kind, period in (("plan", None), ("report", "2023")):
        spec = capture(demo_db, kind, 2023, period, today=date(2023, 4, 5))
        source = tmp_path / f"{kind}.json"
        source.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
        baseline = tmp_path / f"{kind}-baseline.pdf"
        subprocess.run([sys.executable, "tests/bench/pdf_baseline.py", "--document", str(source),
                        "-o", str(baseline)], check=True)
        prepare(demo_db, create=False)
        ours = export_report(kind, commune_id, 2023, tmp_path / f"{kind}.pdf", period=period,
                             today=date(2023, 4, 5))
        close_database()
        words = set(text_of(baseline).split())
        assert ours.pages == pdf_page_count(baseline) and ours.pages > 1
        assert set(text_of(ours.path).split()) - words <= {str(n) for n in range(1, ours.pages + 1)}


def pdf_page_count(path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)
