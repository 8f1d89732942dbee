"""The `mappa-kb` MkDocs plugin: adds the generated pages, links terms, keeps page text.

Registered as an entry point (mkdocs.plugins), so mkdocs.yml just says `- mappa-kb`.
`mappa-kb build` hands it the project it has already loaded and checked
(`use_project`); under plain `mkdocs build` or `mkdocs serve` it loads the project
itself at every build. Either way each content file is read once per build.
"""

from __future__ import annotations

import html
from os import cpu_count
from pathlib import Path

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from pydantic import ValidationError

from mappa_kb import urls
from mappa_kb.content import ContentError, Project, load_project
from mappa_kb.content.contact import Contact, contact_from_extra
from mappa_kb.csp import inline_script_hashes, with_meta_policy, write_script_hashes
from mappa_kb.paths import ProjectPaths
from mappa_kb.render.abbreviations import tooltips
from mappa_kb.render.charts import ChartBatch, ChartSpec
from mappa_kb.render.page_footer import render_page_footer
from mappa_kb.render.pages import GeneratedPage
from mappa_kb.render.phone_links import link_phone_numbers
from mappa_kb.render.site import render_site
from mappa_kb.render.term_links import link_first_mentions
from mappa_kb.render.term_markup import TermMatcher, TermsExtension


class MappaKbConfig(Config):
    chart_workers = opt.Type(int, default=0)
    """Processes drawing charts; 0 means one per CPU (used only when there are many)."""


class MappaKbPlugin(BasePlugin[MappaKbConfig]):
    def __init__(self) -> None:
        self.project: Project | None = None
        self._given: Project | None = None
        self.generated: dict[str, GeneratedPage] = {}
        self.titles: dict[str, str] = {}
        self.page_html: dict[str, str] = {}
        self.script_hashes: set[str] = set()
        """The HTML of each hand-written page as rendered (terms linked), by its docs
        path: the search index takes its passages from these, not from the built site."""
        self._charts: ChartBatch | None = None
        self.charts: dict[str, ChartSpec] = {}
        """Every chart of the site, by its docs path (drawn or not)."""
        self._draw_charts = True
        self._drawing = True
        self._entry_for_text: dict[str, str | None] = {}

    def _loaded(self) -> Project:
        if self.project is None:
            raise PluginError("mappa-kb: the content was not loaded (on_config did not run)")
        return self.project

    def use_project(self, project: Project, *, draw_charts: bool = True) -> None:
        """Build the next site from this project, already loaded and checked. Without
        `draw_charts` every chart file is registered but left empty: a live preview that
        renders one page draws only that page's charts (mappa_kb.preview.pages)."""
        self._given, self._draw_charts = project, draw_charts

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.project, given, self._given = None, self._given, None  # never a previous build's
        self._drawing, self._draw_charts = self._draw_charts, True
        self.page_html, self.script_hashes = {}, set()
        if given is None:
            root = Path(config.config_file_path).resolve().parent
            try:
                given = load_project(ProjectPaths.at(root))
            except ContentError as exc:
                # Raised before MkDocs touches site_dir: a bad entry never half-builds a site.
                raise PluginError(exc.report()) from exc
        self.project = given
        try:
            contact = contact_from_extra(config.extra)
        except ValidationError:
            contact = Contact()  # `check` warns; pages say there is no contact, not a broken one
        # The footer template and the contact_details macro read it from here, checked.
        config.extra["contact"] = contact.model_dump()
        found = tooltips(given.glossary)
        self._entry_for_text = {t.text: t.entry_id for t in found}
        # Terms become tooltips as each page's Markdown is rendered (render.term_markup).
        config.markdown_extensions = [
            *(e for e in config.markdown_extensions if not isinstance(e, TermsExtension)),
            TermsExtension(TermMatcher(found)),
        ]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        project = self._loaded()
        site = render_site(project)
        for src_uri in [*site.pages, *site.charts]:
            if files.get_file_from_path(src_uri) is not None:
                kind = "glossary" if urls.is_generated_glossary(src_uri) else "generated"
                raise PluginError(f"docs/{src_uri} clashes with a generated {kind} page")
        self.generated = site.pages
        content: dict[str, str | bytes] = {src: page.markdown for src, page in site.pages.items()}
        self.charts = site.charts
        workers = self.config.chart_workers or cpu_count() or 1
        self._charts = ChartBatch(site.charts if self._drawing else {}, workers)
        # Each chart file is registered now, so links to it are checked. Its bytes come
        # at once when drawn here, else in on_post_build (drawn in other processes while
        # pages render), or never (a preview that draws only the charts it shows).
        content.update(dict.fromkeys(site.charts, b""))
        if self._charts.done:
            content.update(self._charts.results())
            self._charts = None
        for src_uri, body in content.items():
            files.append(File.generated(config, src_uri, content=body))
        self.titles = {path: page.title for path, page in project.pages.items()}
        self.titles.update({path: page.title for path, page in site.pages.items()})
        return files

    def _escape_meta(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Material writes the title and description into the page as they are, inside
        an attribute too (<meta name="description" content="...">): a quote would end the
        attribute and a tag would be live. Escape them once, here, for every page."""
        for key in ("title", "description"):  # page.title is meta's title when there is one
            if isinstance(page.meta.get(key), str):
                page.meta[key] = html.escape(page.meta[key])
        return markdown

    def _link_phones(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """999, 101 and the helplines become tel: links on hand-written pages (entry pages
        are rendered with theirs; statistics pages hold counts, not numbers to call)."""
        if page.file.src_uri not in self._loaded().pages:
            return markdown
        return link_phone_numbers(markdown)

    def _add_footer(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Hand-written pages end with their sources and the date they were last reviewed
        (generated pages are rendered with theirs)."""
        project = self._loaded()
        docs_page = project.pages.get(page.file.src_uri)
        if docs_page is None:
            return markdown
        next_title = self.titles.get(docs_page.meta.next or "")
        return markdown + render_page_footer(docs_page, project.sources, next_title)

    on_page_markdown = CombinedEvent(_escape_meta, _link_phones, _add_footer)

    def on_page_content(
        self, html_text: str, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        project = self._loaded()
        src = page.file.src_uri
        generated = self.generated.get(src)

        def entry_for(text: str) -> str | None:
            # A name broken over two lines is still that name.
            return self._entry_for_text.get(" ".join(html.unescape(text).split()))

        def url_for(entry_id: str) -> str:
            target = files.get_file_from_path(urls.entry_page(entry_id))
            if target is None:  # cannot happen: every tooltip's entry has a page
                raise PluginError(f"no page for glossary entry '{entry_id}'")
            return target.url_relative_to(page.file)

        skip = generated.entry if generated is not None else None
        linked = link_first_mentions(html_text, entry_for, url_for, skip_entry=skip)
        if src in project.pages:
            self.page_html[src] = linked
        return linked

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        self.script_hashes |= inline_script_hashes(output)
        return with_meta_policy(output)  # for hosts that send no policy of their own

    def on_post_template(
        self, output_content: str, *, template_name: str, config: MkDocsConfig
    ) -> str:
        self.script_hashes |= inline_script_hashes(output_content)  # the 404 page
        return with_meta_policy(output_content)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # What the Content-Security-Policy allows: the inline scripts this build wrote.
        write_script_hashes(Path(config.site_dir), self.script_hashes)
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
