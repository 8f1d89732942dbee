"""`mappa-kb check`: validate all content and report every problem at once."""

from __future__ import annotations

import argparse
import sys

from mappa_kb.paths import Project


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "check",
        help="validate glossary entries and page front matter",
        description="Validate every content file (glossary entries and registries, then "
        "the front matter of every page under docs/); print each problem with file, line "
        "and field. Exit 1 if there is any problem.",
    )
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # Imported lazily: keeps the CLI fast.
    from mappa_kb.content import ContentError, load_glossary
    from mappa_kb.content.docs_pages import load_docs_pages
    from mappa_kb.render.glossary_site import glossary_pages
    from mappa_kb.render.page_footer import QUESTION_BANK_PATH

    project = Project.at(args.root)
    try:
        glossary = load_glossary(project.glossary_dir, project.root)
        # Pages cite sources and topics from the glossary, so they are checked second.
        generated = [*glossary_pages(glossary), QUESTION_BANK_PATH]
        pages = load_docs_pages(
            project.docs_dir, project.root, glossary.sources, glossary.topics, generated
        )
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(
        f"OK: {len(glossary.entries)} glossary entries, {len(glossary.sources)} sources, "
        f"{len(pages)} pages."
    )
    return 0
