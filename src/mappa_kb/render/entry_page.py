"""One glossary entry -> one Markdown page."""

from __future__ import annotations

import json

from mappa_kb import urls
from mappa_kb.content.glossary import Glossary
from mappa_kb.content.models import Citation, GlossaryEntry
from mappa_kb.render.markdown_text import citation_html, escape_inline, human_date


def entry_link(entry: GlossaryEntry, from_src: str) -> str:
    """A Markdown link to an entry page from the page `from_src`."""
    target = urls.link(from_src, urls.entry_page(entry.id))
    return f"[{escape_inline(entry.heading)}]({target})"


class _Citations:
    """Numbers each distinct citation once per page, in order of first use."""

    def __init__(self) -> None:
        self.order: list[Citation] = []

    def ref(self, citations: list[Citation]) -> str:
        marks = []
        for citation in citations:
            if citation not in self.order:
                self.order.append(citation)
            number = self.order.index(citation) + 1
            marks.append(f"[[{number}]](#source-{number})")
        return " ".join(marks)


def _link_list(ids: list[str], glossary: Glossary, here: str) -> list[str]:
    return [
        f"- {entry_link(glossary.entries[i], here)}: {escape_inline(glossary.entries[i].summary)}"
        for i in ids
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
        f"{escape_inline(entry.summary)} {cites.ref(entry.sources)}",
        "{ .kb-summary }",
        "",
    ]
    if entry.aliases:
        lines += [f"**Also called:** {', '.join(escape_inline(a) for a in entry.aliases)}", ""]
    lines += ["## What it means", "", entry.definition.strip(), ""]
    if entry.key_facts:
        lines += ["## Key facts", ""]
        lines += [f"- {fact.text} {cites.ref(fact.sources)}" for fact in entry.key_facts]
        lines.append("")
    if entry.legal_basis:
        lines += ["## Legal basis", "", entry.legal_basis.strip(), ""]
    if entry.replaces or entry.replaced_by:
        lines += ["## What it replaced and what replaced it", ""]
        lines += [f"- Replaced {entry_link(glossary.entries[i], here)}" for i in entry.replaces]
        lines += [
            f"- Replaced by {entry_link(glossary.entries[i], here)}" for i in entry.replaced_by
        ]
        lines.append("")
    if entry.related:
        lines += ["## Related terms", "", *_link_list(entry.related, glossary, here), ""]
    lines += ["## Questions a lay adviser might ask", ""]
    lines += [f"- {escape_inline(question)}" for question in entry.questions]
    lines += ["", "## Sources", "", '<ol class="kb-sources">']
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
