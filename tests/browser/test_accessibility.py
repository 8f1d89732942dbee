"""axe-core on every kind of page, light and dark: WCAG 2.2 AA with nothing unexcused."""

from __future__ import annotations

from pathlib import Path

from servers import Server

from .axe import ALLOWLIST, Excuse, excused, load_allowlist, run_axe
from .conftest import BuiltSite, OpenPage
from .site_pages import page_kinds

SCHEMES = {"light": "default", "dark": "slate"}  # our name -> Material's data-md-color-scheme


def test_allowlist_entries_each_give_a_reason_and_an_upstream_issue() -> None:
    for excuse in load_allowlist():
        assert excuse.reason.strip(), excuse
        assert "/issues/" in excuse.upstream or "/pull/" in excuse.upstream, excuse


def test_every_kind_of_page_meets_wcag_22_aa_in_both_palettes(
    built: BuiltSite, app: Server, open_page: OpenPage, axe_script: Path
) -> None:
    excuses = load_allowlist()
    used: set[Excuse] = set()
    failures: list[str] = []
    checked = 0
    for scheme, material_scheme in SCHEMES.items():
        page = open_page(scheme=scheme)
        for kind, how in page_kinds(built).items():
            url = how.url
            page.goto(app.url + url)
            if how.ready:
                page.locator(how.ready).first.wait_for()
            shown = page.evaluate("document.body.dataset.mdColorScheme")
            assert shown == material_scheme, f"{kind} did not open in the {scheme} palette"
            for finding in run_axe(page, axe_script):
                excuse = excused(finding, excuses)
                if excuse is None:
                    failures.append(f"{kind} ({url}, {scheme}): {finding}")
                else:
                    used.add(excuse)
            checked += 1
    assert checked >= 18
    assert not failures, f"{len(failures)} WCAG 2.2 AA violations:\n" + "\n".join(failures)
    stale = [e.rule for e in excuses if e not in used]
    assert not stale, f"{ALLOWLIST.name} excuses rules that no longer fail, remove them: {stale}"
