"""Plain-language questions: everyday phrasing, comparisons, lists, counts, criteria."""

from __future__ import annotations

from pathlib import Path

import pytest
from search_support import ENTRIES, PASSAGES, REPORT, build_fixture_index

from mappa_kb.content import load_glossary
from mappa_kb.content.phrasing import PhrasingFile, read_phrasing
from mappa_kb.search.answer import Answerer
from mappa_kb.search.answer.shapes import SHAPES
from mappa_kb.search.passage import Passage
from mappa_kb.search.passages.lexicon import phrasing_tables
from mappa_kb.search.understand.intents import Intent, intents_of
from mappa_kb.search.understand.phrasing import Phrasing

REPO = Path(__file__).resolve().parents[1]

FILLER = " ".join(f"Point {n} is about something else entirely." for n in range(14))


def glossary(entry_id: str, title: str, text: str) -> Passage:
    names = " ; ".join(next(e.names for e in ENTRIES if e.id == entry_id))
    return Passage(title, text, f"glossary/{entry_id}/", REPORT, "glossary", names)


def fact(entry_id: str, title: str, text: str) -> Passage:
    names = " ; ".join(next(e.names for e in ENTRIES if e.id == entry_id))
    return Passage(f"{title}: key facts", text, f"glossary/{entry_id}/#key-facts", REPORT,
                   "fact", names)  # fmt: skip


def answerer_for(tmp_path: Path, passages: list[Passage]) -> Answerer:
    """An index of `passages` among the usual test passages: a realistic spread of words,
    so that a word found in few passages weighs more than a common one."""
    return Answerer(build_fixture_index(tmp_path / "search_index", [*PASSAGES, *passages]))


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


NOTIFY = "notification-requirements"
NOTIFY_TITLE = "Notification requirements"


@pytest.mark.parametrize(
    "question",
    [
        "can you ever come off the sex offenders register if you are on it for life",
        "can someone be taken off the register",
    ],
)
def test_everyday_words_find_what_the_content_calls_it(tmp_path: Path, question: str) -> None:
    answerer = answerer_for(
        tmp_path,
        [
            fact(NOTIFY, NOTIFY_TITLE, "People on the register must come to the police station "
                 "once a year; people on the register for a fixed term come too."),
            fact(NOTIFY, NOTIFY_TITLE, "Indefinite notification can be revoked after a review "
                 "at 15 years."),
        ],
    )  # fmt: skip
    assert "revoked" in answerer.ask(question).answers[0].text


@pytest.mark.parametrize(
    "question",
    [
        "what happens if a sex offender does not tell the police",
        "what if someone on the register doesn't tell the police where they live",
        "what if they fail to tell the police their address",
    ],
)
def test_not_doing_something_finds_what_failing_to_do_it_means(
    tmp_path: Path, question: str
) -> None:
    answerer = answerer_for(
        tmp_path,
        [
            fact(NOTIFY, NOTIFY_TITLE, "A sex offender must tell the police their address and "
                 "any new address."),
            fact(NOTIFY, NOTIFY_TITLE, "A sex offender failing to give the police their details "
                 "commits a criminal offence: the maximum penalty is five years in prison."),
        ],
    )  # fmt: skip
    question_understood = answerer.understand(question)
    assert question_understood.essentials, "what 'not telling' stands for is part of the question"
    top = answerer.ask(question).answers[0].text
    assert "five years" in top


def test_irregular_forms_and_pay_are_understood(tmp_path: Path) -> None:
    answerer = answerer_for(
        tmp_path,
        [
            page("Appointment", "Lay advisers are appointed by the minister for four years."),
            page("Role", "The lay adviser role is voluntary and unpaid."),
        ],
    )
    assert answerer.ask("do lay advisers get paid").answers[0].title == "Role"


def test_words_of_an_idiom_count_for_little(tmp_path: Path) -> None:
    answerer = answerer_for(tmp_path, [page("Board", "The board has members.")])
    weights = {t.words: t.weight for t in answerer.understand("who sits on the board").terms}
    assert weights[("sit",)] < 0.5 <= weights[("member",)]
    assert weights[("board",)] == 1.0


def project_phrasing() -> PhrasingFile:
    found, problems = read_phrasing(REPO / "data" / "phrasing.yaml", "phrasing.yaml", REPO)
    assert not problems, problems
    return found


def test_negations_read_as_not() -> None:
    phrasing = Phrasing(phrasing_tables(project_phrasing()))
    assert phrasing.words("He doesn't tell; she fails to report") == [
        "he", "not", "tell", "she", "not", "report",
    ]  # fmt: skip


def test_the_phrasing_file_names_no_glossary_term() -> None:
    """General English only: names, abbreviations and aliases belong to the glossary."""
    glossary = load_glossary(REPO / "glossary", REPO)
    names = {name.casefold() for entry in glossary.entries.values() for name in entry.names}
    said = {form for group in project_phrasing().groups for form in group.say}
    assert not said & names


@pytest.mark.parametrize(
    ("text", "line", "field"),
    [
        ("groups:\n  - say: [Come Off]\n    means: [revoke]\n", 2, "groups.0.say.0"),
        ("groups:\n  - say: [come off]\n", 2, "groups.0.means"),
        ("groups:\n  - say: [x]\n    means: [y]\n    idoim: true\n", 4, "groups.0.idoim"),
        ("rewrites:\n  not: [doesn't]\n", 2, "rewrites.not.0"),
        ("groups: [\n", 2, ""),
    ],
)
def test_phrasing_file_problems_name_line_and_field(
    tmp_path: Path, text: str, line: int, field: str
) -> None:
    path = tmp_path / "phrasing.yaml"
    path.write_text(text, encoding="utf-8")
    _, problems = read_phrasing(path, "phrasing.yaml", tmp_path)
    problem = problems[0]
    assert (problem.file, problem.line, problem.field) == ("phrasing.yaml", line, field)


SRO = "sexual-risk-order"
SRO_TITLE = "Sexual Risk Order (SRO)"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("when did sexual risk orders start", "came into force on 8 March 2015"),
        ("why do sexual risk orders exist", "so that the police can act"),
        ("how often is a sexual risk order reviewed", "once a year"),
    ],
)
def test_when_why_and_how_often_prefer_passages_of_that_shape(
    tmp_path: Path, question: str, expected: str
) -> None:
    answerer = answerer_for(
        tmp_path,
        [
            fact(SRO, SRO_TITLE, "A Sexual Risk Order can start at once and lasts at least "
                 "two years."),
            fact(SRO, SRO_TITLE, "Sexual Risk Orders came into force on 8 March 2015."),
            fact(SRO, SRO_TITLE, "Sexual Risk Orders are used in England and Wales."),
            fact(SRO, SRO_TITLE, "Sexual Risk Orders were created so that the police can act "
                 "before any offence."),
            fact(SRO, SRO_TITLE, "A Sexual Risk Order is reviewed by the court if the police "
                 "apply."),
            fact(SRO, SRO_TITLE, "The police look again at each Sexual Risk Order once a "
                 "year, and it is reviewed."),
        ],
    )  # fmt: skip
    assert expected in answerer.ask(question).answers[0].text


def test_a_whole_series_shows_a_line_on_every_member(tmp_path: Path) -> None:
    detail = "; ".join(["and the agency that leads, with more detail"] * 4)
    rows = " ".join(f"Level {n}: what level {n} means for a person; {detail}." for n in (1, 2, 3))
    text = f"The levels say how closely a person is managed. {FILLER} {rows}"
    index = build_fixture_index(tmp_path / "search_index", [page("The three levels", text)])
    shown = Answerer(index).ask("what are the MAPPA levels").answers[0].text
    for n in (1, 2, 3):
        assert f"Level {n}: what level {n} means for a person …" in shown


def test_a_word_asked_is_covered_by_the_sites_word_for_it(tmp_path: Path) -> None:
    """'How long' is answered by a 'length'; 'sex offence' by a 'sexual offence'."""
    answerer = answerer_for(tmp_path, [])
    units = answerer.understand("how long is a sex offence caution on record").units
    assert any({("length",), ("long",)} <= unit for unit in units), units
    assert any({("sex", "offenc"), ("sexual", "offenc")} <= unit for unit in units), units
    assert frozenset({("sex",)}) not in units, "the form's words become one unit"


def test_a_passage_using_the_sites_words_covers_the_question(tmp_path: Path) -> None:
    answerer = answerer_for(
        tmp_path,
        [
            page("Cautions", "A caution for a sex offence is recorded by the police. A caution "
                 "is a formal warning. Cautions are common."),
            page("Periods", "The length of the period after a caution for a sexual offence is "
                 "two years."),
        ],
    )  # fmt: skip
    assert answerer.ask("how long does a sex offence caution last").answers[0].title == "Periods"


@pytest.mark.parametrize(
    ("question", "is_figure"),
    [
        ("how do agencies share information", False),
        ("do the police share intelligence with probation", False),
        ("what share of cases are at level 1", True),
        ("the share of category 2 people in london", True),
    ],
)
def test_share_asks_for_a_figure_only_as_a_noun(question: str, is_figure: bool) -> None:
    intents = intents_of(question)
    assert (Intent.SHARE in intents) is is_figure
    assert (Intent.COUNT in intents) is is_figure


@pytest.mark.parametrize(
    ("question", "asks_purpose"),
    [
        ("what is visor used for", True),
        ("whats the point of mappa", True),
        ("what is the strategic management board for", True),
        ("what is a shpo", False),
        ("what happens at a level 3 meeting", False),
    ],
)
def test_a_purpose_is_asked_for_as_a_reason(question: str, asks_purpose: bool) -> None:
    assert (Intent.REASON in intents_of(question)) is asks_purpose


@pytest.mark.parametrize(
    ("text", "says_who"),
    [
        ("Category 2 people are assessed and managed by the Probation Service.", True),
        ("The police lead agency for Category 1 is the local force.", True),
        ("A senior police or probation manager chairs the meeting.", True),
        ("Category 2 covers people convicted of violent offences.", False),
        ("The order lasts at least five years.", False),
    ],
)
def test_a_passage_saying_who_does_it_has_the_who_shape(text: str, says_who: bool) -> None:
    assert bool(SHAPES[Intent.WHO].search(text)) is says_who
