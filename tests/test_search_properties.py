"""Properties that hold for any input at all: any unicode, any length, any parameters.

The query layer always answers (never raises), and the API never gives a 5xx and never
sends text that could become markup in a page.
"""

from __future__ import annotations

import json
import string
from collections.abc import Iterator
from urllib.parse import quote_from_bytes

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_support import RESULT_KEYS, build_fixture_index

from mappa_kb.api import create_app
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.answer import ANSWER_CHARS, Answerer

MARKUP = st.sampled_from(["<", ">", "&", "<script>", "</p>", "&amp;", '"', "'", "<img src=x>"])


def questions(longest_repeat: int) -> st.SearchStrategy[str]:
    """Short text and markup, and runs of text repeated up to `longest_repeat` times."""
    runs = st.builds(
        lambda part, times: part * times,
        st.text(min_size=1, max_size=12),
        st.integers(1, longest_repeat),
    )
    # One long "word" of letters is the costly case for spelling correction.
    letters = st.builds(
        lambda rng, size: "".join(rng.choice(string.ascii_letters) for _ in range(size)),
        st.randoms(use_true_random=False),
        st.integers(20, longest_repeat),
    )
    parts = st.one_of(st.text(max_size=80), runs, letters, MARKUP)
    return st.lists(parts, min_size=1, max_size=5).map("".join)


# Tens of thousands of characters in process; over HTTP, what a URL can carry (httpx
# refuses a query string over 64 KiB, and a character can take 12 bytes encoded).
QUESTIONS = questions(4000)
URL_QUESTIONS = questions(400).map(lambda question: question[:5000])
SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> ProjectPaths:
    project = ProjectPaths.at(tmp_path_factory.mktemp("properties"))
    build_fixture_index(project.index_dir)
    project.site_dir.mkdir()
    (project.site_dir / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def answerer(project: ProjectPaths) -> Answerer:
    return Answerer(project.index_dir)


@pytest.fixture(scope="module")
def client(project: ProjectPaths) -> Iterator[TestClient]:
    with TestClient(create_app(project), raise_server_exceptions=False) as test_client:
        yield test_client


@SETTINGS
@given(question=QUESTIONS, k=st.integers(1, 20))
def test_the_query_layer_answers_anything(answerer: Answerer, question: str, k: int) -> None:
    result = answerer.ask(question, k).to_dict()
    assert set(result) == RESULT_KEYS
    assert len(result["answers"]) <= k
    for answer in result["answers"]:
        assert len(answer["text"]) <= ANSWER_CHARS
        assert "://" not in answer["url"] and not answer["url"].startswith("/")
        assert answer["source"] and answer["title"]


@SETTINGS
@given(q=URL_QUESTIONS, k=st.one_of(st.integers(), st.text(max_size=8)))
def test_the_api_never_fails_and_never_sends_markup(client: TestClient, q: str, k: object) -> None:
    response = client.get("/api/ask", params={"q": q, "k": k})
    assert response.status_code in (200, 422), response.status_code
    assert response.headers["content-type"].startswith("application/json")
    for char in "<>&":
        assert char not in response.text, f"raw {char!r} in the API's answer"
    body = json.loads(response.text)
    if response.status_code == 200:
        assert isinstance(body["query"], str) and isinstance(body["answers"], list)
        assert len(q) <= 300
    else:
        assert isinstance(body["detail"], str) and body["detail"]


@SETTINGS
@given(raw=st.binary(max_size=400))
def test_any_bytes_in_the_query_string_never_give_a_5xx(client: TestClient, raw: bytes) -> None:
    response = client.get(f"/api/ask?q={quote_from_bytes(raw)}&k=3")
    assert response.status_code < 500
