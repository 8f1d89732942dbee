"""What a reader can do: the lines of the "What you can do" card a question brings.

The lines and the words that bring them are content (data/help.yaml), saved in the
lexicon. A question brings a line when one of its situations appears in it as whole
words, lower case, apostrophes dropped ("I'm worried" is "im worried"). Matching reads
only the words typed (and their spelling correction): no ranking, no index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mappa_kb.search.answer.citations import Citations, Cited
from mappa_kb.search.lexicon import HelpLine

MAX_LINES = 4
"""A card is short: the lines of what to do first, not a directory."""

_WORD = re.compile(r"[a-z0-9]+")
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")


def words_of(text: str) -> str:
    """' im worried about a child ': lower case words, apostrophes dropped, spaced."""
    return f" {' '.join(_WORD.findall(_APOSTROPHES.sub('', text.casefold())))} "


@dataclass(frozen=True)
class HelpGiven:
    """A line of the card as answers give it."""

    id: str
    name: str
    """Who to contact: 'NSPCC Helpline'."""
    text: str
    """When to: 'If you are worried about a child.'"""
    phone: str | None
    """As written: '0808 800 5000'."""
    tel: str | None
    """The number as a link: 'tel:08088005000'."""
    url: str | None
    """A page of this site that says more (site-relative)."""
    source: str
    sources: list[Cited]
    reviewed: str
    """When a person last checked it against its source (YYYY-MM-DD)."""

    @classmethod
    def of(cls, line: HelpLine, citations: Citations) -> HelpGiven:
        tel = f"tel:{line.phone.replace(' ', '')}" if line.phone else None
        return cls(
            line.id, line.name, line.text, line.phone, tel, line.url, line.source,
            citations.split(line.source), line.reviewed,
        )  # fmt: skip


@dataclass(frozen=True)
class HelpDesk:
    """The card's lines, most urgent first, and the words that bring each."""

    lines: list[HelpLine]

    def card(self, *asked: str | None) -> list[HelpLine]:
        """The lines for a question (as typed, and as corrected): none when no situation
        is in it; else the lines it brings, with the `always` lines first, at most
        MAX_LINES, in the file's order. When more are brought, those brought by the
        longest phrase stay: 'worried about a child' says more than 'next door'."""
        said = " ".join(words_of(text) for text in asked if text)
        brought: dict[str, int] = {}
        for line in self.lines:
            found = [len(s.split()) for s in line.situations if f" {s} " in said]
            if found:
                brought[line.id] = max(found)
        if not brought:
            return []
        always = [line for line in self.lines if line.always]
        others = sorted(
            (line for line in self.lines if line.id in brought and not line.always),
            key=lambda line: -brought[line.id],
        )  # sorted() keeps the file's order among equals
        kept = {line.id for line in [*always, *others][:MAX_LINES]}
        return [line for line in self.lines if line.id in kept]
