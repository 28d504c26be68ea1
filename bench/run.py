"""`make bench`: the whole benchmark, then bench/results.json and a table on stdout.
`make bench-quick` (`python -m bench --quick`): the same steps at small sizes, see QUICK.

1. a fresh SQLite database (and, where DATABASE_URL is set, a fresh PostgreSQL one);
2. per size (10, 100, 1,000 commitments; the PDF also at 300): SQL queries, and median and
   p95 server time through Django's test client, of the public pages (uncached and
   cached), the exports, the admin listing and edit form and the coordinator dashboard;
   the reminder job; the PDF build (`bench.measure`);
3. the demo under gunicorn (2 workers): wrk on the cached plan page and on a static file of
   the same size (`bench.serve`);
4. the targets, each PASS or FAIL. Exits 0 either way (non-zero only if the harness broke).

The quick mode times too little to judge timings, so it judges only what does not depend
on the machine: it exits non-zero when the harness breaks, a query count grows with the
plan, or wrk gets a non-2xx answer. Timing targets are shown but never fail it.
"""

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench import network, serve

ROOT = Path(__file__).resolve().parent.parent
PDF_TARGET_S = 20.0
PLAN_PAGE_GROWTH_LIMIT = 5.0
THROUGHPUT_RATIO = 0.8
# Linear: n times the commitments may cost at most 1.5 times n times the time.
REMINDER_GROWTH_SLACK = 1.5


@dataclass(frozen=True)
class Mode:
    name: str
    sizes: tuple
    pdf_sizes: tuple
    pdf_target_size: int
    budget_s: float  # per measurement
    min_samples: int
    compress_static: bool
    wrk_seconds: int
    # Reminder batches small enough to see several (and a batch of more than one).
    reminder_batch: int
    # Commitments of the bench's own plan served to wrk, or None: the demo (load_demo).
    served_plan: int | None
    results: Path
    # The network size (bench.network), on PostgreSQL only: two numbers of countries,
    # commitments per plan, quarterly updates per commitment, job batch size.
    network_countries: tuple = (5, 150)
    network_commitments: int = 200
    network_updates: int = 20
    network_batch: int = 500

    @property
    def reminder_growth_limit(self):
        return REMINDER_GROWTH_SLACK * self.sizes[-1] / self.sizes[-2]


FULL = Mode(
    name="full",
    sizes=(10, 100, 1000),
    pdf_sizes=(10, 100, 300, 1000),
    pdf_target_size=300,
    budget_s=2.0,
    min_samples=5,
    compress_static=True,
    wrk_seconds=10,
    reminder_batch=20,
    served_plan=None,
    results=ROOT / "bench" / "results.json",
)
# Every measurement once, in well under two minutes: for CI, after `make test`.
QUICK = Mode(
    name="quick",
    sizes=(5, 20),
    pdf_sizes=(5, 20),
    pdf_target_size=20,
    budget_s=0.2,
    min_samples=3,
    compress_static=False,
    wrk_seconds=2,
    reminder_batch=2,
    served_plan=20,
    results=ROOT / "bench" / "results-quick.json",
    network_countries=(3, 6),
    network_commitments=5,
    network_updates=4,
    network_batch=2,
)


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


def start_checked(args, *, env, stream=False):
    """`stream`: the step's stderr (its progress log) goes straight to ours, as it comes."""
    process = subprocess.Popen(
        args,
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=None if stream else subprocess.PIPE,
        text=True,
    )
    process.began = time.perf_counter()
    return process


def finish_checked(process, *, what):
    stdout, stderr = process.communicate()
    if process.returncode != 0:
        sys.stderr.write(stdout + (stderr or ""))
        raise SystemExit(f"bench: {what} failed (exit {process.returncode})")
    log(f"{what}: {time.perf_counter() - process.began:.0f} s")
    return stdout


def run_checked(args, *, env, what, stream=False):
    return finish_checked(start_checked(args, env=env, stream=stream), what=what)


# --- Targets -------------------------------------------------------------------------


def query_target(mode, backend, data):
    sizes = [str(s) for s in mode.sizes]
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
        "untimed_pass": not growing,
        "detail": "all constant" if not growing else "grow: " + "; ".join(growing),
    }


def plan_page_target(mode, backend, data):
    sizes = mode.sizes
    small = data["sizes"][str(sizes[0])]["measurements"]["plan page"]["median_ms"]
    large = data["sizes"][str(sizes[-1])]["measurements"]["plan page"]["median_ms"]
    ratio = large / small
    return {
        "target": f"[{backend}] plan page (uncached) at {sizes[-1]} commitments <= "
        f"{PLAN_PAGE_GROWTH_LIMIT:g}x the time at {sizes[0]}",
        "pass": ratio <= PLAN_PAGE_GROWTH_LIMIT,
        "detail": f"{large:.1f} ms / {small:.1f} ms = {ratio:.2f}x",
    }


def reminder_target(mode, backend, data):
    sizes = mode.sizes
    rows = {int(s): data["sizes"][str(s)]["reminders"] for s in sizes}
    per_batch = [rows[s]["queries_per_batch"] for s in sizes]
    mid, large = rows[sizes[-2]], rows[sizes[-1]]
    growth = large["seconds"] / mid["seconds"] if mid["seconds"] else float("inf")
    bounded = max(per_batch) <= per_batch[0]
    linear = growth <= mode.reminder_growth_limit
    return {
        "target": f"[{backend}] reminder job linear in commitments, bounded queries per batch",
        "pass": bounded and linear,
        "untimed_pass": bounded,
        "detail": f"time x{growth:.1f} from {sizes[-2]} to {sizes[-1]} (limit "
        f"x{mode.reminder_growth_limit:g}); queries per batch "
        f"{'/'.join(f'{q:g}' for q in per_batch)} at most (batch size {large['batch_size']}, "
        f"{'/'.join(str(rows[s]['batches']) for s in sizes)} batches)",
    }


def pdf_target(mode, backend, data):
    size = mode.pdf_target_size
    row = data["sizes"].get(str(size), {}).get("pdf")
    if row is None:
        return {"target": "PDF", "pass": False, "detail": "not measured"}
    return {
        "target": f"[{backend}] PDF of {size} commitments built in under {PDF_TARGET_S:g} s",
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
        else "not measured" + (" (wrk is not installed)" if not result.get("wrk") else "")
    )
    non_2xx = any((result.get(name) or {}).get("non_2xx") for name in ("plan_page", "static_file"))
    if non_2xx:
        ok, detail = False, detail + " (non-2xx responses!)"
    return {
        "target": f"cached plan page throughput >= {THROUGHPUT_RATIO:g}x the static file's",
        "pass": ok,
        # A server that answers errors under load is broken, whatever the machine.
        "untimed_pass": not non_2xx,
        "detail": detail,
    }


def untimed_failures(targets):
    """The targets whose machine-independent part (`untimed_pass`: query counts, answers
    under load) failed: what fails the quick mode."""
    return [f"{t['target']} ({t['detail']})" for t in targets if t.get("untimed_pass") is False]


# --- The table -------------------------------------------------------------------------


def cell(row):
    if row is None:
        return "-"
    return f"{row['median_ms']:.1f} ({row['p95_ms']:.1f}) [{row['queries']}]"


def ratio(a, b):
    if not a or not b:
        return "-"
    return f"x{b['median_ms'] / a['median_ms']:.2f}"


def growth_pairs(sizes):
    """(smaller, larger) size pairs whose growth the table shows: each step, and first to
    last when there are more than two sizes."""
    pairs = list(zip(sizes, sizes[1:], strict=False))
    if len(sizes) > 2:
        pairs.append((sizes[0], sizes[-1]))
    return pairs


def table(results):
    lines = []
    sizes = [str(s) for s in results["meta"]["sizes"]]
    pairs = [(sizes.index(a), sizes.index(b), f"x{b}/{a}") for a, b in growth_pairs(sizes)]
    width = 30
    for backend, data in results["backends"].items():
        lines.append("")
        lines.append(
            f"== {backend} ({data['vendor']}): median ms (p95 ms) [SQL queries] per request; "
            "growth of the median"
        )
        header = f"{'measurement':<{width}}" + "".join(f"{s + ' commitments':>26}" for s in sizes)
        header += "".join(f"{label:>{len(label) + 2}}" for _a, _b, label in pairs)
        lines.append(header)
        names = list(data["sizes"][sizes[0]]["measurements"].keys())
        for name in names:
            rows = [data["sizes"][s]["measurements"].get(name) for s in sizes]
            line = f"{name:<{width}}" + "".join(f"{cell(r):>26}" for r in rows)
            line += "".join(f"{ratio(rows[a], rows[b]):>{len(label) + 2}}" for a, b, label in pairs)
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
            + "".join(
                f"{_x(reminder[a]['seconds'], reminder[b]['seconds']):>{len(label) + 2}}"
                for a, b, label in pairs
            )
        )
        pdf_sizes = [
            s for s in map(str, results["meta"]["pdf_sizes"]) if "pdf" in data["sizes"].get(s, {})
        ]
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
    if throughput and not throughput.get("wrk"):
        lines.append("")
        lines.append(
            "== throughput: not measured, wrk is not installed (gunicorn served the cached "
            f"plan page, X-Cache {throughput['plan_page_x_cache']}, and the static file)"
        )
    elif throughput:
        lines.append("")
        lines.append("== throughput: gunicorn, 2 workers, wrk " + " ".join(throughput["wrk"][1:]))
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
    if "network" in results:
        lines.append(network.table(results["network"]))
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


def parse_args(argv):
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument(
        "--quick",
        action="store_true",
        help=f"sizes {', '.join(map(str, QUICK.sizes))}, short budgets; exits 1 when a "
        "query count grows or wrk gets errors (for CI)",
    )
    parser.add_argument(
        "--network",
        action="store_true",
        help="only the network size (many countries, on PostgreSQL: needs DATABASE_URL)",
    )
    return parser.parse_args(argv)


def measure(python, mode, *, env, out, sizes, pdf_sizes, keepdb, what):
    run_checked(
        [
            python,
            "-m",
            "bench.measure",
            *(["--keepdb"] if keepdb else []),
            "--out",
            str(out),
            "--sizes",
            ",".join(map(str, sizes)),
            "--pdf-sizes",
            ",".join(map(str, pdf_sizes)),
            "--budget",
            str(mode.budget_s),
            "--min-samples",
            str(mode.min_samples),
        ],
        env={**env, "BENCH_REMINDER_BATCH": str(mode.reminder_batch)},
        what=what,
    )
    return json.loads(out.read_text())


def measure_network(python, mode, *, env, out):
    run_checked(
        [
            python,
            "-m",
            "bench.network",
            "--out",
            str(out),
            "--countries",
            ",".join(map(str, mode.network_countries)),
            "--commitments",
            str(mode.network_commitments),
            "--updates",
            str(mode.network_updates),
            "--budget",
            str(mode.budget_s),
            "--min-samples",
            str(mode.min_samples),
            "--batch-size",
            str(mode.network_batch),
        ],
        env=env,
        what="network measurements (PostgreSQL)",
        # A full run takes many minutes: what is built and measured shows as it goes.
        stream=True,
    )
    return json.loads(out.read_text())


def main_network(mode):
    """`make bench-network`: collectstatic, then the network measurements alone."""
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgis")):
        raise SystemExit("bench: the network size needs DATABASE_URL on PostgreSQL")
    began = time.perf_counter()
    bench_dir = Path(tempfile.mkdtemp(prefix="plans-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DIR": str(bench_dir),
        "PYTHONPATH": str(ROOT),
        "BENCH_COMPRESS_STATIC": "0",
        "BENCH_DB": "postgres",
    }
    try:
        run_checked(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            env=env,
            what="collectstatic",
        )
        result = measure_network(sys.executable, mode, env=env, out=bench_dir / "network.json")
    finally:
        shutil.rmtree(bench_dir, ignore_errors=True)
    out = mode.results.with_name(mode.results.stem + "-network.json")
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(network.table(result))
    print("\n== targets")
    for target in result["targets"]:
        print(f"{'PASS' if target['pass'] else 'FAIL'}  {target['target']}: {target['detail']}")
    print(f"\nwritten to {out.relative_to(ROOT)}; took {time.perf_counter() - began:.0f} s")
    lost = untimed_failures(result["targets"])
    if mode is QUICK and lost:
        raise SystemExit("bench network quick: FAILED: " + "; ".join(lost))


def main(argv=None):
    args = parse_args(argv)
    mode = QUICK if args.quick else FULL
    if args.network:
        return main_network(mode)
    began = time.perf_counter()
    python = sys.executable
    venv_bin = str(Path(python).parent)
    bench_dir = Path(tempfile.mkdtemp(prefix="plans-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_DIR": str(bench_dir),
        "PYTHONPATH": str(ROOT),
        "BENCH_COMPRESS_STATIC": "1" if mode.compress_static else "0",
    }
    env.pop("BENCH_DB", None)
    wrk = shutil.which("wrk")
    if wrk is None and mode is FULL:
        raise SystemExit("bench: wrk is not installed (make bench installs it)")
    results = {
        "meta": {
            "mode": mode.name,
            "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "commit": git_commit(),
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "uptime_before": uptime(),
            "sizes": list(mode.sizes),
            "pdf_sizes": list(mode.pdf_sizes),
        },
        "backends": {},
    }
    log(f"{mode.name} run in {bench_dir}; load: {results['meta']['uptime_before']}")
    preparing = None
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
        shutil.copy(bench_dir / "template.sqlite3", bench_dir / "demo.sqlite3")
        demo_env = {**env, "BENCH_SQLITE": "demo.sqlite3"}
        prepare = [python, "-m", "bench.serve", "prepare"]
        if mode.served_plan:
            prepare += ["--synthetic", str(mode.served_plan)]
        # The quick mode judges no timing, so the served plan is made on the other core
        # meanwhile.
        preparing = start_checked(prepare, env=demo_env) if mode is QUICK else None
        results["backends"]["sqlite"] = measure(
            python,
            mode,
            env={**env, "BENCH_SQLITE": "bench.sqlite3"},
            out=bench_dir / "sqlite.json",
            sizes=mode.sizes,
            pdf_sizes=mode.pdf_sizes,
            keepdb=True,
            what="SQLite measurements",
        )
        if os.environ.get("DATABASE_URL", "").startswith(("postgres", "postgis")):
            results["backends"]["postgresql"] = measure(
                python,
                mode,
                env={**env, "BENCH_DB": "postgres"},
                out=bench_dir / "postgres.json",
                sizes=mode.sizes,
                # Every size on SQLite; the target's size on PostgreSQL (and, in the quick
                # mode, every size: the export.pdf row's queries are compared across sizes).
                pdf_sizes=mode.pdf_sizes if mode is QUICK else (mode.pdf_target_size,),
                keepdb=False,
                what="PostgreSQL measurements",
            )
            results["network"] = measure_network(
                python, mode, env={**env, "BENCH_DB": "postgres"}, out=bench_dir / "network.json"
            )
        else:
            log("DATABASE_URL is not PostgreSQL: SQLite only")

        preparing = preparing or start_checked(prepare, env=demo_env)
        prepared = json.loads(
            finish_checked(preparing, what="served plan" if mode.served_plan else "load_demo")
            .strip()
            .splitlines()[-1]
        )
        results["throughput"] = serve.throughput(
            env=demo_env,
            plan_url=prepared["plan_url"],
            venv_bin=venv_bin,
            wrk=serve.wrk_command(wrk, mode.wrk_seconds) if wrk else None,
        )
        log("throughput measured" if wrk else "wrk is not installed: throughput not measured")
    finally:
        if preparing is not None and preparing.poll() is None:  # the harness broke meanwhile
            preparing.kill()
            preparing.communicate()
        shutil.rmtree(bench_dir, ignore_errors=True)

    targets = []
    for backend, data in results["backends"].items():
        targets.append(query_target(mode, backend, data))
        targets.append(plan_page_target(mode, backend, data))
    targets.append(throughput_target(results["throughput"]))
    for backend, data in results["backends"].items():
        targets.append(reminder_target(mode, backend, data))
        targets.append(pdf_target(mode, backend, data))
    if "network" in results:
        targets += results["network"]["targets"]
    results["targets"] = targets
    results["meta"]["uptime_after"] = uptime()
    results["meta"]["total_s"] = round(time.perf_counter() - began, 1)
    mode.results.write_text(json.dumps(results, indent=2) + "\n")
    print(table(results))
    print(f"\nwritten to {mode.results.relative_to(ROOT)}; took {results['meta']['total_s']:.0f} s")
    if mode is QUICK:
        lost = untimed_failures(targets)
        if lost:
            raise SystemExit("bench quick: FAILED: " + "; ".join(lost))
        print(
            "bench quick: query counts and answers as targeted, timings not judged; "
            f"took {results['meta']['total_s']:.0f} s"
        )


if __name__ == "__main__":
    main()
