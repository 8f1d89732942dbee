"""A question as understood: what to search for, and what kind of answer fits it.

Made by understanding.Understanding; read by the re-ranking (answer/ranking.py) and by
the cutting of passages to the part that answers (answer/trim.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mappa_kb.search.index.reader import WeightedTerm
from mappa_kb.search.understand.intents import Intent


@dataclass
class Question:
    """A question understood: what to search for and what kind of answer fits."""

    text: str
    """The question as given, cleaned of control characters and extra spaces."""
    corrected: str | None
    """The question with spelling corrected, or None when nothing was changed."""
    terms: list[WeightedTerm] = field(default_factory=list)
    content: list[str] = field(default_factory=list)
    """Index terms of the words that matter (after correction, before expansion)."""
    entries: list[str] = field(default_factory=list)
    """Ids of glossary entries the question names, in order."""
    entry_shares: dict[str, float] = field(default_factory=dict)
    """Share of the words that matter taken by each entry's name."""
    intents: set[Intent] = field(default_factory=set)
    areas: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    name_only: bool = False
    """True when the question is nothing but names (e.g. 'shpo', 'What is MAPPA?')."""
    coverage: float = 0.0
    """Share of the words that matter that are glossary names."""
    series: list[tuple[str, ...]] = field(default_factory=list)
    """Members of a numbered series asked about as a whole ('the categories')."""
    series_entries: set[str] = field(default_factory=set)
    unasked_series: list[list[tuple[str, ...]]] = field(default_factory=list)
    """Numbered series the question names no member of (for 'all levels' vs 'Level 1')."""
    members: dict[str, frozenset[str]] = field(default_factory=dict)
    """Levels and categories the question names ('level 2 and 3': {'level': {'2', '3'}})."""
    adds_up: bool = False
    """Asks for parts added together ('Level 2 and 3 together')."""
    timing: frozenset[str] = frozenset()
    """Whether it asks for a count on one day ('on 31 March'), over a year ('during
    2022-23'), or both: the index terms marking each (see search.text)."""
    wants_figures: bool = False
    """A 'how many' question tied to an area, a number or a date: a statistic answers."""
    essentials: list[frozenset[tuple[str, ...]]] = field(default_factory=list)
    """What everyday words stand for, which an answer is expected to say ('doesnt tell':
    failing to comply, breach), one unit each; also among `units`."""
    units: list[frozenset[tuple[str, ...]]] = field(default_factory=list)
    """What the question asks about, one unit per name or word: each unit is the set of
    ways to say it (an entry's names, or one word), any one of which covers it."""
