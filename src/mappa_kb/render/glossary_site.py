"""Every generated glossary page, as {docs-relative path: Markdown}."""

from __future__ import annotations

from mappa_kb.content.glossary import Glossary
from mappa_kb.render.entry_page import render_entry
from mappa_kb.render.index_pages import render_a_to_z, render_topic, render_topic_index

GLOSSARY_FOLDER = "glossary"


def entry_path(entry_id: str) -> str:
    return f"{GLOSSARY_FOLDER}/{entry_id}.md"


def glossary_pages(glossary: Glossary) -> dict[str, str]:
    pages = {f"{GLOSSARY_FOLDER}/index.md": render_a_to_z(glossary)}
    pages[f"{GLOSSARY_FOLDER}/topics/index.md"] = render_topic_index(glossary)
    for topic, entries in glossary.by_topic():
        pages[f"{GLOSSARY_FOLDER}/topics/{topic.id}.md"] = render_topic(topic, entries)
    for entry in glossary.entries.values():
        pages[entry_path(entry.id)] = render_entry(entry, glossary)
    return pages
