"""Keyboard and pointer checks axe cannot make, on wide and narrow screens.

The narrow screen (390 px) is also what a desktop reader zoomed to 300-400% gets, so its
menu must work from the keyboard as well.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect
from servers import Server

from .conftest import BuiltSite, OpenPage
from .keyboard import press_until_focused, small_targets, tab_through
from .site_pages import QUESTION_BANK, RICH_ENTRY, page_kinds

WIDE = (1280, 800)
NARROW = (390, 844)
SMALLEST = (320, 640)
ZOOM_200 = (640, 400)
"""What a 1280 by 800 laptop screen gives at 200% zoom."""


def report(problems: list[tuple[object, str]]) -> str:
    return "\n".join(f"{problem}: {step}" for step, problem in problems[:30])


@pytest.mark.parametrize(
    ("url", "viewport", "key"),
    [
        # The long A-Z backwards: Shift+Tab scrolls up, where the sticky header waits.
        ("/glossary/", WIDE, "Shift+Tab"),
        (f"/glossary/{RICH_ENTRY}/", WIDE, "Tab"),
        (f"/glossary/{RICH_ENTRY}/", WIDE, "Shift+Tab"),
        (f"/glossary/{RICH_ENTRY}/", NARROW, "Tab"),
        (f"/glossary/{RICH_ENTRY}/", NARROW, "Shift+Tab"),
        (QUESTION_BANK, WIDE, "Shift+Tab"),
        # Its controls stay at the top while the list scrolls: nothing may hide under them.
        (QUESTION_BANK, NARROW, "Shift+Tab"),
        (QUESTION_BANK, ZOOM_200, "Tab"),
        ("/guide/orders-compared/", NARROW, "Shift+Tab"),
        ("/", SMALLEST, "Tab"),
        ("/about/report-a-concern/", ZOOM_200, "Shift+Tab"),
    ],
    ids=[
        "a-z-wide-back",
        "entry-wide",
        "entry-wide-back",
        "entry-narrow",
        "entry-narrow-back",
        "question-bank-wide-back",
        "question-bank-narrow-back",
        "question-bank-zoom-200",
        "comparison-table-narrow-back",
        "home-320",
        "report-a-concern-zoom-200-back",
    ],
)
def test_focus_is_never_hidden_while_tabbing(
    app: Server, open_page: OpenPage, url: str, viewport: tuple[int, int], key: str
) -> None:
    """Every stop in view and clear of the header, the Quick exit bar and the question
    bank's controls. Shift+Tab presses Shift hundreds of times: Quick exit's Shift-three-
    times must never fire (the harness fails the test if the page leaves the site)."""
    page = open_page(app.url + url, viewport=viewport)
    problems = tab_through(page, key)
    assert not problems, f"{len(problems)} focus stops a reader cannot see:\n{report(problems)}"
    # Still on this page (Material adds the section in view to the address as #anchor).
    assert page.url.split("#")[0] == app.url + url


def test_targets_are_at_least_24px_or_spaced_on_a_narrow_screen(
    built: BuiltSite, app: Server, open_page: OpenPage
) -> None:
    """Wide screens are checked with axe in test_accessibility.py."""
    page = open_page(viewport=NARROW)
    failures = {}
    for kind, how in page_kinds(built).items():
        page.goto(app.url + how.url)
        if how.ready:
            page.locator(how.ready).first.wait_for()
        found = small_targets(page)
        if found:
            failures[kind] = found
    assert not failures, f"targets smaller than 24x24 px and crowded: {failures}"


def test_back_to_top_on_a_long_page_returns_reader_and_keyboard_to_the_top(
    app: Server, open_page: OpenPage
) -> None:
    page = open_page(app.url + "/glossary/")
    back = page.get_by_role("link", name="Back to top")
    back.focus()
    assert page.evaluate("scrollY") > 0
    page.keyboard.press("Enter")
    page.wait_for_function("scrollY === 0")
    # The Tab order starts again from the top: the first stop after "Skip to content".
    page.keyboard.press("Tab")
    expect(page.locator(".kb-quick-exit")).to_be_focused()


def test_short_pages_have_no_back_to_top_link(app: Server, open_page: OpenPage) -> None:
    page = open_page(app.url + "/ask/")
    expect(page.get_by_role("link", name="Back to top")).to_have_count(0)


def test_the_menu_opens_and_closes_from_the_keyboard_on_a_narrow_screen(
    app: Server, open_page: OpenPage
) -> None:
    page = open_page(app.url + f"/glossary/{RICH_ENTRY}/", viewport=NARROW)
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    nav_home = page.locator(".md-sidebar--primary a.md-nav__link", has_text="Home")
    expect(nav_home).to_be_hidden()
    press_until_focused(page, menu, limit=10)
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav_home).to_be_visible()
    expect(nav_home).to_be_in_viewport()
    press_until_focused(page, nav_home, limit=20)
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    expect(nav_home).to_be_hidden()


# The checks themselves must be able to fail: each is shown a page that breaks its rule.

STICKY = """<!doctype html><title>t</title>
<header class="md-header" style="position:sticky;top:0;height:60px;background:#333"></header>
<main>{body}</main>"""


def test_focus_check_sees_an_element_under_a_sticky_header(open_page: OpenPage) -> None:
    page: Page = open_page()
    links = "".join(
        f'<p style="margin:0 0 40px"><a href="#{n}">link {n}</a></p>' for n in range(60)
    )
    page.set_content(STICKY.format(body=links))
    page.add_style_tag(content="html { scroll-padding-top: 0 }")
    problems = tab_through(page, "Shift+Tab")
    assert any("sticky header" in p or "hidden" in p for _, p in problems), problems


def test_focus_check_sees_an_element_that_hides_itself_when_focused(
    open_page: OpenPage,
) -> None:
    """What Material's floating "Back to top" button did: it blurred itself on hiding."""
    page: Page = open_page()
    links = "".join(f'<p><a href="#{n}">link {n}</a></p>' for n in range(8))
    vanishing = '<p><button onfocus="this.hidden = true">vanishes</button></p>'
    page.set_content(STICKY.format(body=links + vanishing + links))
    problems = tab_through(page, "Shift+Tab")
    assert [p for _, p in problems] == ["focus was lost to the page after this element"]


def test_focus_check_waits_for_a_panel_the_page_opens_late(open_page: OpenPage) -> None:
    """What Material's search box does below 960 px: the input sits under the header's
    search button until a timer after focus opens the panel. A busy machine runs that
    timer late; the reader still sees focus arrive, so the walk must not report it."""
    page: Page = open_page()
    links = "".join(f'<p><a href="#{n}">link {n}</a></p>' for n in range(6))
    late = (
        '<div style="position:relative;height:40px">'
        '<input id="late" aria-label="late" style="position:absolute;top:0;left:0;width:80px">'
        '<div id="cover" style="position:absolute;inset:0;background:#fff"></div></div>'
        "<script>document.getElementById('late').addEventListener('focus', () =>"
        " setTimeout(() => document.getElementById('cover').remove(), 400));</script>"
    )
    page.set_content(STICKY.format(body=late + links))
    assert tab_through(page, "Tab") == []


def test_target_check_sees_small_crowded_targets_but_not_links_in_a_sentence(
    open_page: OpenPage,
) -> None:
    page: Page = open_page()
    page.set_content(
        "<!doctype html><title>t</title>"
        '<div><button style="width:12px;height:12px;padding:0">a</button>'
        '<button style="width:12px;height:12px;padding:0">b</button></div>'
        '<p>Read the <a href="#x">glossary</a> first.</p>'
        '<div style="margin-top:50px"><button style="width:12px;height:12px;padding:0">c</button>'
        "</div>"
    )
    failures = small_targets(page)
    assert {f["target"] for f in failures} == {'button "a"', 'button "b"'}
