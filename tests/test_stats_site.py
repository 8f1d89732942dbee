"""Statistics in the built site: generated pages and charts show the data's figures,
macros embed figures in hand-written pages, and a wrong key stops the build."""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
import yaml
from stats_support import make_project

from mappa_kb.build import BuildFailed, build_site
from mappa_kb.content.project import load_statistics
from mappa_kb.paths import ProjectPaths
from mappa_kb.render import charts
from mappa_kb.render.charts import draw
from mappa_kb.render.statistics_pages import _eligible_chart
from mappa_kb.search.passages.statistics import statistic_passages

MACRO_PAGE = """\
# Figures

Level 2 in London: {{ stat("london", "2022-23", "eligible.level2.total") }} people.

{% set cambs = "cambridgeshire-and-peterborough" %}
Category 1 in Cambridgeshire: {{ stat(cambs, "2022-23", "eligible.total.cat1") }}.

Level 1, Category 3: {{ stat("london", "2022-23", "eligible.level1.cat3") }}.

Managed at Level 1: {{ stat_derived("london", "2022-23", "share_level1") }}.

{{ stat_table("cambridgeshire-and-peterborough", "2022-23", "returned_to_custody") }}

Source: {{ stat_source("london", "2022-23") }}.
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[ProjectPaths, Path]:
    root = tmp_path_factory.mktemp("site")
    project = make_project(root / "project", docs={"figures.md": MACRO_PAGE})
    return project, build_site(project, root / "out").path


def text_of(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def visible(html: str) -> str:
    """Page text without tags, tooltips or whitespace runs, for asserting on sentences."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_macros_embed_figures(built: tuple[ProjectPaths, Path]) -> None:
    _, site = built
    page = visible(text_of(site, "figures"))
    assert "Level 2 in London: 120 people." in page
    assert "Category 1 in Cambridgeshire: 987." in page
    assert "Level 1, Category 3: not applicable." in page
    assert "Managed at Level 1: 98.7%." in page
    assert "Source: London MAPPA Annual Report 2022-23." in page
    html = text_of(site, "figures")
    table = html[html.index("<table") : html.index("</table>")]
    assert "<caption>Cambridgeshire and Peterborough 2022-23: Level 2 and 3 people" in table
    assert re.search(
        r'<th scope="row">Total</th><td>13</td><td>8</td><td>10</td><td>31</td>', table
    )


def test_year_page_shows_the_data(built: tuple[ProjectPaths, Path]) -> None:
    _, site = built
    html = text_of(site, "statistics/london/2022-23")
    page = visible(html)
    assert "London MAPPA statistics 2022-23" in page
    assert re.search(
        r'<th scope="row">Level 1</th><td>6,867</td><td>3,612</td><td>–<span class="kb-sr-only">'
        r" not applicable</span></td><td>10,479</td>",
        html,
    )
    assert (
        '<th scope="row">Total</th><td>6,901</td><td>3,669</td><td>51</td><td>10,621</td>' in html
    )
    assert "Share managed at Level 1 98.7%" in page
    assert "Level 2 and 3 recall rate 8.5%" in page
    assert "Sexual Harm Prevention Orders made 548" in page
    assert "London MAPPA Annual Report 2022-23" in page


def test_statistics_link_to_glossary_entries_that_exist(built: tuple[ProjectPaths, Path]) -> None:
    _, site = built
    html = text_of(site, "statistics/london/2022-23")
    assert 'href="../../../glossary/level-2/"' in html
    assert 'href="../../../glossary/returned-to-custody/"' in html
    assert "glossary/level-1/" not in html  # not in this tiny glossary: no broken link


def test_charts_are_svg_with_title_description_and_data_below(
    built: tuple[ProjectPaths, Path],
) -> None:
    _, site = built
    html = text_of(site, "statistics/london/2022-23")
    for name in ("2022-23-eligible.svg", "2022-23-recalls.svg"):
        svg = (site / "statistics/london" / name).read_text(encoding="utf-8")
        assert svg.lstrip().startswith("<?xml") and "<svg" in svg
        assert "<title>" in svg and "<desc>" in svg
        assert "<dc:date>" not in svg  # no build date: same data, same bytes
        assert f'src="../{name}"' in html
    figure = html[html.index('<div class="kb-chart-pair">') :]
    figure = figure[: figure.index("</table>")]
    # Each figure once per way of reading it: the caption titles the chart, the
    # description is the chart's text alternative (not repeated as a caption), and the
    # table follows.
    caption = re.search(r"<figcaption>(.*?)</figcaption>", figure)
    assert caption and caption.group(1) == "Category mix at each level, on 31 March 2023"
    alt = re.search(r'<img alt="([^"]+)"', figure)
    assert alt and "Level 1 (10,479 people): Category 1 66%, Category 2 34%" in alt.group(1)
    assert figure.count("10,479 people") == 1
    assert figure.index("</figure>") < figure.index('<table class="kb-stats-table">')


def test_shares_charts_show_how_many_people_each_bar_counts(
    built: tuple[ProjectPaths, Path],
) -> None:
    """A 100% bar alone hides that Level 1 has 10,479 people and Level 3 has 22."""
    _, site = built
    svg = (site / "statistics/london/2022-23-eligible.svg").read_text(encoding="utf-8")
    shown = [" ".join(t.split()) for t in re.findall(r"<text[^>]*>([^<]+)</text>", svg)]
    for label in ("10,479 people", "120 people", "22 people", "6,867", "3,612", "11"):
        assert label in shown, label


def test_chart_text_is_big_enough_at_full_width(built: tuple[ProjectPaths, Path]) -> None:
    """Shown across the text column (about 690px at 1280px wide, 1.5 times the drawing's
    460.8-point width), the smallest text must be at least 12px."""
    _, site = built
    for svg_path in site.glob("statistics/**/*.svg"):
        svg = svg_path.read_text(encoding="utf-8")
        width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))  # type: ignore[union-attr]
        sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)px", svg)]
        assert sizes and min(sizes) * 690 / width >= 12, (svg_path.name, min(sizes))


def test_rates_from_few_people_carry_a_plain_caution(built: tuple[ProjectPaths, Path]) -> None:
    _, site = built
    overview = visible(text_of(site, "statistics"))
    assert re.search(
        r"Small numbers\. The recall rate for Cambridgeshire and Peterborough comes from few "
        r"people: 31 of 110\.",
        overview,
    )
    assert "recall rate for London" not in overview
    london = visible(text_of(site, "statistics/london/2022-23"))
    assert "Level 3 recall rate 24.3%" in london
    assert "Small numbers: from 70 people" in london  # Level 3: 17 returns among 70
    assert "from 767 people" not in london


def test_overview_compares_areas(built: tuple[ProjectPaths, Path]) -> None:
    _, site = built
    html = text_of(site, "statistics")
    page = visible(html)
    assert "Areas compared, 2022-23" in page
    assert re.search(r"London 10,621 89 98\.7% 65\.0% 8\.5%", page)
    assert re.search(r"Cambridgeshire and Peterborough 1,326 124 96\.2% 74\.4% 28\.2%", page)
    assert 'href="london/2022-23/"' in html
    assert (site / "statistics/2022-23-per-100k.svg").is_file()
    assert (site / "statistics/2022-23-recall-rate.svg").is_file()
    area = visible(text_of(site, "statistics/london"))
    assert "2022-23 10,621 89 98.7%" in area


def test_every_passage_url_points_at_an_anchor_in_the_site(
    built: tuple[ProjectPaths, Path],
) -> None:
    project, site = built
    passages = statistic_passages(load_statistics(project))
    assert passages
    for passage in passages:
        path, anchor = passage.url.split("#")
        html = (site / path / "index.html").read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, passage.url


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            'stat("london", "2022-23", "eligible.level9.total")',
            "unknown statistic 'eligible.level9",
        ),
        ('stat("london", "2022-23", "shpos")', "unknown statistic 'shpos'"),
        ('stat("paris", "2022-23", "shpo")', "no statistics for area 'paris'"),
        ('stat("london", "1999-00", "shpo")', "no statistics for area 'london' in year '1999-00'"),
        ('stat_derived("london", "2022-23", "happiness")', "unknown derived figure 'happiness'"),
        ('stat_table("london", "2022-23", "everything")', "unknown statistics table 'everything'"),
    ],
)
def test_unknown_area_year_or_key_fails_the_build(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, call: str, message: str
) -> None:
    project = make_project(tmp_path / "project", docs={"bad.md": f"# Bad\n\n{{{{ {call} }}}}\n"})
    with caplog.at_level(logging.WARNING), pytest.raises(BuildFailed, match="a macro failed"):
        build_site(project, tmp_path / "out")
    assert message in caplog.text
    assert not (tmp_path / "out").exists()


def test_bad_data_fails_the_build_naming_the_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    project = make_project(tmp_path / "project")
    path = project.statistics_dir / "london/2022-23.yaml"
    path.write_text(path.read_text("utf-8").replace("total: 120}", "total: 12}"), "utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises(BuildFailed):
        build_site(project, tmp_path / "out")
    assert "data/statistics/london/2022-23.yaml:14: [eligible.level2.total]" in caplog.text
    assert not (tmp_path / "out").exists()


def test_charts_drawn_by_worker_processes_reach_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(charts, "PARALLEL_FROM", 1)
    project = make_project(tmp_path / "project")
    config = yaml.safe_load(project.config_file.read_text(encoding="utf-8"))
    config["plugins"] = [
        {"mappa-kb": {"chart_workers": 2}} if p == "mappa-kb" else p for p in config["plugins"]
    ]
    project.config_file.write_text(yaml.safe_dump(config), encoding="utf-8")
    site = build_site(project, tmp_path / "out").path
    statistics = load_statistics(project)
    expected = draw(_eligible_chart(statistics.get("london", "2022-23")))
    assert (site / "statistics/london/2022-23-eligible.svg").read_bytes() == expected
    assert (site / "statistics/2022-23-per-100k.svg").read_bytes().startswith(b"<?xml")
