"""Read YAML while remembering the line of every key, so errors can point at it.

PyYAML's plain ``safe_load`` forgets positions and silently keeps the last of two
duplicate keys; both matter to an author fixing a file, so we compose the node
tree ourselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Loc = tuple[str | int, ...]


@dataclass
class LocatedYaml:
    """Parsed data plus the 1-based line of each key path (``("key_facts", 2, "text")``)."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)
    duplicate_keys: list[tuple[Loc, int]] = field(default_factory=list)

    def line_of(self, loc: Loc) -> int:
        """Line of the deepest known part of ``loc`` (pydantic locs may go deeper than keys)."""
        for end in range(len(loc), -1, -1):
            found = self.lines.get(tuple(loc[:end]))
            if found is not None:
                return found
        return 1


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        self.line = line
        self.message = message
        super().__init__(f"line {line}: {message}")


def _walk(node: yaml.Node, loc: Loc, out: LocatedYaml) -> None:
    out.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = (*loc, key)
            if key in seen:
                out.duplicate_keys.append((child, key_node.start_mark.line + 1))
                continue
            seen.add(key)
            out.lines[child] = key_node.start_mark.line + 1
            _walk(value_node, child, out)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*loc, index), out)


def parse_yaml(text: str) -> LocatedYaml:
    """Parse one YAML document; raise YamlSyntaxError with the offending line."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        context = exc.context or ""
        if context and exc.context_mark is not None and exc.context_mark is not mark:
            context += f" (started on line {exc.context_mark.line + 1})"
        message = ": ".join(filter(None, [context, exc.problem])) or str(exc)
        raise YamlSyntaxError(line, message) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, str(exc)) from exc
    result = LocatedYaml(data)
    if node is not None:
        _walk(node, (), result)
    return result


def read_yaml(path: Path) -> LocatedYaml:
    """Read and parse a file; decoding problems become YamlSyntaxError too."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise YamlSyntaxError(1, f"not UTF-8 text ({exc.reason})") from exc
    return parse_yaml(text)
