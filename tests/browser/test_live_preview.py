"""`mappa-kb serve --watch` in a browser: a save reloads the open page by itself; a
broken save leaves the page as it was and shows every open tab an accessible banner
naming file, line, field and problem, until the file is fixed."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect
from preview_support import DEADLINE, ENTRY_URL, OLD_SUMMARY, edit, entry_file, live_server

from conftest import MakeProject

from .axe import excused, load_allowlist, run_axe
from .conftest import OpenPage

WAIT = DEADLINE * 1000  # milliseconds, as Playwright counts them
NEW_SUMMARY = "A zebra order for people at risk of causing sexual harm."
MARK = "() => { window.kbNotReloaded = true; }"
NOT_RELOADED = "() => window.kbNotReloaded === true"


def test_a_save_reloads_the_page_and_a_problem_shows_until_fixed(
    make_project: MakeProject,
    tmp_path: Path,
    open_page: OpenPage,
    browser: Browser,
    axe_script: Path,
) -> None:
    project = make_project()
    entry = entry_file(project)
    with live_server(project, tmp_path / "server.log") as server:
        page = open_page(server.url + ENTRY_URL)
        article = page.locator("article")
        expect(article).to_contain_text(OLD_SUMMARY)
        page.evaluate(MARK)

        edit(entry, OLD_SUMMARY, NEW_SUMMARY)
        expect(article).to_contain_text("zebra", timeout=WAIT)
        assert not page.evaluate(NOT_RELOADED)  # the page reloaded by itself

        page.evaluate(MARK)
        edit(entry, "term: Sexual Risk Order", "term: ''")
        banner = page.get_by_role("alert")
        expect(banner).to_contain_text("glossary/sexual-risk-order.yaml, line 2", timeout=WAIT)
        expect(banner).to_contain_text("field term: must not be empty")
        expect(banner).to_be_in_viewport()
        expect(article).to_contain_text("zebra")  # the last good page, as it was
        assert page.evaluate(NOT_RELOADED)
        other = open_page(server.url + "/")  # a tab opened now shows it at once
        expect(other.get_by_role("alert")).to_contain_text("must not be empty")
        # axe is injected as an inline script, which the policy rightly blocks: this one
        # tab lets it in, to check the banner the other tabs show.
        with browser.new_context(bypass_csp=True) as context:
            checked = context.new_page()
            checked.goto(server.url + ENTRY_URL)
            expect(checked.get_by_role("alert")).to_contain_text("must not be empty")
            excuses = load_allowlist()
            findings = [f for f in run_axe(checked, axe_script) if excused(f, excuses) is None]
            assert not findings, "\n".join(map(str, findings))

        edit(entry, "term: ''", "term: Sexual Risk Order")
        expect(banner).to_have_count(0, timeout=WAIT)
        expect(other.get_by_role("alert")).to_have_count(0)
        expect(article).to_contain_text("zebra")
        # Close the tabs while the server is still there: Material fetches in the
        # background (a reload after the fix may still be loading), and a server stopped
        # under an open tab is a network error no reader meets.
        for tab in (page, other):
            tab.context.close()
