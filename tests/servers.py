"""Servers for browser and API tests: subprocesses on free loopback ports.

A server that dies, or never answers, fails the test at once with its own output, so a
broken build or a crashing API reads as that and not as a browser timeout.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

HOST = "127.0.0.1"
START_DEADLINE = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Server:
    name: str
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def check_alive(self) -> None:
        code = self.process.poll()
        if code is not None:
            pytest.fail(f"{self.name} exited with code {code}; its output:\n{self.output()}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=1) as response:
            return bool(response.status < 500)
    except urllib.error.HTTPError as exc:
        return exc.code < 500
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def start_server(name: str, argv: list[str], port: int, log: Path, ready_path: str = "/") -> Server:
    """Run `argv` (which must listen on `port`) and wait until `ready_path` answers."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_MKDOCS_2_WARNING": "1"}
    with log.open("wb") as out:
        process = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env)
    server = Server(name, f"http://{HOST}:{port}", process, log)
    deadline = time.monotonic() + START_DEADLINE
    while time.monotonic() < deadline:
        server.check_alive()
        if _answers(server.url + ready_path):
            return server
        time.sleep(0.05)
    server.stop()
    waited = f"{START_DEADLINE:.0f}s"
    pytest.fail(f"{name} did not answer {ready_path} within {waited}:\n{server.output()}")


def static_server(site_dir: Path, log: Path) -> Server:
    """The built folder as plain static hosting would serve it: no API behind it."""
    port = free_port()
    argv = [sys.executable, "-m", "http.server", str(port), "--bind", HOST]
    argv += ["--directory", str(site_dir)]
    return start_server("static server", argv, port, log)


def app_server(project_root: Path, log: Path, options: Sequence[str] = ()) -> Server:
    """`mappa-kb serve --no-build`: the built site plus the Q&A API, as readers run it.

    `options` are more serve options, such as shorter deadlines for slow clients.
    """
    port = free_port()
    launcher = "import sys; from mappa_kb.cli import main; sys.exit(main())"
    argv = [sys.executable, "-c", launcher, "serve", "--no-build"]
    argv += ["--root", str(project_root), "--host", HOST, "--port", str(port), *options]
    return start_server("mappa-kb serve", argv, port, log)


def watch_server(project_root: Path, log: Path) -> Server:
    """`mappa-kb serve --watch --no-build`: the live preview over what is built."""
    port = free_port()
    launcher = "import sys; from mappa_kb.cli import main; sys.exit(main())"
    argv = [sys.executable, "-c", launcher, "serve", "--watch", "--no-build"]
    argv += ["--root", str(project_root), "--host", HOST, "--port", str(port)]
    return start_server("mappa-kb serve --watch", argv, port, log)
