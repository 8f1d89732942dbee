"""Other names of the statistics areas (data/areas.yaml): 'cambs' is Cambridgeshire.

Readers name areas the way they speak ("cambs", "the capital"); the statistics are filed
under one id per area (data/statistics/<id>/). This file lists the other names, so a
question that uses one finds that area's figures, and not another area's.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, RootModel, field_validator

from mappa_kb.content.problems import Problem
from mappa_kb.content.validation import validate_file

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class AreaNames(RootModel[dict[str, list[str]]]):
    """Area id (a folder under data/statistics/) -> other names people use for it."""

    root: dict[str, list[str]] = Field(default_factory=dict)

    @field_validator("root")
    @classmethod
    def _check(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for area, names in value.items():
            if not _ID.fullmatch(area):
                raise ValueError(f"'{area}' is not an area id (a-z, 0-9 and -)")
            if not names or any(not name.strip() for name in names):
                raise ValueError(f"'{area}' needs a list of non-empty names")
        return value


def read_area_names(
    path: Path, shown: str, root: Path | None, known: set[str] | None
) -> tuple[dict[str, str], list[Problem]]:
    """Other name (lower case) -> area id ({} when the file does not exist), and problems.

    With `known` (the area ids that have statistics), an id not among them is a problem;
    so is a name given to two areas.
    """
    if not path.exists():
        return {}, []
    model, located, problems = validate_file(path, shown, AreaNames, root)
    if model is None or located is None:
        return {}, problems
    names: dict[str, str] = {}
    for area, others in model.root.items():
        if known is not None and area not in known:
            listed = ", ".join(sorted(known)) or "none"
            message = f"no statistics folder for '{area}' (areas: {listed})"
            problems.append(Problem(shown, located.line_of((area,)), area, message))
        for index, name in enumerate(others):
            key = " ".join(name.casefold().split())
            if names.get(key, area) != area:
                message = f"'{name}' is already a name of '{names[key]}'"
                problems.append(Problem(shown, located.line_of((area, index)), area, message))
            names[key] = area
    return names, problems
