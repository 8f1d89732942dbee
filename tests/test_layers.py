"""The package's layers: data flows content -> render -> site, and content -> passages ->
index -> answer; no module imports a layer above it, and the answering path (which also
runs in readers' browsers) imports only the standard library, whoosh and itself."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

from search_support import build_fixture_index

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "mappa_kb"

# Each layer and the layers it may import. A module belongs to the longest layer name
# that prefixes it; `search` alone is the search package's shared vocabulary.
BASE = {"mappa_kb", "paths", "urls", "atomic", "csp"}
SEARCH_CORE = {"search", "search.passage", "search.lexicon", "search.text"}
ALLOWED: dict[str, set[str]] = {
    "mappa_kb": set(),
    "paths": set(),
    "urls": set(),
    "atomic": set(),
    "csp": set(),
    "chromium": set(),
    "content": BASE,
    "stats": BASE | {"content"},
    "render": BASE | {"content", "stats"},
    "site": BASE | {"content", "stats", "render"},
    "search": set(),
    "search.passage": set(),
    "search.lexicon": set(),
    "search.text": set(),
    "search.index": SEARCH_CORE | {"atomic"},
    "search.understand": SEARCH_CORE | {"search.index"},
    "search.answer": SEARCH_CORE | {"search.index", "search.understand"},
    "search.passages": BASE | SEARCH_CORE | {"content", "stats"},
    "search.build": BASE | SEARCH_CORE | {"content", "search.passages", "search.index"},
    "search.api": BASE | SEARCH_CORE | {"search.index", "search.answer"},
    # The in-browser engine: its worker answers (search.answer); the rest packs it.
    "engine": BASE | SEARCH_CORE | {"search.index", "search.answer"},
    "build": BASE | {"content", "stats", "render", "site", "search.build", "engine"},
    "server": set(),
    "api": BASE | {"search.api", "server"},
    "preview": BASE | {"content", "stats", "render", "site", "search.build", "build"},
    "evaluation": BASE | SEARCH_CORE,
    "cli": {*BASE, "content", "stats", "render", "site", "search", "build", "api", "cli", "preview"}
    | {"server"}
    | {f"search.{part}" for part in ("index", "answer", "build", "passages", "understand")},
}


def layer_of(module: str) -> str:
    name = module.removeprefix("mappa_kb.") if module != "mappa_kb" else "mappa_kb"
    candidates = [layer for layer in ALLOWED if name == layer or name.startswith(f"{layer}.")]
    return max(candidates, key=len)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {name for name in found if name.split(".")[0] == "mappa_kb"}


def test_no_module_imports_a_layer_above_it() -> None:
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        here = layer_of(module_name(path))
        for imported in imports_of(path):
            there = layer_of(imported)
            if there != here and there not in ALLOWED[here]:
                wrong.append(f"{module_name(path)} ({here}) imports {imported} ({there})")
    assert not wrong, "\n".join(wrong)


def test_the_layer_rules_can_fail() -> None:
    assert "content" not in ALLOWED["search.answer"]
    assert layer_of("mappa_kb.search.answer.trim") == "search.answer"
    assert layer_of("mappa_kb.search.passage") == "search.passage"
    assert layer_of("mappa_kb.content.statistics.models") == "content"


ANSWER_IN_A_FRESH_PROCESS = """
import json, pathlib, sys
before = set(sys.modules)  # what the interpreter loaded at start-up (site hooks) is not ours
from mappa_kb.engine import worker  # what the browser runs: the Answerer, and JSON
assert worker.open_index(sys.argv[1]) == ""
result = json.loads(worker.answer_json("how long does an SRO last", 3))
print(json.dumps({"modules": sorted(set(sys.modules) - before), "answers": len(result["answers"])}))
"""


def test_answering_imports_only_the_standard_library_whoosh_and_itself(tmp_path: Path) -> None:
    index = build_fixture_index(tmp_path / "search_index")
    done = subprocess.run(
        [sys.executable, "-c", ANSWER_IN_A_FRESH_PROCESS, str(index)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(done.stdout)
    assert report["answers"] > 0
    outside = {
        name
        for name in report["modules"]
        if name.split(".")[0] not in sys.stdlib_module_names
        and name.split(".")[0] not in {"whoosh", "cached_property"}
        and name not in {"mappa_kb", "mappa_kb.engine", "mappa_kb.engine.worker"}
        and not name.startswith("mappa_kb.search")
    }
    assert not outside, sorted(outside)
    ours = {name for name in report["modules"] if name.startswith("mappa_kb.search.")}
    assert not {
        n for n in ours if n.startswith(("mappa_kb.search.passages", "mappa_kb.search.api"))
    }
