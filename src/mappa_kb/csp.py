"""The Content-Security-Policy: scripts only from this site, or inline ones it built.

Material writes a few small inline scripts into every page (colour scheme, base URL).
Rather than allow any inline script ('unsafe-inline'), the build records the SHA-256 of
each one it wrote (the plugin, after each page is rendered) and the policy allows
exactly those, so a script smuggled into content cannot run even if it got through.

WebAssembly may be compiled in one place only: the question search's worker
(assets/ask-worker.js), which runs Pyodide on a static host. Its response alone gets
'wasm-unsafe-eval' (a worker's policy is the one sent with its script); pages never
compile any. Each page also carries the policy in a <meta> tag, for hosts that send no
headers of their own; a <meta> policy cannot say frame-ancestors, so that one is left out
there (hosts should send the header: see the README).
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

SCRIPT_HASHES_FILE = ".mappa-kb-script-hashes.json"
"""In the built site: the hashes of its inline scripts (a dot file, of no use to readers)."""

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_BLOCK = re.compile(r"""type\s*=\s*["']?application/(?:ld\+)?json""", re.I)


def inline_script_hashes(page_html: str) -> set[str]:
    """CSP source expressions ('sha256-...') for each inline script a browser would run
    (JSON data blocks and scripts with a src are not inline code)."""
    found = set()
    for match in _INLINE_SCRIPT.finditer(page_html):
        attrs = match.group("attrs")
        if "src=" in attrs.replace(" ", "") or _DATA_BLOCK.search(attrs):
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        found.add(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return found


def script_hashes_text(hashes: Iterable[str]) -> str:
    """The hashes file's text (a live preview writes it in place atomically)."""
    return json.dumps(sorted(set(hashes)), indent=1) + "\n"


def write_script_hashes(site_dir: Path, hashes: Iterable[str]) -> None:
    (site_dir / SCRIPT_HASHES_FILE).write_text(script_hashes_text(hashes), encoding="utf-8")


@lru_cache(maxsize=8)
def _hashes_in(path: Path, mtime_ns: int) -> tuple[str, ...]:
    del mtime_ns  # part of the cache key: a rebuilt site has a new file
    data = json.loads(path.read_text(encoding="utf-8"))
    return tuple(str(item) for item in data if re.fullmatch(r"'sha256-[A-Za-z0-9+/=]+'", item))


def site_script_hashes(site_dir: Path) -> tuple[str, ...]:
    """The hashes recorded by the build of the site in `site_dir` (none when absent)."""
    path = site_dir / SCRIPT_HASHES_FILE
    try:
        return _hashes_in(path, path.stat().st_mtime_ns)
    except (OSError, ValueError):
        return ()


WASM_SCRIPTS = frozenset({"/assets/ask-worker.js"})
"""Paths (from the site root) whose responses may compile WebAssembly: the worker's."""


def policy(script_hashes: Iterable[str] = (), *, wasm: bool = False, meta: bool = False) -> str:
    """The policy for a response (`wasm` for the question search's worker), or for a
    page's <meta> tag (`meta`: without frame-ancestors, which a <meta> cannot carry).
    Styles stay 'unsafe-inline': Material sets style attributes, and a style cannot run
    code."""
    allowed = ["'self'", *(["'wasm-unsafe-eval'"] if wasm else []), *sorted(set(script_hashes))]
    scripts = " ".join(allowed)
    framing = "" if meta else "frame-ancestors 'none'; "
    return (
        f"default-src 'self'; script-src {scripts}; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
        f"connect-src 'self'; worker-src 'self'; {framing}base-uri 'self'; form-action 'self'"
    )


_HEAD = re.compile(r"<head(\s[^>]*)?>", re.I)


def with_meta_policy(page_html: str) -> str:
    """The page with its policy (its own inline scripts' hashes) as the first thing in
    <head>, so it applies before any script; a page without <head> is left alone."""
    found = _HEAD.search(page_html)
    if found is None:
        return page_html
    content = html.escape(policy(inline_script_hashes(page_html), meta=True), quote=True)
    tag = f'<meta http-equiv="Content-Security-Policy" content="{content}">'
    return page_html[: found.end()] + tag + page_html[found.end() :]
