"""One glossary entry -> one Markdown page.

Every entry reads in the same order, answer first, as GOV.UK guidance and NHS condition
pages do: the plain summary, the key facts as a list, the fuller definition for staff,
the legal basis, related entries, lay advisers' questions, and the sources at the foot.
The summary carries no citation markers (it is the line most readers stop at); each key
fact carries its own, and the foot says which sources the summary and definition draw on.
"""

from __future__ import annotations

import json

from mappa_kb import urls
from mappa_kb.content.glossary import Glossary
from mappa_kb.content.models import Citation, GlossaryEntry
from mappa_kb.render.markdown_text import citation_html, escape_inline, human_date
from mappa_kb.render.phone_links import link_phone_numbers

KEY_FACTS = "Key facts"
DETAIL = "In detail, for staff"
LEGAL_BASIS = "Legal basis"
RELATED = "Related entries"
QUESTIONS = "Questions a lay adviser might ask"
SOURCES = "Sources"


def entry_link(entry: GlossaryEntry, from_src: str) -> str:
    """A Markdown link to an entry page from the page `from_src`."""
    target = urls.link(from_src, urls.entry_page(entry.id))
    return f"[{escape_inline(entry.heading)}]({target})"


class _Citations:
    """Numbers each distinct citation once per page, in order of first use."""

    def __init__(self) -> None:
        self.order: list[Citation] = []

    def number(self, citation: Citation) -> int:
        if citation not in self.order:
            self.order.append(citation)
        return self.order.index(citation) + 1

    def ref(self, citations: list[Citation]) -> str:
        """'[1, 2]', each number a link to its place in the list at the foot; kept on one
        line, so a phone never leaves '[1,' at the end of one line and '2]' on the next."""
        numbers = dict.fromkeys(self.number(c) for c in citations)
        links = ", ".join(f"[{n}](#source-{n})" for n in numbers)
        return f'<span class="kb-cite">[{links}]</span>'


def _numbers_in_words(numbers: list[int]) -> str:
    shown = [str(n) for n in sorted(set(numbers))]
    if len(shown) == 1:
        return f"source {shown[0]}"
    return f"sources {', '.join(shown[:-1])} and {shown[-1]}"


def _related(entry: GlossaryEntry, glossary: Glossary, here: str) -> list[str]:
    """What it replaced, what replaced it, then the related entries: links only, since
    each link's own tooltip gives that entry's summary."""
    items = [f"- Replaced by {entry_link(glossary.entries[i], here)}" for i in entry.replaced_by]
    items += [f"- Replaced {entry_link(glossary.entries[i], here)}" for i in entry.replaces]
    shown = {*entry.replaced_by, *entry.replaces}
    items += [f"- {entry_link(glossary.entries[i], here)}" for i in entry.related if i not in shown]
    if not items:
        return []
    return [
        f"## {RELATED}",
        "",
        '<div class="kb-related" markdown>',
        "",
        *items,
        "",
        "</div>",
        "",
    ]


def render_entry(entry: GlossaryEntry, glossary: Glossary) -> str:
    cites = _Citations()
    topic = glossary.topics[entry.topic]
    here = urls.entry_page(entry.id)
    lines = [
        "---",
        f"title: {json.dumps(entry.term)}",
        f"description: {json.dumps(entry.summary)}",
        "render_macros: false",
        "---",
        "",
        f"# {escape_inline(entry.heading)}",
        "",
        escape_inline(entry.summary),
        "{ .kb-summary }",
        "",
    ]
    if entry.aliases:
        lines += [f"**Also called:** {', '.join(escape_inline(a) for a in entry.aliases)}", ""]
    if entry.key_facts:
        lines += [f"## {KEY_FACTS}", ""]
        lines += [
            f"- {link_phone_numbers(fact.text)} {cites.ref(fact.sources)}"
            for fact in entry.key_facts
        ]
        lines.append("")
    lines += [f"## {DETAIL}", "", link_phone_numbers(entry.definition.strip()), ""]
    if entry.legal_basis:
        lines += [f"## {LEGAL_BASIS}", "", link_phone_numbers(entry.legal_basis.strip()), ""]
    lines += _related(entry, glossary, here)
    bank = urls.link(here, urls.QUESTION_BANK)
    lines += [f"## {QUESTIONS}", ""]
    lines += [f"- {escape_inline(question)}" for question in entry.questions]
    lines += ["", f"Add them to your checklist in the [question bank]({bank}).", ""]
    general = [cites.number(c) for c in entry.sources]  # after the facts': theirs come first
    lines += [f"## {SOURCES}", ""]
    if entry.key_facts:
        lines += ["The numbers after each key fact point to this list. "]
    lines[-1] += f"The summary and the detail come from {_numbers_in_words(general)}."
    lines += ["", '<ol class="kb-sources">']
    lines += [
        f'<li id="source-{n}">{citation_html(c, glossary.sources)}</li>'
        for n, c in enumerate(cites.order, start=1)
    ]
    lines += [
        "</ol>",
        "",
        f"Topic: [{escape_inline(topic.title)}]({urls.link(here, urls.topic_page(topic.id))})",
        "{ .kb-topic }",
        "",
        f"Last reviewed: {human_date(entry.reviewed)}",
        "{ .kb-reviewed }",
        "",
    ]
    return "\n".join(lines)
