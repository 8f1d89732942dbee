"""Statistics data files: every bad value is reported with file, line, table, row and
column, all problems together, and `mappa-kb check` lists them with glossary problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from stats_support import REPO, make_project

from mappa_kb.cli import main
from mappa_kb.content import ContentError
from mappa_kb.content.project import load_statistics
from mappa_kb.content.statistics.loading import load_statistics_dir

LONDON = (REPO / "data/statistics/london/2022-23.yaml").read_text(encoding="utf-8")
SHOWN = "data/statistics/london/2022-23.yaml"


def problems_for(tmp_path: Path, text: str, name: str = "london/2022-23.yaml") -> list[str]:
    project = make_project(tmp_path / "project")
    target = project.statistics_dir / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_statistics(project)
    return [str(p) for p in caught.value.problems]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_committed_data_loads() -> None:
    from mappa_kb.paths import ProjectPaths

    statistics = load_statistics(ProjectPaths.at(REPO))
    assert statistics.area_ids() == ["cambridgeshire-and-peterborough", "london"]
    assert statistics.get("london", "2022-23").eligible.total.total == 10621


def test_row_total_mismatch_names_file_line_table_row_column(tmp_path: Path) -> None:
    bad = LONDON.replace(
        "level2: {cat1: 31, cat2: 49, cat3: 40, total: 120}",
        "level2: {cat1: 31, cat2: 49, cat3: 40, total: 121}",
    )
    problems = problems_for(tmp_path, bad)
    line = line_of(bad, "level2: {cat1: 31")
    assert (
        f"{SHOWN}:{line}: [eligible.level2.total] table 'eligible', row 'level2', column "
        "'total': stated 121, computed 120 (sum of the categories: 31 + 49 + 40)"
    ) in problems
    # The column total no longer adds up either, and that is reported too.
    assert any("[eligible.total.total]" in p and "computed 10622" in p for p in problems)


def test_column_total_mismatch(tmp_path: Path) -> None:
    bad = LONDON.replace("total: {cat1: 15, cat2: 16,", "total: {cat1: 14, cat2: 16,")
    problems = problems_for(tmp_path, bad)
    assert any(
        "[returned_to_custody.total.cat1] table 'returned_to_custody', row 'total', column "
        "'cat1': stated 14, computed 15 (sum of the levels: 9 + 6)" in p
        for p in problems
    )


def test_level_totals_mismatch(tmp_path: Path) -> None:
    bad = LONDON.replace("shpo_breach:\n  level2: 0", "shpo_breach:\n  level2: 3")
    problems = problems_for(tmp_path, bad)
    line = line_of(bad, "shpo_breach:") + 3
    where = f"{SHOWN}:{line}: [shpo_breach.total]"
    message = "table 'shpo_breach', row 'total': stated 0, computed 3"
    assert f"{where} {message} (Level 2 + Level 3: 3 + 0)" in problems, problems


def test_zero_where_not_applicable_is_rejected(tmp_path: Path) -> None:
    bad = LONDON.replace("cat3: null, total: 10479", "cat3: 0, total: 10479")
    problems = problems_for(tmp_path, bad)
    assert any("[eligible.level1.cat3]" in p and "must be null" in p for p in problems)


def test_null_where_a_number_belongs_is_rejected(tmp_path: Path) -> None:
    bad = LONDON.replace("cat3: 40, total: 120", "cat3: null, total: 120")
    problems = problems_for(tmp_path, bad)
    assert any("[eligible.level2.cat3]" in p and "must be a number" in p for p in problems)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("shpo: 548", "shpo: -5", "[shpo] Input should be greater than or equal to 0"),
        ("shpo: 548", "shpo: lots", "[shpo] Input should be a valid integer"),
        ("notification_orders: 7\n", "", "[notification_orders] required field is missing"),
        ("shpo: 548", "shpo: 548\ncolour: blue", "[colour] unknown field"),
        ("  level3: {cat1: 3, cat2: 8,", "  level3: {cat1: 3, cats: 8,", "[eligible.level3.cats]"),
        ('year: "2022-23"', 'year: "2022-24"', "[year] Value error, year '2022-24' must be two"),
        ("source: london-2022-23", "source: daily-news", "[source] unknown source 'daily-news'"),
        ("area: london", "area: paris", "[area] area 'paris' must match the folder name"),
        ("  start: 2022-04-01", "  start: 2022-01-01", "[period.start] must be 2022-04-01"),
        ("snapshot_date: 2023-03-31", "snapshot_date: 2023-04-30", "[snapshot_date] must be"),
    ],
)
def test_schema_problems_point_at_the_line(
    tmp_path: Path, old: str, new: str, expected: str
) -> None:
    assert old in LONDON
    bad = LONDON.replace(old, new)
    problems = problems_for(tmp_path, bad)
    assert any(expected in p for p in problems), problems
    assert all(p.startswith(f"{SHOWN}:") for p in problems)


def test_file_named_for_another_year(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, LONDON, "london/2021-22.yaml")
    assert any("[year] year '2022-23' must match the file name '2021-22'" in p for p in problems)


def test_misplaced_files_are_reported(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, LONDON, "london.yaml")
    assert any("london.yaml" in p and "go in <area>/<year>.yaml" in p for p in problems)


def test_invalid_yaml_is_reported(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, LONDON.replace("shpo: 548", "shpo: [548"))
    assert any("invalid YAML" in p for p in problems)


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    bad = LONDON.replace("shpo: 548", "shpo: -1").replace("total: 120}", "total: 119}")
    problems = problems_for(tmp_path, bad)
    assert any("[shpo]" in p for p in problems)
    # A schema error stops the totals check for that file: sums of bad data mislead.
    assert not any("computed" in p for p in problems)
    project = tmp_path / "project"
    (project / "data/statistics/london/2022-23.yaml").write_text(
        LONDON.replace("total: 120}", "total: 119}"), encoding="utf-8"
    )
    (project / "data/statistics/cambridgeshire-and-peterborough/2022-23.yaml").write_text(
        (REPO / "data/statistics/cambridgeshire-and-peterborough/2022-23.yaml")
        .read_text(encoding="utf-8")
        .replace("shpo: 62", "shpo: -62"),
        encoding="utf-8",
    )
    with pytest.raises(ContentError) as caught:
        load_statistics_dir(project / "data/statistics", project)
    files = {p.file for p in caught.value.problems}
    assert files == {
        "data/statistics/london/2022-23.yaml",
        "data/statistics/cambridgeshire-and-peterborough/2022-23.yaml",
    }


def test_check_reports_statistics_with_glossary_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path / "project")
    (project.glossary_dir / "level-2.yaml").write_text("id: level-2\n", encoding="utf-8")
    (project.statistics_dir / "london/2022-23.yaml").write_text(
        LONDON.replace("shpo: 548", "shpo: -1"), encoding="utf-8"
    )
    code = main(["check", "--root", str(project.root)])
    err = capsys.readouterr().err
    assert code == 1
    assert "glossary/level-2.yaml:1: [term] required field is missing" in err
    assert "data/statistics/london/2022-23.yaml" in err and "[shpo]" in err


def test_stats_check_and_show(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "check", "--root", str(REPO)]) == 0
    assert "2 statistics files for 2 areas" in capsys.readouterr().out
    assert main(["stats", "show", "london", "2022-23", "--root", str(REPO)]) == 0
    out = capsys.readouterr().out
    assert "London MAPPA Annual Report 2022-23, MAPPA Statistics" in out
    assert "managed at Level 2, on 31 March 2023: 120." in out
    assert main(["stats", "show", "paris", "2022-23", "--root", str(REPO)]) == 1
    assert "no statistics for area 'paris'" in capsys.readouterr().err


def test_duplicate_keys_are_reported(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, LONDON.replace("shpo: 548", "shpo: 548\nshpo: 549"))
    line = line_of(LONDON, "shpo: 548") + 1
    assert f"{SHOWN}:{line}: [shpo] key appears twice in this mapping" in problems


def test_area_names_must_agree_across_years(tmp_path: Path) -> None:
    other = LONDON.replace('year: "2022-23"', 'year: "2021-22"').replace(
        'area_name: "London"', 'area_name: "Greater London"'
    )
    for old, new in (
        ("2022-04-01", "2021-04-01"),
        ("2023-03-31", "2022-03-31"),
        ("source: london-2022-23", "source: london-2022-23"),
    ):
        other = other.replace(old, new)
    problems = problems_for(tmp_path, other, "london/2021-22.yaml")
    line = line_of(other, "area_name:")
    assert any(
        p.startswith(f"{SHOWN}:{line}: [area_name] area_name 'London' differs from")
        or p.startswith(f"data/statistics/london/2021-22.yaml:{line}: [area_name]")
        for p in problems
    ), problems
