"""In the browser: a standard-library module the trimmed standard library left out is
fetched with Pyodide's full one rather than failing the question.

The build ships only the standard-library modules answering was seen to need (see
compile_step.py); a path it did not foresee (a rare codec, say) would otherwise stop
with ModuleNotFoundError. This finder, last on sys.meta_path, fetches the full library
once, by a synchronous request (allowed in a worker), and lets the import go on. It
knows which modules the full library has that the trimmed one lacks, so an import that
fails everywhere (`try: import _winapi`) fetches nothing. `used` tells the tests it
was never needed for their questions.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
import zipimport
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import ModuleType

FULL_STDLIB = Path("/lib/python_stdlib_full.zip")

used: list[str] = []
"""The modules that had to come from the full library, in order."""


def _fetch(url: str) -> bytes:  # pragma: no cover - runs only in a browser
    import js  # type: ignore[import-not-found]  # Pyodide's bridge to JavaScript

    request = js.XMLHttpRequest.new()
    request.open("GET", url, False)
    request.responseType = "arraybuffer"
    request.send(None)
    if request.status != 200:
        raise OSError(f"{url}: HTTP {request.status}")
    return bytes(js.Uint8Array.new(request.response).to_py())


class FullStdlibFinder(importlib.abc.MetaPathFinder):
    def __init__(self, url: str, left_out: Iterable[str]) -> None:
        self.url = url
        self.left_out = frozenset(left_out)
        self.importer: zipimport.zipimporter | None = None

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.left_out:
            return None
        if self.importer is None:
            try:
                FULL_STDLIB.write_bytes(_fetch(self.url))
            except OSError:
                return None
            self.importer = zipimport.zipimporter(str(FULL_STDLIB))
        spec = self.importer.find_spec(fullname)
        if spec is not None:
            used.append(fullname)
        return spec


def install(url: str, left_out: Iterable[str]) -> None:
    """Put the finder last on sys.meta_path: the modules `left_out` of the trimmed library
    come from the full one at `url`, fetched when first needed."""
    if not any(isinstance(f, FullStdlibFinder) for f in sys.meta_path):
        sys.meta_path.append(FullStdlibFinder(url, left_out))
