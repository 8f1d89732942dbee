"""Slow clients are dropped: `mappa-kb serve` with one-second deadlines, over real sockets.

Each slow client keeps going far longer than any deadline (PATIENCE), so a server that
never drops it makes the test fail, however fast or slow the machine; nothing here
measures time.
"""

from __future__ import annotations

import select
import socket
from collections.abc import Iterator

import pytest
from search_support import build_fixture_index
from servers import HOST, Server, app_server

from mappa_kb.cli import build_parser

DEADLINE = "1"  # seconds, for the head, the body and the keep-alive wait alike
PATIENCE = 300  # trickled bytes, one every STEP seconds: 30 s, thirty times the deadline
STEP = 0.1
HEAD = b"GET / HTTP/1.1\r\nHost: test\r\n"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    root = tmp_path_factory.mktemp("deadlines")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    build_fixture_index(root / "search_index")
    options = ["--head-timeout", DEADLINE, "--body-timeout", DEADLINE, "--keep-alive", DEADLINE]
    running = app_server(root, root / "server.log", options)
    yield running
    running.stop()


def connect(server: Server) -> socket.socket:
    port = int(server.url.rsplit(":", 1)[1])
    return socket.create_connection((HOST, port), timeout=PATIENCE * STEP)


def closed_by_server(sock: socket.socket) -> bool:
    """Whether the server has closed the connection; any reply it sent first is read."""
    while select.select([sock], [], [], 0)[0]:
        try:
            if not sock.recv(65536):
                return True
        except ConnectionError:
            return True
    return False


def trickle(sock: socket.socket, opening: bytes) -> bool:
    """Send `opening`, then one byte every STEP seconds; True once the server hangs up."""
    try:
        sock.sendall(opening)
        for _ in range(PATIENCE):
            if select.select([sock], [], [], STEP)[0] and closed_by_server(sock):
                return True
            sock.sendall(b"a")
    except (BrokenPipeError, ConnectionResetError):
        return True
    return closed_by_server(sock)


def complete_response(sock: socket.socket) -> bytes:
    """One whole response to GET (headers and a Content-Length body)."""
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    head, body = data.split(b"\r\n\r\n", 1)
    length = next(
        int(line.split(b":", 1)[1])
        for line in head.split(b"\r\n")
        if line.lower().startswith(b"content-length:")
    )
    while len(body) < length:
        body += sock.recv(65536)
    return head


def test_a_silent_connection_is_closed(server: Server) -> None:
    with connect(server) as sock:
        try:
            assert sock.recv(1) == b""
        except TimeoutError:
            pytest.fail("the server kept a silent connection open")


def test_a_trickled_request_head_is_cut_off(server: Server) -> None:
    with connect(server) as sock:
        assert trickle(sock, HEAD + b"X-Slow: ")


def test_a_trickled_request_body_is_cut_off(server: Server) -> None:
    opening = b"POST /api/ask?q=sro HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n\r\n"
    with connect(server) as sock:
        assert trickle(sock, opening)


def test_a_kept_alive_connection_cannot_trickle_its_next_request(server: Server) -> None:
    with connect(server) as sock:
        sock.sendall(HEAD + b"\r\n")
        assert complete_response(sock).startswith(b"HTTP/1.1 200")
        assert trickle(sock, HEAD + b"X-Slow: ")


def test_prompt_clients_are_served_in_pieces_and_kept_alive(server: Server) -> None:
    with connect(server) as sock:
        for _ in range(3):
            for piece in (b"GET /api/ask?q=sro", b" HTTP/1.1\r\nHost: te", b"st\r\n\r\n"):
                sock.sendall(piece)
            assert complete_response(sock).startswith(b"HTTP/1.1 200")
    server.check_alive()
    assert "Traceback" not in server.output()


def test_deadlines_are_serve_options_in_positive_seconds() -> None:
    parser = build_parser()
    given = parser.parse_args(
        ["serve", "--head-timeout", "2.5", "--body-timeout", "3", "--keep-alive", "1"]
    )
    assert (given.head_timeout, given.body_timeout, given.keep_alive) == (2.5, 3.0, 1.0)
    default = parser.parse_args(["serve"])
    assert (default.head_timeout, default.body_timeout, default.keep_alive) == (10.0, 10.0, 5.0)
    for wrong in ("0", "-1", "soon"):
        with pytest.raises(SystemExit):
            parser.parse_args(["serve", "--head-timeout", wrong])
