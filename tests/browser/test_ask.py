"""The Ask page, used from the keyboard alone: answers with their sources, and a way on
when the question search cannot be reached (the in-browser engine on a static host is in
test_ask_static.py)."""

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
# Everything the page itself puts in its live regions; anything else came from input.
OWN_TAGS = {"ol", "li", "h2", "a", "p"}


def ask_by_keyboard(page: Page, question: str) -> None:
    press_until_focused(page, "#kb-ask-input")
    page.keyboard.type(question)
    page.keyboard.press("Enter")


def test_a_question_typed_with_the_keyboard_is_answered_with_its_source(
    built: BuiltSite, app: Server, open_page: OpenPage
) -> None:
    page = open_page(app.url + ASK)
    ask_by_keyboard(page, QUESTION)
    expect(page.locator(STATUS)).to_contain_text("best first")
    expect(page.locator("#kb-ask-input")).to_be_focused()  # focus stays where the reader is

    expected = page.request.get(f"{app.url}/api/ask?{urlencode({'q': QUESTION, 'k': 5})}").json()
    answers = page.locator(".kb-answer")
    expect(answers).to_have_count(len(expected["answers"]))
    best, shown = expected["answers"][0], answers.first
    assert "sexual-risk-order" in best["url"]
    expect(shown.locator("h2 a")).to_have_text(best["title"])
    expect(shown.locator(".kb-answer__text")).to_have_text(best["text"])
    expect(shown.locator(".kb-answer__source")).to_have_text(f"Source: {best['source']}")
    titles = {s.title for s in built.glossary.sources.values()}
    assert any(title in best["source"] for title in titles), best["source"]

    # On from the answer, still by keyboard: its link leads to the passage.
    press_until_focused(page, ".kb-answer h2 a")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(app.url + "/" + best["url"].split("#")[0])))
    expect(page.locator("h1")).to_contain_text("Sexual Risk Order")


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
    fallback = page.get_by_role("link", name=re.compile("Search this site for"))
    expect(fallback).to_contain_text("What is a SHPO?")
    assert [f for f in run_axe(page, axe_script) if not excused(f, load_allowlist())] == []

    press_until_focused(page, "#kb-ask-status a")
    page.keyboard.press("Enter")
    expect(page.locator(".md-search__input")).to_have_value("What is a SHPO?")
    expect(page.locator(".md-search-result__item").first).to_be_visible()


def test_a_failing_service_shows_the_same_way_on(app: Server, open_page: OpenPage) -> None:
    page = open_page(app.url + ASK)
    page.route("**/api/ask**", lambda route: route.abort("connectionrefused"))
    ask_by_keyboard(page, QUESTION)
    expect(page.locator(STATUS)).to_contain_text("not available")
    expect(page.get_by_role("link", name=re.compile("Search this site for"))).to_be_visible()


HOSTILE = st.sampled_from(
    [
        "<img src=x onerror=window.__pwned=1>",
        "<script>window.__pwned=1</script>",
        '"><svg onload=window.__pwned=1>',
        "</p><iframe src=javascript:window.__pwned=1>",
        "&lt;b&gt; &amp; <b>SRO</b>",
        "javascript:window.__pwned=1",
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
    page.evaluate("() => document.getElementById('kb-ask-status').replaceChildren()")
    page.fill("#kb-ask-input", text)
    page.press("#kb-ask-input", "Enter")
    expect(page.locator(STATUS)).not_to_be_empty()
    expect(page.locator(STATUS)).not_to_contain_text("Looking for answers")
    tags = page.evaluate(
        """() => [...document.querySelectorAll('#kb-ask-status *, #kb-ask-results *')]
                 .map((e) => e.tagName.toLowerCase())"""
    )
    assert set(tags) <= OWN_TAGS, tags
    assert page.evaluate("() => window.__pwned === undefined")
    for link in page.locator("#kb-ask-results a, #kb-ask-status a").all():
        href = link.get_attribute("href") or ""
        assert href.startswith(app.url), href
