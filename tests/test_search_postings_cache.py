"""Postings kept between questions: bounded by a byte budget, and never a cause of a
different answer (a dropped entry is read from the index again, to the same figures)."""

from __future__ import annotations

import string
from itertools import product
from pathlib import Path

import pytest
from search_support import PASSAGES, build_fixture_index

from mappa_kb.search.index.analysis import analyze
from mappa_kb.search.index.postings_cache import PostingsCache, estimated_bytes, postings_of
from mappa_kb.search.index.reader import Snapshot, WeightedTerm, load_snapshot

# Words no passage has, each new: what a long-running server meets from its readers.
UNKNOWN = ["".join(letters) for letters in product(string.ascii_lowercase, repeat=3)][:2000]
SITE_WORDS = sorted({word for p in PASSAGES for word in analyze(f"{p.title} {p.text}")})


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_index(tmp_path_factory.mktemp("postings") / "search_index")


def ask(snapshot: Snapshot, words: list[str]) -> list[tuple[int, float]]:
    terms = [WeightedTerm((word,), 1.0) for word in words]
    terms += [WeightedTerm(tuple(words[:2]), 1.5)]  # a phrase: the pairs field too
    return [(hit.doc, hit.score) for hit in snapshot.search(terms, limit=10)]


def test_postings_of_ever_new_words_stay_within_the_budget(index_dir: Path) -> None:
    budget = 50_000
    snapshot = load_snapshot(index_dir, postings_budget=budget)
    for n in range(0, len(UNKNOWN), 2):
        ask(snapshot, [*UNKNOWN[n : n + 2], SITE_WORDS[n % len(SITE_WORDS)]])
    assert 0 < snapshot.postings.size <= budget
    assert len(snapshot.postings) < len(UNKNOWN)  # old entries made way for new ones


def test_the_default_budget_holds_many_questions(index_dir: Path) -> None:
    snapshot = load_snapshot(index_dir)
    assert snapshot.postings.budget >= 8 * 1024 * 1024
    ask(snapshot, SITE_WORDS)
    assert len(snapshot.postings) > len(SITE_WORDS)  # every field of every word is kept


def test_answers_are_the_same_whatever_the_budget(index_dir: Path) -> None:
    roomy = load_snapshot(index_dir)
    cramped = load_snapshot(index_dir, postings_budget=1_000)  # keeps almost nothing
    questions = [SITE_WORDS[n : n + 3] for n in range(0, len(SITE_WORDS), 3)]
    for _ in range(2):  # the second time, the roomy snapshot answers from what it kept
        for words in questions:
            assert ask(cramped, words) == ask(roomy, words)
    assert len(cramped.postings) < len(roomy.postings)


def test_the_least_recently_used_entry_goes_first() -> None:
    one_entry = estimated_bytes(("text", "aaa"), postings_of([(1, 1.0)]))
    cache = PostingsCache(budget=2 * one_entry)
    cache.put(("text", "aaa"), postings_of([(1, 1.0)]))
    cache.put(("text", "bbb"), postings_of([(2, 1.0)]))
    assert cache.get(("text", "aaa")) == postings_of([(1, 1.0)])  # now the more recently used
    cache.put(("text", "ccc"), postings_of([(3, 1.0)]))
    assert cache.get(("text", "bbb")) is None
    assert cache.get(("text", "aaa")) == postings_of([(1, 1.0)])
    assert cache.get(("text", "ccc")) == postings_of([(3, 1.0)])
    assert cache.size == 2 * one_entry


def test_an_entry_bigger_than_the_budget_is_not_kept() -> None:
    cache = PostingsCache(budget=1_000)
    cache.put(("text", "small"), postings_of([]))
    cache.put(("text", "huge"), postings_of((n, 1.0) for n in range(100)))
    assert cache.get(("text", "huge")) is None
    assert cache.get(("text", "small")) == postings_of([])
    cache.put(("text", "small"), postings_of([(1, 2.0)]))  # put again: counted once
    assert cache.size == estimated_bytes(("text", "small"), postings_of([(1, 2.0)]))
