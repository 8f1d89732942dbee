"""The Ask page on a plain static host: the in-browser question search, timed.

Serves site/ with `python -m http.server` (no API, no compression, no cache headers) and
drives Debian's chromium through Playwright:

- cold: a new browser profile opens /ask/?question=..., which asks at once; the time to
  the answer on screen, and how long each part of loading took (in the worker);
- warm: the same profile opens it again (HTTP cache and Cache API kept);
- per question: questions from the evaluation sets, one after another, once ready;
- the longest main-thread task while loading (PerformanceObserver 'longtask');
- total download: every file the cold visit fetched, gzip-compressed as a host would
  send it (http.server does not compress, so this is computed from the files).

Goals (issue 16): first answer <= 8 s cold, <= 1.5 s warm, <= 100 ms a question after,
no main-thread task over 200 ms while loading, download <= 10 MB gzip. The machine's load
average is printed too: on two shared cores it moves every figure.

Usage: python scripts/benchmark_static.py [--runs 3] [--questions 40]
Needs a built site with its engine (`make build`) and chromium (`make browser-deps`).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import yaml
from playwright.sync_api import BrowserContext, Page, Playwright, Request, sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from servers import free_port, start_server  # noqa: E402

from mappa_kb.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

FIRST_QUESTION = "What is MAPPA?"
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) window.__longTasks.push([entry.startTime, entry.duration]);
}).observe({ type: "longtask", buffered: true });
"""
# When, from the start of navigation, the engine started and was ready (ms).
MARKS = """() => Object.fromEntries(["kb-engine-start", "kb-engine-ready"].map(
  (name) => [name, Math.round((performance.getEntriesByName(name)[0] || {}).startTime)]))"""
# The longest main-thread tasks: while the engine loads (between ask-engine.js's marks),
# and before it starts (the page's own parsing and Material's start-up, on every page).
TASKS = """() => {
  const mark = (name) => (performance.getEntriesByName(name)[0] || {}).startTime;
  const start = mark("kb-engine-start"), ready = mark("kb-engine-ready");
  let during = 0, before = 0;
  for (const [at, took] of window.__longTasks) {
    if (start !== undefined && at + took > start && (ready === undefined || at < ready)) {
      during = Math.max(during, took);
    } else if (start === undefined || at < start) {
      before = Math.max(before, took);
    }
  }
  return [during, before];
}"""
GOALS = {"cold": 8.0, "warm": 1.5, "question_ms": 100.0, "long_task_ms": 200.0, "gzip_mb": 10.0}


@dataclass
class Visit:
    seconds: float
    timings: dict[str, float]
    longest_task_ms: float
    """While the engine loaded."""
    page_task_ms: float
    """Before: the page's own start-up, the same on pages without the engine."""
    cpu_seconds: float
    """Used by all of chromium's processes: what the visit costs on an idle machine."""
    fetched: list[str] = field(default_factory=list)


def questions(limit: int) -> list[str]:
    sets = [REPO.parent / "shared" / "eval" / "questions.yaml"]
    sets.append(REPO / "scripts" / "eval" / "labelled" / "dev.yaml")
    found = [item["q"] for path in sets for item in yaml.safe_load(path.read_text("utf-8"))]
    return found[:limit]


def cpu_seconds(marker: str) -> float:
    """User and system CPU time of the processes whose command line holds `marker`."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for proc in Path("/proc").iterdir():
        try:
            if marker.encode() not in (proc / "cmdline").read_bytes():
                continue
            fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def visit(context: BrowserContext, base: str, profile: str) -> tuple[Visit, Page]:
    fetched: list[str] = []

    def note(request: Request) -> None:
        fetched.append(request.url)

    context.on("request", note)
    page = context.new_page()
    cpu = cpu_seconds(profile)
    start = time.perf_counter()
    page.goto(f"{base}/ask/?question={FIRST_QUESTION.replace(' ', '+')}")
    page.wait_for_selector(".kb-best", timeout=120_000)
    seconds = time.perf_counter() - start
    cpu = cpu_seconds(profile) - cpu
    state = page.evaluate("kbQuestionSearch.state()")
    during, before = page.evaluate(TASKS)
    marks = page.evaluate(MARKS)
    context.remove_listener("request", note)
    timings = {**(state.get("timings") or {}), **marks}
    return Visit(seconds, timings, during, before, cpu, fetched), page


def wait_for_warm_up(page: Page, limit: float = 300.0) -> float:
    """Until the worker has filled its caches (milliseconds it took), or `limit` seconds."""
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        took = page.evaluate("kbQuestionSearch.state().warmMs")
        if took is not None:
            return float(took)
        time.sleep(0.25)
    return float("nan")


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"median {statistics.median(times):.0f} ms, p95 {p95:.0f} ms, max {max(times):.0f} ms "
        f"over {len(times)}"
    )


def per_question(page: Page, asked: list[str]) -> list[float]:
    script = """async (qs) => {
      const root = new URL("/", location.href);
      const out = [];
      for (const q of qs) {
        const t = performance.now();
        await kbQuestionSearch.answer(q, root, 5);
        out.push(performance.now() - t);
      }
      return out;
    }"""
    return list(page.evaluate(script, asked))


def gzip_bytes(site: Path, urls: list[str]) -> tuple[int, dict[str, int]]:
    sizes: dict[str, int] = {}
    for url in dict.fromkeys(urls):
        path = urlparse(url).path
        file = site / path.lstrip("/")
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            sizes[path] = len(gzip.compress(file.read_bytes(), compresslevel=6, mtime=0))
    return sum(sizes.values()), sizes


def load_average() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def run(playwright: Playwright, base: str, site: Path, runs: int, asked: list[str]) -> None:
    colds: list[Visit] = []
    warms: list[Visit] = []
    times: list[float] = []
    warmed: list[float] = []
    warm_ms = float("nan")
    half = len(asked) // 2
    asked, asked_after = asked[:half], asked[half:]  # new questions each time
    for number in range(runs):
        with tempfile.TemporaryDirectory(prefix="bench-static-") as profile:
            context = playwright.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
            )
            context.add_init_script(LONG_TASKS)
            cold, page = visit(context, base, profile)
            if number == 0:
                times = per_question(page, asked)
                warm_ms = wait_for_warm_up(page)
                warmed = per_question(page, asked_after)
            page.close()
            warm, page = visit(context, base, profile)
            page.close()
            context.close()
        colds.append(cold)
        warms.append(warm)
        print(
            f"run {number + 1}: cold {cold.seconds:.2f} s ({cold.cpu_seconds:.1f} CPU s) "
            f"{cold.timings}; warm {warm.seconds:.2f} s ({warm.cpu_seconds:.1f} CPU s) "
            f"{warm.timings}; longest task while loading {cold.longest_task_ms:.0f} / "
            f"{warm.longest_task_ms:.0f} ms  (load average {load_average()})"
        )
    total, sizes = gzip_bytes(site, colds[0].fetched)
    cold_s = statistics.median(v.seconds for v in colds)
    warm_s = statistics.median(v.seconds for v in warms)
    longest = max(v.longest_task_ms for v in colds + warms)
    page_tasks = max(v.page_task_ms for v in colds + warms)
    cold_cpu = statistics.median(v.cpu_seconds for v in colds)
    warm_cpu = statistics.median(v.cpu_seconds for v in warms)
    print()
    print(
        f"first answer, cold:  {cold_s:.2f} s median of {runs}, {cold_cpu:.1f} CPU s in chromium"
        f"  (goal <= {GOALS['cold']} s)"
    )
    print(
        f"first answer, warm:  {warm_s:.2f} s median of {runs}, {warm_cpu:.1f} CPU s in chromium"
        f"  (goal <= {GOALS['warm']} s)"
    )
    goal = f"(goal <= {GOALS['question_ms']:.0f} ms)"
    print(f"per question, right after the first answer: {summary(times)}  {goal}")
    print(f"per question, once warmed up ({warm_ms / 1000:.1f} s after ready): {summary(warmed)}")
    print(
        f"longest main-thread task while the engine loads: {longest:.0f} ms  (goal <= 200 ms); "
        f"before it starts (the page's own start-up, as on every page): {page_tasks:.0f} ms"
    )
    print(f"download, gzip: {total / 1e6:.2f} MB in {len(sizes)} files  (goal <= 10 MB)")
    for path, size in sorted(sizes.items(), key=lambda item: -item[1])[:8]:
        print(f"  {size / 1e6:6.2f} MB  {path}")
    worker = colds[len(colds) // 2].timings
    print(f"cold start in the worker (ms): {json.dumps(worker)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=REPO)
    parser.add_argument("--runs", type=int, default=3, help="cold and warm visits (default 3)")
    parser.add_argument("--questions", type=int, default=60, help="asked after the first")
    args = parser.parse_args()
    site = args.root / "site"
    if not (site / "assets" / "engine" / "manifest.json").is_file():
        print("No in-browser engine in site/: run 'make build' first.", file=sys.stderr)
        return 1
    print(f"load average at start: {load_average()} ({os.cpu_count()} cores)")
    port = free_port()
    log = Path(tempfile.mkstemp(prefix="bench-static-", suffix=".log")[1])
    argv = [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"]
    server = start_server("static server", [*argv, "--directory", str(site)], port, log)
    try:
        with sync_playwright() as playwright:
            run(playwright, server.url, site, args.runs, questions(args.questions))
    finally:
        server.stop()
        log.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
