"""What the question side needs to know about the content, saved beside the index.

Built once from the content and the passages by `mappa-kb build` (passages/lexicon.py),
so answering a question never has to read or validate YAML (that keeps `mappa-kb ask`
starting fast, and keeps YAML and pydantic out of the reader's browser).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import asdict, dataclass, field

LEXICON_FILE = "lexicon.json"
ENGLISH_FILE = "english-words.txt.gz"
"""Beside the lexicon: English words, kept out of its JSON (they are most of its size)."""


@dataclass(frozen=True)
class Entry:
    """A glossary entry as the question side sees it: the names that point to it."""

    id: str
    url: str
    heading: str
    names: tuple[str, ...]
    """Term, abbreviations and aliases, as written."""
    abbreviations: tuple[str, ...] = ()
    summary: str = ""
    """The entry's plain-English summary for the public (its staff definition follows
    it in the entry's passage)."""


@dataclass(frozen=True)
class HelpLine:
    """One line of the "What you can do" card (data/help.yaml): who to contact and when,
    and the words in a question that bring it."""

    id: str
    name: str
    text: str
    phone: str | None
    url: str | None
    """A page of the site that says more (site-relative), if any."""
    source: str
    """'Title, section', as answers cite."""
    reviewed: str
    """When a person last checked it (YYYY-MM-DD)."""
    situations: tuple[str, ...]
    always: bool = False
    """On every card, whatever brought it (999)."""


@dataclass(frozen=True)
class Figure:
    """One number the statistics hold (a table cell, a single figure or a share worked
    out from them), as answers that compute with figures need it."""

    area: str
    """The area's name as readers know it, e.g. 'London'."""
    year: str
    key: str
    """Dotted key ('eligible.level2.total'), a single figure's key, or a derived name."""
    table: str
    """The table's key, or '' for a single or derived figure."""
    row: str
    column: str
    value: float
    shown: str
    """As written: '10,621' or '98.7%'."""
    label: str
    """What it counts and when, without the area and the number."""
    text: str
    """The statistic passage's text, which links a search hit to its figure."""
    url: str
    source: str
    derived: bool = False


@dataclass
class PhrasingTables:
    """data/phrasing.yaml as questions use it: everyday ways of asking -> the site's words."""

    rewrites: dict[str, str] = field(default_factory=dict)
    """Form as typed -> the form to read instead ("does not" -> "not")."""
    meanings: dict[str, list[str]] = field(default_factory=dict)
    """Form as typed (after rewrites) -> words the content uses."""
    idioms: set[str] = field(default_factory=set)
    """Forms whose own words say little ('come off')."""
    essential: set[str] = field(default_factory=set)
    """Forms whose meaning an answer is expected to use."""


@dataclass
class Lexicon:
    entries: list[Entry] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    """Area names that statistics are given for, e.g. 'London'."""
    vocabulary: dict[str, int] = field(default_factory=dict)
    """Every word in the passages and names (lower case) -> how often it occurs."""
    phrasing: PhrasingTables = field(default_factory=PhrasingTables)
    area_names: dict[str, str] = field(default_factory=dict)
    """Other names of areas, lower case -> the area as in `areas` ('cambs' -> ...)."""
    figures: list[Figure] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    """Places in England and Wales the site holds no figures for (data/elsewhere.yaml)."""
    outside: list[str] = field(default_factory=list)
    """Places outside England and Wales, which the site does not cover."""
    weights: dict[str, float] = field(default_factory=dict)
    """Fitted weights of the re-ranking's features (data/ranking-weights.json)."""
    english: frozenset[str] = frozenset()
    """English words (ENGLISH_FILE): never corrected, though the site may not use them."""
    help: list[HelpLine] = field(default_factory=list)
    """The "What you can do" lines, most urgent first (data/help.yaml)."""
    source_pages: dict[str, str] = field(default_factory=dict)
    """Each registered source's title -> where the Sources page lists it (site-relative)."""

    def english_bytes(self) -> bytes:
        text = "\n".join(sorted(self.english)) + "\n"
        return gzip.compress(text.encode("utf-8"), 9, mtime=0)

    @staticmethod
    def english_from(data: bytes) -> frozenset[str]:
        return frozenset(gzip.decompress(data).decode("utf-8").split())

    def to_json(self) -> str:
        data = {
            "entries": [
                {
                    "id": e.id,
                    "url": e.url,
                    "heading": e.heading,
                    "names": list(e.names),
                    "abbreviations": list(e.abbreviations),
                    "summary": e.summary,
                }
                for e in self.entries
            ],
            "areas": self.areas,
            "vocabulary": self.vocabulary,
            "rewrites": self.phrasing.rewrites,
            "meanings": self.phrasing.meanings,
            "idioms": sorted(self.phrasing.idioms),
            "essential": sorted(self.phrasing.essential),
            "area_names": self.area_names,
            "figures": [asdict(f) for f in self.figures],
            "places": self.places,
            "outside": self.outside,
            "weights": self.weights,
            "help": [asdict(line) for line in self.help],
            "source_pages": self.source_pages,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> Lexicon:
        data = json.loads(text)
        entries = [
            Entry(
                id=e["id"],
                url=e["url"],
                heading=e["heading"],
                names=tuple(e["names"]),
                abbreviations=tuple(e.get("abbreviations", ())),
                summary=str(e.get("summary", "")),
            )
            for e in data.get("entries", [])
        ]
        return cls(
            entries,
            list(data.get("areas", [])),
            dict(data.get("vocabulary", {})),
            PhrasingTables(
                dict(data.get("rewrites", {})),
                dict(data.get("meanings", {})),
                set(data.get("idioms", [])),
                set(data.get("essential", [])),
            ),
            dict(data.get("area_names", {})),
            [Figure(**f) for f in data.get("figures", [])],
            list(data.get("places", [])),
            list(data.get("outside", [])),
            {str(k): float(v) for k, v in data.get("weights", {}).items()},
            help=[
                HelpLine(**{**line, "situations": tuple(line["situations"])})
                for line in data.get("help", [])
            ],
            source_pages={str(k): str(v) for k, v in data.get("source_pages", {}).items()},
        )
