"""The Ask page, used from the keyboard alone: the answer first with its source one click
away, only "N answers found" announced, and a way on when the question search cannot be
reached (the in-browser engine on a static host is in test_ask_static.py)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Page, expect
from servers import Server

from .axe import excused, load_allowlist, run_axe
from .conftest import BuiltSite, OpenPage
from .keyboard import press_until_focused
from .site_pages import ASK

QUESTION = "Who can apply for a Sexual Risk Order?"
STATUS = "#kb-ask-status"
RESULTS = "#kb-ask-results"
HEADING = "#kb-ask-results-heading"
# Everything the page itself puts in the results; anything else came from input.
OWN_TAGS = {"section", "h2", "h3", "p", "div", "span", "strong", "a", "ul", "li"}
OWN_TAGS |= {"details", "summary", "aside", "dl", "dt", "dd"}


def ask_by_keyboard(page: Page, question: str) -> None:
    press_until_focused(page, "#kb-ask-input")
    page.keyboard.type(question)
    page.keyboard.press("Enter")


def test_a_question_typed_with_the_keyboard_is_answered_first_with_its_source(
    built: BuiltSite, app: Server, open_page: OpenPage
) -> None:
    page = open_page(app.url + ASK)
    ask_by_keyboard(page, QUESTION)
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^[1-5] answers? found$"))
    expect(page.locator(HEADING)).to_be_focused()  # the reader is taken to the answer

    expected = page.request.get(f"{app.url}/api/ask?{urlencode({'q': QUESTION, 'k': 5})}").json()
    best = expected["answers"][0]
    assert "sexual-risk-order" in best["url"]
    shown = page.locator(".kb-best")
    expect(shown.locator("h3")).to_have_text(best["title"])  # a plain heading, not a link
    expect(shown.locator("h3 a")).to_have_count(0)
    expect(shown.locator(".kb-best__text")).to_contain_text(best["text"].split(" … ")[0])
    count = int(page.locator(STATUS).inner_text().split()[0])
    expect(page.locator(".kb-others__list li")).to_have_count(count - 1)

    # The source, one click away: folded, then a link to where the Sources page lists it.
    sources = shown.locator("details.kb-sources")
    expect(sources).not_to_have_attribute("open", "")
    press_until_focused(page, ".kb-best .kb-sources summary")
    page.keyboard.press("Enter")
    first = sources.locator("a").first
    expect(first).to_be_visible()
    titles = {s.title for s in built.glossary.sources.values()}
    assert (first.text_content() or "") in titles
    expect(first).to_have_attribute("href", re.compile(r"/about/sources/#"))

    # On from the answer, still by keyboard: "Read more" leads to the passage.
    page.locator(HEADING).focus()
    press_until_focused(page, ".kb-best__more a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(app.url + "/" + best["url"].split("#")[0])))
    expect(page.locator("h1")).to_contain_text("Sexual Risk Order")


def test_only_the_count_is_announced(app: Server, open_page: OpenPage) -> None:
    """A screen reader hears "5 answers found", not the whole list: the status region is
    the only live region, and the results are not in it."""
    page = open_page(f"{app.url}{ASK}?{urlencode({'question': 'what is a shpo'})}")
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^\d answers? found$"))
    expect(page.locator(STATUS)).to_have_attribute("role", "status")
    live = page.evaluate(
        """() => [...document.querySelectorAll(
                    '[aria-live], [role=status], [role=alert], [role=log]')]
                 .filter((e) => e.closest('article')).map((e) => e.id)"""
    )
    assert live == ["kb-ask-status"]
    expect(page.locator(STATUS)).to_have_text(re.compile(r"^.{1,20}$"))


def test_a_static_host_without_the_engine_offers_the_site_search(
    static_site: Server, open_page: OpenPage, axe_script: Path
) -> None:
    """A site built without the in-browser engine (or a host that lost its files): the
    page says the question search is not available, and offers the site's own search."""
    page = open_page()
    page.route("**/assets/engine/manifest.json", lambda route: route.fulfill(status=404))
    page.goto(static_site.url + ASK)
    ask_by_keyboard(page, "What is a SHPO?")
    expect(page.locator(STATUS)).to_contain_text("not available")
    expect(page.locator(HEADING)).to_be_focused()
    fallback = page.get_by_role("link", name=re.compile("Find pages with the words"))
    expect(fallback).to_contain_text("What is a SHPO?")
    assert [f for f in run_axe(page, axe_script) if not excused(f, load_allowlist())] == []

    press_until_focused(page, f"{RESULTS} a.md-button")
    page.keyboard.press("Enter")
    expect(page.locator(".md-search__input")).to_have_value("What is a SHPO?")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_a_failing_service_shows_the_same_way_on(app: Server, open_page: OpenPage) -> None:
    page = open_page(app.url + ASK)
    page.route("**/api/ask**", lambda route: route.abort("connectionrefused"))
    ask_by_keyboard(page, QUESTION)
    expect(page.locator(STATUS)).to_contain_text("not available")
    expect(page.get_by_role("link", name=re.compile("Find pages with the words"))).to_be_visible()


def test_the_home_page_box_asks_the_question(app: Server, open_page: OpenPage) -> None:
    """One way to ask: the home page's box goes to the Ask page with the question."""
    page = open_page(app.url + "/")
    press_until_focused(page, "#kb-home-ask")
    page.keyboard.type("how long does an shpo last")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ask/\?question=how\+long\+does\+an\+shpo\+last$"))
    expect(page.locator(HEADING)).to_be_focused()
    expect(page.locator(".kb-best")).to_contain_text("five years")
    expect(page.locator("#kb-ask-input")).to_have_value("how long does an shpo last")


HOSTILE = st.sampled_from(
    [
        "<img src=x onerror=window.__pwned=1>",
        "<script>window.__pwned=1</script>",
        '"><svg onload=window.__pwned=1>',
        "</p><iframe src=javascript:window.__pwned=1>",
        "&lt;b&gt; &amp; <b>SRO</b>",
        "javascript:window.__pwned=1",
        "in danger <b>now</b>",
    ]
)


@pytest.fixture
def ask_page(app: Server, open_page: OpenPage) -> Page:
    """One Ask page for every example: asking again replaces what it shows."""
    return open_page(app.url + ASK)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    question=st.lists(st.one_of(HOSTILE, st.text(min_size=1, max_size=40)), min_size=1, max_size=4)
)
def test_any_question_is_shown_as_text_never_as_html(
    app: Server, ask_page: Page, question: list[str]
) -> None:
    text = " ".join(question)
    page = ask_page
    page.evaluate("() => document.getElementById('kb-ask-results').replaceChildren()")
    page.fill("#kb-ask-input", text)
    page.press("#kb-ask-input", "Enter")
    expect(page.locator(f"{RESULTS} .kb-results")).to_be_attached()
    tags = page.evaluate(
        """() => [...document.querySelectorAll('#kb-ask-status *, #kb-ask-results *')]
                 .map((e) => e.tagName.toLowerCase())"""
    )
    assert set(tags) <= OWN_TAGS, tags
    assert page.evaluate("() => window.__pwned === undefined")
    for link in page.locator(f"{RESULTS} a, {STATUS} a").all():
        href = link.get_attribute("href") or ""
        assert href.startswith((app.url, "tel:")), href
