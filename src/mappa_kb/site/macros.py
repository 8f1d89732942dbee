"""Macros available in docs/ pages (mkdocs-macros). Each macro is a thin call into
the content and render layers; figures are never typed into prose."""

from __future__ import annotations

from typing import Any

from mappa_kb.site import contact_macros, source_macros, statistics_macros


def define_env(env: Any) -> None:
    """Register macros with mkdocs-macros."""
    statistics_macros.register(env)
    source_macros.register(env)
    contact_macros.register(env)
