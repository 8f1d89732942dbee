"""How long an author waits in `mappa-kb serve --watch`: from a save to the edited page
reloaded in an open browser tab, and to everything current (every page, the index).

    python scripts/benchmark_preview.py [--runs 3]

Two edits, each timed `--runs` times: a glossary entry's summary (its page
glossary/sexual-risk-order/) and a statistics figure (statistics/london/2022-23/, charts
and all). Works on a temporary copy of the project, built first; the real one is not
touched. The page is timed in Debian's chromium (`make browser-deps`) as an author's tab
sees it; "everything current" is when the server published the full build, by its
clock (one machine, so the clocks agree). Goal: the edited page within 3 s on two cores.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, sync_playwright

from mappa_kb.build import build_all
from mappa_kb.chromium import CHROMIUM, CHROMIUM_ARGS
from mappa_kb.paths import ProjectPaths
from mappa_kb.preview.live import READY

REPO = Path(__file__).resolve().parents[1]
PARTS = ("mkdocs.yml", "docs", "overrides", "scripts", "glossary", "data")
DEADLINE = 180.0


@dataclass(frozen=True)
class Edit:
    name: str
    file: str
    old: str
    new: str
    url: str
    shows: str
    """Text the edited page shows once the edit is in."""
    question: str
    """A question whose answers show it once the index is current."""


EDITS = [
    Edit(
        "entry summary",
        "glossary/sexual-risk-order.yaml",
        "A court order for a person",
        "A zebra court order for a person",
        "/glossary/sexual-risk-order/",
        "zebra",
        "what is a sexual risk order",
    ),
    Edit(
        "statistics figure",
        "data/statistics/london/2022-23.yaml",
        "shpo: 548",
        "shpo: 549",
        "/statistics/london/2022-23/",
        "549",
        "how many SHPOs were made in London in 2022-23",
    ),
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
        return json.loads(response.read())


def wait_for(what: str, probe: Any, log: Path) -> Any:
    deadline = time.monotonic() + DEADLINE
    while time.monotonic() < deadline:
        found = probe()
        if found:
            return found
        time.sleep(0.02)
    sys.exit(f"waited {DEADLINE:.0f}s for {what}; the server said:\n{log.read_text()}")


def reloaded(page: Page) -> bool:
    try:
        return not page.evaluate("() => window.kbBenchmarkMark === true")
    except PlaywrightError:  # the old page is gone and the new one not yet there
        return False


def save(path: Path, old: str, new: str) -> float:
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, path)
    started = time.time()
    path.write_text(text.replace(old, new), encoding="utf-8")
    return started


def run_once(base: str, root: Path, page: Page, edit: Edit, log: Path) -> tuple[float, float]:
    version = get_json(f"{base}/__preview/events")["version"]
    page.goto(base + edit.url)
    page.evaluate("() => { window.kbBenchmarkMark = true; }")
    started = save(root / edit.file, edit.old, edit.new)
    wait_for("the page to reload", lambda: reloaded(page), log)
    page.wait_for_load_state("load")
    page_seconds = time.time() - started
    assert edit.shows in page.locator("article").inner_text(), "reloaded without the edit"

    def site_stage() -> float | None:
        stages = get_json(f"{base}/__preview/events?since={version}")["stages"]
        done = [s["at"] for s in stages if s["stage"] == "site"]
        return done[0] if done else None

    site_seconds = wait_for("everything current", site_stage, log) - started
    query = urllib.parse.urlencode({"q": edit.question, "k": 5})
    answers = get_json(f"{base}/api/ask?{query}")["answers"]
    assert any(edit.shows in a["text"] for a in answers), "the index is not current"
    # Undo, and let that rebuild finish before the next run (not timed).
    version = get_json(f"{base}/__preview/events")["version"]
    save(root / edit.file, edit.new, edit.old)
    wait_for("the undo", lambda: site_stage_after(base, version), log)
    return page_seconds, site_seconds


def site_stage_after(base: str, version: int) -> bool:
    stages = get_json(f"{base}/__preview/events?since={version}")["stages"]
    return any(s["stage"] == "site" for s in stages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="timed saves per edit (default 3)")
    args = parser.parse_args()
    if not CHROMIUM.is_file():
        sys.exit(f"chromium is missing ({CHROMIUM}): run `make browser-deps`")
    with tempfile.TemporaryDirectory(prefix="benchmark-preview-") as tmp:
        root = Path(tmp) / "project"
        root.mkdir()
        for name in PARTS:
            source = REPO / name
            copy = shutil.copytree if source.is_dir() else shutil.copy
            copy(source, root / name)
        print("Building the copy once...", flush=True)
        build_all(ProjectPaths.at(root))
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        log = Path(tmp) / "server.log"
        argv = [sys.executable, "-m", "mappa_kb.cli", "serve", "--watch", "--no-build"]
        argv += ["--root", str(root), "--port", str(port)]
        env = {**os.environ, "PYTHONUNBUFFERED": "1", "NO_MKDOCS_2_WARNING": "1"}
        with log.open("wb") as out:
            server = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, env=env)
        try:
            wait_for("the server to be ready", lambda: READY in log.read_text(), log)
            results: dict[str, list[tuple[float, float]]] = {}
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
                )
                page = browser.new_page()
                for edit in EDITS:
                    for run in range(1, args.runs + 1):
                        timed = run_once(base, root, page, edit, log)
                        results.setdefault(edit.name, []).append(timed)
                        print(
                            f"{edit.name}, run {run}: page {timed[0]:.2f} s, "
                            f"everything {timed[1]:.2f} s",
                            flush=True,
                        )
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=30)
    print(f"\nMedians over {args.runs} saves ({os.cpu_count()} CPUs):")
    print(f"{'edit':<20} {'save -> page reloaded':>22} {'save -> everything current':>27}")
    for name, timings in results.items():
        page_s = statistics.median(t[0] for t in timings)
        site_s = statistics.median(t[1] for t in timings)
        print(f"{name:<20} {page_s:>20.2f} s {site_s:>25.2f} s")


if __name__ == "__main__":
    main()
