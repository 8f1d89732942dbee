"""How the Q&A evaluation judges an answer (mappa_kb.evaluation)."""

from __future__ import annotations

from mappa_kb.evaluation import Given, Labelled, judge

ANSWERABLE = Labelled(q="what is a shpo", reader="staff", answers=("glossary/shpo/",))
NOT_COVERED = Labelled(q="weather tomorrow", reader="out-of-scope", answers=(), not_covered=True)
RIGHT = Given("glossary/shpo/#key-facts", "SHPO", "An order.")


def test_a_right_answer_is_right() -> None:
    report = judge([ANSWERABLE], lambda q: ([RIGHT], False))
    assert (report.overall.first, report.overall.three) == (1, 1)


def test_saying_an_answerable_question_is_not_covered_is_wrong_whatever_is_listed() -> None:
    report = judge([ANSWERABLE], lambda q: ([RIGHT], True))
    assert (report.overall.first, report.overall.three) == (0, 0)


def test_saying_so_is_right_for_a_question_the_site_does_not_answer() -> None:
    report = judge([NOT_COVERED], lambda q: ([RIGHT], True))
    assert report.overall.first == 1
    report = judge([NOT_COVERED], lambda q: ([RIGHT], False))
    assert report.overall.first == 0
