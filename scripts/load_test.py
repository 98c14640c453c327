#!/usr/bin/env python
"""Loopback load test of ``kg serve``: concurrent clients, latency percentiles, errors.

Builds the shipped example into a temporary store, starts ``kg serve`` on a free 127.0.0.1
port, and runs ``--clients`` threads for ``--seconds`` seconds, each sending the shipped named
queries in turn. With ``--slow``, one more client keeps sending a query that runs past the time
limit, to show that it does not starve the others. Every loop is bounded in time and count and
only 127.0.0.1 is contacted.

Usage::

    python scripts/load_test.py --clients 20 --seconds 30
    python scripts/load_test.py --clients 20 --seconds 30 --slow --json load.json
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

SLOW = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }")
MAX_REQUESTS_PER_CLIENT = 100_000


def start_server(store: Path, timeout: float) -> tuple[subprocess.Popen[str], str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "graph", "serve", "--store", str(store), "--port", "0",
         "--timeout", str(timeout)],
        stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert process.stderr is not None
    line = process.stderr.readline()
    if "Serving" not in line:
        process.kill()
        raise RuntimeError(f"kg serve did not start: {line}")
    url = line.split(" at ", 1)[1].split(" ", 1)[0].rstrip("/")
    assert url.startswith("http://127.0.0.1:"), url
    # The server logs every request: keep reading, or a full pipe would block it.
    threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()
    return process, url


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def run(clients: int, seconds: float, slow: bool, timeout: float) -> dict:
    from graph.build import build
    from graph.demo import example_paths
    from graph.query import named_queries
    from graph.store import open_store

    work = Path(tempfile.mkdtemp(prefix="kg-load-"))
    with open_store(work / "store") as store:
        build(example_paths(), store)
    process, url = start_server(work / "store", timeout)
    queries = [q.text for q in named_queries().values()]
    latencies: list[float] = []
    errors: list[str] = []
    slow_statuses: list[int] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(index: int) -> None:
        with httpx.Client(timeout=timeout + 30) as http:
            for n in range(MAX_REQUESTS_PER_CLIENT):
                if time.monotonic() >= deadline:
                    return
                query = queries[(index + n) % len(queries)]
                started = time.perf_counter()
                try:
                    response = http.get(url + "/sparql", params={"query": query},
                                        headers={"Accept": "application/sparql-results+json"})
                    ok = response.status_code == 200 and "results" in response.json()
                except (httpx.HTTPError, ValueError) as exc:
                    ok, response = False, exc
                elapsed = time.perf_counter() - started
                with lock:
                    if ok:
                        latencies.append(elapsed)
                    else:
                        errors.append(str(getattr(response, "status_code", response)))

    def slow_client() -> None:
        with httpx.Client(timeout=timeout + 30) as http:
            while time.monotonic() < deadline:
                response = http.get(url + "/sparql", params={"query": SLOW})
                slow_statuses.append(response.status_code)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    if slow:
        threads.append(threading.Thread(target=slow_client))
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    process.terminate()
    process.wait(timeout=30)
    return {
        "clients": clients, "seconds": round(elapsed, 1), "requests": len(latencies),
        "errors": len(errors), "error_samples": errors[:5],
        "requests_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(1000 * percentile(latencies, 0.50), 1),
        "p95_ms": round(1000 * percentile(latencies, 0.95), 1),
        "p99_ms": round(1000 * percentile(latencies, 0.99), 1),
        "max_ms": round(1000 * max(latencies, default=float("nan")), 1),
        "mean_ms": round(1000 * statistics.fmean(latencies), 1) if latencies else None,
        "slow_statuses": sorted(set(slow_statuses)), "timeout_s": timeout,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--timeout", type=float, default=5)
    parser.add_argument("--slow", action="store_true", help="add a client of slow queries")
    parser.add_argument("--json", dest="json_path")
    args = parser.parse_args()
    figures = run(args.clients, args.seconds, args.slow, args.timeout)
    print(json.dumps(figures, indent=2))
    if args.json_path:
        Path(args.json_path).write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
