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
from mappa_kb.content.docs_pages import DocsPage, load_docs_pages
from mappa_kb.content.models import GlossaryEntry
from mappa_kb.render.charts import ChartBatch
from mappa_kb.render.abbreviations import render_abbreviations, tooltips
from mappa_kb.render.entry_page import entry_heading
from mappa_kb.render.glossary_site import GLOSSARY_FOLDER, entry_path, glossary_pages
from mappa_kb.render.page_footer import (
    QUESTION_BANK_PATH,
    render_collection_footer,
    render_page_footer,
    render_statistics_footer,
)
from mappa_kb.render.question_bank import QUESTION_BANK_TITLE, render_question_bank
from mappa_kb.render.statistics_pages import statistics_pages
from mappa_kb.render.term_links import link_first_mentions
from mappa_kb.stats.loading import StatisticsSet, load_sources, load_statistics_dir
from mappa_kb.stats.models import AreaYearStatistics

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
        self.pages: dict[str, DocsPage] = {}
        self.titles: dict[str, str] = {}
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
        for src_uri in [*generated, *statistics.charts, QUESTION_BANK_PATH]:
            if files.get_file_from_path(src_uri) is not None:
                kind = "glossary" if src_uri.startswith(f"{GLOSSARY_FOLDER}/") else "generated"
                raise PluginError(f"docs/{src_uri} clashes with a generated {kind} page")
        root = Path(config.config_file_path).resolve().parent
        try:
            # After the clash check: a docs page clashing with a generated one is the news.
            self.pages = load_docs_pages(
                Path(config.docs_dir),
                root,
                self.glossary.sources,
                self.glossary.topics,
                generated=[*generated, QUESTION_BANK_PATH],
            )
        except ContentError as exc:
            raise PluginError(exc.report()) from exc
        generated[QUESTION_BANK_PATH] = render_question_bank(self.glossary, self.pages.values())
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
            files.append(File.generated(config, src_uri, content=content))
        self.titles = {path: page.title for path, page in self.pages.items()}
        self.titles[QUESTION_BANK_PATH] = QUESTION_BANK_TITLE
        self.titles.update(
            {entry_path(e.id): entry_heading(e) for e in self.glossary.entries.values()}
        )
        self.files = files
        return files

    def on_page_markdown(
        self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        """Every page ends with its sources and the date it was last reviewed."""
        assert self.glossary is not None
        src = page.file.src_uri
        docs_page = self.pages.get(src)
        if docs_page is not None:
            next_title = self.titles.get(docs_page.meta.next or "")
            return markdown + render_page_footer(docs_page, self.glossary.sources, next_title)
        listed = self._listed_entries(src)
        if listed is not None:
            return markdown + render_collection_footer(listed, self.glossary.sources)
        shown = self._statistics_shown(src)
        if shown:
            assert self.statistics is not None
            sources = [s.source for s in shown]
            dates = [self.statistics.reviewed.get((s.area, s.year)) for s in shown]
            # A page is as fresh as its least recently checked figures.
            known = [d for d in dates if d is not None]
            oldest = min(known) if len(known) == len(dates) else None
            return markdown + render_statistics_footer(sources, self.glossary.sources, oldest)
        return markdown

    def _statistics_shown(self, src: str) -> list[AreaYearStatistics]:
        """The figure files shown on a generated statistics page (overview, area, year)."""
        if self.statistics is None or not src.startswith("statistics/"):
            return []
        parts = src.removesuffix(".md").split("/")[1:]
        shown = self.statistics.all()
        if parts and parts[0] != "index":
            shown = [s for s in shown if s.area == parts[0]]
        if len(parts) > 1 and parts[1] != "index":
            shown = [s for s in shown if s.year == parts[1]]
        return shown

    def _listed_entries(self, src: str) -> list[GlossaryEntry] | None:
        """The entries a generated glossary list page shows (entry pages have a footer)."""
        assert self.glossary is not None
        if src in (f"{GLOSSARY_FOLDER}/index.md", f"{GLOSSARY_FOLDER}/topics/index.md"):
            return self.glossary.sorted_entries()
        topic_prefix = f"{GLOSSARY_FOLDER}/topics/"
        if src.startswith(topic_prefix):
            topic = src.removeprefix(topic_prefix).removesuffix(".md")
            return [e for e in self.glossary.entries.values() if e.topic == topic]
        return None

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
