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
        "http://HOST:PORT/ with the Q&A API under /api/.",
    )
    add_root(parser)
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument("--no-build", action="store_true", help="serve what is already built")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from mappa_kb.api import create_app

    project = ProjectPaths.at(args.root)
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
