"""A reader finds their way: home -> A-Z -> entry, topics -> entry, sources, back again."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect
from servers import Server

from .conftest import BuiltSite, OpenPage
from .site_pages import RICH_ENTRY


def header_bottom(page: Page) -> float:
    bottom: float = page.evaluate(
        "document.querySelector('.md-header').getBoundingClientRect().bottom"
    )
    return bottom


def assert_in_view_below_header(page: Page, selector: str) -> None:
    top, bottom = page.evaluate(
        "(s) => { const r = document.querySelector(s).getBoundingClientRect();"
        " return [r.top, r.bottom]; }",
        selector,
    )
    viewport = page.viewport_size
    assert viewport is not None
    assert header_bottom(page) <= top and bottom <= viewport["height"], (selector, top, bottom)


def test_home_leads_to_an_entry_through_the_a_to_z(
    built: BuiltSite, app: Server, open_page: OpenPage
) -> None:
    entry = built.glossary.entries[RICH_ENTRY]
    page = open_page(app.url + "/")
    expect(page).to_have_title(re.compile("MAPPA"))
    expect(page.locator("h1")).to_have_count(1)
    page.locator("article a[href$='/glossary/']").first.click()
    expect(page).to_have_url(app.url + "/glossary/")
    expect(page.locator("h1")).to_contain_text("Glossary A to Z")

    letter = entry.term[0].lower()
    page.get_by_role("navigation", name="Jump to letter").get_by_role(
        "link", name=letter.upper(), exact=True
    ).click()
    expect(page).to_have_url(re.compile(f"#letter-{letter}$"))
    assert_in_view_below_header(page, f"#letter-{letter}")

    page.locator(f"article a[href$='/glossary/{entry.id}/']").first.click()
    expect(page).to_have_url(app.url + f"/glossary/{entry.id}/")
    expect(page.locator("h1")).to_contain_text(entry.term)
    for section in ("Key facts", "In detail, for staff", "Related entries", "Sources"):
        expect(page.get_by_role("heading", name=section)).to_be_visible()
    expect(page.locator(".kb-reviewed")).to_contain_text("Last reviewed")

    page.go_back()
    expect(page).to_have_url(re.compile(r"/glossary/(#letter-\w)?$"))
    expect(page.locator("h1")).to_contain_text("Glossary A to Z")


def test_topics_lead_to_entries_and_entries_back_to_their_topic(
    built: BuiltSite, app: Server, open_page: OpenPage
) -> None:
    topic, members = next((t, m) for t, m in built.glossary.by_topic() if m)
    page = open_page(app.url + "/glossary/")
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Topics").click()
    expect(page.locator("h1")).to_contain_text("Glossary topics")
    page.get_by_role("link", name=topic.title, exact=True).click()
    expect(page).to_have_url(app.url + f"/glossary/topics/{topic.id}/")
    for member in members:
        expect(page.locator(f"article a[href$='/glossary/{member.id}/']").first).to_be_visible()

    page.locator(f"article a[href$='/glossary/{members[0].id}/']").first.click()
    expect(page.locator("h1")).to_contain_text(members[0].term)
    page.locator(".kb-topic a").click()
    expect(page).to_have_url(app.url + f"/glossary/topics/{topic.id}/")


def test_an_entry_cites_its_sources_and_links_its_related_terms(
    built: BuiltSite, app: Server, open_page: OpenPage
) -> None:
    entry = built.glossary.entries[RICH_ENTRY]
    page = open_page(app.url + f"/glossary/{entry.id}/")
    # The summary carries no citation markers; each key fact carries its own.
    expect(page.locator(".kb-summary a[href*='#source-']")).to_have_count(0)
    page.locator(".kb-cite a[href$='#source-1']").first.click()
    expect(page).to_have_url(re.compile("#source-1$"))
    assert_in_view_below_header(page, "#source-1")
    source = built.glossary.sources[entry.key_facts[0].sources[0].source]
    expect(page.locator("#source-1")).to_contain_text(source.title)

    related = built.glossary.entries[entry.related[0]]
    page.locator(f"article li a[href$='/glossary/{related.id}/']").first.click()
    expect(page).to_have_url(app.url + f"/glossary/{related.id}/")
    expect(page.locator("h1")).to_contain_text(related.term)
