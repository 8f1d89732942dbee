"""`mappa-kb schema`: write the JSON Schemas editors use to check YAML as you type."""

from __future__ import annotations

import argparse

from mappa_kb.paths import ProjectPaths


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "schema",
        help="export JSON Schema for glossary and statistics files",
        description="Write glossary/schema.json (entries), the registry schemas and "
        "data/statistics/schema.json (statistics files), with registered topic and source "
        "ids as allowed values.",
    )
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from mappa_kb.content.schema import write_schemas  # lazily: keeps the CLI fast

    paths = ProjectPaths.at(args.root)
    for path in write_schemas(paths.glossary_dir, paths.statistics_dir):
        print(f"wrote {path}")
    return 0
