"""Content and passages -> the lexicon saved beside the index (search/lexicon.py)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from markdown.extensions.toc import slugify

from mappa_kb import urls
from mappa_kb.content.help import HelpFile
from mappa_kb.content.models import Source
from mappa_kb.content.phrasing import PhrasingFile
from mappa_kb.content.project import Project
from mappa_kb.search.lexicon import Entry, Figure, HelpLine, Lexicon, PhrasingTables
from mappa_kb.search.passage import Passage
from mappa_kb.search.passages.statistics import figures

_WORD = re.compile(r"[^\W\d_][^\W_]*")


def count_words(texts: Iterable[str]) -> dict[str, int]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w.lower() for w in _WORD.findall(text))
    return dict(counts)


def phrasing_tables(data: PhrasingFile) -> PhrasingTables:
    rewrites = {form: target for target, forms in data.rewrites.items() for form in forms}
    meanings: dict[str, list[str]] = {}
    for group in data.groups:
        for form in group.say:
            meanings.setdefault(form, [])
            meanings[form] += [m for m in group.means if m not in meanings[form]]
    idioms = {form for group in data.groups if group.idiom for form in group.say}
    essential = {form for group in data.groups if group.essential for form in group.say}
    return PhrasingTables(rewrites, meanings, idioms, essential)


def lexicon_entries(project: Project) -> list[Entry]:
    return [
        Entry(
            id=e.id,
            url=urls.entry_url(e.id),
            heading=e.heading,
            names=tuple(e.names),
            abbreviations=tuple(e.abbreviations),
            summary=e.summary,
        )
        for e in project.glossary.sorted_entries()
    ]


def source_pages(sources: Iterable[Source]) -> dict[str, str]:
    """Source title -> its place on the Sources page: the annual reports have a section
    of their own there (headed with the title), the rest an item of a generated list."""
    page = urls.url(urls.SOURCES_PAGE)
    return {
        s.title: f"{page}#{slugify(s.title, '-')}"
        if s.kind == "annual-report"
        else f"{page}#{urls.source_anchor(s.id)}"
        for s in sources
    }


def help_lines(data: HelpFile, sources: dict[str, Source]) -> list[HelpLine]:
    """data/help.yaml as the answering side needs it: pages as site addresses, sources
    cited as answers cite them."""
    return [
        HelpLine(
            id=line.id,
            name=line.name,
            text=" ".join(line.text.split()),
            phone=line.phone,
            url=urls.url(line.page) if line.page else None,
            source=f"{sources[line.source.source].title}, {line.source.section}",
            reviewed=line.reviewed.isoformat(),
            situations=tuple(line.situations),
            always=line.always,
        )
        for line in data.lines
    ]


def statistics_areas(project: Project) -> list[str]:
    """Areas figures are given for: those of the sources, and data/statistics/<area>/."""
    areas = [source.area for source in project.sources.values()]
    areas += [area.replace("-", " ") for area in project.statistics.by_area]
    return list({a.casefold(): a for a in reversed(areas)}.values())


def other_area_names(project: Project, areas: list[str]) -> dict[str, str]:
    """Other name -> area as listed in `areas`, from data/areas.yaml ('cambs' -> ...)."""
    by_key = {area.casefold(): area for area in areas}
    return {
        name: by_key.get(a.replace("-", " "), a.replace("-", " "))
        for name, a in project.area_names.items()
    }


def make_lexicon(
    entries: list[Entry],
    areas: Iterable[str],
    passages: list[Passage],
    phrasing: PhrasingTables,
    area_names: dict[str, str],
    *,
    english: frozenset[str] = frozenset(),
    figures: list[Figure] | None = None,
    places: list[str] | None = None,
    outside: list[str] | None = None,
    weights: dict[str, float] | None = None,
    helplines: list[HelpLine] | None = None,
    sources: dict[str, str] | None = None,
) -> Lexicon:
    """The lexicon of these entries, areas and passages."""
    texts: list[str] = [p.title for p in passages]
    texts += [p.text for p in passages]
    texts += [p.keywords for p in passages]
    texts += [p.asked for p in passages]
    texts += [name for e in entries for name in e.names]
    unique_areas = sorted({a.strip() for a in areas if a.strip()}, key=str.casefold)
    return Lexicon(
        entries,
        unique_areas,
        count_words(texts),
        phrasing,
        {name.casefold(): area for name, area in area_names.items()},
        figures or [],
        places or [],
        outside or [],
        weights or {},
        english,
        helplines or [],
        sources or {},
    )


def build_lexicon(project: Project, passages: list[Passage]) -> Lexicon:
    """What questions need to know about this project's content."""
    areas = statistics_areas(project)
    return make_lexicon(
        lexicon_entries(project),
        areas,
        passages,
        phrasing_tables(project.phrasing),
        other_area_names(project, areas),
        english=project.english_words,
        figures=figures(project.statistics),
        places=project.elsewhere.places,
        outside=project.elsewhere.outside,
        weights=project.ranking_weights,
        helplines=help_lines(project.help, project.sources),
        sources=source_pages(project.sources.values()),
    )
