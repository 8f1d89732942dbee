"""Screenshots of the Ask page answering, and how tall each answer is on a phone.

    .venv/bin/python scripts/screenshot_ask.py      # after `mappa-kb build`

Serves the built site with its Q&A API (`mappa-kb serve --no-build`) on a free loopback
port and asks the reader questions of tests/browser/ask_questions.yaml in Debian's
chromium. Saves PNGs of those with a `screenshot` name, 390 and 1280 px wide, light and
dark (and, on the phone, the first screen as the answer arrives), in
build/screenshots/ask/; then prints, for every question, the height of the
results on a 390 px phone with 19 px body text (GOV.UK's size, which the site adopts)
against the 1,400 px the Ask page may take.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode

import yaml
from local_server import start, stop
from playwright.sync_api import Page, sync_playwright

from mappa_kb.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
QUESTIONS = ROOT / "tests" / "browser" / "ask_questions.yaml"
PHONE = (390, 844)
WIDE = (1280, 900)
LIMIT = 1400
BODY_TEXT = ".md-typeset { font-size: 0.95rem !important; }"  # 19 px: 0.95 x Material's 20 px rem
RESULTS = "#kb-ask-results .kb-results"


def ask(page: Page, base: str, question: str) -> None:
    page.goto(f"{base}/ask/?{urlencode({'question': question})}")
    page.locator(RESULTS).wait_for()
    page.evaluate("async () => { await document.fonts.ready; }")


def results_height(page: Page) -> float:
    height: float = page.locator(RESULTS).evaluate("(el) => el.getBoundingClientRect().height")
    return height


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots" / "ask")
    args = parser.parse_args(argv)
    if not (ROOT / "site" / "index.html").is_file():
        print("No built site: run `.venv/bin/mappa-kb build` first.")
        return 1
    questions = yaml.safe_load(QUESTIONS.read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    server, base = start(ROOT)
    too_tall = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for scheme in ("light", "dark"):
                for width, height in (PHONE, WIDE):
                    context = browser.new_context(
                        color_scheme=scheme, viewport={"width": width, "height": height}
                    )
                    page = context.new_page()
                    for item in questions:
                        if "screenshot" not in item or (scheme == "dark" and width != PHONE[0]):
                            continue
                        ask(page, base, item["q"])
                        path = args.out / f"{item['screenshot']}.{scheme}.{width}.png"
                        if width == PHONE[0] and scheme == "light":
                            # What a reader sees first: the screen as the answer arrives.
                            first = path.with_suffix(".first-screen.png")
                            page.screenshot(path=str(first))
                            print(f"saved {first.relative_to(ROOT)}")
                        page.evaluate("() => window.scrollTo(0, 0)")  # the header on top
                        page.screenshot(path=str(path), full_page=True)
                        print(f"saved {path.relative_to(ROOT)}")
                    context.close()
            context = browser.new_context(viewport={"width": PHONE[0], "height": PHONE[1]})
            page = context.new_page()
            print(f"\nResults height at {PHONE[0]} px wide, 19 px body text (limit {LIMIT:,} px):")
            for item in questions:
                ask(page, base, item["q"])
                page.add_style_tag(content=BODY_TEXT)
                tall = results_height(page)
                too_tall += tall > LIMIT
                mark = "TOO TALL" if tall > LIMIT else ""
                print(f"  {tall:6.0f} px  {item['q']}  {mark}")
            context.close()
            browser.close()
    finally:
        stop(server)
    return 1 if too_tall else 0


if __name__ == "__main__":
    sys.exit(main())
