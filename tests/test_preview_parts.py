"""The live preview's parts, each on its own: pages rendered first equal the full build's,
what a save refreshes, what changed between two sites, the news tabs get, the tags only
the watch-mode server adds, and the watcher's view of an editor's save."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import MakeProject
from mappa_kb import urls
from mappa_kb.api import create_app
from mappa_kb.content import Problem, load_project
from mappa_kb.csp import SCRIPT_HASHES_FILE, inline_script_hashes, site_script_hashes
from mappa_kb.paths import ProjectPaths
from mappa_kb.preview import Board, Watcher, installer
from mappa_kb.preview.edited import first_pass
from mappa_kb.preview.pages import render_pages
from mappa_kb.preview.site_files import changes, digests, put_files
from mappa_kb.preview.watcher import is_scratch
from mappa_kb.preview.web import add_tags

# Pages that exercise each way a page is made: an entry; a statistics year with its
# charts; a page in the nav whose "Next" page has no title in mkdocs.yml.
FIRST = ["glossary/sexual-risk-order.md", "statistics/london/2022-23.md", "statistics/index.md"]


def test_pages_rendered_first_equal_the_full_builds_byte_for_byte(real_site: ProjectPaths) -> None:
    project = load_project(real_site)
    outputs = render_pages(real_site, project, FIRST)
    paths = {output.path for output in outputs}
    assert {"glossary/sexual-risk-order/index.html", "statistics/index.html"} <= paths
    assert "statistics/london/2022-23-eligible.svg" in paths  # a chart the page shows
    assert not any(p.endswith(".svg") and not p.startswith("statistics/") for p in paths)
    for output in outputs:
        built = (real_site.site_dir / output.path).read_bytes()
        assert output.data == built, f"{output.path} differs from the full build's"
    urls_shown = {output.url for output in outputs}
    assert urls_shown == {
        "glossary/sexual-risk-order/",
        "statistics/london/2022-23/",
        "statistics/",
    }


def test_a_save_refreshes_the_page_that_shows_it(make_project: MakeProject) -> None:
    paths = make_project()
    project = load_project(paths)
    (paths.docs_dir / "assets" / "kb.css").touch()
    saved = {
        paths.glossary_dir / "sexual-risk-order.yaml",
        paths.docs_dir / "index.md",
        paths.docs_dir / "assets" / "kb.css",
        paths.statistics_dir / "london" / "2022-23.yaml",
        paths.glossary_dir / "sources.yaml",  # may change any page: the full build's
        paths.glossary_dir / "gone.yaml",  # deleted: likewise
    }
    first = first_pass(saved, paths, project)
    assert sorted(first.pages) == [
        "glossary/sexual-risk-order.md",
        "index.md",
        urls.statistics_year_page("london", "2022-23"),
    ]
    assert first.assets == [("assets/kb.css", paths.docs_dir / "assets" / "kb.css")]
    assert not first_pass({paths.config_file}, paths, project)


def test_what_changed_between_two_sites(tmp_path: Path) -> None:
    site = tmp_path / "site"
    files = {
        "index.html": b"home",
        "guide/levels/index.html": b"levels",
        "assets/kb.css": b"css",
        "search/search_index.json": b"{}",
        ".mappa-kb-build": b"1",
    }
    for rel, data in files.items():
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_bytes(data)
    before = digests(site)
    (site / "guide/levels/index.html").write_bytes(b"levels, edited")
    (site / "search/search_index.json").write_bytes(b"{1}")  # no page shows it
    (site / ".mappa-kb-build").write_bytes(b"2")
    assert changes(before, digests(site)) == ({"guide/levels/"}, False)
    (site / "assets/kb.css").write_bytes(b"css, edited")  # any page may look different
    (site / "index.html").unlink()
    assert changes(before, digests(site)) == ({"guide/levels/", ""}, True)


def test_put_files_writes_what_differs_and_allows_its_inline_scripts(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / SCRIPT_HASHES_FILE).write_text("[]\n", encoding="utf-8")
    page = b"<html><script>var a = 1;</script></html>"
    assert put_files(site, [("a/index.html", page), ("b.css", b"x")]) == {"a/index.html", "b.css"}
    assert put_files(site, [("a/index.html", page)]) == set()  # the same bytes: untouched
    assert set(site_script_hashes(site)) == inline_script_hashes(page.decode())
    assert (site / "a" / "index.html").stat().st_mode & 0o777 == 0o644
    assert not [p for p in site.rglob(".*") if p.name != SCRIPT_HASHES_FILE]  # no temp files


def test_news_says_what_changed_since_a_version() -> None:
    board = Board()
    problem = Problem("glossary/x.yaml", 3, "term", "must not be empty")
    board.publish("check", [problem])
    board.publish("page", [], {"glossary/x/"})
    board.publish("site", [], {"glossary/x/", "glossary/"})
    news = board.news(1)
    assert news["version"] == 3 and news["session"] == board.session
    assert news["changed"] == ["glossary/", "glossary/x/"] and not news["everything"]
    assert [s["stage"] for s in news["stages"]] == ["page", "site"]
    assert news["problems"] == []
    assert board.news(3)["changed"] == [] and board.news(3)["stages"] == []
    board.publish("check", [problem])
    assert board.news(4)["problems"] == [
        {
            "file": "glossary/x.yaml",
            "line": 3,
            "field": "term",
            "message": "must not be empty",
            "text": "glossary/x.yaml:3: [term] must not be empty",
        }
    ]
    for _ in range(300):  # a tab further behind than the history reloads whatever it shows
        board.publish("page", [], {"guide/"})
    assert board.news(1)["everything"] and not board.news(200)["everything"]


@pytest.fixture
def preview_client(tmp_path: Path) -> Iterator[tuple[TestClient, Board]]:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><head><title>t</title></head><body></body></html>")
    (site / "kb.css").write_text("body {}")
    board = Board()
    app = create_app(ProjectPaths.at(tmp_path), installers=[installer(board)])
    with TestClient(app) as client:
        yield client, board


def test_the_watch_mode_server_adds_its_script_to_pages_only(
    preview_client: tuple[TestClient, Board],
) -> None:
    client, board = preview_client
    board.publish("check", [])
    page = client.get("/")
    assert page.status_code == 200
    tag = f'data-session="{board.session}" data-version="1" defer></script></head>'
    assert '<script src="/__preview/preview.js" ' in page.text and tag in page.text
    assert page.headers["cache-control"] == "no-store"
    assert "script-src 'self'" in page.headers["content-security-policy"]  # a file: allowed
    assert "etag" not in page.headers and int(page.headers["content-length"]) == len(page.content)
    assert "__preview" not in client.get("/kb.css").text
    script = client.get("/__preview/preview.js")
    assert script.headers["content-type"].startswith("text/javascript")
    assert 'role", "alert"' in script.text
    assert client.get("/__preview/preview.css").headers["content-type"].startswith("text/css")
    assert client.get("/__preview/other.js").status_code == 404
    news = client.get("/__preview/events", params={"since": 0}).json()
    assert news["version"] == 1 and news["problems"] == []
    assert client.get("/__preview/events", params={"since": -1}).status_code == 422


def test_a_long_poll_returns_as_soon_as_there_is_news(
    preview_client: tuple[TestClient, Board],
) -> None:
    client, board = preview_client
    timer = threading.Timer(0.3, lambda: board.publish("page", [], {"guide/"}))
    timer.start()
    news = client.get("/__preview/events", params={"since": 0, "wait": "true"}).json()
    timer.join()
    assert news["changed"] == ["guide/"]


def test_the_plain_server_adds_nothing(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html><head></head></html>")
    with TestClient(create_app(ProjectPaths.at(tmp_path))) as client:
        assert client.get("/").text == "<html><head></head></html>"
        assert client.get("/__preview/events").status_code == 404


def test_tags_go_before_the_end_of_head() -> None:
    assert add_tags(b"<html><head><title>t</title></HEAD >x", b"<T>") == (
        b"<html><head><title>t</title><T></HEAD >x"
    )
    assert add_tags(b"no head", b"<T>") == b"no head<T>"


def test_editors_scratch_files_are_not_content() -> None:
    for name in (".entry.yaml.swp", "entry.yaml~", "#entry.yaml#", "4913", ".goutputstream-X"):
        assert is_scratch(Path("glossary") / name), name
    assert not is_scratch(Path("glossary/entry.yaml"))


def test_the_watcher_reports_a_save_once_with_the_file_saved(make_project: MakeProject) -> None:
    paths = make_project()
    reported: list[set[Path]] = []
    watcher = Watcher(paths, reported.append)
    watcher.start()
    try:
        entry = paths.glossary_dir / "sexual-risk-order.yaml"
        # As an editor saves: a scratch file written, then renamed over the entry.
        scratch = entry.with_name(".sexual-risk-order.yaml.tmp")
        scratch.write_text(entry.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        scratch.replace(entry)
        (paths.root / "site").mkdir()  # a build swapping site/ in is no save
        deadline = time.monotonic() + 10
        while not reported and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # nothing more comes
    finally:
        watcher.stop()
    assert reported == [{entry}]
