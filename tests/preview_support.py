"""Helpers for the live preview tests: a watch-mode server over a tiny built project,
edits as an author makes them, and waits that fail with the server's output."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
from servers import Server, watch_server

from mappa_kb.build import build_all
from mappa_kb.paths import ProjectPaths

DEADLINE = 90.0
"""Generous: a full build of the tiny project takes seconds, but the machine is shared."""
ENTRY = "sexual-risk-order"
ENTRY_URL = f"/glossary/{ENTRY}/"
OLD_SUMMARY = "An order for people at risk of causing sexual harm."

T = TypeVar("T")


def entry_file(project: ProjectPaths) -> Path:
    return project.glossary_dir / f"{ENTRY}.yaml"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@contextmanager
def live_server(project: ProjectPaths, log: Path) -> Iterator[Server]:
    build_all(project, browser_engine=False)
    server = watch_server(project.root, log)
    try:
        yield server
    finally:
        server.stop()


def wait_until(server: Server, what: str, probe: Callable[[], T | None]) -> T:
    """Call `probe` until it returns something other than None (or fail, saying what)."""
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        server.check_alive()
        found = probe()
        if found is not None:
            return found
        time.sleep(0.1)
    pytest.fail(f"waited {DEADLINE:.0f}s for {what}; the server said:\n{server.output()}")


def news(client: httpx.Client, since: int = 0) -> dict[str, Any]:
    response = client.get("/__preview/events", params={"since": since})
    response.raise_for_status()
    data: dict[str, Any] = response.json()
    return data


def page_text(client: httpx.Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    return response.text


def answer_texts(client: httpx.Client, question: str) -> str:
    response = client.get("/api/ask", params={"q": question, "k": 5})
    assert response.status_code == 200, response.text
    return " ".join(a["text"] for a in response.json()["answers"])
