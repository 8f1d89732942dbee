"""Content -> passages: glossary entries, explanatory page sections, and any other provider.

Each provider is a function `(Project) -> list[Passage]`; adding a source of answers
(statistics sentences, say) is one line in PASSAGE_PROVIDERS.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import markdown
import yaml

from mappa_kb.content import Glossary, load_glossary
from mappa_kb.content.areas import AREA_NAMES_FILE, load_area_names
from mappa_kb.content.models import Citation, GlossaryEntry
from mappa_kb.paths import Project
from mappa_kb.render.entry_page import entry_heading
from mappa_kb.render.glossary_site import GLOSSARY_FOLDER
from mappa_kb.search.html_text import html_to_text, page_content, split_sections
from mappa_kb.search.lexicon import Entry
from mappa_kb.search.passages import Passage
from mappa_kb.stats.passages import statistic_passages

PassageProvider = Callable[[Project], list[Passage]]

SITE_NAME = "MAPPA knowledge base"
_FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.S)
_MACRO = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)


# -- glossary -----------------------------------------------------------------------------


def entry_url(entry_id: str) -> str:
    return f"{GLOSSARY_FOLDER}/{entry_id}/"


def _plain(markdown_text: str) -> str:
    html: str = markdown.markdown(markdown_text, extensions=["tables"])
    return html_to_text(html)


def cite(citations: list[Citation], glossary: Glossary) -> str:
    """'Title, section; Title, section' with each citation once, in order."""
    shown = [f"{glossary.sources[c.source].title}, {c.section}" for c in citations]
    return "; ".join(dict.fromkeys(shown))


def entry_passages(entry: GlossaryEntry, glossary: Glossary) -> Iterator[Passage]:
    heading = entry_heading(entry)
    url = entry_url(entry.id)
    names = " ; ".join(entry.names)
    yield Passage(
        title=heading,
        text=f"{entry.summary}\n{_plain(entry.definition)}",
        url=url,
        source=cite(entry.sources, glossary),
        kind="glossary",
        keywords=" ; ".join([names, *entry.questions]),
    )
    for fact in entry.key_facts:
        yield Passage(
            title=f"{heading}: key facts",
            text=_plain(fact.text),
            url=f"{url}#key-facts",
            source=cite(fact.sources, glossary),
            kind="fact",
            keywords=names,
        )
    if entry.legal_basis:
        yield Passage(
            title=f"{heading}: legal basis",
            text=_plain(entry.legal_basis),
            url=f"{url}#legal-basis",
            source=cite(entry.sources, glossary),
            kind="fact",
            keywords=names,
        )


_LOADED: dict[tuple[object, ...], Glossary] = {}


def project_glossary(project: Project) -> Glossary:
    """The validated glossary, loaded once per build (YAML parsing is the slow part)."""
    files = sorted(project.glossary_dir.glob("*.y*ml"))
    key = (project.root, *((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files))
    if key not in _LOADED:
        _LOADED.clear()
        _LOADED[key] = load_glossary(project.glossary_dir, project.root)
    return _LOADED[key]


def glossary_passages(project: Project) -> list[Passage]:
    glossary = project_glossary(project)
    return [p for entry in glossary.sorted_entries() for p in entry_passages(entry, glossary)]


def lexicon_entries(glossary: Glossary) -> list[Entry]:
    return [
        Entry(
            id=e.id,
            url=entry_url(e.id),
            heading=entry_heading(e),
            names=tuple(e.names),
            abbreviations=tuple(e.abbreviations),
        )
        for e in glossary.sorted_entries()
    ]


def statistics_areas(project: Project, glossary: Glossary) -> list[str]:
    """Areas figures are given for: those of the sources, and data/statistics/<area>/."""
    areas = [source.area for source in glossary.sources.values()]
    if project.statistics_dir.is_dir():
        areas += [p.name.replace("-", " ") for p in project.statistics_dir.iterdir() if p.is_dir()]
    return list({a.casefold(): a for a in reversed(areas)}.values())


def other_area_names(project: Project, areas: list[str]) -> dict[str, str]:
    """Other name -> area as listed in `areas`, from data/areas.yaml ('cambs' -> ...)."""
    folders = project.statistics_dir
    known = {p.name for p in folders.iterdir() if p.is_dir()} if folders.is_dir() else set()
    by_key = {area.casefold(): area for area in areas}
    names = load_area_names(project.data_dir / AREA_NAMES_FILE, project.root, known)
    return {name: by_key.get(a.replace("-", " "), a.replace("-", " ")) for name, a in names.items()}


# -- explanatory pages --------------------------------------------------------------------


def _front_matter(markdown_text: str) -> dict[str, object]:
    match = _FRONT_MATTER.match(markdown_text)
    if not match:
        return {}
    data = yaml.safe_load(match.group(1))
    return data if isinstance(data, dict) else {}


def _excluded(meta: dict[str, object]) -> bool:
    """Pages that opt out of Material's search (`search: {exclude: true}`) opt out here."""
    search = meta.get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


def page_url(src: Path) -> str:
    """docs-relative Markdown path -> site URL, as MkDocs builds it (directory URLs)."""
    parts = list(src.with_suffix("").parts)
    if parts[-1] in {"index", "README"}:
        parts = parts[:-1]
    return "".join(f"{part}/" for part in parts)


def _page_html(project: Project, src: Path, markdown_text: str) -> str:
    built = project.site_dir / page_url(src) / "index.html"
    if built.is_file():
        return page_content(built.read_text(encoding="utf-8"))
    # Not built (e.g. the site went elsewhere): render the Markdown without macros.
    body = _FRONT_MATTER.sub("", markdown_text, count=1)
    html: str = markdown.markdown(
        _MACRO.sub("", body), extensions=["attr_list", "md_in_html", "tables", "toc"]
    )
    return html


def _page_source(meta: dict[str, object], sources: dict[str, str], fallback: str) -> str:
    """The page's own `sources:` front matter as a citation, else the page itself."""
    listed = meta.get("sources")
    shown = []
    if isinstance(listed, list):
        for item in listed:
            if isinstance(item, dict) and str(item.get("source")) in sources:
                title = sources[str(item["source"])]
                shown.append(f"{title}, {item['section']}" if item.get("section") else title)
    return "; ".join(dict.fromkeys(shown)) or fallback


def _source_titles(project: Project) -> dict[str, str]:
    registry = yaml.safe_load((project.glossary_dir / "sources.yaml").read_text(encoding="utf-8"))
    return {s["id"]: s["title"] for s in registry.get("sources", [])}


def page_passages(project: Project) -> list[Passage]:
    """One passage per h1-h3 section of each hand-written page under docs/."""
    passages = []
    sources = _source_titles(project)
    for path in sorted(project.docs_dir.rglob("*.md")):
        src = path.relative_to(project.docs_dir)
        if src.parts[0] == GLOSSARY_FOLDER:
            continue  # generated from the glossary, which has its own passages
        text = path.read_text(encoding="utf-8")
        meta = _front_matter(text)
        if _excluded(meta):
            continue
        sections = split_sections(_page_html(project, src, text))
        page_title = next((s.heading for s in sections if s.level == 1), "")
        page_title = str(meta.get("title") or page_title or src.stem)
        url = page_url(src)
        source = _page_source(meta, sources, f"{SITE_NAME}: {page_title}")
        questions = meta.get("questions")
        keywords = " ; ".join(map(str, questions)) if isinstance(questions, list) else ""
        for section in sections:
            if not section.text:
                continue
            heading = section.heading or page_title
            title = heading if section.level <= 1 else f"{page_title}: {heading}"
            anchor = f"#{section.anchor}" if section.anchor and section.level > 1 else ""
            passages.append(
                Passage(
                    title=title,
                    text=section.text,
                    url=f"{url}{anchor}",
                    source=source,
                    kind="page",
                    keywords=keywords if section.level <= 1 else "",
                )
            )
    return passages


PASSAGE_PROVIDERS: list[PassageProvider] = [glossary_passages, page_passages, statistic_passages]
"""Every source of answers, in order."""


def collect_passages(
    project: Project, providers: list[PassageProvider] | None = None
) -> list[Passage]:
    return [p for provide in (providers or PASSAGE_PROVIDERS) for p in provide(project)]
