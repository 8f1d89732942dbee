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
from functools import cached_property
from itertools import pairwise

from mappa_kb.search.index.analysis import analyze, analyze_word
from mappa_kb.search.index.reader import WeightedTerm
from mappa_kb.search.lexicon import Entry, Lexicon
from mappa_kb.search.text import (
    MAX_QUERY_CHARS,
    NUMBER_WORDS,
    PERIOD_TERM,
    SNAPSHOT_TERM,
    STOP_WORDS,
    clean,
    shorthand_parts,
)
from mappa_kb.search.understand.intents import (
    EVERYDAY_WORDS,
    INTENT_ONLY,
    QUESTION_WORDS,
    Intent,
    intents_of,
)
from mappa_kb.search.understand.members import asks_to_add_up, members_named
from mappa_kb.search.understand.phrasing import Phrasing, plain_words
from mappa_kb.search.understand.question import Question
from mappa_kb.search.understand.spelling import SpellingCorrector

EXPANSION_WEIGHT = 0.35
"""Weight of words the content uses for what was asked in other words: enough to
prefer a passage that has them, too little to outrank one matching the words asked."""
IDIOM_WEIGHT = 0.6
"""Weight of what an idiom means ('come off' -> 'revoked'): its own words count for
little, so its meaning carries that part of the question."""

_Add = Callable[[tuple[str, ...], float], None]

MAX_WORDS = 40
"""Words beyond this are ignored: no question needs more, and the work stays bounded."""

_WORD = re.compile(r"\w+(?:[.,]\d+)*")


def _is_name(text: str, start: int, word: str) -> bool:
    """A word capitalised in the middle of a sentence (and not all capitals, as short
    forms are typed): someone's or somewhere's name."""
    if not word[:1].isupper() or word.isupper():
        return False
    before = text[:start].rstrip()
    return bool(before) and before[-1] not in ".?!:;\"'("


TIMING_TERMS = frozenset(analyze_word(t) for t in (SNAPSHOT_TERM, PERIOD_TERM))


class Understanding:
    """Everything derived from one lexicon, worked out once and reused for each question."""

    def __init__(self, lexicon: Lexicon, known_terms: frozenset[str] = frozenset()) -> None:
        self.lexicon = lexicon
        self.known_terms = known_terms
        self.entries = {e.id: e for e in lexicon.entries}
        self.names: dict[tuple[str, ...], set[str]] = defaultdict(set)
        self.shorthands: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        lossy: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for entry in lexicon.entries:
            for name in entry.names:
                words = tuple(analyze(name))
                if words:
                    self.names[words].add(entry.id)
                    if len(words) < len(name.split()):
                        lossy[words].add(entry.id)
                self._add_shorthand(name)
        # "MAPPA A" (a form) analyses to plain "mappa": a name that lost a word in analysis
        # does not take another entry's whole name from it.
        for words, owners in lossy.items():
            if owners < self.names[words]:
                self.names[words] -= owners
        # Numbered series of names ("Category 1" ... "Category 4"), by their first word.
        series: dict[str, set[tuple[str, ...]]] = defaultdict(set)
        for words in self.names:
            if len(words) == 2 and words[1].isdigit():
                series[words[0]].add(words)
        self.series = {head: sorted(m) for head, m in series.items() if len(m) > 1}
        self.series_members = {m for members in self.series.values() for m in members}
        self.name_words = {w for name in self.names for w in name}
        self.number_terms = {analyze_word(w): digits for w, digits in NUMBER_WORDS.items()}
        self.longest_name = max((len(n) for n in self.names), default=1)
        self.areas = {area: tuple(analyze(area)) for area in lexicon.areas}
        self.phrasing = Phrasing(lexicon.phrasing)
        said = [*self.phrasing.meanings, *self.phrasing.rewrites]
        self.phrasing_words = frozenset(w for form in said for w in form.split())
        self.area_names = {
            tuple(plain_words(name)): area
            for name, area in lexicon.area_names.items()
            if area in self.areas
        }
        self.longest_area_name = max((len(n) for n in self.area_names), default=1)
        self.phrasing_words |= {w for name in self.area_names for w in name}
        # Places the site holds nothing for are names, not misspellings ("Kent").
        places = [*lexicon.places, *lexicon.outside]
        self.phrasing_words |= {w for place in places for w in plain_words(place)}

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
            or lower in self.phrasing_words
            or lower in QUESTION_WORDS
            or lower in EVERYDAY_WORDS
            or lower in self.lexicon.english  # a real word is never "corrected"
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
            # "Megan's Law", "Darren", "Kettering": a name, not a misspelling, unless it
            # is nearly one of the glossary's own names ("Visr" for ViSOR).
            if (
                fixed
                and _is_name(text, match.start(), match.group())
                and analyze_word(fixed.lower()) not in self.name_words
            ):
                fixed = None
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

    def find_areas(self, terms: list[str], said: list[str]) -> tuple[list[str], set[str]]:
        """Areas named in the question, and the index terms of other names used for them
        ('cambs', 'the capital'), which say nothing more once the area is known."""
        present = set(terms)
        found = []
        for area, words in self.areas.items():
            distinctive = [w for w in words if len(w) > 3]
            if distinctive and any(w in present for w in distinctive):
                found.append(area)
        others: set[str] = set()
        for size in range(min(self.longest_area_name, len(said)), 0, -1):
            for start in range(len(said) - size + 1):
                named = self.area_names.get(tuple(said[start : start + size]))
                if named:
                    found.append(named)
                    others |= set(analyze(" ".join(said[start : start + size])))
        return list(dict.fromkeys(found)), others - {t for a in found for t in self.areas[a]}

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
        question.intents = intents_of(lowered)
        said = self.phrasing.words(searched)
        found = self.phrasing.find(said)

        grouped = self.expand_shorthands(analyze(searched))
        terms = [t for group in grouped for t in group if t not in INTENT_ONLY]
        spans, covered = self.find_names(terms)
        question.entries = list(dict.fromkeys(entry for _, _, entry in spans))
        meaningful = self.meaningful(terms)
        question.content = [terms[i] for i in meaningful]
        question.coverage = len(covered & set(meaningful)) / len(meaningful) if meaningful else 0
        for start, end, entry in spans:
            share = len(set(range(start, end)) & set(meaningful)) / max(len(meaningful), 1)
            question.entry_shares[entry] = max(question.entry_shares.get(entry, 0.0), share)
        question.name_only = bool(spans) and question.coverage == 1.0
        if question.name_only or (
            question.coverage >= 0.5 and Intent.ASKS_WHAT in question.intents
        ):
            question.intents.add(Intent.DEFINE)
        question.areas, other_names = self.find_areas(terms, said)
        question.units = self._units(terms, spans, covered, meaningful)
        if other_names:  # 'cambs' is covered where the area's own name is
            question.units = [u for u in question.units if not u <= {(t,) for t in other_names}]
            question.units += [frozenset({self.areas[a]}) for a in question.areas]
        light = self._light_terms(found)
        question.units = [u for u in question.units if not u <= {(t,) for t in light}]
        question.units = self._widen_units(question.units, found)
        for form, means in found:  # what the words stand for is part of what is asked
            if form in self.phrasing.essential:
                question.essentials.append(frozenset(tuple(analyze(m)) for m in means) - {()})
        question.units += question.essentials
        question.numbers = [t for i, t in enumerate(terms) if t[:1].isdigit() and i not in covered]
        question.timing = frozenset(terms) & TIMING_TERMS
        question.wants_figures = Intent.COUNT in question.intents and bool(
            question.areas or question.numbers or question.timing
        )
        question.members = members_named(searched)
        question.adds_up = asks_to_add_up(searched)
        question.series = self.find_series(terms, covered)
        question.series_entries = {e for member in question.series for e in self.names[member]}
        asked = {tuple(terms[start:end]) for start, end, _ in spans}
        question.unasked_series = [m for m in self.series.values() if not asked & set(m)]
        question.terms = self._weighted(terms, spans, question.series, lowered, found)
        # "doesnt", "fails to" read "not": passages saying what is not done answer them.
        targets = set(self.phrasing.rewrites.values()) & set(said)
        question.terms += [WeightedTerm(tuple(analyze(t)), IDIOM_WEIGHT) for t in targets]
        if other_names:
            question.terms += [WeightedTerm(self.areas[a], 1.0) for a in question.areas]
        return question

    def _weighted(
        self,
        terms: list[str],
        spans: list[tuple[int, int, str]],
        series: list[tuple[str, ...]],
        lowered: str,
        found: list[tuple[str, list[str]]],
    ) -> list[WeightedTerm]:
        weights: dict[tuple[str, ...], float] = {}

        def add(words: tuple[str, ...], weight: float) -> None:
            if words and weights.get(words, 0.0) < weight:
                weights[words] = weight

        # The words of a turn of phrase ('sits on', 'come off') say little on their own:
        # what they mean is searched instead, unless they are part of a name.
        named = {t for start, end, _ in spans for t in terms[start:end]}
        light = QUESTION_WORDS | (self._light_terms(found) - named)
        for term in terms:
            add((term,), 0.3 if term in light else 1.0)
        for first, second in pairwise(terms):
            if first not in light and second not in light:
                add((first, second), 0.6)  # words side by side, as asked, count extra
        for start, end, entry_id in spans:
            asked = tuple(terms[start:end])
            add(asked, 1.0)
            self._expand_entry(self.entries[entry_id], asked, add)
        for member in series:
            add(member, 0.5)
        if Intent.COUNT in intents_of(lowered):  # an unqualified count means the total
            add(("total",), 0.3)
            add(("all",), 0.3)
        for form, means in found:
            weight = IDIOM_WEIGHT if form in self.phrasing.idioms else EXPANSION_WEIGHT
            for words in means:
                add(tuple(analyze(words)), weight)
        return [WeightedTerm(w, weight) for w, weight in weights.items()]

    def _light_terms(self, found: list[tuple[str, list[str]]]) -> set[str]:
        """Index terms that only carry grammar: negations ('doesnt', read as 'not') and
        the words of idioms ('come off'), whose meaning is searched instead."""
        idioms = [form for form, _ in found if form in self.phrasing.idioms]
        return {t for form in [*idioms, *self.phrasing.rewrites] for t in analyze(form)}

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

    def _widen_units(
        self, units: list[frozenset[tuple[str, ...]]], found: list[tuple[str, list[str]]]
    ) -> list[frozenset[tuple[str, ...]]]:
        """A word asked is also covered by the site's words for it: "how long" by
        "length" or "period", "sex offence" by "sexual offence". The words of a form of
        several words ("sex offence") become one unit, covered by the form or its meaning."""
        for form, means in found:
            if form in self.phrasing.idioms or form in self.phrasing.essential:
                continue  # idioms' words are dropped and essentials are units already
            said = tuple(analyze(form))
            words = {(t,) for t in said}
            if not said or not any(unit <= words for unit in units):
                continue
            ways = {said, *(tuple(analyze(m)) for m in means)} - {()}
            units = [u for u in units if not u <= words] + [frozenset(ways)]
        return list(dict.fromkeys(units))

    def _expand_entry(self, entry: Entry, asked: tuple[str, ...], add: _Add) -> None:
        """Look for the entry's other names too, sharing out the weight between them."""
        others = {tuple(analyze(name)) for name in entry.names} - {asked, ()}
        if not others:
            return
        share = max(0.35, 0.9 / len(others) ** 0.5)
        for words in others:
            add(words, share)
