"""Load on the Q&A API over loopback: many /api/ask requests from concurrent clients.

    .venv/bin/python scripts/load_test_api.py                  # 5,000 requests, 32 clients
    .venv/bin/python scripts/load_test_api.py --requests 20000 --seconds 120
    .venv/bin/python scripts/load_test_api.py --url http://127.0.0.1:8000   # a running server

Bounded twice: it stops after --requests requests or --seconds seconds, whichever comes
first. Without --url it starts `mappa-kb serve --no-build` on a free loopback port (run
`make build` first) and stops it afterwards. It only ever talks to loopback.

Prints requests/s, latency percentiles and the errors (anything but a 200 answer with JSON
is an error; goal: 0). Exit status 1 when there were errors. A measurement, not a test.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

import local_server
import yaml
from local_server import LOOPBACK

ROOT = Path(__file__).resolve().parents[1]
EVAL_QUESTIONS = ROOT.parent / "shared" / "eval" / "questions.yaml"
# Asked as well as the evaluation set: short forms, typos, odd input, the longest allowed.
EXTRA = [
    "What is an SRO?",
    "shpo",
    "who can apply for a sexual risk order",
    "how long do notification requirements last",
    "prevension order registar",
    "Level 2 London 2022-23",
    "How many people were managed at level 3 in Cambridgeshire?",
    "NOT NOT x",
    'sro? "(*',
    "<script>alert(1)</script>",
    "性犯罪 リスク 命令 💥",
    "x" * 300,
    ("sex offenders register " * 14)[:300],
]


def questions(path: Path) -> list[str]:
    asked = list(EXTRA)
    if path.is_file():
        asked += [item["q"] for item in yaml.safe_load(path.read_text(encoding="utf-8"))]
    return asked


def percentile(ordered: list[float], share: float) -> float:
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


class Load:
    """Shared by the client threads: which request comes next, and what happened."""

    def __init__(self, paths: list[str], total: int, seconds: float) -> None:
        self.paths = paths
        self.total = total
        self.deadline = time.monotonic() + seconds
        self.issued = 0
        self.latencies: list[float] = []
        self.errors: Counter[str] = Counter()
        self.lock = threading.Lock()

    def next_path(self) -> str | None:
        with self.lock:
            if self.issued >= self.total or time.monotonic() >= self.deadline:
                return None
            self.issued += 1
            return self.paths[self.issued % len(self.paths)]

    def record(self, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if error:
                self.errors[error] += 1


def client(load: Load, host: str, port: int) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    while (path := load.next_path()) is not None:
        start = time.perf_counter()
        error = None
        try:
            connection.request("GET", path, headers={"Accept": "application/json"})
            response = connection.getresponse()
            body = response.read()
            if response.status != 200:
                error = f"HTTP {response.status}"
            elif "answers" not in json.loads(body):
                error = "JSON without answers"
        except (OSError, http.client.HTTPException, ValueError) as exc:
            error = type(exc).__name__
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
        load.record(time.perf_counter() - start, error)
    connection.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project with a built index")
    parser.add_argument("--url", help="a server already running on loopback (default: start one)")
    parser.add_argument("--requests", type=int, default=5000, help="stop after this many")
    parser.add_argument("--seconds", type=float, default=60.0, help="or after this long")
    parser.add_argument("--clients", type=int, default=32, help="concurrent connections")
    parser.add_argument("--questions", type=Path, default=EVAL_QUESTIONS)
    args = parser.parse_args(argv)

    server = None
    if args.url:
        base = args.url.rstrip("/")
    else:
        server, base = local_server.start(args.root.resolve())
    address = urllib.parse.urlsplit(base)
    if address.hostname not in LOOPBACK or address.scheme != "http":
        print(f"Refusing {base}: this script only loads a server on loopback over http.")
        return 2
    asked = questions(args.questions)
    paths = [f"/api/ask?{urllib.parse.urlencode({'q': q, 'k': 5})}" for q in asked]
    load = Load(paths, args.requests, args.seconds)
    threads = [
        threading.Thread(target=client, args=(load, address.hostname, address.port or 80))
        for _ in range(args.clients)
    ]
    try:
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
    finally:
        if server is not None:
            local_server.stop(server)

    done = len(load.latencies)
    ordered = sorted(ms * 1000 for ms in load.latencies)
    errors = sum(load.errors.values())
    print(f"{base}/api/ask: {done} requests from {args.clients} clients in {elapsed:.1f} s")
    print(f"  {len(asked)} different questions, {os.cpu_count()} CPU cores shared with the server")
    if ordered:
        print(f"  throughput  {done / elapsed:.0f} requests/s")
        print(
            f"  latency     p50 {percentile(ordered, 0.5):.1f} ms, "
            f"p90 {percentile(ordered, 0.9):.1f} ms, p99 {percentile(ordered, 0.99):.1f} ms, "
            f"max {ordered[-1]:.1f} ms"
        )
    detail = ", ".join(f"{kind}: {n}" for kind, n in load.errors.most_common())
    print(f"  errors      {errors}" + (f" ({detail})" if detail else "") + "  (goal: 0)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
