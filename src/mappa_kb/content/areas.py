"""Other names of the statistics areas (data/areas.yaml): 'cambs' is Cambridgeshire.

Readers name areas the way they speak ("cambs", "the capital"); the statistics are filed
under one id per area (data/statistics/<id>/). This file lists the other names, so a
question that uses one finds that area's figures, and not another area's.
"""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import Field, RootModel, ValidationError, field_validator

from mappa_kb.content.problems import ContentError, Problem, display_path
from mappa_kb.content.yaml_lines import YamlSyntaxError, read_yaml

AREA_NAMES_FILE = "areas.yaml"
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


def load_area_names(
    path: Path, root: Path | None = None, known: set[str] | None = None
) -> dict[str, str]:
    """Other name (lower case) -> area id; {} when the file does not exist.

    With `known` (the area ids that have statistics), an id not among them is a problem;
    so is a name given to two areas.
    """
    if not path.is_file():
        return {}
    shown = display_path(path, root)
    try:
        located = read_yaml(path)
    except YamlSyntaxError as exc:
        raise ContentError([Problem(shown, exc.line, "", exc.message)]) from exc
    try:
        model = AreaNames.model_validate(located.data or {})
    except ValidationError as exc:
        problems = [
            Problem(shown, located.line_of(tuple(e["loc"])), ".".join(map(str, e["loc"])), e["msg"])
            for e in exc.errors()
        ]
        raise ContentError(problems) from exc
    names: dict[str, str] = {}
    problems = []
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
    if problems:
        raise ContentError(problems)
    return names
