"""Statistics -> passages: one sentence per figure, citing its report."""

from __future__ import annotations

from mappa_kb import urls
from mappa_kb.content.statistics.loading import StatisticsSet
from mappa_kb.search.lexicon import Figure
from mappa_kb.search.passage import Passage
from mappa_kb.stats.sentences import figure_sentences

SECTION = "MAPPA Statistics"


def statistic_passages(statistics: StatisticsSet) -> list[Passage]:
    return [passage for passage, _ in _statistics(statistics)]


def figures(statistics: StatisticsSet) -> list[Figure]:
    """Every figure, for answers that add, divide or compare them."""
    return [figure for _, figure in _statistics(statistics)]


def _statistics(statistics: StatisticsSet) -> list[tuple[Passage, Figure]]:
    out: list[tuple[Passage, Figure]] = []
    for stats in statistics.all():
        title = statistics.source_title(stats)
        for sentence in figure_sentences(stats):
            source = f"{title}, {SECTION}"
            source = f"Worked out from {source}" if sentence.derived else source
            url = f"{urls.statistics_year_url(stats.area, stats.year)}#{sentence.anchor}"
            parts = sentence.key.split(".") if not sentence.derived else []
            table, row, column = [*parts, "", "", ""][:3] if len(parts) > 1 else ("", "", "")
            passage = Passage(
                title=sentence.title,
                text=sentence.text,
                url=url,
                source=source,
                kind="statistic",
                keywords=sentence.keywords,
            )
            figure = Figure(
                area=stats.area_name,
                year=stats.year,
                key=sentence.key,
                table=table,
                row=row,
                column=column,
                value=sentence.value,
                shown=sentence.shown,
                label=sentence.label,
                text=sentence.text,
                url=url,
                source=source,
                derived=sentence.derived,
            )
            out.append((passage, figure))
    return out
