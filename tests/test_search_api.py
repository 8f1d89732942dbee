"""GET /api/ask: the CLI's JSON over HTTP, with limits, escaping and no server errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from search_support import RESULT_KEYS, build_fixture_index

from mappa_kb.api import SECURITY_HEADERS, create_app
from mappa_kb.paths import ProjectPaths
from mappa_kb.search.api import AskResult


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    root = tmp_path_factory.mktemp("api")
    build_fixture_index(root / "search_index")
    (root / "site").mkdir()
    (root / "site" / "index.html").write_text("<h1>home</h1>", encoding="utf-8")
    with TestClient(create_app(ProjectPaths.at(root))) as test_client:
        yield test_client


def test_answers_with_the_cli_contract(client: TestClient) -> None:
    response = client.get("/api/ask", params={"q": "What is an SRO?", "k": 2})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    data = response.json()
    assert set(data) == RESULT_KEYS
    assert data["query"] == "What is an SRO?"
    assert len(data["answers"]) <= 2
    assert data["answers"][0]["url"] == "glossary/sexual-risk-order/"
    assert set(data["answers"][0]) == {
        "title",
        "text",
        "url",
        "source",
        "kind",
        "score",
        "figures",
        "working",
        "summary",
        "definition",
        "value",
        "counts",
        "sources",
    }


def test_default_is_five_answers_at_most(client: TestClient) -> None:
    data = client.get("/api/ask", params={"q": "order"}).json()
    assert 1 <= len(data["answers"]) <= 5


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "q: Field required"),
        ({"q": "x" * 301}, "q: String should have at most 300 characters"),
        ({"q": "sro", "k": 0}, "k: Input should be greater than or equal to 1"),
        ({"q": "sro", "k": 21}, "k: Input should be less than or equal to 20"),
        (
            {"q": "sro", "k": "five"},
            "k: Input should be a valid integer, unable to parse string as an integer",
        ),
    ],
)
def test_limits_give_422_with_a_message(
    client: TestClient, params: dict[str, object], message: str
) -> None:
    response = client.get("/api/ask", params=params)
    assert response.status_code == 422
    assert response.json() == {"detail": message}


def test_limits_are_inclusive(client: TestClient) -> None:
    assert client.get("/api/ask", params={"q": "x" * 300, "k": 20}).status_code == 200
    assert client.get("/api/ask", params={"q": "sro", "k": 1}).status_code == 200


def test_html_in_answers_and_queries_is_escaped(client: TestClient) -> None:
    response = client.get("/api/ask", params={"q": "<b>SRO</b> & <script>"})
    assert response.status_code == 200
    assert "<" not in response.text and ">" not in response.text and "&" not in response.text
    assert response.json()["query"] == "<b>SRO</b> & <script>"


def test_security_headers_on_api_and_site(client: TestClient) -> None:
    for path in ("/api/ask?q=sro", "/"):
        response = client.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert response.headers[name] == value
    assert client.get("/api/ask?q=sro").headers["cache-control"] == "no-store"


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(q=st.text(max_size=300), k=st.integers(min_value=1, max_value=20))
def test_no_question_causes_a_server_error(client: TestClient, q: str, k: int) -> None:
    response = client.get("/api/ask", params={"q": q, "k": k})
    assert response.status_code == 200
    assert json.loads(response.text)["answers"] is not None


@pytest.mark.parametrize(
    "raw",
    ["q=%00", "q=%FF%FE", "q=%", "q=a&q=b", "q=NOT%20NOT%20x", "q=sro%3F", "q=%22%28%2A",
     "q=" + "%F0%9F%92%A5" * 70, "q=sro&k=", "q=sro&k=1e3", "k=3"],
)  # fmt: skip
def test_odd_query_strings_never_give_5xx(client: TestClient, raw: str) -> None:
    assert client.get(f"/api/ask?{raw}").status_code < 500


@pytest.mark.parametrize("damaged", [False, True])
def test_no_index_is_503_with_a_message_that_names_no_folder(tmp_path: Path, damaged: bool) -> None:
    if damaged:
        (tmp_path / "search_index").mkdir()
        (tmp_path / "search_index" / "lexicon.json").write_text("{", encoding="utf-8")
    with TestClient(create_app(ProjectPaths.at(tmp_path))) as empty:
        response = empty.get("/api/ask", params={"q": "sro"})
    assert response.status_code == 503
    assert "mappa-kb build" in response.json()["detail"]
    assert str(tmp_path) not in response.text
    assert "search_index" not in response.text


def test_head_is_get_without_the_body(client: TestClient) -> None:
    get = client.get("/api/ask", params={"q": "sro"})
    head = client.head("/api/ask", params={"q": "sro"})
    assert head.status_code == 200
    assert head.content == b""
    for name in ("content-type", "content-length", "cache-control", *SECURITY_HEADERS):
        assert head.headers[name] == get.headers[name]
    assert client.head("/api/ask").status_code == 422  # the same limits as GET


def test_the_openapi_document_describes_the_ask_api_only(client: TestClient) -> None:
    """Public on purpose (see README, API): other tools may ask too. Anything more
    appearing here would be published by accident."""
    spec = client.get("/openapi.json").json()
    assert {path: set(methods) for path, methods in spec["paths"].items()} == {"/api/ask": {"get"}}


def test_the_openapi_document_gives_the_answer_json_with_its_version(client: TestClient) -> None:
    """Other tools can be written against the published schema: the models list every
    field the answer has, the version among them."""
    spec = client.get("/openapi.json").json()
    responses = spec["paths"]["/api/ask"]["get"]["responses"]
    assert responses["200"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/AskResult"
    }
    assert responses["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/Detail"
    }
    schemas = spec["components"]["schemas"]
    result = schemas["AskResult"]
    assert result["properties"]["version"]["const"] == 1
    data = client.get("/api/ask", params={"q": "im worried about a child next door"}).json()
    assert set(result["properties"]) == set(data) == set(result["required"])
    answer = client.get("/api/ask", params={"q": "What is an SRO?"}).json()["answers"][0]
    assert set(schemas["AnswerOut"]["properties"]) == set(answer)
    assert set(schemas["HelpOut"]["properties"]) == set(data["help"][0])
    assert all(schemas[name].get("description") for name in ("AskResult", "AnswerOut", "HelpOut"))


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    q=st.one_of(
        st.sampled_from(["What is an SRO?", "how long does an SRO last", "in danger",
                         "im worried about a child next door", "London level 2 2022-23",
                         "mappa in scotland", ""]),
        st.text(max_size=60),
    )
)  # fmt: skip
def test_every_answer_matches_the_published_schema(client: TestClient, q: str) -> None:
    AskResult.model_validate(client.get("/api/ask", params={"q": q}).json())


def test_the_cli_prints_the_same_json(client: TestClient, tmp_path: Path) -> None:
    import subprocess
    import sys

    build_fixture_index(tmp_path / "search_index")
    cli = "import sys; from mappa_kb.cli import main; sys.exit(main())"
    question = "im worried about a child next door"
    done = subprocess.run(
        [sys.executable, "-c", cli, "ask", "--json", "--root", str(tmp_path), question],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(done.stdout) == client.get("/api/ask", params={"q": question}).json()
