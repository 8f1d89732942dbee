"""What the Ask page needs beside each answer, from the engine (issue 14): whole
sentences, a glossary entry's summary and staff definition, a figure's number and what it
counts, the sources one by one, and the "What you can do" card. None of it ranks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from search_support import HELP, SOURCE_PAGES, build_fixture_index

from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import Answerer
from mappa_kb.search.answer.citations import Citations, Cited
from mappa_kb.search.answer.help import MAX_LINES, HelpDesk, words_of
from mappa_kb.search.answer.trim import ANSWER_CHARS, trim
from mappa_kb.search.lexicon import Entry, HelpLine, Lexicon
from mappa_kb.search.passage import BULLET, Passage
from mappa_kb.search.text import sentences
from mappa_kb.search.understand.question import Question


@pytest.fixture(scope="module")
def answerer(tmp_path_factory: pytest.TempPathFactory) -> Answerer:
    return Answerer(build_fixture_index(tmp_path_factory.mktemp("ix") / "search_index"))


# -- the "What you can do" card ------------------------------------------------------------


def test_words_are_read_as_typed_without_apostrophes_or_case() -> None:
    assert (
        words_of("I'm WORRIED about a child… next-door!") == " im worried about a child next door "
    )
    assert words_of("He\u2019s out") == " hes out "


@pytest.mark.parametrize(
    ("question", "lines"),
    [
        ("I'm worried about a child next door",
         ["emergency", "police-non-emergency", "nspcc-helpline"]),
        ("someone is in danger", ["emergency"]),
        ("the man who hurt me gets out soon", ["emergency", "victim-contact-scheme"]),
        ("what is a sexual risk order", []),
        ("how many people are managed at level 2", []),
        ("emergencyroom hurtme", []),  # whole words only
    ],
)  # fmt: skip
def test_a_question_brings_the_lines_its_words_name_with_999_first(
    question: str, lines: list[str]
) -> None:
    assert [line.id for line in HelpDesk(HELP).card(question)] == lines


def test_a_card_is_short_and_keeps_the_lines_named_most_fully() -> None:
    many = [
        HelpLine(f"line-{n}", f"Line {n}", "Text.", "101", None, "S, s", "2026-11-29",
                 ("worried" if n % 2 else "worried about a child",))
        for n in range(8)
    ]  # fmt: skip
    card = HelpDesk(many).card("im worried about a child")
    assert len(card) == MAX_LINES
    assert [line.id for line in card] == ["line-0", "line-2", "line-4", "line-6"]  # file order


def test_the_corrected_question_brings_lines_too() -> None:
    assert [line.id for line in HelpDesk(HELP).card("im in dnager", "im in danger")] == [
        "emergency"
    ]


def test_the_engine_returns_the_card_with_tel_links_and_sources(answerer: Answerer) -> None:
    result = answerer.ask("im worried about a child next door").to_dict()
    card = result["help"]
    assert [line["id"] for line in card] == ["emergency", "police-non-emergency", "nspcc-helpline"]
    nspcc = card[2]
    assert nspcc["phone"] == "0808 800 5000" and nspcc["tel"] == "tel:08088005000"
    assert nspcc["sources"] == [
        {"title": "NSPCC: report abuse (the NSPCC Helpline)", "section": "Report abuse",
         "url": "about/sources/#source-nspcc-helpline"}
    ]  # fmt: skip
    assert nspcc["reviewed"] == "2026-11-29"
    assert "situations" not in nspcc  # what brings a line is the engine's business
    assert answerer.ask("who can apply for an SRO").help == []


def test_a_question_of_no_searchable_words_still_gets_its_card(answerer: Answerer) -> None:
    result = answerer.ask("in danger!!")
    assert [h.id for h in result.help] == ["emergency"]


# -- sources, one by one --------------------------------------------------------------------


def test_a_source_line_becomes_one_linked_citation_each() -> None:
    citations = Citations(SOURCE_PAGES)
    london = "London MAPPA Annual Report 2022-23"
    line = f"{london}, MAPPA Statistics; {london}, Introduction; {london}, MAPPA Statistics"
    assert citations.split(line) == [
        Cited(london, "MAPPA Statistics", SOURCE_PAGES[london]),
        Cited(london, "Introduction", SOURCE_PAGES[london]),
    ]
    assert citations.split(f"Worked out from {london}, MAPPA Statistics") == [
        Cited(london, "MAPPA Statistics", SOURCE_PAGES[london])
    ]
    assert citations.split("MAPPA knowledge base: The three levels") == [
        Cited("MAPPA knowledge base: The three levels", None, None)
    ]
    assert citations.split(london) == [Cited(london, None, SOURCE_PAGES[london])]


def test_the_longest_title_claims_a_citation() -> None:
    citations = Citations({"Act": "a", "Act, Part 2 Regulations": "b"})
    assert citations.split("Act, Part 2 Regulations, section 1") == [
        Cited("Act, Part 2 Regulations", "section 1", "b")
    ]


# -- answers as the page shows them ---------------------------------------------------------


def test_a_definition_carries_the_plain_summary_and_the_rest_for_staff(
    answerer: Answerer,
) -> None:
    result = answerer.ask("what is a sexual risk order")
    best = result.answers[0]
    assert result.shape == "definition" and best.url == "glossary/sexual-risk-order/"
    assert best.summary and best.summary.startswith("A civil order a magistrates' court")
    assert (
        best.definition
        == "It can forbid things, such as travel abroad, and can require things too."
    )
    assert all(a.summary is None for a in result.answers if a.kind != "glossary")


@pytest.fixture(scope="module")
def real(real_site: ProjectPaths) -> Answerer:
    """The real content's index (figures come from the statistics data)."""
    return Answerer(real_site.index_dir)


def test_a_figure_carries_its_number_and_what_it_counts(real: Answerer) -> None:
    result = real.ask("how many people were managed at level 2 in london in 2022-23")
    best = result.answers[0]
    assert result.shape == "figure"
    assert best.value == "697"
    assert best.counts == (
        "people in all categories managed at Level 2 at any time from 1 April 2022 to "
        "31 March 2023 (yearly total)"
    )
    assert [(f.area, f.year) for f in best.figures] == [("London", "2022-23")]
    assert [c.title for c in best.sources] == ["London MAPPA Annual Report 2022-23"]
    assert all(c.url and c.url.startswith("about/sources/#") for c in best.sources)


def test_a_sum_carries_its_total_and_what_the_parts_add_up_to(real: Answerer) -> None:
    result = real.ask("how many people at level 2 and 3 in london")
    best = result.answers[0]
    assert result.shape == "sum"
    assert best.value == "767" and best.working == "Level 2: 697 + Level 3: 70 = 767"
    assert best.counts is not None and "Level 2 or 3" in best.counts and "767" not in best.counts


def test_a_comparison_carries_the_difference_and_both_areas_sources(real: Answerer) -> None:
    result = real.ask("london vs cambridgeshire level 3 numbers")
    best = result.answers[0]
    assert result.shape == "comparison"
    assert best.value == "60"
    assert best.counts is not None and best.counts.startswith("people in all categories")
    assert [f.area for f in best.figures] == ["London", "Cambridgeshire and Peterborough"]
    assert {c.title for c in best.sources} == {
        "London MAPPA Annual Report 2022-23",
        "Cambridgeshire and Peterborough MAPPA Annual Report 2022-23",
    }


def test_every_real_answer_cites_only_registered_sources(real: Answerer) -> None:
    """Each part of a source line is a registered source with its place on the Sources
    page (a page of this site that cites nothing else names itself)."""
    for asked in (
        "what is a shpo",
        "who sits on the smb",
        "how many category 1 in london",
        "help for victims",
        "what is the opd pathway",
        "report a concern",
    ):
        for answer in real.ask(asked).answers:
            for cited in answer.sources:
                assert cited.url or cited.title.startswith("MAPPA knowledge base"), cited


def test_answers_without_figures_carry_none(answerer: Answerer) -> None:
    best = answerer.ask("how long does an SRO last").answers[0]
    assert best.figures == [] and best.value is None and best.counts is None


def test_the_lexicon_keeps_what_the_page_needs(tmp_path: Path) -> None:
    lexicon = Lexicon(
        entries=[Entry("x", "glossary/x/", "X", ("X",), (), "A plain summary.")],
        help=list(HELP),
        source_pages=dict(SOURCE_PAGES),
    )
    again = Lexicon.from_json(lexicon.to_json())
    assert again.entries == lexicon.entries
    assert again.help == lexicon.help
    assert again.source_pages == lexicon.source_pages
    older = Lexicon.from_json('{"entries": [{"id": "x", "url": "u", "heading": "X", "names": []}]}')
    assert older.help == [] and older.source_pages == {} and older.entries[0].summary == ""


# -- whole sentences --------------------------------------------------------------------------

SENTENCE = st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,9}){2,14}\.", fullmatch=True)


def question(text: str, *content: str) -> Question:
    return Question(text, None, content=list(content))


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(SENTENCE, min_size=1, max_size=40), lead=st.booleans())
def test_trimming_keeps_whole_sentences_from_the_passage(parts: list[str], lead: bool) -> None:
    text = " ".join(parts)
    shown = trim(text, question("what", "zzz"), lead)
    assert not shown.startswith("…")
    assert len(shown) <= ANSWER_CHARS
    pieces = [p for p in shown.split(" … ") if p]
    whole = set(sentences(text))
    for piece in pieces:
        assert all(s in whole for s in sentences(piece)), piece


def test_a_list_is_cut_to_whole_items_with_its_lead_in() -> None:
    items = " ".join(
        f"{BULLET}item number {n} of a long list of things to know." for n in range(30)
    )
    text = f"Something to say first. The parts are: {items} After the list."
    shown = trim(text, question("what are the parts", "part"), False)
    assert "The parts are:" in shown
    assert re.search(r"item number \d+ of a long list of things to know\. …", shown)
    assert not re.search(r"\w…", shown)  # never a word cut short


def test_a_lead_in_alone_is_never_shown() -> None:
    items = " ".join(f"{BULLET}{'word ' * 130}end." for _ in range(3))
    text = f"How it fits: {items} Short and relevant sentence about fits."
    shown = trim(text, question("how does it fit", "fit"), False)
    assert not shown.rstrip().endswith(": …") and "How it fits:" not in shown


def test_a_sentence_with_a_semicolon_stays_whole_in_a_series_answer() -> None:
    row = "Level 1: ordinary management; the lead agency"
    plain_sentence = "Level 2 is for meetings; each agency attends them"
    assert trim.__module__  # the cut is in trim._first_clause
    from mappa_kb.search.answer.trim import _first_clause

    assert _first_clause(row) == "Level 1: ordinary management …"
    assert _first_clause(plain_sentence) == plain_sentence


def test_only_a_sentence_longer_than_an_answer_is_ever_cut() -> None:
    text = "A sentence that runs on, " + "and on, " * 120 + "until it ends."
    shown = trim(text, question("runs", "run"), True)
    assert len(shown) <= ANSWER_CHARS and shown.endswith(" …") and shown.startswith("A sentence")


def test_real_passages_are_shown_from_a_sentence_start(tmp_path: Path) -> None:
    passage = Passage(
        "Page",
        "First sentence here. " + "Filler sentence says little. " * 30 + "Orange forms are blue.",
        "page/",
        "here",
        "page",
    )
    answerer = Answerer(build_fixture_index(tmp_path / "ix", [passage]))
    shown = answerer.ask("orange forms").answers[0].text
    assert shown.startswith("Orange forms are blue.") or shown.startswith("First sentence")
