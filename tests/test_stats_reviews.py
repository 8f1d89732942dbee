"""Review dates for imported statistics: recorded apart from the figures, shown on pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import REPO
from mappa_kb.content import ContentError
from mappa_kb.content.glossary import read_registries
from mappa_kb.content.statistics.loading import load_statistics_dir
from mappa_kb.paths import ProjectPaths

STATS = REPO / "data" / "statistics"


def copy_stats(tmp_path: Path) -> Path:
    target = tmp_path / "statistics"
    shutil.copytree(STATS, target)
    return target


def test_every_committed_statistics_file_has_a_review() -> None:
    paths = ProjectPaths.at(REPO)
    sources, _, _ = read_registries(paths.sources_file, paths.topics_file, REPO)
    stats = load_statistics_dir(STATS, REPO, sources)
    assert set(stats.files) == set(stats.reviewed), "record a review in reviewed.yaml"


def test_review_of_missing_figures_is_reported_with_line(tmp_path: Path) -> None:
    folder = copy_stats(tmp_path)
    reviews = folder / "reviewed.yaml"
    reviews.write_text(
        reviews.read_text(encoding="utf-8")
        + '  - {area: atlantis, year: "2022-23", reviewed: 2026-01-01}\n',
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_statistics_dir(folder, tmp_path)
    assert "statistics/reviewed.yaml:6: [reviews.2] no statistics file atlantis/2022-23.yaml" in (
        caught.value.report()
    )


def test_bad_review_date_is_reported(tmp_path: Path) -> None:
    folder = copy_stats(tmp_path)
    reviews = folder / "reviewed.yaml"
    text = reviews.read_text(encoding="utf-8").replace(
        "reviewed: 2026-11-21}", "reviewed: soon}", 1
    )
    reviews.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError, match=r"reviewed.yaml:4: \[reviews.0.reviewed\]"):
        load_statistics_dir(folder, tmp_path)


def test_statistics_page_shows_the_review_date(tmp_path: Path) -> None:
    from mappa_kb.build import build_all
    from mappa_kb.paths import ProjectPaths

    root = tmp_path / "project"
    root.mkdir()
    for name in ("mkdocs.yml", "docs", "scripts", "glossary", "data", "overrides"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, root / name)
        elif src.exists():
            shutil.copy(src, root / name)
    reviews = root / "data" / "statistics" / "reviewed.yaml"
    reviews.write_text(
        reviews.read_text(encoding="utf-8").replace(
            'london, year: "2022-23", reviewed: 2026-11-21',
            'london, year: "2022-23", reviewed: 2026-03-09',
        ),
        encoding="utf-8",
    )
    project = ProjectPaths.at(root)
    build_all(project, browser_engine=False)
    year_page = (project.site_dir / "statistics/london/2022-23/index.html").read_text("utf-8")
    assert "Last reviewed: 9 March 2026" in year_page
    # the overview shows the oldest review among the figures it compares
    overview = (project.site_dir / "statistics/index.html").read_text("utf-8")
    assert "Last reviewed: 9 March 2026" in overview
    cambs = project.site_dir / "statistics/cambridgeshire-and-peterborough/2022-23/index.html"
    assert "Last reviewed: 21 November 2026" in cambs.read_text("utf-8")
