"""The in-browser engine a build adds to the site (mappa_kb.engine): the answering code
alone, the pinned runtime, the index of the same build, a manifest that names them all;
an index from another version of the engine is refused; and the build never leaves the
engine out unless told to. The browser side is in tests/browser/test_ask_static.py."""

from __future__ import annotations

import ast
import hashlib
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from search_support import build_fixture_index

from conftest import REPO, MakeProject
from mappa_kb.api import create_app
from mappa_kb.build import BuildFailed, build_all
from mappa_kb.engine import worker
from mappa_kb.engine.pyodide import EngineUnavailable, find_runtime
from mappa_kb.engine.site import ENGINE_DIR, MANIFEST, WORKER
from mappa_kb.engine.sources import answering_sources, zip_bytes
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import Answerer
from mappa_kb.search.index.integrity import ENGINE_FILE, INDEX_FORMAT, write_checksums
from mappa_kb.search.index.reader import IndexFromAnotherEngine, load_snapshot

BUILD_TIME = ("mkdocs", "material", "pydantic", "fastapi", "starlette", "matplotlib", "yaml")


def with_format(index: Path, value: object) -> Path:
    """The index as another version of the engine would have written it."""
    (index / ENGINE_FILE).write_text(json.dumps({"format": value}), encoding="utf-8")
    (index / "checksums.json").unlink()
    write_checksums(index, skip=frozenset({"README.md"}))
    return index


def test_the_answering_code_alone_is_packed() -> None:
    files = answering_sources()
    ours = {name for name in files if name.startswith("mappa_kb/")}
    assert "mappa_kb/engine/worker.py" in ours
    assert "mappa_kb/search/answer/answerer.py" in ours
    assert not {n for n in ours if "/passages/" in n or n.endswith(("/build.py", "/api.py"))}
    assert "mappa_kb/search/index/writer.py" not in ours
    assert not {n for n in ours if n.startswith(("mappa_kb/engine/site", "mappa_kb/engine/py"))}
    tops = {name.split("/")[0].removesuffix(".py") for name in files}
    assert tops == {"mappa_kb", "whoosh", "cached_property", "licenses"}
    assert not tops & set(BUILD_TIME)
    imported = set()
    for name, data in files.items():
        if name.endswith(".py") and name.startswith("mappa_kb/"):
            imported |= set(re.findall(rb"^\s*(?:from|import) ([\w.]+)", data, re.M))
    assert not {m for m in imported if m.split(b".")[0].decode() in BUILD_TIME}
    licences = {name for name in files if name.startswith("licenses/")}
    assert any("whoosh" in name for name in licences), licences


def test_the_worker_answers_with_the_api_json(tmp_path: Path) -> None:
    project = ProjectPaths.at(tmp_path)
    build_fixture_index(project.index_dir)
    assert worker.open_index(str(project.index_dir)) == ""
    with TestClient(create_app(project)) as client:
        for question in ("What is an SRO?", "how many at level 2 in london", "", "x" * 400):
            api = client.get("/api/ask", params={"q": question[:300], "k": 5}).json()
            assert json.loads(worker.answer_json(question, 5)) == api


def test_an_index_from_another_version_of_the_engine_is_refused(tmp_path: Path) -> None:
    index = build_fixture_index(tmp_path / "search_index")
    assert json.loads((index / ENGINE_FILE).read_text(encoding="utf-8")) == {"format": INDEX_FORMAT}
    with_format(index, INDEX_FORMAT + 1)
    with pytest.raises(IndexFromAnotherEngine, match=r"another version .*run 'mappa-kb build'"):
        load_snapshot(index)
    with pytest.raises(IndexFromAnotherEngine):
        Answerer(index).ask("What is an SRO?")
    refused = worker.open_index(str(index))
    assert "different versions of this site" in refused
    assert "format" in worker.ENGINE.problem and str(tmp_path) not in worker.ENGINE.problem

    (index / ENGINE_FILE).unlink()  # an index from before the engine said its version
    (index / "checksums.json").unlink()
    write_checksums(index, skip=frozenset({"README.md"}))
    with pytest.raises(IndexFromAnotherEngine, match="an older version"):
        load_snapshot(index)


def test_the_build_never_leaves_the_engine_out_silently(make_project: MakeProject) -> None:
    project = make_project()  # no package.json or node_modules/ here
    with pytest.raises(BuildFailed, match=r"package\.json"):
        build_all(project)
    assert not project.site_dir.exists() and not project.index_dir.exists()
    (project.root / "package.json").write_text(
        json.dumps({"dependencies": {"pyodide": "0.0.1"}}), encoding="utf-8"
    )
    (project.root / "node_modules").symlink_to(REPO / "node_modules")
    with pytest.raises(BuildFailed, match=r"pins 0\.0\.1: run 'make node-deps'"):
        build_all(project)
    build_all(project, browser_engine=False)  # said in so many words: a site without it
    assert not (project.site_dir / ENGINE_DIR).exists()


def test_the_runtime_is_the_pinned_one() -> None:
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    locked = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    version = pinned["dependencies"]["pyodide"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", version), "pin an exact version"
    assert locked["packages"]["node_modules/pyodide"]["version"] == version
    assert find_runtime(REPO).version == version


def test_a_missing_runtime_says_how_to_install_it(tmp_path: Path) -> None:
    (tmp_path / "package.json").write_text(
        json.dumps({"dependencies": {"pyodide": "1.2.3"}}), encoding="utf-8"
    )
    with pytest.raises(EngineUnavailable, match="make node-deps"):
        find_runtime(tmp_path)


def test_the_site_holds_the_engine_its_manifest_names(real_site: ProjectPaths) -> None:
    folder = real_site.site_dir / ENGINE_DIR
    manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))
    assert manifest["pyodide"] == pinned["dependencies"]["pyodide"]
    assert manifest["index_format"] == INDEX_FORMAT
    assert manifest["lock"]["packages"] == {}  # nothing is ever fetched by package name
    for role, entry in manifest["files"].items():
        data = (folder / entry["url"]).read_bytes()
        assert len(data) == entry["bytes"], role
        if role in ("stdlib", "engine", "index"):  # named by their bytes: cached for good
            assert hashlib.sha256(data).hexdigest()[:12] in entry["url"], role
    assert (folder / manifest["full_stdlib"]).is_file()
    assert (real_site.site_dir / WORKER).is_file()

    def archive(role: str) -> zipfile.ZipFile:
        return zipfile.ZipFile(io.BytesIO((folder / manifest["files"][role]["url"]).read_bytes()))

    code = archive("engine").namelist()
    assert "mappa_kb/engine/worker.pyc" in code and "whoosh/fields.pyc" in code
    assert not [n for n in code if n.endswith(".py") or "/passages/" in n]
    assert not {n.split("/")[0].removesuffix(".pyc") for n in code} & set(BUILD_TIME)
    stdlib = archive("stdlib").namelist()
    assert "json/__init__.pyc" in stdlib and all(n.endswith(".pyc") for n in stdlib)
    assert not [n for n in stdlib if n.startswith(("unittest/", "pydoc", "tkinter/"))]
    index = archive("index")
    for name in index.namelist():
        assert index.read(name) == (real_site.index_dir / name).read_bytes(), name


def test_only_the_worker_may_compile_webassembly(real_site: ProjectPaths) -> None:
    client = TestClient(create_app(real_site))
    page = client.get("/ask/").headers["content-security-policy"]
    worker_policy = client.get("/" + WORKER).headers["content-security-policy"]
    assert "wasm-unsafe-eval" not in page and "'unsafe-eval'" not in page
    assert "worker-src 'self'" in page
    assert "'wasm-unsafe-eval'" in worker_policy and "'unsafe-eval'" not in worker_policy
    wasm = client.get(f"/{ENGINE_DIR.as_posix()}/pyodide-")  # no listing of the folder
    assert wasm.status_code == 404


def test_every_page_carries_its_policy_for_plain_hosts(real_site: ProjectPaths) -> None:
    from mappa_kb.csp import inline_script_hashes

    for path in (real_site.site_dir / "ask" / "index.html", real_site.site_dir / "404.html"):
        html = path.read_text(encoding="utf-8")
        found = re.search(
            r'<head[^>]*><meta http-equiv="Content-Security-Policy" content="([^"]*)"', html
        )
        assert found is not None, path
        policy = found.group(1).replace("&#x27;", "'")
        assert "frame-ancestors" not in policy  # a <meta> policy cannot carry it
        assert "wasm-unsafe-eval" not in policy
        scripts = set(re.search(r"script-src ([^;]*)", policy).group(1).split())  # type: ignore[union-attr]
        assert scripts == {"'self'", *inline_script_hashes(html)}


def test_the_readme_gives_hosts_the_policy_the_server_sends() -> None:
    from mappa_kb.csp import WASM_SCRIPTS, policy

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    hashes = "<the hashes in site/.mappa-kb-script-hashes.json>"
    assert f"Content-Security-Policy: {policy([hashes])}`" in readme
    for path in WASM_SCRIPTS:
        assert f"`{path.lstrip('/')}` only | the same policy with `'wasm-unsafe-eval'`" in readme
    assert "application/wasm" in readme and f"`{ENGINE_DIR.as_posix()}/{MANIFEST}`" in readme


def test_the_compile_step_zips_as_the_build_does() -> None:
    """compile_step.py runs alone inside Pyodide, so it keeps its own copy of zip_bytes:
    the two must give the same bytes for the same files."""
    path = REPO / "src" / "mappa_kb" / "engine" / "compile_step.py"
    tree = ast.parse(path.read_text(encoding="utf-8"))
    wanted = [
        node
        for node in tree.body
        if (isinstance(node, ast.FunctionDef) and node.name == "_zip")
        or (isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "ZIP_DATE")
    ]
    assert len(wanted) == 2
    namespace: dict[str, object] = {"io": io, "zipfile": zipfile}
    exec(compile(ast.Module(wanted, []), str(path), "exec"), namespace)  # noqa: S102
    files = {"b.pyc": b"\x00" * 300, "a/c.py": b"print('x')\n" * 40}
    assert namespace["_zip"](files) == zip_bytes(files)  # type: ignore[operator]
