"""Plain-language questions: everyday phrasing, comparisons, lists, counts, criteria."""

from __future__ import annotations

from pathlib import Path

import pytest
from search_support import ENTRIES, REPORT, build_fixture_index

from mappa_kb.search.answer import Answerer
from mappa_kb.search.passages import Passage

FILLER = " ".join(f"Point {n} is about something else entirely." for n in range(14))


def glossary(entry_id: str, title: str, text: str) -> Passage:
    names = " ; ".join(next(e.names for e in ENTRIES if e.id == entry_id))
    return Passage(title, text, f"glossary/{entry_id}/", REPORT, "glossary", names)


def fact(entry_id: str, title: str, text: str) -> Passage:
    names = " ; ".join(next(e.names for e in ENTRIES if e.id == entry_id))
    return Passage(f"{title}: key facts", text, f"glossary/{entry_id}/#key-facts", REPORT,
                   "fact", names)  # fmt: skip


def answerer_for(tmp_path: Path, passages: list[Passage]) -> Answerer:
    return Answerer(build_fixture_index(tmp_path / "search_index", passages))


def test_a_comparison_shows_the_sentences_about_both(tmp_path: Path) -> None:
    text = (
        "Level 1 is the lowest level. The lead agency manages the person alone. "
        f"{FILLER} Unlike Level 2, it needs no formal meetings. {FILLER}"
    )
    answerer = answerer_for(tmp_path, [glossary("level-1", "Level 1", text)])
    for question in ("difference between level 1 and level 2", "level 1 vs level 2"):
        shown = answerer.ask(question).answers[0].text
        assert "Unlike Level 2, it needs no formal meetings." in shown
    # A name alone still reads from the top.
    assert answerer.ask("level 1").answers[0].text.startswith("Level 1 is the lowest level.")


@pytest.mark.parametrize(
    "question",
    ["L3 case criteria", "what makes a level 3 case", "when does a case qualify for level 3"],
)
def test_criteria_questions_prefer_the_entrys_own_explanation(
    tmp_path: Path, question: str
) -> None:
    answerer = answerer_for(
        tmp_path,
        [
            glossary(
                "level-3", "Level 3", "The top level, for cases whose plan needs senior staff."
            ),
            fact("level-3", "Level 3", "Therapists write a formulation for every Level 3 case."),
        ],
    )
    assert answerer.ask(question).answers[0].kind == "glossary"


def page(title: str, text: str) -> Passage:
    return Passage(title, text, f"guide/{title.lower().replace(' ', '-')}/", "guide", "page")


@pytest.mark.parametrize(
    "question",
    [
        "list of the agencies that must co-operate",
        "which agencies must co-operate",
        "name the agencies that must co-operate",
    ],
)
def test_list_questions_prefer_a_passage_that_names_several(tmp_path: Path, question: str) -> None:
    answerer = answerer_for(
        tmp_path,
        [
            page("Law", "Section 325 lists the agencies that must co-operate with MAPPA."),
            page("Partners", "Agencies that must co-operate: social services, health, housing "
                 "and youth offending teams."),
        ],
    )  # fmt: skip
    assert answerer.ask(question).answers[0].title == "Partners"


@pytest.mark.parametrize("question", ["who sits on the board", "who are the board members"])
def test_membership_questions_prefer_the_full_membership(tmp_path: Path, question: str) -> None:
    answerer = answerer_for(
        tmp_path,
        [
            page("Advisers", "Two lay advisers sit on the board."),
            page("Board", "The board is made up of senior staff from the police, probation, "
                 "prisons and other agencies, and two lay advisers."),
        ],
    )  # fmt: skip
    assert answerer.ask(question).answers[0].title == "Board"


PDU = "probation-delivery-unit"
PDU_TITLE = "Probation Delivery Unit (PDU)"


def test_how_many_prefers_a_passage_counting_the_thing_asked(tmp_path: Path) -> None:
    answerer = answerer_for(
        tmp_path,
        [
            fact(
                PDU, PDU_TITLE, "Each London PDU should have a therapist and a probation officer."
            ),
            fact(PDU, PDU_TITLE, "London has eighteen Probation Delivery Units."),
            fact(PDU, PDU_TITLE, "Section 12 says a PDU is led by a head of PDU in London."),
        ],
    )
    for question in ("How many PDUs are there in London?", "number of london pdus"):
        assert "eighteen" in answerer.ask(question).answers[0].text


def test_how_many_shows_the_sentence_with_the_number(tmp_path: Path) -> None:
    others = " ".join(f"PDU {chr(65 + n)} in London covers its own boroughs." for n in range(16))
    text = f"A PDU is a local probation team. {others} London has 18 PDUs. {FILLER}"
    answerer = answerer_for(tmp_path, [glossary(PDU, PDU_TITLE, text)])
    assert "London has 18 PDUs." in answerer.ask("how many PDUs does London have").answers[0].text
