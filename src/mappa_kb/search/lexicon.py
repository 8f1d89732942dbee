"""What the question side needs to know about the content, saved beside the index.

Built once from the glossary and the passages by `mappa-kb build`, so answering a
question never has to read or validate YAML (that keeps `mappa-kb ask` starting fast).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from mappa_kb.search.passages import Passage
from mappa_kb.search.phrasing import Phrasing, PhrasingFile, load_phrasing_file

LEXICON_FILE = "lexicon.json"
_WORD = re.compile(r"[^\W\d_][^\W_]*")


@dataclass(frozen=True)
class Entry:
    """A glossary entry as the question side sees it: the names that point to it."""

    id: str
    url: str
    heading: str
    names: tuple[str, ...]
    """Term, abbreviations and aliases, as written."""
    abbreviations: tuple[str, ...] = ()


@dataclass
class Lexicon:
    entries: list[Entry] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    """Area names that statistics are given for, e.g. 'London'."""
    vocabulary: dict[str, int] = field(default_factory=dict)
    """Every word in the passages and names (lower case) -> how often it occurs."""
    phrasing: Phrasing = field(default_factory=Phrasing)
    """Everyday ways of asking -> the words the site uses (search/phrasing.yaml)."""
    area_names: dict[str, str] = field(default_factory=dict)
    """Other names of areas, lower case -> the area as in `areas` ('cambs' -> ...)."""

    def to_json(self) -> str:
        data = {
            "entries": [
                {
                    "id": e.id,
                    "url": e.url,
                    "heading": e.heading,
                    "names": list(e.names),
                    "abbreviations": list(e.abbreviations),
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
            )
            for e in data.get("entries", [])
        ]
        return cls(
            entries,
            list(data.get("areas", [])),
            dict(data.get("vocabulary", {})),
            Phrasing(
                dict(data.get("rewrites", {})),
                dict(data.get("meanings", {})),
                set(data.get("idioms", [])),
                set(data.get("essential", [])),
            ),
            dict(data.get("area_names", {})),
        )


def count_words(texts: Iterable[str]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w.lower() for w in _WORD.findall(text))
    return dict(counts)


def build_lexicon(
    entries: list[Entry],
    areas: Iterable[str],
    passages: list[Passage],
    phrasing: PhrasingFile | None = None,
    area_names: dict[str, str] | None = None,
) -> Lexicon:
    """What questions need; `phrasing` defaults to search/phrasing.yaml."""
    texts: list[str] = [p.title for p in passages]
    texts += [p.text for p in passages]
    texts += [p.keywords for p in passages]
    texts += [name for e in entries for name in e.names]
    unique_areas = sorted({a.strip() for a in areas if a.strip()}, key=str.casefold)
    return Lexicon(
        entries,
        unique_areas,
        count_words(texts),
        Phrasing.from_file(phrasing or load_phrasing_file()),
        {name.casefold(): area for name, area in (area_names or {}).items()},
    )
