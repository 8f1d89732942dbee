"""`GET /api/ask?q=...&k=5`: the same JSON as `mappa-kb ask --json`, for the Ask page
and for other tools (described at /openapi.json by the models below, version 1).

Limits are checked by FastAPI before any work (422 with a message): q at most 300
characters, k from 1 to 20. Everything else about a question is made safe by the
query layer, so no query string can cause a server error.
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import Answerer
from mappa_kb.search.index.reader import IndexMissing

MAX_QUESTION = 300
MAX_ANSWERS = 20


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CitedSource(_Model):
    """One source of an answer or a help line."""

    title: str = Field(description="The source's title.")
    section: str | None = Field(description="Where in the source, when given.")
    url: str | None = Field(
        description="Where the site's Sources page lists it (relative to the site root); "
        "null for a page of this site citing itself."
    )


class FigureOut(_Model):
    """A number from the published statistics, as an answer uses it."""

    area: str = Field(description="The area, as readers know it: 'London'.")
    year: str = Field(description="The reporting year: '2022-23'.")
    key: str = Field(description="The figure's key in the statistics data.")
    table: str = Field(description="The table's key; '' for a single or derived figure.")
    row: str
    column: str
    value: float
    shown: str = Field(description="As written: '10,621' or '98.7%'.")
    label: str = Field(description="What it counts and when, without the area and number.")
    text: str = Field(description="The sentence that states it.")
    url: str = Field(description="Its statistics page (relative to the site root).")
    source: str
    derived: bool = Field(description="Worked out from the report's figures (a share).")


class AnswerOut(_Model):
    """One place on the site that answers the question."""

    title: str
    text: str = Field(description="The sentences that answer, whole, at most about 600 characters.")
    url: str = Field(description="Where to read more (relative to the site root).")
    source: str = Field(description="Every source, 'Title, section; Title, section'.")
    kind: Literal["glossary", "fact", "page", "statistic"]
    score: float = Field(description="How well it answers: higher is better; not a probability.")
    figures: list[FigureOut] = Field(
        description="The figures it gives: the one a statistic states, or those a sum, "
        "share or comparison was worked out from."
    )
    working: str | None = Field(description="How a figure was worked out: 'A + B = C'.")
    summary: str | None = Field(description="A glossary entry's plain summary, for the public.")
    definition: str | None = Field(
        description="A glossary entry's definition for staff, in whole sentences."
    )
    value: str | None = Field(
        description="The number that answers, as written: a figure, a sum's total, a "
        "share's percentage or a comparison's difference."
    )
    counts: str | None = Field(description="What that number counts, and when.")
    sources: list[CitedSource] = Field(description="`source`, one citation each.")


class HelpOut(_Model):
    """A line of the "What you can do" card: who to contact, and when."""

    id: str
    name: str = Field(description="Who to contact: 'NSPCC Helpline'.")
    text: str = Field(description="When to contact them, in one plain sentence.")
    phone: str | None = Field(description="The number as written: '0808 800 5000'.")
    tel: str | None = Field(description="The number as a link: 'tel:08088005000'.")
    url: str | None = Field(description="A page of the site that says more.")
    source: str
    sources: list[CitedSource]
    reviewed: str = Field(description="When a person last checked it (YYYY-MM-DD).")


class AskResult(_Model):
    """The answer to one question. Fields are only ever added within a version; one
    that changes meaning or goes away raises `version`."""

    version: Literal[1] = Field(description="The shape of this JSON.")
    query: str = Field(description="The question as read (control characters removed).")
    corrected: str | None = Field(description="The question with spelling put right, if it was.")
    shape: Literal[
        "definition", "figure", "sum", "share", "comparison", "list", "text", "not-covered"
    ] = Field(description="How the best answer reads.")
    scope: str | None = Field(
        description="What the site holds, when the question asks about a place, year or "
        "country it does not."
    )
    not_covered: bool = Field(description="Nothing on the site answers the question.")
    answers: list[AnswerOut] = Field(
        description="The best answer first, then other places that answer it, one per page."
    )
    help: list[HelpOut] = Field(
        description="What the reader can do, shown first: empty unless the question is "
        "about danger now, a worry about someone, being a victim or a child at risk."
    )


class Detail(_Model):
    """Why there is no answer: a limit broken (422), or no index built (503)."""

    detail: str = Field(description="The parameter and the rule, or what to run.")


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
    @app.get(
        "/api/ask",
        response_class=SafeJSONResponse,
        response_model=AskResult,
        summary="Answer a question",
        responses={
            422: {"model": Detail, "description": "q or k outside its limits"},
            503: {"model": Detail, "description": "No index has been built"},
        },
        description="The best answer first, with its shape, figures, sources and what the "
        "reader can do; then other places on the site that answer it, one per page.",
    )
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
