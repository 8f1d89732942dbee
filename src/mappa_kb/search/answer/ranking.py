"""Re-ranking: what Whoosh's word counts cannot see about a passage and a question.

BM25F finds candidates; each factor here adds one thing a word count cannot know:
which glossary entry the question names, whether it asks "what is" (the entry's own
explanation answers best), "how many" (a statistic, or a passage counting the thing
asked, answers), "list the ..." (a passage naming several answers) or about an area (a
figure for another area does not answer), and how much of the question a passage covers.
"""

from __future__ import annotations

import math
import re
from itertools import pairwise

from mappa_kb.search.answer.figures import FigureBook
from mappa_kb.search.answer.shapes import BOOSTS, SHAPES
from mappa_kb.search.index.analysis import analyze, pair, pairs_of
from mappa_kb.search.index.reader import Hit, Snapshot
from mappa_kb.search.passage import BULLET, Passage
from mappa_kb.search.understand.intents import Intent
from mappa_kb.search.understand.members import members_named
from mappa_kb.search.understand.question import Question
from mappa_kb.search.understand.understanding import TIMING_TERMS, Understanding

_SHARE_FIGURE = re.compile(r"\d%|\bper cent\b|\bper 100|\brate\b", re.I)
"""A percentage or a rate, which answers 'what share', not 'how many'."""

_ITEM = r"(?!and |or )[^\W\d][\w'’-]*(?: [\w'’-]+){0,3}"
_SERIES = re.compile(rf"\b(?:{_ITEM}, )+{_ITEM},? (?:and|or) {_ITEM}")
"""Three or more things named one after another ('police, probation and prisons')."""


_NUMBER = (
    r"\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
    r"hundred|thousand|dozen"
)
_COUNTED = re.compile(
    rf"(?<![\w.])(?<!level )(?<!category )(?<!section )(?<!part )(?<!schedule )(?:{_NUMBER})"
    r"(?![\w.,]\w)((?: [\w'’-]+){1,3})",
    re.I,
)
"""A number and the words after it: 'eighteen Probation Delivery Units', 'two lay
advisers'. Not a name ('Level 2', 'section 325'), a date's year or a figure's decimals."""


KIND_INTENTS = frozenset(
    {Intent.DEFINE, Intent.COUNT, Intent.LIST, Intent.TIME, Intent.DATE, Intent.REASON,
     Intent.WHO, Intent.COMPARE}
)  # fmt: skip
"""Intents whose fitting answer kind is learnt: a feature 'kind:<kind>:<intent>' each."""

INITIAL_WEIGHTS: dict[str, float] = dict.fromkeys(
    ("bm25", "coverage", "about", "figures", "shape", "counts", "list", "series"), 1.0
)
"""Before fitting: Whoosh's score times each factor, as the ranking was hand-set. The
fitted weights (scripts/fit_ranking.py -> data/ranking-weights.json, saved in the index)
start from these and replace them."""


def counted_terms(text: str) -> set[str]:
    """Index terms of the things the text gives a number of."""
    out: set[str] = set()
    for match in _COUNTED.finditer(text):
        if not re.match(
            r"\s*(january|february|march|april|may|june|july|august|september|"
            r"october|november|december)\b",
            match.group(1),
            re.I,
        ):
            out.update(analyze(match.group(1)))
    return out


def has(terms: set[str], way: tuple[str, ...]) -> bool:
    """One word, or words side by side (their adjacent pairs are all there)."""
    if len(way) == 1:
        return way[0] in terms
    return all(pair(a, b) in terms for a, b in pairwise(way))


def covers(terms: set[str], unit: frozenset[tuple[str, ...]]) -> bool:
    """Whether any way of saying the unit is there."""
    return any(has(terms, way) for way in unit)


def terms_and_pairs(text: str) -> set[str]:
    return set(analyze(text)) | set(pairs_of(text))


def _entry_of(url: str, entry_urls: dict[str, str]) -> str | None:
    return entry_urls.get(url.split("#", 1)[0])


class Ranker:
    """Per-snapshot state: the understanding of names, and each passage's terms."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.understanding = Understanding(snapshot.lexicon)
        self.figures = FigureBook(snapshot.lexicon)
        self.entry_urls = {e.url: e.id for e in snapshot.lexicon.entries}
        self.weights = {**INITIAL_WEIGHTS, **snapshot.lexicon.weights}
        self._terms: dict[int, set[str]] = {}
        self._asked: dict[int, list[frozenset[str]]] = {}
        self._members: dict[int, dict[str, frozenset[str]]] = {}

    def terms_of(self, hit: Hit) -> set[str]:
        terms = self._terms.get(hit.doc)
        if terms is None:
            p = hit.passage
            terms = terms_and_pairs(p.searched_text)
            self._terms[hit.doc] = terms
        return terms

    def features(self, question: Question, hit: Hit) -> dict[str, float]:
        """What Whoosh's score cannot see, as named numbers (see FEATURES)."""
        terms = self.terms_of(hit)
        passage = hit.passage
        entry = _entry_of(passage.url, self.entry_urls)
        found: dict[str, float] = {
            "bm25": math.log(max(hit.score, 1e-9)),
            "coverage": math.log(_coverage(question, terms)),
            "about": math.log(_about(question, passage, entry)),
            "figures": math.log(_figures(question, passage, terms)),
        }
        for field, value in hit.fields.items():
            found[f"field:{field}"] = math.log1p(value)
        shapes = [s for s in question.intents & SHAPES.keys() if SHAPES[s].search(passage.text)]
        found["shape"] = sum(math.log(BOOSTS[s]) for s in shapes)  # "how long", "why"
        if Intent.NUMBER in question.intents and passage.kind != "statistic":
            found["counts"] = math.log(_counts(question, passage.text))
        if Intent.LIST in question.intents and _names_several(passage.text):
            found["list"] = math.log(1.3)  # "who sits on ...": a passage naming them answers
        if question.series:
            found["series"] = math.log(_series(question, terms, entry))
        if question.units and passage.asked:
            asked = terms_and_pairs(passage.asked)
            share = sum(covers(asked, unit) for unit in question.units) / len(question.units)
            found["asked-cover"] = share  # readers asked it in these words
            found["asked-best"] = self._closest_asked(question, hit)
        matched = self._members_match(question, hit)
        if matched is not None:
            found[f"members:{matched}"] = 1.0
        kinds = [intent.value for intent in question.intents & KIND_INTENTS] or ["plain"]
        for intent_name in kinds:
            found[f"kind:{passage.kind}:{intent_name}"] = 1.0
        return found

    def _members_match(self, question: Question, hit: Hit) -> str | None:
        """How the levels and categories the passage names stand to those the question
        names: 'same', 'part' (some of them; 'part-of-sum' when they are to be added up)
        or 'other'; None when it names none of the series asked about. A statistic is
        judged by what its figure counts (its label); anything else by its title."""
        if not question.members:
            return None
        named = self._members.get(hit.doc)
        if named is None:
            figure = self.figures.figure_of(hit.passage)
            named = members_named(figure.label if figure is not None else hit.passage.title)
            self._members[hit.doc] = named
        shared = question.members.keys() & named.keys()
        if not shared:
            return None
        if all(named[head] == question.members[head] for head in shared):
            return "same"
        if all(named[head] <= question.members[head] for head in shared):
            return "part-of-sum" if question.adds_up else "part"
        return "other"

    def _closest_asked(self, question: Question, hit: Hit) -> float:
        """How close the nearest question readers ask of this passage is to this one:
        shared words over all the words of both (1.0: the same words)."""
        asked = self._asked.get(hit.doc)
        if asked is None:
            asked = [frozenset(analyze(q)) for q in hit.passage.asked.split(" ; ") if q]
            self._asked[hit.doc] = asked
        words = set(question.content)
        if not words:
            return 0.0
        return max((len(words & a) / len(words | a) for a in asked if a), default=0.0)

    def weight(self, question: Question, hit: Hit) -> float:
        """The passage's score for the question: its features, weighted (log scale)."""
        weights = self.weights
        return sum(
            weights.get(name, 0.0) * value for name, value in self.features(question, hit).items()
        )


def _counts(question: Question, text: str) -> float:
    """'How many PDUs': a passage saying 'eighteen Probation Delivery Units' answers."""
    asked = {word for unit in question.units for way in unit for word in way}
    return 1.5 if counted_terms(text) & asked else 1.0


def _names_several(text: str) -> bool:
    """Whether the text lists things: as bullet points, or three or more in a row."""
    return text.count(BULLET) >= 2 or _SERIES.search(text) is not None


def _fullest(terms: set[str], unit: frozenset[tuple[str, ...]]) -> int:
    """Words in the longest way of saying the unit that the passage has (0: none)."""
    best = 0
    for way in unit:
        if len(way) > best and has(terms, way):
            best = len(way)
    return best


def _coverage(question: Question, terms: set[str]) -> float:
    """A passage that covers every part of the question beats one that repeats one part;
    one that uses an entry's fuller name ("returned to custody for breach of licence"
    rather than "returned to custody") is a little more surely about it."""
    if not question.units:
        return 1.0
    lengths = [_fullest(terms, unit) for unit in question.units]
    covered = sum(1 for n in lengths if n)
    fuller = 1.0 + 0.03 * sum(max(n - 2, 0) for n in lengths)
    share: float = (covered / len(question.units)) ** 1.5
    return (0.3 + 0.7 * share) * min(fuller, 1.15)


def _about(question: Question, passage: Passage, entry: str | None) -> float:
    """Passages of the entries the question names; their own explanation for 'what is'."""
    if entry is None or entry not in question.entries:
        return 1.0
    factor = 1.6 if entry == question.entries[0] else 1.3
    # A name that is a small part of a long question ('police' in "what if he doesn't
    # tell the police his address") says less about what the question is about.
    factor = 1.0 + (factor - 1.0) * min(1.0, 2.0 * question.entry_shares.get(entry, 1.0))
    compares = Intent.COMPARE in question.intents and len(question.entries) > 1
    asks_what = Intent.DEFINE in question.intents or compares
    if passage.kind == "glossary" and asks_what and not question.wants_figures:
        factor *= 2.0
    return factor


def _figures(question: Question, passage: Passage, terms: set[str]) -> float:
    """Statistics answer questions about figures, for the area asked about, and little else."""
    if passage.kind != "statistic":
        return 0.6 if question.wants_figures else 1.0
    if question.wants_figures:
        factor = 2.0
        is_share = bool(_SHARE_FIGURE.search(passage.text))
        if is_share != (Intent.SHARE in question.intents):
            factor *= 0.7
    elif Intent.COUNT in question.intents:
        factor = 1.2
    else:
        factor = 0.5
    if question.areas and not any(a.casefold() in passage.text.casefold() for a in question.areas):
        factor *= 0.2
    # A count on one day ('on 31 March') and a count over the year are different figures,
    # as another area's is, though their words are alike.
    timing = terms & TIMING_TERMS
    if question.timing and timing and not timing & question.timing:
        factor *= 0.2
    for members in question.unasked_series:  # Level 1 alone, when no level was asked
        listed = sum(covers(terms, frozenset({member})) for member in members)
        if 0 < listed < len(members):
            factor *= 0.85
    return factor


def _series(question: Question, terms: set[str], entry: str | None) -> float:
    """'The categories', where the glossary has Category 1 to 4: a passage listing them
    all answers; the page of one member answers only a quarter of the question."""
    listed = sum(covers(terms, frozenset({member})) for member in question.series)
    factor = 1.0 + 1.5 * (listed / len(question.series)) ** 2
    return factor * (0.5 if entry in question.series_entries else 1.0)
