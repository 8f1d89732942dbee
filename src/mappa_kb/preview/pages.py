"""The edited page first: a few pages rendered exactly as the full build renders them,
in about a second instead of the twenty a whole build takes.

MkDocs has no public way to build one page (even `mkdocs serve --dirty` reads and
renders every page first). This follows `mkdocs.commands.build.build` step by step up to
its page loop, then reads and renders only the chosen pages; it leaves out the theme's
static files (already in the live site) and every chart the pages do not show. MkDocs is
pinned (pyproject.toml), and a test compares these pages with the full build's byte for
byte, so a MkDocs upgrade that changes the steps fails there, not in front of an author.
"""

from __future__ import annotations

import dataclasses
import json
import posixpath
import re
import shutil
import tempfile
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, get_files, set_exclusions
from mkdocs.structure.nav import get_navigation
from mkdocs.structure.pages import Page

from mappa_kb.build import PLUGIN
from mappa_kb.content import Project
from mappa_kb.paths import ProjectPaths
from mappa_kb.render.charts import ChartSpec, draw
from mappa_kb.site.plugin import MappaKbPlugin


class _CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once per server, not once per page: MkDocs makes
    a new Jinja environment for every build, and compiling Material's templates was half
    of a page's time. Jinja keys each entry by the template's source, so an edited
    template (overrides/) is compiled again."""

    def __init__(self) -> None:
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._compiled:
            bucket.bytecode_from_string(self._compiled[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()


_TEMPLATES = _CompiledTemplates()
_DRAWN: dict[str, bytes] = {}
"""Charts drawn by this server, by their spec: a chart is the same bytes for the same
data (render.charts), and an edit to one figure changes few of a page's charts."""
_MOST_DRAWN = 500
_IMAGE = re.compile(r"""<img\b[^>]*?\bsrc=["']([^"'#?]+\.svg)["']""", re.I)


@dataclass(frozen=True)
class Output:
    """One file for the live site, and the page a reader sees it on."""

    path: str
    """Site-relative, as the full build writes it: 'glossary/sro/index.html'."""
    data: bytes
    url: str
    """The page's site-relative URL: 'glossary/sro/'."""


def render_pages(paths: ProjectPaths, project: Project, pages: Collection[str]) -> list[Output]:
    """The chosen pages (docs paths) as the full build would write them, with the charts
    they show; pages the site does not have are left out."""
    paths.cache_dir.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="preview.", dir=paths.cache_dir))
    try:
        config = load_config(str(paths.config_file), site_dir=str(work), strict=True)
        plugin = config.plugins.get(PLUGIN)
        if not isinstance(plugin, MappaKbPlugin):
            raise LookupError(f"mkdocs.yml must list the '{PLUGIN}' plugin")
        plugin.use_project(project, draw_charts=False)
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        files = get_files(config)
        env = config.theme.get_env()  # the theme's static files are in the live site already
        env.bytecode_cache = _TEMPLATES
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
        chosen = _pages(files, pages, config)
        for page in [*chosen, *_untitled_neighbours(chosen)]:
            _populate_page(page, config, files)
        env = config.plugins.on_env(env, config=config, files=files)
        documentation = files.documentation_pages()
        outputs = []
        for page in chosen:
            _build_page(page, config, documentation, nav, env)
            data = Path(page.file.abs_dest_path).read_bytes()
            outputs.append(Output(page.file.dest_uri, data, page.url))
            folder = posixpath.dirname(page.file.dest_uri)
            shown = _charts_shown(data.decode("utf-8"), folder, plugin.charts)
            outputs += [Output(src, _draw(plugin.charts[src]), page.url) for src in shown]
        return outputs
    except SystemExit as exc:  # mkdocs-macros exits on a failed macro (on_error_fail)
        raise RuntimeError("a macro failed while rendering the page") from exc
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _pages(files: Files, wanted: Collection[str], config: MkDocsConfig) -> list[Page]:
    found = []
    for src in wanted:
        file = files.get_file_from_path(src)
        if file is not None and file.is_documentation_page():
            found.append(file.page or Page(None, file, config))
    return found


def _untitled_neighbours(chosen: list[Page]) -> list[Page]:
    """The pages before and after each chosen page in the nav whose titles come from
    their content (the rest have theirs from mkdocs.yml): their titles label the
    "Previous" and "Next" links, so they are rendered too."""
    found: dict[str, Page] = {}
    for chosen_page in chosen:
        for page in (chosen_page.previous_page, chosen_page.next_page):
            if page is not None and page.title is None and page not in chosen:
                found[page.file.src_uri] = page
    return list(found.values())


def _charts_shown(page_html: str, folder: str, charts: Collection[str]) -> list[str]:
    found = (posixpath.normpath(posixpath.join(folder, src)) for src in _IMAGE.findall(page_html))
    return [src for src in dict.fromkeys(found) if src in charts]


def _draw(spec: ChartSpec) -> bytes:
    key = json.dumps(dataclasses.asdict(spec), sort_keys=True, default=str)
    if key not in _DRAWN:
        if len(_DRAWN) >= _MOST_DRAWN:
            _DRAWN.clear()
        _DRAWN[key] = draw(spec)
    return _DRAWN[key]
