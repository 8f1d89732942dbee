"""Every figure as one short plain-text sentence naming the area, the period, what is
counted (with the names people actually type) and the number.

These are what the Q&A index returns, so a question such as "how many people were
managed at level 2 in London on 31 March 2023?" finds a sentence holding the answer.
"""

from __future__ import annotations

from dataclasses import dataclass

from mappa_kb.content.statistics.catalogue import FIGURES, TABLES, TableInfo
from mappa_kb.content.statistics.models import AreaYearStatistics
from mappa_kb.stats.derived import DERIVED, derived_value, percent
from mappa_kb.stats.lookup import value_at

_WHO_ELIGIBLE = {
    "cat1": "Category 1 offenders (registered sex offenders, subject to notification requirements)",
    "cat2": "Category 2 offenders (violent offenders)",
    "cat3": "Category 3 offenders (other dangerous offenders)",
    "total": "people in all categories",
}
_WHO_SHORT = {
    "cat1": "Category 1 offenders (registered sex offenders)",
    "cat2": "Category 2 offenders (violent offenders)",
    "cat3": "Category 3 offenders (other dangerous offenders)",
    "total": "offenders in all categories",
}
_LEVEL_PHRASE = {
    "level1": "managed at Level 1",
    "level2": "managed at Level 2",
    "level3": "managed at Level 3",
}
_LEVEL_NAME = {"level2": "Level 2", "level3": "Level 3", "total": "Level 2 and 3"}
_COLUMN_WORDS = {
    "cat1": "category 1 sex offenders RSO register notification",
    "cat2": "category 2 violent offenders",
    "cat3": "category 3 other dangerous offenders",
    "total": "total all categories",
}
_TABLE_WORDS = {
    "eligible": "MAPPA eligible offenders snapshot how many managed",
    "levels_2_3_yearly": "yearly total MAPPA meetings how many managed",
    "returned_to_custody": "recall recalled back to prison breach of licence",
    "shpo_breach": "SHPO breach recall prison",
}


@dataclass(frozen=True)
class FigureSentence:
    key: str
    """Dotted key of the figure, or the derived figure's name."""
    anchor: str
    """Id of the place on the area-year page that shows the figure."""
    title: str
    text: str
    keywords: str
    derived: bool = False
    value: float = 0.0
    shown: str = ""
    """The number as written in `text`: '10,621' or '98.7%'."""
    label: str = ""
    """What is counted and when: `text` without the area and the number."""


def anchor_for(key: str) -> str:
    return key.split(".", maxsplit=1)[0].replace("_", "-")


def count(value: int) -> str:
    return f"{value:,}"


def human_day(stats: AreaYearStatistics, snapshot: bool) -> str:
    """'on 31 March 2023' for a snapshot, '1 April 2022 to 31 March 2023' for a year."""
    end = stats.period.end
    if snapshot:
        return f"on {end.day} {end.strftime('%B %Y')}"
    start = stats.period.start
    return f"{start.day} {start.strftime('%B %Y')} to {end.day} {end.strftime('%B %Y')}"


def _cell_text(stats: AreaYearStatistics, table: TableInfo, row: str, column: str) -> str:
    area, when = stats.area_name, human_day(stats, table.snapshot)
    if table.key == "eligible":
        where = _LEVEL_PHRASE.get(row, "at all levels (Levels 1, 2 and 3)")
        return f"{area}: MAPPA-eligible {_WHO_ELIGIBLE[column]} {where}, {when}"
    if table.key == "levels_2_3_yearly":
        where = _LEVEL_PHRASE.get(row, "managed at Level 2 or 3")
        return f"{area}: {_WHO_ELIGIBLE[column]} {where} at any time from {when} (yearly total)"
    if table.key == "returned_to_custody":
        return (
            f"{area}: {_LEVEL_NAME[row]} {_WHO_SHORT[column]} returned to custody (recalled "
            f"to prison) for breach of licence, {when}"
        )
    return (
        f"{area}: {_LEVEL_NAME[row]} offenders returned to custody for breaching a Sexual "
        f"Harm Prevention Order (SHPO), {when}"
    )


def _keywords(stats: AreaYearStatistics, *extra: str) -> str:
    first, second = stats.year.split("-")
    years = f"{stats.year} {first}/{second} {first} 20{second}"
    return " ".join([stats.area_name, years, *extra])


def figure_sentences(stats: AreaYearStatistics) -> list[FigureSentence]:
    """One sentence per figure (cells marked not applicable have none), then derived ones."""
    out: list[FigureSentence] = []
    for table in TABLES:
        for row in table.rows:
            for column in table.columns or ("",):
                key = ".".join(filter(None, (table.key, row, column)))
                value = value_at(stats, key)
                if value is None:
                    continue
                text = _cell_text(stats, table, row, column or "total")
                out.append(
                    FigureSentence(
                        key=key,
                        anchor=anchor_for(key),
                        title=f"{stats.area_name} {stats.year}: {table.title}",
                        text=f"{text}: {count(value)}.",
                        value=value,
                        shown=count(value),
                        label=text.removeprefix(f"{stats.area_name}: "),
                        keywords=_keywords(
                            stats,
                            _TABLE_WORDS[table.key],
                            f"level {row[-1]}" if row != "total" else "",
                            _COLUMN_WORDS[column or "total"],
                        ),
                    )
                )
    for figure in FIGURES:
        value = value_at(stats, figure.key)
        if value is None:  # cannot happen: single figures are never marked not applicable
            continue
        when = (
            f"as reported for {stats.year} ({human_day(stats, snapshot=False)})"
            if figure.key == "notifiable_per_100k"
            else human_day(stats, figure.snapshot)
        )
        out.append(
            FigureSentence(
                key=figure.key,
                anchor=anchor_for(figure.key),
                title=f"{stats.area_name} {stats.year}: {figure.title}",
                text=f"{stats.area_name}: {figure.sentence}, {when}: {count(value)}.",
                value=value,
                shown=count(value),
                label=f"{figure.sentence}, {when}",
                keywords=_keywords(stats, figure.title),
            )
        )
    for info in DERIVED:
        exact = derived_value(stats, info.key)
        shown = percent(exact)
        out.append(
            FigureSentence(
                key=info.key,
                anchor="at-a-glance",
                title=f"{stats.area_name} {stats.year}: {info.title}",
                text=f"{stats.area_name}: {info.sentence}, {human_day(stats, info.snapshot)}: "
                f"{shown} (worked out from the report's figures).",
                keywords=_keywords(stats, info.title, "percentage rate share"),
                derived=True,
                value=float(exact) if exact is not None else 0.0,
                shown=shown,
                label=f"{info.sentence}, {human_day(stats, info.snapshot)}",
            )
        )
    return out
