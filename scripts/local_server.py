"""`mappa-kb serve --no-build` on a free loopback port, for the probe scripts.

Its output goes to a temporary file, not a pipe: a pipe nobody reads fills up and would
stall the server mid-measurement.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CLI = "import sys; from mappa_kb.cli import main; sys.exit(main())"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start(root: Path, extra: list[str] | None = None) -> tuple[subprocess.Popen[bytes], str]:
    """Start the server (with `extra` serve options) and wait until it accepts connections."""
    port = free_port()
    argv = [sys.executable, "-c", CLI, "serve", "--no-build", "--root", str(root)]
    argv += ["--host", "127.0.0.1", "--port", str(port), *(extra or [])]
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed with the process, below
    server = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            output = log.read().decode(errors="replace")
            raise SystemExit(f"the server stopped (exit {server.returncode}):\n{output}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return server, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start within 30 s")


def stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()
