"""`mappa-kb serve --watch` as an author meets it, over real sockets: a save shows in the
served page and then in the Q&A; a broken save changes nothing but the problems every
tab is told, and fixing it clears them."""

from __future__ import annotations

from pathlib import Path

import httpx
from preview_support import (
    ENTRY_URL,
    OLD_SUMMARY,
    answer_texts,
    edit,
    entry_file,
    live_server,
    news,
    page_text,
    wait_until,
)
from servers import watch_server

from conftest import MakeProject

NEW_SUMMARY = "A zebra order for people at risk of causing sexual harm."


def test_a_saved_entry_shows_in_its_page_then_in_the_answers(
    make_project: MakeProject, tmp_path: Path
) -> None:
    project = make_project()
    with (
        live_server(project, tmp_path / "server.log") as server,
        httpx.Client(base_url=server.url, timeout=30) as client,
    ):
        start = news(client)["version"]
        assert "zebra" not in page_text(client, ENTRY_URL)
        assert "zebra" not in answer_texts(client, "sexual risk order")

        edit(entry_file(project), OLD_SUMMARY, NEW_SUMMARY)
        wait_until(
            server,
            "the edited page",
            lambda: True if "zebra" in page_text(client, ENTRY_URL) else None,
        )
        wait_until(
            server,
            "the answer",
            lambda: True if "zebra" in answer_texts(client, "sexual risk order") else None,
        )
        stages = [s["stage"] for s in news(client, start)["stages"]]
        assert stages[:1] == ["page"] and "site" in stages  # the page first, then the rest
        assert ENTRY_URL.strip("/") + "/" in news(client, start)["changed"]
        # Elsewhere the summary is a tooltip: the full build brought it there too.
        assert "zebra" in page_text(client, "/")

    # What `mappa-kb build` would leave: no trace of the preview in the site on disk.
    for path in project.site_dir.rglob("*.html"):
        assert "__preview" not in path.read_text(encoding="utf-8"), path


def test_a_broken_save_keeps_the_last_good_page_and_lists_the_problem(
    make_project: MakeProject, tmp_path: Path
) -> None:
    project = make_project()
    with (
        live_server(project, tmp_path / "server.log") as server,
        httpx.Client(base_url=server.url, timeout=30) as client,
    ):
        before = news(client)["version"]
        edit(entry_file(project), "term: Sexual Risk Order", "term: ''")

        def problems() -> list[dict[str, object]] | None:
            found = news(client, before)["problems"]
            return found or None

        found = wait_until(server, "the problem to be published", problems)
        assert found == [
            {
                "file": "glossary/sexual-risk-order.yaml",
                "line": 2,
                "field": "term",
                "message": "must not be empty",
                "text": "glossary/sexual-risk-order.yaml:2: [term] must not be empty",
            }
        ]
        page = page_text(client, ENTRY_URL)  # the last good build, still served
        assert "Sexual Risk Order" in page and OLD_SUMMARY in page
        assert "/__preview/preview.js" in page  # which shows the banner

        edit(entry_file(project), "term: ''", "term: Sexual Risk Order")
        edit(entry_file(project), OLD_SUMMARY, NEW_SUMMARY)
        wait_until(server, "the problem to clear", lambda: None if problems() else True)
        wait_until(
            server,
            "the fixed page",
            lambda: True if "zebra" in page_text(client, ENTRY_URL) else None,
        )


def test_a_save_during_a_full_build_stops_it_and_the_newest_content_wins(
    make_project: MakeProject, tmp_path: Path
) -> None:
    project = make_project()
    with (
        live_server(project, tmp_path / "server.log") as server,
        httpx.Client(base_url=server.url, timeout=30) as client,
    ):
        start = news(client)["version"]
        edit(entry_file(project), OLD_SUMMARY, NEW_SUMMARY)

        def page_stage() -> bool | None:
            return True if news(client, start)["stages"] else None

        wait_until(server, "the first save's page", page_stage)
        edit(entry_file(project), "zebra", "giraffe")  # while the full build runs
        wait_until(
            server,
            "the answer from the second save",
            lambda: True if "giraffe" in answer_texts(client, "sexual risk order") else None,
        )
        assert "giraffe" in page_text(client, ENTRY_URL)
        assert "zebra" not in page_text(client, "/")  # the first save's build never landed
    assert not [p.name for p in project.root.iterdir() if p.name.startswith((".site", ".search"))]


def test_with_nothing_built_and_a_problem_a_waiting_page_lists_it(
    make_project: MakeProject, tmp_path: Path
) -> None:
    project = make_project()
    edit(entry_file(project), "term: Sexual Risk Order", "term: ''")
    server = watch_server(project.root, tmp_path / "server.log")
    try:
        with httpx.Client(base_url=server.url, timeout=30) as client:
            home = page_text(client, "/")
            assert "has not been built yet" in home and "/__preview/preview.js" in home
            found = wait_until(server, "the problem", lambda: news(client)["problems"] or None)
            assert found[0]["field"] == "term"
    finally:
        server.stop()
