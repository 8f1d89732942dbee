"""A statistics page shows its chart across the text column, with the table of the same
figures under it, and every label big enough to read."""

from __future__ import annotations

import re

from playwright.sync_api import expect
from servers import Server

from .conftest import BuiltSite, OpenPage
from .site_pages import first_statistics

# The smallest text in each chart as shown: the SVG's font sizes scaled to its box.
LABEL_PX = """async (img) => {
  const svg = await (await fetch(img.currentSrc)).text();
  const width = Number(svg.match(/viewBox="0 0 ([\\d.]+)/)[1]);
  const sizes = [...svg.matchAll(/font-size: ([\\d.]+)px/g)].map((m) => Number(m[1]));
  return Math.min(...sizes) * img.getBoundingClientRect().width / width;
}"""


def test_a_statistics_page_shows_its_chart_and_table(
    built: BuiltSite, app: Server, open_page: OpenPage
) -> None:
    stats = first_statistics(built)
    page = open_page(app.url + stats.url)
    expect(page.locator("h1")).to_contain_text(stats.data["area_name"])

    pair = page.locator(".kb-chart-pair").first
    chart = pair.locator("figure.kb-chart img")
    expect(chart).to_be_visible()
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0"), "the chart did not load"
    assert (chart.get_attribute("src") or "").endswith(".svg")
    # The text alternative belongs to the chart; the caption is its title, said once.
    description = chart.get_attribute("alt")
    assert description and len(description) > 40, "the chart needs a text description"
    caption = pair.locator("figcaption")
    expect(caption).to_be_visible()
    assert caption.inner_text() not in description

    table = pair.locator("table.kb-stats-table")
    expect(table).to_be_visible()
    expect(table.locator("caption")).not_to_be_empty()
    # The eligible-people table's grand total is the data file's, as a reader would see it.
    total = f"{stats.data['eligible']['total']['total']:,}"
    total_row = table.locator("tr", has=page.locator("th", has_text="Total")).last
    expect(total_row).to_contain_text(total)
    assert f"{stats.data['eligible']['level1']['total']:,}" in description

    # The table comes after the chart, and the chart spans the text column.
    chart_box, table_box = chart.bounding_box(), table.bounding_box()
    column = page.locator("article").bounding_box()
    assert chart_box and table_box and column
    assert table_box["y"] >= chart_box["y"] + chart_box["height"]
    assert chart_box["width"] >= 0.9 * min(column["width"] - 40, 920)


def test_every_chart_label_is_at_least_12px_at_1280(
    built: BuiltSite, app: Server, open_page: OpenPage
) -> None:
    page = open_page()
    for url in ("/statistics/", first_statistics(built).url):
        page.goto(app.url + url)
        charts = page.locator("figure.kb-chart img")
        assert charts.count() >= 2
        for chart in charts.all():
            smallest = chart.evaluate(LABEL_PX)
            assert smallest >= 12, (url, chart.get_attribute("src"), smallest)


def test_on_a_phone_the_table_keeps_full_size_text(
    built: BuiltSite, app: Server, open_page: OpenPage
) -> None:
    page = open_page(app.url + first_statistics(built).url, viewport=(390, 844))
    cell = page.locator("table.kb-stats-table td").first
    size = float(re.sub("px$", "", cell.evaluate("td => getComputedStyle(td).fontSize")))
    assert size >= 16
    # The chart scales to the screen; the page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
