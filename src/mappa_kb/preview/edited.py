"""Which pages show a saved file, so they can be refreshed before the rest of the site.

An entry's own page, a docs page, a statistics year's page: each is one page of the
site. A saved style or script under docs/ is copied as it is. Anything else (sources,
topics, phrasing, templates, mkdocs.yml, a deleted file) may change any page, and waits
for the full build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mappa_kb import urls
from mappa_kb.content import Project
from mappa_kb.paths import ProjectPaths


@dataclass
class FirstPass:
    pages: list[str] = field(default_factory=list)
    """Docs paths of the pages to render at once."""
    assets: list[tuple[str, Path]] = field(default_factory=list)
    """(site-relative path, file) of static files to copy as they are."""

    def __bool__(self) -> bool:
        return bool(self.pages or self.assets)


def _statistics_page(path: Path, project: Project) -> str | None:
    area, year = path.parent.name, path.stem
    if year in project.statistics.by_area.get(area, {}):
        return urls.statistics_year_page(area, year)
    return None


def first_pass(saved: set[Path], paths: ProjectPaths, project: Project) -> FirstPass:
    found = FirstPass()
    for path in sorted(saved):
        if not path.is_file():
            continue
        if path.parent == paths.glossary_dir and path.stem in project.glossary.entries:
            found.pages.append(urls.entry_page(path.stem))
        elif path.is_relative_to(paths.docs_dir):
            rel = path.relative_to(paths.docs_dir).as_posix()
            if rel in project.pages:
                found.pages.append(rel)
            elif path.suffix != ".md":
                found.assets.append((rel, path))
        elif path.is_relative_to(paths.statistics_dir) and path.suffix == ".yaml":
            page = _statistics_page(path, project)
            if page is not None:
                found.pages.append(page)
    return found
