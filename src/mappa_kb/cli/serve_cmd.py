"""`mappa-kb serve`: build, then serve the site and the Q&A API with uvicorn."""

from __future__ import annotations

import argparse

from mappa_kb.cli.build_cmd import add_root, run_build
from mappa_kb.paths import ProjectPaths


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser(
        "serve",
        help="build, then serve the site and the Q&A API",
        description="Build the site and index (unless --no-build), then serve them on "
        "http://HOST:PORT/ with the Q&A API under /api/. With --watch, keep them current "
        "as content is saved (make preview).",
    )
    add_root(parser)
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--no-build", action="store_true", help="serve what is already built")
    parser.add_argument(
        "--watch",
        action="store_true",
        help="live preview for authors: on every save in glossary/, docs/, data/, overrides/ "
        "or mkdocs.yml, check the content, update the edited page at once and the rest of "
        "the site and the index after, and reload open pages; problems show in a banner on "
        "every page while the last good build is still served",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from mappa_kb.api import create_app

    project = ProjectPaths.at(args.root)
    if args.watch:
        from mappa_kb.cli.watch import run_watch

        return run_watch(project, args)
    if not args.no_build:
        code = run_build(project)
        if code:
            return code
    if not project.site_dir.is_dir():
        print(f"No built site in {project.site_dir}: run 'mappa-kb build' first.")
        return 1
    if args.no_build:
        from mappa_kb.build import repair_index

        repaired = repair_index(project)
        if repaired:
            print(repaired)
    print(f"Serving on http://{args.host}:{args.port}/ (Ctrl+C to stop)")
    uvicorn.run(create_app(project), host=args.host, port=args.port, log_level="warning")
    return 0
