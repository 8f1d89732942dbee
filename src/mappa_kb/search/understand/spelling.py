"""Spelling correction against the words the site actually uses.

A misspelt word ("prevension", "registar") is replaced by the closest word in the
index vocabulary. Candidates are found through shared one-letter deletions (the
symmetric-delete method), so a correction costs a few dictionary look-ups rather than a
comparison with every word; the winner is the nearest by true edit distance, then the
most frequent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), capped at `limit`."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)


def allowed_distance(word: str) -> int:
    """Short words have many neighbours, so they may only be one letter out."""
    return 1 if len(word) < 7 else 2


class SpellingCorrector:
    def __init__(self, vocabulary: dict[str, int]) -> None:
        self.vocabulary = vocabulary
        self._longest = max(map(len, vocabulary), default=0)
        self._by_delete: dict[str, list[str]] = defaultdict(list)
        for word in vocabulary:
            if len(word) >= 3:
                self._by_delete[word].append(word)
                for shorter in _deletes(word):
                    self._by_delete[shorter].append(word)

    def _candidates(self, word: str) -> Iterable[str]:
        keys = {word} | _deletes(word)
        if allowed_distance(word) > 1:
            keys |= {d2 for d1 in _deletes(word) for d2 in _deletes(d1)}
        for key in keys:
            yield from self._by_delete.get(key, ())

    def correct(self, word: str) -> str | None:
        """The intended word for an unknown lower-case `word`, or None if none is close."""
        if word in self.vocabulary or len(word) < 4:
            return None
        limit = allowed_distance(word)
        if len(word) > self._longest + limit:
            # Too long to be within reach of any known word. Checked first because the
            # candidate keys grow with the cube of the length: a 5,000-letter "word"
            # would otherwise take minutes and gigabytes.
            return None
        best: tuple[int, int, str] | None = None
        for candidate in set(self._candidates(word)):
            distance = edit_distance(word, candidate, limit + 1)
            if distance > limit:
                continue
            rank = (distance, -self.vocabulary[candidate], candidate)
            if best is None or rank < best:
                best = rank
        return best[2] if best else None
