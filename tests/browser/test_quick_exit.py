"""Quick exit leaves the site at once (button, keyboard, Shift pressed three times) and
Back does not come back to the page left. Typing, Escape and Shift used for capitals never
set it off. The outside site is answered by the harness, so nothing leaves this machine."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from servers import Server

from .conftest import OpenPage, Watch

BUTTON = ".kb-quick-exit"


def exit_url(page: Page) -> str:
    href = page.locator(BUTTON).get_attribute("href")
    assert href and href.startswith("https://"), href
    return href


def test_the_button_leaves_and_back_does_not_return(
    app: Server, open_page: OpenPage, watch: Watch
) -> None:
    watch.expect_outside = True
    page = open_page(app.url + "/")
    page.goto(app.url + "/guide/levels/")
    outside = exit_url(page)
    page.locator(BUTTON).click()
    expect(page).to_have_url(outside)
    assert watch.outside == [outside]
    page.go_back()
    expect(page).to_have_url(app.url + "/")  # the page left was replaced in the history


def test_it_is_the_second_tab_stop_on_every_page_and_enter_leaves(
    app: Server, open_page: OpenPage, watch: Watch
) -> None:
    watch.expect_outside = True
    page = open_page(app.url + "/guide/categories/")
    page.keyboard.press("Tab")
    expect(page.locator(".md-skip")).to_be_focused()
    page.keyboard.press("Tab")
    expect(page.locator(BUTTON)).to_be_focused()
    box = page.locator(BUTTON).bounding_box()
    assert box and box["width"] >= 24 and box["height"] >= 24
    outside = exit_url(page)
    page.keyboard.press("Enter")
    expect(page).to_have_url(outside)


def test_shift_three_times_leaves(app: Server, open_page: OpenPage, watch: Watch) -> None:
    watch.expect_outside = True
    page = open_page(app.url + "/public/")
    outside = exit_url(page)
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(page.locator(BUTTON)).to_have_attribute("data-kb-presses", "2")
    expect(page.locator("#kb-quick-exit-status")).to_have_text(
        "Shift: press 1 more time to leave this site."
    )
    page.keyboard.press("Shift")
    expect(page).to_have_url(outside)


def test_typing_never_leaves(app: Server, open_page: OpenPage) -> None:
    """Capitals (Shift held for a letter), Escape pressed twice to clear a search box, and
    Shift+Tab backwards through the page: none of them counts."""
    page = open_page(app.url + "/")
    box = page.locator("#kb-home-ask")
    box.click()
    box.press_sequentially("Who Can Apply For An SHPO")
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("a")  # any other key starts the count again
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    expect(page).to_have_url(app.url + "/")
    expect(page.locator(BUTTON)).to_have_attribute("data-kb-presses", "1")


def test_the_count_starts_again_after_five_seconds(app: Server, open_page: OpenPage) -> None:
    page = open_page()
    page.clock.install()
    page.goto(app.url + "/public/")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.run_for(5_100)
    expect(page.locator(BUTTON)).to_have_attribute("data-kb-presses", "0")
    expect(page.locator("#kb-quick-exit-status")).to_have_text("Quick exit cancelled.")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    expect(page).to_have_url(app.url + "/public/")


def test_leaving_hides_the_page_at_once(app: Server, open_page: OpenPage) -> None:
    """On a slow connection the page must not stay on screen while the other site loads.
    Here the exit address goes nowhere (a javascript: address, which the site's
    Content-Security-Policy refuses), so the page can be looked at after the click."""
    page = open_page(app.url + "/guide/levels/")
    page.locator(BUTTON).evaluate("link => { link.href = 'javascript:void 0'; }")
    page.locator(BUTTON).click()
    expect(page.locator("html")).to_have_class(re.compile(r"\bkb-leaving\b"))
    expect(page.locator("article")).to_be_hidden()
    expect(page.locator(BUTTON)).to_be_hidden()
    # Back to this page from the browser's cache: it is shown again.
    page.evaluate("window.dispatchEvent(new PageTransitionEvent('pageshow', {persisted: true}))")
    expect(page.locator("article")).to_be_visible()


def test_it_shows_on_every_kind_of_page_and_not_in_print(app: Server, open_page: OpenPage) -> None:
    page = open_page()
    for url in ("/", "/glossary/", "/statistics/", "/ask/", "/lay-advisers/question-bank/"):
        page.goto(app.url + url)
        expect(page.locator(BUTTON)).to_be_visible()
        expect(page.locator(BUTTON)).to_be_in_viewport()
    page.emulate_media(media="print")
    expect(page.locator(BUTTON)).to_be_hidden()
