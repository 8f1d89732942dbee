"""Question -> cited answers: understand, search, re-rank, cut each passage to the answer.

Understanding is in understand/, re-ranking in ranking.py, cutting in trim.py; this
module puts them together and shapes the result that the CLI and the API return.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from mappa_kb.search.answer.citations import Citations, Cited
from mappa_kb.search.answer.figures import Worked
from mappa_kb.search.answer.help import HelpDesk, HelpGiven
from mappa_kb.search.answer.ranking import Ranker
from mappa_kb.search.answer.trim import ANSWER_CHARS, trim
from mappa_kb.search.index.analysis import analyze
from mappa_kb.search.index.reader import SearchIndex, Snapshot
from mappa_kb.search.lexicon import Figure, Lexicon
from mappa_kb.search.passage import BULLET, Passage
from mappa_kb.search.understand.intents import Intent
from mappa_kb.search.understand.question import Question

__all__ = ["ANSWER_CHARS", "Answer", "Answerer", "Cited", "Result"]

CANDIDATES = 40
VERSION = 1
"""The answer's JSON shape; raised when a field changes meaning or goes away."""


@dataclass(frozen=True)
class Answer:
    title: str
    text: str
    url: str
    source: str
    kind: str
    score: float
    figures: list[Figure] = field(default_factory=list)
    """The figures an answer gives: the one a statistic states, or those a sum, share or
    comparison was worked out from."""
    working: str | None = None
    """How it was worked out: 'Level 2: 303 + Level 3: 25 = 328'."""
    summary: str | None = None
    """A glossary entry's plain-English summary, for the public."""
    definition: str | None = None
    """A glossary entry's definition for staff (what follows the summary), in whole
    sentences."""
    value: str | None = None
    """The number that answers, as written: a figure's own ('697', '98.7%'), a sum's
    total, a share's percentage or a comparison's difference."""
    counts: str | None = None
    """What that number counts, and when ('people managed at Level 2 ... on 31 March
    2023')."""
    sources: list[Cited] = field(default_factory=list)
    """`source` as separate citations, each with its place on the Sources page."""


@dataclass(frozen=True)
class Result:
    query: str
    corrected: str | None
    answers: list[Answer]
    """The best answer first, then other places that answer it: one per page."""
    shape: str = "text"
    """How the best answer reads: 'definition', 'figure', 'sum', 'share', 'comparison',
    'list', 'text', or 'not-covered' when nothing on the site answers it."""
    scope: str | None = None
    """What the site holds, when the question asks for somewhere or some year it does not."""
    not_covered: bool = False
    help: list[HelpGiven] = field(default_factory=list)
    """What the reader can do, first: lines of the "What you can do" card (999,
    helplines), when the question is about danger, a worry, a victim or a child."""

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "query": self.query,
            "corrected": self.corrected,
            "shape": self.shape,
            "scope": self.scope,
            "not_covered": self.not_covered,
            "answers": [asdict(a) for a in self.answers],
            "help": [asdict(h) for h in self.help],
        }


def _shape(question: Question, answers: list[Answer], worked: Worked | None) -> str:
    if not answers:
        return "not-covered"
    if worked is not None:
        return worked.shape
    best = answers[0]
    if best.kind == "statistic":
        return "figure"
    if Intent.LIST in question.intents and best.text.count(BULLET) >= 2:
        return "list"
    if best.kind == "glossary" and Intent.ASKS_WHAT in question.intents:
        return "definition"
    return "text"


def _after(text: str, mark: str) -> str | None:
    """What follows the last `mark` ('= 767' -> '767'), or None."""
    return text.rsplit(mark, 1)[1].strip() or None if mark in text else None


class Presenter:
    """What the Ask page shows beside an answer's text, from the lexicon: a glossary
    entry's summary and staff definition, a figure's number and what it counts, the
    sources one by one, and the "What you can do" card. Nothing here ranks."""

    def __init__(self, lexicon: Lexicon, ranker: Ranker) -> None:
        self.figures = ranker.figures
        self.citations = Citations(lexicon.source_pages)
        self.desk = HelpDesk(lexicon.help)
        self.summaries = {e.url: e.summary for e in lexicon.entries if e.summary}

    def help(self, question: Question) -> list[HelpGiven]:
        lines = self.desk.card(question.text, question.corrected)
        return [HelpGiven.of(line, self.citations) for line in lines]

    def worked(self, worked: Worked, score: float) -> Answer:
        value = _after(worked.working, " = ")
        first = worked.figures[0] if worked.figures else None
        counts = first.label if first is not None else None
        if worked.shape == "sum" and first is not None and value:
            # "London: <what the parts add up to>: 767." (the working may follow in brackets)
            said = worked.text.removeprefix(f"{first.area}: ")
            counts = said.rsplit(f": {value}", 1)[0] if f": {value}" in said else None
        sources: list[Cited] = []
        for figure in worked.figures:
            sources += [c for c in self.citations.split(figure.source) if c not in sources]
        return Answer(
            worked.title,
            worked.text,
            worked.url,
            worked.source,
            "statistic",
            score,
            worked.figures,
            worked.working,
            value=value,
            counts=counts,
            sources=sources,
        )

    def passage(self, p: Passage, text: str, score: float, question: Question) -> Answer:
        figure = self.figures.figure_of(p)
        summary = self.summaries.get(p.url) if p.kind == "glossary" else None
        definition = None
        if summary is not None and p.text.startswith(summary):
            rest = p.text[len(summary) :].strip()
            definition = trim(rest, question, True) if rest else None
        return Answer(
            p.title,
            text,
            p.url,
            p.source,
            p.kind,
            score,
            [figure] if figure is not None else [],
            summary=summary,
            definition=definition,
            value=figure.shown if figure is not None else None,
            counts=figure.label if figure is not None else None,
            sources=self.citations.split(p.source),
        )


def _heading_asked(title: str, question: Question) -> bool:
    """Whether the section's own heading ('Page: Heading') shares a word that matters
    with the question."""
    heading = title.rsplit(": ", 1)[-1]
    return bool(set(analyze(heading)) & set(question.content))


class Answerer:
    """Answers questions from the index folder, following rebuilds as they happen."""

    def __init__(self, index_dir: Path) -> None:
        self.index = SearchIndex(index_dir)
        self._current: tuple[Ranker, Presenter] | None = None
        self._lock = threading.Lock()

    def _ranker_for(self, snapshot: Snapshot) -> Ranker:
        return self._for(snapshot)[0]

    def _for(self, snapshot: Snapshot) -> tuple[Ranker, Presenter]:
        """The ranker and presenter of this snapshot, made once per index build."""
        current = self._current
        if current is None or current[0].snapshot is not snapshot:
            with self._lock:
                current = self._current
                if current is None or current[0].snapshot is not snapshot:
                    ranker = Ranker(snapshot)
                    current = (ranker, Presenter(snapshot.lexicon, ranker))
                    self._current = current
        return current

    def understand(self, question: str) -> Question:
        return self._ranker_for(self.index.snapshot()).understanding.understand(question)

    def ask(self, question: str, k: int = 5) -> Result:
        ranker, presenter = self._for(self.index.snapshot())
        understood = ranker.understanding.understand(question)
        scope = ranker.figures.scope(understood)
        helping = presenter.help(understood)
        if not understood.terms or k < 1:
            return Result(
                understood.text, understood.corrected, [], "not-covered", None, True, helping
            )
        hits = ranker.snapshot.search(understood.terms, limit=max(CANDIDATES, 4 * k))
        ranked = sorted(((ranker.weight(understood, h), h) for h in hits), key=lambda x: -x[0])
        found = [hit.passage for _, hit in ranked]
        worked = None if scope else ranker.figures.work_out(understood, found[:10])
        answers: list[Answer] = []
        if worked is not None:
            # As sure as the figure it was worked out from.
            answers.append(presenter.worked(worked, round(ranked[0][0], 3)))
        pages = {a.url.split("#", 1)[0] for a in answers}
        # "What is X": an entry answers with its own explanation, whichever of its
        # passages (a key fact, its legal basis) scored best.
        defines = Intent.DEFINE in understood.intents
        mains = {h.passage.url: (sc, h) for sc, h in ranked if h.passage.kind == "glossary"}
        for best_score, best in ranked:
            page = best.passage.url.split("#", 1)[0]
            if page in pages or len(answers) >= k:
                continue  # one answer a page: the list shows other places, not the same one
            pages.add(page)
            use_main = defines and best.passage.kind == "fact" and page in mains
            score, hit = mains[page] if use_main else (best_score, best)
            p = hit.passage
            # A page section opens with the answer to its heading ("Will I be told when
            # he gets out?" -> "You can be, if you join the Victim Contact Scheme."), so
            # when the heading is what was asked about, that opening comes first; an entry
            # opens with what the thing is, which "what is" wants.
            top = (p.kind == "page" and _heading_asked(p.title, understood)) or (
                p.kind == "glossary" and Intent.ASKS_WHAT in understood.intents
            )
            text = trim(p.text, understood, top)
            answers.append(presenter.passage(p, text, round(score, 3), understood))
        if scope is not None and scope.not_covered:
            return Result(
                understood.text,
                understood.corrected,
                answers,
                "not-covered",
                scope.message,
                True,
                helping,
            )
        shape = _shape(understood, answers, worked)
        message = scope.message if scope else None
        return Result(
            understood.text, understood.corrected, answers, shape, message, False, helping
        )
