"""The Ask page on a plain static host (`python -m http.server`, no API): the same engine
answers in the reader's browser, in a Web Worker, with the API's answers exactly.

The page stays usable while the engine loads (Quick exit, keyboard, axe), says how far
loading has got, answers a question typed before the engine is ready as soon as it is,
keeps its files for the next visit, and refuses an index from another version of the
engine in plain words. Under `mappa-kb serve` the worker runs within the server's
Content-Security-Policy, the only response allowed to compile WebAssembly."""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from urllib.request import urlopen

import pytest
import yaml
from playwright.sync_api import Page, Request, expect
from servers import Server, static_server

from mappa_kb.engine.site import ENGINE_DIR, MANIFEST
from mappa_kb.search.index.integrity import CHECKSUMS_FILE, ENGINE_FILE, INDEX_FORMAT

from .axe import excused, load_allowlist, run_axe
from .conftest import REPO, BuiltSite, OpenPage, Watch
from .keyboard import press_until_focused
from .site_pages import ASK

ENGINE_LINE = "#kb-ask-engine"
STATUS = "#kb-ask-status"
LOADING = re.compile(r"Getting the question search ready(: [\d.]+ of [\d.]+ MB|: starting it…|…)")
READY_TIMEOUT = 180.0
"""Seconds: a cold start is a few seconds, but two cores shared with a test run are slow."""
ASK_ALL = """async (questions) => {
  const root = new URL("/", location.href);
  const out = [];
  for (const q of questions) out.push(await kbQuestionSearch.answer(q, root, 5));
  return [out, kbQuestionSearch.state()];
}"""
QUESTION_SETS = (
    REPO.parent / "shared" / "eval" / "questions.yaml",
    REPO / "scripts" / "eval" / "labelled" / "dev.yaml",
)


def state(page: Page) -> dict[str, Any]:
    found: dict[str, Any] = page.evaluate("() => kbQuestionSearch.state()")
    return found


def wait_until_ready(page: Page) -> dict[str, Any]:
    """Polled from here: the page's policy forbids the eval behind wait_for_function."""
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        now = state(page)
        if now["ready"] or now["message"]:
            assert now["ready"], now["message"]
            return now
        time.sleep(0.1)
    raise AssertionError(f"the in-browser engine was not ready in {READY_TIMEOUT:.0f}s")


def api_answer(app: Server, question: str) -> Any:
    with urlopen(f"{app.url}/api/ask?{urlencode({'q': question, 'k': 5})}") as response:
        return json.load(response)


def test_the_browser_answers_every_question_as_the_api_does(
    static_site: Server, app: Server, open_page: OpenPage
) -> None:
    questions = [
        item["q"] for path in QUESTION_SETS for item in yaml.safe_load(path.read_text("utf-8"))
    ]
    assert len(questions) > 150
    page = open_page(static_site.url + ASK)
    ready = wait_until_ready(page)
    assert ready["engine"] == "browser"
    assert ready["timings"]["fallback"] == []  # the trimmed standard library sufficed
    answered, after = page.evaluate(ASK_ALL, questions)
    different = [q for q, got in zip(questions, answered, strict=True) if got != api_answer(app, q)]
    assert not different, f"{len(different)} of {len(questions)} differ, e.g. {different[:5]}"
    assert not after["lastAnswer"]["fallback"], "a question needed the full standard library"


def test_a_question_asked_while_it_loads_is_answered_when_it_is_ready(
    static_site: Server, app: Server, open_page: OpenPage
) -> None:
    page = open_page(static_site.url + ASK)
    expect(page.locator(ENGINE_LINE)).to_have_text(LOADING)
    assert not state(page)["ready"]
    press_until_focused(page, "#kb-ask-input")
    page.keyboard.type("Who can apply for a Sexual Risk Order?")
    page.keyboard.press("Enter")
    expect(page.locator(".kb-best")).to_be_visible(timeout=READY_TIMEOUT * 1000)
    expected = api_answer(app, "Who can apply for a Sexual Risk Order?")
    expect(page.locator(".kb-best__title")).to_have_text(expected["answers"][0]["title"])
    expect(page.locator(ENGINE_LINE)).to_contain_text("runs in your browser")


def test_quick_exit_keyboard_and_axe_hold_while_it_loads(
    static_site: Server, open_page: OpenPage, watch: Watch, axe_script: Path
) -> None:
    page = open_page(static_site.url + ASK)
    expect(page.locator(ENGINE_LINE)).to_have_text(LOADING)
    findings = [f for f in run_axe(page, axe_script) if not excused(f, load_allowlist())]
    assert findings == []
    press_until_focused(page, "#kb-ask-input")
    page.keyboard.type("levels")
    expect(page.locator("#kb-ask-input")).to_have_value("levels")
    assert not state(page)["ready"], "the checks above were meant to run while it loads"
    watch.expect_outside = True
    page.keyboard.press("Shift+Tab")
    exit_button = page.locator(".kb-quick-exit")
    outside = exit_button.get_attribute("href")
    exit_button.click()
    expect(page).to_have_url(outside or "")


def test_a_second_visit_takes_the_code_and_index_from_the_cache(
    static_site: Server, open_page: OpenPage
) -> None:
    page = open_page(static_site.url + ASK)
    wait_until_ready(page)
    fetched: list[str] = []

    def note(request: Request) -> None:
        fetched.append(request.url)

    page.context.on("request", note)
    again = page.context.new_page()
    again.goto(static_site.url + ASK)
    wait_until_ready(again)
    zips = [url for url in fetched if re.search(r"/(engine|index|stdlib)-\w+\.zip$", url)]
    assert zips == [], zips
    assert any(url.endswith(MANIFEST) for url in fetched)  # checked with the site each time


@pytest.fixture
def site_from_another_engine(built: BuiltSite, tmp_path: Path) -> Iterator[Server]:
    """The built site with its index as another version of the engine wrote it."""
    site = tmp_path / "site"
    shutil.copytree(built.site_dir, site)
    folder = site / ENGINE_DIR
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    entry = manifest["files"]["index"]
    files = zipfile.ZipFile(folder / entry["url"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as index:
        for name in files.namelist():
            data = files.read(name)
            if name == ENGINE_FILE:
                data = json.dumps({"format": INDEX_FORMAT + 1}).encode()
            elif name == CHECKSUMS_FILE:  # vouches for the new engine.json: nothing damaged
                sums = json.loads(data)
                other = json.dumps({"format": INDEX_FORMAT + 1}).encode()
                sums[ENGINE_FILE] = hashlib.sha256(other).hexdigest()
                data = json.dumps(sums).encode()
            index.writestr(name, data)
    entry.update(url="index-from-another-engine.zip", bytes=len(out.getvalue()))
    (folder / entry["url"]).write_bytes(out.getvalue())
    (folder / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    server = static_server(site, tmp_path / "server.log")
    yield server
    server.stop()


def test_an_index_from_another_engine_is_refused_in_plain_words(
    site_from_another_engine: Server, open_page: OpenPage
) -> None:
    page = open_page(site_from_another_engine.url + ASK)
    press_until_focused(page, "#kb-ask-input")
    page.keyboard.type("What is MAPPA?")
    page.keyboard.press("Enter")
    expect(page.locator(ENGINE_LINE)).to_contain_text(
        "different versions of this site", timeout=READY_TIMEOUT * 1000
    )
    expect(page.locator(STATUS)).to_contain_text("not available")
    expect(page.get_by_role("link", name=re.compile("Find pages with the words"))).to_be_visible()


def test_the_worker_runs_within_the_servers_policy(app: Server, open_page: OpenPage) -> None:
    """Under `mappa-kb serve` the page uses the API; told to use the in-browser engine
    instead, its worker must start with the policy the server sends it, and answer."""
    page = open_page()
    page.context.add_init_script("window.kbQuestionSearchEngine = 'browser';")
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security" in m.text else 0)
    page.goto(app.url + ASK)
    assert wait_until_ready(page)["engine"] == "browser"
    got = page.evaluate("(q) => kbQuestionSearch.answer(q, new URL('/', location.href), 5)", "SRO")
    assert got == api_answer(app, "SRO")
    assert violations == []
