"""The pinned Pyodide runtime (npm package `pyodide`, in node_modules/) and compiling
the answering code for its Python.

package.json pins the version and package-lock.json its checksum; `make node-deps` (or
`npm ci`) installs it. The build refuses to go on without it, or with another version,
and says how to put it right: a site without its question search must never be made by
accident.

Compiling runs Pyodide itself in Node (compile.mjs, compile_step.py), since only its
Python can make bytecode it will load. The result depends only on the runtime and the
code, so it is kept under .cache/ by their checksum and a rebuild of the content alone
does not compile again.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PACKAGE = "pyodide"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
"""What the reader's browser may load: the loader, the runtime and its wasm, and the full
standard library (fetched only if the trimmed one lacks a module)."""
HERE = Path(__file__).resolve().parent
COMPILER = (HERE / "compile.mjs", HERE / "compile_step.py")
COMPILE_TIMEOUT = 600.0
"""Seconds. About 30 on two busy cores; a hung Node must not hang the build for ever."""
HOW_TO_INSTALL = "run 'make node-deps' (npm ci) in the project folder"


class EngineUnavailable(Exception):
    """The in-browser engine cannot be built; the message says why and what to do."""


@dataclass(frozen=True)
class Runtime:
    folder: Path
    version: str

    def file(self, name: str) -> Path:
        return self.folder / name


@dataclass(frozen=True)
class Compiled:
    """The answering code and the standard library it needs, compiled for the runtime."""

    stdlib: bytes
    engine: bytes
    python: str
    """Pyodide's Python version, e.g. '3.14.2'."""
    modules: int


def pinned_version(root: Path) -> str:
    """The version package.json pins (exactly: no ranges, so every build ships the same)."""
    try:
        data = json.loads((root / "package.json").read_text(encoding="utf-8"))
        version = str(data["dependencies"][PACKAGE])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EngineUnavailable(
            f"package.json in {root} does not pin the npm package '{PACKAGE}'"
        ) from exc
    if not version[:1].isdigit():
        raise EngineUnavailable(f"package.json must pin an exact {PACKAGE} version, not {version}")
    return version


def find_runtime(root: Path) -> Runtime:
    """The installed runtime, checked against the pin."""
    wanted = pinned_version(root)
    folder = root / "node_modules" / PACKAGE
    try:
        installed = json.loads((folder / "package.json").read_text(encoding="utf-8"))["version"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise EngineUnavailable(
            f"the Pyodide runtime is not installed ({folder}): {HOW_TO_INSTALL}"
        ) from exc
    if installed != wanted:
        raise EngineUnavailable(
            f"Pyodide {installed} is installed but package.json pins {wanted}: {HOW_TO_INSTALL}"
        )
    missing = [name for name in RUNTIME_FILES if not (folder / name).is_file()]
    if missing:
        raise EngineUnavailable(f"the Pyodide runtime lacks {', '.join(missing)}: {HOW_TO_INSTALL}")
    return Runtime(folder, installed)


def _node() -> str:
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise EngineUnavailable(
            "Node.js is needed to compile the question search for the browser: "
            "install it (apt-get install nodejs npm), then run 'make node-deps'"
        )
    return node


def _cache_key(runtime: Runtime, sources: bytes) -> str:
    digest = hashlib.sha256(runtime.version.encode())
    for part in (runtime.file("python_stdlib.zip").read_bytes(), sources):
        digest.update(hashlib.sha256(part).digest())
    for path in COMPILER:
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:24]


def _read(folder: Path) -> Compiled:
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    return Compiled(
        stdlib=(folder / "stdlib.zip").read_bytes(),
        engine=(folder / "engine.zip").read_bytes(),
        python=str(report["python"]),
        modules=len(report["standard_library"]) + len(report["code"]),
    )


def compile_engine(runtime: Runtime, sources: bytes, index_dir: Path, cache: Path) -> Compiled:
    """The code in `sources` (a zip) compiled for `runtime`, tried on the index in
    `index_dir`; from `cache` when the same runtime and code were compiled before.

    The index only shows which modules answering imports, which no content changes,
    so it is not part of the cache key.
    """
    kept = cache / _cache_key(runtime, sources)
    cache.mkdir(parents=True, exist_ok=True)
    # Builds of different projects may share one cache (the test suite's do): one
    # compiles while the others wait, then find its result.
    with (cache / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (kept / "report.json").is_file():
            _compile(runtime, sources, index_dir, cache, kept)
        return _read(kept)


def _compile(runtime: Runtime, sources: bytes, index_dir: Path, cache: Path, kept: Path) -> None:
    for leftover in cache.glob(".compile.*"):  # a killed build's (the lock is held)
        shutil.rmtree(leftover, ignore_errors=True)
    work = Path(tempfile.mkdtemp(prefix=".compile.", dir=cache))
    try:
        (work / "sources.zip").write_bytes(sources)
        shutil.copytree(index_dir, work / "index")
        command = [_node(), str(HERE / "compile.mjs"), str(runtime.folder), str(work)]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=COMPILE_TIMEOUT, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise EngineUnavailable(
                f"compiling the question search for the browser took over {COMPILE_TIMEOUT:.0f}s"
            ) from exc
        if done.returncode != 0 or not (work / "report.json").is_file():
            said = (done.stderr or done.stdout).strip()[-3000:]
            raise EngineUnavailable(f"compiling the question search for the browser failed: {said}")
        shutil.rmtree(work / "index")
        (work / "sources.zip").unlink()
        shutil.rmtree(kept, ignore_errors=True)
        work.rename(kept)
        for old in cache.iterdir():  # a few compiled engines are kept: the newest
            if old.is_dir() and not old.name.startswith(".") and old not in _newest(cache):
                shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _newest(cache: Path, keep: int = 3) -> list[Path]:
    """Kept compiled engines, newest first (a branch switched back and forth reuses them)."""
    found = [p for p in cache.iterdir() if p.is_dir() and not p.name.startswith(".")]
    return sorted(found, key=lambda p: p.stat().st_mtime_ns, reverse=True)[:keep]
