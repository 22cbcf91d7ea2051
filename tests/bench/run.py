"""ntm-tui benchmark: each figure is measured side by side with a baseline in the same run.

    python tests/bench/run.py [--quick] [--smoke] [--json FILE]

- start: a fresh `python -m ntm_tui --db DEMO` under a pseudo-terminal (80×24), from spawn until
  the dashboard's counts ("x/19 tiêu chí") are on the screen, against a minimal Textual app that
  draws one static screen, measured the same way (tests/bench/minimal_app.py). Runs alternate;
  ratio of medians. The same on the district database (`--commune NAME`), where the peak RSS
  (VmHWM) is read after the criteria and evidence sections have been opened too.
- keys: space on the indicator list, 200 presses (60 with --quick), each timed until the change
  is on the screen and in the database (the real app driven by Pilot in a process of its own,
  tests/bench/keys.py).
  Without a space key on the criteria screen the service call + the status reload is timed
  instead, and the JSON says `key_measure: "service"`.
- status: `ntm-tui status --format json` (subprocess) against `python -c "import peewee"`.
- pdf: each export (plan, report, evidence, assignments) through the command line, against the
  same document built with bare reportlab (tests/bench/pdf_baseline.py --document): before
  timing, tests/bench/pdf_tables.py runs the exporter up to the point where its story is laid
  out and writes that story to JSON, flowable by flowable (paragraph markup and style, tables
  with their cells, widths, lines and spans, spacers, rules), with the four bundled faces. The
  baseline reads that file and lays out the same flowables in an A4 SimpleDocTemplate with the
  export's margins: the same pages (`pages` = `baseline_pages`), with the fonts embedded. It
  imports nothing of ntm-tui and touches no database; what the ratio measures is everything
  the command adds to reportlab's own work: start-up, the database, building the story, the
  page numbers and document info. Runs alternate; ratio of medians. Two lighter references are
  timed in the same runs: the export's data tables alone, cells in one style and face
  (`tables_ms` / `tables_ratio`; for the plan, one 20-row table around which the export prints
  seven pages of text), and a Table of tiny strings ("cell r.c") in Helvetica with as many rows
  and columns as pdfplumber finds, nothing embedded (`tiny_baseline_ms` / `tiny_ratio`, the
  figure the budget was first measured against). `null` until the exporters exist.
- first visits: each section, form and the detail screen opened once in a fresh app (Pilot,
  80×24, tests/bench/first_visits.py), from the key to the complete frame (the first whose
  cells, characters and styles, are those the visit ends on) and to the last frame drawn
  before the app falls quiet; 3 fresh apps per database (5 in a full run, alternating);
  `first_visit_ms` holds, for each, the slower of the demo's and the district's medians to the
  complete frame, budget 150 ms for the slowest; `first_visit_last_frame_ms` the same to the
  last frame; every sample is in `first_visit_samples_ms`.
- imports: `python -X importtime -c "import ntm_tui.app"`, and which of reportlab, tabulate,
  openpyxl the started app has imported (tests/bench/probe.py).

The project is byte-compiled first, as `pip install .` does. The district file is generated
once per size (tests/bench/generate.py) and cached under $NTM_BENCH_CACHE or
<tmp>/ntm-tui-bench; each run works on a copy. `--quick` (fewer repeats)
finishes in under 3 minutes once the district is cached (the first generation takes about a
minute); `--smoke` runs every measurement once on a tiny district, for the test suite.
"""
from __future__ import annotations

import argparse
import fcntl
import json
import os
import re
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.bench.generate import cached_district, commune_names  # noqa: E402

PY = sys.executable
BENCH = Path(__file__).resolve().parent
HEAVY = ("reportlab", "tabulate", "openpyxl")
BUDGETS = {"start_ratio": 1.5, "key_p95_ms": 50.0, "key_p95_ms_district": 50.0, "status_ratio": 2.0,
           "pdf_ratio": 1.5, "annual_report_s": 1.0, "peak_rss_mb": 200.0,
           "first_visit_max_ms": 150.0}
COUNTS = re.compile(r"\d+/\d+ (tiêu chí|criteria)")
ANSI = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[PX^_\]].*?(?:\x1b\\|\x07)|\x1b[()][0-9A-Za-z]|\x1b[=>78]",
                  re.S)
PROFILES = {  # start runs, key presses, status runs, pdf runs, first-visit apps, district size
    "full": dict(runs=9, presses=200, status_runs=9, pdf_runs=7, visit_runs=5, communes=150,
                 years=(2021, 2025), evidence=10),
    "quick": dict(runs=5, presses=60, status_runs=7, pdf_runs=5, visit_runs=3, communes=150,
                  years=(2021, 2025), evidence=10),
    "smoke": dict(runs=1, presses=3, status_runs=1, pdf_runs=1, visit_runs=1, communes=3,
                  years=(2022, 2023), evidence=1),
}
PDF_KINDS = [("plan", None), ("report", "2023"), ("evidence", None), ("assignments", None)]


def median(values):
    return statistics.median(values) if values else None


def percentile(values, q):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def ms(seconds):
    return None if seconds is None else round(seconds * 1000, 1)


def ratio(a, b):
    return None if a is None or not b else round(a / b, 2)


# --- processes ---------------------------------------------------------------------------------

def timed(argv: list[str], env: dict) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr.decode(errors='replace')[-500:]}")
    return elapsed


def vm_hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def pty_start(argv: list[str], env: dict, keys_after: tuple[bytes, ...] = (), timeout: float = 30.0
              ) -> tuple[float, float | None]:
    """Spawn `argv` on a fresh 80×24 pseudo-terminal; seconds until the counts are on its screen,
    and the process's peak RSS (MB) after `keys_after` were typed. Then ctrl+q."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(env, TERM="xterm-256color", COLUMNS="80", LINES="24")
    started = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                            start_new_session=True, close_fds=True)
    os.close(slave)
    screen, ready = b"", None

    def drain(until: float, pattern=None, quiet: float | None = None) -> bool:
        """Read the screen until `pattern` shows, or (with `quiet`) it stops changing."""
        nonlocal screen
        last = time.perf_counter()
        while time.perf_counter() < until:
            readable, _, _ = select.select([master], [], [], 0.02)
            if quiet and not readable and time.perf_counter() - last > quiet:
                return True
            if readable:
                last = time.perf_counter()
                try:
                    screen += os.read(master, 1 << 16)
                except OSError:
                    return False
                if pattern and pattern.search(ANSI.sub(b"", screen).decode("utf-8", "ignore")):
                    return True
            elif proc.poll() is not None:
                return False
        return False

    try:
        if drain(started + timeout, COUNTS):
            ready = time.perf_counter() - started
        for key in keys_after:
            screen = b""
            os.write(master, key)
            drain(time.perf_counter() + 2.0, quiet=0.2)
        peak = vm_hwm_mb(proc.pid)
        os.write(master, b"\x11")  # ctrl+q
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        os.close(master)
    if ready is None:
        tail = ANSI.sub(b"", screen).decode("utf-8", "ignore")[-400:]
        raise RuntimeError(f"no counts on screen from {' '.join(argv)}: {tail!r}")
    return ready, peak


# --- measurements ------------------------------------------------------------------------------

def measure_start(demo: Path, district: Path, commune: str, env: dict, runs: int) -> dict:
    app, base, dist, peaks = [], [], [], []
    app_argv = [PY, "-m", "ntm_tui", "--db", str(demo)]
    dist_argv = [PY, "-m", "ntm_tui", "--db", str(district), "--commune", commune]
    if runs > 1:  # warm the file cache, not counted
        pty_start([PY, str(BENCH / "minimal_app.py")], env)
        pty_start(app_argv, env)
    for _ in range(runs):
        base.append(pty_start([PY, str(BENCH / "minimal_app.py")], env)[0])
        app.append(pty_start(app_argv, env)[0])
        ready, peak = pty_start(dist_argv, env, keys_after=(b"2", b"4", b"1"))
        dist.append(ready)
        if peak is not None:
            peaks.append(peak)
    return {
        "start_app_ms": ms(median(app)), "start_baseline_ms": ms(median(base)),
        "start_ratio": ratio(median(app), median(base)),
        "start_district_ms": ms(median(dist)), "start_ratio_district": ratio(median(dist), median(base)),
        "start_app_runs_ms": [ms(v) for v in app], "start_baseline_runs_ms": [ms(v) for v in base],
        "peak_rss_mb": round(max(peaks), 1) if peaks else None,
    }


def _criteria_key_ready() -> bool:
    """Has the criteria screen a space key yet (the screens branch)?"""
    from ntm_tui.screens.criteria import CriteriaScreen

    return any(getattr(b, "key", b[0] if isinstance(b, tuple) else "") == "space"
               for b in getattr(CriteriaScreen, "BINDINGS", []))


def service_latency(db: Path, commune_name: str | None, presses: int) -> list[float]:
    """The work behind one space press: toggle the result, reload the year's status."""
    from db.bootstrap import prepare
    from db.connection import close_database
    from db.services.communes import default_year, get_commune
    from db.services.results import toggle_met
    from db.services.status import year_status

    prepare(db, create=False)
    try:
        commune = get_commune(commune_name)
        year = default_year(commune)
        codes = [i.code for i in year_status(commune, year).indicators()]
        times = []
        for n in range(presses):
            started = time.perf_counter()
            toggle_met(commune, year, codes[n % len(codes)])
            year_status(commune, year)
            times.append(time.perf_counter() - started)
        return times
    finally:
        close_database()


def key_times(db: Path, commune: str | None, presses: int, env: dict) -> list[float]:
    """tests/bench/keys.py in a process of its own, holding the app only, as in the terminal.
    In this one, which by then holds some 100 000 objects of its own (the generator, the PDF
    checks), each full garbage collection during a press took 70-140 ms instead of 25-45."""
    argv = [PY, str(BENCH / "keys.py"), str(db), str(presses)] + (["--commune", commune] if commune else [])
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr[-2000:]}")
    *lines, last = done.stdout.strip().splitlines()
    if lines:  # NTM_BENCH_DEBUG: one line per press
        print("\n".join(lines))
    return json.loads(last)


def measure_keys(demo: Path, district: Path, commune: str, presses: int, env: dict) -> dict:
    out: dict = {"key_measure": "service", "key_presses": presses}
    if _criteria_key_ready():
        out["key_measure"] = "key"
        demo_times = key_times(demo, None, presses, env)
        district_times = key_times(district, commune, presses, env)
    else:
        out["key_note"] = ("criteria screen has no space key yet: timed toggle_met + year_status "
                           "reload in-process")
        demo_times = service_latency(demo, None, presses)
        district_times = service_latency(district, commune, presses)
    for suffix, times in (("", demo_times), ("_district", district_times)):
        out[f"key_p50_ms{suffix}"] = ms(percentile(times, 50))
        out[f"key_p95_ms{suffix}"] = ms(percentile(times, 95))
        out[f"key_max_ms{suffix}"] = ms(max(times))
    return out


def first_visit_times(db: Path, commune: str | None, env: dict) -> dict[str, dict[str, float]]:
    """tests/bench/first_visits.py in a process of its own: a fresh app, each section, form and
    detail opened once; {NAME: {"complete": ms, "last_frame": ms}}."""
    argv = [PY, str(BENCH / "first_visits.py"), str(db)] + ([commune] if commune else [])
    done = subprocess.run(argv, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"first_visits.py failed: {done.stderr[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_first_visits(demo: Path, district: Path, commune: str, env: dict, runs: int) -> dict:
    """Each target's first visit in `runs` fresh apps per database (alternating), its median per
    database, and the slower of the two databases, as the budget is for the officer's worst:
    to the complete frame (the budget) and to the last frame drawn (reported). One app per
    database gave one sample each: a neighbour's burst on the machine moved the slowest target
    by 30-60 ms from one run to the next."""
    samples: dict[str, list[dict]] = {"demo": [], "district": []}
    for _ in range(runs):
        samples["demo"].append(first_visit_times(demo, None, env))
        samples["district"].append(first_visit_times(district, commune, env))

    def slower(measure: str) -> dict[str, float]:
        medians = {db: {name: round(median([run[name][measure] for run in got if name in run]), 1)
                        for name in got[0]} for db, got in samples.items()}
        return {name: max(medians["demo"][name], medians["district"].get(name, 0.0))
                for name in medians["demo"]}

    complete, last = slower("complete"), slower("last_frame")
    return {"first_visit_ms": complete, "first_visit_max_ms": max(complete.values()),
            "first_visit_slowest": max(complete, key=complete.get),
            "first_visit_last_frame_ms": last, "first_visit_last_frame_max_ms": max(last.values()),
            "first_visit_runs": runs, "first_visit_samples_ms": samples}


def measure_status(demo: Path, district: Path, commune: str, env: dict, runs: int) -> dict:
    base_argv = [PY, "-c", "import peewee"]
    argv = [PY, "-m", "ntm_tui", "--db", str(demo), "status", "--format", "json"]
    dist_argv = [PY, "-m", "ntm_tui", "--db", str(district), "--commune", commune, "status",
                 "--format", "json"]
    if runs > 1:
        timed(base_argv, env), timed(argv, env)  # warm-up
    base, app, dist = [], [], []
    for _ in range(runs):
        base.append(timed(base_argv, env))
        app.append(timed(argv, env))
        dist.append(timed(dist_argv, env))
    return {"status_ms": ms(median(app)), "peewee_import_ms": ms(median(base)),
            "status_ratio": ratio(median(app), median(base)),
            "status_district_ms": ms(median(dist)), "status_ratio_district": ratio(median(dist), median(base))}


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", path.read_bytes()))


def pdf_table_shape(path: Path) -> tuple[int, int]:
    """Rows and columns of the tables in an exported PDF (pdfplumber when installed)."""
    try:
        import pdfplumber
    except ImportError:
        return 57, 6
    rows, cols = 0, 1
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            for table in page.extract_tables():
                rows += len(table)
                cols = max(cols, max((len(r) for r in table), default=1))
    return max(rows, 1), cols


def measure_pdf(demo: Path, env: dict, workdir: Path, runs: int) -> dict:
    import importlib.util

    if importlib.util.find_spec("exports.pdf") is None:
        return {"pdf": None, "pdf_ratio": None, "annual_report_s": None,
                "pdf_note": "exports.pdf has not landed: PDF figures are null"}
    out: dict = {"pdf": {}, "pdf_baseline": (
        "bare reportlab, the same document: the export's story (paragraphs, tables, spacers, "
        "rules) read before timing (tests/bench/pdf_tables.py) and laid out with the same four "
        "embedded faces in an A4 SimpleDocTemplate with the export's margins"),
        "pdf_tables_baseline": (
        "bare reportlab, the same data tables only: Paragraph cells in one style, the embedded "
        "regular face, repeated header"),
        "pdf_tiny_baseline": "bare reportlab: A4 SimpleDocTemplate, one Table of tiny plain strings, "
                             "Helvetica (no embedded font), as many rows and columns as pdfplumber finds"}
    ratios = []
    for kind, period in PDF_KINDS:
        target = workdir / f"{kind}.pdf"
        argv = [PY, "-m", "ntm_tui", "--db", str(demo), "export", kind, "--year", "2023", "-o", str(target)]
        capture_argv = [PY, str(BENCH / "pdf_tables.py"), kind, "--db", str(demo), "--year", "2023",
                        "-o", str(workdir / f"{kind}-tables.json")]
        if period:
            argv += ["--period", period]
            capture_argv += ["--period", period]
        try:
            timed(argv, env)
            timed(capture_argv, env)
        except RuntimeError as exc:
            out["pdf"][kind] = {"error": str(exc)[-300:]}
            continue
        rows, cols = pdf_table_shape(target)
        base_pdf = workdir / f"{kind}-baseline.pdf"
        base_argv = [PY, str(BENCH / "pdf_baseline.py"), "--document", str(workdir / f"{kind}-tables.json"),
                     "-o", str(base_pdf)]
        tables_argv = [PY, str(BENCH / "pdf_baseline.py"), "--tables", str(workdir / f"{kind}-tables.json"),
                       "-o", str(workdir / f"{kind}-tables.pdf")]
        tiny_argv = [PY, str(BENCH / "pdf_baseline.py"), "--rows", str(rows), "--cols", str(cols),
                     "-o", str(workdir / f"{kind}-tiny.pdf")]
        app_t, base_t, tables_t, tiny_t = [], [], [], []
        for _ in range(runs):
            target.unlink(missing_ok=True)
            app_t.append(timed(argv, env))
            base_t.append(timed(base_argv, env))
            tables_t.append(timed(tables_argv, env))
            tiny_t.append(timed(tiny_argv, env))
        r = ratio(median(app_t), median(base_t))
        ratios.append(r)
        out["pdf"][kind] = {"ms": ms(median(app_t)), "baseline_ms": ms(median(base_t)), "ratio": r,
                            "pages": pdf_pages(target), "baseline_pages": pdf_pages(base_pdf),
                            "tables": rows_of(workdir / f"{kind}-tables.json"),
                            "tables_ms": ms(median(tables_t)),
                            "tables_ratio": ratio(median(app_t), median(tables_t)),
                            "tiny_baseline_ms": ms(median(tiny_t)),
                            "tiny_ratio": ratio(median(app_t), median(tiny_t)),
                            "rows": rows, "cols": cols}
    out["pdf_ratio"] = max(ratios) if ratios else None
    report = out["pdf"].get("report", {})
    out["annual_report_s"] = round(report["ms"] / 1000, 3) if "ms" in report else None
    return out


def rows_of(tables_json: Path) -> list[list[int]]:
    """[rows, columns] of each data table the baseline rebuilt."""
    tables = json.loads(tables_json.read_text(encoding="utf-8"))["tables"]
    return [[len(t["rows"]), len(t["widths"])] for t in tables]


def measure_imports(demo: Path, env: dict, runs: int) -> dict:
    found = []
    for _ in range(min(3, runs)):
        done = subprocess.run([PY, "-X", "importtime", "-c", "import ntm_tui.app"], env=env,
                              capture_output=True, text=True, check=True)
        for line in done.stderr.splitlines():
            parts = [p.strip() for p in line.split("|")]
            if len(parts) == 3 and parts[2] == "ntm_tui.app":
                found.append(int(parts[1]) / 1000)
    probe = subprocess.run([PY, str(BENCH / "probe.py"), "--db", str(demo)], env=env,
                           capture_output=True, text=True, check=True)
    heavy = json.loads(probe.stdout.strip().splitlines()[-1])["heavy"]
    return {"import_app_ms": round(median(found), 1) if found else None,
            "heavy_modules_at_start": heavy, "heavy_absent": not heavy}


# --- the run -----------------------------------------------------------------------------------

def byte_compile() -> None:
    """Compile the project's modules as `pip install .` does at install time. Run from a source
    checkout (an editable install) with PYTHONDONTWRITEBYTECODE set, every start would compile
    them afresh (about 50 ms of the status command, more for the app); no installed user pays that."""
    import compileall

    for package in ("ntm_tui", "db", "exports"):
        compileall.compile_dir(str(ROOT / package), quiet=1)


def prepare_files(workdir: Path, env: dict, profile: dict) -> tuple[Path, Path, str, dict]:
    byte_compile()
    demo = workdir / "demo.db"
    subprocess.run([PY, "-m", "ntm_tui", "--db", str(demo), "demo"], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    cached, generated = cached_district(profile["communes"], profile["years"], profile["evidence"])
    info = {"district_file": str(cached), "district_generated_s": round(time.perf_counter() - started, 1)
            if generated else None, "district_mb": round(cached.stat().st_size / 2 ** 20, 1),
            "district_communes": profile["communes"], "district_years": list(profile["years"]),
            "district_evidence_per_indicator_year": profile["evidence"]}
    district = workdir / "district.db"
    shutil.copy(cached, district)
    names = commune_names(profile["communes"])
    return demo, district, names[len(names) // 2], info


def verdicts(result: dict) -> dict:
    out = {}
    for key, limit in BUDGETS.items():
        value = result.get(key)
        out[key] = None if value is None else value <= limit
    return out


def table(result: dict) -> str:
    from tabulate import tabulate

    ok = result["within_budget"]
    rows = [
        ("start → dashboard (demo)", result["start_app_ms"], result["start_baseline_ms"], "minimal Textual app",
         result["start_ratio"], "≤ 1.5×", ok["start_ratio"]),
        ("start → dashboard (district)", result["start_district_ms"], result["start_baseline_ms"],
         "minimal Textual app", result["start_ratio_district"], "", None),
        (f"space key p50/p95 demo ({result['key_measure']})",
         f"{result['key_p50_ms']} / {result['key_p95_ms']}", "", "", "", "p95 ≤ 50 ms", ok["key_p95_ms"]),
        (f"space key p50/p95 district ({result['key_measure']})",
         f"{result['key_p50_ms_district']} / {result['key_p95_ms_district']}", "", "", "", "p95 ≤ 50 ms",
         ok["key_p95_ms_district"]),
        ("status --format json (demo)", result["status_ms"], result["peewee_import_ms"], "import peewee",
         result["status_ratio"], "≤ 2×", ok["status_ratio"]),
        ("status --format json (district)", result["status_district_ms"], result["peewee_import_ms"],
         "import peewee", result["status_ratio_district"], "", None),
    ]
    for kind, figures in (result.get("pdf") or {}).items():
        if "ms" in figures:
            rows.append((f"export {kind} ({figures['pages']} p.)", figures["ms"], figures["baseline_ms"],
                         f"same document, bare reportlab ({figures['baseline_pages']} p.; "
                         f"tables only {figures['tables_ms']}, tiny {figures['tiny_baseline_ms']})",
                         figures["ratio"], "≤ 1.5×",
                         figures["ratio"] <= BUDGETS["pdf_ratio"] if figures["ratio"] else None))
        else:
            rows.append((f"export {kind}", "error", "", "", "", "", False))
    if not result.get("pdf"):
        rows.append(("PDF exports", "n/a", "", "exports.pdf not landed", "", "≤ 1.5×", None))
    rows += [
        ("annual report (s)", result["annual_report_s"], "", "", "", "≤ 1 s", ok["annual_report_s"]),
        ("peak RSS, district TUI (MB)", result["peak_rss_mb"], "", "", "", "≤ 200 MB", ok["peak_rss_mb"]),
        (f"first visit, slowest ({result['first_visit_slowest']})", result["first_visit_max_ms"], "", "",
         "", "≤ 150 ms", ok["first_visit_max_ms"]),
        ("first visit to the last frame drawn", result["first_visit_last_frame_max_ms"], "", "", "", "",
         None),
        ("import ntm_tui.app (ms)", result["import_app_ms"], "", "", "", "", None),
        ("reportlab/tabulate/openpyxl at start", ", ".join(result["heavy_modules_at_start"]) or "none",
         "", "", "", "none", result["heavy_absent"]),
    ]
    marks = {True: "ok", False: "OVER", None: ""}
    return tabulate([r[:6] + (marks[r[6]],) for r in rows],
                    headers=["measure", "ms", "baseline ms", "baseline", "ratio", "budget", ""],
                    disable_numparse=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="ntm-tui benchmark")
    parser.add_argument("--quick", action="store_true", help="fewer repeats (under 3 minutes)")
    parser.add_argument("--smoke", action="store_true", help="everything once on a tiny district")
    parser.add_argument("--json", metavar="FILE", help="write the figures as JSON")
    args = parser.parse_args(argv)
    name = "smoke" if args.smoke else "quick" if args.quick else "full"
    profile = PROFILES[name]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ntm-bench-") as tmp:
        workdir = Path(tmp)
        env = {k: v for k, v in os.environ.items() if k != "NTM_TUI_DB"}
        env.update(NTM_TUI_CONFIG=str(workdir / "config.json"), NTM_TUI_DATA=str(workdir / "data"),
                   NTM_TUI_EXPORTS=str(workdir / "exports"), NTM_TUI_USER="bench")
        os.environ.update({k: env[k] for k in ("NTM_TUI_CONFIG", "NTM_TUI_DATA", "NTM_TUI_EXPORTS",
                                               "NTM_TUI_USER")})
        os.environ.pop("NTM_TUI_DB", None)
        demo, district, commune, info = prepare_files(workdir, env, profile)
        result: dict = {"profile": name, "python": sys.version.split()[0], "cpus": os.cpu_count(),
                        "district_commune": commune, **info}
        result.update(measure_imports(demo, env, profile["runs"]))
        result.update(measure_start(demo, district, commune, env, profile["runs"]))
        result.update(measure_status(demo, district, commune, env, profile["status_runs"]))
        result.update(measure_pdf(demo, env, workdir, profile["pdf_runs"]))
        result.update(measure_keys(demo, district, commune, profile["presses"], env))
        result.update(measure_first_visits(demo, district, commune, env, profile["visit_runs"]))
    result["within_budget"] = verdicts(result)
    result["budgets"] = BUDGETS
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    print(table(result))
    print(f"\n{name} run, {result['elapsed_s']} s; key measure: {result['key_measure']}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
