"""Question -> what to look for: cleaned, corrected, expanded, with its intent.

Every input is made safe here: the question is cut to words (quotes, brackets, '*',
'?', AND/OR/NOT and control characters are just separators or plain words), and Whoosh
only ever receives analysed words. Names come from the glossary (saved in the
lexicon at build time), so a new term, abbreviation or alias is understood as soon as
it is written, both ways: "SRO" also looks for "Sexual Risk Order" and the reverse.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from itertools import pairwise

from mappa_kb.search.index import WeightedTerm, analyze, analyze_word
from mappa_kb.search.lexicon import Entry, Lexicon
from mappa_kb.search.spelling import SpellingCorrector
from mappa_kb.search.text import (
    MAX_QUERY_CHARS,
    NUMBER_WORDS,
    PERIOD_TERM,
    SNAPSHOT_TERM,
    STOP_WORDS,
    clean,
    shorthand_parts,
)

_Add = Callable[[tuple[str, ...], float], None]

MAX_WORDS = 40
"""Words beyond this are ignored: no question needs more, and the work stays bounded."""

_WORD = re.compile(r"\w+(?:[.,]\d+)*")

# Plain-English ways of asking that the text says differently. General question
# phrasing only: names, abbreviations and aliases come from the glossary itself.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "long": ("duration", "length", "last", "period"),
    "length": ("duration", "last", "period"),
    "duration": ("length", "last", "period"),
    "quickly": ("within", "days"),
    "soon": ("within", "days"),
    "deadline": ("within",),
    "max": ("maximum",),
    "maximum": ("most", "no maximum"),
    "min": ("minimum",),
    "minimum": ("least",),
    "youngest": ("age", "aged", "least"),
    "oldest": ("age", "aged"),
    "old": ("age", "aged"),
    "age": ("aged", "old"),
    "jail": ("prison", "custody"),
    "prison": ("custody",),
    "cops": ("police",),
    "abroad": ("overseas", "foreign", "travel"),
    "ban": ("prohibit", "prohibition", "restrict"),
    "stop": ("prohibit", "restrict"),
    "rules": ("requirements", "conditions"),
    "kids": ("children",),
    "child": ("children", "young"),
    "apply": ("application", "applicant"),
    "change": ("vary", "varied", "variation"),
    "end": ("discharge",),
    "cancel": ("discharge", "revoke"),
    "appeal": ("appeal",),
    "broke": ("breach",),
    "break": ("breach",),
    "broken": ("breach",),
    "breaking": ("breach",),
    "people": ("individuals", "offenders"),
    "offenders": ("individuals", "people"),
    "managed": ("management",),
    "who": ("who", "agencies"),
    "role": ("responsible", "duty"),
    "job": ("role", "responsible"),
}

QUESTION_WORDS = {"who", "when", "where", "how", "why"}
_EVERYDAY_LIST = """
many much long often soon quickly happen happens happened need needs needed someone
somebody anyone person people work works worked know find make made makes give gives take
takes say says said want wants go goes going come comes stay stays keep keeps put find
help helps way ways thing things time times day days week weeks month months year years
kind kinds sort type types number numbers allowed able still yes okay hello hi thanks
"""
EVERYDAY_WORDS = frozenset(_EVERYDAY_LIST.split())
"""Plain words of questions that are never misspellings, though the site may not use them."""
INTENT_ONLY = {"vs", "versu", "differ", "compar", "comparison", "mani", "much"}
"""Index terms that only say what kind of answer is wanted, never what it is about."""
_COUNT = re.compile(
    r"\b(how many|how much|number of|numbers|total|rate|figures?|statistics?|stats|"
    r"percentage|per ?cent|proportion|share|count)\b"
)
_SHARE = re.compile(r"\b(rate|percentage|per ?cent|proportion|share|ratio|per 100)")
_DEFINE = re.compile(
    r"^(what|whats|which)\b|^who (is|are)\b|\bmean(s|ing)?\b|\bdefin|\bexplain|\btell me about\b"
)
_TIME = re.compile(
    r"\bhow (long|quickly|soon|fast|often)\b|\bduration\b|\blength\b|\bdeadline\b|"
    r"\btime limit\b|\bwhen\b|\bminimum\b|\bmaximum\b"
)
_COMPARE = re.compile(r"\b(vs|versus|difference|differ|compared?|comparison)\b")


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
    intents: set[str] = field(default_factory=set)
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
    wants_figures: bool = False
    """A 'how many' question tied to an area, a number or a date: a statistic answers."""
    units: list[frozenset[tuple[str, ...]]] = field(default_factory=list)
    """What the question asks about, one unit per name or word: each unit is the set of
    ways to say it (an entry's names, or one word), any one of which covers it."""


class Understanding:
    """Everything derived from one lexicon, worked out once and reused for each question."""

    def __init__(self, lexicon: Lexicon, known_terms: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        self.known_terms = known_terms
        self.entries = {e.id: e for e in lexicon.entries}
        self.names: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.shorthands: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for entry in lexicon.entries:
            for name in entry.names:
                words = tuple(analyze(name))
                if words:
                    self.names[words].add(entry.id)
                self._add_shorthand(name)
        # Numbered series of names ("Category 1" ... "Category 4"), by their first word.
        series: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for words in self.names:
            if len(words) == 2 and words[1].isdigit():
                series[words[0]].add(words)
        self.series = {head: sorted(m) for head, m in series.items() if len(m) > 1}
        self.series_members = {m for members in self.series.values() for m in members}
        self.number_terms = {analyze_word(w): digits for w, digits in NUMBER_WORDS.items()}
        self.longest_name = max((len(n) for n in self.names), default=1)
        self.areas = {area: tuple(analyze(area)) for area in lexicon.areas}

    def _add_shorthand(self, name: str) -> None:
        words = name.split()
        if len(words) == 2 and words[1].isdigit() and words[0].isalpha():
            self.shorthands[f"{words[0][0].lower()}{words[1]}"].add(tuple(analyze(name)))

    @cached_property
    def corrector(self) -> SpellingCorrector:
        return SpellingCorrector(self.lexicon.vocabulary)

    @cached_property
    def vocabulary_terms(self) -> frozenset[str]:
        terms = {analyze_word(word) for word in self.lexicon.vocabulary}
        return frozenset(t for t in terms if t) | self.known_terms

    # -- steps --------------------------------------------------------------------------

    def _fix(self, word: str) -> str | None:
        lower = word.lower()
        if (
            not lower.isalpha()
            or lower in STOP_WORDS
            or lower in self.lexicon.vocabulary
            or lower in SYNONYMS
            or lower in QUESTION_WORDS
            or lower in EVERYDAY_WORDS
            or analyze_word(lower) in self.vocabulary_terms
        ):
            return None
        fixed = self.corrector.correct(lower)
        if not fixed or fixed == lower:
            return None
        return fixed.capitalize() if word[:1].isupper() and not word.isupper() else fixed

    def correct(self, text: str) -> tuple[str, bool]:
        """Replace unknown words with the nearest known one; report whether any changed."""
        pieces, position, changed = [], 0, False
        for match in _WORD.finditer(text):
            fixed = self._fix(match.group())
            if fixed:
                pieces += [text[position : match.start()], fixed]
                position, changed = match.end(), True
        pieces.append(text[position:])
        return "".join(pieces), changed

    def expand_shorthands(self, terms: list[str]) -> list[tuple[str, ...]]:
        """Each index term, or for 'L2'-style shorthands the name they stand for."""
        out: list[tuple[str, ...]] = []
        for term in terms:
            parts = shorthand_parts(term)
            names = self.shorthands.get(term) if parts else None
            if names and len({tuple(sorted(self.names[n])) for n in names}) == 1:
                out.append(sorted(names, key=len)[0])
            else:
                out.append((term,))
        return out

    def find_names(self, terms: list[str]) -> tuple[list[tuple[int, int, str]], set[int]]:
        """Longest glossary names found in the terms: (start, end, entry id) spans."""
        spans: list[tuple[int, int, str]] = []
        covered: set[int] = set()
        for size in range(min(self.longest_name, len(terms)), 0, -1):
            for start in range(len(terms) - size + 1):
                positions = set(range(start, start + size))
                if positions & covered:
                    continue
                owners = self.names.get(tuple(terms[start : start + size]))
                if owners:
                    covered |= positions
                    spans += [(start, start + size, owner) for owner in sorted(owners)]
        return sorted(spans), covered

    def find_areas(self, terms: list[str]) -> list[str]:
        present = set(terms)
        found = []
        for area, words in self.areas.items():
            distinctive = [w for w in words if len(w) > 3]
            if distinctive and any(w in present for w in distinctive):
                found.append(area)
        return found

    # -- the whole thing ----------------------------------------------------------------

    def find_series(self, terms: list[str], covered: set[int]) -> list[tuple[str, ...]]:
        """'categories' alone, where the glossary has Category 1, 2, 3...: every member."""
        found: list[tuple[str, ...]] = []
        for i, term in enumerate(terms):
            if i not in covered:
                found += self.series.get(term, [])
        return found

    def meaningful(self, terms: list[str]) -> list[int]:
        """Positions of the words that say what is asked about."""
        return [
            i
            for i, term in enumerate(terms)
            if term not in QUESTION_WORDS
            and not (i and self.number_terms.get(terms[i - 1]) == term)
        ]

    def understand(self, raw: str) -> Question:
        text = clean(raw, MAX_QUERY_CHARS)
        words = list(_WORD.finditer(text))
        searched = text[: words[MAX_WORDS].start()] if len(words) > MAX_WORDS else text
        searched, changed = self.correct(searched)
        question = Question(text=text, corrected=searched if changed else None)
        lowered = " ".join(w.lower() for w in _WORD.findall(searched))
        question.intents = _intents(lowered)

        grouped = self.expand_shorthands(analyze(searched))
        terms = [t for group in grouped for t in group if t not in INTENT_ONLY]
        spans, covered = self.find_names(terms)
        question.entries = list(dict.fromkeys(entry for _, _, entry in spans))
        meaningful = self.meaningful(terms)
        question.content = [terms[i] for i in meaningful]
        question.coverage = len(covered & set(meaningful)) / len(meaningful) if meaningful else 0
        question.name_only = bool(spans) and question.coverage == 1.0
        if question.name_only or (question.coverage >= 0.5 and "asks-what" in question.intents):
            question.intents.add("define")
        question.units = self._units(terms, spans, covered, meaningful)
        question.areas = self.find_areas(terms)
        question.numbers = [t for i, t in enumerate(terms) if t[:1].isdigit() and i not in covered]
        question.wants_figures = "count" in question.intents and bool(
            question.areas or question.numbers or {SNAPSHOT_TERM, PERIOD_TERM} & set(terms)
        )
        question.series = self.find_series(terms, covered)
        question.series_entries = {e for member in question.series for e in self.names[member]}
        asked = {tuple(terms[start:end]) for start, end, _ in spans}
        question.unasked_series = [m for m in self.series.values() if not asked & set(m)]
        question.terms = self._weighted(terms, spans, question.series, lowered)
        return question

    def _weighted(
        self,
        terms: list[str],
        spans: list[tuple[int, int, str]],
        series: list[tuple[str, ...]],
        lowered: str,
    ) -> list[WeightedTerm]:
        weights: dict[tuple[str, ...], float] = {}

        def add(words: tuple[str, ...], weight: float) -> None:
            if words and weights.get(words, 0.0) < weight:
                weights[words] = weight

        for term in terms:
            add((term,), 0.3 if term in QUESTION_WORDS else 1.0)
        for first, second in pairwise(terms):
            if first not in QUESTION_WORDS and second not in QUESTION_WORDS:
                add((first, second), 0.6)  # words side by side, as asked, count extra
        for start, end, entry_id in spans:
            asked = tuple(terms[start:end])
            add(asked, 1.0)
            self._expand_entry(self.entries[entry_id], asked, add)
        for member in series:
            add(member, 0.5)
        if "count" in _intents(lowered):  # an unqualified count means the total
            add(("total",), 0.3)
            add(("all",), 0.3)
        for word in set(lowered.split()) & SYNONYMS.keys():
            for synonym in SYNONYMS[word]:
                add(tuple(analyze(synonym)), 0.35)
        return [WeightedTerm(w, weight) for w, weight in weights.items()]

    def _units(
        self,
        terms: list[str],
        spans: list[tuple[int, int, str]],
        covered: set[int],
        meaningful: list[int],
    ) -> list[frozenset[tuple[str, ...]]]:
        units: list[frozenset[tuple[str, ...]]] = []
        by_span: dict[tuple[int, int], set[tuple[str, ...]]] = defaultdict(set)
        for start, end, entry_id in spans:
            by_span[(start, end)].add(tuple(terms[start:end]))
            by_span[(start, end)] |= {tuple(analyze(n)) for n in self.entries[entry_id].names}
        units += [frozenset(ways - {()}) for ways in by_span.values()]
        units += [frozenset({(terms[i],)}) for i in meaningful if i not in covered]
        return list(dict.fromkeys(units))

    def _expand_entry(self, entry: Entry, asked: tuple[str, ...], add: _Add) -> None:
        """Look for the entry's other names too, sharing out the weight between them."""
        others = {tuple(analyze(name)) for name in entry.names} - {asked, ()}
        if not others:
            return
        share = max(0.35, 0.9 / len(others) ** 0.5)
        for words in others:
            add(words, share)


def _intents(lowered: str) -> set[str]:
    intents = set()
    if _COUNT.search(lowered):
        intents.add("count")
        # "How many" wants a number of people; "what share" wants a percentage or rate.
        intents.add("share" if _SHARE.search(lowered) else "number")
    if _DEFINE.search(lowered):
        intents.add("asks-what")
    if _COMPARE.search(lowered):
        intents.add("compare")
    if _TIME.search(lowered):
        intents.add("time")
    if re.match(r"who\b", lowered):
        intents.add("who")
    return intents
