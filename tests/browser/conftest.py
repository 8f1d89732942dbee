"""Browser fixtures: the real project built once, served on free ports, read by chromium.

One build, one static server, one app server and one browser per session keep the suite
fast; every test gets its own browser context, so storage and palette never leak between
tests. Every request to a host other than loopback is stopped and recorded: the site must
load nothing from elsewhere, and a test that expects to leave (Quick exit) says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pytest
from playwright.sync_api import Browser, Page, Playwright, Request, Route, sync_playwright
from servers import Server, app_server, static_server

from mappa_kb.chromium import CHROMIUM, CHROMIUM_ARGS
from mappa_kb.content import Glossary, load_glossary
from mappa_kb.paths import ProjectPaths

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
HOW_TO_INSTALL = "run `make browser-deps` (Debian's chromium via apt, axe-core via `npm ci`)"
# Any address but this machine's. A pattern the browser itself matches: routing every
# request through Python instead would add a round trip to each of a page's assets.
ELSEWHERE = re.compile(r"^(?!(https?|wss?)://(127\.0\.0\.1|localhost|\[::1\])[:/])[a-z]+://")
# Stands in for any outside site, so leaving the site can be tested with no network.
OUTSIDE_PAGE = "<!doctype html><title>Outside</title><p>A page on another site.</p>"

Scheme = Literal["light", "dark"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


@dataclass(frozen=True)
class BuiltSite:
    project: ProjectPaths
    glossary: Glossary

    @property
    def site_dir(self) -> Path:
        return self.project.site_dir


@pytest.fixture(scope="session")
def built(real_site: ProjectPaths) -> BuiltSite:
    """This checkout's real content and config, built once per run (tests/conftest.py)."""
    return BuiltSite(real_site, load_glossary(real_site.glossary_dir, real_site.root))


@pytest.fixture(scope="session")
def _static(built: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("logs") / "static-server.log"
    server = static_server(built.site_dir, log)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _app(built: BuiltSite, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("logs") / "app-server.log"
    server = app_server(built.project.root, log)
    yield server
    server.stop()


@pytest.fixture
def static_site(_static: Server) -> Server:
    """The built folder on plain static hosting: no API answers there."""
    _static.check_alive()
    return _static


@pytest.fixture
def app(_app: Server) -> Server:
    """`mappa-kb serve`: the site and the Q&A API from one origin."""
    _app.check_alive()
    return _app


@pytest.fixture(scope="session")
def axe_script() -> Path:
    if not AXE.is_file():
        pytest.fail(f"axe-core is missing ({AXE}): {HOW_TO_INSTALL}")
    return AXE


@pytest.fixture(scope="session")
def _playwright() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(_playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.is_file():
        pytest.fail(f"chromium is missing ({CHROMIUM}): {HOW_TO_INSTALL}")
    browser = _playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield browser
    browser.close()


@dataclass
class Watch:
    """What a page did that no test asked for: script errors and requests to other hosts."""

    errors: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    expect_outside: bool = False


OpenPage = Callable[..., Page]


@pytest.fixture
def watch() -> Watch:
    return Watch()


@pytest.fixture
def open_page(browser: Browser, watch: Watch) -> Iterator[OpenPage]:
    """Open a fresh context and page: `open_page(url, scheme="dark", viewport=(w, h))`."""
    contexts = []

    def outside(route: Route, request: Request) -> None:
        watch.outside.append(request.url)
        route.fulfill(status=200, content_type="text/html", body=OUTSIDE_PAGE)

    def open_(
        url: str | None = None, scheme: Scheme = "light", viewport: tuple[int, int] = (1280, 800)
    ) -> Page:
        context = browser.new_context(
            color_scheme=scheme, viewport={"width": viewport[0], "height": viewport[1]}
        )
        contexts.append(context)
        context.set_default_timeout(10_000)
        context.route(ELSEWHERE, outside)
        page = context.new_page()
        page.on("pageerror", lambda exc: watch.errors.append(str(exc)))
        if url is not None:
            page.goto(url)
        return page

    yield open_
    for context in contexts:
        context.close()
    assert not watch.errors, f"script errors in the page: {watch.errors}"
    if not watch.expect_outside:
        assert not watch.outside, f"the site fetched from other hosts: {watch.outside}"
