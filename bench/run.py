"""`make bench`: the whole benchmark, then bench/results.json and a table on stdout.

1. a fresh SQLite database (and, where DATABASE_URL is set, a fresh PostgreSQL one);
2. per size (10, 100, 1,000 commitments; the PDF also at 300): SQL queries, and median and
   p95 server time through Django's test client, of the public pages (uncached and
   cached), the exports, the admin listing and edit form and the coordinator dashboard;
   the reminder job; the PDF build (`bench.measure`);
3. the demo under gunicorn (2 workers): wrk on the cached plan page and on a static file of
   the same size (`bench.serve`);
4. the targets, each PASS or FAIL. Exits 0 either way (non-zero only if the harness broke).
"""

import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench import serve

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results.json"
SIZES = (10, 100, 1000)
PDF_SIZES = (10, 100, 300, 1000)
PDF_TARGET_SIZE, PDF_TARGET_S = 300, 20.0
PLAN_PAGE_GROWTH_LIMIT = 5.0
THROUGHPUT_RATIO = 0.8
# Linear: ten times the commitments may cost at most 1.5 times ten times the time.
REMINDER_GROWTH_LIMIT = 15.0


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def uptime():
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def git_commit():
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT
        ).stdout.strip()
    except OSError:
        return ""


def run_checked(args, *, env, what):
    began = time.perf_counter()
    completed = subprocess.run(args, env=env, cwd=ROOT, capture_output=True, text=True)
    if completed.returncode != 0:
        sys.stderr.write(completed.stdout + completed.stderr)
        raise SystemExit(f"bench: {what} failed (exit {completed.returncode})")
    log(f"{what}: {time.perf_counter() - began:.0f} s")
    return completed.stdout


# --- Targets -------------------------------------------------------------------------


def query_target(backend, data):
    sizes = [str(s) for s in SIZES]
    names = data["sizes"][sizes[0]]["measurements"].keys()
    growing = []
    for name in names:
        counts = [data["sizes"][s]["measurements"][name]["queries"] for s in sizes]
        if len(set(counts)) != 1:
            growing.append(f"{name} {'/'.join(map(str, counts))}")
    return {
        "target": f"[{backend}] queries constant across {', '.join(sizes)} commitments "
        "for every page and export",
        "pass": not growing,
        "detail": "all constant" if not growing else "grow: " + "; ".join(growing),
    }


def plan_page_target(backend, data):
    small = data["sizes"][str(SIZES[0])]["measurements"]["plan page"]["median_ms"]
    large = data["sizes"][str(SIZES[-1])]["measurements"]["plan page"]["median_ms"]
    ratio = large / small
    return {
        "target": f"[{backend}] plan page (uncached) at {SIZES[-1]} commitments <= "
        f"{PLAN_PAGE_GROWTH_LIMIT:g}x the time at {SIZES[0]}",
        "pass": ratio <= PLAN_PAGE_GROWTH_LIMIT,
        "detail": f"{large:.1f} ms / {small:.1f} ms = {ratio:.2f}x",
    }


def reminder_target(backend, data):
    rows = {int(s): data["sizes"][str(s)]["reminders"] for s in SIZES}
    per_batch = [rows[s]["queries_per_batch"] for s in SIZES]
    mid, large = rows[SIZES[-2]], rows[SIZES[-1]]
    growth = large["seconds"] / mid["seconds"] if mid["seconds"] else float("inf")
    bounded = max(per_batch) <= per_batch[0]
    linear = growth <= REMINDER_GROWTH_LIMIT
    return {
        "target": f"[{backend}] reminder job linear in commitments, bounded queries per batch",
        "pass": bounded and linear,
        "detail": f"time x{growth:.1f} from {SIZES[-2]} to {SIZES[-1]} (limit "
        f"x{REMINDER_GROWTH_LIMIT:g}); queries per batch "
        f"{'/'.join(f'{q:g}' for q in per_batch)} at most (batch size {large['batch_size']}, "
        f"{'/'.join(str(rows[s]['batches']) for s in SIZES)} batches)",
    }


def pdf_target(backend, data):
    row = data["sizes"].get(str(PDF_TARGET_SIZE), {}).get("pdf")
    if row is None:
        return {"target": "PDF", "pass": False, "detail": "not measured"}
    return {
        "target": f"[{backend}] PDF of {PDF_TARGET_SIZE} commitments built in under "
        f"{PDF_TARGET_S:g} s",
        "pass": row["render_s"] < PDF_TARGET_S,
        "detail": f"{row['render_s']:.1f} s",
    }


def throughput_target(result):
    ratio = result.get("ratio")
    ok = ratio is not None and ratio >= THROUGHPUT_RATIO
    detail = (
        f"{result['plan_page']['requests_per_s']:.0f} req/s vs "
        f"{result['static_file']['requests_per_s']:.0f} req/s = {ratio:.2f}"
        if ratio is not None
        else "not measured"
    )
    if result.get("plan_page", {}).get("non_2xx") or result.get("static_file", {}).get("non_2xx"):
        ok, detail = False, detail + " (non-2xx responses!)"
    return {
        "target": f"cached plan page throughput >= {THROUGHPUT_RATIO:g}x the static file's",
        "pass": ok,
        "detail": detail,
    }


# --- The table -------------------------------------------------------------------------


def cell(row):
    if row is None:
        return "-"
    return f"{row['median_ms']:.1f} ({row['p95_ms']:.1f}) [{row['queries']}]"


def ratio(a, b):
    if not a or not b:
        return "-"
    return f"x{b['median_ms'] / a['median_ms']:.2f}"


def table(results):
    lines = []
    sizes = [str(s) for s in SIZES]
    width = 30
    for backend, data in results["backends"].items():
        lines.append("")
        lines.append(
            f"== {backend} ({data['vendor']}): median ms (p95 ms) [SQL queries] per request; "
            "growth of the median"
        )
        header = f"{'measurement':<{width}}" + "".join(f"{s + ' commitments':>26}" for s in sizes)
        header += f"{'x100/10':>9}{'x1000/100':>11}{'x1000/10':>10}"
        lines.append(header)
        names = list(data["sizes"][sizes[0]]["measurements"].keys())
        for name in names:
            rows = [data["sizes"][s]["measurements"].get(name) for s in sizes]
            line = f"{name:<{width}}" + "".join(f"{cell(r):>26}" for r in rows)
            line += f"{ratio(rows[0], rows[1]):>9}{ratio(rows[1], rows[2]):>11}"
            line += f"{ratio(rows[0], rows[2]):>10}"
            lines.append(line)
        if data["sizes"][sizes[0]].get("compare") == "not present":
            lines.append(f"{'cross-country page':<{width}}not present (/compare/ is a 404)")
        # Reminders and PDF: one line each.
        reminder = [data["sizes"][s]["reminders"] for s in sizes]
        lines.append(
            f"{'reminder job (s) [q/batch]':<{width}}"
            + "".join(
                f"{r['seconds']:>14.3f} s [{r['queries_per_batch']:g}/{r['batches']}b]".rjust(26)
                for r in reminder
            )
            + f"{_x(reminder[0]['seconds'], reminder[1]['seconds']):>9}"
            + f"{_x(reminder[1]['seconds'], reminder[2]['seconds']):>11}"
            + f"{_x(reminder[0]['seconds'], reminder[2]['seconds']):>10}"
        )
        pdf_sizes = [s for s in map(str, PDF_SIZES) if "pdf" in data["sizes"].get(s, {})]
        lines.append(
            f"{'PDF render_plan_pdf (s)':<{width}}"
            + "  ".join(f"{s}: {data['sizes'][s]['pdf']['render_s']:.2f} s" for s in pdf_sizes)
        )
        lines.append(
            f"{'data generation (s)':<{width}}"
            + "  ".join(f"{s}: {data['sizes'][s].get('generate_s', '-')} s" for s in sizes)
            + f"   (migrate {data.get('migrate_s', '-')} s)"
        )
    throughput = results.get("throughput")
    if throughput:
        lines.append("")
        lines.append("== throughput: gunicorn, 2 workers, wrk " + " ".join(serve.WRK[1:]))
        for name in ("plan_page", "static_file"):
            row = throughput[name]
            lines.append(
                f"{name.replace('_', ' '):<{width}}{row['requests_per_s']:>10.0f} req/s   "
                f"latency avg {row['latency_avg_ms']:.1f} ms, p99 {row['latency_p99_ms']:.1f} ms"
                f"   {row['url']}"
            )
        lines.append(
            f"{'sizes':<{width}}plan page {throughput['plan_page_bytes']} bytes "
            f"(X-Cache {throughput['plan_page_x_cache']}), static file "
            f"{throughput['static_bytes']} bytes; ratio {throughput['ratio']}"
        )
    lines.append("")
    lines.append("== targets")
    for target in results["targets"]:
        lines.append(
            f"{'PASS' if target['pass'] else 'FAIL'}  {target['target']}: {target['detail']}"
        )
    lines.append("")
    lines.append(f"load: {results['meta']['uptime_before']}  ->  {results['meta']['uptime_after']}")
    return "\n".join(lines)


def _x(a, b):
    return f"x{b / a:.2f}" if a else "-"


# --- Main ------------------------------------------------------------------------------


def main():
    began = time.perf_counter()
    python = sys.executable
    venv_bin = str(Path(python).parent)
    bench_dir = Path(tempfile.mkdtemp(prefix="plans-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DIR": str(bench_dir),
        "PYTHONPATH": str(ROOT),
    }
    env.pop("BENCH_DB", None)
    results = {
        "meta": {
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "commit": git_commit(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "uptime_before": uptime(),
            "sizes": list(SIZES),
            "pdf_sizes": list(PDF_SIZES),
        },
        "backends": {},
    }
    log(f"working in {bench_dir}; load: {results['meta']['uptime_before']}")
    try:
        # Set-up, not timed: migrate a template database while collecting static files.
        template_env = {**env, "BENCH_SQLITE": "template.sqlite3"}
        procs = [
            subprocess.Popen(  # noqa: S603
                [python, "manage.py", "migrate", "--noinput", "-v0"], env=template_env, cwd=ROOT
            ),
            subprocess.Popen(  # noqa: S603
                [python, "manage.py", "collectstatic", "--noinput", "-v0"], env=env, cwd=ROOT
            ),
        ]
        if any(p.wait() != 0 for p in procs):
            raise SystemExit("bench: migrate or collectstatic failed")
        log(f"migrate and collectstatic: {time.perf_counter() - began:.0f} s")

        shutil.copy(bench_dir / "template.sqlite3", bench_dir / "bench.sqlite3")
        out = bench_dir / "sqlite.json"
        run_checked(
            [
                python,
                "-m",
                "bench.measure",
                "--keepdb",
                "--out",
                str(out),
                "--sizes",
                ",".join(map(str, SIZES)),
                "--pdf-sizes",
                ",".join(map(str, PDF_SIZES)),
            ],
            env={**env, "BENCH_SQLITE": "bench.sqlite3"},
            what="SQLite measurements",
        )
        results["backends"]["sqlite"] = json.loads(out.read_text())
        if os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgis")):
            out = bench_dir / "postgres.json"
            run_checked(
                [
                    python,
                    "-m",
                    "bench.measure",
                    "--out",
                    str(out),
                    "--sizes",
                    ",".join(map(str, SIZES)),
                    "--pdf-sizes",
                    str(PDF_TARGET_SIZE),
                ],
                env={**env, "BENCH_DB": "postgres"},
                what="PostgreSQL measurements",
            )
            results["backends"]["postgresql"] = json.loads(out.read_text())
        else:
            log("DATABASE_URL is not PostgreSQL: SQLite only")

        shutil.copy(bench_dir / "template.sqlite3", bench_dir / "demo.sqlite3")
        demo_env = {**env, "BENCH_SQLITE": "demo.sqlite3"}
        prepared = json.loads(
            run_checked([python, "-m", "bench.serve", "prepare"], env=demo_env, what="load_demo")
            .strip()
            .splitlines()[-1]
        )
        results["throughput"] = serve.throughput(
            env=demo_env, plan_url=prepared["plan_url"], venv_bin=venv_bin
        )
        log("throughput measured")
    finally:
        shutil.rmtree(bench_dir, ignore_errors=True)

    targets = []
    for backend, data in results["backends"].items():
        targets.append(query_target(backend, data))
        targets.append(plan_page_target(backend, data))
    targets.append(throughput_target(results["throughput"]))
    for backend, data in results["backends"].items():
        targets.append(reminder_target(backend, data))
        targets.append(pdf_target(backend, data))
    results["targets"] = targets
    results["meta"]["uptime_after"] = uptime()
    results["meta"]["total_s"] = round(time.perf_counter() - began, 1)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}; took {results['meta']['total_s']:.0f} s")


if __name__ == "__main__":
    main()
