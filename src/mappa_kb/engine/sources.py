"""The answering code alone, gathered from this install for the reader's browser.

Our part is mappa_kb's answering path (search/ without the build-time passages/,
build.py, api.py and the index writer) and this package's worker; then Whoosh and
cached-property, as the locked venv has them. No mkdocs, pydantic, fastapi, matplotlib
or yaml: the answering path never imports them (tests/test_layers.py checks), and the
compile step (pyodide.py) refuses to ship a build whose answering imports anything
that is not here or in Python's standard library.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import io
import zipfile
from pathlib import Path

OURS = "mappa_kb"
BUILD_TIME = (
    "mappa_kb/search/passages/",
    "mappa_kb/search/build.py",
    "mappa_kb/search/api.py",
    "mappa_kb/search/index/writer.py",
)
"""Parts of mappa_kb.search used only to build the index or serve it over HTTP."""
BROWSER_PARTS = ("mappa_kb/__init__.py", "mappa_kb/search/", "mappa_kb/engine/__init__.py")
BROWSER_MODULES = (
    "mappa_kb/engine/worker.py",
    "mappa_kb/engine/stdlib_fallback.py",
    "mappa_kb/engine/lean_imports.py",
)
THIRD_PARTY = {"whoosh": "whoosh-reloaded", "cached_property": "cached-property"}
"""Top-level module -> its distribution (for its licence)."""
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every entry gets the same date, so the same code always makes the same bytes."""


def _location(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise RuntimeError(f"{module} is not installed: run 'make venv'")
    origin = Path(spec.origin)
    return origin.parent if origin.name == "__init__.py" else origin


def _python_files(top: Path, prefix: str) -> dict[str, bytes]:
    if top.is_file():
        return {prefix: top.read_bytes()}
    return {
        f"{prefix}/{path.relative_to(top).as_posix()}": path.read_bytes()
        for path in sorted(top.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def _ours() -> dict[str, bytes]:
    every = _python_files(_location(OURS), OURS)
    return {
        name: data
        for name, data in every.items()
        if (name.startswith(BROWSER_PARTS) or name in BROWSER_MODULES)
        and not name.startswith(BUILD_TIME)
    }


def _licence(distribution: str) -> bytes:
    files = importlib.metadata.files(distribution) or []
    for file in files:
        if file.name.upper().startswith(("LICENSE", "LICENCE", "COPYING")):
            return file.read_binary()
    said = importlib.metadata.metadata(distribution).get_all("License") or ["see its project"]
    return f"{distribution}: {said[0]}\n".encode()


def answering_sources() -> dict[str, bytes]:
    """{path in the archive: bytes}: the answering path's Python files and licences."""
    files = _ours()
    for module, distribution in THIRD_PARTY.items():
        name = f"{module}.py" if _location(module).is_file() else module
        files.update(_python_files(_location(module), name))
        version = importlib.metadata.version(distribution)
        files[f"licenses/{distribution}-{version}.txt"] = _licence(distribution)
    return dict(sorted(files.items()))


def zip_bytes(files: dict[str, bytes]) -> bytes:
    """A deflated zip of `files`, the same bytes for the same files."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(files.items()):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return out.getvalue()
