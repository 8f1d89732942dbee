"""Slow clients against `mappa-kb serve`: how many of their connections stay open, and how long.

    .venv/bin/python scripts/probe_slow_clients.py                 # 25 connections, 30 s
    .venv/bin/python scripts/probe_slow_clients.py --seconds 120 --report 10
    .venv/bin/python scripts/probe_slow_clients.py --url http://127.0.0.1:8000

Opens --connections connections in three kinds, in turn: idle (connects and says
nothing), head (sends a request line, then a header one byte per --interval seconds,
never finishing it) and body (sends a complete head announcing a body, then the body
one byte per --interval). Every --report seconds it prints how many of each are still
open; a connection counts as closed once the server closes it. Without --url it starts
`mappa-kb serve --no-build` on a free loopback port (run `make build` first), with its
default deadlines. A measurement, not a test: the goal is 0 open well before --seconds.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
import urllib.parse
from collections import Counter
from pathlib import Path

from local_server import LOOPBACK, start, stop

ROOT = Path(__file__).resolve().parents[1]
KINDS = ("idle", "head", "body")
OPENINGS = {
    "idle": b"",
    "head": b"GET / HTTP/1.1\r\nHost: probe\r\nX-Slow: ",
    "body": b"POST /api/ask?q=sro HTTP/1.1\r\nHost: probe\r\nContent-Length: 1000000\r\n\r\n",
}


async def slow_client(
    host: str, port: int, kind: str, interval: float, open_: Counter[str]
) -> None:
    """One connection of `kind`, counted in `open_` for as long as the server keeps it."""
    reader, writer = await asyncio.open_connection(host, port)
    open_[kind] += 1

    async def until_closed() -> None:
        while await reader.read(65536):
            pass  # a reply (say, 405 before the body is in) is not a close: read on

    closed = asyncio.create_task(until_closed())
    try:
        writer.write(OPENINGS[kind])
        while not closed.done():
            if kind != "idle":
                writer.write(b"a")
                await writer.drain()
            await asyncio.wait([closed], timeout=interval)
    except (ConnectionError, OSError):
        pass  # the server closed it while we wrote
    finally:
        open_[kind] -= 1
        closed.cancel()
        writer.close()


async def probe(host: str, port: int, args: argparse.Namespace) -> None:
    open_: Counter[str] = Counter()
    kinds = [KINDS[n % len(KINDS)] for n in range(args.connections)]
    total = Counter(kinds)
    tasks = [
        asyncio.create_task(slow_client(host, port, kind, args.interval, open_)) for kind in kinds
    ]
    start_time = time.monotonic()
    await asyncio.sleep(0.5)  # every connection is made
    print(f"{args.connections} slow connections to {host}:{port}", flush=True)
    elapsed = 0.0
    while elapsed < args.seconds:
        await asyncio.sleep(min(args.report, args.seconds - elapsed))
        elapsed = time.monotonic() - start_time
        detail = ", ".join(f"{kind} {open_[kind]}/{total[kind]}" for kind in KINDS)
        print(
            f"after {elapsed:5.1f} s: {sum(open_.values()):2d} of {args.connections} "
            f"still open ({detail})",
            flush=True,
        )
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="project with a built site")
    parser.add_argument("--url", help="a server already running on loopback (default: start one)")
    parser.add_argument("--connections", type=int, default=25, help="how many slow clients")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to watch")
    parser.add_argument("--report", type=float, default=5.0, help="print every this many s")
    parser.add_argument("--interval", type=float, default=1.0, help="s between trickled bytes")
    args = parser.parse_args()

    server = None
    if args.url:
        base = args.url.rstrip("/")
    else:
        server, base = start(args.root.resolve())
    try:
        address = urllib.parse.urlsplit(base)
        if address.hostname not in LOOPBACK or address.scheme != "http":
            print(f"Refusing {base}: this script only probes a server on loopback over http.")
            return 2
        asyncio.run(probe(address.hostname, address.port or 80, args))
    finally:
        if server is not None:
            stop(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
