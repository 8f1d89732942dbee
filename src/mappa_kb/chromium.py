"""How the browser tests and the screenshot script start Debian's chromium.

Playwright cannot download its own browser on our machines, so both drive the apt
package. The flags keep a headless run quiet and offline: no sandbox (CI runs as root),
no GPU, and none of the background calls (updates, sync, QUIC) that would reach the
network or make timings noisy. One list, so the two cannot drift apart.
"""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
