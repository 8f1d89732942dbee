"""Question -> cited answers: understand, search, re-rank, cut each passage to the answer.

Understanding is in understand/, re-ranking in ranking.py, cutting in trim.py; this
module puts them together and shapes the result that the CLI and the API return.
"""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from mappa_kb.search.answer.ranking import Ranker
from mappa_kb.search.answer.trim import ANSWER_CHARS, trim
from mappa_kb.search.index.reader import SearchIndex, Snapshot
from mappa_kb.search.understand.intents import Intent
from mappa_kb.search.understand.question import Question

__all__ = ["ANSWER_CHARS", "Answer", "Answerer", "Result"]

CANDIDATES = 40
PER_URL = 2
"""At most this many answers from one place on the site, so the list shows choices."""


@dataclass(frozen=True)
class Answer:
    title: str
    text: str
    url: str
    source: str
    kind: str
    score: float


@dataclass(frozen=True)
class Result:
    query: str
    corrected: str | None
    answers: list[Answer]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "corrected": self.corrected,
            "answers": [asdict(a) for a in self.answers],
        }


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
        if not understood.terms or k < 1:
            return Result(understood.text, understood.corrected, [])
        hits = ranker.snapshot.search(understood.terms, limit=max(CANDIDATES, 4 * k))
        ranked = sorted(((ranker.weight(understood, h), h) for h in hits), key=lambda x: -x[0])
        answers: list[Answer] = []
        seen_text: set[str] = set()
        per_url: dict[str, int] = {}
        for score, hit in ranked:
            p = hit.passage
            if p.text in seen_text or per_url.get(p.url, 0) >= PER_URL or score <= 0:
                continue
            seen_text.add(p.text)
            per_url[p.url] = per_url.get(p.url, 0) + 1
            top = p.kind in {"glossary", "page"} and Intent.ASKS_WHAT in understood.intents
            answers.append(
                Answer(
                    p.title,
                    trim(p.text, understood, top),
                    p.url,
                    p.source,
                    p.kind,
                    round(score, 3),
                )
            )
            if len(answers) == k:
                break
        return Result(understood.text, understood.corrected, answers)
