"""Build time: the project's content -> the passages the index holds.

Glossary entries and statistics come from the content objects; hand-written pages from
the HTML the site build rendered for them. Nothing here reads the built site back.
"""

from __future__ import annotations

from collections.abc import Mapping

from mappa_kb.content.project import Project
from mappa_kb.search.passage import Passage
from mappa_kb.search.passages.glossary import glossary_passages
from mappa_kb.search.passages.pages import page_passages
from mappa_kb.search.passages.statistics import statistic_passages


def collect_passages(project: Project, page_html: Mapping[str, str]) -> list[Passage]:
    """Every passage, in a fixed order: glossary entries A to Z, pages, statistics."""
    return [
        *glossary_passages(project.glossary),
        *page_passages(project.pages, page_html, project.sources),
        *statistic_passages(project.statistics),
    ]
