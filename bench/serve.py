"""Throughput of the cached plan page against a static file of the same size, both served
by the same gunicorn (2 workers) and WhiteNoise, measured with wrk.

`python -m bench.serve prepare` (with BENCH_SQLITE=demo.sqlite3): loads the demo, renders
a plan page and writes a static file of exactly its size into STATIC_ROOT; prints JSON.
`prepare --synthetic N` serves the bench's own plan of N commitments instead of the demo
(the quick mode: a tenth of the work of load_demo).
`bench.serve.throughput(...)` is called by `bench.run` to start gunicorn, warm its
workers' caches, run wrk on both URLs and stop gunicorn again.
"""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

STATIC_NAME = "bench/plan-page-size.html"


def wrk_command(wrk, seconds):
    return [wrk, "-t2", "-c16", f"-d{seconds}s", "--latency"]


def prepare(synthetic=None):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from bench import data
    from plans.selectors import published_plans

    if synthetic:
        world = data.make_world()
        data.fill_plan(world, synthetic)
        plan = world.plan
    else:
        call_command("load_demo", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
        plan = published_plans().get(country__code="ke")
    response = Client().get(plan.url)
    assert response.status_code == 200, response.status_code
    path = Path(settings.STATIC_ROOT) / STATIC_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(response.content)  # the same bytes, so exactly the same size
    print(json.dumps({"plan_url": plan.url, "bytes": len(response.content)}))


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - loopback only
        return response.status, dict(response.headers), response.read()


def _wait_until_up(base, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("gunicorn exited while starting")
        try:
            if _get(base + "/healthz/")[0] == 200:
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    raise RuntimeError("gunicorn did not answer /healthz/")


def parse_wrk(output):
    def number(pattern, scale=None):
        match = re.search(pattern, output)
        if not match:
            return None
        value = float(match.group(1))
        if scale:
            value *= scale.get(match.group(2), 1)
        return value

    time_units = {"us": 0.001, "ms": 1, "s": 1000}
    return {
        "requests_per_s": number(r"Requests/sec:\s+([\d.]+)"),
        "latency_avg_ms": number(r"Latency\s+([\d.]+)(us|ms|s)", time_units),
        "latency_p99_ms": number(r"99%\s+([\d.]+)(us|ms|s)", time_units),
        "requests": number(r"(\d+) requests in"),
        "non_2xx": number(r"Non-2xx or 3xx responses:\s+(\d+)") or 0,
        "socket_errors": bool(re.search(r"Socket errors", output)),
    }


def throughput(*, env, plan_url, venv_bin, wrk):
    """`wrk` is the command (`wrk_command`), or None to only check that gunicorn serves
    both URLs."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(Path(env["BENCH_DIR"]) / "gunicorn.log", "w")  # noqa: SIM115
    process = subprocess.Popen(  # noqa: S603
        [
            str(Path(venv_bin) / "gunicorn"),
            "config.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    result = {"workers": 2, "port": port, "gunicorn_pid": process.pid, "wrk": wrk}
    try:
        _wait_until_up(base, process)
        # Each worker has its own local-memory cache: ask often enough that both hold it.
        for _ in range(40):
            _status, headers, body = _get(base + plan_url)
        result["plan_page_x_cache"] = headers.get("X-Cache")
        result["plan_page_bytes"] = len(body)
        static_url = "/static/" + STATIC_NAME
        status, _headers, body = _get(base + static_url)
        result["static_bytes"] = len(body)
        result["static_status"] = status
        for name, url in (("plan_page", plan_url), ("static_file", static_url)):
            if wrk is None:
                continue
            run = subprocess.run(  # noqa: S603
                [*wrk, base + url], capture_output=True, text=True, check=True
            )
            result[name] = parse_wrk(run.stdout)
            result[name]["url"] = url
            result[name]["wrk"] = run.stdout
    finally:
        process.send_signal(signal.SIGTERM)  # gunicorn's master stops its workers
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
    if wrk is None:
        result["ratio"] = None
        return result
    page, static = result["plan_page"]["requests_per_s"], result["static_file"]["requests_per_s"]
    result["ratio"] = round(page / static, 3) if page and static else None
    return result


if __name__ == "__main__":
    if sys.argv[1:] == ["prepare"]:
        prepare()
    elif sys.argv[1:3] == ["prepare", "--synthetic"] and sys.argv[3:4] and sys.argv[3].isdigit():
        prepare(synthetic=int(sys.argv[3]))
    else:
        sys.exit("usage: python -m bench.serve prepare [--synthetic N]")
