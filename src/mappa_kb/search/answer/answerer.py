"""Question -> cited answers: understand, search, re-rank, cut each passage to the answer.

Understanding is in understand/, re-ranking in ranking.py, cutting in trim.py; this
module puts them together and shapes the result that the CLI and the API return.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from mappa_kb.search.answer.figures import Worked
from mappa_kb.search.answer.ranking import Ranker
from mappa_kb.search.answer.trim import ANSWER_CHARS, trim
from mappa_kb.search.index.reader import SearchIndex, Snapshot
from mappa_kb.search.lexicon import Figure
from mappa_kb.search.passage import BULLET
from mappa_kb.search.understand.intents import Intent
from mappa_kb.search.understand.question import Question

__all__ = ["ANSWER_CHARS", "Answer", "Answerer", "Result"]

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
    """The numbers an answer worked out from figures used (sums, shares, comparisons)."""
    working: str | None = None
    """How it was worked out: 'Level 2: 303 + Level 3: 25 = 328'."""


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

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "query": self.query,
            "corrected": self.corrected,
            "shape": self.shape,
            "scope": self.scope,
            "not_covered": self.not_covered,
            "answers": [asdict(a) for a in self.answers],
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


class Answerer:
    """Answers questions from the index folder, following rebuilds as they happen."""

    def __init__(self, index_dir: Path) -> None:
        self.index = SearchIndex(index_dir)
        self._ranker: Ranker | None = None
        self._lock = threading.Lock()

    def _ranker_for(self, snapshot: Snapshot) -> Ranker:
        ranker = self._ranker
        if ranker is None or ranker.snapshot is not snapshot:
            with self._lock:
                if self._ranker is None or self._ranker.snapshot is not snapshot:
                    self._ranker = Ranker(snapshot)
                ranker = self._ranker
        return ranker

    def understand(self, question: str) -> Question:
        return self._ranker_for(self.index.snapshot()).understanding.understand(question)

    def ask(self, question: str, k: int = 5) -> Result:
        ranker = self._ranker_for(self.index.snapshot())
        understood = ranker.understanding.understand(question)
        scope = ranker.figures.scope(understood)
        if not understood.terms or k < 1:
            return Result(understood.text, understood.corrected, [], "not-covered", None, True)
        hits = ranker.snapshot.search(understood.terms, limit=max(CANDIDATES, 4 * k))
        ranked = sorted(((ranker.weight(understood, h), h) for h in hits), key=lambda x: -x[0])
        found = [hit.passage for _, hit in ranked]
        worked = None if scope else ranker.figures.work_out(understood, found[:10])
        answers: list[Answer] = []
        if worked is not None:
            answers.append(
                Answer(
                    worked.title,
                    worked.text,
                    worked.url,
                    worked.source,
                    "statistic",
                    round(ranked[0][0], 3),  # as sure as the figure it was worked out from
                    worked.figures,
                    worked.working,
                )
            )
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
            top = p.kind in {"glossary", "page"} and Intent.ASKS_WHAT in understood.intents
            answers.append(
                Answer(
                    p.title, trim(p.text, understood, top), p.url, p.source, p.kind, round(score, 3)
                )
            )
        if scope is not None and scope.not_covered:
            return Result(
                understood.text, understood.corrected, answers, "not-covered", scope.message, True
            )
        shape = _shape(understood, answers, worked)
        message = scope.message if scope else None
        return Result(understood.text, understood.corrected, answers, shape, message)
