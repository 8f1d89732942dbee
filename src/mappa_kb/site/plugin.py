"""The `mappa-kb` MkDocs plugin: validates content, adds generated pages, links terms.

Registered as an entry point (mkdocs.plugins), so mkdocs.yml just says `- mappa-kb`.
"""

from __future__ import annotations

import html
import tempfile
from os import cpu_count
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from mappa_kb.content import ContentError, Glossary, Problem, load_glossary
from mappa_kb.render.charts import ChartBatch
from mappa_kb.render.abbreviations import render_abbreviations, tooltips
from mappa_kb.render.glossary_site import GLOSSARY_FOLDER, entry_path, glossary_pages
from mappa_kb.render.statistics_pages import statistics_pages
from mappa_kb.render.term_links import link_first_mentions
from mappa_kb.stats.loading import StatisticsSet, load_sources, load_statistics_dir

SNIPPETS = "pymdownx.snippets"


class MappaKbConfig(Config):
    glossary_dir = opt.Type(str, default="glossary")
    """Folder of glossary YAML files, relative to mkdocs.yml."""
    statistics_dir = opt.Type(str, default="data/statistics")
    """Folder of statistics data (<area>/<year>.yaml), relative to mkdocs.yml."""
    chart_workers = opt.Type(int, default=0)
    """Processes drawing charts; 0 means one per CPU (used only when there are many)."""


class MappaKbPlugin(BasePlugin[MappaKbConfig]):
    def __init__(self) -> None:
        self.glossary: Glossary | None = None
        self.statistics: StatisticsSet | None = None
        self._charts: ChartBatch | None = None
        self.files: Files | None = None
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self._entry_for_text: dict[str, str | None] = {}

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).resolve().parent
        glossary_dir = root / self.config.glossary_dir
        problems: list[Problem] = []
        self.glossary, self.statistics = None, None  # never serve a previous build's content
        try:
            self.glossary = load_glossary(glossary_dir, root)
        except ContentError as exc:
            problems += exc.problems
        sources = self.glossary.sources if self.glossary else load_sources(glossary_dir)
        try:
            self.statistics = load_statistics_dir(root / self.config.statistics_dir, root, sources)
        except ContentError as exc:
            problems += exc.problems
        if problems:
            # Raised before MkDocs touches site_dir: a bad entry never half-builds a site.
            raise PluginError(ContentError(problems).report())
        assert self.glossary is not None
        self._entry_for_text = {t.text: t.entry_id for t in tooltips(self.glossary)}
        self._install_abbreviations(config, render_abbreviations(self.glossary))
        return config

    def _install_abbreviations(self, config: MkDocsConfig, text: str) -> None:
        if SNIPPETS not in config.markdown_extensions:
            raise PluginError(f"mappa-kb needs the '{SNIPPETS}' Markdown extension in mkdocs.yml")
        if self._tmp is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="mappa-kb-")
        path = Path(self._tmp.name) / "glossary-abbreviations.md"
        path.write_text(text, encoding="utf-8")
        settings: dict[str, Any] = dict(config.mdx_configs.get(SNIPPETS, {}))
        # Snippets only reads files below its base paths, so add our folder as one.
        base = settings.get("base_path", ["."])
        base = [base] if isinstance(base, str) else list(base)
        settings["base_path"] = [*base, str(path.parent)]
        settings["auto_append"] = [*settings.get("auto_append", []), path.name]
        config.mdx_configs[SNIPPETS] = settings

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.glossary is not None and self.statistics is not None
        terms = {entry.id: entry.term for entry in self.glossary.entries.values()}
        statistics = statistics_pages(self.statistics, terms)
        generated: dict[str, str | bytes] = dict(glossary_pages(self.glossary))
        generated.update(statistics.pages)
        workers = self.config.chart_workers or cpu_count() or 1
        self._charts = ChartBatch(statistics.charts, workers)
        if self._charts.done:
            generated.update(self._charts.results())
            self._charts = None
        else:
            # Drawn in other processes while pages render; each file is registered now
            # (so links to it are checked) and its bytes written in on_post_build.
            generated.update(dict.fromkeys(statistics.charts, b""))
        for src_uri, content in generated.items():
            if files.get_file_from_path(src_uri) is not None:
                kind = "glossary" if src_uri.startswith(f"{GLOSSARY_FOLDER}/") else "statistics"
                raise PluginError(f"docs/{src_uri} clashes with a generated {kind} page")
            files.append(File.generated(config, src_uri, content=content))
        self.files = files
        return files

    def on_page_content(
        self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        src = page.file.src_uri
        own = Path(src).stem if src.startswith(f"{GLOSSARY_FOLDER}/") else None

        def entry_for(text: str) -> str | None:
            return self._entry_for_text.get(html.unescape(text))

        def url_for(entry_id: str) -> str:
            target = files.get_file_from_path(entry_path(entry_id))
            assert target is not None
            return target.url_relative_to(page.file)

        return link_first_mentions(html_text, entry_for, url_for, skip_entry=own)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._charts is not None:
            site = Path(config.site_dir)
            for src_uri, svg in self._charts.results().items():
                (site / src_uri).write_bytes(svg)  # static files keep their path
        self._cleanup()

    def on_build_error(self, *, error: Exception) -> None:
        self._cleanup()

    def _cleanup(self) -> None:
        if self._charts is not None:
            self._charts.cancel()
            self._charts = None
        # `mkdocs serve` rebuilds via on_config, which writes the snippet again.
        if self._tmp is not None:
            self._tmp.cleanup()
            self._tmp = None
