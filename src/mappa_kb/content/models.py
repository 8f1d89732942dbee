"""Pydantic schemas for everything an author writes under glossary/.

Field descriptions double as editor help: they are exported to glossary/schema.json.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
)

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=1, max_length=80),
]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
"""A name, a sentence or two: the longest summary is about 250 characters."""
Prose = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=12_000)]
"""Paragraphs in Markdown: the longest definition is about 2,300 characters."""


def _ends_with_question_mark(value: str) -> str:
    if not value.endswith("?"):
        raise ValueError(f"a question must end with '?': {value!r}")
    return value


Question = Annotated[Text, AfterValidator(_ends_with_question_mark)]
"""A lay-adviser question, as glossary entries and pages list them."""


class Strict(BaseModel):
    """Unknown fields are errors: a misspelt key must never be silently ignored."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(Strict):
    source: Slug = Field(description="Id of a source registered in glossary/sources.yaml.")
    section: Text = Field(
        description="Where in the source: a report section heading, or a section of an Act."
    )


AskedAs = Annotated[
    list[Text],
    Field(
        max_length=20,
        description="Questions readers type that this answers, in their own words: a worried "
        "member of the public (everyday words, even slang), new staff (jargon, short forms), "
        "a lay adviser. Used by the question search; not shown on the page.",
    ),
]


class KeyFact(Strict):
    text: Text = Field(description="One short factual statement, in plain words.")
    sources: list[Citation] = Field(min_length=1, description="Where this fact comes from.")
    asked_as: AskedAs = Field(
        default_factory=list,
        description="Questions this fact answers by itself, in readers' own words "
        "(the entry's asked_as holds the ones the whole entry answers).",
    )


class GlossaryEntry(Strict):
    """One term, in one file: glossary/<id>.yaml."""

    id: Slug = Field(description="Must equal the file name without .yaml.")
    term: Text = Field(description="The term as a heading, e.g. 'Sexual Risk Order'.")
    abbreviations: list[Text] = Field(
        default_factory=list, description="Short forms, e.g. ['SRO']. May be empty."
    )
    disambiguation: Text | None = Field(
        default=None,
        description="Needed when another entry claims one of the same abbreviations: a "
        "few words telling the two apart, e.g. 'probation officer role'.",
    )
    aliases: list[Text] = Field(
        default_factory=list,
        max_length=40,
        description="Other names people use, e.g. 'sex offenders register'.",
    )
    topic: Slug = Field(description="Id of a topic registered in glossary/topics.yaml.")
    summary: Text = Field(
        description="One or two plain-English sentences for the public. Shown as a tooltip."
    )
    definition: Prose = Field(description="Fuller explanation for staff, in Markdown.")
    key_facts: list[KeyFact] = Field(
        default_factory=list,
        max_length=40,
        description="Short facts: durations, who may apply, court, standard of proof, dates.",
    )
    legal_basis: Prose | None = Field(
        default=None, description="The law or guidance this rests on, in Markdown."
    )
    related: list[Slug] = Field(
        default_factory=list, max_length=40, description="Ids of related entries."
    )
    replaces: list[Slug] = Field(
        default_factory=list, description="Ids of entries this replaced (e.g. SRO replaces RoSHO)."
    )
    replaced_by: list[Slug] = Field(
        default_factory=list, description="Ids of entries that replaced this one."
    )
    questions: list[Question] = Field(
        min_length=1,
        max_length=3,
        description="One to three questions a lay adviser might ask about this.",
    )
    asked_as: AskedAs = Field(default_factory=list)
    sources: list[Citation] = Field(
        min_length=1, description="Sources for the summary and definition."
    )
    reviewed: dt.date = Field(description="Date the entry was last checked (YYYY-MM-DD).")

    @field_validator("abbreviations", "aliases", "related", "replaces", "replaced_by", "asked_as")
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        seen: set[str] = set()
        for value in values:
            if value.casefold() in seen:
                raise ValueError(f"'{value}' is listed twice")
            seen.add(value.casefold())
        return values

    @property
    def heading(self) -> str:
        """The term with its short forms, as entry pages and answers title it."""
        if self.abbreviations:
            return f"{self.term} ({', '.join(self.abbreviations)})"
        return self.term

    @property
    def names(self) -> list[str]:
        """Every way a reader might refer to this entry, term first."""
        return [self.term, *self.abbreviations, *self.aliases]


SourceKind = Literal["annual-report", "legislation", "guidance", "report"]


class Source(Strict):
    id: Slug
    title: Text
    publisher: Text
    year: int = Field(ge=1900, le=2100)
    area: Text = Field(description="Area covered, e.g. 'London' or 'England and Wales'.")
    kind: SourceKind
    url: Annotated[str, StringConstraints(pattern=r"^https://")] | None = None
    description: Prose | None = Field(default=None, description="What the source covers.")
    sections: list[Text] = Field(
        default_factory=list,
        description="For reports: the headings a citation may name. Empty means any section.",
    )


class SourceRegistry(Strict):
    """glossary/sources.yaml: every source is registered once and cited by id."""

    sources: list[Source] = Field(min_length=1)


class Topic(Strict):
    id: Slug
    title: Text
    description: Text


class TopicRegistry(Strict):
    """glossary/topics.yaml: the topics entries are grouped under, in reading order."""

    topics: list[Topic] = Field(min_length=1)
