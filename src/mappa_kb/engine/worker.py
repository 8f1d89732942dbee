"""What the Ask page's Web Worker runs under Pyodide: the same engine as the API.

The answer is the API's JSON, made by the same `Answerer(...).ask(q, k).to_dict()`, so
a question gets the same answers on a plain host as from `mappa-kb serve`. A refusal
(an index from another version of the engine, or none) comes back as a plain sentence
for the page to show, never as a traceback.
"""

from __future__ import annotations

import json
from pathlib import Path

from mappa_kb.search.answer import Answerer
from mappa_kb.search.index.reader import Hit, IndexFromAnotherEngine, IndexMissing

MAX_QUESTION = 300
"""As the API: longer questions are cut, not refused (the page already stops at 300)."""
MAX_ANSWERS = 20


class Engine:
    """The index and its answerer, once opened; or why it could not be."""

    def __init__(self) -> None:
        self.answerer: Answerer | None = None
        self.problem = ""
        """Why the index was refused, in the engine's words (for the console, not readers)."""
        self.warmed = 0
        """Passages whose index terms are worked out ahead (see warm)."""

    def open_index(self, index_dir: str) -> str:
        """Load the index; '' when ready, else why the question search cannot start."""
        answerer = Answerer(Path(index_dir))
        try:
            answerer.index.snapshot()
        except IndexFromAnotherEngine as exc:
            self.problem = exc.without_folder()
            return (
                "The question search cannot start: its files come from different versions "
                "of this site. Reloading the page may fetch matching ones."
            )
        except IndexMissing as exc:
            self.problem = exc.without_folder()
            return "The question search cannot start: its files are missing or damaged."
        self.answerer, self.problem = answerer, ""
        return ""

    def warm(self, passages: int) -> bool:
        """Work out the next `passages` passages' index terms, as the re-ranking would the
        first time each is a candidate (most of a new question's cost); True when all are.

        The worker calls this between questions while the reader reads, so later
        questions cost what they cost a long-running server. Only caches fill: answers
        are the same with or without it. It reaches into the answerer's per-index state
        (the re-ranking's cache); should that change shape, warming stops, and answering
        goes on as before.
        """
        if self.answerer is None:
            return True
        try:
            ranker = self.answerer._ranker_for(self.answerer.index.snapshot())
            snapshot = ranker.snapshot
            size = int(snapshot.size)
            end = min(self.warmed + passages, size)
            for doc in range(self.warmed, end):
                ranker.terms_of(Hit(snapshot.passage(doc), 0.0, doc))
        except Exception:  # a cache of another shape: stop warming, and nothing else
            return True
        self.warmed = end
        return end >= size

    def answer_json(self, question: str, k: int = 5) -> str:
        """The answer JSON for `question`, as /api/ask returns it (open_index first)."""
        if self.answerer is None:
            raise RuntimeError("open_index() has not succeeded")
        k = min(max(k, 1), MAX_ANSWERS)
        result = self.answerer.ask(question[:MAX_QUESTION], k).to_dict()
        return json.dumps(result, ensure_ascii=False, separators=(",", ":"))


ENGINE = Engine()
"""The one engine a worker runs."""
open_index = ENGINE.open_index
answer_json = ENGINE.answer_json
warm = ENGINE.warm
