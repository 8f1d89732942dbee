"""Every generated glossary page: the A to Z, the topic pages and one page per entry."""

from __future__ import annotations

from mappa_kb import urls
from mappa_kb.content.glossary import Glossary
from mappa_kb.render.entry_page import render_entry
from mappa_kb.render.index_pages import (
    A_TO_Z_TITLE,
    TOPICS_TITLE,
    render_a_to_z,
    render_topic,
    render_topic_index,
)
from mappa_kb.render.page_footer import render_collection_footer
from mappa_kb.render.pages import GeneratedPage, PageKind


def glossary_pages(glossary: Glossary) -> list[GeneratedPage]:
    everything = glossary.sorted_entries()
    # List pages end with what the entries they list cite, and when they were checked.
    footer = render_collection_footer(everything, glossary.sources)
    pages = [
        GeneratedPage(urls.A_TO_Z, PageKind.A_TO_Z, A_TO_Z_TITLE, render_a_to_z(glossary) + footer),
        GeneratedPage(
            urls.TOPICS_INDEX, PageKind.TOPICS, TOPICS_TITLE, render_topic_index(glossary) + footer
        ),
    ]
    for topic, entries in glossary.by_topic():
        markdown = render_topic(topic, entries) + render_collection_footer(
            entries, glossary.sources
        )
        pages.append(
            GeneratedPage(urls.topic_page(topic.id), PageKind.TOPIC, topic.title, markdown)
        )
    pages += [
        GeneratedPage(
            urls.entry_page(entry.id),
            PageKind.ENTRY,
            entry.heading,
            render_entry(entry, glossary),
            entry=entry.id,
        )
        for entry in glossary.entries.values()
    ]
    return pages
