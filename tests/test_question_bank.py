"""The question bank page, built from a tiny glossary and one page with questions."""

from __future__ import annotations

import re

from conftest import MakeProject, docs_page, entry_yaml
from mappa_kb.build import build_all
from mappa_kb.content import load_glossary
from mappa_kb.render.question_bank import bank_questions, question_id

GUIDE = docs_page(
    "# Guide to orders\n\nWords.\n",
    "topic: orders-and-notification\nquestions: ['How many orders were made in our area?']",
)


def test_question_ids_follow_wording_not_position() -> None:
    first = question_id("sexual-risk-order", "How many orders were made?")
    assert first == question_id("sexual-risk-order", "How many  orders were\nmade?")
    assert first != question_id("sexual-risk-order", "How many orders were refused?")
    assert first != question_id("notification-order", "How many orders were made?")


def test_bank_groups_questions_by_topic_pages_first(make_project: MakeProject) -> None:
    project = make_project(
        entries={
            "sexual-risk-order": entry_yaml("sexual-risk-order", "Sexual Risk Order", "[SRO]"),
            "licence": entry_yaml("licence", "Licence").replace(
                "topic: orders-and-notification", "topic: licence-and-custody"
            ),
        }
    )
    glossary = load_glossary(project.glossary_dir, project.root)
    groups = bank_questions(glossary, [])
    assert [topic for topic, _ in groups] == ["orders-and-notification", "licence-and-custody"]
    assert [q.text for q in groups[0][1]] == ["What does the Sexual Risk Order mean for our area?"]


def test_built_question_bank_is_a_keyboard_usable_checklist(make_project: MakeProject) -> None:
    project = make_project(docs={"guide.md": GUIDE})
    build_all(project, browser_engine=False)
    html = (project.site_dir / "lay-advisers" / "question-bank" / "index.html").read_text(
        encoding="utf-8"
    )
    items = re.findall(
        r'<li><input type="checkbox" class="kb-qbank__box" id="(q-[^"]+)" value="([^"]+)" '
        r'data-kb-question> <label for="(q-[^"]+)">(.*?)</label> '
        r'<span class="kb-qbank__from">\(from <a href="([^"]+)">',
        html,
    )
    texts = {re.sub(r"<[^>]+>", "", label): href for _, _, _, label, href in items}
    assert texts == {
        "How many orders were made in our area?": "../../guide/",
        "What does the Sexual Risk Order mean for our area?": "../../glossary/sexual-risk-order/",
        "What does the Notification requirements mean for our area?": (
            "../../glossary/notification-requirements/"
        ),
    }
    for box, value, label_for, _, _ in items:
        assert box == label_for == f"q-{value}"
    # The filter, print and clear controls need script, so they stay hidden until it runs.
    assert re.search(r'<div class="kb-qbank__controls" hidden>', html)
    assert 'role="status"' in html
    # One topic filter option per topic with questions, in the bank's order, and a
    # labelled words box; each topic's section says which topic it is.
    options = re.findall(r'<option value="([^"]*)">([^<]+)</option>', html)
    sections = re.findall(r'<section class="kb-qbank__topic" data-kb-topic-id="([^"]+)"', html)
    assert options[0] == ("", "All topics")
    assert [value for value, _ in options[1:]] == sections == ["orders-and-notification"]
    assert '<label for="kb-qbank-topic">Topic</label>' in html
    assert '<label for="kb-qbank-words">Words</label>' in html
    assert re.search(r'<input type="search" id="kb-qbank-words"', html)
    assert re.search(r'<script src="[./]*assets/question-bank\.js"', html)
    assert "Last reviewed: 21 November 2026" in html
