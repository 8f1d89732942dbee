"""Load the hand-written pages under docs/ and check their front matter.

Problems name the page, the line in that page and the field, like glossary problems,
and are all reported together.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from pathlib import Path

from mappa_kb.content.files import MAX_PAGE_BYTES, read_text, yaml_problem
from mappa_kb.content.markup import line_of_offset, markup_problems
from mappa_kb.content.models import Citation, Source, Topic
from mappa_kb.content.page_meta import PageMeta
from mappa_kb.content.placeholders import placeholder_lines
from mappa_kb.content.problems import ContentError, Problem, display_path
from mappa_kb.content.validation import validate_located
from mappa_kb.content.yaml_lines import LocatedYaml, YamlSyntaxError, parse_yaml
from mappa_kb.urls import is_generated_glossary

# The same block MkDocs reads: a first line of ---, YAML, then --- (or ...) on its own line.
_FRONT = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_HEADING = re.compile(r"^#{1,6}[ \t]+(?P<text>.+?)[ \t#]*(?:\{[^}]*\})?[ \t]*$", re.M)
_H1 = re.compile(r"^#[ \t]+(?P<title>.+?)[ \t#]*(?:\{[^}]*\})?[ \t]*$", re.M)


@dataclass(frozen=True)
class DocsPage:
    path: str
    """Path under docs/ with forward slashes, e.g. 'guide/levels.md'."""
    meta: PageMeta
    title: str
    body: str
    """The Markdown after the front matter."""


@dataclass(frozen=True)
class FrontMatter:
    yaml: str
    body: str


def split_front_matter(text: str) -> FrontMatter | None:
    """The front matter and the body, or None when the page has no front matter.

    The YAML starts on line 2 of the file, which is what error lines are offset by.
    """
    match = _FRONT.match(text)
    if match is None:
        return None
    return FrontMatter(match.group("yaml") or "", text[match.end() :])


def page_title(meta: PageMeta, body: str) -> str | None:
    if meta.title:
        return meta.title
    heading = _H1.search(body)
    return heading.group("title").strip() if heading else None


def citation_problems(
    citations: list[Citation], sources: dict[str, Source], shown: str, located: LocatedYaml
) -> Iterator[Problem]:
    """Unknown sources and sections a report does not have, as glossary entries check them."""
    for index, citation in enumerate(citations):
        source = sources.get(citation.source)
        if source is None:
            yield Problem(
                shown,
                located.line_of(("sources", index, "source")) + 1,
                f"sources.{index}.source",
                f"unknown source '{citation.source}' (register it in glossary/sources.yaml)",
            )
        elif source.sections and citation.section not in source.sections:
            yield Problem(
                shown,
                located.line_of(("sources", index, "section")) + 1,
                f"sources.{index}.section",
                f"'{citation.section}' is not a section of '{source.id}' "
                f"(choose one of: {'; '.join(source.sections)})",
            )


@dataclass(frozen=True)
class _Known:
    """What a page's front matter may refer to."""

    sources: dict[str, Source]
    topics: dict[str, Topic]
    pages: set[str]


def _reference_problems(
    rel: str, meta: PageMeta, shown: str, located: LocatedYaml, known: _Known
) -> Iterator[Problem]:
    def at(key: str) -> int:
        return located.line_of((key,)) + 1  # front matter starts on line 2

    yield from citation_problems(meta.sources, known.sources, shown, located)
    if meta.topic is not None and meta.topic not in known.topics:
        message = f"unknown topic '{meta.topic}' (register it in glossary/topics.yaml)"
        yield Problem(shown, at("topic"), "topic", message)
    if meta.questions and meta.topic is None:
        message = "a page with questions needs a 'topic' to file them under in the question bank"
        yield Problem(shown, at("questions"), "questions", message)
    if meta.next == rel:
        yield Problem(shown, at("next"), "next", "a page cannot be its own next page")
    elif meta.next is not None and meta.next not in known.pages:
        yield Problem(shown, at("next"), "next", f"no page '{meta.next}' under docs/")


def heading_key(heading: str) -> str:
    """How a heading is matched: case and spacing do not matter."""
    return " ".join(heading.casefold().split())


def _asked_as_problems(
    meta: PageMeta, title: str, body: str, shown: str, located: LocatedYaml
) -> Iterator[Problem]:
    """Each `asked_as` heading must be a heading of the page (or its title)."""
    headings = {heading_key(m.group("text")) for m in _HEADING.finditer(body)}
    headings.add(heading_key(title))
    for heading in meta.asked_as:
        if heading_key(heading) not in headings:
            line = located.line_of(("asked_as", heading)) + 1  # front matter starts on line 2
            message = f"no heading '{heading}' on this page: use a heading as written, or the title"
            yield Problem(shown, line, f"asked_as.{heading}", message)


def _load_page(
    path: Path, rel: str, shown: str, known: _Known, root: Path | None
) -> tuple[DocsPage | None, list[Problem]]:
    text, problem = read_text(path, shown, root, MAX_PAGE_BYTES)
    if text is None:
        return None, [problem] if problem else []
    front = split_front_matter(text)
    if front is None:
        message = "page has no front matter: add a --- block with 'reviewed' and 'sources'"
        return None, [Problem(shown, 1, "", message)]
    try:
        located = parse_yaml(front.yaml)
    except YamlSyntaxError as exc:
        return None, [yaml_problem(shown, exc, line_offset=1)]  # front matter starts on line 2
    meta, problems = validate_located(located, shown, PageMeta, line_offset=1, what="front matter")
    if meta is None:
        return None, problems
    body_line = text[: len(text) - len(front.body)].count("\n")
    problems += [
        Problem(shown, body_line + line_of_offset(front.body, offset), "", message)
        for offset, message in markup_problems(front.body, pages=True)
    ]
    problems += [
        Problem(shown, body_line + line, "", message)
        for line, message in placeholder_lines(front.body)
    ]
    problems += _reference_problems(rel, meta, shown, located, known)
    title = page_title(meta, front.body)
    if title is None:
        problems.append(Problem(shown, 1, "title", "no title: add 'title' or a '# ' heading"))
    if title is not None:
        problems += _asked_as_problems(meta, title, front.body, shown, located)
    if problems or title is None:
        return None, problems
    return DocsPage(rel, meta, title, front.body), []


def read_docs_pages(
    docs_dir: Path,
    root: Path | None,
    sources: dict[str, Source],
    topics: dict[str, Topic],
    generated: Collection[str] = (),
) -> tuple[dict[str, DocsPage], list[Problem]]:
    """Every Markdown page under docs/, keyed by its docs-relative path, and every problem.

    `generated` names pages the build adds (glossary, statistics, question bank), which a
    page may point to as its `next`.
    """
    paths = sorted(docs_dir.rglob("*.md"))
    rels = {p.relative_to(docs_dir).as_posix(): p for p in paths}
    known = _Known(sources, topics, set(rels) | set(generated))
    pages: dict[str, DocsPage] = {}
    problems: list[Problem] = []
    for rel, path in rels.items():
        if rel in generated:
            kind = "glossary" if is_generated_glossary(rel) else "generated"
            message = f"clashes with a generated {kind} page: give it another name"
            problems.append(Problem(display_path(path, root), 0, "", message))
            continue
        page, found = _load_page(path, rel, display_path(path, root), known, root)
        problems += found
        if page is not None:
            pages[rel] = page
    return pages, problems


def load_docs_pages(
    docs_dir: Path,
    root: Path | None,
    sources: dict[str, Source],
    topics: dict[str, Topic],
    generated: Collection[str] = (),
) -> dict[str, DocsPage]:
    """As read_docs_pages, raising ContentError listing every problem found."""
    pages, problems = read_docs_pages(docs_dir, root, sources, topics, generated)
    if problems:
        raise ContentError(problems)
    return pages
