"""The site's address scheme, in one place: where each kind of page lives.

Pages are named by their docs-relative Markdown path (`src`, as MkDocs calls it), and
reached at a site-relative URL built with directory URLs (`use_directory_urls: true`):
`guide/levels.md` is served at `guide/levels/`. Every layer that names a page (render,
the MkDocs glue, the search passages, the checks) asks here.
"""

from __future__ import annotations

import posixpath

GLOSSARY = "glossary"
STATISTICS = "statistics"

A_TO_Z = f"{GLOSSARY}/index.md"
TOPICS_INDEX = f"{GLOSSARY}/topics/index.md"
QUESTION_BANK = "lay-advisers/question-bank.md"
STATISTICS_OVERVIEW = f"{STATISTICS}/index.md"
SOURCES_PAGE = "about/sources.md"


def entry_page(entry_id: str) -> str:
    return f"{GLOSSARY}/{entry_id}.md"


def topic_page(topic_id: str) -> str:
    return f"{GLOSSARY}/topics/{topic_id}.md"


def statistics_area_page(area: str) -> str:
    return f"{STATISTICS}/{area}/index.md"


def statistics_year_page(area: str, year: str) -> str:
    return f"{STATISTICS}/{area}/{year}.md"


def beside(src: str, suffix: str) -> str:
    """A file named after a page, in the same folder: the charts of a statistics page."""
    return src.removesuffix(".md") + suffix


def next_to(src: str, name: str) -> str:
    """A file in the same folder as a page."""
    return posixpath.join(posixpath.dirname(src), name)


def is_generated_glossary(src: str) -> bool:
    """Pages under glossary/ are all generated from the glossary's YAML files."""
    return src.startswith(f"{GLOSSARY}/")


def url(src: str) -> str:
    """The site-relative URL of a page: 'guide/levels.md' -> 'guide/levels/'."""
    parts = src.removesuffix(".md").split("/")
    if parts[-1] in {"index", "README"}:
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


def entry_url(entry_id: str) -> str:
    return url(entry_page(entry_id))


def statistics_year_url(area: str, year: str) -> str:
    return url(statistics_year_page(area, year))


def source_anchor(source_id: str) -> str:
    """Where the Sources page lists a registered source: its id, on the list item."""
    return f"source-{source_id}"


def link(from_src: str, to_src: str) -> str:
    """A Markdown link target from one page to another (MkDocs resolves .md links)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
