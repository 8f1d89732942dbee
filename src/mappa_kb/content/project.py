"""The whole project's content, read and checked once.

`mappa-kb check`, the MkDocs plugin and the search index build all take the one
`Project` that `load_project` returns, so each file is parsed once per build, every
check runs in every path, and a problem anywhere is reported with all the others.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mappa_kb import urls
from mappa_kb.content.areas import read_area_names
from mappa_kb.content.docs_pages import DocsPage, read_docs_pages
from mappa_kb.content.elsewhere import Elsewhere, read_elsewhere
from mappa_kb.content.files import forget_folders, read_weights, read_word_list
from mappa_kb.content.glossary import Glossary, read_glossary, read_registries
from mappa_kb.content.help import HelpFile, read_help
from mappa_kb.content.models import Source, Topic
from mappa_kb.content.phrasing import PhrasingFile, read_phrasing
from mappa_kb.content.problems import ContentError, Problem, display_path
from mappa_kb.content.statistics.loading import StatisticsSet, load_statistics_dir
from mappa_kb.paths import ProjectPaths


@dataclass(frozen=True)
class Project:
    """Every content file of one project, validated and cross-checked."""

    paths: ProjectPaths
    glossary: Glossary
    statistics: StatisticsSet
    pages: dict[str, DocsPage]
    """Hand-written pages under docs/, by docs-relative path."""
    area_names: dict[str, str]
    """Other names of statistics areas, lower case -> area id ('cambs' -> ...)."""
    phrasing: PhrasingFile
    elsewhere: Elsewhere = field(default_factory=Elsewhere)
    """Places the site holds nothing for (data/elsewhere.yaml)."""
    english_words: frozenset[str] = frozenset()
    """Words the spelling correction never rewrites, though the site may not use them."""
    ranking_weights: dict[str, float] = field(default_factory=dict)
    """The Q&A re-ranking's fitted weights (scripts/fit_ranking.py)."""
    help: HelpFile = field(default_factory=HelpFile)
    """What a reader can do, shown first on the Ask page (data/help.yaml)."""

    @property
    def sources(self) -> dict[str, Source]:
        return self.glossary.sources

    @property
    def topics(self) -> dict[str, Topic]:
        return self.glossary.topics

    def summary(self) -> str:
        return (
            f"{len(self.glossary.entries)} glossary entries, {len(self.sources)} sources, "
            f"{len(self.statistics.all())} statistics files, {len(self.pages)} pages"
        )


def generated_pages(glossary: Glossary, statistics: StatisticsSet) -> list[str]:
    """Every page the build makes from the content (docs-relative paths)."""
    pages = [urls.A_TO_Z, urls.TOPICS_INDEX, urls.QUESTION_BANK, urls.STATISTICS_OVERVIEW]
    pages += [urls.topic_page(topic) for topic in glossary.topics]
    pages += [urls.entry_page(entry) for entry in glossary.entries]
    for area in statistics.area_ids():
        pages.append(urls.statistics_area_page(area))
        pages += [urls.statistics_year_page(area, year) for year in statistics.years(area)]
    return pages


def read_project(paths: ProjectPaths) -> tuple[Project | None, list[Problem]]:
    """The project, or None; and every problem found, in every file."""
    root = paths.root
    forget_folders()
    glossary, sources, problems = read_glossary(paths.glossary_dir, root)
    statistics: StatisticsSet | None = None
    try:
        statistics = load_statistics_dir(paths.statistics_dir, root, sources)
    except ContentError as exc:
        problems += exc.problems
    known_areas = set(statistics.by_area) if statistics is not None else None
    shown = display_path(paths.areas_file, root)
    area_names, found = read_area_names(paths.areas_file, shown, root, known_areas)
    problems += found
    shown = display_path(paths.phrasing_file, root)
    phrasing, found = read_phrasing(paths.phrasing_file, shown, root)
    problems += found
    held = {*area_names}
    if statistics is not None:
        held |= {" ".join(statistics.area_name(a).casefold().split()) for a in statistics.by_area}
    shown = display_path(paths.elsewhere_file, root)
    elsewhere, found = read_elsewhere(paths.elsewhere_file, shown, root, held)
    problems += found
    shown = display_path(paths.english_words_file, root)
    english, found = read_word_list(paths.english_words_file, shown, root)
    problems += found
    shown = display_path(paths.ranking_weights_file, root)
    weights, found = read_weights(paths.ranking_weights_file, shown, root)
    problems += found
    pages: dict[str, DocsPage] = {}
    helplines = HelpFile()
    if glossary is not None:
        # Pages cite the glossary's sources and topics, and may point at generated pages.
        generated = generated_pages(glossary, statistics or StatisticsSet())
        pages, found = read_docs_pages(
            paths.docs_dir, root, glossary.sources, glossary.topics, generated
        )
        problems += found
        shown = display_path(paths.help_file, root)
        sections = {s.id: list(s.sections) for s in glossary.sources.values()}
        helplines, found = read_help(paths.help_file, shown, root, sections, {*pages, *generated})
        problems += found
    if problems or glossary is None or statistics is None:
        return None, problems
    project = Project(
        paths,
        glossary,
        statistics,
        pages,
        area_names,
        phrasing,
        elsewhere,
        english,
        weights,
        helplines,
    )
    return project, []


def load_statistics(paths: ProjectPaths) -> StatisticsSet:
    """Only the statistics, with the sources they cite checked (for `mappa-kb stats`);
    ContentError lists every problem in them and in the sources registry."""
    sources, _, problems = read_registries(paths.sources_file, paths.topics_file, paths.root)
    try:
        statistics = load_statistics_dir(paths.statistics_dir, paths.root, sources)
    except ContentError as exc:
        raise ContentError([*problems, *exc.problems]) from exc
    if problems:
        raise ContentError(problems)
    return statistics


def load_project(paths: ProjectPaths) -> Project:
    """The project, or ContentError listing every problem found."""
    project, problems = read_project(paths)
    if project is None:
        raise ContentError(problems)
    return project
