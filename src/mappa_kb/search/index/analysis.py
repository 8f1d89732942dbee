"""The index's word analysis: what a passage's text and a question's words become.

Passages are indexed and questions looked up with the same analyzer, so "notification"
and "notify", "Level 2" and "level 2", meet in the middle.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise
from typing import Any

from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    SpaceSeparatedTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.fields import ID, STORED, TEXT, Schema

from mappa_kb.search.text import STOP_WORDS, analysis_text

SEARCHED_FIELDS = ("title", "keywords", "asked", "text")
_SEGMENT = re.compile(r"[;\n]")


class _DropLoneLetters(Filter):  # type: ignore[misc]
    """A single letter is noise ('s' from "offender's"); a single digit is not ('Level 2')."""

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            if len(token.text) > 1 or token.text.isdigit():
                yield token


class _VerbForms(Filter):  # type: ignore[misc]
    """'notification' -> 'notify' before stemming, which would otherwise keep them apart."""

    def __call__(self, tokens: Iterator[Any]) -> Iterator[Any]:
        for token in tokens:
            if token.text.endswith("ification"):
                token.text = token.text[: -len("ification")] + "ify"
            yield token


def _analyzer() -> Any:
    return (
        RegexTokenizer(r"\w+(?:\.\d+)?")
        | LowercaseFilter()
        | _DropLoneLetters()
        | _VerbForms()
        | StopFilter(stoplist=STOP_WORDS, minsize=1)
        | StemFilter(cachesize=30_000)  # bounded: a server meets unbounded new words
    )


_ANALYZER = _analyzer()


def schema() -> Schema:
    return Schema(
        pid=ID(stored=True, unique=True),
        title=TEXT(analyzer=_ANALYZER, stored=True, phrase=False),
        keywords=TEXT(analyzer=_ANALYZER, stored=True, phrase=False),
        asked=TEXT(analyzer=_ANALYZER, stored=True, phrase=False),
        text=TEXT(analyzer=_ANALYZER, stored=True, phrase=False),
        url=STORED(),
        source=STORED(),
        kind=ID(stored=True),
        # Adjacent word pairs ("sexual_risk", "risk_order", "level_2") as single terms:
        # phrase matching at the cost of a term look-up (Whoosh's phrase queries are slow).
        pairs=TEXT(analyzer=SpaceSeparatedTokenizer(), phrase=False),
    )


@lru_cache(maxsize=20_000)
def _analyze(text: str) -> tuple[str, ...]:
    return tuple(t.text for t in _ANALYZER(analysis_text(text)))


def analyze(text: str) -> list[str]:
    """Index terms for `text`, exactly as passages are indexed (stemmed, no stop words)."""
    return list(_analyze(text))


def pair(first: str, second: str) -> str:
    return f"{first}_{second}"


def pairs_of(text: str) -> list[str]:
    """Adjacent index-term pairs, not across name or line separators (';' or newline)."""
    out = []
    for segment in _SEGMENT.split(text):
        terms = _analyze(segment)
        out += [pair(a, b) for a, b in pairwise(terms)]
    return out


def analyze_word(word: str) -> str | None:
    """The single index term for one word, or None for a stop word."""
    terms = _analyze(word)
    return terms[0] if terms else None
