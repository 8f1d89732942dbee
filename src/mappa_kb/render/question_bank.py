"""The lay adviser question bank: every entry's and page's questions, by topic, as a
checklist a reader can tick and print.

Each question gets an id from its owner and its wording, so a tick saved in a reader's
browser stays on the same question when others are added or reordered, and drops off
(rather than moving to a different question) when the wording changes.
"""

from __future__ import annotations

import hashlib
import html
from collections.abc import Iterable
from dataclasses import dataclass

from mappa_kb import urls
from mappa_kb.content.docs_pages import DocsPage
from mappa_kb.content.glossary import Glossary
from mappa_kb.content.models import Topic
from mappa_kb.render.markdown_text import escape_inline
from mappa_kb.render.page_footer import render_collection_footer
from mappa_kb.render.pages import GeneratedPage, PageKind

QUESTION_BANK_TITLE = "Lay adviser question bank"
PRIVACY = "about/privacy.md"


@dataclass(frozen=True)
class BankQuestion:
    id: str
    text: str
    owner_title: str
    owner_path: str
    """docs-relative path of the entry or page the question comes from."""


def question_id(owner: str, text: str) -> str:
    digest = hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]
    return f"{owner}-{digest}"


def _page_owner(path: str) -> str:
    return "page-" + path.removesuffix(".md").replace("/", "-")


def bank_questions(
    glossary: Glossary, pages: Iterable[DocsPage]
) -> list[tuple[str, list[BankQuestion]]]:
    """(topic id, questions) in topic reading order: pages first, then entries A to Z."""
    by_topic: dict[str, list[BankQuestion]] = {topic: [] for topic in glossary.topics}
    for page in sorted(pages, key=lambda p: p.path):
        if page.meta.topic is None:
            continue
        by_topic[page.meta.topic] += [
            BankQuestion(question_id(_page_owner(page.path), q), q, page.title, page.path)
            for q in page.meta.questions
        ]
    for topic, entries in glossary.by_topic():
        for entry in entries:
            by_topic[topic.id] += [
                BankQuestion(question_id(entry.id, q), q, entry.heading, urls.entry_page(entry.id))
                for q in entry.questions
            ]
    return [(topic, questions) for topic, questions in by_topic.items() if questions]


def _item(question: BankQuestion) -> str:
    box = f"q-{question.id}"
    source = urls.link(urls.QUESTION_BANK, question.owner_path)
    return (
        f'- <input type="checkbox" class="kb-qbank__box" id="{box}" '
        f'value="{html.escape(question.id)}" data-kb-question> '
        f'<label for="{box}">{escape_inline(question.text)}</label> '
        f'<span class="kb-qbank__from">(from [{escape_inline(question.owner_title)}]({source}))'
        "</span>"
    )


INTRO = """\
Lay advisers sit on each area's MAPPA Strategic Management Board. Their job is to ask
the questions that people close to the work might not think of. Here is every question
suggested on this site, by topic. Narrow the list by topic or by a few words.

Tick the questions you want to ask, then choose **Print my checklist**. Only the ticked
questions print, each with a box to tick off in the meeting; if you tick none, the
questions shown print. Every box works with the keyboard: Tab to move, Space to tick.

Your ticks are kept only in this browser, on this device, and nothing is sent
anywhere{privacy}. On a shared computer, choose **Clear all ticks** when you finish.
"""


def _controls(topics: list[Topic]) -> str:
    """The filter, print and clear controls. They need script, so they are hidden until
    question-bank.js shows them; they stay at the top of the screen while the reader
    scrolls the list (kb.css), so Print is never 29,000 pixels away."""
    options = "".join(
        f'<option value="{html.escape(t.id)}">{html.escape(t.title)}</option>' for t in topics
    )
    return f"""\
<div class="kb-qbank__controls" hidden>
<div class="kb-qbank__filters" role="search" aria-label="Filter the questions">
<p class="kb-qbank__field"><label for="kb-qbank-topic">Topic</label>
<select id="kb-qbank-topic" data-kb-topic><option value="">All topics</option>{options}</select></p>
<p class="kb-qbank__field"><label for="kb-qbank-words">Words</label>
<input type="search" id="kb-qbank-words" data-kb-words autocomplete="off" spellcheck="false"></p>
</div>
<div class="kb-qbank__actions">
<button type="button" class="md-button md-button--primary" data-kb-print>Print my checklist</button>
<button type="button" class="md-button" data-kb-clear>Clear all ticks</button>
</div>
<p id="kb-qbank-shown" class="kb-qbank__shown" role="status"></p>
<p id="kb-qbank-status" class="kb-qbank__status" role="status" aria-live="polite"></p>
</div>
"""


def question_bank_page(glossary: Glossary, pages: Iterable[DocsPage]) -> GeneratedPage:
    markdown = render_question_bank(glossary, pages)
    return GeneratedPage(urls.QUESTION_BANK, PageKind.QUESTION_BANK, QUESTION_BANK_TITLE, markdown)


def render_question_bank(glossary: Glossary, pages: Iterable[DocsPage]) -> str:
    pages = list(pages)
    groups = bank_questions(glossary, pages)
    privacy = ""
    if any(page.path == PRIVACY for page in pages):
        privacy = f" (see the [privacy notice]({urls.link(urls.QUESTION_BANK, PRIVACY)}))"
    total = sum(len(questions) for _, questions in groups)
    lines = [
        "---",
        f"title: {QUESTION_BANK_TITLE}",
        "description: Questions lay advisers can ask at a MAPPA Strategic Management Board, "
        "as a printable checklist.",
        "render_macros: false",
        "---",
        "",
        f"# {QUESTION_BANK_TITLE}",
        "",
        '<div class="kb-qbank__intro" markdown>',
        "",
        INTRO.format(privacy=privacy),
        f"There are {total} questions in {len(groups)} topics.",
        "",
        "</div>",
        "",
        _controls([glossary.topics[topic_id] for topic_id, _ in groups]),
        '<p class="kb-qbank__print-title">My questions for the Strategic Management Board</p>',
        "",
        '<div class="kb-qbank" markdown>',
        "",
    ]
    for topic_id, questions in groups:
        topic = glossary.topics[topic_id]
        lines += [
            f'<section class="kb-qbank__topic" data-kb-topic-id="{topic_id}" markdown>',
            "",
            f"## {escape_inline(topic.title)} {{ #topic-{topic.id} }}",
            "",
            *(_item(q) for q in questions),
            "",
            "</section>",
            "",
        ]
    lines += ["</div>", ""]
    # The footer credits only what the questions came from; printing leaves it out.
    entries = [e for e in glossary.sorted_entries() if e.questions]
    asking = [p for p in pages if p.meta.questions]
    footer = render_collection_footer(entries, glossary.sources, asking)
    lines += ['<div class="kb-qbank__about" markdown>', footer, "", "</div>", ""]
    return "\n".join(lines)
