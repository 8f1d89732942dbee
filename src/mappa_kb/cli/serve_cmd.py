"""`mappa-kb serve`: build, then serve the site and the Q&A API with uvicorn."""

from __future__ import annotations

import argparse

from mappa_kb.cli.build_cmd import add_root, run_build
from mappa_kb.paths import ProjectPaths
from mappa_kb.server.deadlines import Deadlines


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
    # A client that is slower than these is dropped, so slow or silent connections
    # cannot pile up (see mappa_kb.server.protocol).
    defaults = Deadlines()
    parser.add_argument(
        "--head-timeout",
        type=seconds,
        default=defaults.head,
        help="seconds a client has to send a request's line and headers "
        f"(default {defaults.head:g})",
    )
    parser.add_argument(
        "--body-timeout",
        type=seconds,
        default=defaults.body,
        help=f"seconds a client has to send a request's body (default {defaults.body:g})",
    )
    parser.add_argument(
        "--keep-alive",
        type=seconds,
        default=defaults.idle,
        help="seconds an idle connection is kept open between requests "
        f"(default {defaults.idle:g})",
    )
    parser.add_argument(
        "--watch",
        action="store_true",
        help="live preview for authors: on every save in glossary/, docs/, data/, overrides/ "
        "or mkdocs.yml, check the content, update the edited page at once and the rest of "
        "the site and the index after, and reload open pages; problems show in a banner on "
        "every page while the last good build is still served",
    )
    parser.set_defaults(run=run)


def seconds(text: str) -> float:
    value = float(text)
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(f"{text}: give seconds, more than 0 and at most 3600")
    return value


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from mappa_kb.api import SECURITY_HEADERS, create_app
    from mappa_kb.server.protocol import guarded_protocol

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
    deadlines = Deadlines(head=args.head_timeout, body=args.body_timeout, idle=args.keep_alive)
    uvicorn.run(
        create_app(project),
        host=args.host,
        port=args.port,
        log_level="warning",
        http=guarded_protocol(deadlines, SECURITY_HEADERS),
        server_header=False,  # which server this is helps no reader, only an attacker
    )
    return 0
