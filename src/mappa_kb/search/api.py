"""`GET /api/ask?q=...&k=5`: the same JSON as `mappa-kb ask --json`, for the Ask page
and for other tools (described at /openapi.json).

Limits are checked by FastAPI before any work (422 with a message): q at most 300
characters, k from 1 to 20. Everything else about a question is made safe by the
query layer, so no query string can cause a server error.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse

from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import Answerer
from mappa_kb.search.index.reader import IndexMissing

MAX_QUESTION = 300
MAX_ANSWERS = 20


class SafeJSONResponse(JSONResponse):
    """JSON whose strings can never close a tag if pasted into HTML: <, > and & are
    written as \\u escapes, which every JSON reader turns back into the same text."""

    def render(self, content: Any) -> bytes:
        text = json.dumps(content, ensure_ascii=False, separators=(",", ":"))
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        return text.encode("utf-8")


def _limits_message(request: Request, exc: Exception) -> SafeJSONResponse:
    """422 naming the parameter and the rule, without echoing what was sent."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    details = [f"{e['loc'][-1]}: {e['msg']}" for e in errors if e.get("loc")]
    message = "; ".join(details) or "invalid request"
    return SafeJSONResponse({"detail": message}, status_code=422)


def install(app: FastAPI, project: ProjectPaths) -> None:
    answerer = Answerer(project.index_dir)
    app.add_exception_handler(RequestValidationError, _limits_message)

    # `async def`: the work is a few milliseconds of CPU, and running it on the event
    # loop avoids a thread hand-off per request (a Whoosh searcher is not shared anyway).
    @app.get("/api/ask", response_class=SafeJSONResponse)
    async def ask(
        q: Annotated[
            str, Query(max_length=MAX_QUESTION, description="The question, in plain words.")
        ],
        k: Annotated[
            int, Query(ge=1, le=MAX_ANSWERS, description="How many answers (1 to 20).")
        ] = 5,
    ) -> SafeJSONResponse:
        try:
            result = answerer.ask(q, k)
        except IndexMissing as exc:
            return SafeJSONResponse({"detail": exc.without_folder()}, status_code=503)
        return SafeJSONResponse(result.to_dict(), headers={"Cache-Control": "no-store"})

    # HEAD as GET without the body (the server leaves it out), as the site's own 405
    # replies promise; not in the OpenAPI document, where it would only repeat GET.
    app.add_api_route(
        "/api/ask",
        ask,
        methods=["HEAD"],
        response_class=SafeJSONResponse,
        include_in_schema=False,
    )
