"""Pydantic schema for the front matter of hand-written pages under docs/.

Every page says when it was last checked and where its facts come from, the same
promise a glossary entry makes; the plugin prints both at the foot of the page.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator

from mappa_kb.content.models import Citation, Question, Slug, Strict, Text

Audience = Literal["public", "staff", "lay-adviser"]
"""Who a page is written for. `public` pages must pass the plain-English check."""

HideOption = Literal["navigation", "toc", "footer", "path", "tags", "feedback"]


class PageSearch(Strict):
    """Material's per-page search settings."""

    exclude: bool = Field(default=False, description="Leave this page out of site search.")
    boost: float | None = Field(default=None, description="Rank this page higher or lower.")


class PageMeta(Strict):
    """The front matter between the `---` lines at the top of a docs/ page."""

    title: Text | None = Field(
        default=None, description="Title for the browser tab and navigation; else the H1."
    )
    description: Text | None = Field(
        default=None, description="One sentence for search engines and link previews."
    )
    reviewed: dt.date = Field(description="Date the page was last checked (YYYY-MM-DD).")
    audience: list[Audience] = Field(
        default_factory=list, description="Who the page is for: public, staff, lay-adviser."
    )
    sources: list[Citation] = Field(
        min_length=1, description="Sources for the facts on the page, with the section used."
    )
    questions: list[Question] = Field(
        default_factory=list,
        description="Questions a lay adviser might ask; gathered into the question bank.",
    )
    asked_as: dict[Text, list[Text]] = Field(
        default_factory=dict,
        description="Questions readers type that a section of this page answers, in their own "
        "words, under the section's heading as written (the page's title for the page as a "
        "whole): {'Level 3': ['who goes to a level 3 meeting', ...]}. Used by the question "
        "search; not shown on the page.",
    )
    topic: Slug | None = Field(
        default=None,
        description="Id of a glossary topic; groups this page's questions in the question bank.",
    )
    next: str | None = Field(
        default=None,
        description="The docs/-relative path of the next page in a reading path, e.g. "
        "'guide/levels.md'. Shown as a 'Next' link at the foot of the page.",
    )
    hide: list[HideOption] = Field(
        default_factory=list, description="Parts of the Material theme to hide on this page."
    )
    search: PageSearch | None = Field(
        default=None, description="Material search settings, e.g. {exclude: true}."
    )
    render_macros: bool = Field(
        default=True, description="Set false for a page that shows macro syntax literally."
    )

    @field_validator("next")
    @classmethod
    def _next_is_a_page(cls, value: str | None) -> str | None:
        if value is not None and (not value.endswith(".md") or value.startswith("/")):
            raise ValueError("must be a docs/-relative page path ending in .md")
        return value
