"""The phrasing tables as questions use them: find everyday ways of asking in a question.

data/phrasing.yaml is read and checked with the rest of the content and saved in the
lexicon (search/lexicon.py), so answering a question never parses YAML. `Phrasing`
finds the ways of saying things in a question and returns what the content calls them.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from mappa_kb.search.lexicon import PhrasingTables

_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_WORDS = re.compile(r"[a-z0-9]+")


def plain_words(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped: "Doesn't tell" -> ['doesnt', 'tell']."""
    return _WORDS.findall(_APOSTROPHE.sub("", text.lower()))


class Phrasing:
    """The tables, with the matching that questions need."""

    def __init__(self, tables: PhrasingTables) -> None:
        self.rewrites = tables.rewrites
        self.meanings = tables.meanings
        self.idioms = tables.idioms
        self.essential = tables.essential
        self._longest = max((len(k.split()) for k in [*self.rewrites, *self.meanings]), default=1)

    def words(self, text: str) -> list[str]:
        """Lower-case words with apostrophes dropped and rewrites applied."""
        words = plain_words(text)
        out: list[str] = []
        position = 0
        for start, end in self._spans(words, self.rewrites):
            out += words[position:start] + self.rewrites[" ".join(words[start:end])].split()
            position = end
        return out + words[position:]

    def find(self, words: list[str]) -> list[tuple[str, list[str]]]:
        """(form said, words the content uses) for each form found in `words`."""
        forms = [" ".join(words[a:b]) for a, b in self._spans(words, self.meanings)]
        return [(form, self.meanings[form]) for form in forms]

    def _spans(self, words: list[str], table: Collection[str]) -> list[tuple[int, int]]:
        """Longest matches left to right, not overlapping."""
        spans, i = [], 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                if " ".join(words[i : i + size]) in table:
                    spans.append((i, i + size))
                    i += size
                    break
            else:
                i += 1
        return spans
