"""The lay adviser question bank, used by keyboard alone: tick, keep after a reload, print
only what is ticked, clear."""

from __future__ import annotations

from playwright.sync_api import Page, expect
from servers import Server

from .conftest import OpenPage
from .keyboard import press_until_focused
from .site_pages import QUESTION_BANK

BOXES = "input[data-kb-question]"
STATUS = "#kb-qbank-status"
# Records window.print() instead of opening a print dialog.
PRINT_SPY = "window.__printed = 0; window.print = () => { window.__printed += 1; };"


def printed_questions(page: Page) -> list[str]:
    page.emulate_media(media="print")
    shown: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('.kb-qbank li')]
                 .filter((li) => getComputedStyle(li).display !== 'none')
                 .map((li) => li.querySelector('label').innerText.trim())"""
    )
    page.emulate_media(media="screen")
    return shown


def label_of(page: Page, index: int) -> str:
    return page.locator(f".kb-qbank li:has({BOXES})").nth(index).locator("label").inner_text()


def test_ticks_by_keyboard_survive_a_reload_and_print_alone(
    app: Server, open_page: OpenPage
) -> None:
    page = open_page()
    page.context.add_init_script(PRINT_SPY)
    page.goto(app.url + QUESTION_BANK)
    boxes = page.locator(BOXES)
    total = boxes.count()
    assert total > 50

    press_until_focused(page, BOXES, limit=400)
    page.keyboard.press("Space")
    fourth = boxes.nth(3).get_attribute("id")
    press_until_focused(page, f"#{fourth}", limit=20)  # past any glossary links in the questions
    page.keyboard.press("Space")
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(3)).to_be_checked()
    expect(page.locator(STATUS)).to_have_text("2 questions ticked for your checklist.")
    chosen = [label_of(page, 0).strip(), label_of(page, 3).strip()]

    page.reload()
    expect(boxes.nth(0)).to_be_checked()
    expect(boxes.nth(3)).to_be_checked()
    assert page.evaluate(f"() => document.querySelectorAll('{BOXES}:checked').length") == 2
    assert printed_questions(page) == chosen
    # Leaving the site's furniture out of the printout too.
    page.emulate_media(media="print")
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".kb-qbank__controls")).to_be_hidden()
    page.emulate_media(media="screen")

    press_until_focused(page, "[data-kb-print]", limit=400)
    page.keyboard.press("Enter")
    assert page.evaluate("() => window.__printed") == 1

    press_until_focused(page, "[data-kb-clear]", limit=5)
    page.keyboard.press("Enter")
    expect(page.locator(f"{BOXES}:checked")).to_have_count(0)
    expect(page.locator(STATUS)).to_contain_text("No questions ticked")
    assert page.evaluate("() => localStorage.getItem('mappa-kb:question-bank:v1')") is None
    page.reload()
    expect(page.locator(f"{BOXES}:checked")).to_have_count(0)
    assert len(printed_questions(page)) == total  # nothing ticked: the whole list prints


def test_ticks_stay_in_this_browser(app: Server, open_page: OpenPage) -> None:
    first = open_page(app.url + QUESTION_BANK)
    first.wait_for_load_state("networkidle")
    sent: list[str] = []
    # The tab's icon is fetched by the browser when it gets round to it, not by the page.
    first.on(
        "request",
        lambda request: None if request.url.endswith("favicon.png") else sent.append(request.url),
    )
    first.locator(BOXES).first.check()
    expect(first.locator(STATUS)).to_contain_text("1 question ticked")
    assert sent == [], "ticking sent something to a server"
    second = open_page(app.url + QUESTION_BANK)  # another browser profile
    expect(second.locator(f"{BOXES}:checked")).to_have_count(0)


def visible_questions(page: Page) -> list[str]:
    shown: list[str] = page.evaluate(
        """() => [...document.querySelectorAll('.kb-qbank li')]
                 .filter((li) => li.getClientRects().length > 0)
                 .map((li) => li.querySelector('label').innerText.trim())"""
    )
    return shown


def test_the_list_narrows_by_topic_and_by_words(app: Server, open_page: OpenPage) -> None:
    page = open_page(app.url + QUESTION_BANK)
    total = page.locator(BOXES).count()
    shown = page.locator("#kb-qbank-shown")
    expect(shown).to_have_text(f"Showing all {total} questions.")

    topic = page.get_by_label("Topic")
    topic.select_option(index=1)
    chosen = topic.evaluate("select => select.value")
    in_topic = page.locator(f"[data-kb-topic-id='{chosen}'] {BOXES}").count()
    expect(shown).to_have_text(f"Showing {in_topic} of {total} questions.")
    assert len(visible_questions(page)) == in_topic
    expect(page.locator(".kb-qbank__topic:visible")).to_have_count(1)

    topic.select_option("")
    words = page.get_by_label("Words")
    words.fill("foreign travel")
    expect(shown).to_contain_text(" of ")
    found = visible_questions(page)
    assert found and len(found) < total
    li_text = page.evaluate(
        """() => [...document.querySelectorAll('.kb-qbank li')]
                 .filter((li) => li.getClientRects().length > 0)
                 .map((li) => li.textContent.toLowerCase())"""
    )
    assert all("foreign" in t and "travel" in t for t in li_text)

    words.fill("zzzz nothing like this")
    expect(shown).to_have_text("No questions match. Try fewer words, or All topics.")
    assert visible_questions(page) == []
    words.fill("")
    expect(shown).to_have_text(f"Showing all {total} questions.")


def test_printing_with_a_filter_keeps_ticked_questions(app: Server, open_page: OpenPage) -> None:
    """Ticks print whatever the filter shows; with none ticked, what is shown prints."""
    page = open_page(app.url + QUESTION_BANK)
    page.locator(BOXES).first.check()
    first = label_of(page, 0).strip()
    page.get_by_label("Topic").select_option(index=3)
    assert first not in visible_questions(page)
    assert printed_questions(page) == [first]
    page.locator(f"{BOXES}:checked").first.evaluate("box => box.click()")
    assert printed_questions(page) == visible_questions(page)


def test_the_controls_stay_in_reach_while_scrolling(app: Server, open_page: OpenPage) -> None:
    for viewport in ((1280, 800), (390, 844)):
        page = open_page(app.url + QUESTION_BANK, viewport=viewport)
        page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
        for control in ("[data-kb-print]", "[data-kb-clear]", "#kb-qbank-words"):
            expect(page.locator(control)).to_be_in_viewport()
        print_button = page.locator("[data-kb-print]").bounding_box()
        header = page.locator(".md-header").bounding_box()
        assert print_button and header
        assert print_button["y"] >= header["y"] + header["height"] - 1, viewport
        # They take no more than a quarter of a phone's screen.
        height = page.locator(".kb-qbank__controls").bounding_box()
        assert height and height["height"] <= 0.25 * viewport[1], (viewport, height)
