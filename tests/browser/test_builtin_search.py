"""Material's own search box, used from the keyboard, finds an acronym."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect
from servers import Server

from .axe import excused, load_allowlist, run_axe
from .conftest import BuiltSite, OpenPage
from .keyboard import press_until_focused


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_builtin_search_finds_shpo(
    built: BuiltSite, app: Server, open_page: OpenPage, axe_script: Path, scheme: str
) -> None:
    shpo = [e for e in built.glossary.entries.values() if "SHPO" in e.abbreviations]
    assert shpo, "the glossary has no entry abbreviated SHPO"
    entry = shpo[0]
    page = open_page(app.url + "/", scheme=scheme)
    page.keyboard.press("/")  # Material's shortcut to the search box
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("SHPO")
    result = page.locator(f".md-search-result__link[href*='/glossary/{entry.id}/']").first
    expect(result).to_be_visible()
    expect(result).to_contain_text(entry.term)

    # Material's search results are part of every page: they must meet AA too.
    problems = [f for f in run_axe(page, axe_script) if not excused(f, load_allowlist())]
    assert not problems, "\n".join(map(str, problems))

    # Arrow keys walk the results; Enter follows the one chosen.
    press_until_focused(page, result, key="ArrowDown", limit=20)
    page.keyboard.press("Enter")
    # Material adds ?h=... to highlight the words searched for.
    expect(page).to_have_url(re.compile(rf"^{re.escape(app.url)}/glossary/{entry.id}/(\?h=.*)?$"))
    expect(page.locator("h1")).to_contain_text(entry.term)
