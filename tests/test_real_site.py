"""Build the real project into tmp_path: strict, complete, and every entry reachable."""

from __future__ import annotations

import re
from pathlib import Path

from mappa_kb.content import load_glossary
from mappa_kb.paths import ProjectPaths


def test_every_entry_has_a_page_in_the_a_to_z(real_site: ProjectPaths) -> None:
    glossary = load_glossary(real_site.glossary_dir, real_site.root)
    a_to_z = (real_site.site_dir / "glossary" / "index.html").read_text(encoding="utf-8")
    for entry_id in glossary.entries:
        assert (real_site.site_dir / "glossary" / entry_id / "index.html").is_file()
        assert f'href="{entry_id}/"' in a_to_z


def test_every_topic_page_exists(real_site: ProjectPaths) -> None:
    glossary = load_glossary(real_site.glossary_dir, real_site.root)
    for topic in glossary.topics:
        assert (real_site.site_dir / "glossary" / "topics" / topic / "index.html").is_file()


def test_every_internal_link_resolves(real_site: ProjectPaths) -> None:
    site = real_site.site_dir
    broken = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for href in re.findall(r'href="([^"#:?]+)(?:#[^"]*)?"', html):
            # 404.html uses site-absolute paths (it is served at any depth)
            base = site if href.startswith("/") else page.parent
            target = (base / href.lstrip("/")).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site)} -> {href}")
    assert not broken, broken[:20]


def test_abbreviations_are_tooltips_everywhere(real_site: ProjectPaths) -> None:
    html = (real_site.site_dir / "glossary" / "mappa" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<abbr title="[^"]+">MAPPA</abbr>', html)


def test_search_index_is_built_by_material(real_site: ProjectPaths) -> None:
    assert Path(real_site.site_dir / "search" / "search_index.json").is_file()
