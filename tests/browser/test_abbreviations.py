"""Abbreviations and terms explain themselves on hover and on keyboard focus, and link on.

Material moves an <abbr>'s title into its own tooltip once the abbr is on screen, so the
meanings expected are read from the built HTML, not from the live page.
"""

from __future__ import annotations

import html
import re

from playwright.sync_api import expect
from servers import Server

from .conftest import BuiltSite, OpenPage
from .keyboard import press_until_focused
from .site_pages import RICH_ENTRY

ACTIVE_TOOLTIP = ".md-tooltip2--active"
ABBR = re.compile(r'<abbr title="([^"]*)">(?:<a class="kb-term" href="[^"]*">)?([^<]*)</')


def meanings(built: BuiltSite, url: str) -> dict[str, str]:
    """{text shown: meaning} for every abbreviation on a built page."""
    text = (built.site_dir / url.strip("/") / "index.html").read_text(encoding="utf-8")
    article = text[text.index("<article") :]
    return {html.unescape(shown): html.unescape(title) for title, shown in ABBR.findall(article)}


def test_hovering_an_abbreviation_shows_its_meaning(
    built: BuiltSite, app: Server, open_page: OpenPage
) -> None:
    url = f"/glossary/{RICH_ENTRY}/"
    expected = meanings(built, url)
    page = open_page(app.url + url)
    # A plain mention in running text: not a heading, not inside a link.
    abbr = page.locator("article :is(p, li) > abbr:not(:has(a))").first
    shown = abbr.inner_text()
    expect(page.locator(ACTIVE_TOOLTIP)).to_have_count(0)
    abbr.hover()
    expect(page.locator(ACTIVE_TOOLTIP)).to_have_text(expected[shown])
    page.mouse.move(1, 700)
    expect(page.locator(ACTIVE_TOOLTIP)).to_have_count(0)


def test_focusing_a_term_shows_its_meaning_and_its_link_works(
    built: BuiltSite, app: Server, open_page: OpenPage
) -> None:
    url = f"/glossary/{RICH_ENTRY}/"
    expected = meanings(built, url)
    page = open_page(app.url + url)
    link = press_until_focused(page, "article abbr > a.kb-term", limit=200)
    meaning = expected[link.inner_text()]
    expect(page.locator(ACTIVE_TOOLTIP)).to_have_text(meaning)

    term = meaning.split(":", 1)[0]
    targets = [e for e in built.glossary.entries.values() if e.term == term]
    assert len(targets) == 1, f"the tooltip '{meaning}' names no single entry"
    page.keyboard.press("Enter")
    expect(page).to_have_url(app.url + f"/glossary/{targets[0].id}/")
    expect(page.locator("h1")).to_contain_text(re.compile(re.escape(term), re.IGNORECASE))
