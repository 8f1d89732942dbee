"""Phones and zoom: the site's name readable, the urgent route above the fold, wide
tables readable, and no page scrolling sideways at 320px or at 200% zoom."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect
from servers import Server

from .conftest import BuiltSite, OpenPage
from .site_pages import page_kinds

PHONE = (390, 844)
SMALLEST = (320, 640)
ZOOM_200 = (640, 400)


@pytest.mark.parametrize("viewport", [PHONE, SMALLEST], ids=["390", "320"])
def test_the_site_name_is_never_cut_short(
    app: Server, open_page: OpenPage, viewport: tuple[int, int]
) -> None:
    page = open_page(app.url + "/", viewport=viewport)
    name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    expect(name).to_have_text("MAPPA knowledge base")
    assert name.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
    assert name.evaluate("el => el.scrollHeight <= el.clientHeight + 1")
    # Quick exit: a full-width bar above the header, whole, in view.
    exit_box = page.locator(".kb-quick-exit").bounding_box()
    header = page.locator(".md-header").bounding_box()
    assert exit_box and header
    assert exit_box["width"] == viewport[0] and exit_box["y"] == 0
    assert exit_box["y"] + exit_box["height"] <= header["y"] + 1


def test_the_urgent_route_is_above_the_fold_on_a_phone(app: Server, open_page: OpenPage) -> None:
    page = open_page(app.url + "/", viewport=PHONE)
    box = page.locator(".kb-urgent")
    for target in ("a[href='tel:999']", "a[href='tel:101']", "a[href$='report-a-concern/']"):
        expect(box.locator(target)).to_be_in_viewport()
    assert (box.bounding_box() or {"y": 1e9})["y"] + 100 < PHONE[1]


def test_the_orders_compared_keep_their_row_names_in_view(app: Server, open_page: OpenPage) -> None:
    page = open_page(app.url + "/guide/orders-compared/", viewport=PHONE)
    wrapper = page.locator(".md-typeset__scrollwrap").first
    label = page.locator("article table tbody tr").first.locator("td").first
    expect(label).to_contain_text("What it is for")
    before = label.bounding_box()
    wrapper.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    page.wait_for_function(
        "() => document.querySelector('.md-typeset__scrollwrap').scrollLeft > 300"
    )
    after = label.bounding_box()
    # Still whole at the left edge (the table's margin has scrolled away, the names not).
    assert before and after and 0 <= after["x"] <= before["x"], (before, after)
    assert page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('td') !== null", [10, after["y"] + 10]
    )
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).closest('td').textContent",
        [after["x"] + 10, after["y"] + 10],
    )
    assert "What it is for" in hit
    # Each order's column is wide enough to read, not squeezed to a few words a line.
    column = page.locator("article table tbody tr").first.locator("td").nth(1).bounding_box()
    assert column and column["width"] >= 200


@pytest.mark.parametrize("viewport", [SMALLEST, ZOOM_200], ids=["320", "zoom-200"])
def test_no_page_scrolls_sideways(
    built: BuiltSite, app: Server, open_page: OpenPage, viewport: tuple[int, int]
) -> None:
    """WCAG 1.4.10 Reflow: wide tables scroll in their own box, the page never does."""
    page = open_page(viewport=viewport)
    wide = []
    for kind, how in page_kinds(built).items():
        page.goto(app.url + how.url)
        if how.ready:
            page.locator(how.ready).first.wait_for()
        overflow = page.evaluate("document.documentElement.scrollWidth - innerWidth")
        if overflow > 0:
            wide.append(f"{kind} ({how.url}): {overflow}px too wide")
        expect(page.locator(".kb-quick-exit")).to_be_in_viewport()
    assert not wide, wide
