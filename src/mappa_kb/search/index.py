"""The Whoosh index: schema, atomic build, and an in-memory reader that follows rebuilds.

The only module that imports whoosh. Questions reach Whoosh as already-analysed words,
looked up term by term, never through Whoosh's query parser, so no input can trip it
(a trailing '?' would be a wildcard there, and 'NOT NOT x' raises inside it).
"""

from __future__ import annotations

import heapq
import re
import shutil
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path
from typing import Any, cast

from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    SpaceSeparatedTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.fields import ID, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.scoring import BM25F

from mappa_kb.atomic import swap_in
from mappa_kb.search.integrity import REBUILD, find_damage, write_checksums
from mappa_kb.search.lexicon import LEXICON_FILE, Lexicon
from mappa_kb.search.passages import Passage, PassageKind
from mappa_kb.search.text import STOP_WORDS, analysis_text

README = "README.md"
SEARCHED_FIELDS = ("title", "keywords", "text")
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
        | StemFilter(cachesize=100_000)
    )


_ANALYZER = _analyzer()


def _schema() -> Schema:
    return Schema(
        pid=ID(stored=True, unique=True),
        title=TEXT(analyzer=_ANALYZER, stored=True),
        keywords=TEXT(analyzer=_ANALYZER, stored=True),
        text=TEXT(analyzer=_ANALYZER, stored=True),
        url=STORED(),
        source=STORED(),
        kind=ID(stored=True),
        # Adjacent word pairs ("sexual_risk", "risk_order", "level_2") as single terms:
        # phrase matching at the cost of a term look-up (Whoosh's phrase queries are slow).
        pairs=TEXT(analyzer=SpaceSeparatedTokenizer()),
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


# -- building -----------------------------------------------------------------------------


def _document(number: int, passage: Passage) -> dict[str, str]:
    """Fields as indexed (analysis text) and as stored (the passage as written)."""
    return {
        "pid": str(number),
        "title": analysis_text(passage.title),
        "_stored_title": passage.title,
        "keywords": analysis_text(passage.keywords),
        "_stored_keywords": passage.keywords,
        "text": analysis_text(passage.text),
        "_stored_text": passage.text,
        "url": passage.url,
        "source": passage.source,
        "kind": passage.kind,
        "pairs": " ".join(pairs_of(f"{passage.title}\n{passage.keywords}\n{passage.text}")),
    }


def build_index(passages: Sequence[Passage], lexicon: Lexicon, index_dir: Path) -> Path:
    """Write a complete index into a temporary folder beside `index_dir`, then swap it in."""
    final = index_dir.resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
    try:
        index = FileStorage(str(work)).create().create_index(_schema())
        writer = index.writer()
        try:
            for number, passage in enumerate(passages):
                writer.add_document(**_document(number, passage))
        except BaseException:
            writer.cancel()  # closes its files before the folder is removed
            raise
        writer.commit()
        (work / LEXICON_FILE).write_text(lexicon.to_json(), encoding="utf-8")
        write_checksums(work, skip=frozenset({README}))  # last: it vouches for the rest
        if (final / README).is_file():  # the folder's README is tracked by git: keep it
            shutil.copy2(final / README, work / README)
        work.chmod(0o755)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    swap_in(work, final)
    return final


# -- reading ------------------------------------------------------------------------------


class IndexMissing(Exception):
    """No usable index: `mappa-kb build` has not been run (or the folder is damaged)."""


@dataclass(frozen=True)
class WeightedTerm:
    """Analysed words to look for (several = a phrase) and how much a match counts."""

    words: tuple[str, ...]
    weight: float


@dataclass(frozen=True)
class Hit:
    passage: Passage
    score: float
    doc: int


FIELD_WEIGHTS = {"title": 2.5, "keywords": 1.2, "text": 1.0}
"""A word in an entry's title or other names says more than the same word in prose."""
PAIR_WEIGHT = 2.0
"""Words that appear side by side as asked (a name, 'level 2') outweigh scattered ones."""


class Snapshot:
    """One complete index held in memory: later swaps or deletes on disk cannot touch it."""

    def __init__(self, storage: Any, lexicon: Lexicon, key: tuple[int, int]) -> None:
        self.key = key
        self.lexicon = lexicon
        self._index = storage.open_index()
        self._weighting = BM25F(B=0.75, K1=1.2, title_B=0.3)
        self._searcher = self._index.searcher(weighting=self._weighting)
        self._reader = self._searcher.reader()
        self._lock = threading.Lock()  # a Whoosh searcher is not safe across threads
        self._postings: dict[tuple[str, str], list[tuple[int, float]]] = {}
        self._passages: dict[int, Passage] = {}
        self.size = self._searcher.doc_count()

    def passage(self, doc: int) -> Passage:
        cached = self._passages.get(doc)
        if cached is None:
            fields = self._searcher.stored_fields(doc)
            cached = Passage(
                title=fields["title"],
                text=fields["text"],
                url=fields["url"],
                source=fields["source"],
                kind=cast(PassageKind, fields["kind"]),
                keywords=fields.get("keywords", ""),
            )
            self._passages[doc] = cached
        return cached

    def doc_frequency(self, term: str) -> int:
        """In how many passages `term` (an index term) occurs, in any searched field."""
        with self._lock:
            return max(int(self._searcher.doc_frequency(f, term)) for f in SEARCHED_FIELDS)

    def _scored_postings(self, field: str, term: str) -> list[tuple[int, float]]:
        """BM25F of `term` in each passage that has it, read from Whoosh once per snapshot.

        The figures depend only on the index, so they are kept: a question then costs a
        few dictionary additions per matching passage, instead of Whoosh's matcher
        machinery (about ten times slower in pure Python).
        """
        key = (field, term)
        cached = self._postings.get(key)
        if cached is not None:
            return cached
        with self._lock:
            out: list[tuple[int, float]] = []
            if self._reader.doc_frequency(field, term):
                scorer = self._weighting.scorer(self._searcher, field, term)
                matcher = self._reader.postings(field, term)
                while matcher.is_active():
                    out.append((matcher.id(), float(scorer.score(matcher))))
                    matcher.next()
            self._postings[key] = out
        return out

    def search(self, terms: Sequence[WeightedTerm], limit: int) -> list[Hit]:
        """The best `limit` passages for the weighted terms (a weighted sum of BM25F)."""
        scores: dict[int, float] = defaultdict(float)
        for term in terms:
            lookups: list[tuple[str, str, float]] = []
            if len(term.words) == 1:
                lookups += [(f, term.words[0], term.weight * w) for f, w in FIELD_WEIGHTS.items()]
            share = PAIR_WEIGHT / max(len(term.words) - 1, 1)
            lookups += [("pairs", pair(a, b), term.weight * share) for a, b in pairwise(term.words)]
            for field, word, boost in lookups:
                for doc, score in self._scored_postings(field, word):
                    scores[doc] += score * boost
        best = heapq.nlargest(limit, scores.items(), key=lambda item: (item[1], -item[0]))
        return [Hit(self.passage(doc), score, doc) for doc, score in best]


def _folder_key(index_dir: Path) -> tuple[int, int]:
    """Changes whenever a new index is swapped in (a new folder, or new files in place)."""
    stat = (index_dir / LEXICON_FILE).stat()
    return (index_dir.stat().st_ino, stat.st_mtime_ns)


def load_snapshot(index_dir: Path) -> Snapshot:
    """Read every file of the index into memory, checking nothing changed meanwhile."""
    for _attempt in range(20):
        try:
            key = _folder_key(index_dir)
            files = {
                path.name: path.read_bytes()
                for path in index_dir.iterdir()
                if path.is_file() and path.name != README
            }
            if _folder_key(index_dir) != key:
                continue  # swapped while reading: read the new one
            damage = find_damage(files)
            if damage:
                raise IndexMissing(
                    f"the search index in {index_dir} is damaged: {damage}; {REBUILD}"
                )
            storage = RamStorage()
            for name, data in files.items():
                with storage.create_file(name) as out:
                    out.write(data)
            lexicon = Lexicon.from_json(storage.open_file(LEXICON_FILE).read().decode("utf-8"))
            return Snapshot(storage, lexicon, key)
        except FileNotFoundError:
            time.sleep(0.05)  # between the two renames of a swap: try again shortly
        except IndexMissing:
            raise
        except Exception as exc:  # damaged or foreign folder
            raise IndexMissing(
                f"the search index in {index_dir} cannot be read ({exc}); {REBUILD}"
            ) from exc
    raise IndexMissing(f"no search index in {index_dir}: run 'mappa-kb build' first")


class SearchIndex:
    """The index folder as a long-lived reader sees it: reloaded when a build swaps it.

    A request never fails because a build is under way: if the new folder cannot be read
    yet, the snapshot already in memory keeps answering.
    """

    def __init__(self, index_dir: Path) -> None:
        self.index_dir = index_dir
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()

    def snapshot(self) -> Snapshot:
        current = self._snapshot
        try:
            key = _folder_key(self.index_dir)
        except OSError:
            key = None
        if current is not None and (key is None or key == current.key):
            return current
        with self._lock:
            if self._snapshot is not None and self._snapshot is not current:
                return self._snapshot  # another thread has just reloaded
            try:
                self._snapshot = load_snapshot(self.index_dir)
            except IndexMissing:
                if current is None:
                    raise
            return self._snapshot or current  # type: ignore[return-value]
