"""`mappa-kb serve --watch`: the site, the Q&A API and a live preview for authors."""

from __future__ import annotations

import argparse
import functools

from mappa_kb.cli.build_cmd import run_build
from mappa_kb.paths import ProjectPaths

GRACE = 1
"""Seconds uvicorn waits on stopping: open tabs hold requests for news (20 s)."""


def run_watch(project: ProjectPaths, args: argparse.Namespace) -> int:
    import uvicorn

    from mappa_kb.api import create_app
    from mappa_kb.build import repair_index
    from mappa_kb.preview import Board, LivePreview, Watcher, installer
    from mappa_kb.preview.site_files import put_waiting_page

    log = functools.partial(print, flush=True)
    # A site already there is served at once and rebuilt in the background (open pages
    # reload when it is current); with none, the first build comes before serving.
    rebuild = not args.no_build
    if not project.site_dir.is_dir():
        rebuild = False
        if run_build(project, browser_engine=False) != 0:
            put_waiting_page(project.site_dir)
    elif not rebuild:
        repaired = repair_index(project)
        if repaired:
            log(repaired)
    board = Board()
    preview = LivePreview(project, board, log)
    watcher = Watcher(project, preview.saved)
    app = create_app(project, installers=[installer(board)])
    preview.start(rebuild)
    watcher.start()
    log(f"Serving on http://{args.host}:{args.port}/ with live preview: save a file in")
    log("glossary/, docs/ or data/ and open pages update (Ctrl+C to stop)")
    log("The preview's site/ has no in-browser question search: run `make build` before")
    log("publishing it as plain files.")
    try:
        uvicorn.run(
            app,
            host=args.host,
            port=args.port,
            log_level="warning",
            timeout_graceful_shutdown=GRACE,
        )
    finally:
        watcher.stop()
        preview.stop()
    return 0
