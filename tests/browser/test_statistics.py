"""A statistics page shows its chart, with the data table beside it holding the same figures."""

from __future__ import annotations

from playwright.sync_api import expect
from servers import Server

from .conftest import BuiltSite, OpenPage
from .site_pages import first_statistics


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
    description = chart.get_attribute("alt")
    assert description and len(description) > 40, "the chart needs a text description"
    expect(pair.locator("figcaption")).to_be_visible()

    table = pair.locator("table.kb-stats-table")
    expect(table).to_be_visible()
    expect(table.locator("caption")).not_to_be_empty()
    # The eligible-people table's grand total is the data file's, as a reader would see it.
    total = f"{stats.data['eligible']['total']['total']:,}"
    total_row = table.locator("tr", has=page.locator("th", has_text="Total")).last
    expect(total_row).to_contain_text(total)
    assert f"{stats.data['eligible']['level1']['total']:,}" in description

    # On a wide screen the table stands beside the chart, not below it.
    chart_box, table_box = chart.bounding_box(), table.bounding_box()
    assert chart_box and table_box
    assert table_box["x"] >= chart_box["x"] + chart_box["width"] - 1
    assert abs(table_box["y"] - chart_box["y"]) < chart_box["height"]
