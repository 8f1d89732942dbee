"""Pages stay whole while a build swaps site/: `mappa-kb serve` over real sockets.

site/ is swapped (mappa_kb.atomic.swap_in, as the build does) between two versions of
every file, each version a different size, again and again while clients ask for
pages. Every response must be one complete version: its body as long as its
Content-Length, and byte for byte one of the versions. A Content-Length read before a
swap and bytes read after it break the connection (h11: "Too much data for declared
Content-Length") or cut the page short; a request between the swap's two renames must
not be a 404 either.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from search_support import build_fixture_index
from servers import Server, app_server

from mappa_kb.atomic import swap_in

SWAPS = 300
CLIENTS = 4
PAGES = {"/": "index.html", "/page.html": "page.html", "/guide/": "guide/index.html"}
MISSING = "/no-such-page/"


def version(n: int) -> dict[str, bytes]:
    """Every file of site version `n`; sizes differ between versions and span many reads."""
    files = {
        "index.html": f"<h1>home {n}</h1>".encode() + b"h" * (3_000 + 5_000 * n),
        "page.html": f"<h1>page {n}</h1>".encode() + b"p" * (200_000 + 70_000 * n),
        "guide/index.html": f"<h1>guide {n}</h1>".encode() + b"g" * (90_000 - 40_000 * n),
        "404.html": f"<h1>not found {n}</h1>".encode() + b"n" * (1_000 + 2_000 * n),
    }
    return files


VERSIONS = [version(0), version(1)]


def write(folder: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for n, files in enumerate(VERSIONS):
        write(tmp_path / f"version-{n}", files)
    shutil.copytree(tmp_path / "version-0", root / "site")
    build_fixture_index(root / "search_index")
    return root


@pytest.fixture
def server(project: Path, tmp_path: Path) -> Iterator[Server]:
    running = app_server(project, tmp_path / "server.log")
    yield running
    running.stop()


def test_every_page_is_one_whole_version_while_site_is_swapped(
    project: Path, server: Server, tmp_path: Path
) -> None:
    swapped = threading.Event()
    problems: list[str] = []
    answered = [0]
    progress = threading.Condition()

    def swap_again_and_again() -> None:
        for n in range(1, SWAPS + 1):
            with progress:  # paced by answers, not by time: requests and swaps interleave
                progress.wait_for(lambda n=n: answered[0] >= 2 * n or bool(problems), timeout=30)
            new = tmp_path / f"new-{n}"
            # Hard links: a new folder of the other version in microseconds.
            shutil.copytree(tmp_path / f"version-{n % 2}", new, copy_function=os.link)
            swap_in(new, project / "site")
        swapped.set()

    def check(path: str, response: httpx.Response) -> str | None:
        name = PAGES.get(path, "404.html")
        status = 404 if path == MISSING else 200
        declared = int(response.headers.get("content-length", -1))
        if response.status_code != status:
            return f"{path}: status {response.status_code}"
        if len(response.content) != declared:
            return f"{path}: {len(response.content)} bytes under Content-Length {declared}"
        if response.content not in (files[name] for files in VERSIONS):
            return f"{path}: a body that is neither version ({response.content[:30]!r})"
        return None

    def ask_for_pages() -> None:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            while not swapped.is_set():
                for path in [*PAGES, MISSING]:
                    try:
                        problem = check(path, client.get(path))
                    except httpx.HTTPError as exc:
                        problem = f"{path}: {exc!r}"
                    with progress:
                        answered[0] += 1
                        if problem:
                            problems.append(problem)
                        progress.notify_all()

    clients = [threading.Thread(target=ask_for_pages) for _ in range(CLIENTS)]
    swapper = threading.Thread(target=swap_again_and_again)
    for thread in clients:
        thread.start()
    swapper.start()
    swapper.join()
    for thread in clients:
        thread.join()

    server.check_alive()
    assert not problems, f"{len(problems)} of {answered[0]} requests: {problems[:5]}"
    assert answered[0] >= 2 * SWAPS
    assert "Too much data" not in server.output()
