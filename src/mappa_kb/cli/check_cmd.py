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
    from mappa_kb.content import ContentError, load_glossary  # lazily: keeps the CLI fast

    project = Project.at(args.root)
    try:
        glossary = load_glossary(project.glossary_dir, project.root)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"OK: {len(glossary.entries)} glossary entries, {len(glossary.sources)} sources.")
    return 0
