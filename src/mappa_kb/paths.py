"""Where things live in a project checkout; one place so every layer agrees."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Project:
    root: Path

    @classmethod
    def at(cls, root: str | Path) -> Project:
        return cls(Path(root).resolve())

    @property
    def glossary_dir(self) -> Path:
        return self.root / "glossary"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def statistics_dir(self) -> Path:
        return self.root / "data" / "statistics"

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    @property
    def index_dir(self) -> Path:
        return self.root / "search_index"

    @property
    def config_file(self) -> Path:
        return self.root / "mkdocs.yml"
