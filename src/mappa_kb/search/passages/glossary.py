"""Glossary entries -> passages: each entry's explanation, each key fact, its legal basis."""

from __future__ import annotations

from collections.abc import Iterator

import markdown

from mappa_kb import urls
from mappa_kb.content.glossary import Glossary
from mappa_kb.content.models import Citation, GlossaryEntry
from mappa_kb.search.passage import Passage
from mappa_kb.search.passages.html_text import html_to_text


def plain(markdown_text: str) -> str:
    html: str = markdown.markdown(markdown_text, extensions=["tables"])
    return html_to_text(html)


def cite(citations: list[Citation], glossary: Glossary) -> str:
    """'Title, section; Title, section' with each citation once, in order."""
    shown = [f"{glossary.sources[c.source].title}, {c.section}" for c in citations]
    return "; ".join(dict.fromkeys(shown))


def entry_passages(entry: GlossaryEntry, glossary: Glossary) -> Iterator[Passage]:
    heading = entry.heading
    url = urls.entry_url(entry.id)
    names = " ; ".join(entry.names)
    yield Passage(
        title=heading,
        text=f"{entry.summary}\n{plain(entry.definition)}",
        url=url,
        source=cite(entry.sources, glossary),
        kind="glossary",
        keywords=" ; ".join([names, *entry.questions]),
        asked=" ; ".join(entry.asked_as),
    )
    for fact in entry.key_facts:
        yield Passage(
            title=f"{heading}: key facts",
            text=plain(fact.text),
            url=f"{url}#key-facts",
            source=cite(fact.sources, glossary),
            kind="fact",
            keywords=names,
            asked=" ; ".join(fact.asked_as),
        )
    if entry.legal_basis:
        yield Passage(
            title=f"{heading}: legal basis",
            text=plain(entry.legal_basis),
            url=f"{url}#legal-basis",
            source=cite(entry.sources, glossary),
            kind="fact",
            keywords=names,
        )


def glossary_passages(glossary: Glossary) -> list[Passage]:
    return [p for entry in glossary.sorted_entries() for p in entry_passages(entry, glossary)]
