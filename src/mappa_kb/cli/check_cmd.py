"""`mappa-kb check`: validate all content and report every problem at once."""

from __future__ import annotations

import argparse
import sys

from mappa_kb.paths import Project


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check",
        help="validate glossary and data files",
        description="Validate every content file; print each problem with file, line and "
        "field. Exit 1 if there is any problem.",
    )
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: keeps the CLI fast to start.
    from mappa_kb.content import ContentError, Problem, load_glossary
    from mappa_kb.stats.loading import load_sources, load_statistics_dir

    project = Project.at(args.root)
    problems: list[Problem] = []
    glossary = statistics = None
    try:
        glossary = load_glossary(project.glossary_dir, project.root)
    except ContentError as exc:
        problems += exc.problems
    sources = glossary.sources if glossary else load_sources(project.glossary_dir)
    try:
        statistics = load_statistics_dir(project.statistics_dir, project.root, sources)
    except ContentError as exc:
        problems += exc.problems
    if problems or glossary is None or statistics is None:
        print(ContentError(problems).report(), file=sys.stderr)
        return 1
    print(
        f"OK: {len(glossary.entries)} glossary entries, {len(glossary.sources)} sources, "
        f"{len(statistics.all())} statistics files."
    )
    return 0
