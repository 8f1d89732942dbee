"""Save PNG screenshots of key pages in the light and dark palettes, for a person to look at.

    .venv/bin/python scripts/screenshot.py     # key pages, 390 and 1280 px, into build/screenshots/
    .venv/bin/python scripts/screenshot.py --full /glossary/sexual-risk-order/ --width 390

Serves the built folder (run `mappa-kb build` first) on a free loopback port and drives
Debian's chromium through Playwright, like the browser tests. Pages that the site does not
have (yet) are skipped with a note, so the default list can name every kind of page.
"""

from __future__ import annotations

import argparse
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

from mappa_kb.chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
KEY_PAGES = [
    "/",
    "/public/",
    "/staff/",
    "/about/report-a-concern/",
    "/guide/orders-compared/",
    "/lay-advisers/question-bank/",
    "/glossary/",
    "/glossary/topics/",
    "/glossary/sexual-risk-order/",
    "/glossary/sexual-harm-prevention-order/",
    "/ask/",
    "/statistics/",
    "/statistics/london/2022-23/",
    "/about/",
    "/about/accessibility/",
]
WIDTHS = (390, 1280)
"""A phone (iPhone 12 to 15: 390 by 844) and a laptop."""
HEIGHTS = {390: 844}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def _name(url: str, scheme: str, width: int) -> str:
    slug = url.strip("/").replace("/", "_") or "home"
    return f"{slug}.{scheme}.{width}.png"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "pages", nargs="*", help="site paths such as /glossary/ (default: key pages)"
    )
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="built site folder")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument(
        "--width",
        type=int,
        action="append",
        help="viewport width in CSS px; may be given more than once (default: 390 and 1280)",
    )
    parser.add_argument(
        "--height", type=int, help="viewport height in CSS px (default: 844 at 390, else 900)"
    )
    parser.add_argument("--full", action="store_true", help="whole page, not just the viewport")
    args = parser.parse_args(argv)

    if not (args.site / "index.html").is_file():
        print(f"No built site in {args.site}: run `.venv/bin/mappa-kb build` first.")
        return 1
    pages = args.pages or KEY_PAGES
    handler = functools.partial(_QuietHandler, directory=str(args.site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    args.out.mkdir(parents=True, exist_ok=True)
    saved = 0
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            for width in args.width or WIDTHS:
                height = args.height or HEIGHTS.get(width, 900)
                for scheme in ("light", "dark"):
                    context = browser.new_context(
                        color_scheme=scheme, viewport={"width": width, "height": height}
                    )
                    page = context.new_page()
                    for url in pages:
                        if not (args.site / url.strip("/") / "index.html").is_file():
                            print(f"skipped {url}: not in the built site")
                            continue
                        page.goto(base + url, wait_until="networkidle")
                        path = args.out / _name(url, scheme, width)
                        page.screenshot(path=str(path), full_page=args.full)
                        saved += 1
                        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
                        print(f"saved {shown}")
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    print(f"{saved} screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
