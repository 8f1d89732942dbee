"""The site as served: what Starlette's StaticFiles did still holds with files served
from an open descriptor (directory URLs, 404 page, caching, ranges, no escaping)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from mappa_kb.api import create_app
from mappa_kb.paths import ProjectPaths

PAGE = b"<h1>guide</h1>" + b"g" * 100_000


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("static")
    (root / "site" / "guide").mkdir(parents=True)
    (root / "site" / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    (root / "site" / "guide" / "index.html").write_bytes(PAGE)
    (root / "site" / "404.html").write_text("<h1>not here</h1>", encoding="utf-8")
    (root / "secret.txt").write_text("outside the site", encoding="utf-8")
    with TestClient(create_app(ProjectPaths.at(root))) as test_client:
        yield test_client


def test_pages_and_directory_urls(client: TestClient) -> None:
    home = client.get("/")
    assert home.status_code == 200 and home.text == "<h1>home</h1>"
    assert home.headers["content-type"].startswith("text/html")
    guide = client.get("/guide/")
    assert guide.content == PAGE and guide.headers["content-length"] == str(len(PAGE))
    redirect = client.get("/guide", follow_redirects=False)
    assert redirect.status_code == 307 and redirect.headers["location"].endswith("/guide/")


def test_missing_pages_get_the_404_page(client: TestClient) -> None:
    for path in ("/nowhere/", "/guide/nothing.html", "/index.html%00", "/" + "x" * 5000):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.text == "<h1>not here</h1>", path


def test_nothing_outside_the_site_is_served(client: TestClient) -> None:
    for path in ("/../secret.txt", "/%2e%2e/secret.txt", "/guide/../../secret.txt"):
        assert "outside the site" not in client.get(path).text, path


def test_revalidation_and_ranges(client: TestClient) -> None:
    first = client.get("/guide/")
    again = client.get("/guide/", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    part = client.get("/guide/", headers={"Range": "bytes=4-13"})
    assert part.status_code == 206 and part.content == PAGE[4:14]
    head = client.head("/guide/")
    assert head.status_code == 200 and head.headers["content-length"] == str(len(PAGE))


def test_only_get_and_head(client: TestClient) -> None:
    response = client.post("/guide/")
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD"
