"""Scored postings kept between questions, up to a memory budget (least recently used out).

Keeping every (field, term) ever looked up made a long-running server grow with each
new word it was asked (about 32 KB a question of unseen words, without end). The
entries that matter are few and asked again and again (the site's own words), so a
budget of a few megabytes keeps nearly every hit and bounds the rest.

Sizes are estimates, worked out once per entry from its length: exact accounting
(sys.getsizeof on every tuple) would cost more than the look-up it saves. Checked
against tracemalloc, the estimate is within about 20% of the real figure.
"""

from __future__ import annotations

import threading
from array import array
from collections import OrderedDict
from collections.abc import Iterable
from typing import NamedTuple


class Postings(NamedTuple):
    """For each passage that has the term: its document number and its BM25F score.

    Two flat arrays, not a list of pairs: 16 bytes a posting instead of about 120, so a
    big glossary's common words (thousands of passages each) still fit the budget
    rather than being scored again from the index for every question."""

    docs: array[int]
    scores: array[float]

    def pairs(self) -> Iterable[tuple[int, float]]:
        return zip(self.docs, self.scores, strict=True)


def postings_of(pairs: Iterable[tuple[int, float]]) -> Postings:
    out = Postings(array("q"), array("d"))
    for doc, score in pairs:
        out.docs.append(doc)
        out.scores.append(score)
    return out


DEFAULT_BUDGET = 16 * 1024 * 1024
"""Bytes. The postings for all 243 questions of the evaluation sets take about 6 MB."""

ENTRY_BYTES = 420
"""The key (a tuple of two short strings), the two arrays, the (postings, size) pair and
the ordered dict's own record: measured with tracemalloc for entries of unknown words."""
POSTING_BYTES = 17
"""An 8-byte document number, an 8-byte score, and the arrays' spare room as they grow
(16.4 bytes measured with tracemalloc)."""


def estimated_bytes(key: tuple[str, str], postings: Postings) -> int:
    return ENTRY_BYTES + len(key[0]) + len(key[1]) + POSTING_BYTES * len(postings.docs)


class PostingsCache:
    """(field, term) -> postings, dropping the least recently used beyond `budget` bytes."""

    def __init__(self, budget: int = DEFAULT_BUDGET) -> None:
        self.budget = budget
        self.size = 0
        self._entries: OrderedDict[tuple[str, str], tuple[Postings, int]] = OrderedDict()
        self._lock = threading.Lock()  # the move and the eviction must not interleave

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: tuple[str, str]) -> Postings | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            self._entries.move_to_end(key)
            return entry[0]

    def put(self, key: tuple[str, str], postings: Postings) -> None:
        cost = estimated_bytes(key, postings)
        with self._lock:
            old = self._entries.pop(key, None)
            if old is not None:
                self.size -= old[1]
            if cost > self.budget:
                return  # would push out everything else: answer it from the index each time
            self._entries[key] = (postings, cost)
            self.size += cost
            while self.size > self.budget:
                _, (_, dropped) = self._entries.popitem(last=False)
                self.size -= dropped
