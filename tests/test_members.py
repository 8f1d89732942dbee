"""Which levels and categories a question or a figure names, and answers that keep to them."""

from __future__ import annotations

import pytest

from mappa_kb.content.project import load_statistics
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import Answerer
from mappa_kb.search.understand.members import ALL, asks_to_add_up, members_named
from mappa_kb.stats.lookup import value_at


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("C&P level 2 recall rate", {"level": {"2"}}),
        ("how many L3 cases in london", {"level": {"3"}}),
        ("levels 2 and 3", {"level": {"2", "3"}}),
        ("Level 2 or Level 3", {"level": {"2", "3"}}),
        ("cat 1 & 2 combined", {"category": {"1", "2"}}),
        ("categories 1 to 3", {"category": {"1", "2", "3"}}),
        ("levels 1, 2 and 3", {"level": {ALL}}),
        ("all categories at all levels (Levels 1, 2 and 3)", {"level": {ALL}, "category": {ALL}}),
        # A date after a list is not a member: "Level 2 or 3 during the year, 1 April".
        ("managed at Level 2 or 3 during the year, 1 April 2022", {"level": {"2", "3"}}),
        ("Level 3, on 31 March 2023", {"level": {"3"}}),
        ("what is mappa", {}),
        ("section 325 and 3 more", {}),
    ],
)
def test_members_named(text: str, named: dict[str, set[str]]) -> None:
    assert members_named(text) == {head: frozenset(m) for head, m in named.items()}


def test_adding_up_is_asked_in_plain_words() -> None:
    assert asks_to_add_up("level 2 and 3 together")
    assert asks_to_add_up("category 1 and 2 combined")
    assert not asks_to_add_up("level 2 and 3 recall rate")


@pytest.fixture(scope="module")
def answerer(real_site: ProjectPaths) -> Answerer:
    return Answerer(real_site.index_dir)


def rate(real_site: ProjectPaths, level: str) -> str:
    figures = load_statistics(real_site).get("london", "2022-23")
    returned = value_at(figures, f"returned_to_custody.{level}.total")
    managed = value_at(figures, f"levels_2_3_yearly.{level}.total")
    assert returned is not None and managed
    return f"{100 * returned / managed:.1f}%"


@pytest.mark.parametrize(
    ("question", "level"),
    [
        ("What was the Level 3 recall rate in London?", "level3"),
        ("london level 2 recall rate", "level2"),
        ("London recall rate for level 2 and 3", "total"),
    ],
)
def test_a_rate_for_the_levels_asked_not_its_neighbour(
    answerer: Answerer, real_site: ProjectPaths, question: str, level: str
) -> None:
    """'Level 3 recall rate' and 'Level 2 and 3 recall rate' share every word but one."""
    assert rate(real_site, level) in answerer.ask(question, 1).answers[0].text
