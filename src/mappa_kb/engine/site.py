"""Put the in-browser engine into a built site: site/assets/engine/.

    manifest.json                what the Ask page loads, with each file's size
    pyodide-<version>/           the runtime, as the npm package has it
    stdlib-<hash>.zip            the standard library answering needs, compiled
    engine-<hash>.zip            the answering code, compiled (with its licences)
    index-<hash>.zip             the search index this build made

Every name but manifest.json's changes whenever its bytes do, so a host may let
browsers keep them for a year, and a browser can never pair an engine with an index
from another build. manifest.json itself must be checked each time (no-cache).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path

from mappa_kb.engine.pyodide import RUNTIME_FILES, compile_engine, find_runtime
from mappa_kb.engine.sources import answering_sources, zip_bytes
from mappa_kb.search.index.integrity import INDEX_FORMAT, README

ENGINE_DIR = Path("assets") / "engine"
MANIFEST = "manifest.json"
MANIFEST_FORMAT = 1
"""The manifest's shape, as ask-worker.js reads it."""
WORKER = "assets/ask-worker.js"
"""The worker script (from docs/assets): the one response that may compile WebAssembly."""


@dataclass(frozen=True)
class EngineReport:
    files: dict[str, int]
    """Path in the site -> bytes, of everything a reader's browser downloads."""
    gzip_bytes: int
    """The same, as a host compressing with gzip sends them."""


def _gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def _hashed(name: str, data: bytes) -> str:
    return f"{name}-{hashlib.sha256(data).hexdigest()[:12]}.zip"


def _index_zip(index_dir: Path) -> bytes:
    files = {
        path.name: path.read_bytes()
        for path in sorted(index_dir.iterdir())
        if path.is_file() and path.name != README
    }
    return zip_bytes(files)


def _modules(archive: bytes) -> set[str]:
    """The modules a zip of Python files holds ('json', 'json.decoder', ...)."""
    found = set()
    with zipfile.ZipFile(io.BytesIO(archive)) as files:
        for name in files.namelist():
            stem, dot, kind = name.rpartition(".")
            if dot and kind in ("py", "pyc"):
                found.add(stem.removesuffix("/__init__").replace("/", "."))
    return found


def _lock_file(runtime_dir: Path) -> dict[str, object]:
    """Pyodide's lock file without its packages: no package is ever loaded by name, so
    the runtime has nothing to fetch (from this site or any other)."""
    lock = json.loads((runtime_dir / "pyodide-lock.json").read_text(encoding="utf-8"))
    return {"info": lock["info"], "packages": {}}


def add_browser_engine(root: Path, site_dir: Path, index_dir: Path, cache: Path) -> EngineReport:
    """Write the engine into `site_dir` (a build's own, not yet in place) for the index
    in `index_dir`; `root` is the project folder (package.json, node_modules/)."""
    runtime = find_runtime(root)
    compiled = compile_engine(runtime, zip_bytes(answering_sources()), index_dir, cache)
    out = site_dir / ENGINE_DIR
    runtime_name = f"pyodide-{runtime.version}"
    (out / runtime_name).mkdir(parents=True, exist_ok=True)
    entries: dict[str, dict[str, object]] = {}
    for name in RUNTIME_FILES:
        shutil.copyfile(runtime.file(name), out / runtime_name / name)
    blobs = {
        "stdlib": compiled.stdlib,
        "engine": compiled.engine,
        "index": _index_zip(index_dir),
    }
    for role, data in blobs.items():
        name = _hashed(role, data)
        (out / name).write_bytes(data)
        entries[role] = {"url": name, "bytes": len(data), "gzip": _gzip_size(data)}
    for role, name in (("loader", "pyodide.mjs"), ("runtime", "pyodide.asm.mjs"),
                       ("wasm", "pyodide.asm.wasm")):  # fmt: skip
        data = runtime.file(name).read_bytes()
        entries[role] = {
            "url": f"{runtime_name}/{name}",
            "bytes": len(data),
            "gzip": _gzip_size(data),
        }
    manifest = {
        "format": MANIFEST_FORMAT,
        "index_format": INDEX_FORMAT,
        "pyodide": runtime.version,
        "python": compiled.python,
        "runtime": f"{runtime_name}/",
        "full_stdlib": f"{runtime_name}/python_stdlib.zip",
        "left_out": sorted(
            _modules(runtime.file("python_stdlib.zip").read_bytes()) - _modules(compiled.stdlib)
        ),
        "files": entries,
        "lock": _lock_file(runtime.folder),
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    files = {f"{ENGINE_DIR.as_posix()}/{e['url']}": int(str(e["bytes"])) for e in entries.values()}
    gzipped = sum(int(str(e["gzip"])) for e in entries.values())
    return EngineReport(files, gzipped)
