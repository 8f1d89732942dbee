"""data/elsewhere.yaml: places the site holds nothing for, so the Q&A can say so."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field

from mappa_kb.content.models import Strict, Text
from mappa_kb.content.problems import Problem
from mappa_kb.content.validation import validate_file


class Elsewhere(Strict):
    """The schema of data/elsewhere.yaml."""

    places: list[Text] = Field(
        default_factory=list,
        description="Areas and towns in England and Wales the site holds no figures for.",
    )
    outside: list[Text] = Field(
        default_factory=list, description="Places outside England and Wales: not covered at all."
    )


def read_elsewhere(
    path: Path, shown: str, root: Path | None, held_names: set[str]
) -> tuple[Elsewhere, list[Problem]]:
    """The file (empty when absent), and its problems: a held area listed as elsewhere
    would make the Q&A refuse questions it can answer."""
    if not path.exists():
        return Elsewhere(), []
    value, located, problems = validate_file(path, shown, Elsewhere, root)
    if value is None or located is None:
        return Elsewhere(), problems
    for key in ("places", "outside"):
        for index, name in enumerate(getattr(value, key)):
            if " ".join(name.casefold().split()) in held_names:
                message = f"'{name}' is an area this site holds figures for (data/areas.yaml)"
                problems.append(
                    Problem(shown, located.line_of((key, index)), f"{key}.{index}", message)
                )
    return value, problems
