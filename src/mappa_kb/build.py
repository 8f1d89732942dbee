"""Build everything a reader needs from one checked load of the content: the static site,
then the search index, from the same project object.

Each output is built beside its final place and swapped in only when complete, so a
failed build leaves the previous site (or none) rather than half of a new one.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from mappa_kb.atomic import swap_in
from mappa_kb.content import Project, load_project
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.build import build_search_index, save_page_html
from mappa_kb.site.plugin import MappaKbPlugin

PLUGIN = "mappa-kb"


class BuildFailed(Exception):
    """The site could not be built; the message says why (already formatted for people)."""


@dataclass
class BuildReport:
    seconds: dict[str, float] = field(default_factory=dict)

    def summary(self) -> str:
        parts = [f"{name} {secs:.2f}s" for name, secs in self.seconds.items()]
        return "Built: " + ", ".join(parts)


class _ErrorCollector(logging.Handler):
    """Keeps MkDocs' warnings and errors: its Abort only says *that* the build failed."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


@dataclass(frozen=True)
class BuiltSite:
    path: Path
    page_html: dict[str, str]
    """The hand-written pages as rendered (docs path -> HTML), for the search index."""


def build_site(
    paths: ProjectPaths, site_dir: Path | None = None, project: Project | None = None
) -> BuiltSite:
    """Run a strict MkDocs build into a temporary folder, then swap it into place."""
    final = (site_dir or paths.site_dir).resolve()
    final.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
    config = None
    errors = _ErrorCollector()
    logging.getLogger("mkdocs").addHandler(errors)
    try:
        config = load_config(str(paths.config_file), site_dir=str(work), strict=True)
        plugin = config.plugins.get(PLUGIN)
        if not isinstance(plugin, MappaKbPlugin):
            raise BuildFailed(f"mkdocs.yml must list the '{PLUGIN}' plugin")
        if project is not None:
            plugin.use_project(project)
        mkdocs_build(config)
        page_html = plugin.page_html
    except (Abort, ConfigurationError, PluginError) as exc:
        shutil.rmtree(work, ignore_errors=True)
        raise BuildFailed("\n".join([*errors.messages, str(exc)])) from exc
    except SystemExit as exc:
        # mkdocs-macros (on_error_fail) exits instead of raising, so MkDocs skips
        # on_build_error; run it ourselves so plugins release what they hold.
        failed = BuildFailed("\n".join([*errors.messages, "a macro failed while rendering a page"]))
        if config is not None:
            config.plugins.on_build_error(error=failed)
        shutil.rmtree(work, ignore_errors=True)
        raise failed from exc
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    finally:
        logging.getLogger("mkdocs").removeHandler(errors)
    swap_in(work, final)
    return BuiltSite(final, page_html)


def build_all(paths: ProjectPaths, site_dir: Path | None = None) -> BuildReport:
    """Check the content once, then build the site and the index from it."""
    report = BuildReport()
    start = time.perf_counter()
    project = load_project(paths)  # fail fast, before any output
    report.seconds["check"] = time.perf_counter() - start
    start = time.perf_counter()
    site = build_site(paths, site_dir, project)
    save_page_html(paths, site.page_html)
    report.seconds["site"] = time.perf_counter() - start
    start = time.perf_counter()
    build_search_index(project, site.page_html)
    report.seconds["index"] = time.perf_counter() - start
    return report


def build_index_only(paths: ProjectPaths) -> BuildReport:
    """Check the content and rebuild the index alone, with the pages' text saved by the
    last site build (what a live preview needs after an entry is edited)."""
    report = BuildReport()
    start = time.perf_counter()
    project = load_project(paths)
    report.seconds["check"] = time.perf_counter() - start
    start = time.perf_counter()
    build_search_index(project)
    report.seconds["index"] = time.perf_counter() - start
    return report
