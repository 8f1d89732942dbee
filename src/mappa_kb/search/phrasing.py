"""The phrasing lexicon as questions use it: everyday ways of asking -> the site's words.

phrasing.yaml is read and checked when the index is built (phrasing_file.py) and saved
in the lexicon, so answering a question never parses YAML or imports pydantic. `Phrasing`
finds the ways of saying things in a question and returns what the content calls them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mappa_kb.search.phrasing_file import PhrasingFile

_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_WORDS = re.compile(r"[a-z0-9]+")


def plain_words(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped: "Doesn't tell" -> ['doesnt', 'tell']."""
    return _WORDS.findall(_APOSTROPHE.sub("", text.lower()))


@dataclass
class Phrasing:
    """The lexicon as the question side uses it (what the index's lexicon.json holds)."""

    rewrites: dict[str, str] = field(default_factory=dict)
    """Form as typed -> the form to read instead ("does not" -> "not")."""
    meanings: dict[str, list[str]] = field(default_factory=dict)
    """Form as typed (after rewrites) -> words the content uses."""
    idioms: set[str] = field(default_factory=set)
    """Forms whose own words say little ('come off')."""
    essential: set[str] = field(default_factory=set)
    """Forms whose meaning an answer is expected to use."""

    @classmethod
    def from_file(cls, data: PhrasingFile) -> Phrasing:
        rewrites = {form: target for target, forms in data.rewrites.items() for form in forms}
        meanings: dict[str, list[str]] = {}
        for group in data.groups:
            for form in group.say:
                meanings.setdefault(form, [])
                meanings[form] += [m for m in group.means if m not in meanings[form]]
        idioms = {form for group in data.groups if group.idiom for form in group.say}
        essential = {form for group in data.groups if group.essential for form in group.say}
        return cls(rewrites, meanings, idioms, essential)

    def __post_init__(self) -> None:
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
