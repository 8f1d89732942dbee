"""Other names of areas (data/areas.yaml): 'cambs' finds Cambridgeshire's figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from search_support import build_fixture_index

from mappa_kb.content.areas import read_area_names
from mappa_kb.search.answer import Answerer
from mappa_kb.search.understand.intents import Intent


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return Answerer(build_fixture_index(tmp_path_factory.mktemp("areas") / "search_index"))


def top_text(answerer: Answerer, question: str) -> str:
    return answerer.ask(question, 3).answers[0].text


@pytest.mark.parametrize("question", ["how many at level 2 in cambs", "CAMBS level 2 figures"])
def test_a_short_name_finds_that_areas_figures(answerer: Answerer, question: str) -> None:
    assert answerer.understand(question).areas == ["Cambridgeshire and Peterborough"]
    assert top_text(answerer, question).startswith("Cambridgeshire and Peterborough:")


def test_a_phrase_names_an_area_only_as_a_whole(answerer: Answerer) -> None:
    assert answerer.understand("how many people at level 2 in the capital").areas == ["London"]
    assert answerer.understand("what is a capital offence").areas == []


def test_other_names_are_not_spelling_mistakes(answerer: Answerer) -> None:
    assert answerer.ask("cambs level 2", 1).corrected is None


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "areas.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_file_gives_each_name_its_area(tmp_path: Path) -> None:
    path = _write(tmp_path, "london: [The Capital]\ncambs-and-p: [cambs, C&P]\n")
    names, problems = read_area_names(path, "areas.yaml", tmp_path, {"london", "cambs-and-p"})
    assert not problems
    assert names == {"the capital": "london", "cambs": "cambs-and-p", "c&p": "cambs-and-p"}


def test_missing_file_means_no_other_names(tmp_path: Path) -> None:
    assert read_area_names(tmp_path / "none.yaml", "none.yaml", tmp_path, {"london"}) == ({}, [])


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("london: [x]\nkent: [garden of england]\n", 2, "no statistics folder for 'kent'"),
        ("london: [met]\nwales: [Met]\n", 2, "'Met' is already a name of 'london'"),
        ("london: []\n", 1, "needs a list of non-empty names"),
        ("London Town: [x]\n", 1, "not an area id"),
        ("london: [x\n", 2, ""),
    ],
)
def test_problems_name_file_and_line(tmp_path: Path, text: str, line: int, message: str) -> None:
    path = _write(tmp_path, text)
    _, problems = read_area_names(path, "areas.yaml", tmp_path, {"london", "wales"})
    problem = problems[0]
    assert (problem.file, problem.line) == ("areas.yaml", line)
    assert message in problem.message


def test_a_rate_per_100k_in_an_area_named_another_way(answerer: Answerer) -> None:
    question = answerer.understand("sex offenders per 100k people in the capital")
    assert {Intent.COUNT, Intent.SHARE} <= question.intents
    assert ": 89." in top_text(answerer, "sex offenders per 100k people in the capital")
