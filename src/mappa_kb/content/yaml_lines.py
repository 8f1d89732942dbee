"""Read YAML once, remembering the line of every key, so errors can point at it.

PyYAML's plain ``safe_load`` forgets positions and silently keeps the last of two
duplicate keys; both matter to an author fixing a file. So the node tree is composed
once (by libyaml where it is installed), walked for lines, and constructed from the same
nodes. Content never needs YAML aliases, and an alias "bomb" (aliases of aliases) grows
exponentially once anything walks the data, so aliases are refused. Every failure,
including a constructor's (an impossible date), is a YamlSyntaxError with a line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Loc = tuple[str | int, ...]

MAX_NESTING = 100
"""Deeper brackets are refused before parsing: libyaml's composer recurses in C and
crashes the process on a few hundred thousand nested '[' (real content nests 3 deep)."""

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    def __init__(self, line: int, message: str, loc: Loc = ()) -> None:
        self.line = line
        self.message = message
        self.field = ".".join(map(str, loc))
        super().__init__(f"line {line}: {message}")


def _bracket_depth(text: str) -> int:
    """An upper bound on flow-collection nesting (brackets inside strings count too)."""
    depth = deepest = 0
    for char in text:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}" and depth:
            depth -= 1
    return deepest


class _Walk:
    """Lines of every key, duplicate keys, and the first alias, in one pass over the nodes."""

    def __init__(self, out: LocatedYaml) -> None:
        self.out = out
        self.seen: set[int] = set()
        self.scalars: list[tuple[yaml.ScalarNode, Loc]] = []

    def visit(self, root: yaml.Node) -> None:
        stack: list[tuple[yaml.Node, Loc]] = [(root, ())]
        while stack:
            node, loc = stack.pop()
            if id(node) in self.seen:  # the composer hands an alias back as the same node
                raise YamlSyntaxError(
                    node.start_mark.line + 1,
                    "YAML aliases (*name) are not allowed in content: write the value out",
                    loc,
                )
            self.seen.add(id(node))
            self.out.lines.setdefault(loc, node.start_mark.line + 1)
            if isinstance(node, yaml.MappingNode):
                keys: set[str] = set()
                children: list[tuple[yaml.Node, Loc]] = []
                for key_node, value_node in node.value:
                    key = str(key_node.value)
                    child = (*loc, key)
                    if key in keys:
                        self.out.duplicate_keys.append((child, key_node.start_mark.line + 1))
                        continue
                    keys.add(key)
                    self.out.lines[child] = key_node.start_mark.line + 1
                    children.append((value_node, child))
                stack += reversed(children)
            elif isinstance(node, yaml.SequenceNode):
                stack += reversed([(item, (*loc, i)) for i, item in enumerate(node.value)])
            elif isinstance(node, yaml.ScalarNode):
                self.scalars.append((node, loc))


def _construct(loader: yaml.SafeLoader, node: yaml.Node, walk: _Walk) -> Any:
    """Python values for the nodes; a value that cannot be made is reported at its line."""
    try:
        return loader.construct_document(node)
    except (ValueError, TypeError, OverflowError, yaml.YAMLError) as exc:
        for scalar, loc in walk.scalars:  # find which value it was, to say where
            try:
                loader.construct_object(scalar, deep=True)
            except (ValueError, TypeError, OverflowError, yaml.YAMLError) as inner:
                line = scalar.start_mark.line + 1
                raise YamlSyntaxError(line, f"'{scalar.value}' is not valid: {inner}", loc) from exc
        raise YamlSyntaxError(1, f"cannot read a value: {exc}") from exc


def _marked(exc: yaml.MarkedYAMLError, text: str) -> YamlSyntaxError:
    mark = exc.problem_mark or exc.context_mark
    # libyaml puts "end of file" after the last line when it has no newline.
    line = min(mark.line + 1, text.count("\n") + 1) if mark is not None else 1
    context = exc.context or ""
    if context and exc.context_mark is not None and exc.context_mark is not mark:
        context += f" (started on line {exc.context_mark.line + 1})"
    return YamlSyntaxError(line, ": ".join(filter(None, [context, exc.problem])) or str(exc))


def parse_yaml(text: str) -> LocatedYaml:
    """Parse one YAML document; raise YamlSyntaxError with the offending line."""
    if _bracket_depth(text) > MAX_NESTING:
        raise YamlSyntaxError(1, f"brackets are nested more than {MAX_NESTING} deep")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        result = LocatedYaml(None)
        if node is None:
            return result
        walk = _Walk(result)
        walk.visit(node)
        result.data = _construct(loader, node, walk)
        return result
    except yaml.MarkedYAMLError as exc:
        raise _marked(exc, text) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, str(exc)) from exc
    except RecursionError as exc:  # constructing very deeply nested blocks
        raise YamlSyntaxError(1, "the YAML is nested too deeply") from exc
    finally:
        loader.dispose()
