"""Read YAML once, remembering the line of every key, so errors can point at it.

PyYAML's plain ``safe_load`` forgets positions and silently keeps the last of two
duplicate keys; both matter to an author fixing a file. So the node tree is composed
once (by libyaml where it is installed), walked for lines, and constructed from the same
nodes. Content never needs YAML aliases, and an alias "bomb" (aliases of aliases) grows
exponentially once anything walks the data, so aliases are refused. Every failure,
including a constructor's (an impossible date), is a YamlSyntaxError with a line.
"""

from __future__ import annotations

import re
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


_BRACKET = re.compile(r"[\[\]{}]")
_STRING_TAG = "tag:yaml.org,2002:str"


def _bracket_depth(text: str) -> int:
    """An upper bound on flow-collection nesting (brackets inside strings count too)."""
    depth = deepest = 0
    for char in _BRACKET.findall(text):
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest


class _Builder:
    """Python data from the composed nodes, with the line of every key, in one pass.

    Strings (nearly every value in content) are taken as they are; other scalars
    (numbers, dates, booleans) go through PyYAML's safe constructor, and one that
    cannot be made (2026-02-30) is reported at its own line.
    """

    def __init__(self, loader: yaml.SafeLoader, out: LocatedYaml) -> None:
        self.loader = loader
        self.out = out
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        if id(node) in self.seen:  # the composer hands an alias back as the same node
            # The node's own mark is where it was anchored; say where it is used.
            raise YamlSyntaxError(
                self.out.line_of(loc[:-1]),
                "YAML aliases (*name) are not allowed in content: write the value out",
                loc,
            )
        if len(loc) > MAX_NESTING:
            raise YamlSyntaxError(node.start_mark.line + 1, "the YAML is nested too deeply", loc)
        self.seen.add(id(node))
        self.out.lines.setdefault(loc, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            mapping: dict[Any, Any] = {}
            names: set[str] = set()
            for key_node, value_node in node.value:
                key = self._scalar(key_node, loc) if isinstance(key_node, yaml.ScalarNode) else None
                child, line = (*loc, str(key)), key_node.start_mark.line + 1
                if str(key) in names:
                    self.out.duplicate_keys.append((child, line))
                else:
                    names.add(str(key))
                    self.out.lines[child] = line
                mapping[key] = self.build(value_node, child)  # as PyYAML: the last one wins
            return mapping
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self._scalar(node, loc)

    def _scalar(self, node: yaml.Node, loc: Loc) -> Any:
        if node.tag == _STRING_TAG:
            return node.value
        try:
            return self.loader.construct_object(node, deep=True)
        except (ValueError, TypeError, OverflowError, yaml.YAMLError) as exc:
            line = node.start_mark.line + 1
            raise YamlSyntaxError(line, f"'{node.value}' is not valid: {exc}", loc) from exc


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
        if node is not None:
            result.data = _Builder(loader, result).build(node, ())
        return result
    except yaml.MarkedYAMLError as exc:
        raise _marked(exc, text) from exc
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, str(exc)) from exc
    except RecursionError as exc:  # constructing very deeply nested blocks
        raise YamlSyntaxError(1, "the YAML is nested too deeply") from exc
    finally:
        loader.dispose()
