"""MAPPA knowledge base: content, rendering, statistics and question answering.

Data flows one way: content -> render -> site, and content -> search -> cli/api.
"""

from __future__ import annotations

__version__ = "0.1.0"
