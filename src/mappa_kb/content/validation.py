"""Turn one YAML file into one validated model, or a list of located problems."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from mappa_kb.content.files import read_yaml
from mappa_kb.content.markup import value_problems
from mappa_kb.content.placeholders import placeholder_problems
from mappa_kb.content.problems import Problem
from mappa_kb.content.yaml_lines import LocatedYaml

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
    if kind in {"string_too_long", "too_long"}:
        context = error.get("ctx")
        limit = context.get("max_length") if isinstance(context, dict) else None
        unit = "characters" if kind == "string_too_long" else "items"
        return f"is too long: at most {limit} {unit}" if limit else "is too long"
    return str(error["msg"])


def validate_located(
    located: LocatedYaml,
    shown: str,
    model: type[ModelT],
    line_offset: int = 0,
    what: str = "file",
) -> tuple[ModelT | None, list[Problem]]:
    """Validate parsed YAML; `line_offset` places YAML embedded in a larger file (front
    matter) at its real lines."""

    def line(loc: tuple[str | int, ...]) -> int:
        return located.line_of(loc) + line_offset

    problems = [
        Problem(shown, found + line_offset, _dotted(loc), "key appears twice in this mapping")
        for loc, found in located.duplicate_keys
    ]
    data = {} if located.data is None else located.data  # empty: report what is missing
    if not isinstance(data, dict):
        message = f"{what} must contain a YAML mapping of fields"
        problems.append(Problem(shown, 1 + line_offset, "", message))
        return None, problems
    # A placeholder says what to write there: that, not the rule it breaks (a pattern,
    # a date), is what helps.
    placeholders = dict(placeholder_problems(data))
    problems += [Problem(shown, line(loc), _dotted(loc), m) for loc, m in placeholders.items()]
    try:
        value = model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            loc = tuple(error["loc"])
            if loc not in placeholders:
                message = _message(dict(error), model)
                problems.append(Problem(shown, line(loc), _dotted(loc), message))
        return None, problems
    if placeholders:
        return None, problems
    unsafe = [
        Problem(shown, line(loc), _dotted(loc), message) for loc, message in value_problems(data)
    ]
    return (None if unsafe else value), [*problems, *unsafe]


def validate_file(
    path: Path, shown: str, model: type[ModelT], root: Path | None = None
) -> tuple[ModelT | None, LocatedYaml | None, list[Problem]]:
    """Read, parse and validate; never raises for bad content, only reports it."""
    located, problems = read_yaml(path, shown, root)
    if located is None:
        return None, None, problems
    value, problems = validate_located(located, shown, model)
    return value, located, problems
