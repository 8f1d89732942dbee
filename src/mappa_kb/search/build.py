"""Content -> passages -> index (`mappa-kb build` runs it with the site build).

The hand-written pages' text is what the site build rendered (collected by the MkDocs
plugin). The build keeps it, with the build's id, so the index can be rebuilt alone
later (a live preview after an entry is edited) and still say which site it matches.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from mappa_kb.atomic import swap_in, write_atomically
from mappa_kb.content.project import Project
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.index.integrity import index_build_id
from mappa_kb.search.index.writer import write_index
from mappa_kb.search.passages import collect_passages
from mappa_kb.search.passages.lexicon import build_lexicon

__all__ = [
    "RenderedPages",
    "RenderedPagesMissing",
    "build_search_index",
    "index_build_id",
    "save_rendered_pages",
    "saved_rendered_pages",
    "write_search_index",
]

RENDERED_PAGES_FILE = "rendered-pages.json"


class RenderedPagesMissing(Exception):
    """No saved page text: the site has not been built in this checkout yet."""


@dataclass(frozen=True)
class RenderedPages:
    """The hand-written pages as one site build rendered them (docs path -> HTML)."""

    build_id: str
    html: dict[str, str] = field(default_factory=dict)


def save_rendered_pages(paths: ProjectPaths, pages: RenderedPages) -> None:
    data = {"build_id": pages.build_id, "html": dict(sorted(pages.html.items()))}
    write_atomically(paths.cache_dir / RENDERED_PAGES_FILE, json.dumps(data, ensure_ascii=False))


def saved_rendered_pages(paths: ProjectPaths) -> RenderedPages:
    path = paths.cache_dir / RENDERED_PAGES_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        html = {str(src): str(text) for src, text in data["html"].items()}
        return RenderedPages(str(data["build_id"]), html)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RenderedPagesMissing(
            "the index needs the pages as the site build rendered them: run 'mappa-kb build'"
        ) from exc


def write_search_index(
    project: Project, pages: RenderedPages, index_dir: Path | None = None
) -> Path:
    """A complete index in a temporary folder beside search_index/ (or `index_dir`), for
    the caller to swap in."""
    passages = collect_passages(project, pages.html)
    lexicon = build_lexicon(project, passages)
    return write_index(passages, lexicon, index_dir or project.paths.index_dir, pages.build_id)


def build_search_index(
    project: Project, pages: RenderedPages | None = None, index_dir: Path | None = None
) -> Path:
    """Build search_index/ (or `index_dir`) and swap it in. Without `pages`, the pages'
    text saved by the last site build is used."""
    final = (index_dir or project.paths.index_dir).resolve()
    pages = pages if pages is not None else saved_rendered_pages(project.paths)
    swap_in(write_search_index(project, pages, final), final)
    return final
