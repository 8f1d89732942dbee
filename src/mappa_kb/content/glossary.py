"""Load every glossary file and check the references between them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mappa_kb.content.models import (
    Citation,
    GlossaryEntry,
    Source,
    SourceRegistry,
    Topic,
    TopicRegistry,
)
from mappa_kb.content.problems import ContentError, Problem, display_path
from mappa_kb.content.validation import validate_file
from mappa_kb.content.yaml_lines import LocatedYaml
from mappa_kb.paths import SOURCES_FILE, TOPICS_FILE

RESERVED = {SOURCES_FILE, TOPICS_FILE}


@dataclass
class Glossary:
    entries: dict[str, GlossaryEntry]
    sources: dict[str, Source]
    topics: dict[str, Topic]
    files: dict[str, Path] = field(default_factory=dict)

    def by_topic(self) -> Iterator[tuple[Topic, list[GlossaryEntry]]]:
        """Topics in registry order, each with its entries A-Z."""
        for topic in self.topics.values():
            members = [e for e in self.entries.values() if e.topic == topic.id]
            yield topic, sorted(members, key=lambda e: e.term.casefold())

    def sorted_entries(self) -> list[GlossaryEntry]:
        return sorted(self.entries.values(), key=lambda e: e.term.casefold())


@dataclass
class _Loaded:
    entry: GlossaryEntry
    shown: str
    located: LocatedYaml


def _registry_problems(
    items: Sequence[Source | Topic], shown: str, located: LocatedYaml | None, key: str
) -> list[Problem]:
    problems = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            line = located.line_of((key, index, "id")) if located else 0
            problems.append(Problem(shown, line, f"{key}.{index}.id", f"duplicate id '{item.id}'"))
        seen.add(item.id)
    return problems


def _citation_problems(loaded: _Loaded, sources: dict[str, Source]) -> Iterator[Problem]:
    entry = loaded.entry
    cited: list[tuple[tuple[str | int, ...], Citation]] = [
        (("sources", i), c) for i, c in enumerate(entry.sources)
    ]
    for f_index, fact in enumerate(entry.key_facts):
        cited += [(("key_facts", f_index, "sources", i), c) for i, c in enumerate(fact.sources)]
    for loc, citation in cited:
        source = sources.get(citation.source)
        if source is None:
            yield Problem(
                loaded.shown,
                loaded.located.line_of((*loc, "source")),
                ".".join(map(str, (*loc, "source"))),
                f"unknown source '{citation.source}' (register it in {SOURCES_FILE})",
            )
        elif source.sections and citation.section not in source.sections:
            yield Problem(
                loaded.shown,
                loaded.located.line_of((*loc, "section")),
                ".".join(map(str, (*loc, "section"))),
                f"'{citation.section}' is not a section of '{source.id}' "
                f"(choose one of: {'; '.join(source.sections)})",
            )


def _reference_problems(
    loaded: _Loaded, ids: set[str], topics: set[str] | None, unreadable: set[str]
) -> Iterator[Problem]:
    """Links to entries and topics that do not exist. A link to an entry whose own file
    has a problem is not reported: it is an echo of that problem, fixed with it."""
    entry = loaded.entry
    if topics is not None and entry.topic not in topics:
        yield Problem(
            loaded.shown,
            loaded.located.line_of(("topic",)),
            "topic",
            f"unknown topic '{entry.topic}' (register it in {TOPICS_FILE})",
        )
    for name in ("related", "replaces", "replaced_by"):
        for index, target in enumerate(getattr(entry, name)):
            line = loaded.located.line_of((name, index))
            if target == entry.id:
                yield Problem(
                    loaded.shown, line, f"{name}.{index}", "an entry cannot refer to itself"
                )
            elif target not in ids and target not in unreadable:
                message = f"no entry with id '{target}'"
                yield Problem(loaded.shown, line, f"{name}.{index}", message, follow_on=True)


def _symmetry_problems(loaded: dict[str, _Loaded]) -> Iterator[Problem]:
    """'A replaces B' and 'B replaced_by A' must agree, or readers see half a story."""
    for item in loaded.values():
        for old in item.entry.replaces:
            if old in loaded and item.entry.id not in loaded[old].entry.replaced_by:
                yield Problem(
                    loaded[old].shown,
                    loaded[old].located.line_of(("replaced_by",)),
                    "replaced_by",
                    f"'{item.entry.id}' says it replaces this entry; "
                    f"list '{item.entry.id}' in replaced_by too",
                    follow_on=True,
                )
        for new in item.entry.replaced_by:
            if new in loaded and item.entry.id not in loaded[new].entry.replaces:
                yield Problem(
                    loaded[new].shown,
                    loaded[new].located.line_of(("replaces",)),
                    "replaces",
                    f"'{item.entry.id}' says it was replaced by this entry; "
                    f"list '{item.entry.id}' in replaces too",
                    follow_on=True,
                )


def _replacement_cycles(loaded: dict[str, _Loaded]) -> Iterator[Problem]:
    """'A replaces B' and 'B replaces A' (or a longer loop) cannot both be true: a term
    is replaced by a later one, never by one it replaced."""
    state: dict[str, str] = {}  # "open" while its replacements are followed, then "done"

    def visit(trail: list[str]) -> Iterator[Problem]:
        state[trail[-1]] = "open"
        for older in loaded[trail[-1]].entry.replaces:
            if older not in loaded:
                continue
            if state.get(older) == "open":
                loop = [*trail[trail.index(older) :], older]
                item = loaded[older]
                yield Problem(
                    item.shown,
                    item.located.line_of(("replaces",)),
                    "replaces",
                    f"replacements go round in a loop ({' replaces '.join(loop)}): "
                    "one of them must be the later term",
                    follow_on=True,
                )
            elif older not in state:
                yield from visit([*trail, older])
        state[trail[-1]] = "done"

    for start in sorted(loaded):
        if start not in state:
            yield from visit([start])


def _name_problems(loaded: dict[str, _Loaded]) -> Iterator[Problem]:
    """A short form claimed twice needs a disambiguation on every claimant; a full
    term or alias claimed twice is always an error (tooltips could not choose)."""
    abbreviations: dict[str, list[tuple[_Loaded, int]]] = defaultdict(list)
    names: dict[str, list[tuple[_Loaded, tuple[str | int, ...]]]] = defaultdict(list)
    for item in loaded.values():
        for index, abbr in enumerate(item.entry.abbreviations):
            abbreviations[abbr].append((item, index))
        names[item.entry.term.casefold()].append((item, ("term",)))
        for index, alias in enumerate(item.entry.aliases):
            names[alias.casefold()].append((item, ("aliases", index)))
    for abbr, claims in abbreviations.items():
        if len(claims) < 2:
            continue
        owners = ", ".join(sorted(c.entry.id for c, _ in claims))
        for claim, index in claims:
            if claim.entry.disambiguation is None:
                yield Problem(
                    claim.shown,
                    claim.located.line_of(("abbreviations", index)),
                    f"abbreviations.{index}",
                    f"abbreviation '{abbr}' is claimed by {owners}: add a 'disambiguation'",
                )
    for name, name_claims in names.items():
        owners_set = {c.entry.id for c, _ in name_claims}
        if len(owners_set) < 2:
            continue
        owners = ", ".join(sorted(owners_set))
        for claim, loc in name_claims:
            yield Problem(
                claim.shown,
                claim.located.line_of(loc),
                ".".join(map(str, loc)),
                f"name '{name}' is used by {owners}: each term and alias must be unique",
            )


def read_registries(
    sources_path: Path, topics_path: Path, root: Path | None
) -> tuple[dict[str, Source] | None, dict[str, Topic] | None, list[Problem]]:
    """sources.yaml and topics.yaml, each None when it cannot be used."""
    problems: list[Problem] = []
    shown = display_path(sources_path, root)
    source_reg, located, found = validate_file(sources_path, shown, SourceRegistry, root)
    problems += found
    if source_reg is not None:
        problems += _registry_problems(source_reg.sources, shown, located, "sources")
    shown = display_path(topics_path, root)
    topic_reg, located, found = validate_file(topics_path, shown, TopicRegistry, root)
    problems += found
    if topic_reg is not None:
        problems += _registry_problems(topic_reg.topics, shown, located, "topics")
    sources = {s.id: s for s in source_reg.sources} if source_reg else None
    topics = {t.id: t for t in topic_reg.topics} if topic_reg else None
    return sources, topics, problems


def read_glossary(
    directory: Path, root: Path | None = None
) -> tuple[Glossary | None, dict[str, Source] | None, list[Problem]]:
    """The whole glossary cross-checked, or None; the sources registry when it is usable
    (statistics cite it even when an entry is broken); and every problem found."""
    problems: list[Problem] = []

    def show(path: Path) -> str:
        return display_path(path, root)

    source_map, topic_map, problems = read_registries(
        directory / SOURCES_FILE, directory / TOPICS_FILE, root
    )
    loaded: dict[str, _Loaded] = {}
    ids_claimed: dict[str, str] = {}
    unreadable: set[str] = set()
    for path in sorted(directory.glob("*.yaml")):
        if path.name in RESERVED:
            continue
        shown = show(path)
        entry, located, found = validate_file(path, shown, GlossaryEntry, root)
        problems += found
        if entry is None or located is None:
            unreadable.add(path.stem)
            continue
        if entry.id != path.stem:
            problems.append(
                Problem(
                    shown,
                    located.line_of(("id",)),
                    "id",
                    f"id '{entry.id}' must match the file name '{path.stem}'",
                )
            )
        if entry.id in ids_claimed:
            problems.append(
                Problem(
                    shown,
                    located.line_of(("id",)),
                    "id",
                    f"duplicate id '{entry.id}' (also in {ids_claimed[entry.id]})",
                )
            )
            continue
        ids_claimed[entry.id] = shown
        loaded[entry.id] = _Loaded(entry, shown, located)
    for path in sorted(directory.glob("*.yml")):
        problems.append(Problem(show(path), 0, "", "glossary files must end in .yaml"))

    sources = source_map or {}
    topics = topic_map or {}
    known_ids = set(loaded)
    known_topics = set(topics) if topic_map else None
    for item in loaded.values():
        if source_map is not None:
            problems += _citation_problems(item, sources)
        problems += _reference_problems(item, known_ids, known_topics, unreadable)
    problems += _symmetry_problems(loaded)
    problems += _replacement_cycles(loaded)
    problems += _name_problems(loaded)
    if not loaded and not problems:
        problems.append(Problem(show(directory), 0, "", "no glossary entries found"))
    if problems:
        return None, source_map, problems
    glossary = Glossary(
        entries={i: item.entry for i, item in loaded.items()},
        sources=sources,
        topics=topics,
        files={i: Path(item.shown) for i, item in loaded.items()},
    )
    return glossary, source_map, []


def load_glossary(directory: Path, root: Path | None = None) -> Glossary:
    """Load and cross-check the whole glossary, raising ContentError listing every problem."""
    glossary, _, problems = read_glossary(directory, root)
    if glossary is None:
        raise ContentError(problems)
    return glossary
