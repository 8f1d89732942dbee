"""The phrasing lexicon: everyday ways of asking -> the words the site uses.

phrasing.yaml (beside this module) is read and checked when the index is built and
saved in the lexicon, so answering a question never parses YAML. `Phrasing` finds the
ways of saying things in a question and returns what the content calls them.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from mappa_kb.content.problems import ContentError, Problem, display_path
from mappa_kb.content.yaml_lines import YamlSyntaxError, read_yaml

PHRASING_FILE = Path(__file__).with_name("phrasing.yaml")
_SAY = re.compile(r"[a-z0-9]+(?: [a-z0-9]+)*")
_APOSTROPHE = re.compile(r"(?<=\w)['’](?=\w)")
_WORDS = re.compile(r"[a-z0-9]+")


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


def plain_words(text: str) -> list[str]:
    """Lower-case words, apostrophes dropped: "Doesn't tell" -> ['doesnt', 'tell']."""
    return _WORDS.findall(_APOSTROPHE.sub("", text.lower()))


@dataclass
class Phrasing:
    """The lexicon as the question side uses it (what the index's lexicon.json holds)."""

    rewrites: dict[str, str] = field(default_factory=dict)
    """Form as typed -> the form to read instead ("does not" -> "not")."""
    meanings: dict[str, list[str]] = field(default_factory=dict)
    """Form as typed (after rewrites) -> words the content uses."""
    idioms: set[str] = field(default_factory=set)
    """Forms whose own words say little ('come off')."""
    essential: set[str] = field(default_factory=set)
    """Forms whose meaning an answer is expected to use."""

    @classmethod
    def from_file(cls, data: PhrasingFile) -> Phrasing:
        rewrites = {form: target for target, forms in data.rewrites.items() for form in forms}
        meanings: dict[str, list[str]] = {}
        for group in data.groups:
            for form in group.say:
                meanings.setdefault(form, [])
                meanings[form] += [m for m in group.means if m not in meanings[form]]
        idioms = {form for group in data.groups if group.idiom for form in group.say}
        essential = {form for group in data.groups if group.essential for form in group.say}
        return cls(rewrites, meanings, idioms, essential)

    def __post_init__(self) -> None:
        self._longest = max((len(k.split()) for k in [*self.rewrites, *self.meanings]), default=1)

    def words(self, text: str) -> list[str]:
        """Lower-case words with apostrophes dropped and rewrites applied."""
        words = plain_words(text)
        out: list[str] = []
        position = 0
        for start, end in self._spans(words, self.rewrites):
            out += words[position:start] + self.rewrites[" ".join(words[start:end])].split()
            position = end
        return out + words[position:]

    def find(self, words: list[str]) -> list[tuple[str, list[str]]]:
        """(form said, words the content uses) for each form found in `words`."""
        forms = [" ".join(words[a:b]) for a, b in self._spans(words, self.meanings)]
        return [(form, self.meanings[form]) for form in forms]

    def _spans(self, words: list[str], table: Collection[str]) -> list[tuple[int, int]]:
        """Longest matches left to right, not overlapping."""
        spans, i = [], 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                if " ".join(words[i : i + size]) in table:
                    spans.append((i, i + size))
                    i += size
                    break
            else:
                i += 1
        return spans
