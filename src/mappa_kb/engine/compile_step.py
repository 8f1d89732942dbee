"""Run by compile.mjs inside Pyodide (under Node) at build time, never imported here.

Pyodide's Python is newer than the venv's, so only it can compile bytecode it will load;
loading compiled modules instead of sources is most of what makes a reader's first
answer quick. It also finds which modules answering needs:

- of the standard library, those Pyodide imports to start and those that opening a real
  index and answering questions of every kind import (which includes what unpickling
  Whoosh's schema names). A path none of them took imports its module from Pyodide's
  full library, fetched only then (stdlib_fallback.py);
- of the answering code (ours, Whoosh, cached-property), every module those import,
  read from their code (modulefinder: imports inside functions and branches too).
  Reading the standard library's code the same way would ship most of it (pdb,
  unittest, email...), for paths answering never takes.

Out come two deterministic zips of compiled modules, without docstrings or asserts
(optimize=2; answering reads neither): the trimmed standard library, loaded in place of
Pyodide's full one, and the answering code. Input and output are files under /work
(see compile.mjs).
"""

from __future__ import annotations

import importlib.util
import io
import json
import marshal
import sys
import zipfile
from pathlib import Path

WORK = Path("/work")
STDLIB_DIR = Path("/stdlib")
CODE_DIR = Path("/engine")
INDEX_DIR = Path("/index")
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
QUESTIONS = (
    "What is MAPPA?",
    "How many people were managed at level 2 in London in 2022-23?",
    "what share were category 1 in cambs",
    "Compare level 3 cases in London and Cambridgeshire",
    "How many offenders in total across levels 2 and 3 in London?",
    "Who sits on the SMB and what do lay advisers do?",
    "can an sro be varied",
    "when was the Bradley report and why did it matter",
    "how long does notification last?",
    "list the duty to co-operate agencies",
    "statistics for Wales 2019",
    "Ｗｈａｔ ｉｓ ａ ＳＨＰＯ — “café” naïve ½ 2,000 10%?",
    "the bloke next door scares me, is he a nonce",
    "",
)
"""Questions of each kind (definition, figure, share, sum, comparison, list, time, scope,
odd characters, worry, empty), so every path answering takes imports what it needs."""


def _pyc(source: bytes, name: str) -> bytes:
    """Sourceless bytecode as importers expect it: magic, flags 0, no mtime or size."""
    code = compile(source, name, "exec", dont_inherit=True, optimize=2)
    return importlib.util.MAGIC_NUMBER + bytes(12) + marshal.dumps(code)


def _zip(files: dict[str, bytes]) -> bytes:
    # sources.zip_bytes, again: this file runs alone inside Pyodide and imports nothing
    # of mappa_kb. tests/test_browser_engine.py keeps the two giving the same bytes.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in sorted(files.items()):
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data, compresslevel=9)
    return out.getvalue()


def _stdlib_zip() -> Path:
    found = [Path(p) for p in sys.path if p.endswith(".zip") and Path(p).is_file()]
    if not found:
        raise RuntimeError(f"no standard library zip on sys.path: {sys.path}")
    return found[0]


def _run_engine() -> list[str]:
    """Import and use the engine on the real index: the modules that took."""
    sys.path.insert(0, str(CODE_DIR))
    from mappa_kb.engine import lean_imports, stdlib_fallback  # noqa: F401 - to be seen

    lean_imports.install()  # as the worker does, before Whoosh is imported
    from mappa_kb.engine import worker

    if worker.open_index(str(INDEX_DIR)):
        raise RuntimeError(worker.ENGINE.problem)
    for question in QUESTIONS:
        worker.answer_json(question, 5)
    return sorted(sys.modules)


def _files(names: list[str], folder: Path) -> dict[str, str]:
    """module -> its file in `folder`, for those of `names` that have one there."""
    found = {}
    for name in names:
        module = sys.modules.get(name)
        path = getattr(module, "__file__", None) or ""
        if path.startswith(f"{folder}/") and path.endswith(".py"):
            found[name] = path
    return found


def _code_closure(names: list[str]) -> dict[str, str]:
    """module -> file: `names` and all of the answering code they import."""
    import modulefinder  # here, after the engine ran: it is no module answering needs

    finder = modulefinder.ModuleFinder(path=[str(CODE_DIR)])
    for name in names:
        finder.import_hook(name)
    found = {name: str(getattr(module, "__file__", "")) for name, module in finder.modules.items()}
    return {name: path for name, path in found.items() if path.startswith(f"{CODE_DIR}/")}


def main(booted: list[str]) -> None:
    stdlib = _stdlib_zip()
    with zipfile.ZipFile(stdlib) as archive:
        archive.extractall(STDLIB_DIR)
    with zipfile.ZipFile(WORK / "sources.zip") as archive:
        archive.extractall(CODE_DIR)
        sources = {name: archive.read(name) for name in archive.namelist()}
    used = _run_engine()
    outside = sorted(
        name
        for name in set(used) - set(booted)
        if name.split(".")[0] not in sys.stdlib_module_names
        and not getattr(sys.modules[name], "__file__", "").startswith(f"{CODE_DIR}/")
    )
    if outside:
        raise RuntimeError(f"answering imports modules that are not shipped: {outside}")
    standard, code = {}, {}
    stdlib_prefix = f"{stdlib}/"
    for path in _files(sorted(set(booted) | set(used)), stdlib).values():
        relative = path.removeprefix(stdlib_prefix)
        standard[relative + "c"] = _pyc(Path(STDLIB_DIR, relative).read_bytes(), relative)
    for path in _code_closure(sorted(_files(used, CODE_DIR))).values():
        relative = path.removeprefix(f"{CODE_DIR}/")
        code[relative + "c"] = _pyc(sources[relative], relative)
    code.update({name: data for name, data in sources.items() if name.startswith("licenses/")})
    (WORK / "stdlib.zip").write_bytes(_zip(standard))
    (WORK / "engine.zip").write_bytes(_zip(code))
    report = {
        "python": sys.version.split()[0],
        "standard_library": sorted(k.removesuffix(".pyc") for k in standard),
        "code": sorted(k.removesuffix(".pyc") for k in code if k.endswith(".pyc")),
    }
    (WORK / "report.json").write_text(json.dumps(report, indent=1), encoding="utf-8")


# compile.mjs lists the modules Pyodide had loaded before this file's own imports.
main(globals().get("BOOTED") or sorted(sys.modules))
