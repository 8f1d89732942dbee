"""Labelled questions: which site places answer them, and how well the Q&A does on them.

A question is labelled with the places that answer it: a URL with an #anchor names one
passage; a URL without one, any passage of that page or entry. A `key` (a regular
expression) picks the right passage where a place holds many (key facts, statistics).
A question the site does not answer is labelled `not_covered`: the right answer is then
one that says so. The sets live in scripts/eval/labelled/ (train, dev, locked test).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mappa_kb.search.passage import Passage

READERS = ("public", "staff", "lay", "figures", "reasoning", "out-of-scope")
SPLITS = ("train", "dev", "test", "fresh")
"""The labelled sets in scripts/eval/labelled/: fit on train, check on dev; test and fresh
are locked, run only to report."""


@dataclass(frozen=True)
class Labelled:
    q: str
    reader: str
    answers: tuple[str, ...]
    key: str | None = None
    not_covered: bool = False


@dataclass(frozen=True)
class Given:
    """One answer as the Q&A gave it: enough to judge it."""

    url: str
    title: str
    text: str


def load_questions(path: Path) -> list[Labelled]:
    items = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [
        Labelled(
            q=str(item["q"]),
            reader=str(item["reader"]),
            answers=tuple(item.get("answers") or ()),
            key=item.get("key"),
            not_covered=bool(item.get("not_covered")),
        )
        for item in items
    ]


def place_matches(label: str, url: str) -> bool:
    """A label with an anchor is that passage; without one, any passage of the page."""
    if "#" in label:
        return url == label
    return url.split("#", 1)[0] == label


def _key_matches(key: str | None, title: str, text: str) -> bool:
    return key is None or re.search(key, f"{title} {text}", re.I | re.S) is not None


def is_right(question: Labelled, answer: Given, anywhere: bool = False) -> bool:
    """At a labelled place and matching the key; with `anywhere` (older sets labelled
    by a key alone), matching the key wherever the answer is."""
    placed = anywhere or any(place_matches(label, answer.url) for label in question.answers)
    return placed and _key_matches(question.key, answer.title, answer.text)


def label_problems(questions: Iterable[Labelled], passages: Sequence[Passage]) -> list[str]:
    """Labels that no longer point at anything (a page renamed, a fact reworded)."""
    problems = []
    for question in questions:
        if question.reader not in READERS:
            problems.append(f"{question.q!r}: unknown reader {question.reader!r}")
        if question.not_covered != (not question.answers):
            problems.append(f"{question.q!r}: give answers, or not_covered: true, not both")
        for label in question.answers:
            at = [p for p in passages if place_matches(label, p.url)]
            if not at:
                problems.append(f"{question.q!r}: no passage at {label!r}")
            elif not any(_key_matches(question.key, p.title, p.text) for p in at):
                problems.append(f"{question.q!r}: key {question.key!r} matches nothing at {label}")
    return problems


@dataclass
class Tally:
    asked: int = 0
    first: int = 0
    three: int = 0

    def line(self, name: str) -> str:
        if not self.asked:
            return f"{name:<13} (none)"
        return (
            f"{name:<13} top-1 {self.first:>3}/{self.asked:<3} = {self.first / self.asked:.2f}"
            f"   top-3 {self.three:>3}/{self.asked:<3} = {self.three / self.asked:.2f}"
        )


@dataclass
class Report:
    overall: Tally = field(default_factory=Tally)
    by_reader: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: list[tuple[Labelled, list[Given], bool]] = field(default_factory=list)
    """(question, answers given, whether a right answer was in the top three)."""

    def lines(self) -> list[str]:
        out = [self.overall.line("all")]
        out += [self.by_reader[r].line(r) for r in READERS if r in self.by_reader]
        return out


def judge(
    questions: Iterable[Labelled],
    ask: Callable[[str], tuple[list[Given], bool]],
    anywhere: bool = False,
) -> Report:
    """Ask each question; `ask` returns the answers in order and whether the Q&A said
    the site does not cover the question."""
    report = Report()
    for question in questions:
        answers, says_not_covered = ask(question.q)
        if question.not_covered:
            first = three = says_not_covered or not answers
        elif says_not_covered:
            # Telling a reader the site does not cover what it does is wrong, whatever
            # is listed under that message.
            first = three = False
        else:
            hits = [is_right(question, answer, anywhere) for answer in answers[:3]]
            first, three = bool(hits and hits[0]), any(hits)
        for tally in (report.overall, report.by_reader[question.reader]):
            tally.asked += 1
            tally.first += first
            tally.three += three
        if not first:
            report.misses.append((question, answers, three))
    return report
