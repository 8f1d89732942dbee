"""`mappa-kb check`: validate all content and report every problem at once."""

from __future__ import annotations

import argparse
import sys

from mappa_kb.paths import Project


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check",
        help="validate glossary, statistics data and page front matter",
        description="Validate every content file (glossary entries and registries, "
        "statistics data, and the front matter of every page under docs/); print each "
        "problem with file, line and field. Exit 1 if there is any problem.",
    )
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: keeps the CLI fast to start.
    from mappa_kb.content import ContentError, Problem, load_glossary
    from mappa_kb.content.areas import AREA_NAMES_FILE, load_area_names
    from mappa_kb.content.docs_pages import DocsPage, load_docs_pages
    from mappa_kb.render.glossary_site import glossary_pages
    from mappa_kb.render.page_footer import QUESTION_BANK_PATH
    from mappa_kb.render.statistics_pages import statistics_pages
    from mappa_kb.stats.loading import load_sources, load_statistics_dir

    project = Project.at(args.root)
    problems: list[Problem] = []
    glossary = statistics = None
    pages: dict[str, DocsPage] = {}
    try:
        glossary = load_glossary(project.glossary_dir, project.root)
    except ContentError as exc:
        problems += exc.problems
    sources = glossary.sources if glossary else load_sources(project.glossary_dir)
    try:
        statistics = load_statistics_dir(project.statistics_dir, project.root, sources)
    except ContentError as exc:
        problems += exc.problems
    try:
        known = set(statistics.by_area) if statistics else None
        load_area_names(project.data_dir / AREA_NAMES_FILE, project.root, known)
    except ContentError as exc:
        problems += exc.problems
    if glossary is not None:
        # Pages cite the glossary's sources and topics, and may point at generated pages.
        generated = [*glossary_pages(glossary), QUESTION_BANK_PATH]
        if statistics is not None:
            terms = {entry.id: entry.term for entry in glossary.entries.values()}
            generated += list(statistics_pages(statistics, terms).pages)
        try:
            pages = load_docs_pages(
                project.docs_dir, project.root, glossary.sources, glossary.topics, generated
            )
        except ContentError as exc:
            problems += exc.problems
    if problems or glossary is None or statistics is None:
        print(ContentError(problems).report(), file=sys.stderr)
        return 1
    print(
        f"OK: {len(glossary.entries)} glossary entries, {len(glossary.sources)} sources, "
        f"{len(statistics.all())} statistics files, {len(pages)} pages."
    )
    return 0
