"""`mappa-kb check`: validate all content and report every problem at once."""

from __future__ import annotations

import argparse
import sys

from mappa_kb.paths import ProjectPaths


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check",
        help="validate glossary, statistics data and page front matter",
        description="Validate every content file (glossary entries and registries, "
        "statistics data, and the front matter of every page under docs/); print each "
        "problem with file, line and field. Exit 1 if there is any problem. Warnings "
        "(such as contact details not yet set in mkdocs.yml) are printed but do not fail.",
    )
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: keeps the CLI fast to start.
    from mappa_kb.content import read_project
    from mappa_kb.content.contact import contact_warnings

    paths = ProjectPaths.at(args.root)
    project, problems = read_project(paths)
    if project is None:
        from mappa_kb.content import ContentError

        print(ContentError(problems).report(), file=sys.stderr)
        return 1
    print(f"OK: {project.summary()}.")
    # After the verdict, on stdout: a warning is news for the maintainer, not a failure.
    for warning in contact_warnings(paths):
        print(f"warning: {warning}")
    return 0
