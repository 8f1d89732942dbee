"""Answers worked out from the figures, with their working, and plain words about what
the site does not hold. Every number is checked against the statistics data."""

from __future__ import annotations

import pytest

from mappa_kb.content.project import load_statistics
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import Answerer, Result
from mappa_kb.stats.lookup import value_at


@pytest.fixture(scope="module")
def answerer(real_site: ProjectPaths) -> Answerer:
    return Answerer(real_site.index_dir)


def cell(real_site: ProjectPaths, area: str, key: str) -> int:
    value = value_at(load_statistics(real_site).get(area, "2022-23"), key)
    assert value is not None
    return value


def first(result: Result) -> tuple[str, str, str | None]:
    answer = result.answers[0]
    return answer.title, answer.text, answer.working


def test_parts_of_a_table_are_added_up_with_the_working_shown(
    answerer: Answerer, real_site: ProjectPaths
) -> None:
    level2 = cell(real_site, "london", "eligible.level2.total")
    level3 = cell(real_site, "london", "eligible.level3.total")
    result = answerer.ask("how many people in London were at level 2 and 3 on 31 March 2023", 3)
    _, text, working = first(result)
    assert result.shape == "sum"
    assert f"{level2 + level3:,}" in text
    assert working == f"Level 2: {level2:,} + Level 3: {level3:,} = {level2 + level3:,}"


def test_all_of_a_tables_rows_are_answered_with_its_own_total(
    answerer: Answerer, real_site: ProjectPaths
) -> None:
    total = cell(real_site, "london", "returned_to_custody.total.cat3")
    result = answerer.ask(
        "How many Category 3 offenders at Levels 2 and 3 in London went back to custody?", 3
    )
    _, text, working = first(result)
    assert text.endswith(f": {total:,}.") and working is not None and working.endswith(f"{total}")


def test_areas_are_compared_side_by_side_with_the_difference(answerer: Answerer) -> None:
    result = answerer.ask("which area had more SHPOs made, London or Cambridgeshire?", 3)
    _, text, working = first(result)
    assert result.shape == "comparison"
    assert "London" in text and "Cambridgeshire and Peterborough" in text
    assert "higher, by" in text and working is not None and " - " in working


@pytest.mark.parametrize(
    ("question", "held_nothing_for"),
    [
        ("How many MAPPA-eligible offenders were there in London in 2021-22?", "2021-22"),
        ("how many registered sex offenders live in Kent", "Kent"),
        ("how many people are managed under MAPPA in England and Wales", "national totals"),
        ("how does public protection work in Scotland", "Scotland"),
    ],
)
def test_what_the_site_does_not_hold_is_said_plainly(
    answerer: Answerer, question: str, held_nothing_for: str
) -> None:
    result = answerer.ask(question, 3)
    assert result.not_covered and result.shape == "not-covered"
    assert result.scope is not None and held_nothing_for in result.scope


def test_a_question_about_held_figures_is_not_refused(answerer: Answerer) -> None:
    result = answerer.ask("how many SHPOs were made in London in 2022-23", 3)
    assert not result.not_covered and result.scope is None
    assert result.answers[0].kind == "statistic"


def test_convictions_abroad_are_not_out_of_scope(answerer: Answerer) -> None:
    result = answerer.ask(
        "can someone convicted of a sex offence in America be put on the register here", 3
    )
    assert not result.not_covered


def test_the_date_of_a_population_estimate_is_not_a_year_asked_about(
    answerer: Answerer,
) -> None:
    """'Mid-2021' dates the population count the rate uses; the question is about 2022-23."""
    result = answerer.ask("the rate per 100,000 uses mid-2021 population, why not mid-2022?", 3)
    assert not result.not_covered and result.scope is None
