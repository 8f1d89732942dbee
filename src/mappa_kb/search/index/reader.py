"""The index as answering reads it: one complete index in memory, following rebuilds.

Questions reach Whoosh as already-analysed words, looked up term by term, never through
Whoosh's query parser, so no input can trip it (a trailing '?' would be a wildcard
there, and 'NOT NOT x' raises inside it).
"""

from __future__ import annotations

import heapq
import threading
import time
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, cast

from whoosh.filedb.filestore import RamStorage
from whoosh.scoring import BM25F

from mappa_kb.search.index.analysis import SEARCHED_FIELDS, pair
from mappa_kb.search.index.integrity import README, REBUILD, engine_mismatch, find_damage
from mappa_kb.search.index.postings_cache import (
    DEFAULT_BUDGET,
    Postings,
    PostingsCache,
    postings_of,
)
from mappa_kb.search.lexicon import ENGLISH_FILE, LEXICON_FILE, Lexicon
from mappa_kb.search.passage import Passage, PassageKind


class IndexMissing(Exception):
    """No usable index: `mappa-kb build` has not been run (or the folder is damaged).

    The message names the folder, for whoever runs the command; `without_folder` says
    the same to someone elsewhere (an API client), who has no business knowing it.
    """

    def __init__(self, message: str, index_dir: Path) -> None:
        super().__init__(message)
        self.index_dir = index_dir

    def without_folder(self) -> str:
        text = str(self).replace(f" in {self.index_dir}", "")
        return text.replace(str(self.index_dir), "the index folder")  # inside OS errors


class IndexFromAnotherEngine(IndexMissing):
    """The index was built by another version of the engine (see INDEX_FORMAT): refused,
    since answers read from it could be wrong without any error."""


@dataclass(frozen=True)
class WeightedTerm:
    """Analysed words to look for (several = a phrase) and how much a match counts."""

    words: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    doc: int
    fields: dict[str, float] = field(default_factory=dict)
    """The score's parts, by field ('title', 'asked', 'pairs'...), for the re-ranking."""


FIELD_WEIGHTS = {"title": 2.5, "keywords": 1.2, "asked": 1.2, "text": 1.0}
"""A word in an entry's title or other names says more than the same word in prose."""
PARTS = (*FIELD_WEIGHTS, "pairs")
"""Where a passage's score comes from: each searched field, and the adjacent-word pairs."""
PAIR_WEIGHT = 2.0
"""Words that appear side by side as asked (a name, 'level 2') outweigh scattered ones."""


class Snapshot:
    """One complete index held in memory: later swaps or deletes on disk cannot touch it."""

    def __init__(
        self,
        storage: Any,
        lexicon: Lexicon,
        key: tuple[int, int],
        postings_budget: int = DEFAULT_BUDGET,
    ) -> None:
        self.key = key
        self.lexicon = lexicon
        self._index = storage.open_index()
        self._weighting = BM25F(B=0.75, K1=1.2, title_B=0.3)
        self._searcher = self._index.searcher(weighting=self._weighting)
        self._reader = self._searcher.reader()
        self._lock = threading.Lock()  # a Whoosh searcher is not safe across threads
        self.postings = PostingsCache(postings_budget)
        self._passages: dict[int, Passage] = {}
        self.size = self._searcher.doc_count()

    def passage(self, doc: int) -> Passage:
        cached = self._passages.get(doc)
        if cached is None:
            fields = self._searcher.stored_fields(doc)
            cached = Passage(
                title=fields["title"],
                text=fields["text"],
                url=fields["url"],
                source=fields["source"],
                kind=cast(PassageKind, fields["kind"]),
                keywords=fields.get("keywords", ""),
                asked=fields.get("asked", ""),
            )
            self._passages[doc] = cached
        return cached

    def doc_frequency(self, term: str) -> int:
        """In how many passages `term` (an index term) occurs, in any searched field."""
        with self._lock:
            return max(int(self._searcher.doc_frequency(f, term)) for f in SEARCHED_FIELDS)

    def _scored_postings(self, field: str, term: str) -> Postings:
        """BM25F of `term` in each passage that has it, read from Whoosh when not cached.

        The figures depend only on the index, so they are kept (up to a memory budget):
        a question then costs a few dictionary additions per matching passage, instead
        of Whoosh's matcher machinery (about ten times slower in pure Python).
        """
        key = (field, term)
        cached = self.postings.get(key)
        if cached is not None:
            return cached
        with self._lock:
            out = postings_of([])
            if self._reader.doc_frequency(field, term):
                scorer = self._weighting.scorer(self._searcher, field, term)
                matcher = self._reader.postings(field, term)
                while matcher.is_active():
                    out.docs.append(matcher.id())
                    out.scores.append(float(scorer.score(matcher)))
                    matcher.next()
        self.postings.put(key, out)
        return out

    def search(self, terms: Sequence[WeightedTerm], limit: int) -> list[Hit]:
        """The best `limit` passages for the weighted terms (a weighted sum of BM25F)."""
        looked_up: list[tuple[str, Postings, float]] = []
        totals: dict[int, float] = defaultdict(float)
        for term in terms:
            lookups: list[tuple[str, str, float]] = []
            if len(term.words) == 1:
                lookups += [(f, term.words[0], term.weight * w) for f, w in FIELD_WEIGHTS.items()]
            share = PAIR_WEIGHT / max(len(term.words) - 1, 1)
            lookups += [("pairs", pair(a, b), term.weight * share) for a, b in pairwise(term.words)]
            for name, word, boost in lookups:
                postings = self._scored_postings(name, word)
                looked_up.append((name, postings, boost))
                for doc, score in postings.pairs():
                    totals[doc] += score * boost
        best = heapq.nlargest(limit, totals.items(), key=lambda item: (item[1], -item[0]))
        # The score's parts by field, for the re-ranking, only for the passages chosen:
        # each is found in a term's postings by bisection (they are in document order),
        # so a word thousands of passages share costs a few look-ups, not a second pass.
        hits = []
        for doc, _ in best:
            parts = dict.fromkeys(PARTS, 0.0)
            for name, postings, boost in looked_up:
                at = bisect_left(postings.docs, doc)
                if at < len(postings.docs) and postings.docs[at] == doc:
                    parts[name] += postings.scores[at] * boost
            score = sum(parts.values())
            hits.append(Hit(self.passage(doc), score, doc, parts))
        return hits


def _folder_key(index_dir: Path) -> tuple[int, int]:
    """Changes whenever a new index is swapped in (a new folder, or new files in place)."""
    stat = (index_dir / LEXICON_FILE).stat()
    return (index_dir.stat().st_ino, stat.st_mtime_ns)


def load_snapshot(index_dir: Path, postings_budget: int = DEFAULT_BUDGET) -> Snapshot:
    """Read every file of the index into memory, checking nothing changed meanwhile.

    `postings_budget` bounds, in bytes, the scored postings the snapshot keeps.
    """
    for _attempt in range(20):
        try:
            key = _folder_key(index_dir)
            files = {
                path.name: path.read_bytes()
                for path in index_dir.iterdir()
                if path.is_file() and path.name != README
            }
            if _folder_key(index_dir) != key:
                continue  # swapped while reading: read the new one
            damage = find_damage(files)
            if damage:
                raise IndexMissing(
                    f"the search index in {index_dir} is damaged: {damage}; {REBUILD}", index_dir
                )
            other = engine_mismatch(files)
            if other:
                raise IndexFromAnotherEngine(
                    f"the search index in {index_dir} cannot be used: {other}; {REBUILD}",
                    index_dir,
                )
            storage = RamStorage()
            for name, data in files.items():
                with storage.create_file(name) as out:
                    out.write(data)
            lexicon = Lexicon.from_json(storage.open_file(LEXICON_FILE).read().decode("utf-8"))
            if ENGLISH_FILE in files:
                lexicon.english = Lexicon.english_from(files[ENGLISH_FILE])
            return Snapshot(storage, lexicon, key, postings_budget)
        except FileNotFoundError:
            time.sleep(0.05)  # between the two renames of a swap: try again shortly
        except IndexMissing:
            raise
        except Exception as exc:  # damaged or foreign folder
            raise IndexMissing(
                f"the search index in {index_dir} cannot be read ({exc}); {REBUILD}", index_dir
            ) from exc
    raise IndexMissing(f"no search index in {index_dir}: run 'mappa-kb build' first", index_dir)


class SearchIndex:
    """The index folder as a long-lived reader sees it: reloaded when a build swaps it.

    A request never fails because a build is under way: if the new folder cannot be read
    yet, the snapshot already in memory keeps answering.
    """

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()

    def snapshot(self) -> Snapshot:
        current = self._snapshot
        try:
            key = _folder_key(self.index_dir)
        except OSError:
            key = None
        if current is not None and (key is None or key == current.key):
            return current
        with self._lock:
            if self._snapshot is not None and self._snapshot is not current:
                return self._snapshot  # another thread has just reloaded
            try:
                self._snapshot = load_snapshot(self.index_dir)
            except IndexMissing:
                if current is None:
                    raise
            return self._snapshot or current  # type: ignore[return-value]
