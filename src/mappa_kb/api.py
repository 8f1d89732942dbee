"""The local web server: the built site plus the Q&A API, with security headers.

A thin shell: routes call into the search layer; nothing here knows about content.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from fastapi import FastAPI, Request, Response

from mappa_kb.csp import WASM_SCRIPTS, policy, site_script_hashes
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.api import install as install_search_routes
from mappa_kb.server.static_files import SnapshotStaticFiles

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    # Without the site's own inline-script hashes, no inline script runs at all.
    "Content-Security-Policy": policy(),
}

# Routers (the Q&A API) register here, so this module stays the same as they grow.
RouteInstaller = Callable[[FastAPI, ProjectPaths], None]
ROUTE_INSTALLERS: list[RouteInstaller] = [install_search_routes]


def create_app(
    project: ProjectPaths, site_dir: Path | None = None, installers: Sequence[RouteInstaller] = ()
) -> FastAPI:
    """`installers` add routes beside the built-in ones (the live preview's, in watch mode),
    before the site is mounted at the root, which would otherwise answer for them."""
    app = FastAPI(title="MAPPA knowledge base", docs_url=None, redoc_url=None)
    site = site_dir or project.site_dir

    @app.middleware("http")
    async def add_security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        # Material's inline scripts run if, and only if, this site's build wrote them;
        # WebAssembly only in the question search's worker.
        wasm = request.url.path in WASM_SCRIPTS
        response.headers["Content-Security-Policy"] = policy(site_script_hashes(site), wasm=wasm)
        return response

    for install in [*ROUTE_INSTALLERS, *installers]:
        install(app, project)
    if site.is_dir():
        app.mount("/", SnapshotStaticFiles(site), name="site")
    return app
