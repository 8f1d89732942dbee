"""Statistics tables as HTML, and the small Markdown pieces statistics pages share.

Tables are HTML (not Markdown) so they can carry a caption and row/column headers
that screen readers announce with each number.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from mappa_kb import urls
from mappa_kb.content.statistics.catalogue import COLUMN_LABELS, COLUMN_NAMES, ROW_LABELS, TableInfo
from mappa_kb.content.statistics.models import AreaYearStatistics, CategoryRow
from mappa_kb.render.charts import ChartSpec
from mappa_kb.render.markdown_text import escape_inline

NOT_APPLICABLE = '–<span class="kb-sr-only"> not applicable</span>'


def number(value: int | None) -> str:
    return NOT_APPLICABLE if value is None else f"{value:,}"


def html_table(
    caption: str,
    header: Sequence[str],
    rows: Sequence[tuple[str, Sequence[str]]],
    css: str = "kb-stats-table",
) -> str:
    """A table whose first column labels each row; cells are already-escaped HTML. It
    sits in a box of its own that scrolls sideways when the screen is too narrow for it
    (keyboard.js makes the box focusable then, so it scrolls by keyboard too)."""
    head = "".join(f'<th scope="col">{h}</th>' for h in header)
    body = "".join(
        f'<tr><th scope="row">{label}</th>{"".join(f"<td>{c}</td>" for c in cells)}</tr>'
        for label, cells in rows
    )
    return (
        f'<div class="kb-table-scroll"><table class="{css}"><caption>{caption}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def column_header(column: str) -> str:
    if column == "total":
        return "Total"
    return f'{COLUMN_LABELS[column]}<br><span class="kb-col-note">{COLUMN_NAMES[column]}</span>'


def figures_table(stats: AreaYearStatistics, info: TableInfo, caption: str) -> str:
    """One standard table of the report, as printed there: levels by categories."""
    value = getattr(stats, info.key)
    rows = []
    for name in info.rows:
        row = getattr(value, name)
        if isinstance(row, CategoryRow):
            cells = [number(getattr(row, column)) for column in info.columns]
        else:
            cells = [number(row)]
        rows.append((ROW_LABELS[name], cells))
    header = (
        ["Level", *(column_header(c) for c in info.columns)]
        if info.columns
        else [
            "Level",
            "People",
        ]
    )
    return html_table(html.escape(caption), header, rows)


def glossary_links(ids: Sequence[str], terms: dict[str, str], here: str) -> str:
    """'Glossary: [Level 1](…), …' for the entries that exist, linked from the page
    `here`; '' when none do."""
    links = [
        f"[{escape_inline(terms[i])}]({urls.link(here, urls.entry_page(i))})"
        for i in ids
        if i in terms
    ]
    return f"Glossary: {', '.join(links)}." if links else ""


def chart_pair(image: str, chart: ChartSpec, table: str, caution: str = "") -> list[str]:
    """A chart, titled by its caption and described by its text alternative, then the
    table of the same figures (and a caution about small numbers, when there is one).

    Each figure once for each way of reading it: the picture, its description for a
    reader who cannot see it (the image's alt text, not a caption repeating the table
    under it), and the table.
    """
    lines = [
        '<div class="kb-chart-pair" markdown>',
        '<figure class="kb-chart" markdown>',
        f"<figcaption>{html.escape(chart.title)}</figcaption>",
        f"![{_alt(chart.description)}]({image})",
        "</figure>",
        table,
    ]
    if caution:
        lines.append(caution)
    return [*lines, "</div>", ""]


def _alt(text: str) -> str:
    return text.replace("[", "(").replace("]", ")").replace("\n", " ")
