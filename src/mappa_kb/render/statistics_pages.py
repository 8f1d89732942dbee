"""Statistics -> pages: an overview comparing areas, a page per area, a page per area
and year, and the SVG charts they show. Every number comes from the data files.

Returns the pages (each ending with the reports its figures come from and when a person
last checked them) and the charts as {path: ChartSpec} for render.charts.draw_all; the
site builder adds both. Glossary links are made only to entries that exist (`terms`:
id -> term), so a statistic never links to a missing page.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from fractions import Fraction

from mappa_kb import urls
from mappa_kb.content.statistics.catalogue import (
    CATEGORY_COLUMNS,
    COLUMN_LABELS,
    FIGURES,
    ROW_LABELS,
    TABLE_BY_KEY,
)
from mappa_kb.content.statistics.loading import StatisticsSet
from mappa_kb.content.statistics.models import AreaYearStatistics
from mappa_kb.render.charts import ChartSpec
from mappa_kb.render.page_footer import render_statistics_footer
from mappa_kb.render.pages import GeneratedPage, GeneratedSite, PageKind
from mappa_kb.render.small_numbers import Rate, caution, note
from mappa_kb.render.statistics_tables import (
    chart_pair,
    figures_table,
    glossary_links,
    html_table,
    number,
)
from mappa_kb.stats.derived import DERIVED, DERIVED_BY_KEY, derived_text, derived_value, percent
from mappa_kb.stats.lookup import value_at
from mappa_kb.stats.sentences import anchor_for, human_day

OVERVIEW_TITLE = "MAPPA statistics"
FRONT = "---\ntitle: {title}\ndescription: {description}\nrender_macros: false\n---\n"
# Column of the comparison tables: derived key or 'per_100k', with its heading.
COMPARE = (
    ("per_100k", "Registered sexual offenders per 100,000"),
    ("share_level1", "Managed at Level 1"),
    ("category1_share", "Category 1 share"),
    ("recall_rate", "Level 2 and 3 recall rate"),
)
COMPARE_GLOSSARY = ("rate-per-100000", "level-1", "category-1", "returned-to-custody")


def _front(title: str, description: str) -> str:
    return FRONT.format(title=json.dumps(title), description=json.dumps(description))


def _heading(stats: AreaYearStatistics) -> str:
    return f"{stats.area_name} MAPPA statistics {stats.year}"


def _page(
    src: str,
    title: str,
    lines: list[str],
    statistics: StatisticsSet,
    shown: list[AreaYearStatistics],
) -> GeneratedPage:
    """The page, ending with the reports of the figures shown; it is as fresh as its least
    recently checked figures (no date when any of them was never checked)."""
    dates = [statistics.reviewed.get((s.area, s.year)) for s in shown]
    known = [d for d in dates if d is not None]
    oldest = min(known) if len(known) == len(dates) else None
    footer = render_statistics_footer([s.source for s in shown], statistics.sources, oldest)
    return GeneratedPage(src, PageKind.STATISTICS, title, "\n".join(lines) + footer)


def _eligible_chart(stats: AreaYearStatistics) -> ChartSpec:
    rows = [ROW_LABELS[r] for r in ("level1", "level2", "level3")]
    values = [
        [getattr(getattr(stats.eligible, r), c) or 0 for c in CATEGORY_COLUMNS]
        for r in ("level1", "level2", "level3")
    ]
    parts = []
    for label, row in zip(rows, values, strict=True):
        total = sum(row) or 1
        shares = ", ".join(
            f"{COLUMN_LABELS[c]} {100 * v / total:.0f}%"
            for c, v in zip(CATEGORY_COLUMNS, row, strict=True)
            if not (label == "Level 1" and c == "cat3")
        )
        parts.append(f"{label} ({sum(row):,} people): {shares}")
    return ChartSpec(
        "stacked_shares",
        f"Category mix at each level, {human_day(stats, snapshot=True)}",
        "Share of each category among the people at each level. " + "; ".join(parts) + ".",
        {"rows": rows, "parts": [COLUMN_LABELS[c] for c in CATEGORY_COLUMNS], "values": values},
    )


def _recall_chart(stats: AreaYearStatistics) -> tuple[ChartSpec, str, str]:
    managed = [getattr(stats.levels_2_3_yearly.total, c) for c in CATEGORY_COLUMNS]
    returned = [getattr(stats.returned_to_custody.total, c) for c in CATEGORY_COLUMNS]
    labels = [COLUMN_LABELS[c] for c in CATEGORY_COLUMNS]
    rates = [
        percent(Fraction(100 * r, m) if m else None) for r, m in zip(returned, managed, strict=True)
    ]
    said = "; ".join(
        f"{label}: {r:,} of {m:,} ({rate})"
        for label, r, m, rate in zip(labels, returned, managed, rates, strict=True)
    )
    chart = ChartSpec(
        "grouped_bars",
        f"Level 2 and 3: people managed and returned to custody, {stats.year}",
        f"For each category, people managed at Level 2 or 3 during the year and those of "
        f"them returned to custody for breach of licence. {said}.",
        {
            "groups": labels,
            "series": [
                ("Managed at Level 2 or 3", [m or 0 for m in managed]),
                ("Returned to custody", returned),
            ],
            "ylabel": "People",
        },
    )
    table = html_table(
        "Returns to custody per category",
        ["Category", "Managed during the year", "Returned to custody", "Recall rate"],
        [
            (label, [number(m), number(r), rate])
            for label, m, r, rate in zip(labels, managed, returned, rates, strict=True)
        ],
    )
    small = caution(
        [
            Rate(label, r, m or 0)
            for label, r, m in zip(labels, returned, managed, strict=True)
            if m is not None
        ]
    )
    return chart, table, small


def _at_a_glance(stats: AreaYearStatistics, terms: dict[str, str], here: str) -> list[str]:
    lines = [
        "## At a glance { #at-a-glance }",
        "",
        "Worked out from the figures below, so areas of different size can be compared.",
        "",
        "| Measure | Value | How it is worked out |",
        "| --- | --- | --- |",
    ]
    for info in DERIVED:
        links = glossary_links(info.glossary, terms, here)
        base = value_at(stats, info.denominator) if "recall" in info.key else None
        how = f"{info.how}{note(value_at(stats, info.numerator), base)}"
        lines.append(f"| {info.title} | {derived_text(stats, info.key)} | {how} {links} |")
    return [*lines, ""]


def _section(key: str, terms: dict[str, str], here: str) -> list[str]:
    info = TABLE_BY_KEY[key]
    links = glossary_links(info.glossary, terms, here)
    return [f"## {info.title} {{ #{anchor_for(key)} }}", "", info.explanation, "", links, ""]


def _other_figures(stats: AreaYearStatistics, terms: dict[str, str], here: str) -> list[str]:
    lines = [
        "## Other figures for the year { #other-figures }",
        "",
        "| Figure | Number | What it counts |",
        "| --- | --- | --- |",
    ]
    for figure in FIGURES:
        value = getattr(stats, figure.key)
        links = glossary_links(figure.glossary, terms, here)
        lines.append(
            f'| <span id="{anchor_for(figure.key)}"></span>{figure.title} | {number(value)} '
            f"| {figure.explanation} {links} |"
        )
    return [*lines, ""]


def year_page(
    stats: AreaYearStatistics, statistics: StatisticsSet, terms: dict[str, str]
) -> GeneratedSite:
    """The area-year page and its two charts."""
    here = urls.statistics_year_page(stats.area, stats.year)
    source = statistics.sources.get(stats.source)
    cited = html.escape(source.title) if source else stats.source
    if source and source.url:
        cited = f"[{cited}]({source.url})"
    eligible = _eligible_chart(stats)
    recall, recall_table, recall_caution = _recall_chart(stats)
    lines = [
        _front(
            _heading(stats),
            f"MAPPA figures for {stats.area_name}, {human_day(stats, snapshot=False)}.",
        ),
        f"# {html.escape(_heading(stats))}",
        "",
        f"Figures for {human_day(stats, snapshot=False)}, from the {cited} (section: MAPPA "
        f"Statistics). Tables marked as a snapshot count people {human_day(stats, True)}; "
        "the others count over the whole year.",
        "",
        f"[All years for {html.escape(stats.area_name)}]"
        f"({urls.link(here, urls.statistics_area_page(stats.area))}) · "
        f"[All areas compared]({urls.link(here, urls.STATISTICS_OVERVIEW)})",
        "",
        *_at_a_glance(stats, terms, here),
        *_section("eligible", terms, here),
        *chart_pair(
            f"{stats.year}-eligible.svg",
            eligible,
            figures_table(stats, TABLE_BY_KEY["eligible"], "Snapshot on 31 March, by level"),
        ),
        *_section("levels_2_3_yearly", terms, here),
        figures_table(stats, TABLE_BY_KEY["levels_2_3_yearly"], "Yearly total, by level"),
        "",
        *_section("returned_to_custody", terms, here),
        *chart_pair(
            urls.link(here, urls.beside(here, "-recalls.svg")), recall, recall_table, recall_caution
        ),
        figures_table(stats, TABLE_BY_KEY["returned_to_custody"], "Returned to custody, by level"),
        "",
        *_section("shpo_breach", terms, here),
        figures_table(
            stats, TABLE_BY_KEY["shpo_breach"], "Returned to custody for breach of an SHPO"
        ),
        "",
        *_other_figures(stats, terms, here),
    ]
    out = GeneratedSite(
        charts={
            urls.beside(here, "-eligible.svg"): eligible,
            urls.beside(here, "-recalls.svg"): recall,
        }
    )
    out.add(_page(here, _heading(stats), lines, statistics, [stats]))
    return out


def _recall_base(stats: AreaYearStatistics, label: str) -> Rate:
    return Rate(label, stats.returned_to_custody.total.total, stats.levels_2_3_yearly.total.total)


def _compare_value(stats: AreaYearStatistics, key: str) -> str:
    if key == "per_100k":
        return f"{stats.notifiable_per_100k:,}"
    return derived_text(stats, key)


def area_page(area: str, statistics: StatisticsSet, terms: dict[str, str]) -> GeneratedSite:
    """An area's years side by side, with a trend chart once there are two or more."""
    here = urls.statistics_area_page(area)
    name = statistics.area_name(area)
    years = statistics.years(area)
    all_stats = [statistics.get(area, y) for y in years]
    header = "| Year | MAPPA-eligible on 31 March | " + " | ".join(h for _, h in COMPARE) + " |"
    lines = [
        _front(f"{name} MAPPA statistics", f"MAPPA figures for {name}, year by year."),
        f"# {html.escape(name)} MAPPA statistics",
        "",
        f"Figures for {html.escape(name)} from its MAPPA annual reports, one page per "
        "reporting year (1 April to 31 March). "
        f"[All areas compared]({urls.link(here, urls.STATISTICS_OVERVIEW)})",
        "",
        header,
        "| --- " * (len(COMPARE) + 2) + "|",
    ]
    for stats in all_stats:
        cells = " | ".join(_compare_value(stats, key) for key, _ in COMPARE)
        lines.append(
            f"| [{stats.year}]({urls.link(here, urls.statistics_year_page(area, stats.year))}) "
            f"| {stats.eligible.total.total:,} | {cells} |"
        )
    lines += [
        "",
        caution([_recall_base(s, f"{name}, {s.year}") for s in all_stats]),
        "",
        glossary_links(("mappa-eligible-individual", *COMPARE_GLOSSARY), terms, here),
        "",
    ]
    out = GeneratedSite()
    if len(all_stats) > 1:
        counts = [s.eligible.total.total for s in all_stats]
        chart = ChartSpec(
            "trend_lines",
            f"{name}: MAPPA-eligible people on 31 March, by year",
            f"From {years[0]} to {years[-1]}: "
            + ", ".join(f"{y} {c:,}" for y, c in zip(years, counts, strict=True))
            + ".",
            {"years": years, "series": [("MAPPA-eligible people", counts)], "ylabel": "People"},
        )
        table = html_table(
            "MAPPA-eligible people on 31 March",
            ["Year", "People"],
            [(y, [number(c)]) for y, c in zip(years, counts, strict=True)],
        )
        lines += ["## Trend { #trend }", ""]
        trend = urls.next_to(here, "trend.svg")
        lines += chart_pair(urls.link(here, trend), chart, table)
        out.charts[trend] = chart
    out.add(_page(here, f"{name} MAPPA statistics", lines, statistics, all_stats))
    return out


def _ranked(
    statistics: StatisticsSet,
    *,
    year: str,
    title: str,
    unit: str,
    value: Callable[[AreaYearStatistics], float | None],
) -> tuple[ChartSpec, str] | None:
    pairs = []
    for area in statistics.area_ids():
        if year in statistics.by_area[area]:
            found = value(statistics.get(area, year))
            if found is not None:
                pairs.append((statistics.area_name(area), found))
    if not pairs:
        return None
    pairs.sort(key=lambda p: (-p[1], p[0]))
    shown = [f"{v:,.1f}".removesuffix(".0") for _, v in pairs]
    chart = ChartSpec(
        "ranked_bars",
        title,
        f"Areas from highest to lowest ({unit}): "
        + "; ".join(f"{n} {s}" for (n, _), s in zip(pairs, shown, strict=True))
        + ".",
        {"labels": [n for n, _ in pairs], "values": [v for _, v in pairs], "xlabel": unit},
    )
    table = html_table(
        html.escape(title),
        ["Area", html.escape(unit)],
        [(html.escape(n), [s]) for (n, _), s in zip(pairs, shown, strict=True)],
    )
    return chart, table


def overview_page(statistics: StatisticsSet, terms: dict[str, str]) -> GeneratedSite:
    """Areas side by side for the latest year, with two ranked charts."""
    here = urls.STATISTICS_OVERVIEW
    lines = [
        _front(OVERVIEW_TITLE, "MAPPA figures by area, compared side by side."),
        f"# {OVERVIEW_TITLE}",
        "",
        "Each area publishes the same standard tables every year. The figures here are "
        "read from those reports and checked: every total adds up to its parts.",
        "",
    ]
    year = statistics.latest_year()
    out = GeneratedSite()
    if year is None:
        lines += ["No statistics have been added yet.", ""]
        out.add(_page(here, OVERVIEW_TITLE, lines, statistics, []))
        return out
    lines += [
        f"## Areas compared, {year} {{ #compared }}",
        "",
        "Raw counts mostly show how big an area is, so the table compares rates: the "
        "reports' own rate per 100,000 population, and shares worked out from each "
        "area's own figures. Populations are not in the reports, so no other rate per "
        "head is shown.",
        "",
        "| Area | MAPPA-eligible on 31 March | " + " | ".join(h for _, h in COMPARE) + " |",
        "| --- " * (len(COMPARE) + 2) + "|",
    ]
    compared = []
    for area in statistics.area_ids():
        if year not in statistics.by_area[area]:
            continue
        stats = statistics.get(area, year)
        compared.append(stats)
        cells = " | ".join(_compare_value(stats, key) for key, _ in COMPARE)
        target = urls.link(here, urls.statistics_year_page(area, year))
        link = f"[{html.escape(stats.area_name)}]({target})"
        lines.append(f"| {link} | {stats.eligible.total.total:,} | {cells} |")
    recall_caution = caution([_recall_base(s, s.area_name) for s in compared])
    lines += [
        "",
        recall_caution,
        "",
        glossary_links(("mappa-eligible-individual", *COMPARE_GLOSSARY), terms, here),
        "",
    ]
    for key, title, unit, value in (
        (
            "per-100k",
            f"Registered sexual offenders per 100,000 population, {year}",
            "per 100,000 population",
            lambda s: float(s.notifiable_per_100k),
        ),
        (
            "recall-rate",
            f"Level 2 and 3 recall rate, {year}",
            "returns per 100 people managed",
            lambda s: _as_float(derived_value(s, "recall_rate")),
        ),
    ):
        ranked = _ranked(statistics, year=year, title=title, unit=unit, value=value)
        if ranked is None:
            continue
        chart, table = ranked
        lines += [f"### {html.escape(title)} {{ #{key} }}", ""]
        if key == "recall-rate":
            lines += [DERIVED_BY_KEY["recall_rate"].how, ""]
        image = urls.next_to(here, f"{year}-{key}.svg")
        small = recall_caution if key == "recall-rate" else ""
        lines += chart_pair(urls.link(here, image), chart, table, small)
        out.charts[image] = chart
    lines += ["## All areas and years { #all }", ""]
    for area in statistics.area_ids():
        years = ", ".join(
            f"[{y}]({urls.link(here, urls.statistics_year_page(area, y))})"
            for y in statistics.years(area)
        )
        area_link = urls.link(here, urls.statistics_area_page(area))
        lines.append(f"- [{html.escape(statistics.area_name(area))}]({area_link}): {years}")
    out.add(_page(here, OVERVIEW_TITLE, [*lines, ""], statistics, statistics.all()))
    return out


def _as_float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def statistics_pages(statistics: StatisticsSet, terms: dict[str, str]) -> GeneratedSite:
    """Every generated statistics page, and every chart as a spec to draw."""
    out = overview_page(statistics, terms)
    for area in statistics.area_ids():
        out.merge(area_page(area, statistics, terms))
        for year in statistics.years(area):
            out.merge(year_page(statistics.get(area, year), statistics, terms))
    return out
