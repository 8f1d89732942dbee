"""The `index` build step: collect passages, save what questions need, build Whoosh."""

from __future__ import annotations

from pathlib import Path

from mappa_kb.paths import Project
from mappa_kb.search.collect import (
    PassageProvider,
    collect_passages,
    lexicon_entries,
    other_area_names,
    project_glossary,
    statistics_areas,
)
from mappa_kb.search.index import build_index
from mappa_kb.search.lexicon import build_lexicon


def build_search_index(
    project: Project,
    providers: list[PassageProvider] | None = None,
    index_dir: Path | None = None,
) -> Path:
    """Build search_index/ (or `index_dir`) from the content; swapped in when complete."""
    glossary = project_glossary(project)
    passages = collect_passages(project, providers)
    areas = statistics_areas(project, glossary)
    lexicon = build_lexicon(
        lexicon_entries(glossary),
        areas,
        passages,
        area_names=other_area_names(project, areas),
    )
    return build_index(passages, lexicon, index_dir or project.index_dir)


def index_step(project: Project) -> None:
    """The `mappa-kb build` step (mappa_kb.build.EXTRA_STEPS), after the site is built."""
    build_search_index(project)
