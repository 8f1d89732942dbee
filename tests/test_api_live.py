"""The API as readers meet it: `mappa-kb serve` in its own process, over real sockets.

The index is rebuilt while clients keep asking: no request may fail, and answers switch
to the new index as soon as it is in place.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from search_support import PASSAGES, build_fixture_index
from servers import HOST, Server, app_server

from mappa_kb.api import SECURITY_HEADERS
from mappa_kb.paths import ProjectPaths

QUESTION = "probation delivery unit"
NEW_TITLE = "Probation Delivery Unit"  # in the new index only
OLD = [p for p in PASSAGES if NEW_TITLE not in p.title]
CLIENTS = 8


def make_project(root: Path) -> ProjectPaths:
    project = ProjectPaths.at(root / "project")
    project.site_dir.mkdir(parents=True)
    (project.site_dir / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    build_fixture_index(project.index_dir, OLD)
    return project


@pytest.fixture
def project(tmp_path: Path) -> ProjectPaths:
    return make_project(tmp_path)


@pytest.fixture
def server(project: ProjectPaths, tmp_path: Path) -> Iterator[Server]:
    running = app_server(project.root, tmp_path / "server.log")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def shared_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for tests that only read: it must outlive every one of them."""
    root = tmp_path_factory.mktemp("live")
    running = app_server(make_project(root).root, root / "server.log")
    yield running
    running.stop()


def answer_title(response: httpx.Response) -> str:
    answers = response.json()["answers"]
    return str(answers[0]["title"]) if answers else ""


def test_rebuilding_the_index_while_the_api_answers(project: ProjectPaths, server: Server) -> None:
    with httpx.Client(base_url=server.url) as client:
        first = client.get("/api/ask", params={"q": QUESTION})
    assert not answer_title(first).startswith(NEW_TITLE)

    stop = threading.Event()
    statuses: Counter[int] = Counter()
    titles: Counter[str] = Counter()
    errors: list[str] = []
    lock = threading.Lock()

    def keep_asking() -> None:
        with httpx.Client(base_url=server.url, timeout=10) as client:
            while not stop.is_set():
                try:
                    response = client.get("/api/ask", params={"q": QUESTION, "k": 3})
                    with lock:
                        statuses[response.status_code] += 1
                        titles[answer_title(response)] += 1
                except httpx.HTTPError as exc:
                    with lock:
                        errors.append(repr(exc))

    def let_clients_ask(count: int) -> None:
        """Wait (not a fixed time: machines differ) until `count` more answers came."""
        with lock:
            target = sum(statuses.values()) + count
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not errors:
            with lock:
                if sum(statuses.values()) >= target:
                    return
            time.sleep(0.01)

    threads = [threading.Thread(target=keep_asking) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    try:
        for round_ in range(6):
            let_clients_ask(2 * CLIENTS)
            build_fixture_index(project.index_dir, PASSAGES if round_ % 2 == 0 else OLD)
        let_clients_ask(2 * CLIENTS)
        build_fixture_index(project.index_dir, PASSAGES)
        # The very next question after the swap is answered from the new index.
        with httpx.Client(base_url=server.url) as client:
            after = client.get("/api/ask", params={"q": QUESTION})
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    server.check_alive()
    assert not errors, errors[:5]
    assert set(statuses) == {200}, statuses
    assert sum(statuses.values()) > 50
    new = sum(n for title, n in titles.items() if title.startswith(NEW_TITLE))
    assert 0 < new < sum(titles.values()), f"answers did not follow the rebuilds: {titles}"
    assert answer_title(after).startswith(NEW_TITLE)
    assert "Traceback" not in server.output()


RAW_REQUESTS = [
    b"GET /api/ask?q=%ZZ HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/ask?q=%C0%AF%ED%A0%80 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/ask?q=" + b"A" * 60_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/ask?q=sro&k=99999999999999999999999 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /api/ask?q=\xff\xfe HTTP/1.1\r\nHost: x\r\n\r\n",
    b"POST /api/ask?q=sro HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc",
]


@pytest.mark.parametrize("raw", RAW_REQUESTS, ids=range(len(RAW_REQUESTS)))
def test_malformed_requests_on_the_wire_never_get_a_server_error(
    shared_server: Server, raw: bytes
) -> None:
    server = shared_server
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection((HOST, port), timeout=10) as sock:
        sock.sendall(raw)
        reply = sock.recv(200)
    status_line = reply.split(b"\r\n", 1)[0]
    assert status_line[:10] in (b"HTTP/1.1 2", b"HTTP/1.1 4"), status_line
    server.check_alive()
    assert "Traceback" not in server.output()


def raw_reply(server: Server, raw: bytes) -> tuple[str, dict[str, str]]:
    """Send `raw` as is; the status line and headers of the reply (read to the close)."""
    port = int(server.url.rsplit(":", 1)[1])
    with socket.create_connection((HOST, port), timeout=10) as sock:
        sock.sendall(raw)
        reply = b""
        while chunk := sock.recv(65536):
            reply += chunk
    status, *lines = reply.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    return status, {name.lower(): value for name, value in headers.items()}


@pytest.mark.parametrize(
    "raw",
    [
        b"GET / HTTP/1.1\r\nHost: x\r\nno colon in this header\r\n\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
        b"GET / HTTP/1.1\r\n\r\n",
    ],
    ids=["header", "length", "no-host"],
)
def test_replies_to_malformed_requests_carry_the_security_headers(
    shared_server: Server, raw: bytes
) -> None:
    status, headers = raw_reply(shared_server, raw)
    assert status.startswith("HTTP/1.1 400"), status
    for name, value in SECURITY_HEADERS.items():
        assert headers.get(name.lower()) == value, name
    assert "server" not in headers


def test_the_server_does_not_name_itself(shared_server: Server) -> None:
    with httpx.Client(base_url=shared_server.url) as client:
        for path in ("/", "/api/ask?q=sro", "/api/ask", "/no-such-page"):
            assert "server" not in client.get(path).headers, path
