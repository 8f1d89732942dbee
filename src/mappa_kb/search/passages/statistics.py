"""Statistics -> passages: one sentence per figure, citing its report."""

from __future__ import annotations

from mappa_kb import urls
from mappa_kb.content.statistics.loading import StatisticsSet
from mappa_kb.search.passage import Passage
from mappa_kb.stats.sentences import figure_sentences

SECTION = "MAPPA Statistics"


def statistic_passages(statistics: StatisticsSet) -> list[Passage]:
    out: list[Passage] = []
    for stats in statistics.all():
        title = statistics.source_title(stats)
        for sentence in figure_sentences(stats):
            source = f"{title}, {SECTION}"
            out.append(
                Passage(
                    title=sentence.title,
                    text=sentence.text,
                    url=f"{urls.statistics_year_url(stats.area, stats.year)}#{sentence.anchor}",
                    source=f"Worked out from {source}" if sentence.derived else source,
                    kind="statistic",
                    keywords=sentence.keywords,
                )
            )
    return out
