"""Content -> passages -> index, in one call (`mappa-kb build` runs it after the site).

The hand-written pages' text is what the site build rendered (collected by the MkDocs
plugin); an index-only rebuild reuses the text the last site build saved.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from mappa_kb.atomic import write_atomically
from mappa_kb.content.project import Project
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.index.writer import build_index
from mappa_kb.search.passages import collect_passages
from mappa_kb.search.passages.lexicon import build_lexicon

PAGE_TEXT_FILE = "page-html.json"


class PageTextMissing(Exception):
    """No saved page text: the site has not been built in this checkout yet."""


def save_page_html(paths: ProjectPaths, page_html: Mapping[str, str]) -> None:
    """Keep the pages as the site build rendered them, for an index-only rebuild."""
    text = json.dumps(dict(sorted(page_html.items())), ensure_ascii=False)
    write_atomically(paths.cache_dir / PAGE_TEXT_FILE, text)


def saved_page_html(paths: ProjectPaths) -> dict[str, str]:
    path = paths.cache_dir / PAGE_TEXT_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise PageTextMissing(
            "the index needs the pages as the site build rendered them: run 'mappa-kb build'"
        ) from exc
    return {str(src): str(html) for src, html in data.items()}


def build_search_index(
    project: Project, page_html: Mapping[str, str] | None = None, index_dir: Path | None = None
) -> Path:
    """Build search_index/ (or `index_dir`); swapped in when complete. Without
    `page_html`, the pages' text saved by the last site build is used."""
    if page_html is None:
        page_html = saved_page_html(project.paths)
    passages = collect_passages(project, page_html)
    lexicon = build_lexicon(project, passages)
    return build_index(passages, lexicon, index_dir or project.paths.index_dir)
