"""The preview's part of the web server: news for open tabs, and the script that reads it.

Only `mappa-kb serve --watch` installs this. The script and its styles are files served
from this package, never written into site/, and the HTML responses of the watch-mode
server alone gain the two tags that load them: a site built by `mappa-kb build` has no
trace of the preview, and the Content-Security-Policy ('self' scripts only) holds.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterable, Awaitable, Callable
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Query, Request, Response
from fastapi.responses import FileResponse, JSONResponse

from mappa_kb.paths import ProjectPaths
from mappa_kb.preview.news import Board

PREFIX = "/__preview"
STATIC = Path(__file__).parent / "static"
LONG_POLL = 20.0
"""Seconds a request for news is held open when there is none (then asked again)."""
NO_STORE = {"Cache-Control": "no-store"}
_HEAD_END = re.compile(rb"</head\s*>", re.I)
_TYPES = {"preview.js": "text/javascript; charset=utf-8", "preview.css": "text/css; charset=utf-8"}


def preview_tags(board: Board, version: int) -> bytes:
    """The tags added to each page: the version it is served at, so the script hears of
    every change after it; the session, so a restarted server reloads it."""
    return (
        f'<link rel="stylesheet" href="{PREFIX}/preview.css">'
        f'<script src="{PREFIX}/preview.js" data-session="{board.session}" '
        f'data-version="{version}" defer></script>'
    ).encode("ascii")


def add_tags(page: bytes, tags: bytes) -> bytes:
    match = _HEAD_END.search(page)
    at = match.start() if match else len(page)
    return page[:at] + tags + page[at:]


def installer(board: Board) -> Callable[[FastAPI, ProjectPaths], None]:
    """For `create_app(..., installers=[...])`: routes before the site's, so they win."""

    def install(app: FastAPI, project: ProjectPaths) -> None:
        @app.get(f"{PREFIX}/events")
        async def events(
            since: Annotated[int, Query(ge=0)] = 0, wait: bool = False
        ) -> JSONResponse:
            if wait:
                await board.wait(since, LONG_POLL)
            return JSONResponse(board.news(since), headers=NO_STORE)

        @app.get(PREFIX + "/{name}")
        async def asset(name: str) -> Response:
            if name not in _TYPES:
                return Response(status_code=404)
            return FileResponse(STATIC / name, media_type=_TYPES[name], headers=NO_STORE)

        @app.middleware("http")
        async def add_preview(
            request: Request, call_next: Callable[[Request], Awaitable[Response]]
        ) -> Response:
            version = board.version  # before the page is read: a newer page reloads once more
            response = await call_next(request)
            kind = response.headers.get("content-type", "")
            body: AsyncIterable[bytes | str] | None = getattr(response, "body_iterator", None)
            if request.method != "GET" or not kind.startswith("text/html") or body is None:
                return response
            if response.status_code not in {200, 404}:  # 404: the site's own 404 page
                return response
            chunks = [chunk async for chunk in body]
            page = b"".join(c if isinstance(c, bytes) else c.encode() for c in chunks)
            headers = {
                name: value
                for name, value in response.headers.items()
                if name.lower() not in {"content-length", "etag", "last-modified"}
            }
            headers.update(NO_STORE)  # a page from the cache would not be the current one
            tagged = add_tags(page, preview_tags(board, version))
            return Response(tagged, status_code=response.status_code, headers=headers)

    return install
