"""Build everything a reader needs from one checked load of the content: the static site
and the search index, from the same project object, put in place together.

Both are built beside their final places and swapped in only when both are complete, a
moment apart, so a failed build leaves the previous pair. Each carries the same build id;
a kill between the two swaps leaves a site and an index of different builds, which
`repair_index` notices and mends on the next start. Builds of one project take turns
(a lock), and each first clears what a killed build left behind.
"""

from __future__ import annotations

import fcntl
import logging
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError

from mappa_kb.atomic import swap_in
from mappa_kb.content import Project, load_project
from mappa_kb.engine.pyodide import EngineUnavailable
from mappa_kb.engine.site import add_browser_engine
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.build import (
    RenderedPages,
    RenderedPagesMissing,
    build_search_index,
    index_build_id,
    save_rendered_pages,
    saved_rendered_pages,
    write_search_index,
)
from mappa_kb.site.plugin import MappaKbPlugin

PLUGIN = "mappa-kb"
SITE_BUILD_ID = ".mappa-kb-build"
"""In the built site: the id of the build that made it (a dot file, of no use to readers)."""


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


@contextmanager
def build_lock(paths: ProjectPaths) -> Iterator[None]:
    """One build of a project at a time; held while outputs are made and swapped."""
    paths.cache_dir.mkdir(parents=True, exist_ok=True)
    with (paths.cache_dir / "build.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def remove_leftovers(final: Path) -> list[Path]:
    """Temporary folders a killed build left beside `final` (call with the lock held)."""
    found = [p for p in final.parent.glob(f".{final.name}.*") if p.is_dir()]
    for path in found:
        shutil.rmtree(path, ignore_errors=True)
    return found


def new_build_id() -> str:
    return f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"


def site_build_id(site_dir: Path) -> str | None:
    try:
        return (site_dir / SITE_BUILD_ID).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None


def render_site(
    paths: ProjectPaths, final: Path, project: Project | None, build_id: str
) -> tuple[Path, RenderedPages]:
    """A strict MkDocs build into a new temporary folder beside `final` (not yet in place),
    and the hand-written pages as rendered."""
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
        (work / SITE_BUILD_ID).write_text(build_id, encoding="utf-8")
        work.chmod(0o755)  # mkdtemp makes it private; a web server may run as another user
        return work, RenderedPages(build_id, dict(plugin.page_html))
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


@dataclass(frozen=True)
class BuiltSite:
    path: Path
    pages: RenderedPages


def build_site(
    paths: ProjectPaths, site_dir: Path | None = None, project: Project | None = None
) -> BuiltSite:
    """The site alone, swapped into place (the index is left as it is)."""
    final = (site_dir or paths.site_dir).resolve()
    with build_lock(paths):
        remove_leftovers(final)
        work, pages = render_site(paths, final, project, new_build_id())
        swap_in(work, final)
    return BuiltSite(final, pages)


@dataclass(frozen=True)
class PreparedBuild:
    """A site and an index built beside their final places, not yet swapped in."""

    site: Path
    index: Path
    pages: RenderedPages
    site_final: Path
    index_final: Path

    def discard(self) -> None:
        shutil.rmtree(self.site, ignore_errors=True)
        shutil.rmtree(self.index, ignore_errors=True)


def prepare_build(
    paths: ProjectPaths,
    project: Project,
    site_final: Path,
    report: BuildReport | None = None,
    *,
    browser_engine: bool = True,
) -> PreparedBuild:
    """The site and the index from one checked project, each in a temporary folder beside
    its final place, with the in-browser engine and that index in the site
    (mappa_kb.engine). Takes no lock: nothing in place changes until `put_in_place`, so a
    live preview can run this in another process and stop it at any moment.

    `browser_engine=False` leaves the engine out, for throwaway sites in tests and for
    sites only ever served by `mappa-kb serve`; it is never left out otherwise: a build
    that cannot add it fails, saying why.
    """
    seconds = report.seconds if report is not None else {}
    index_final = paths.index_dir.resolve()
    start = time.perf_counter()
    site_work, pages = render_site(paths, site_final, project, new_build_id())
    seconds["site"] = time.perf_counter() - start
    start = time.perf_counter()
    try:
        index_work = write_search_index(project, pages, index_final)
    except BaseException:
        shutil.rmtree(site_work, ignore_errors=True)
        raise
    seconds["index"] = time.perf_counter() - start
    if browser_engine:
        start = time.perf_counter()
        try:
            add_browser_engine(paths.root, site_work, index_work, paths.engine_cache_dir)
        except BaseException as exc:
            shutil.rmtree(site_work, ignore_errors=True)
            shutil.rmtree(index_work, ignore_errors=True)
            if isinstance(exc, EngineUnavailable):
                raise BuildFailed(str(exc)) from exc
            raise
        seconds["browser engine"] = time.perf_counter() - start
    return PreparedBuild(site_work, index_work, pages, site_final, index_final)


def put_in_place(paths: ProjectPaths, prepared: PreparedBuild) -> None:
    """Swap a prepared site and index in, a moment apart (call with the build lock held)."""
    save_rendered_pages(paths, prepared.pages)
    swap_in(prepared.site, prepared.site_final)
    swap_in(prepared.index, prepared.index_final)


def build_all(
    paths: ProjectPaths, site_dir: Path | None = None, *, browser_engine: bool = True
) -> BuildReport:
    """Check the content once, then build the site and the index from it, with the
    in-browser engine (see `prepare_build`)."""
    report = BuildReport()
    site_final, index_final = (site_dir or paths.site_dir).resolve(), paths.index_dir.resolve()
    with build_lock(paths):
        remove_leftovers(site_final)
        remove_leftovers(index_final)
        start = time.perf_counter()
        project = load_project(paths)  # fail fast, before any output
        report.seconds["check"] = time.perf_counter() - start
        prepared = prepare_build(paths, project, site_final, report, browser_engine=browser_engine)
        put_in_place(paths, prepared)
    return report


def build_index_only(paths: ProjectPaths) -> BuildReport:
    """Check the content and rebuild the index alone, with the pages' text saved by the
    last site build (what a live preview needs after an entry is edited)."""
    report = BuildReport()
    with build_lock(paths):
        remove_leftovers(paths.index_dir.resolve())
        start = time.perf_counter()
        project = load_project(paths)
        report.seconds["check"] = time.perf_counter() - start
        start = time.perf_counter()
        build_search_index(project, saved_rendered_pages(paths))
        report.seconds["index"] = time.perf_counter() - start
    return report


def repair_index(paths: ProjectPaths) -> str | None:
    """When the site and the index come from different builds (a build was stopped
    between the two swaps), rebuild the index from the site's pages; say what was done."""
    site_id = site_build_id(paths.site_dir)
    if site_id is None or index_build_id(paths.index_dir) == site_id:
        return None
    try:
        pages = saved_rendered_pages(paths)
    except RenderedPagesMissing:
        return "the search index is from another build than the site: run 'mappa-kb build'"
    if pages.build_id != site_id:
        return "the search index is from another build than the site: run 'mappa-kb build'"
    build_index_only(paths)
    return "the search index was from another build than the site: rebuilt it"
