"""What the render layer hands to a site builder: typed pages, not bare Markdown.

A page says what kind it is and which entry it shows, so the MkDocs glue (or whatever
replaces MkDocs) never works that out from its path.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from mappa_kb.render.charts import ChartSpec


class PageKind(Enum):
    ENTRY = "entry"
    A_TO_Z = "a-to-z"
    TOPICS = "topics"
    TOPIC = "topic"
    QUESTION_BANK = "question-bank"
    STATISTICS = "statistics"


@dataclass(frozen=True)
class GeneratedPage:
    """One page made from the content: complete Markdown, footer included."""

    src: str
    """Docs-relative path, e.g. 'glossary/sexual-risk-order.md' (see mappa_kb.urls)."""
    kind: PageKind
    title: str
    markdown: str
    entry: str | None = None
    """The glossary entry an entry page explains (its own name is not linked on it)."""


@dataclass
class GeneratedSite:
    """Every generated page and chart; charts are drawn by the site builder."""

    pages: dict[str, GeneratedPage] = field(default_factory=dict)
    charts: dict[str, ChartSpec] = field(default_factory=dict)

    def add(self, *pages: GeneratedPage) -> None:
        for page in pages:
            self.pages[page.src] = page

    def merge(self, other: GeneratedSite) -> None:
        self.pages.update(other.pages)
        self.charts.update(other.charts)
