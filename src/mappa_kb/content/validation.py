"""Turn one YAML file into one validated model, or a list of located problems."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from mappa_kb.content.problems import Problem
from mappa_kb.content.yaml_lines import LocatedYaml, YamlSyntaxError, read_yaml

ModelT = TypeVar("ModelT", bound=BaseModel)


def _dotted(loc: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in loc)


def _message(error: dict[str, object], model: type[BaseModel]) -> str:
    kind = error["type"]
    if kind == "missing":
        return "required field is missing"
    if kind == "extra_forbidden":
        allowed = ", ".join(model.model_fields)
        return f"unknown field (allowed at the top level: {allowed})"
    if kind == "string_too_short":
        return "must not be empty"
    return str(error["msg"])


def validate_file(
    path: Path, shown: str, model: type[ModelT]
) -> tuple[ModelT | None, LocatedYaml | None, list[Problem]]:
    """Parse and validate; never raises for bad content, only reports it."""
    try:
        located = read_yaml(path)
    except YamlSyntaxError as exc:
        return None, None, [Problem(shown, exc.line, "", f"invalid YAML: {exc.message}")]
    except OSError as exc:
        return None, None, [Problem(shown, 0, "", f"cannot read file: {exc.strerror}")]
    problems = [
        Problem(shown, line, _dotted(loc), "key appears twice in this mapping")
        for loc, line in located.duplicate_keys
    ]
    if not isinstance(located.data, dict):
        problems.append(Problem(shown, 1, "", "file must contain a YAML mapping of fields"))
        return None, located, problems
    try:
        value = model.model_validate(located.data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            problems.append(
                Problem(shown, located.line_of(loc), _dotted(loc), _message(dict(error), model))
            )
        return None, located, problems
    return value, located, problems
