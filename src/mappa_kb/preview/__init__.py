"""Live preview for authors (`mappa-kb serve --watch`): save a file, see the page change.

`watcher` reports saves; `live` checks the content, renders the edited pages at once
(`pages`) and rebuilds the rest in another process (`full_build`); `news` tells open
tabs, whose script (`static/`) the watch-mode server adds to its pages (`web`).
"""

from __future__ import annotations

from mappa_kb.preview.live import LivePreview
from mappa_kb.preview.news import Board
from mappa_kb.preview.watcher import Watcher
from mappa_kb.preview.web import installer

__all__ = ["Board", "LivePreview", "Watcher", "installer"]
