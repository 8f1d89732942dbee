"""Hand-written pages -> passages: one per h1-h3 section, from the page as rendered.

The text comes from the HTML the site build rendered for each page (macros filled in,
abbreviations resolved), collected while the site was built, as Material's own search
collects it, never read back from the finished site.
"""

from __future__ import annotations

from collections.abc import Mapping

from mappa_kb import urls
from mappa_kb.content.docs_pages import DocsPage, heading_key
from mappa_kb.content.models import Source
from mappa_kb.search.passage import Passage
from mappa_kb.search.passages.html_text import split_sections

SITE_NAME = "MAPPA knowledge base"


def _page_source(page: DocsPage, sources: dict[str, Source], fallback: str) -> str:
    """The page's own `sources:` as a citation, else the page itself."""
    shown = [f"{sources[c.source].title}, {c.section}" for c in page.meta.sources]
    return "; ".join(dict.fromkeys(shown)) or fallback


def page_passages(
    pages: Mapping[str, DocsPage], page_html: Mapping[str, str], sources: dict[str, Source]
) -> list[Passage]:
    """Passages of every page that is not left out of search (`search: {exclude: true}`)."""
    passages = []
    for src in sorted(pages, key=lambda s: s.split("/")):  # as the folder tree sorts
        page = pages[src]
        if urls.is_generated_glossary(src) or (page.meta.search and page.meta.search.exclude):
            continue
        sections = split_sections(page_html.get(src, ""))
        page_title = page.meta.title or next((s.heading for s in sections if s.level == 1), "")
        page_title = page_title or src.rsplit("/", 1)[-1].removesuffix(".md")
        url = urls.url(src)
        source = _page_source(page, sources, f"{SITE_NAME}: {page_title}")
        keywords = " ; ".join(page.meta.questions)
        asked = {heading_key(h): " ; ".join(qs) for h, qs in page.meta.asked_as.items()}
        for section in sections:
            if not section.text:
                continue
            heading = section.heading or page_title
            title = heading if section.level <= 1 else f"{page_title}: {heading}"
            anchor = f"#{section.anchor}" if section.anchor and section.level > 1 else ""
            passages.append(
                Passage(
                    title=title,
                    text=section.text,
                    url=f"{url}{anchor}",
                    source=source,
                    kind="page",
                    keywords=keywords if section.level <= 1 else "",
                    asked=asked.get(heading_key(heading), "")
                    or (asked.get(heading_key(page_title), "") if section.level <= 1 else ""),
                )
            )
    return passages
