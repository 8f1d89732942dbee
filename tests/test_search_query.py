"""Understanding questions: names both ways, short forms, spelling, figures, hostile input."""

from __future__ import annotations

from pathlib import Path

import pytest
from search_support import RESULT_KEYS, build_fixture_index

from mappa_kb.search.answer import ANSWER_CHARS, Answerer
from mappa_kb.search.index.analysis import analyze


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return Answerer(build_fixture_index(tmp_path_factory.mktemp("q") / "search_index"))


def top(answerer: Answerer, question: str) -> str:
    answers = answerer.ask(question, 3).answers
    assert answers, f"no answer for {question!r}"
    return f"{answers[0].title} | {answers[0].text} | {answers[0].url}"


def searched_words(answerer: Answerer, question: str) -> set[tuple[str, ...]]:
    return {term.words for term in answerer.understand(question).terms}


def test_abbreviation_expands_to_the_full_name(answerer: Answerer) -> None:
    assert tuple(analyze("Sexual Risk Order")) in searched_words(answerer, "what is an SRO")


def test_full_name_expands_to_the_abbreviation(answerer: Answerer) -> None:
    assert ("sro",) in searched_words(answerer, "what is a sexual risk order")


def test_alias_finds_the_entry_it_names(answerer: Answerer) -> None:
    question = answerer.understand("how does the sex offenders register work")
    assert question.entries == ["notification-requirements"]
    assert "Notification requirements" in top(answerer, "what is the sex offenders register")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("SRO", "Sexual Risk Order"),
        ("sro?", "Sexual Risk Order"),
        ("OPD", "Offender Personality Disorder"),
        ("PDU", "Probation Delivery Unit"),
        ("L2", "Level 2"),
        ("shpo", "Sexual Harm Prevention Order"),
    ],
)
def test_short_forms_alone_find_their_entry(
    answerer: Answerer, question: str, expected: str
) -> None:
    assert top(answerer, question).startswith(expected)


def test_question_words_do_not_hide_the_answer(answerer: Answerer) -> None:
    assert "Who may apply" in top(answerer, "Who can apply for an SRO?")
    assert "no maximum" in top(answerer, "Can an SRO last for ever? Is there a maximum?")


@pytest.mark.parametrize(
    ("question", "corrected", "expected"),
    [
        ("what is the registar", "what is the register", "Notification requirements"),
        ("sexual harm prevension order", "sexual harm prevention order", "Sexual Harm"),
    ],
)
def test_spelling_is_corrected_and_reported(
    answerer: Answerer, question: str, corrected: str, expected: str
) -> None:
    result = answerer.ask(question, 3)
    assert result.corrected == corrected
    assert result.answers[0].title.startswith(expected)


def test_correct_words_are_not_corrected(answerer: Answerer) -> None:
    for question in ("How many people are on the register?", "What does SRO mean?"):
        assert answerer.ask(question, 1).corrected is None


def test_figures_for_the_day_and_area_asked(answerer: Answerer) -> None:
    london = top(answerer, "How many people in London were managed at level 2 on 31 March 2023?")
    assert london.endswith("#eligible") and ": 120." in london
    cambs = top(answerer, "how many people were at level 2 in Cambridgeshire?")
    assert ": 41." in cambs


def test_period_and_year_spellings_agree(answerer: Answerer) -> None:
    assert ": 697." in top(answerer, "how many were at level 2 during 2022/23 in London")
    assert ": 697." in top(answerer, "London level 2 yearly total 2022-23")


def test_thousands_separators_are_understood(answerer: Answerer) -> None:
    assert ": 89." in top(answerer, "What is the London rate per 100,000 people?")
    assert ": 89." in top(answerer, "London rate per 100000")


def test_questions_without_figures_prefer_explanations(answerer: Answerer) -> None:
    assert answerer.ask("What is Level 2?", 1).answers[0].kind == "glossary"


HOSTILE = [
    "",
    "   ",
    "?",
    "*",
    "sro*",
    "SRO?",
    '"unclosed quote',
    '"SRO"',
    "(SRO",
    "SRO)",
    "[SRO]{}<>",
    "NOT NOT x",
    "NOT",
    "AND OR NOT",
    "sro AND OR NOT shpo",
    "title:SRO",
    "text:*",
    "sro~2^3",
    "-sro +shpo",
    "\\\\",
    "\x00",
    "SRO\x00order",
    "\u200b\u200e\ufeff",
    "Ordonnance de risque sexuel (ORS) ? écrit en français",
    "性犯罪 リスク 命令",
    "💥🔥 SRO 💥",
    "<script>alert(1)</script>",
    "'; DROP TABLE passages; --",
    "sro " * 400,
    "x" * 10_000,
    "a b " * 5_000,
    "😀" * 3_000,
]


@pytest.mark.parametrize("question", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_input_never_breaks_a_query(answerer: Answerer, question: str) -> None:
    result = answerer.ask(question, 5).to_dict()
    assert set(result) == RESULT_KEYS
    assert "\x00" not in result["query"]
    for answer in result["answers"]:
        assert len(answer["text"]) <= ANSWER_CHARS


def test_unicode_words_are_searchable(tmp_path: Path) -> None:
    from mappa_kb.search.passage import Passage

    passage = Passage("Café rules", "Naïve façade of the café.", "page/", "here", "page")
    answerer = Answerer(build_fixture_index(tmp_path / "ix", [passage]))
    assert answerer.ask("cafe rules café", 1).answers[0].title == "Café rules"


def test_long_passages_are_cut_around_the_answer(tmp_path: Path) -> None:
    from mappa_kb.search.passage import Passage

    filler = " ".join(f"Sentence number {n} says nothing in particular." for n in range(40))
    text = f"{filler} The magistrates decide on the orange form. {filler}"
    passage = Passage("Long page", text, "long/", "here", "page")
    answerer = Answerer(build_fixture_index(tmp_path / "ix", [passage]))
    answer = answerer.ask("who decides on the orange form", 1).answers[0]
    assert "orange form" in answer.text
    assert len(answer.text) <= ANSWER_CHARS
    # Whole sentences: what is shown starts and ends where a sentence does.
    assert answer.text.startswith("The magistrates decide") and answer.text.endswith(".")


def test_a_section_asked_about_by_its_heading_opens_with_its_answer(tmp_path: Path) -> None:
    """A page section answers its heading in its first sentence; a question about the
    heading gets that sentence first, even when later ones share more of its words."""
    from mappa_kb.search.passage import Passage

    filler = " ".join(f"Sentence number {n} says nothing in particular." for n in range(40))
    text = f"Yes, if you join the scheme. {filler} You are told when he is released from prison."
    passage = Passage("Victims: Will I be told when he gets out?", text, "v/", "here", "page")
    answerer = Answerer(build_fixture_index(tmp_path / "ix", [passage]))
    answer = answerer.ask("will i be told when he gets out of prison", 1).answers[0]
    assert answer.text.startswith("Yes, if you join the scheme.")
    assert "released from prison" in answer.text
