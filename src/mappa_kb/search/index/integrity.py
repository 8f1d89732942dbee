"""Checksums of the index files: written last by a build, checked on every load.

Whoosh reads its segment lazily and compressed, so a damaged byte deep inside it would
surface in the middle of a question as a zlib or pickle error, or not at all, as a wrong
answer. A checksum per file turns any damage into one clear message when the index is
loaded, before a reader is answered from it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

CHECKSUMS_FILE = "checksums.json"
README = "README.md"
"""The index folder's README is tracked by git; it is not part of the index."""
BUILD_ID_FILE = "build-id"
"""The id of the site build whose pages the index holds (see mappa_kb.build)."""
ENGINE_FILE = "engine.json"
"""Which version of the engine wrote the index: {"format": INDEX_FORMAT}."""
INDEX_FORMAT = 2
"""The index as this engine writes and reads it. Raise it whenever the files an index
holds, or what answering expects of them, change: an index of any other format is
refused with a plain message instead of answering wrongly. The reader's browser is where
this matters most, since a host or a cache can pair an engine with an older index."""
REBUILD = "run 'mappa-kb build' to rebuild it"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_checksums(folder: Path, skip: frozenset[str] = frozenset()) -> None:
    """Record every file in `folder` (except `skip`); call once the index is complete."""
    sums = {
        path.name: _digest(path.read_bytes())
        for path in sorted(folder.iterdir())
        if path.is_file() and path.name not in skip
    }
    (folder / CHECKSUMS_FILE).write_text(json.dumps(sums, indent=1), encoding="utf-8")


def find_damage(files: Mapping[str, bytes]) -> str | None:
    """What is wrong with an index read into memory as {file name: bytes}, or None."""
    recorded = files.get(CHECKSUMS_FILE)
    if recorded is None:
        return f"{CHECKSUMS_FILE} is missing, so the index is incomplete or from an older build"
    try:
        sums = json.loads(recorded.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return f"{CHECKSUMS_FILE} is not readable"
    if not isinstance(sums, dict):
        return f"{CHECKSUMS_FILE} is not readable"
    for name, digest in sorted(sums.items()):
        if name not in files:
            return f"{name} is missing"
        if _digest(files[name]) != digest:
            return f"{name} has changed since it was built"
    return None


def write_engine_format(folder: Path) -> None:
    text = json.dumps({"format": INDEX_FORMAT})
    (folder / ENGINE_FILE).write_text(text + "\n", encoding="utf-8")


def engine_mismatch(files: Mapping[str, bytes]) -> str | None:
    """Why an index (read into memory as {file name: bytes}) was written by another
    version of the engine, or None when it was written by this one."""
    try:
        found = json.loads(files[ENGINE_FILE].decode("utf-8"))["format"]
    except (KeyError, TypeError, UnicodeDecodeError, ValueError):
        found = None
    if found == INDEX_FORMAT:
        return None
    made = "an older version" if found is None else f"another version (index format {found})"
    return f"it was built by {made} of the question search; this one reads format {INDEX_FORMAT}"


def index_build_id(index_dir: Path) -> str | None:
    """The build id recorded in an index folder, or None when there is none."""
    try:
        return (index_dir / BUILD_ID_FILE).read_text(encoding="utf-8").strip() or None
    except OSError:
        return None
