"""Statistics -> search passages: one sentence per figure, citing its report.

The search layer indexes these beside glossary and page passages; nothing here knows
about the index.
"""

from __future__ import annotations

from mappa_kb.paths import Project
from mappa_kb.search.passages import Passage
from mappa_kb.stats.loading import StatisticsSet, load_statistics
from mappa_kb.stats.sentences import figure_sentences

SECTION = "MAPPA Statistics"


def year_page_url(area: str, year: str) -> str:
    """Site-relative URL of an area-year page (directory URLs, as mkdocs.yml sets)."""
    return f"statistics/{area}/{year}/"


def passages_for(statistics: StatisticsSet) -> list[Passage]:
    out: list[Passage] = []
    for stats in statistics.all():
        title = statistics.source_title(stats)
        for sentence in figure_sentences(stats):
            source = f"{title}, {SECTION}"
            out.append(
                Passage(
                    title=sentence.title,
                    text=sentence.text,
                    url=f"{year_page_url(stats.area, stats.year)}#{sentence.anchor}",
                    source=f"Worked out from {source}" if sentence.derived else source,
                    kind="statistic",
                    keywords=sentence.keywords,
                )
            )
    return out


def statistic_passages(project: Project) -> list[Passage]:
    """Every statistics sentence of the project (raises ContentError on bad data)."""
    return passages_for(load_statistics(project))
