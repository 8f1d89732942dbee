"""`mappa-kb build`: check content, build the site and the search index."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from mappa_kb.paths import ProjectPaths


def add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", default=".", help="project folder (default: current folder)")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "build",
        help="check content, build the site and the search index",
        description="Validate content, then build the static site into site/ (strict: any "
        "warning fails) and the search index into search_index/, and add the question "
        "search's in-browser engine to the site (for hosting it as plain files). Outputs "
        "are swapped in only when complete.",
    )
    add_root(parser)
    parser.add_argument("--site-dir", type=Path, help="where to write the site (default: site/)")
    parser.add_argument(
        "--index-only",
        action="store_true",
        help="check content and rebuild only the search index, with the pages' text from "
        "the last site build",
    )
    parser.add_argument(
        "--no-browser-engine",
        action="store_true",
        help="leave the in-browser question search out of the site: its Ask page then "
        "answers only when served by 'mappa-kb serve' (for quick local builds and tests)",
    )
    parser.set_defaults(run=run)


def run_build(
    paths: ProjectPaths,
    site_dir: Path | None = None,
    index_only: bool = False,
    browser_engine: bool = True,
) -> int:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's banner is not our warning
    # Imported here, not at the top: `mappa-kb ask` shares this CLI and must start fast.
    from mappa_kb.build import BuildFailed, build_all, build_index_only
    from mappa_kb.content import ContentError
    from mappa_kb.search.build import RenderedPagesMissing

    try:
        if index_only:
            report = build_index_only(paths)
        else:
            report = build_all(paths, site_dir, browser_engine=browser_engine)
    except ContentError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except (BuildFailed, RenderedPagesMissing) as exc:
        print(f"Build failed: {exc}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def run(args: argparse.Namespace) -> int:
    if args.index_only and args.site_dir is not None:
        print("--index-only builds no site: leave out --site-dir", file=sys.stderr)
        return 2
    if args.index_only and args.no_browser_engine:
        print("--index-only leaves the site alone: leave out --no-browser-engine", file=sys.stderr)
        return 2
    paths = ProjectPaths.at(args.root)
    return run_build(paths, args.site_dir, args.index_only, not args.no_browser_engine)
