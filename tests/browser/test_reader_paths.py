"""The three ways in from the home page, followed as each reader would follow them."""

from __future__ import annotations

import re

import yaml
from playwright.sync_api import Page, expect
from servers import Server

from .conftest import REPO, OpenPage
from .site_pages import QUESTION_BANK


def expect_page_furniture(page: Page) -> None:
    """Every explanatory page shows when it was reviewed and what it rests on."""
    expect(page.locator(".kb-reviewed")).to_contain_text("Last reviewed")
    expect(page.get_by_role("heading", name="Sources")).to_be_visible()


def induction_order() -> list[str]:
    """The staff path as mkdocs.yml lists it, as site URLs."""
    nav = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    section = next(item["For new staff"] for item in nav if "For new staff" in item)
    files = [entry if isinstance(entry, str) else next(iter(entry.values())) for entry in section]
    return ["/" + re.sub(r"(/?index)?\.md$", "/", name).lstrip("/") for name in files]


def test_the_public_path_explains_mappa_and_how_to_report_a_concern(
    app: Server, open_page: OpenPage
) -> None:
    page = open_page(app.url + "/")
    page.get_by_role("link", name="What is MAPPA and how does it protect the public?").click()
    expect(page).to_have_url(app.url + "/public/")
    expect(page.locator("h1")).to_contain_text("What is MAPPA")
    expect_page_furniture(page)
    page.get_by_role("navigation", name="Reading path").get_by_role("link").click()
    expect(page).to_have_url(app.url + "/about/report-a-concern/")
    expect(page.locator("article")).to_contain_text("999")


def test_the_staff_path_reads_in_order_by_its_next_links(app: Server, open_page: OpenPage) -> None:
    order = induction_order()
    assert len(order) >= 10
    page = open_page(app.url + "/")
    page.get_by_role("link", name="induction path").click()
    visited = [page.url.removeprefix(app.url)]
    next_link = page.get_by_role("navigation", name="Reading path").get_by_role("link")
    while len(visited) < len(order):
        expect_page_furniture(page)
        next_link.click()
        expect(page).not_to_have_url(app.url + visited[-1])
        visited.append(page.url.removeprefix(app.url))
    assert visited == order
    expect_page_furniture(page)


def test_the_lay_adviser_path_leads_to_the_question_bank(app: Server, open_page: OpenPage) -> None:
    page = open_page(app.url + "/")
    page.get_by_role("link", name=re.compile("preparing for a Strategic Management Board")).click()
    expect(page).to_have_url(app.url + "/lay-advisers/")
    expect_page_furniture(page)
    page.locator("article").get_by_role("link", name="question bank").first.click()
    expect(page).to_have_url(app.url + QUESTION_BANK)
    expect(page.locator("input[data-kb-question]").first).to_be_visible()
