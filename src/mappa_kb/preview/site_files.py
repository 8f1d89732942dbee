"""What changed in the live site, so only the tabs showing a changed page reload, and
how the edited page's files are put in place without waiting for a whole build."""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from mappa_kb.csp import (
    SCRIPT_HASHES_FILE,
    inline_script_hashes,
    script_hashes_text,
    site_script_hashes,
)

_NOT_SHOWN = ("search/", "sitemap.xml")
"""Material's search index and the sitemap change with any edit, yet no open page shows
them: a change there reloads nothing."""


def page_url(path: str) -> str | None:
    """The URL of the page a site file is ('guide/levels/index.html' -> 'guide/levels/');
    None for files that are no page (styles, scripts, charts)."""
    if not path.endswith(".html"):
        return None
    return path.removesuffix("index.html")


def digests(site: Path) -> dict[str, bytes]:
    """Site-relative path -> digest of every file a reader may load."""
    found = {}
    for folder, _, names in os.walk(site):
        for name in names:
            path = Path(folder, name)
            rel = path.relative_to(site).as_posix()
            if name.startswith(".") or rel.startswith(_NOT_SHOWN):
                continue
            found[rel] = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    return found


def changes(before: dict[str, bytes], after: dict[str, bytes]) -> tuple[set[str], bool]:
    """The URLs of pages that changed, and whether anything else did (a style, a script,
    a chart, a page gone): then every open page may look different."""
    changed = {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}
    urls = {page_url(path) for path in changed}
    return {url for url in urls if url is not None}, None in urls


def write_file(path: Path, data: bytes) -> None:
    """Beside its place, then renamed over the old one: a reader gets one or the other."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", delete=False) as out:
        out.write(data)
    written = Path(out.name)
    written.chmod(0o644)  # as the full build writes them: readable by a web server
    written.replace(path)


def put_files(site: Path, files: Iterable[tuple[str, bytes]]) -> set[str]:
    """Write each (site-relative path, bytes) that differs from what is there; return the
    paths written. The pages' inline scripts are added to those the policy allows, or
    Material's would be blocked on a page whose scripts differ from the last build's."""
    written = set()
    hashes = set(site_script_hashes(site))
    allowed = set(hashes)
    for rel, data in files:
        path = site / rel
        if path.is_file() and path.read_bytes() == data:
            continue
        if rel.endswith(".html"):
            allowed |= inline_script_hashes(data.decode("utf-8"))
        write_file(path, data)
        written.add(rel)
    if allowed != hashes:  # in place before any tab reloads (the caller tells them)
        write_file(site / SCRIPT_HASHES_FILE, script_hashes_text(allowed).encode("utf-8"))
    return written


def put_waiting_page(site: Path) -> None:
    """A page to serve when there is no site yet and the content does not build: the
    preview's banner lists why, and it reloads when the site is built."""
    page = Path(__file__).parent / "static" / "waiting.html"
    write_file(site / "index.html", page.read_bytes())
