"""data/phrasing.yaml: everyday ways of asking -> the words the site uses.

Its schema and its checked loading. Read once with the rest of the project; the index
build saves it in the lexicon, so answering a question never parses YAML.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from mappa_kb.content.problems import Problem
from mappa_kb.content.validation import validate_file

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


def read_phrasing(path: Path, shown: str, root: Path | None) -> tuple[PhrasingFile, list[Problem]]:
    """The file's groups (none when the file does not exist), and its problems."""
    if not path.exists():
        return PhrasingFile(), []
    value, _, problems = validate_file(path, shown, PhrasingFile, root)
    return value or PhrasingFile(), problems
