"""Question -> cited answers: search, re-rank, cut each passage to the part that answers.

Whoosh's BM25F finds candidates; the re-ranking adds what a word count cannot know:
which glossary entry the question names, whether it asks "what is" (the entry's own
explanation answers best), "how many" (a statistic answers) or about an area (a figure
for another area does not answer), and how much of the question a passage covers.
"""

from __future__ import annotations

import re
import threading
from dataclasses import asdict, dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from mappa_kb.search.html_text import BULLET
from mappa_kb.search.index import Hit, SearchIndex, Snapshot, analyze, pair, pairs_of
from mappa_kb.search.passages import Passage
from mappa_kb.search.query import Question, Understanding
from mappa_kb.search.text import sentences

_DURATION = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|ten|twelve|fifteen)\s+"
    r"(hours?|days?|weeks?|months?|years?)\b|\bindefinite|\bno maximum|\bat least\b",
    re.I,
)
"""A stretch of time: what 'how long', 'how quickly' and 'when' questions want."""

_SHARE_FIGURE = re.compile(r"\d%|\bper cent\b|\bper 100|\brate\b", re.I)
"""A percentage or a rate, which answers 'what share', not 'how many'."""

ANSWER_CHARS = 600
CANDIDATES = 40
PER_URL = 2
"""At most this many answers from one place on the site, so the list shows choices."""


@dataclass(frozen=True)
class Answer:
    title: str
    text: str
    url: str
    source: str
    kind: str
    score: float


@dataclass(frozen=True)
class Result:
    query: str
    corrected: str | None
    answers: list[Answer]

    def to_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "corrected": self.corrected,
            "answers": [asdict(a) for a in self.answers],
        }


def _has(terms: set[str], way: tuple[str, ...]) -> bool:
    """One word, or words side by side (their adjacent pairs are all there)."""
    if len(way) == 1:
        return way[0] in terms
    return all(pair(a, b) in terms for a, b in pairwise(way))


def _covers(terms: set[str], unit: frozenset[tuple[str, ...]]) -> bool:
    """Whether any way of saying the unit is there."""
    return any(_has(terms, way) for way in unit)


def terms_and_pairs(text: str) -> set[str]:
    return set(analyze(text)) | set(pairs_of(text))


def _entry_of(url: str, entry_urls: dict[str, str]) -> str | None:
    return entry_urls.get(url.split("#", 1)[0])


class _Ranker:
    """Per-snapshot state: the understanding of names, and each passage's terms."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.understanding = Understanding(snapshot.lexicon)
        self.entry_urls = {e.url: e.id for e in snapshot.lexicon.entries}
        self._terms: dict[int, set[str]] = {}

    def terms_of(self, hit: Hit) -> set[str]:
        terms = self._terms.get(hit.doc)
        if terms is None:
            p = hit.passage
            terms = terms_and_pairs(f"{p.title}\n{p.keywords}\n{p.text}")
            self._terms[hit.doc] = terms
        return terms

    def weight(self, question: Question, hit: Hit) -> float:
        """Whoosh's score times what it cannot see; each factor is explained below."""
        terms = self.terms_of(hit)
        entry = _entry_of(hit.passage.url, self.entry_urls)
        factor = _coverage(question, terms) * _about(question, hit.passage, entry)
        factor *= _figures(question, hit.passage, terms)
        if "time" in question.intents and _DURATION.search(hit.passage.text):
            factor *= 1.4  # "how long", "how quickly": a stretch of time answers
        if question.series:
            factor *= _series(question, terms, entry)
        return float(hit.score * factor)


def _fullest(terms: set[str], unit: frozenset[tuple[str, ...]]) -> int:
    """Words in the longest way of saying the unit that the passage has (0: none)."""
    best = 0
    for way in unit:
        if len(way) > best and _has(terms, way):
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
    compares = "compare" in question.intents and len(question.entries) > 1
    asks_what = "define" in question.intents or compares
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
        if is_share != ("share" in question.intents):
            factor *= 0.7
    elif "count" in question.intents:
        factor = 1.2
    else:
        factor = 0.5
    if question.areas and not any(a.casefold() in passage.text.casefold() for a in question.areas):
        factor *= 0.2
    for members in question.unasked_series:  # Level 1 alone, when no level was asked
        listed = sum(_covers(terms, frozenset({member})) for member in members)
        if 0 < listed < len(members):
            factor *= 0.85
    return factor


def _series(question: Question, terms: set[str], entry: str | None) -> float:
    """'The categories', where the glossary has Category 1 to 4: a passage listing them
    all answers; the page of one member answers only a quarter of the question."""
    listed = sum(_covers(terms, frozenset({member})) for member in question.series)
    factor = 1.0 + 1.5 * (listed / len(question.series)) ** 2
    return factor * (0.5 if entry in question.series_entries else 1.0)


def _cut(sentence: str, limit: int) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + "…"


def _blocks(parts: list[str]) -> list[str]:
    """Sentences, with a lead-in ending in ':' kept together with the list after it."""
    blocks: list[str] = []
    for part in parts:
        if blocks and (blocks[-1].endswith(":") or (part.startswith(BULLET) and ":" in blocks[-1])):
            blocks[-1] = f"{blocks[-1]} {part}"
        else:
            blocks.append(part)
    return blocks


def _fit(block: str, limit: int) -> str:
    """A block cut to `limit`: whole list items if it has them, else whole words."""
    if len(block) <= limit:
        return block
    items = block.split(f" {BULLET}")
    kept = items[0]
    for item in items[1:]:
        if len(kept) + len(item) + 4 > limit - 2:
            break
        kept = f"{kept} {BULLET}{item}"
    return _cut(kept, limit - 2) + (" …" if kept != block and len(kept) < limit - 2 else "")


def _block_scores(blocks: list[str], question: Question) -> list[int]:
    if question.name_only:
        return [0] * len(blocks)  # nothing but a name: every sentence is as relevant
    content = set(question.content)
    scores = []
    for block in blocks:
        terms = terms_and_pairs(block)
        score = 2 * sum(_covers(terms, unit) for unit in question.units)
        score += len(terms & content)
        score += 2 * sum(_covers(terms, frozenset({member})) for member in question.series)
        if "time" in question.intents and _DURATION.search(block):
            score += 2
        scores.append(score)
    return scores


def _add_context(chosen: dict[int, str], blocks: list[str], budget: int) -> None:
    """Fill what room is left with the sentences right after those chosen."""
    for i in sorted(chosen):
        following = i + 1
        while following < len(blocks) and following not in chosen:
            if len(blocks[following]) + 1 > budget:
                return
            chosen[following] = blocks[following]
            budget -= len(blocks[following]) + 1
            following += 1


def _join(chosen: dict[int, str], total: int) -> str:
    out: list[str] = []
    previous = -1
    for i in sorted(chosen):
        if i != previous + 1 and not (out and out[-1].endswith("…")):
            out.append("…")
        out.append(chosen[i])
        previous = i
    if previous < total - 1 and not out[-1].endswith("…"):
        out.append("…")
    return " ".join(out)


def _trim(text: str, question: Question, lead: bool) -> str:
    """At most ANSWER_CHARS of the passage: the sentences that match the question best.

    Sentences are picked by how much of the question they cover, kept in their order,
    with '…' where something is left out, then followed by the sentences after them
    as far as room allows. With `lead`, the passage's first sentence (a glossary entry's
    summary) comes first, since it says what the thing is; when the question is nothing
    but a name, the passage is read from the top.
    """
    if len(text) <= ANSWER_CHARS:
        return text
    blocks = _blocks(sentences(text))
    scores = _block_scores(blocks, question)
    chosen: dict[int, str] = {}
    budget = ANSWER_CHARS
    if lead or not any(scores):
        chosen[0] = _fit(blocks[0], budget)
        budget -= len(chosen[0]) + 1
    for i in sorted(range(len(blocks)), key=lambda i: (-scores[i], i)):
        if scores[i] <= 0 or budget < 40:
            break
        piece = _fit(blocks[i], budget - 2)
        if i not in chosen and (piece == blocks[i] or piece.endswith(" …")):  # no half sentences
            chosen[i] = piece
            budget -= len(piece) + 2
    _add_context(chosen, blocks, budget)
    return _join(chosen, len(blocks))


class Answerer:
    """Answers questions from the index folder, following rebuilds as they happen."""

    def __init__(self, index_dir: Path) -> None:
        self.index = SearchIndex(index_dir)
        self._ranker: _Ranker | None = None
        self._lock = threading.Lock()

    def _ranker_for(self, snapshot: Snapshot) -> _Ranker:
        ranker = self._ranker
        if ranker is None or ranker.snapshot is not snapshot:
            with self._lock:
                if self._ranker is None or self._ranker.snapshot is not snapshot:
                    self._ranker = _Ranker(snapshot)
                ranker = self._ranker
        return ranker

    def understand(self, question: str) -> Question:
        return self._ranker_for(self.index.snapshot()).understanding.understand(question)

    def ask(self, question: str, k: int = 5) -> Result:
        ranker = self._ranker_for(self.index.snapshot())
        understood = ranker.understanding.understand(question)
        if not understood.terms or k < 1:
            return Result(understood.text, understood.corrected, [])
        hits = ranker.snapshot.search(understood.terms, limit=max(CANDIDATES, 4 * k))
        ranked = sorted(((ranker.weight(understood, h), h) for h in hits), key=lambda x: -x[0])
        answers: list[Answer] = []
        seen_text: set[str] = set()
        per_url: dict[str, int] = {}
        for score, hit in ranked:
            p = hit.passage
            if p.text in seen_text or per_url.get(p.url, 0) >= PER_URL or score <= 0:
                continue
            seen_text.add(p.text)
            per_url[p.url] = per_url.get(p.url, 0) + 1
            top = p.kind in {"glossary", "page"} and "asks-what" in understood.intents
            answers.append(
                Answer(
                    p.title,
                    _trim(p.text, understood, top),
                    p.url,
                    p.source,
                    p.kind,
                    round(score, 3),
                )
            )
            if len(answers) == k:
                break
        return Result(understood.text, understood.corrected, answers)
