"""axe-core on every kind of page, light and dark: WCAG 2.2 AA with nothing unexcused."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect
from servers import Server

from .axe import ALLOWLIST, Excuse, excused, load_allowlist, run_axe
from .conftest import BuiltSite, OpenPage
from .keyboard import small_targets
from .site_pages import page_kinds

SCHEMES = {"light": "default", "dark": "slate"}  # our name -> Material's data-md-color-scheme
# Material's palette buttons in the header: each is the label of the palette it turns on.
DARK_TOGGLE = "label[for='__palette_1']"
LIGHT_TOGGLE = "label[for='__palette_0']"
SETTLE = "async () => { await Promise.all(document.getAnimations().map((a) => a.finished)); }"


def test_allowlist_entries_each_give_a_reason_and_an_upstream_issue() -> None:
    for excuse in load_allowlist():
        assert excuse.reason.strip(), excuse
        assert "/issues/" in excuse.upstream or "/pull/" in excuse.upstream, excuse


def test_every_kind_of_page_meets_wcag_22_aa_in_both_palettes(
    built: BuiltSite, app: Server, open_page: OpenPage, axe_script: Path
) -> None:
    """axe on each page in the light palette, then again after switching to dark with
    the header's own toggle; the wide-screen target sizes are checked on the way."""
    excuses = load_allowlist()
    used: set[Excuse] = set()
    failures: list[str] = []
    page = open_page()
    for kind, how in page_kinds(built).items():
        page.goto(app.url + how.url)
        if how.ready:
            page.locator(how.ready).first.wait_for()
        for scheme, material_scheme in SCHEMES.items():
            if scheme == "dark":
                page.locator(DARK_TOGGLE).click()
            expect(page.locator("body")).to_have_attribute("data-md-color-scheme", material_scheme)
            page.evaluate(SETTLE)  # colours fade to the new palette: measure the end state
            for finding in run_axe(page, axe_script):
                excuse = excused(finding, excuses)
                if excuse is None:
                    failures.append(f"{kind} ({how.url}, {scheme}): {finding}")
                else:
                    used.add(excuse)
            if scheme == "light":
                failures += [f"{kind} ({how.url}): target {t}" for t in small_targets(page)]
        page.locator(LIGHT_TOGGLE).click()  # the choice is remembered: back for the next
    assert not failures, f"{len(failures)} problems:\n" + "\n".join(failures)
    stale = [e.rule for e in excuses if e not in used]
    assert not stale, f"{ALLOWLIST.name} excuses rules that no longer fail, remove them: {stale}"


def test_a_reader_who_prefers_dark_gets_the_dark_palette(app: Server, open_page: OpenPage) -> None:
    page = open_page(app.url + "/", scheme="dark")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(app.url + "/glossary/")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
