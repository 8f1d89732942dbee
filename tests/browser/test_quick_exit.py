"""Quick exit leaves the site at once (button, keyboard, Escape twice) and Back does not
come back. The outside site is answered by the harness, so nothing leaves this machine."""

from __future__ import annotations

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


def test_escape_twice_leaves_but_once_or_slowly_does_not(
    app: Server, open_page: OpenPage, watch: Watch
) -> None:
    watch.expect_outside = True
    page = open_page(app.url + "/public/")
    outside = exit_url(page)
    page.keyboard.press("Escape")
    page.wait_for_timeout(1300)  # longer than the one-second window
    page.keyboard.press("Escape")
    page.wait_for_timeout(300)
    expect(page).to_have_url(app.url + "/public/")
    page.keyboard.press("Escape")
    expect(page).to_have_url(outside)


def test_it_shows_on_every_kind_of_page_and_not_in_print(app: Server, open_page: OpenPage) -> None:
    page = open_page()
    for url in ("/", "/glossary/", "/statistics/", "/ask/", "/lay-advisers/question-bank/"):
        page.goto(app.url + url)
        expect(page.locator(BUTTON)).to_be_visible()
        expect(page.locator(BUTTON)).to_be_in_viewport()
    page.emulate_media(media="print")
    expect(page.locator(BUTTON)).to_be_hidden()
