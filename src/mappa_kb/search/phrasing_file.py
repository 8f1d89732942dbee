"""phrasing.yaml: its schema and its checked loading (at index build time only).

Every problem is reported with file, line and field, like any content file.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from mappa_kb.content.problems import ContentError, Problem, display_path
from mappa_kb.content.yaml_lines import YamlSyntaxError, read_yaml

PHRASING_FILE = Path(__file__).with_name("phrasing.yaml")
_SAY = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")


def _form(value: str) -> str:
    if not _SAY.fullmatch(value):
        raise ValueError(
            f"'{value}' must be lower-case words separated by single spaces, "
            "without apostrophes or punctuation"
        )
    return value


Form = Annotated[str, AfterValidator(_form)]
"""A way of saying something, as matched: 'doesnt tell', not "Doesn't tell"."""


class Group(BaseModel):
    """Ways of saying one thing, and the words the content uses for it."""

    model_config = ConfigDict(extra="forbid")
    say: list[Form] = Field(min_length=1)
    """Forms as typed, lower case, apostrophes dropped ("doesnt tell")."""
    means: list[str] = Field(min_length=1)
    """Words or phrases the site uses for the same thing."""
    idiom: bool = False
    """The words said do not mean themselves here ('come off', 'sits on'): they count
    for little, and what they mean is searched instead."""
    essential: bool = False
    """An answer is expected to use one of the `means` words ('doesnt tell' is answered
    by what a failure or breach leads to): a passage without any covers less."""


class PhrasingFile(BaseModel):
    """The schema of phrasing.yaml."""

    model_config = ConfigDict(extra="forbid")
    rewrites: dict[Form, list[Form]] = Field(default_factory=dict)
    """A form to read in place of each listed form (e.g. 'not' for "doesnt")."""
    groups: list[Group] = Field(default_factory=list)


def load_phrasing_file(path: Path = PHRASING_FILE, root: Path | None = None) -> PhrasingFile:
    """Read and check the file; every problem is reported with its line and field."""
    shown = display_path(path, root)
    try:
        located = read_yaml(path)
    except YamlSyntaxError as exc:
        raise ContentError([Problem(shown, exc.line, "", exc.message)]) from exc
    try:
        return PhrasingFile.model_validate(located.data or {})
    except ValidationError as exc:
        problems = [
            Problem(
                shown,
                located.line_of(tuple(error["loc"])),
                ".".join(map(str, error["loc"])),
                error["msg"],
            )
            for error in exc.errors()
        ]
        raise ContentError(problems) from exc
