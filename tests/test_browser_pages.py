"""In a real browser: Quick exit by button, by Escape twice and by keyboard; question bank
ticks that survive a reload and print as a checklist of only the ticked questions."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from mappa_kb.paths import Project

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
NEUTRAL = "https://www.bbc.co.uk/weather"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""


@pytest.fixture(scope="module")
def site_url(real_site: Project) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(real_site.site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)  # a free port
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.fail(
            "chromium is missing: run `make browser-deps` (scripts/install-browser-deps.sh)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    from playwright.sync_api import Browser, Route

    assert isinstance(browser, Browser)
    context = browser.new_context()

    # The neutral site is outside this machine; answer for it so the test stays offline.
    def neutral(route: Route) -> None:
        route.fulfill(status=200, content_type="text/html", body="<title>Weather</title>")

    context.route("https://www.bbc.co.uk/**", neutral)
    opened = context.new_page()
    yield opened
    context.close()


def test_quick_exit_button_leaves_and_back_does_not_return(page: object, site_url: str) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(site_url)
    page.goto(site_url + "guide/levels/")
    page.click(".kb-quick-exit")
    page.wait_for_url(NEUTRAL)
    page.go_back()
    assert page.url == site_url  # the page we left was replaced in history


def test_escape_twice_leaves_but_once_does_not(page: object, site_url: str) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(site_url + "public/")
    page.keyboard.press("Escape")
    page.wait_for_timeout(1300)  # longer than the one-second window
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    assert page.url == site_url + "public/"
    page.keyboard.press("Escape")
    page.wait_for_url(NEUTRAL)


def test_quick_exit_is_the_second_tab_stop_and_big_enough(page: object, site_url: str) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(site_url + "guide/categories/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className").startswith("md-skip")
    page.keyboard.press("Tab")
    assert "kb-quick-exit" in page.evaluate("document.activeElement.className")
    box = page.locator(".kb-quick-exit").bounding_box()
    assert box is not None and box["width"] >= 24 and box["height"] >= 24
    for scheme in ("default", "slate"):  # light and dark palettes
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        colours = page.evaluate(
            "(() => { const s = getComputedStyle(document.querySelector('.kb-quick-exit'));"
            " return [s.color, s.backgroundColor]; })()"
        )
        assert colours == ["rgb(255, 255, 255)", "rgb(177, 14, 30)"]  # 7.1:1
    page.keyboard.press("Enter")
    page.wait_for_url(NEUTRAL)


def test_question_bank_keeps_ticks_and_prints_only_them(page: object, site_url: str) -> None:
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.goto(site_url + "lay-advisers/question-bank/")
    boxes = page.locator("input[data-kb-question]")
    assert boxes.count() > 100
    boxes.nth(0).focus()
    page.keyboard.press("Space")  # keyboard ticking
    boxes.nth(7).check()
    assert "2 questions ticked" in (page.locator("#kb-qbank-status").text_content() or "")
    page.reload()
    ticked = page.evaluate(
        "[...document.querySelectorAll('input[data-kb-question]')].filter(b => b.checked).length"
    )
    assert ticked == 2
    page.emulate_media(media="print")
    shown = page.evaluate(
        "[...document.querySelectorAll('.kb-qbank li')]"
        ".filter(li => getComputedStyle(li).display !== 'none').length"
    )
    assert shown == 2
    assert not page.locator(".kb-quick-exit").is_visible()
    page.emulate_media(media="screen")
    page.get_by_role("button", name="Clear all ticks").click()
    page.reload()
    assert page.evaluate("localStorage.length") == 0 or not page.evaluate(
        "localStorage.getItem('mappa-kb:question-bank:v1')"
    )
    page.emulate_media(media="print")
    shown = page.evaluate(
        "[...document.querySelectorAll('.kb-qbank li')]"
        ".filter(li => getComputedStyle(li).display !== 'none').length"
    )
    assert shown == boxes.count()  # nothing ticked: the whole list prints


AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
READER_PAGES = [
    "",
    "public/",
    "staff/",
    "guide/levels/",
    "guide/orders-compared/",
    "guide/opd-pathway/",
    "guide/legislation-timeline/",
    "lay-advisers/",
    "lay-advisers/question-bank/",
    "about/",
    "about/report-a-concern/",
    "about/accessibility/",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reader_pages_pass_axe_in_both_palettes(
    browser: object, site_url: str, scheme: str
) -> None:
    from playwright.sync_api import Browser

    assert isinstance(browser, Browser)
    if not AXE.is_file():
        pytest.fail("axe-core is missing: run `make browser-deps` (npm ci)")
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    found = []
    for path in READER_PAGES:
        page.goto(site_url + path)
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        result = page.evaluate(f"axe.run(document, {{runOnly: {AXE_TAGS}}})")
        found += [
            f"{path or 'home'}: {v['id']} {[n['target'] for n in v['nodes']][:3]}"
            for v in result["violations"]
        ]
    context.close()
    assert not found, found
