"""Where things live in a project checkout; one place so every layer agrees."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SOURCES_FILE = "sources.yaml"
"""In the glossary folder: every cited source, registered once."""
TOPICS_FILE = "topics.yaml"
"""In the glossary folder: the topics entries are grouped under."""


@dataclass(frozen=True)
class ProjectPaths:
    """The folders and files of one project, by role. Nothing here reads them."""

    root: Path

    @classmethod
    def at(cls, root: str | Path) -> ProjectPaths:
        return cls(Path(root).resolve())

    @property
    def glossary_dir(self) -> Path:
        return self.root / "glossary"

    @property
    def sources_file(self) -> Path:
        return self.glossary_dir / SOURCES_FILE

    @property
    def topics_file(self) -> Path:
        return self.glossary_dir / TOPICS_FILE

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def statistics_dir(self) -> Path:
        return self.data_dir / "statistics"

    @property
    def areas_file(self) -> Path:
        """Other names of the statistics areas ('cambs')."""
        return self.data_dir / "areas.yaml"

    @property
    def phrasing_file(self) -> Path:
        """Everyday English -> the words the site uses, for the question search."""
        return self.data_dir / "phrasing.yaml"

    @property
    def elsewhere_file(self) -> Path:
        """Places the site holds nothing for, so the Q&A says so."""
        return self.data_dir / "elsewhere.yaml"

    @property
    def help_file(self) -> Path:
        """What a reader can do (999, helplines), shown first on the Ask page."""
        return self.data_dir / "help.yaml"

    @property
    def ranking_weights_file(self) -> Path:
        """The Q&A re-ranking's fitted weights (scripts/fit_ranking.py)."""
        return self.data_dir / "ranking-weights.json"

    @property
    def english_words_file(self) -> Path:
        """English words the spelling correction never rewrites (scripts/make_english_words.py)."""
        return self.data_dir / "english-words.txt.gz"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def index_dir(self) -> Path:
        return self.root / "search_index"

    @property
    def cache_dir(self) -> Path:
        """What one build leaves for the next (never committed): the text of the
        hand-written pages as MkDocs rendered them, so the index can be rebuilt alone."""
        return self.root / ".cache" / "mappa-kb"

    @property
    def engine_cache_dir(self) -> Path:
        """The answering code as last compiled for the in-browser engine (mappa_kb.engine)."""
        return self.cache_dir / "browser-engine"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"
