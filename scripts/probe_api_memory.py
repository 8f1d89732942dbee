"""Memory of the Q&A API under questions it has never seen: prints RSS as requests go by.

    .venv/bin/python scripts/probe_api_memory.py                     # 100,000 requests
    .venv/bin/python scripts/probe_api_memory.py --requests 20000 --every 5000
    .venv/bin/python scripts/probe_api_memory.py --url http://127.0.0.1:8000 --pid 1234
    .venv/bin/python scripts/probe_api_memory.py --in-process        # no HTTP: the answerer

Every question is made of words no one asked before (random letters), the worst case for
anything kept per word. Without --url it starts `mappa-kb serve --no-build` on a free
loopback port (run `make build` first) and stops it afterwards. RSS is read from
/proc/<pid>/status, so this runs on Linux. A measurement, not a test: the goal is an RSS
that stays flat (within 20%) from the first interval to the last.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import string
import sys
import threading
import time
import urllib.parse
from pathlib import Path

from local_server import LOOPBACK, start, stop

ROOT = Path(__file__).resolve().parents[1]
WARM_UP = ["What is MAPPA?", "Who can apply for an SHPO?", "level 2 london 2022-23"]


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise SystemExit(f"no VmRSS for process {pid}")


class Questions:
    """Questions of fresh random words, handed out to the client threads in turn."""

    def __init__(self, total: int, seed: int) -> None:
        self.random = random.Random(seed)  # noqa: S311 - made-up words, not secrets
        self.total = total
        self.issued = 0
        self.lock = threading.Lock()

    def word(self) -> str:
        return "".join(self.random.choices(string.ascii_lowercase, k=self.random.randint(5, 10)))

    def next(self) -> str | None:
        with self.lock:
            if self.issued >= self.total:
                return None
            self.issued += 1
            return f"what is {self.word()} {self.word()} and {self.word()}"


class Meter:
    """Counts answered requests and prints RSS each time another `every` are done."""

    def __init__(self, pid: int, every: int) -> None:
        self.pid = pid
        self.every = every
        self.done = 0
        self.errors = 0
        self.start = time.perf_counter()
        self.lock = threading.Lock()
        self.first = rss_mb(pid)
        print(f"{0:>9,} requests  RSS {self.first:7.1f} MB", flush=True)

    def count(self, ok: bool) -> None:
        with self.lock:
            self.done += 1
            self.errors += not ok
            if self.done % self.every == 0:
                rss = rss_mb(self.pid)
                elapsed = time.perf_counter() - self.start
                print(
                    f"{self.done:>9,} requests  RSS {rss:7.1f} MB  "
                    f"({rss / self.first - 1:+.0%} since 0; {self.done / elapsed:.0f}/s; "
                    f"{self.errors} errors)",
                    flush=True,
                )


def http_client(questions: Questions, meter: Meter, host: str, port: int) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    while (question := questions.next()) is not None:
        ok = False
        try:
            connection.request("GET", "/api/ask?" + urllib.parse.urlencode({"q": question}))
            response = connection.getresponse()
            response.read()
            ok = response.status == 200
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
        meter.count(ok)
    connection.close()


def over_http(base: str, pid: int, args: argparse.Namespace) -> None:
    address = urllib.parse.urlsplit(base)
    if address.hostname not in LOOPBACK or address.scheme != "http":
        raise SystemExit(f"Refusing {base}: this script only probes a server on loopback.")
    host, port = address.hostname, address.port or 80
    for question in WARM_UP:  # loads the index, as any running server has
        connection = http.client.HTTPConnection(host, port, timeout=30)
        connection.request("GET", "/api/ask?" + urllib.parse.urlencode({"q": question}))
        connection.getresponse().read()
        connection.close()
    questions = Questions(args.requests, args.seed)
    meter = Meter(pid, args.every)
    threads = [
        threading.Thread(target=http_client, args=(questions, meter, host, port))
        for _ in range(args.clients)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def in_process(args: argparse.Namespace) -> None:
    from mappa_kb.search.answer import Answerer

    answerer = Answerer(args.root.resolve() / "search_index")
    for question in WARM_UP:
        answerer.ask(question, 5)
    questions = Questions(args.requests, args.seed)
    meter = Meter(os.getpid(), args.every)
    while (question := questions.next()) is not None:
        answerer.ask(question, 5)
        meter.count(True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project with a built index")
    parser.add_argument("--url", help="a server already running on loopback (needs --pid)")
    parser.add_argument("--pid", type=int, help="the process id of the server at --url")
    parser.add_argument("--in-process", action="store_true", help="ask the answerer directly")
    parser.add_argument("--requests", type=int, default=100_000, help="how many to send")
    parser.add_argument("--every", type=int, default=10_000, help="print RSS this often")
    parser.add_argument("--clients", type=int, default=4, help="concurrent connections")
    parser.add_argument("--seed", type=int, default=1, help="for the random words")
    args = parser.parse_args()

    if args.in_process:
        in_process(args)
        return 0
    if args.url:
        if args.pid is None:
            parser.error("--url needs --pid, to read the server's memory")
        over_http(args.url.rstrip("/"), args.pid, args)
        return 0
    server, base = start(args.root.resolve())
    try:
        over_http(base, server.pid, args)
    finally:
        stop(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
