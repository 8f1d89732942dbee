"""Spelling correction mends misspellings and never rewrites a real English word."""

from __future__ import annotations

import gzip

import pytest

from conftest import REPO
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import Answerer


@pytest.fixture(scope="module")
def answerer(real_site: ProjectPaths) -> Answerer:
    return Answerer(real_site.index_dir)


@pytest.mark.parametrize(
    ("question", "corrected"),
    [
        ("ordr for sex offenders", "order for sex offenders"),  # a short word gains a letter
        ("what is a hostl", "what is a hostel"),
        ("registar for sex offenders", "register for sex offenders"),
        ("prevension of terrorism", "prevention of terrorism"),
        ("wot happens at a level 3 meetin", "wot happens at a level 3 meeting"),
    ],
)
def test_misspellings_are_mended(answerer: Answerer, question: str, corrected: str) -> None:
    assert answerer.ask(question, 1).corrected == corrected


@pytest.mark.parametrize(
    "question",
    [
        "what is the policy on disclosure",  # not "police"
        "how do i complain about probation",  # not "complaint"
        "how many people are on the register",  # not "any"
        "is my neighbour a nonce",
        "what colour is the behaviour programme centre",  # British spellings stay
    ],
)
def test_real_english_words_are_never_rewritten(answerer: Answerer, question: str) -> None:
    assert answerer.ask(question, 1).corrected is None


def test_names_are_not_misspellings_unless_nearly_a_glossary_name(answerer: Answerer) -> None:
    """A word capitalised mid-sentence is someone's or somewhere's name."""
    assert answerer.ask("what is Megan's Law in America", 1).corrected is None
    assert answerer.ask("what does Visr hold", 1).corrected == "what does Visor hold"


def test_the_word_list_is_british_english_and_small() -> None:
    data = (REPO / "data" / "english-words.txt.gz").read_bytes()
    words = set(gzip.decompress(data).decode("utf-8").split())
    assert {"offence", "behaviour", "licence", "neighbour", "programme"} <= words
    assert not {"registar", "prevension", "mapa"} & words
    assert len(data) < 250_000, "readers of a static copy download it: keep it small"
