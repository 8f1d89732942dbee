"""Load every data/statistics/<area>/<year>.yaml file, checked, with file:line problems.

Problems from every file are collected and raised together (ContentError), the same
way the glossary reports them, so `mappa-kb check` can list both at once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from mappa_kb.content.models import Source
from mappa_kb.content.problems import ContentError, Problem, display_path
from mappa_kb.content.statistics.consistency import check_statistics
from mappa_kb.content.statistics.models import YEAR_PATTERN, AreaYearStatistics
from mappa_kb.content.statistics.reviews import REVIEWS_FILE, load_reviews
from mappa_kb.content.validation import validate_file
from mappa_kb.paths import SOURCES_FILE

_AREA_FOLDER = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


class StatisticsLookupError(LookupError):
    """An area, year or key that the data does not have; the message lists what exists."""

    def __str__(self) -> str:  # KeyError-style quoting would garble the message
        return str(self.args[0]) if self.args else ""


@dataclass
class StatisticsSet:
    """All loaded statistics: area id -> year -> figures, plus the sources they cite."""

    by_area: dict[str, dict[str, AreaYearStatistics]] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    files: dict[tuple[str, str], str] = field(default_factory=dict)
    reviewed: dict[tuple[str, str], dt.date] = field(default_factory=dict)
    """When a person last checked each file against its report (stats/reviews.py)."""

    def area_ids(self) -> list[str]:
        """Area ids ordered by the area's name, as a reader scans a list."""
        return sorted(self.by_area, key=lambda a: self.area_name(a).casefold())

    def area_name(self, area: str) -> str:
        years = self.by_area[area]
        return years[max(years)].area_name

    def years(self, area: str) -> list[str]:
        return sorted(self.by_area[area])

    def all(self) -> list[AreaYearStatistics]:
        return [self.by_area[a][y] for a in self.area_ids() for y in self.years(a)]

    def latest_year(self) -> str | None:
        years = {y for by_year in self.by_area.values() for y in by_year}
        return max(years) if years else None

    def get(self, area: str, year: str) -> AreaYearStatistics:
        if area not in self.by_area:
            known = ", ".join(self.area_ids()) or "none"
            raise StatisticsLookupError(f"no statistics for area '{area}' (known areas: {known})")
        if year not in self.by_area[area]:
            known = ", ".join(self.years(area))
            raise StatisticsLookupError(
                f"no statistics for area '{area}' in year '{year}' (years held: {known})"
            )
        return self.by_area[area][year]

    def source_title(self, stats: AreaYearStatistics) -> str:
        source = self.sources.get(stats.source)
        return source.title if source else stats.source


def _file_problems(
    path: Path, shown: str, sources: dict[str, Source] | None, root: Path | None
) -> tuple[AreaYearStatistics | None, list[Problem], int]:
    """The file's figures when it has no problem, its problems, and the area_name line."""
    stats, located, problems = validate_file(path, shown, AreaYearStatistics, root)
    if stats is None or located is None:
        return None, problems, 0
    if stats.area != path.parent.name:
        problems.append(
            Problem(
                shown,
                located.line_of(("area",)),
                "area",
                f"area '{stats.area}' must match the folder name '{path.parent.name}'",
            )
        )
    if stats.year != path.stem:
        problems.append(
            Problem(
                shown,
                located.line_of(("year",)),
                "year",
                f"year '{stats.year}' must match the file name '{path.stem}'",
            )
        )
    if sources is not None and stats.source not in sources:
        problems.append(
            Problem(
                shown,
                located.line_of(("source",)),
                "source",
                f"unknown source '{stats.source}' (register it in glossary/{SOURCES_FILE})",
            )
        )
    for finding in check_statistics(stats):
        problems.append(
            Problem(shown, located.line_of(finding.loc), ".".join(finding.loc), finding.message)
        )
    return (None if problems else stats), problems, located.line_of(("area_name",))


def _layout_problems(directory: Path, show: str) -> list[Problem]:
    problems = []
    for path in sorted(directory.rglob("*")):
        rel = path.relative_to(directory)
        if path.is_dir():
            if len(rel.parts) == 1 and not _AREA_FOLDER.match(path.name):
                problems.append(
                    Problem(f"{show}/{rel}", 0, "", "area folder names are ids: a-z, 0-9 and -")
                )
            continue
        if len(rel.parts) == 2 and path.suffix == ".yaml":
            if not re.match(YEAR_PATTERN, path.stem):
                problems.append(
                    Problem(f"{show}/{rel}", 0, "", "file name must be the year, e.g. 2022-23.yaml")
                )
        elif path.suffix in {".yaml", ".yml"} and rel.as_posix() != REVIEWS_FILE:
            problems.append(
                Problem(f"{show}/{rel}", 0, "", "statistics files go in <area>/<year>.yaml")
            )
    return problems


def load_statistics_dir(
    directory: Path, root: Path | None = None, sources: dict[str, Source] | None = None
) -> StatisticsSet:
    """Load and check every file under `directory`; raise ContentError listing every problem.

    `sources` is the registry to check source ids against (None skips that check).
    """
    result = StatisticsSet(sources=dict(sources or {}))
    if not directory.is_dir():
        return result
    show_dir = display_path(directory, root)
    problems = _layout_problems(directory, show_dir)
    names: dict[str, tuple[str, str]] = {}
    for path in sorted(directory.glob("*/*.yaml")):
        if not re.match(YEAR_PATTERN, path.stem) or not _AREA_FOLDER.match(path.parent.name):
            continue
        shown = display_path(path, root)
        stats, found, name_line = _file_problems(path, shown, sources, root)
        problems += found
        if stats is None:
            continue
        first = names.setdefault(stats.area, (stats.area_name, shown))
        if first[0] != stats.area_name:
            problems.append(
                Problem(
                    shown,
                    name_line,
                    "area_name",
                    f"area_name '{stats.area_name}' differs from '{first[0]}' in {first[1]}",
                )
            )
        result.by_area.setdefault(stats.area, {})[stats.year] = stats
        result.files[(stats.area, stats.year)] = shown
    reviews_shown = display_path(directory / REVIEWS_FILE, root)
    # Files that exist count, loaded or not: a broken file is reported once, by itself.
    on_disk = {(p.parent.name, p.stem) for p in directory.glob("*/*.yaml")}
    result.reviewed, found = load_reviews(directory, reviews_shown, on_disk, root)
    problems += found
    if problems:
        raise ContentError(problems)
    return result
